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
