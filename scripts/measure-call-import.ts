/**
 * Measures a large call-history import end to end, as a planner would run it: a CSV of N calls
 * (default 2,000,000, spread over a year in the default city) through `sim import-calls --fit`,
 * then the written scenario loaded as `sim run` loads it, in a fresh process (as the next
 * command would). Prints the time of each step, the sizes, and the peak memory (maximum resident
 * set) of each process. `npx tsx scripts/measure-call-import.ts [N]`
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { main } from '../src/cli/cli.ts';
import { loadScenarioText } from '../src/scenarios/load.ts';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const rss = () => mb(process.resourceUsage().maxRSS * 1024);

if (process.argv[2] === '--load') {
  const t0 = performance.now();
  const loaded = loadScenarioText(readFileSync(process.argv[3], 'utf8'));
  const seconds = (performance.now() - t0) / 1000;
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
  const count = loaded.scenario.arrivals.incidents.length.toLocaleString('en');
  console.log(
    `load (fresh process): ${seconds.toFixed(1)} s; ${count} listed incidents; peak RSS ${rss()}`,
  );
  process.exit(0);
}

const calls = Number(process.argv[2] ?? 2_000_000);
const dir = mkdtempSync(join(tmpdir(), 'drill-measure-'));
const kinds = ['fire', 'medical', 'trafficAccident', 'elevator', 'assistance', 'gasLeak'];
// A fixed linear congruential sequence: the same file every time.
let state = 12345;
const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pad = (n: number) => String(n).padStart(2, '0');
const lines = ['接警时间,案件类型,经度,纬度'];
const start = Date.UTC(2025, 0, 1);
const year = 365 * 86_400_000;
const times = Array.from({ length: calls }, () => Math.floor(next() * year)).sort((a, b) => a - b);
for (const t of times) {
  const d = new Date(start + t);
  const when = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const lon = (120.03 + next() * 0.08).toFixed(6);
  const lat = (30.17 + next() * 0.06).toFixed(6);
  lines.push(`${when},${kinds[Math.floor(next() * kinds.length)]},${lon},${lat}`);
}
const csv = join(dir, 'calls.csv');
writeFileSync(csv, lines.join('\n'));
lines.length = 0;
const out = join(dir, 'scenario.json');

const t0 = performance.now();
const error = console.error;
console.error = () => {};
const code = main(['import-calls', csv, '--scenario', 'default-city', '--fit', '--out', out]);
console.error = error;
const importSeconds = (performance.now() - t0) / 1000;
if (code !== 0) throw new Error(`import-calls exited ${String(code)}`);
console.log(`calls: ${calls.toLocaleString('en')}; CSV ${mb(statSync(csv).size)}`);
console.log(
  `import: ${importSeconds.toFixed(1)} s; scenario file ${mb(statSync(out).size)}; peak RSS so far ${rss()}`,
);
process.stdout.write(
  execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--load', out], {
    encoding: 'utf8',
  }),
);
