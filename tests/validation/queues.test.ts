/**
 * Validation against queueing theory. Scenarios in the project's own format that reduce to
 * textbook queues (src/scenarios/theory.ts) are run for R independent replications; the 95%
 * confidence interval of each figure across replications must contain the exact value from
 * Erlang C (M/M/c, queueing) or Erlang B (M/M/c/c, overflow). Seeds are fixed, so a pass is
 * reproducible; a broken engine (wrong tie order, wrong work times, a lost wake-up) fails here.
 */
import { describe, expect, it } from 'vitest';
import { queueScenario } from '../../src/scenarios/theory.ts';
import type { ReplicationMetrics } from '../../src/sim/analysis/metrics.ts';
import { estimate } from '../../src/sim/analysis/report.ts';
import { erlangB, erlangC, mmcMeanWait } from '../../src/sim/queueing.ts';
import { run } from '../../src/sim/run.ts';

const REPLICATIONS = 20;
/** Up to a million calls per case: minutes, not seconds, on a busy two-core machine. */
const LOADED_MACHINE_TIMEOUT = 900_000;

function replicate(
  servers: number,
  arrivalRatePerMinute: number,
  whenNoUnit: 'queue' | 'overflow',
  durationMinutes: number,
): ReplicationMetrics[] {
  const scenario = queueScenario({
    servers,
    arrivalRatePerMinute,
    serviceRatePerMinute: 1,
    whenNoUnit,
    durationMinutes,
    warmupMinutes: 500,
  });
  return Array.from({ length: REPLICATIONS }, (_, i) => run(scenario, 1000 + i).summary);
}

function expectWithinInterval(values: number[], exact: number): void {
  const { low, high, mean } = estimate(values);
  expect(low, `mean ${mean} CI ${low}–${high} should contain ${exact}`).toBeLessThanOrEqual(exact);
  expect(high, `mean ${mean} CI ${low}–${high} should contain ${exact}`).toBeGreaterThanOrEqual(
    exact,
  );
  // The interval must also be narrow enough to mean something.
  expect(high - low).toBeLessThan(Math.max(0.1 * exact, 0.01));
}

describe('M/M/c with a queue agrees with Erlang C', () => {
  const cases = [
    { servers: 1, lambda: 0.5, minutes: 20_000 },
    { servers: 3, lambda: 1.5, minutes: 20_000 },
    { servers: 3, lambda: 2.4, minutes: 40_000 },
    { servers: 5, lambda: 4.5, minutes: 60_000 },
  ];
  for (const { servers, lambda, minutes } of cases) {
    it(
      `M/M/${servers}, λ = ${lambda}/min, μ = 1/min (load ${(lambda / servers).toFixed(2)})`,
      () => {
        const results = replicate(servers, lambda, 'queue', minutes);
        expectWithinInterval(
          results.map((r) => r.waitProbability),
          erlangC(servers, lambda),
        );
        // Poisson arrivals see time averages (PASTA): the share of time all c units are busy is
        // the probability of waiting too.
        expectWithinInterval(
          results.map((r) => r.allUnitsBusy.byCapability.any),
          erlangC(servers, lambda),
        );
        expectWithinInterval(
          results.map((r) => r.allUnitsBusy.overall),
          erlangC(servers, lambda),
        );
        // Little's law against theory: L_q = λ W_q, and L = L_q + λ/μ (zero travel and call
        // handling: an incident is open while it waits and while it is served).
        const queueLength = lambda * mmcMeanWait(servers, lambda, 1);
        expectWithinInterval(
          results.map((r) => r.meanQueueLength),
          queueLength,
        );
        expectWithinInterval(
          results.map((r) => r.meanInSystem),
          queueLength + lambda,
        );
        expectWithinInterval(
          results.map((r) => r.meanQueueWait / 60),
          mmcMeanWait(servers, lambda, 1),
        );
        expectWithinInterval(
          results.map((r) => r.utilisation.overall),
          lambda / servers,
        );
        // Zero travel and mobilisation: the response time is the wait alone.
        expectWithinInterval(
          results.map((r) => r.response.overall.mean / 60),
          mmcMeanWait(servers, lambda, 1),
        );
      },
      LOADED_MACHINE_TIMEOUT,
    );
  }
});

describe('M/M/c/c with overflow agrees with Erlang B', () => {
  const cases = [
    { servers: 3, load: 1.5 },
    { servers: 5, load: 3 },
    { servers: 10, load: 8 },
  ];
  for (const { servers, load } of cases) {
    it(
      `M/M/${servers}/${servers}, offered load ${load} erlang`,
      () => {
        const results = replicate(servers, load, 'overflow', 20_000);
        const blocking = erlangB(servers, load);
        expectWithinInterval(
          results.map((r) => r.overflowShare),
          blocking,
        );
        // The time-average share of all c units busy is Erlang B's blocking probability.
        expectWithinInterval(
          results.map((r) => r.allUnitsBusy.byCapability.any),
          blocking,
        );
        // Carried load per unit: A(1 − B)/c.
        expectWithinInterval(
          results.map((r) => r.utilisation.overall),
          (load * (1 - blocking)) / servers,
        );
      },
      LOADED_MACHINE_TIMEOUT,
    );
  }
});
