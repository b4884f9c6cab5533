/**
 * Comparison of two reports run with the same seeds (common random numbers): every random draw
 * about a call comes from streams named and seeded by the seed, so the base and a variant see
 * the same calls, and replication k of one is the twin of replication k of the other. The
 * difference is then estimated from the per-seed differences (a paired t interval), which is
 * narrower than comparing two independent runs by as much as the twins are alike. The unpaired
 * (Welch) interval is given too, to show what the pairing buys.
 */
import type { ReplicationMetrics } from './metrics.ts';
import { estimate, type Estimate, type Report } from './report.ts';
import { studentTQuantile } from './studentT.ts';

export interface PathComparison {
  /** Path of the figure, as in `Report.aggregate` (e.g. `response.overall.mean`). */
  path: string;
  /** Null where the report has no such figure (e.g. no tier-3 arrival in the base). */
  base: Estimate | null;
  variant: Estimate | null;
  /** Variant − base over the seeds both have a value for: mean and paired 95% CI (n = pairs). */
  paired: Estimate | null;
  /** Variant mean − base mean with Welch's 95% CI, as if the runs were independent. */
  unpaired: Estimate | null;
}

/** Parts of a replication that are not figures of their own (pooled, or the same in every run). */
const SKIPPED_PATHS = new Set([
  'seed',
  'duration',
  'warmup',
  'responseHistograms',
  'coverageCells',
]);

/** Every finite figure of a replication by its path, the paths of `Report.aggregate`. */
export function figuresOf(replication: ReplicationMetrics): Map<string, number> {
  const figures = new Map<string, number>();
  const visit = (value: unknown, path: string) => {
    // As in the aggregate: pooled separately, or the same in every replication.
    if (SKIPPED_PATHS.has(path)) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) figures.set(path, value);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(replication, '');
  return figures;
}

/** Replications of both reports with the same seed, in seed order: pairs are made by seed, never by position. */
export function pairBySeed(
  base: Report,
  variant: Report,
): Array<[ReplicationMetrics, ReplicationMetrics]> {
  const variantBySeed = new Map(variant.replications.map((r) => [r.seed, r]));
  return base.replications
    .filter((r) => variantBySeed.has(r.seed))
    .sort((a, b) => a.seed - b.seed)
    .map((r) => [r, variantBySeed.get(r.seed)!]);
}

/** Compares every figure either report has (or only `paths`), in path order. */
export function compareReports(
  base: Report,
  variant: Report,
  paths?: readonly string[],
): PathComparison[] {
  const baseFigures = new Map(base.replications.map((r) => [r.seed, figuresOf(r)]));
  const variantFigures = new Map(variant.replications.map((r) => [r.seed, figuresOf(r)]));
  const pairs = pairBySeed(base, variant).map(
    ([b, v]) => [baseFigures.get(b.seed)!, variantFigures.get(v.seed)!] as const,
  );
  const valuesAt = (figures: Map<number, Map<string, number>>, path: string) =>
    [...figures.values()].flatMap((f) => (f.has(path) ? [f.get(path)!] : []));
  const wanted =
    paths ??
    [...new Set([...Object.keys(base.aggregate), ...Object.keys(variant.aggregate)])].sort();
  return wanted.map((path) => {
    const baseEstimate = base.aggregate[path] ?? null;
    const variantEstimate = variant.aggregate[path] ?? null;
    if (!baseEstimate || !variantEstimate)
      return { path, base: baseEstimate, variant: variantEstimate, paired: null, unpaired: null };
    const differences: number[] = [];
    for (const [b, v] of pairs) {
      const before = b.get(path);
      const after = v.get(path);
      if (before !== undefined && after !== undefined) differences.push(after - before);
    }
    return {
      path,
      base: baseEstimate,
      variant: variantEstimate,
      paired: estimate(differences),
      unpaired: welchDifference(valuesAt(baseFigures, path), valuesAt(variantFigures, path)),
    };
  });
}

/**
 * Difference of two independent means, variant − base, with Welch's 95% interval
 * (Satterthwaite's degrees of freedom). n is the smaller sample.
 */
export function welchDifference(base: readonly number[], variant: readonly number[]): Estimate {
  const a = moments(base);
  const b = moments(variant);
  const n = Math.min(a.n, b.n);
  const mean = b.mean - a.mean;
  if (a.n < 2 || b.n < 2) return { n, mean, low: NaN, high: NaN };
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) return { n, mean, low: mean, high: mean };
  const degrees = ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = studentTQuantile(0.975, Math.max(1, degrees)) * standardError;
  return { n, mean, low: mean - half, high: mean + half };
}

function moments(values: readonly number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const squares = values.reduce((sum, v) => sum + (v - mean) * (v - mean), 0);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : NaN };
}

/** Whether the 95% interval of a difference leaves out 0: a change the replications show. */
export function excludesZero(difference: Estimate | null): boolean {
  return difference !== null && (difference.low > 0 || difference.high < 0);
}
