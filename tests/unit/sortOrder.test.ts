import { describe, expect, it } from 'vitest';
import { ascendingOrder } from '../../src/sim/analysis/sortOrder.ts';

/** A small deterministic generator (Park–Miller), for test data only. */
function numbers(seed: number) {
  let x = seed;
  return () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647;
  };
}

describe('ascendingOrder (radix sort of doubles ≥ +0)', () => {
  it('orders as Float64Array.sort does, equal values in their first order', () => {
    const next = numbers(11);
    for (const count of [0, 1, 2, 3, 17, 1000, 70_000]) {
      // Times of a run: fractions of seconds over a year, with many repeats and whole numbers.
      const values = Float64Array.from({ length: count }, () => {
        const r = next();
        return r < 0.2 ? Math.floor(next() * 50) : r < 0.3 ? Infinity : next() * 3.2e7;
      });
      const order = ascendingOrder(values)!;
      const sorted = values.slice().sort();
      expect(order.length).toBe(count);
      for (let i = 0; i < count; i++) {
        expect(Object.is(values[order[i]], sorted[i])).toBe(true);
        if (i > 0 && values[order[i]] === values[order[i - 1]]) {
          expect(order[i]).toBeGreaterThan(order[i - 1]);
        }
      }
    }
  });

  it('reads only the first `count` values of a longer array', () => {
    const values = Float64Array.of(3, 1, 2, 0, -5);
    expect([...ascendingOrder(values, 4)!]).toEqual([3, 1, 2, 0]);
  });

  it('leaves values below zero, −0 and NaN to the caller', () => {
    expect(ascendingOrder(Float64Array.of(1, -1))).toBeNull();
    expect(ascendingOrder(Float64Array.of(1, -0))).toBeNull();
    expect(ascendingOrder(Float64Array.of(NaN, 1))).toBeNull();
  });
});
