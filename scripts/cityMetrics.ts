/**
 * The figures after one benchmark-city year, old (tests/reference/metricsBefore, main before
 * issue 13) against new (src/sim/analysis): checks they are the same bits, then times each
 * `rounds` times, interleaved, in CPU seconds: `tsx scripts/cityMetrics.ts [rounds] [seed] [--profile FILE]`.
 */
import { writeFileSync } from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';
import { builtinScenario } from '../src/scenarios/builtin/index.ts';
import { replicationMetrics } from '../src/sim/analysis/metrics.ts';
import { replaySession } from '../src/sim/session.ts';
import { replicationMetrics as before } from '../tests/reference/metricsBefore/metrics.ts';
import { firstDifference } from '../tests/reference/sameBits.ts';

const rounds = Number(process.argv[2] ?? 5);
const seed = Number(process.argv[3] ?? 1);
const city = builtinScenario('benchmark-city');
const session = replaySession(city, seed, []);
while (session.advance().status !== 'finished');
const trace = session.finishTrace();
const staffing = session.staffing();
console.log(`trace: ${trace.length} records, ${trace.incidentCount} incidents`);
const difference = firstDifference(
  replicationMetrics(trace, city, staffing),
  before(trace, city, staffing),
);
console.log(difference ? `DIFFERENT: ${difference}` : 'same bits');
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const times = { before: [] as number[], after: [] as number[] };
for (let r = 0; r < rounds; r++) {
  let start = cpu();
  before(trace, city, staffing);
  times.before.push(cpu() - start);
  start = cpu();
  replicationMetrics(trace, city, staffing);
  times.after.push(cpu() - start);
}
if (process.argv.includes('--profile')) {
  // A CPU profile of the new figures alone, for scripts/profileSelf.mjs.
  const inspector = new Inspector();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
  await inspector.post('Profiler.start');
  for (let r = 0; r < rounds; r++) replicationMetrics(trace, city, staffing);
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(process.argv[process.argv.indexOf('--profile') + 1], JSON.stringify(profile));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(
  JSON.stringify({
    rounds,
    medianBefore: median(times.before),
    medianAfter: median(times.after),
    before: times.before,
    after: times.after,
  }),
);
