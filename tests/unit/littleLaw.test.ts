/**
 * The time-average queue length and number of open incidents of a replication (issue 12,
 * item 10): Little's law ties them to the calls' waits and open times.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { run } from '../../src/sim/run.ts';

describe('time-average queue length and number in system', () => {
  it('follow Little’s law in the reference queue', () => {
    const summary = run(builtinScenario('mmc-3-queue'), 1).summary;
    const measured = summary.simulatedDays * 86_400;
    const emergency = summary.calls - summary.sentTo12345;
    // L_q = λ W_q over the measured time, by construction of the sums.
    expect(summary.meanQueueLength).toBeCloseTo((summary.meanQueueWait * emergency) / measured, 9);
    expect(summary.meanInSystem).toBeGreaterThan(summary.meanQueueLength);
    expect(summary.meanQueueLength).toBeGreaterThan(0);
    expect(Number.isFinite(summary.meanInSystem)).toBe(true);
  });
});
