/**
 * The figures that add up across replications instead of being averaged: response times in
 * fixed bins (histograms) and tier-1 coverage by place (cells of 0.01°). Each replication keeps
 * integer counts, so a report pools them by adding, in any order, and its quantiles and coverage
 * map speak of all the calls of all its replications together.
 */
import { histogramBreakdown, type Breakdown } from './figures.ts';
import type { ReplicationMetrics } from './metrics.ts';
import type { Trace } from '../trace.ts';

/** Coverage cells per degree of longitude and of latitude (a cell is about 1 km across). */
export const COVERAGE_CELLS_PER_DEGREE = 100;

/** The key of the coverage cell holding a place; the cell's centre is ((x + 0.5) / 100, …). */
export function coverageCellKey(lon: number, lat: number): string {
  return `${Math.floor(lon * COVERAGE_CELLS_PER_DEGREE)},${Math.floor(lat * COVERAGE_CELLS_PER_DEGREE)}`;
}

/** Tier-1 coverage by cell of 0.01° (`coverageCellKey`), each place's cell found once. */
export class CoverageCells {
  private readonly cellOfPlace: Int32Array;
  private readonly slots = new Map<string, number>();
  private calls: number[] = [];
  private within: number[] = [];

  constructor(private readonly trace: Trace) {
    this.cellOfPlace = new Int32Array(trace.places.length >> 1).fill(-1);
  }

  add(place: number, within: number): void {
    let cell = this.cellOfPlace[place];
    if (cell < 0) {
      const key = coverageCellKey(this.trace.places[2 * place], this.trace.places[2 * place + 1]);
      cell = this.slots.get(key) ?? -1;
      if (cell < 0) {
        this.slots.set(key, (cell = this.slots.size));
        this.calls.push(0);
        this.within.push(0);
      }
      this.cellOfPlace[place] = cell;
    }
    this.calls[cell]++;
    this.within[cell] += within;
  }

  /** [calls, calls within] by cell key, keys in order. */
  counts(): Record<string, [number, number]> {
    return Object.fromEntries(
      [...this.slots.keys()]
        .sort()
        .map((key) => [key, [this.calls[this.slots.get(key)!], this.within[this.slots.get(key)!]]]),
    );
  }
}

/** The centre of a coverage cell, as [lon, lat], from its key. */
export function coverageCellCentre(key: string): [number, number] {
  const [x, y] = key.split(',').map(Number);
  return [(x + 0.5) / COVERAGE_CELLS_PER_DEGREE, (y + 0.5) / COVERAGE_CELLS_PER_DEGREE];
}

/** Sparse histogram: [bin index, count] pairs in increasing bin order. */
export type Histogram = Array<[number, number]>;

/**
 * Width of a histogram bin. Bins are open-ended: a response of three days falls in its own bin,
 * not in a last bin for "24 h or more" (which made pooled quantiles of a queue-heavy run read
 * 1,440 min where the exact figure was 2,267). The histogram is sparse, so a long tail costs a
 * pair per bin it reaches, and pooled quantiles are exact to within one bin wherever they fall.
 */
export const HISTOGRAM_BIN_SECONDS = 10;

/** One replication's histogram of response times (s). */
export function histogramOf(values: readonly number[]): Histogram {
  const counts = new Map<number, number>();
  for (const value of values) {
    const bin = Math.floor(value / HISTOGRAM_BIN_SECONDS);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** Adds histograms bin by bin (integer counts: the order does not matter). */
export function addHistograms(histograms: readonly Histogram[]): Histogram {
  const counts = new Map<number, number>();
  for (const histogram of histograms) {
    for (const [bin, count] of histogram) counts.set(bin, (counts.get(bin) ?? 0) + count);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** Quantile of a histogram, interpolating uniformly within the bin. */
export function histogramQuantile(histogram: Histogram, p: number): number {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return NaN;
  const rank = p * total;
  let below = 0;
  for (const [bin, count] of histogram) {
    if (below + count >= rank) return (bin + (rank - below) / count) * HISTOGRAM_BIN_SECONDS;
    below += count;
  }
  return (histogram[histogram.length - 1][0] + 1) * HISTOGRAM_BIN_SECONDS;
}

export interface PooledResponse {
  /** Which calls: all of them, or those of a tier, kind or district. */
  breakdown: Breakdown;
  n: number;
  /** Quantiles from the pooled histogram (to within a bin). */
  median: number;
  p90: number;
  histogram: Histogram;
}

/** Response times of all replications' calls together, by group (`overall`, `tier/1`…). */
export function poolResponses(replications: ReplicationMetrics[]): Record<string, PooledResponse> {
  const groups = [
    ...new Set(replications.flatMap((r) => Object.keys(r.responseHistograms))),
  ].sort();
  return Object.fromEntries(
    groups.map((group) => {
      const histogram = addHistograms(replications.map((r) => r.responseHistograms[group] ?? []));
      return [
        group,
        {
          breakdown: histogramBreakdown(group),
          n: histogram.reduce((sum, [, count]) => sum + count, 0),
          median: histogramQuantile(histogram, 0.5),
          p90: histogramQuantile(histogram, 0.9),
          histogram,
        },
      ];
    }),
  );
}

/** Tier-1 coverage by cell, all replications' calls together: [calls, within] by cell key. */
export function poolCoverageCells(
  replications: ReplicationMetrics[],
): Record<string, [number, number]> {
  const cells = new Map<string, [number, number]>();
  for (const replication of replications) {
    for (const [key, [calls, within]] of Object.entries(replication.coverageCells)) {
      const sum = cells.get(key) ?? [0, 0];
      sum[0] += calls;
      sum[1] += within;
      cells.set(key, sum);
    }
  }
  return Object.fromEntries([...cells.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
