import { describe, expect, it } from 'vitest';
import { distributionMean } from '../../src/lib/distributions.ts';
import { makeStream, sampler } from '../../src/sim/random.ts';
import { normalQuantile } from '../../src/sim/analysis/studentT.ts';
import { quantile } from '../../src/sim/analysis/metrics.ts';
import { Distribution } from '../../src/scenarios/schema.ts';

const draws = (distribution: unknown, n = 200_000, seed = 11) => {
  const parsed = Distribution.parse(distribution);
  const sample = sampler(parsed);
  const stream = makeStream(seed, 'test');
  return { values: Float64Array.from({ length: n }, () => sample(stream)).sort(), parsed };
};

const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;
const sd = (values: Float64Array) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
};

describe('named streams', () => {
  it('give the same numbers for the same seed and name, different ones otherwise', () => {
    const take = (seed: number, name: string) => {
      const s = makeStream(seed, name);
      return [s.next(), s.next(), s.next()];
    };
    expect(take(1, 'arrivals')).toEqual(take(1, 'arrivals'));
    expect(take(1, 'arrivals')).not.toEqual(take(2, 'arrivals'));
    expect(take(1, 'arrivals')).not.toEqual(take(1, 'work'));
  });
});

describe('distributions', () => {
  const cases: Array<[string, unknown, number, number]> = [
    // [name, distribution, exact mean, exact standard deviation]
    ['fixed', { type: 'fixed', value: 42 }, 42, 0],
    ['uniform', { type: 'uniform', min: 10, max: 70 }, 40, 60 / Math.sqrt(12)],
    [
      'triangular',
      { type: 'triangular', min: 0, mode: 30, max: 90 },
      40,
      Math.sqrt((0 + 900 + 8100 - 0 - 0 - 2700) / 18) /* (a²+b²+c²−ab−ac−bc)/18 */,
    ],
    ['exponential', { type: 'exponential', mean: 300 }, 300, 300],
    ['lognormal', { type: 'lognormal', mean: 600, sd: 300 }, 600, 300],
    ['gamma', { type: 'gamma', shape: 2.5, mean: 100 }, 100, 100 / Math.sqrt(2.5)],
    ['gamma, shape < 1', { type: 'gamma', shape: 0.5, mean: 100 }, 100, 100 / Math.sqrt(0.5)],
    ['erlang', { type: 'erlang', phases: 4, mean: 200 }, 200, 100],
    ['empirical', { type: 'empirical', values: [1, 2, 3, 10] }, 4, Math.sqrt((9 + 4 + 1 + 36) / 4)],
    [
      'histogram',
      {
        type: 'histogram',
        bins: [
          { from: 0, to: 10, weight: 1 },
          { from: 10, to: 30, weight: 3 },
        ],
      },
      0.25 * 5 + 0.75 * 20,
      0,
    ],
  ];
  for (const [name, distribution, exactMean, exactSd] of cases) {
    it(`${name}: sample mean within 4 standard errors of ${exactMean.toFixed(2)}`, () => {
      const { values, parsed } = draws(distribution);
      expect(distributionMean(parsed)).toBeCloseTo(exactMean, 6);
      const standardError = (sd(values) || 1e-9) / Math.sqrt(values.length);
      expect(Math.abs(mean(values) - exactMean)).toBeLessThan(4 * standardError + 1e-9);
      if (exactSd > 0) expect(sd(values) / exactSd).toBeCloseTo(1, 1);
    });
  }

  it('lognormal from median and p90 has that median and p90', () => {
    const { values } = draws({ type: 'lognormalMedianP90', median: 90, p90: 180 });
    expect(quantile(values, 0.5) / 90).toBeCloseTo(1, 1);
    expect(quantile(values, 0.9) / 180).toBeCloseTo(1, 1);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655, 8);
  });

  it('triangular never leaves [min, max] and peaks at the mode', () => {
    const { values } = draws({ type: 'triangular', min: 5, mode: 8, max: 20 }, 50_000);
    expect(values[0]).toBeGreaterThanOrEqual(5);
    expect(values[values.length - 1]).toBeLessThanOrEqual(20);
    // CDF at the mode is (mode − min)/(max − min) = 0.2.
    expect(values.filter((v) => v <= 8).length / values.length).toBeCloseTo(0.2, 2);
  });

  it('schema refuses inconsistent parameters with the field named', () => {
    const result = Distribution.safeParse({ type: 'uniform', min: 5, max: 1 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['max']);
  });
});
