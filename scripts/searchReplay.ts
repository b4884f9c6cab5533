/**
 * `npx tsx scripts/searchReplay.ts [case] [--rounds N]`: the single-pair A* searches of one
 * surge run (scripts/surgeProfile.ts's cases, seed 1), recorded as they were asked, then asked
 * again N times over (median CPU time per search and per node taken off the heap): the
 * searches alone, for before/after comparisons of roadSearch.ts without the rest of the run.
 */
import { BENCHMARK_CITY_OPTIONS } from '../src/scenarios/builtin/index.ts';
import { generateCity } from '../src/scenarios/generate.ts';
import { loadScenario } from '../src/scenarios/load.ts';
import { Session } from '../src/sim/session.ts';
import { BoundedSearch } from '../src/sim/roadSearch.ts';
import { MinHeap } from '../src/sim/searchParts.ts';

const CASES = {
  light: { fleet: 2, callScale: 1, days: 60 },
  calls4: { fleet: 2, callScale: 4, days: 15 },
} as const;
const args = process.argv.slice(2);
const name = (args.find((a) => a in CASES) ?? 'calls4') as keyof typeof CASES;
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 5;
const config = CASES[name];
const loaded = loadScenario(
  generateCity({
    ...BENCHMARK_CITY_OPTIONS,
    id: `benchmark-surge-${config.fleet}-${config.callScale}`,
    seed: BENCHMARK_CITY_OPTIONS.id,
    fleet: config.fleet,
    callScale: config.callScale,
    durationDays: config.days,
  }),
);
if (!loaded.ok) throw new Error('surge scenario is invalid');

type Call = { search: BoundedSearch; args: Parameters<BoundedSearch['run']>; answer: number };
const calls: Call[] = [];
const run = BoundedSearch.prototype.run;
BoundedSearch.prototype.run = function (this: BoundedSearch, ...rest) {
  const answer = run.apply(this, rest);
  // The arrays are the model's own (closures only ever happen in drills, not in the bench).
  calls.push({ search: this, args: rest, answer });
  return answer;
};
new Session(loaded.scenario, 1).advance();
BoundedSearch.prototype.run = run;

let popped = 0;
const popAny = MinHeap.prototype.popAny;
MinHeap.prototype.popAny = function (this: MinHeap) {
  popped++;
  return popAny.call(this);
};
for (const call of calls) call.search.run(...call.args);
MinHeap.prototype.popAny = popAny;
const perSearch = popped / calls.length;

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e3;
};
const times: number[] = [];
for (let round = 0; round < rounds; round++) {
  const start = cpu();
  for (const call of calls) {
    if (!Object.is(call.search.run(...call.args), call.answer)) throw new Error('answer changed');
  }
  times.push(cpu() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `${name}: ${calls.length} searches, ${perSearch.toFixed(1)} nodes taken off the heap each; ` +
    `median of ${rounds}: ${median.toFixed(0)} ms, ${((median * 1e3) / calls.length).toFixed(2)} µs/search, ` +
    `${((median * 1e6) / (calls.length * perSearch)).toFixed(0)} ns/node`,
);
