/**
 * Closed-form facts about the distributions of durations that scenarios use. Shared by the file
 * format (src/scenarios: estimates, variants) and the simulator (src/sim: samplers), so it lives
 * below both and imports neither.
 */
import { exp, log } from './detmath.ts';

/**
 * The parameters of a distribution, as plain data. The zod schema `Distribution` in
 * src/scenarios/schema.ts is the source of truth for the file format and checks at compile time
 * that what it accepts fits this shape; src/lib cannot import it (src/lib imports no other folder).
 */
export type DistributionShape =
  | { readonly type: 'fixed'; readonly value: number }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  | {
      readonly type: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  | { readonly type: 'exponential'; readonly mean: number }
  | { readonly type: 'lognormal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormalMedianP90'; readonly median: number; readonly p90: number }
  | { readonly type: 'gamma'; readonly shape: number; readonly mean: number }
  | { readonly type: 'erlang'; readonly phases: number; readonly mean: number }
  | { readonly type: 'empirical'; readonly values: readonly number[] }
  | {
      readonly type: 'histogram';
      readonly bins: readonly {
        readonly from: number;
        readonly to: number;
        readonly weight: number;
      }[];
    };

/** z-score of the 90th percentile of the standard normal. */
export const Z90 = 1.2815515655446004;

/** The mean of a distribution (closed form), used for estimates and documentation. */
export function distributionMean(distribution: DistributionShape): number {
  switch (distribution.type) {
    case 'fixed':
      return distribution.value;
    case 'uniform':
      return (distribution.min + distribution.max) / 2;
    case 'triangular':
      return (distribution.min + distribution.mode + distribution.max) / 3;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return distribution.mean;
    case 'lognormalMedianP90': {
      const sigma = (log(distribution.p90) - log(distribution.median)) / Z90;
      return distribution.median * exp((sigma * sigma) / 2);
    }
    case 'empirical':
      return distribution.values.reduce((a, b) => a + b, 0) / distribution.values.length;
    case 'histogram': {
      const total = distribution.bins.reduce((a, bin) => a + bin.weight, 0);
      return (
        distribution.bins.reduce((a, bin) => a + (bin.weight * (bin.from + bin.to)) / 2, 0) / total
      );
    }
  }
}
