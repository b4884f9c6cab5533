/**
 * `npm run bench [-- --json] [-- --quick]`: speed figures of the simulator, on this machine.
 * - holdModel.eventsPerSecond: the classic hold model on the event queue alone (1,000 pending,
 *   Exp(1) holds from the sim's own stream), in this process. This process has detached an
 *   ArrayBuffer by then (tsx does when it loads a CommonJS module; the app's simulation worker
 *   does when it transfers its first trace), after which V8 checks every typed-array access:
 *   the engine keeps its queue in plain arrays so that its speed does not depend on it
 *   (scripts/holdProbe.ts compares the same model in a bare process, after the bench's
 *   imports and after a detach);
 * - mmc.callsPerSecond: M/M/3 (λ = 1.5, μ = 1, zero travel) through the full domain model, trace included;
 * - simpy.callsPerSecond and ratioToSimpy: the same queue in SimPy 3 (Debian python3-simpy3), if present;
 * - simjs.callsPerSecond and ratioToSimjs: the same queue in SimJS (the `simjs` dev dependency),
 *   run in this process, its repetitions taken in turn with ours (ratio: ours over SimJS's);
 *   mmc.callsPerSecondRange is the slowest and fastest of its repetitions, and
 *   simjs.ratioToSimjsPaired the median of the ratios of each repetition to SimJS's next to it;
 * - memory.peakMiBPer100kCalls: peak resident memory of a process that runs the M/M/3 queue and
 *   keeps its trace, less that of the same process that loads the code and runs nothing, per
 *   100,000 calls (in a child process, so that the bench's own heap does not count);
 * - city.secondsPerReplication: one simulated year of the benchmark city;
 * - city.pool: replications of that year per second (wall clock) on 1 and 2 worker threads,
 *   each thread with the city built and warmed up before the clock starts;
 * - drills.msPerSeed: one seed of each built-in drill's prediction (play + outcome);
 * - surge: the benchmark city's generator at rising load (fewer units, more calls) and at 4× fleet
 *   with 4× calls: CPU microseconds of simulation per call, and the ratio to the light case (a
 *   simulator whose cost per call holds under load keeps every ratio near 1).
 * - roadImport: a generated city-sized OpenStreetMap extract (scripts/cityOsm.ts, 187,000 nodes)
 *   read and built into a contracted road graph: seconds from text to graph.
 * Each figure is the median of several timed repetitions after a warm-up run, timed in CPU time
 * of the process (on a shared machine, wall time measures the neighbours); only the worker pool,
 * whose point is running in parallel, is timed by the wall clock.
 */
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { BUILTIN_DRILLS } from '../src/drills/builtin/index.ts';
import { loadDrillData, simulateDrillOnce } from '../src/drills/api.ts';
import { BENCHMARK_CITY_OPTIONS, builtinScenario } from '../src/scenarios/builtin/index.ts';
import { generateCity, type CityOptions } from '../src/scenarios/generate.ts';
import { loadScenario } from '../src/scenarios/load.ts';
import { queueScenario } from '../src/scenarios/theory.ts';
import { Engine } from '../src/sim/engine.ts';
import { Session } from '../src/sim/session.ts';
import { exponential, makeStream } from '../src/sim/random.ts';
import { run } from '../src/sim/run.ts';
import {
  buildRoadGraph,
  defaultRoadSpeed,
  roadLinesFromOsm,
  sourceClassCounts,
} from '../src/scenarios/importGeo.ts';
import { cityOsm } from './cityOsm.ts';
import { replicationMetrics } from '../src/sim/analysis/metrics.ts';
import { simjsMmc } from './simjsMmc.ts';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (text: string) => {
  if (!json) console.error(text);
};

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** CPU seconds used by this process so far. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function timed(repetitions: number, body: () => number): { seconds: number; work: number } {
  body(); // warm-up: let the JIT compile the hot paths
  const samples: Array<{ seconds: number; work: number }> = [];
  for (let i = 0; i < repetitions; i++) {
    const start = cpuSeconds();
    const work = body();
    samples.push({ seconds: cpuSeconds() - start, work });
  }
  const rates = samples.map((s) => s.work / s.seconds);
  const chosen = samples[rates.indexOf(median(rates))];
  return chosen;
}

/**
 * Like `timed` for two bodies, their repetitions taken in turn (the load on the machine shared).
 * Each result is the median repetition, with the rates of all (the spread) beside it.
 */
