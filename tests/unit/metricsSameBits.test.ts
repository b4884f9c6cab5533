/**
 * Issue 13 rewrote the figures after a run for speed (typed arrays, one sort per group, no
 * per-incident key strings): they must be the same numbers, bit for bit, in the same key order,
 * as before. The frozen copy of the old code (tests/reference/metricsBefore) is the judge, on
 * every built-in scenario, two seeds each, and on a warmed-up month of the benchmark city.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { bulletin } from '../../src/sim/analysis/assessment.ts';
import { allBusyShares } from '../../src/sim/analysis/allBusy.ts';
import { replicationMetrics } from '../../src/sim/analysis/metrics.ts';
import { replaySession } from '../../src/sim/session.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { allBusyShares as allBusyBefore } from '../reference/metricsBefore/allBusy.ts';
import { bulletin as bulletinBefore } from '../reference/metricsBefore/assessment.ts';
import { replicationMetrics as metricsBefore } from '../reference/metricsBefore/metrics.ts';
import { firstDifference } from '../reference/sameBits.ts';

function finished(scenario: Scenario, seed: number) {
  const session = replaySession(scenario, seed, []);
  while (session.advance().status !== 'finished');
  return { trace: session.finishTrace(), staffing: session.staffing() };
}

function expectSameFigures(scenario: Scenario, seed: number) {
  const { trace, staffing } = finished(scenario, seed);
  const rules = scenario.rules.assessment;
  expect(trace.length).toBeGreaterThan(0);
  expect(
    firstDifference(
      replicationMetrics(trace, scenario, staffing),
      metricsBefore(trace, scenario, staffing),
    ),
  ).toBeNull();
  for (const from of [0, scenario.warmup]) {
    expect(
      firstDifference(
        bulletin(trace, scenario.targets, rules, from),
        bulletinBefore(trace, scenario.targets, rules, from),
      ),
    ).toBeNull();
  }
  // Both ways of counting a unit on its way back (available or not), whatever the scenario says.
  for (const redispatchReturning of [false, true]) {
    const asIf = { ...staffing, redispatchReturning };
    expect(firstDifference(allBusyShares(trace, asIf), allBusyBefore(trace, asIf))).toBeNull();
  }
}

describe('the figures of a run are the same bits as before their rewrite', () => {
  for (const { id } of builtinScenarios) {
    it(
      id,
      () => {
        let scenario = builtinScenario(id);
        if (id === 'benchmark-city') scenario = { ...scenario, duration: 14 * 86_400 };
        for (const seed of [1, 2]) expectSameFigures(scenario, seed);
      },
      60_000,
    );
  }

  it('a month of the benchmark city after a week of warm-up', () => {
    const city = builtinScenario('benchmark-city');
    expectSameFigures({ ...city, duration: 37 * 86_400, warmup: 7 * 86_400 }, 3);
  }, 120_000);

  it('tells a changed figure apart (the judge can fail)', () => {
    const city = builtinScenario('benchmark-city');
    const { trace, staffing } = finished({ ...city, duration: 2 * 86_400 }, 1);
    const figures = replicationMetrics(trace, city, staffing);
    const before = metricsBefore(trace, city, staffing);
    before.response.overall.mean = before.response.overall.mean * (1 + Number.EPSILON);
    expect(firstDifference(figures, before)).toMatch(/response\.overall\.mean/);
    expect(firstDifference({ a: 0 }, { a: -0 })).not.toBeNull();
    expect(firstDifference({ a: NaN, b: 1 }, { a: NaN, b: 1 })).toBeNull();
    expect(firstDifference({ a: 1, b: 1 }, { b: 1, a: 1 })).not.toBeNull();
  });
});
