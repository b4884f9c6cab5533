/**
 * `npx tsx scripts/mmcProfile.ts [calls] [repetitions]`: the bench's M/M/3 alone, in turn with
 * SimJS, for profiling the per-call path (`node --cpu-prof --import tsx scripts/mmcProfile.ts`).
 * Prints CPU time per call, calls/s (median of the repetitions) and the ratio to SimJS.
 */
import { queueScenario } from '../src/scenarios/theory.ts';
import { Session } from '../src/sim/session.ts';
import { Engine } from '../src/sim/engine.ts';
import { exponential, makeStream } from '../src/sim/random.ts';
import { TraceBuilder } from '../src/sim/trace.ts';
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

/** With --hold-first, the bench's hold model runs first, as in the bench (the JIT sees it). */
if (process.argv.includes('--hold-first')) {
  for (let i = 0; i < 4; i++) {
    const engine = new Engine();
    const stream = makeStream(1, 'hold');
    engine.on(0, () => engine.schedule(engine.now + exponential(stream, 1), 0));
    for (let p = 0; p < 1000; p++) engine.schedule(exponential(stream, 1), 0);
    engine.run(Infinity, 1_000_000);
  }
}

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
/**
 * With --floor, a skeleton of the same queue with no domain model: per call the same two
 * events, the same uniform draws (7, from named streams) and logarithms (2), and the same 7
 * records in a trace of the same size. What the run costs beyond it is the model's.
 */
const floor = process.argv.includes('--floor');
const skeleton = (): number => {
  const engine = new Engine();
  const horizon = minutes * 60;
  const trace = new TraceBuilder(Math.ceil(calls * 10), Math.ceil(calls * 1.25));
  const [arrivals, kinds, places, work] = ['arrivals', 'kinds', 'places', 'work'].map((name) =>
    makeStream(seed, name),
  );
  seed++;
  let free = 3;
  let waiting = 0;
  let served = 0;
  const serve = (incident: number) => {
    free--;
    trace.record(engine.now, 2, incident, 0, 0, 4, 0);
    trace.record(engine.now, 3, incident, 0, 0, 0, 0);
    trace.record(engine.now, 4, incident, 0, 0, 0, 0);
    engine.schedule(engine.now + exponential(work, 60), 1, incident);
  };
  engine.on(0, () => {
    arrivals.next();
    kinds.next();
    places.next();
    places.next();
    places.next();
    const incident = trace.addIncident(0, 0, 0);
    trace.record(engine.now, 0, incident, -1, 0, 1, 0);
    const next = engine.now + exponential(arrivals, 40);
    if (next <= horizon) engine.schedule(next, 0);
    if (free > 0) serve(incident);
    else waiting++;
  });
  engine.on(1, (incident) => {
    served++;
    trace.record(engine.now, 5, incident, 0, 0, 0, 0);
    trace.record(engine.now, 10, incident, -1, 0, 0, 0);
    trace.record(engine.now, 6, -1, 0, 0, 0, 0);
    free++;
    if (waiting > 0) {
      waiting--;
      serve(incident);
    }
  });
  engine.schedule(0, 0);
  engine.run(horizon);
  return trace.incidentCount + served * 0;
};
const measured = floor ? skeleton : ours;

measured();
if (!noSimjs) theirs();
const oursRates: number[] = [];
const theirRates: number[] = [];
for (let i = 0; i < repetitions; i++) {
  let start = cpu();
  untimed = 0;
  let work = measured();
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
