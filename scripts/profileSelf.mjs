// Top self-time functions of a .cpuprofile: node scripts/profileSelf.mjs FILE [N]
import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const f = node.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt[i]);
  total += dt[i];
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
for (const [key, t] of rows)
  console.log(
    `${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${key}`,
  );
console.log(`total ${(total / 1000).toFixed(0)} ms`);
