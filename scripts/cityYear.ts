/**
 * One benchmark-city year, timed in CPU seconds (process.cpuUsage), split into the simulation
 * and the metrics after it: `tsx scripts/cityYear.ts [runs] [--profile FILE]`. Prints one JSON
 * line per run and a line of medians; with --profile, writes a CPU profile of the runs alone
 * (the city's construction left out) for scripts/profileSummary.mjs.
 */
import { writeFileSync } from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';
import { builtinScenario } from '../src/scenarios/builtin/index.ts';
import { replicationMetrics } from '../src/sim/analysis/metrics.ts';
import { replaySession } from '../src/sim/session.ts';

const runs = Number(process.argv[2] ?? 3);
const profileAt = process.argv.indexOf('--profile');
const city = builtinScenario('benchmark-city');
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const inspector = profileAt > 0 ? new Inspector() : undefined;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
  await inspector.post('Profiler.start');
}
const sims: number[] = [];
const metrics: number[] = [];
for (let r = 0; r < runs; r++) {
  const start = cpu();
  const session = replaySession(city, r + 1, []);
  while (session.advance().status !== 'finished');
  const trace = session.finishTrace();
  const mid = cpu();
  const summary = replicationMetrics(trace, city, session.staffing());
  const end = cpu();
  sims.push(mid - start);
  metrics.push(end - mid);
  console.log(
    JSON.stringify({ seed: r + 1, sim: mid - start, metrics: end - mid, calls: summary.calls }),
  );
}
if (inspector) {
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(process.argv[profileAt + 1], JSON.stringify(profile));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(JSON.stringify({ medianSim: median(sims), medianMetrics: median(metrics) }));