function timedInTurn(
  repetitions: number,
  first: () => number,
  second: () => number,
): Array<{ seconds: number; work: number; rates: number[] }> {
  const bodies = [first, second];
  const samples = bodies.map(() => [] as Array<{ seconds: number; work: number }>);
  for (const body of bodies) body(); // warm-up
  for (let i = 0; i < repetitions; i++) {
    bodies.forEach((body, b) => {
      const start = cpuSeconds();
      const work = body();
      samples[b].push({ seconds: cpuSeconds() - start, work });
    });
  }
  return samples.map((list) => {
    const rates = list.map((s) => s.work / s.seconds);
    return { ...list[rates.indexOf(median(rates))], rates };
  });
}

function holdModel(pending: number, events: number): number {
  const engine = new Engine();
  const stream = makeStream(1, 'hold');
  engine.on(0, () => {
    engine.schedule(engine.now + exponential(stream, 1), 0);
  });
  for (let i = 0; i < pending; i++) engine.schedule(exponential(stream, 1), 0);
  engine.run(Infinity, events);
  return engine.eventsHandled;
}

const HOLD_PENDING = 1000;
const HOLD_EVENTS = quick ? 1_000_000 : 10_000_000;
log(`hold model: ${HOLD_PENDING} pending events, ${HOLD_EVENTS} events…`);
const hold = timed(3, () => holdModel(HOLD_PENDING, HOLD_EVENTS));

const MMC_MINUTES = quick ? 100_000 : 400_000;
const mmcScenario = queueScenario({
  servers: 3,
  arrivalRatePerMinute: 1.5,
  serviceRatePerMinute: 1,
  whenNoUnit: 'queue',
  durationMinutes: MMC_MINUTES,
});
log(`M/M/3: ${MMC_MINUTES * 1.5} calls expected…`);
let mmcSeed = 1;
let simjsSeed = 1;
let simjsWait = NaN;
// Five repetitions, not three: the rate of one swings by a fifth from one to the next in the
// same process (V8's heap sizing and the trace's first-touch page faults differ run to run).
const [mmc, simjsRun] = timedInTurn(
  5,
  () => {
    const session = new Session(mmcScenario, mmcSeed++);
    session.advance();
    return session.finishTrace().incidentCount;
  },
  () => {
    const result = simjsMmc(MMC_MINUTES, simjsSeed++);
    simjsWait = result.meanWait;
    return result.served;
  },
);

