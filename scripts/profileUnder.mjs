// Self time of the functions under one function (inclusive of it): node scripts/profileUnder.mjs FILE NAME [N]
import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const name = process.argv[3];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  let under = false;
  for (let cur = profile.samples[i]; cur !== undefined; cur = parent.get(cur)) {
    if (byId.get(cur).callFrame.functionName === name) {
      under = true;
      break;
    }
  }
  if (!under) continue;
  const f = byId.get(profile.samples[i]).callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}`;
  self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i]);
  total += profile.timeDeltas[i];
}
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 15)))
  console.log(
    `${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`,
  );
console.log(`under ${name}: ${(total / 1000).toFixed(0)} ms`);
