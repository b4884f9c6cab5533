/**
 * `npx tsx scripts/surgeProfile.ts [case…] [--seeds N] [--scale S] [--count]`: the bench's surge
 * configurations (scripts/bench.ts), built exactly as the bench builds them, timed in CPU time
 * of this process (median over seeds 1..N after a warm-up run with seed 0).
 * Cases: light, half, calls4, fleet4 (all by default). `--scale 0.25` is the bench's `--quick`.
 * `--count` also counts the road searches (single-pair A*, shortest-path trees) and the nodes
 * they take off their heaps, per call (slower: the counting wraps the hot functions, so its
 * times are not the bench's). Run with `node --cpu-prof --import tsx` for a profile.
 */
import { BENCHMARK_CITY_OPTIONS } from '../src/scenarios/builtin/index.ts';
import { generateCity, type CityOptions } from '../src/scenarios/generate.ts';
import { loadScenario } from '../src/scenarios/load.ts';
import { Session } from '../src/sim/session.ts';
import { replicationMetrics } from '../src/sim/analysis/metrics.ts';
import { BoundedSearch } from '../src/sim/roadSearch.ts';
import { MinHeap } from '../src/sim/searchParts.ts';

const CASES = {
  light: { fleet: 2, callScale: 1, days: 60 },
  half: { fleet: 1, callScale: 1, days: 60 },
  calls4: { fleet: 2, callScale: 4, days: 15 },
  fleet4: { fleet: 8, callScale: 4, days: 15 },
} as const;
type CaseName = keyof typeof CASES;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const seeds = option('--seeds', 3);
const scale = option('--scale', 1);
const count = args.includes('--count');
const chosen = args.filter((a) => a in CASES) as CaseName[];
const names = chosen.length > 0 ? chosen : (Object.keys(CASES) as CaseName[]);

const counts = { searches: 0, popped: 0 };
if (count) {
  const run = BoundedSearch.prototype.run;
  BoundedSearch.prototype.run = function (this: BoundedSearch, ...rest: Parameters<typeof run>) {
    counts.searches++;
    return run.apply(this, rest);
  };
  const popAny = MinHeap.prototype.popAny;
  MinHeap.prototype.popAny = function (this: MinHeap) {
    counts.popped++;
    return popAny.call(this);
  };
  const pop = MinHeap.prototype.pop;
  MinHeap.prototype.pop = function (this: MinHeap) {
    counts.popped++;
    return pop.call(this);
  };
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

for (const name of names) {
  const config = CASES[name];
  const options: CityOptions = {
    ...BENCHMARK_CITY_OPTIONS,
    id: `benchmark-surge-${config.fleet}-${config.callScale}`,
    seed: BENCHMARK_CITY_OPTIONS.id,
    fleet: config.fleet,
    callScale: config.callScale,
    durationDays: Math.max(1, Math.round(config.days * scale)),
  };
  const loaded = loadScenario(generateCity(options));
  if (!loaded.ok) throw new Error(`surge scenario ${options.id} is invalid`);
  const scenario = loaded.scenario;
  new Session(scenario, 0).advance();
  const perCall: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    counts.searches = 0;
    counts.popped = 0;
    const start = cpuSeconds();
    const session = new Session(scenario, seed);
    session.advance();
    const trace = session.finishTrace();
    const seconds = cpuSeconds() - start;
    const summary = replicationMetrics(trace, scenario, session.staffing());
    perCall.push((seconds / summary.calls) * 1e6);
    const counted = count
      ? ` searches/call ${(counts.searches / summary.calls).toFixed(2)}` +
        ` popped/call ${(counts.popped / summary.calls).toFixed(0)}`
      : '';
    console.log(
      `${name} seed ${seed}: ${summary.calls} calls, utilisation ` +
        `${summary.utilisation.overall.toFixed(2)}, ${perCall.at(-1)!.toFixed(1)} µs/call${counted}`,
    );
  }
  console.log(`${name}: median ${median(perCall).toFixed(1)} µs/call`);
}
