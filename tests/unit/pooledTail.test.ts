/**
 * Pooled quantiles have no ceiling: responses of a day or more keep their own bins, so the
 * pooled p90 of a queue-heavy run is the exact one (to within a bin), not 1,440 min.
 */
import { describe, expect, it } from 'vitest';
import {
  addHistograms,
  HISTOGRAM_BIN_SECONDS,
  histogramOf,
  histogramQuantile,
} from '../../src/sim/analysis/pooled.ts';
import { quantile } from '../../src/sim/analysis/metrics.ts';

describe('pooled response times beyond a day', () => {
  it('keeps the tail exact to within a bin', () => {
    // Two replications of a queue-heavy run: most calls wait for days.
    const first = Array.from({ length: 100 }, (_, i) => 600 + i * 2_000);
    const second = Array.from({ length: 100 }, (_, i) => 900 + i * 1_700);
    const pooled = addHistograms([histogramOf(first), histogramOf(second)]);
    const all = Float64Array.from([...first, ...second]).sort();
    expect(quantile(all, 0.9)).toBeGreaterThan(24 * 3600 * 1.5);
    // Between the order statistics around the rank, to within a bin (the two quantile
    // definitions differ by less than the gap between neighbouring calls).
    for (const p of [0.5, 0.9]) {
      const rank = p * all.length;
      const low = all[Math.floor(rank) - 1] - HISTOGRAM_BIN_SECONDS;
      const high = all[Math.ceil(rank)] + HISTOGRAM_BIN_SECONDS;
      const pooledQuantile = histogramQuantile(pooled, p);
      expect(pooledQuantile).toBeGreaterThanOrEqual(low);
      expect(pooledQuantile).toBeLessThanOrEqual(high);
    }
  });
});
