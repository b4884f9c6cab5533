/**
 * `npx tsx scripts/mmcProfile.ts [calls] [repetitions]`: the bench's M/M/3 alone, in turn with
 * SimJS, for profiling the per-call path (`node --cpu-prof --import tsx scripts/mmcProfile.ts`).
 * Prints CPU time per call, calls/s (median of the repetitions) and the ratio to SimJS.
 */
import { queueScenario } from '../src/scenarios/theory.ts';
import { Session } from '../src/sim/session.ts';
import { simjsMmc } from './simjsMmc.ts';

const calls = Number(process.argv[2] ?? 600_000);
const repetitions = Number(process.argv[3] ?? 5);
const noSimjs = process.argv.includes('--no-simjs');
const minutes = Math.round(calls / 1.5);
const scenario = queueScenario({
  servers: 3,
  arrivalRatePerMinute: 1.5,
  serviceRatePerMinute: 1,
  whenNoUnit: 'queue',
  durationMinutes: minutes,
});

function cpu(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[values.length >> 1];

let seed = 1;
/**
 * With --prefault, the trace's columns are written once before the clock starts (the run then
 * finds its pages in memory): the difference is what first touching fresh memory costs.
 */
const prefault = process.argv.includes('--prefault');
let untimed = 0;
const ours = (): number => {
  const session = new Session(scenario, seed++);
  if (prefault) {
    const start = cpu();
    const r = session.records;
    for (const column of [r.time, r.kind, r.incident, r.unit, r.cause, r.value, r.command])
      column.fill(0);
    (r as unknown as { place: Int32Array }).place.fill(0);
    untimed += cpu() - start;
  }
  session.advance();
  return session.finishTrace().incidentCount;
};
const theirs = (): number => simjsMmc(minutes, seed++).served;
ours();
if (!noSimjs) theirs();
const oursRates: number[] = [];
const theirRates: number[] = [];
for (let i = 0; i < repetitions; i++) {
  let start = cpu();
  untimed = 0;
  let work = ours();
  oursRates.push(work / (cpu() - start - untimed));
  if (noSimjs) continue;
  start = cpu();
  work = theirs();
  theirRates.push(work / (cpu() - start));
}
const rate = median(oursRates);
const usage = process.cpuUsage();
const resources = process.resourceUsage();
const line = [
  `ours ${Math.round(rate).toLocaleString('en')} calls/s (${(1e9 / rate).toFixed(0)} ns/call)`,
  `runs ${oursRates.map((r) => Math.round(r / 1000)).join(' ')}k`,
];
if (!noSimjs) {
  const simjs = median(theirRates);
  line.push(
    `SimJS ${Math.round(simjs).toLocaleString('en')} calls/s, ratio ${(rate / simjs).toFixed(2)}`,
  );
}
line.push(
  `process user ${(usage.user / 1e6).toFixed(1)} s, system ${(usage.system / 1e6).toFixed(1)} s, ` +
    `minor faults ${resources.minorPageFault}`,
);
console.log(line.join('; '));
