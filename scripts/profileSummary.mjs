// node scripts/profileSummary.mjs file.cpuprofile [n]: top self-time functions, in %.
import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const n = Number(process.argv[3] ?? 15);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const dt = profile.timeDeltas;
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const f = node.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  const d = dt[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + d);
  total += d;
});
[...self.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, n)
  .forEach(([key, t]) => {
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
  });

// Inclusive time (self and callees), once per function on each sample's stack.
const parent = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const f = byId.get(at).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + (dt[i] ?? 0));
  }
});
console.log('inclusive:');
[...inclusive.entries()]
  .filter(([key]) => key.includes('sim/') || key.includes('world/') || key.includes('dispatch/'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, n)
  .forEach(([key, t]) => console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`));
