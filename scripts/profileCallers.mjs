// Who calls a function, weighted by its self time: node scripts/profileCallers.mjs FILE NAME [depth]
import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const name = process.argv[3];
const depth = Number(process.argv[4] ?? 3);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) =>
  `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').slice(-1)[0]}`;
const chains = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  // inclusive: any ancestor named NAME
  let hit = null;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    if (byId.get(cur).callFrame.functionName === name) {
      hit = cur;
      break;
    }
  }
  if (hit === null) continue;
  const chain = [];
  for (let cur = parent.get(hit), d = 0; cur !== undefined && d < depth; cur = parent.get(cur), d++)
    chain.push(label(byId.get(cur)));
  const key = chain.join(' < ');
  chains.set(key, (chains.get(key) ?? 0) + profile.timeDeltas[i]);
  total += profile.timeDeltas[i];
}
for (const [k, t] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
console.log(`inclusive ${name}: ${(total / 1000).toFixed(0)} ms`);
