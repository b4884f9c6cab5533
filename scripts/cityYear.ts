/**
 * One benchmark-city year, timed in CPU seconds (process.cpuUsage), split into the simulation
 * and the metrics after it: `tsx scripts/cityYear.ts [runs] [--profile FILE] [--root CHECKOUT]`. Prints one JSON
 * line per run and a line of medians; with --profile, writes a CPU profile of the runs alone
 * (the city's construction left out) for scripts/profile.mjs.
 */
import { writeFileSync } from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';

// Another checkout's simulator (`--root ../other-checkout`) for a before/after pair on one machine.
const rootAt = process.argv.indexOf('--root');
const root = rootAt > 0 ? `${process.argv[rootAt + 1]}/` : new URL('../', import.meta.url).pathname;
const { builtinScenario } = (await import(
  `${root}src/scenarios/builtin/index.ts`
)) as typeof import('../src/scenarios/builtin/index.ts');
const { replicationMetrics } = (await import(
  `${root}src/sim/analysis/metrics.ts`
)) as typeof import('../src/sim/analysis/metrics.ts');
const { replaySession } = (await import(
  `${root}src/sim/session.ts`
)) as typeof import('../src/sim/session.ts');

const runs = Number(process.argv[2] ?? 3);
const profileAt = process.argv.indexOf('--profile');
const city = builtinScenario('benchmark-city');
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const inspector = profileAt > 0 ? new Inspector() : undefined;
const sims: number[] = [];
const metrics: number[] = [];
for (let r = -1; r < runs; r++) {
  if (r === 0 && inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.post('Profiler.start');
  }
  const start = cpu();
  const session = replaySession(city, r + 2, []);
  while (session.advance().status !== 'finished');
  const trace = session.finishTrace();
  const mid = cpu();
  const summary = replicationMetrics(trace, city, session.staffing());
  const end = cpu();
  if (r < 0) continue; // a warm-up year first, as the bench has (the JIT compiles the hot paths)
  sims.push(mid - start);
  metrics.push(end - mid);
  console.log(
    JSON.stringify({ seed: r + 2, sim: mid - start, metrics: end - mid, calls: summary.calls }),
  );
}
if (inspector) {
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(process.argv[profileAt + 1], JSON.stringify(profile));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(JSON.stringify({ medianSim: median(sims), medianMetrics: median(metrics) }));