const SIMPY_PYTHON = '/usr/bin/python3';
let simpy: { callsPerSecond: number; calls: number; version: string } | { skipped: string };
const hasSimpy =
  existsSync(SIMPY_PYTHON) &&
  (() => {
    try {
      execFileSync(SIMPY_PYTHON, ['-c', 'import simpy'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
if (hasSimpy) {
  log('SimPy M/M/3…');
  const output = execFileSync(
    SIMPY_PYTHON,
    ['scripts/simpy_mmc.py', '--calls', quick ? '50000' : '300000', '--seed', '1'],
    { encoding: 'utf8' },
  );
  const result = JSON.parse(output.trim().split('\n').pop()!);
  simpy = {
    callsPerSecond: result.callsPerSecond,
    calls: result.calls,
    version: result.simpyVersion,
  };
} else {
  simpy = {
    skipped: 'SimPy 3 not found for /usr/bin/python3: apt-get install python3-simpy3 to compare',
  };
}

log('benchmark city: one simulated year…');
const city = builtinScenario('benchmark-city');
const cityUnits = new Session(city, 1).unitCount;
const cityNodes = city.travel.model === 'roadGraph' ? city.travel.nodes.length : 0;
let citySeed = 1;
let cityCalls = 0;
const cityRun = timed(quick ? 1 : 3, () => {
  const result = run(city, citySeed++);
  cityCalls = result.summary.calls;
  return 1;
});

/** Runs scripts/benchChild.ts in a process of its own (through tsx, as this script runs). */
function child(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/benchChild.ts', ...args], {
    encoding: 'utf8',
  });
}

const MEMORY_CALLS = quick ? 150_000 : 600_000;
log(`memory: M/M/3, ${MEMORY_CALLS} calls, trace kept, in a child process…`);
const memoryRun = (calls: number) =>
  JSON.parse(
    child(['memory', String(calls)])
      .trim()
      .split('\n')
      .pop()!,
  ) as {
    calls: number;
    maxRssKiB: number;
  };
const memoryBaseline = memoryRun(0);
const memoryFull = memoryRun(MEMORY_CALLS);
const memory = {
  calls: memoryFull.calls,
  peakMiB: Number((memoryFull.maxRssKiB / 1024).toFixed(1)),
  baselineMiB: Number((memoryBaseline.maxRssKiB / 1024).toFixed(1)),
  peakMiBPer100kCalls: Number(
    (
      ((memoryFull.maxRssKiB - memoryBaseline.maxRssKiB) / 1024 / memoryFull.calls) *
      100_000
    ).toFixed(1),
  ),
};

/**
 * Replications of the city year per second of wall clock on `workers` threads, `perWorker`
 * each: the clock starts when every thread has built the city and run a warm-up year.
 */
async function cityPool(workers: number, perWorker: number): Promise<number> {
  const script = new URL('./benchChild.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  const threads = Array.from(
    { length: workers },
    (_, w) =>
      new Worker(code, {
        eval: true,
        workerData: { seeds: Array.from({ length: perWorker }, (_, i) => 1 + w * perWorker + i) },
      }),
  );
  const next = (thread: Worker) =>
    new Promise<unknown>((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
  await Promise.all(threads.map(next)); // ready
  const start = performance.now();
  const done = Promise.all(threads.map(next));
  for (const thread of threads) thread.postMessage('go');
  await done;
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(threads.map((thread) => thread.terminate()));
  return (workers * perWorker) / seconds;
}

const POOL_REPLICATIONS = quick ? 1 : 2;
log(`benchmark city through worker threads: 1 and 2 workers, ${POOL_REPLICATIONS} years each…`);
const pool = {
  replicationsPerWorker: POOL_REPLICATIONS,
  oneWorker: Number((await cityPool(1, POOL_REPLICATIONS)).toFixed(3)),
  twoWorkers: Number((await cityPool(2, POOL_REPLICATIONS)).toFixed(3)),
};

log('built-in drills: one seed of each prediction…');
const drills = BUILTIN_DRILLS.map((builtin) => {
  const loaded = loadDrillData(builtin.drill, 'en', (id) => builtinScenario(id));
  if (!loaded.ok) throw new Error(`built-in drill ${builtin.id} does not load`);
  let seed = 1;
  const played = timed(quick ? 3 : 9, () => {
    simulateDrillOnce(loaded.drill, loaded.scenario, seed++);
    return 1;
  });
  return { drill: builtin.id, msPerSeed: Number((played.seconds * 1000).toFixed(1)) };
});

/**
 * The surge figure: each configuration of the benchmark city runs long enough for some 40,000
 * calls (shorter at more calls a day), timed in CPU time of this process, simulation only (the
 * metrics, computed afterwards, give the utilisation), after an untimed warm-up run (seed 0).
 */
const SURGE: Array<{ label: string; fleet: number; callScale: number; days: number }> = [
  { label: 'light (benchmark city)', fleet: 2, callScale: 1, days: 60 },
  { label: 'half the fleet', fleet: 1, callScale: 1, days: 60 },
  { label: '4× calls', fleet: 2, callScale: 4, days: 15 },
  { label: '4× fleet, 4× calls', fleet: 8, callScale: 4, days: 15 },
];
const SURGE_SCALE = quick ? 0.25 : 1;

const surgeRuns = SURGE.map((config) => {
  const options: CityOptions = {
    ...BENCHMARK_CITY_OPTIONS,
    id: `benchmark-surge-${config.fleet}-${config.callScale}`,
    seed: BENCHMARK_CITY_OPTIONS.id, // the same city, roads and stations
    fleet: config.fleet,
    callScale: config.callScale,
    durationDays: Math.max(1, Math.round(config.days * SURGE_SCALE)),
  };
  log(`surge: ${config.label}, ${options.durationDays} days…`);
  const loaded = loadScenario(generateCity(options));
  if (!loaded.ok) throw new Error(`surge scenario ${options.id} is invalid`);
  const scenario = loaded.scenario;
  const samples: Array<{ seconds: number; calls: number; utilisation: number }> = [];
  const warmUp = new Session(scenario, 0); // let the JIT compile this configuration's paths
  warmUp.advance();
  for (let seed = 1; seed <= (quick ? 1 : 3); seed++) {
    const start = cpuSeconds();
    const session = new Session(scenario, seed);
    session.advance();
    const trace = session.finishTrace();
    const seconds = cpuSeconds() - start;
    const summary = replicationMetrics(trace, scenario, session.staffing());
    samples.push({ seconds, calls: summary.calls, utilisation: summary.utilisation.overall });
  }
  const perCall = samples.map((s) => (s.seconds / s.calls) * 1e6);
  const chosen = samples[perCall.indexOf(median(perCall))];
  return {
    label: config.label,
    fleet: config.fleet,
    callScale: config.callScale,
    simulatedDays: options.durationDays,
    units: new Session(scenario, 1).unitCount,
    calls: chosen.calls,
    utilisation: Number(chosen.utilisation.toFixed(2)),
    microsecondsPerCall: Number(((chosen.seconds / chosen.calls) * 1e6).toFixed(1)),
  };
});
const surge = surgeRuns.map((r) => ({
  ...r,
  ratioToLight: Number((r.microsecondsPerCall / surgeRuns[0].microsecondsPerCall).toFixed(2)),
}));

log('road import: a generated city-sized OSM extract…');
const cityOsmText = cityOsm(250);
let roadImportEdges = 0;
const roadImport = timed(quick ? 1 : 3, () => {
  const read = roadLinesFromOsm(cityOsmText, 'en');
  if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
  const classes = Object.fromEntries(
    sourceClassCounts(read.value.lines).map(([c]) => [c, { speedKmh: defaultRoadSpeed(c) }]),
  );
  const built = buildRoadGraph(read.value.lines, (c) => c, classes, 'en');
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  roadImportEdges = built.value.graph.edges.length;
  return 1;
});
const osmNodes = (cityOsmText.match(/<node /g) ?? []).length;

const figures = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
  holdModel: {
    pendingEvents: HOLD_PENDING,
    events: hold.work,
    eventsPerSecond: Math.round(hold.work / hold.seconds),
  },
  mmc: {
    model: 'M/M/3, λ = 1.5, μ = 1, zero travel, full domain model with trace',
    calls: mmc.work,
    callsPerSecond: Math.round(mmc.work / mmc.seconds),
    repetitions: mmc.rates.length,
    callsPerSecondRange: [Math.round(Math.min(...mmc.rates)), Math.round(Math.max(...mmc.rates))],
  },
  simpy:
    'skipped' in simpy
      ? simpy
      : {
          ...simpy,
          callsPerSecond: Math.round(simpy.callsPerSecond),
          ratioToSimpy: Number((mmc.work / mmc.seconds / simpy.callsPerSecond).toFixed(1)),
        },
  simjs: {
    callsPerSecond: Math.round(simjsRun.work / simjsRun.seconds),
    calls: simjsRun.work,
    meanWaitMinutes: Number(simjsWait.toFixed(4)),
    ratioToSimjs: Number((mmc.work / mmc.seconds / (simjsRun.work / simjsRun.seconds)).toFixed(2)),
    // The median of each repetition's ratio to SimJS's repetition run just after it: the two
    // share the load of that moment, so this holds better than the ratio of the medians.
    ratioToSimjsPaired: Number(
      median(mmc.rates.map((rate, i) => rate / simjsRun.rates[i])).toFixed(2),
    ),
  },
  memory,
  city: {
    scenario: city.id,
    units: cityUnits,
    roadNodes: cityNodes,
    simulatedDays: city.duration / 86_400,
    calls: cityCalls,
    secondsPerReplication: Number(cityRun.seconds.toFixed(3)),
    pool,
  },
  drills,
  surge,
  roadImport: {
    nodes: osmNodes,
    edges: roadImportEdges,
    seconds: Number(roadImport.seconds.toFixed(2)),
  },
};

if (json) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  console.log(
    `hold model       ${figures.holdModel.eventsPerSecond.toLocaleString('en')} events/s`,
  );
  const [slowest, fastest] = figures.mmc.callsPerSecondRange.map((r) => r.toLocaleString('en'));
  console.log(
    `M/M/3            ${figures.mmc.callsPerSecond.toLocaleString('en')} calls/s (${slowest} to ${fastest})`,
  );
  if ('skipped' in figures.simpy) console.log(`SimPy            skipped: ${figures.simpy.skipped}`);
  else {
    console.log(
      `SimPy            ${figures.simpy.callsPerSecond.toLocaleString('en')} calls/s (×${figures.simpy.ratioToSimpy} for us)`,
    );
  }
  console.log(
    `SimJS            ${figures.simjs.callsPerSecond.toLocaleString('en')} calls/s (×${figures.simjs.ratioToSimjs} for us; mean wait ${figures.simjs.meanWaitMinutes} min)`,
  );
  console.log(
    `memory           ${memory.peakMiBPer100kCalls} MiB per 100k calls (peak ${memory.peakMiB} MiB for ${memory.calls} calls, ${memory.baselineMiB} MiB with no run)`,
  );
  console.log(
    `city pool        ${pool.oneWorker} replications/s on 1 worker, ${pool.twoWorkers} on 2`,
  );
  console.log(
    `benchmark city   ${figures.city.secondsPerReplication} s per replication (${cityCalls} calls, ${cityUnits} units, ${cityNodes} nodes, ${figures.city.simulatedDays} days)`,
  );
  for (const d of drills) console.log(`drill            ${d.msPerSeed} ms per seed (${d.drill})`);
  console.log(
    `road import      ${figures.roadImport.seconds} s (${osmNodes.toLocaleString('en')} OSM nodes → ${roadImportEdges.toLocaleString('en')} edges)`,
  );
  for (const r of surge) {
    console.log(
      `surge            ${r.microsecondsPerCall} µs per call (CPU), ×${r.ratioToLight} of light, utilisation ${r.utilisation} (${r.label}: ${r.units} units, ${r.calls} calls, ${r.simulatedDays} days)`,
    );
  }
}
