/**
 * Golden digests of the figures of a run: issue 13 rewrote them for speed (typed arrays, one sort
 * per group, no per-incident key strings), and they must stay the same numbers, bit for bit, in
 * the same key order, as the code before the rewrite gave (these digests were taken from it, on
 * every built-in scenario with two seeds, and on a warmed-up month of the benchmark city). A
 * deliberate change to a figure changes its digests: say why in the commit that updates them.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { bulletin } from '../../src/sim/analysis/assessment.ts';
import { allBusyShares } from '../../src/sim/analysis/allBusy.ts';
import { replicationMetrics } from '../../src/sim/analysis/metrics.ts';
import { replaySession } from '../../src/sim/session.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

const GOLDEN: Record<string, string[]> = {
  'default-city': ['8eabdf659af6a875', '5442b62c7f34035d'],
  'benchmark-city': ['629769cacc71d7a2', '49f94c59e3a126f1'],
  'mmc-3-queue': ['2d4c4cf66e4bdbb0', '274581b7f1b173f8'],
  'huzhou-flood': ['0258b04c7828efb3', 'e9a5fbb2078b14c8'],
  'zhoushan-islands': ['c52d9594b05554c4', '9c6142eb176356be'],
  'jinhua-hazmat-drill': ['17983ef91ebe3807', '8d4b36187d71a06c'],
  'township-group-incident': ['44f0417d97975f20', '9e11d82a26d8878c'],
  'weihai-forest-fire': ['f5e47fb280f1d3b6', '3651d65e932ddc33'],
  'benchmark-city-month': ['d0db385a1bf9f0e1'],
};

/** JSON with what JSON loses spelled out: −0, NaN, ±Infinity, undefined. Key order is kept. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === undefined) return '#undefined';
    if (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v))) {
      return `#${Object.is(v, -0) ? '-0' : String(v)}`;
    }
    return v;
  });
}

const digest = (value: unknown) =>
  createHash('sha256').update(canonical(value)).digest('hex').slice(0, 16);

function figures(scenario: Scenario, seed: number) {
  const session = replaySession(scenario, seed, []);
  while (session.advance().status !== 'finished');
  const trace = session.finishTrace();
  const staffing = session.staffing();
  const rules = scenario.rules.assessment;
  expect(trace.length).toBeGreaterThan(0);
  return {
    metrics: replicationMetrics(trace, scenario, staffing),
    bulletin: [0, scenario.warmup].map((from) => bulletin(trace, scenario.targets, rules, from)),
    // Both ways of counting a unit on its way back (available or not), whatever the scenario says.
    allBusy: [false, true].map((redispatchReturning) =>
      allBusyShares(trace, { ...staffing, redispatchReturning }),
    ),
  };
}

describe('the figures of a run keep their golden digests', () => {
  for (const { id } of builtinScenarios) {
    it(
      id,
      () => {
        let scenario = builtinScenario(id);
        if (id === 'benchmark-city') scenario = { ...scenario, duration: 14 * 86_400 };
        expect([1, 2].map((seed) => digest(figures(scenario, seed)))).toEqual(GOLDEN[id]);
      },
      60_000,
    );
  }

  it('a month of the benchmark city after a week of warm-up', () => {
    const city = builtinScenario('benchmark-city');
    const month = { ...city, duration: 37 * 86_400, warmup: 7 * 86_400 };
    expect([digest(figures(month, 3))]).toEqual(GOLDEN['benchmark-city-month']);
  }, 120_000);

  it('tells a changed figure apart (the digest can fail)', () => {
    const city = builtinScenario('benchmark-city');
    const two = figures({ ...city, duration: 2 * 86_400 }, 1);
    const before = digest(two);
    two.metrics.response.overall.mean *= 1 + Number.EPSILON;
    expect(digest(two)).not.toBe(before);
    expect(canonical({ a: 0 })).not.toBe(canonical({ a: -0 }));
    expect(canonical({ a: 1, b: 1 })).not.toBe(canonical({ b: 1, a: 1 }));
    expect(canonical({ a: NaN })).not.toBe(canonical({ a: null }));
  });
});
