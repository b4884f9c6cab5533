/**
 * Summaries of a V8 CPU profile (`node --cpu-prof`, or `--profile` of scripts/cityYear.ts):
 *   node scripts/profile.mjs FILE [N]                  top N self-time functions, then inclusive
 *                                                      time of the simulator's own functions;
 *   node scripts/profile.mjs FILE --under NAME [N]     self time of what runs under function NAME;
 *   node scripts/profile.mjs FILE --callers NAME [D]   who calls NAME (D frames up), by its time.
 */
import { readFileSync } from 'node:fs';

const [file, mode, name, count] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const delta = (i) => profile.timeDeltas[i] ?? 0;
const where = (id, line = true) => {
  const f = byId.get(id).callFrame;
  const at = f.url.split('/').slice(-2).join('/');
  return `${f.functionName || '(anon)'} ${at}${line ? `:${f.lineNumber + 1}` : ''}`;
};
/** The nearest frame on a sample's stack that is function NAME, or undefined. */
const frameNamed = (id, wanted) => {
  for (let at = id; at !== undefined; at = parent.get(at)) {
    if (byId.get(at).callFrame.functionName === wanted) return at;
  }
  return undefined;
};

function print(times, total, n) {
  for (const [key, t] of [...times].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    const share = ((100 * t) / total).toFixed(1).padStart(5);
    console.log(`${share}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
}

function add(times, key, t) {
  times.set(key, (times.get(key) ?? 0) + t);
}

if (mode === '--under' || mode === '--callers') {
  const times = new Map();
  let total = 0;
  const depth = Number(count ?? 3);
  profile.samples.forEach((id, i) => {
    const hit = frameNamed(id, name);
    if (hit === undefined) return;
    total += delta(i);
    if (mode === '--under') return add(times, where(id, false), delta(i));
    const chain = [];
    for (let at = parent.get(hit), d = 0; at !== undefined && d < depth; at = parent.get(at), d++) {
      chain.push(where(at, false));
    }
    add(times, chain.join(' < '), delta(i));
  });
  print(times, total, mode === '--under' ? Number(count ?? 15) : 15);
  console.log(
    `${mode === '--under' ? 'under' : 'inclusive'} ${name}: ${(total / 1000).toFixed(0)} ms`,
  );
} else {
  const n = Number(mode ?? 15);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    total += delta(i);
    add(self, where(id), delta(i));
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = where(at, false);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, delta(i));
    }
  });
  print(self, total, n);
  console.log('inclusive (the simulator and its analysis):');
  const own = [...inclusive].filter(([key]) => /sim\/|world\/|dispatch\/|analysis\//.test(key));
  print(new Map(own), total, n);
  console.log(`total ${(total / 1e6).toFixed(2)} s`);
}
