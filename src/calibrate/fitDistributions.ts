/**
 * Durations fitted to observed samples: a lognormal by the method of moments (its mean and
 * standard deviation are the sample's), which is how the scenario format states a lognormal.
 * A sample with no spread is a fixed value; fewer than MIN_SAMPLE values fit nothing.
 */
import type { Distribution } from '../scenarios/schema.ts';

export const MIN_SAMPLE = 5;

export interface FittedDuration {
  distribution: Distribution;
  /** How many observations it was fitted to. */
  n: number;
  mean: number;
  sd: number;
}

export function fitLognormal(values: readonly number[]): FittedDuration | null {
  const sample = values.filter((v) => Number.isFinite(v) && v >= 0);
  const n = sample.length;
  if (n < MIN_SAMPLE) return null;
  const mean = sample.reduce((a, b) => a + b, 0) / n;
  const variance = sample.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const round = (x: number) => Math.round(x * 10) / 10;
  const distribution: Distribution =
    mean <= 0 || sd < 1e-6 * Math.max(1, mean)
      ? { type: 'fixed', value: round(mean) }
      : { type: 'lognormal', mean: round(mean), sd: Math.max(0.1, round(sd)) };
  return { distribution, n, mean, sd };
}
