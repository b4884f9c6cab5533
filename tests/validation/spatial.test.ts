/**
 * Validation of the spatial side against closed forms of geometric probability used in urban
 * operations research (Larson and Odoni, "Urban Operations Research", ch. 3): for calls uniform
 * over a square of side L served from its centre, the mean straight-line distance is
 * L (√2 + ln(1 + √2)) / 6 ≈ 0.3826 L and the mean Manhattan (right-angle) distance is L / 2.
 * The scenario draws call places in a district polygon, snaps nothing (distance model) and
 * measures response = travel, since call handling and mobilisation are zero and units plenty.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../src/scenarios/schema.ts';
import { estimate } from '../../src/sim/analysis/report.ts';
import { run } from '../../src/sim/run.ts';

const SIDE_DEGREES = 0.1;
// At the equator a degree of latitude or longitude is 111.195 km on the mean Earth sphere.
const SIDE_METRES = SIDE_DEGREES * 111_194.93;
const SPEED = 10; // m/s (36 km/h)

function squareScenario(metric: 'straight' | 'manhattan') {
  const half = SIDE_DEGREES / 2;
  return Scenario.parse({
    id: `square-${metric}`,
    duration: 20 * 86_400,
    districts: [
      {
        id: 'square',
        polygon: [
          [-half, -half],
          [half, -half],
          [half, half],
          [-half, half],
        ],
      },
    ],
    bases: [{ id: 'centre', location: [0, 0] }],
    travel: {
      model: 'distance',
      metric,
      speedKmh: SPEED * 3.6,
      detourFactor: 1,
      emergencySpeedFactor: 1,
    },
    agencies: [{ id: 'a' }],
    units: [
      {
        id: 'u',
        agency: 'a',
        base: 'centre',
        count: 30,
        capabilities: ['any'],
        mobilisation: { type: 'fixed', value: 0 },
      },
    ],
    incidentKinds: [
      {
        id: 'call',
        needs: [{ capability: 'any', units: 1 }],
        workTime: { type: 'fixed', value: 60 },
      },
    ],
    arrivals: { streams: [{ kind: 'call', callsPerDay: 200 }] },
    dispatch: { callHandling: { type: 'fixed', value: 0 }, redispatchReturning: false },
  });
}

describe('mean travel in a square served from its centre', () => {
  const cases = [
    { metric: 'straight' as const, factor: (Math.SQRT2 + Math.log(1 + Math.SQRT2)) / 6 },
    { metric: 'manhattan' as const, factor: 0.5 },
  ];
  for (const { metric, factor } of cases) {
    it(`${metric}: mean response ${factor.toFixed(4)} × side / speed`, () => {
      const scenario = squareScenario(metric);
      const means = Array.from(
        { length: 20 },
        (_, i) => run(scenario, 500 + i).summary.response.overall.mean,
      );
      const { low, high } = estimate(means);
      const exact = (factor * SIDE_METRES) / SPEED;
      expect(low).toBeLessThanOrEqual(exact);
      expect(high).toBeGreaterThanOrEqual(exact);
      expect(high - low).toBeLessThan(0.02 * exact);
    });
  }
});
