import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  mmcMeanWait,
  mmcWaitExceedsProbability,
} from '../../src/sim/queueing.ts';

/** |actual − expected| ≤ tol·|expected| */
function expectRelClose(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe('erlangB', () => {
  // Expected values are the exact rationals (A^c/c!)/Σ_{k≤c} A^k/k!, cross-checked with an
  // independent exact-fraction computation (Python fractions), and agree with standard
  // Erlang B tables to the digits printed there.
  it.each([
    [1, 1, 0.5], // A/(1+A)
    [2, 1, 0.2], // (1/2)/(1+1+1/2)
    [5, 3, 0.11005434782608696], // table: 0.11005
    [10, 5, 0.018384570336648132], // table: 0.018385
    [10, 10, 0.21458234310734733], // table: 0.2146
    [20, 15, 0.04559321558981184], // table: 0.0456
    [30, 25, 0.052603172228140614], // ≈ 0.05 (30 lines, 25 Erlangs)
    [100, 80, 0.003992028604553197], // table: 0.0040
  ])('B(c=%i, A=%d) = %f', (c, a, expected) => {
    expectRelClose(erlangB(c, a), expected, 1e-12);
  });

  // Standard Erlang B table (offered load for a given grade of service, 2 decimals of load):
  // 1 % blocking: c=5 → 1.36 E, c=10 → 4.46 E, c=100 → 84.06 E; 2 % blocking: c=10 → 5.08 E.
  it.each([
    [5, 1.36, 0.01],
    [10, 4.46, 0.01],
    [100, 84.06, 0.01],
    [10, 5.08, 0.02],
  ])('table: c=%i, A=%d gives blocking ≈ %f', (c, a, gos) => {
    expectRelClose(erlangB(c, a), gos, 0.02);
  });

  it('handles the edge cases c = 0 and A = 0', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(4, 0)).toBe(0);
  });

  it('stays finite and accurate for large c (no factorial overflow)', () => {
    const b = erlangB(2000, 1900);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.1);
  });

  it('rejects invalid arguments', () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(3, -1)).toThrow(RangeError);
    expect(() => erlangB(3, Number.NaN)).toThrow(RangeError);
  });
});

describe('erlangC', () => {
  // Exact values from the textbook form
  // C = (A^c/c!)(c/(c−A)) / (Σ_{k<c} A^k/k! + (A^c/c!)(c/(c−A))), verified with exact fractions.
  it.each([
    [1, 0.5, 0.5], // M/M/1: C = ρ
    [2, 1, 1 / 3], // M/M/2 with ρ = 1/2: C = 2ρ²/(1+ρ)
    [3, 2, 4 / 9],
    [3, 1.5, 9 / 38],
    [5, 4, 128 / 231],
    [10, 8, 4194304 / 10250507],
  ])('C(c=%i, A=%d) = %f', (c, a, expected) => {
    expectRelClose(erlangC(c, a), expected, 1e-12);
  });

  it('is at least Erlang B and at most 1', () => {
    for (const [c, a] of [
      [3, 2],
      [10, 9.9],
      [50, 40],
    ]) {
      expect(erlangC(c, a)).toBeGreaterThanOrEqual(erlangB(c, a));
      expect(erlangC(c, a)).toBeLessThanOrEqual(1);
    }
  });

  it('throws RangeError for an unstable queue (A ≥ c)', () => {
    expect(() => erlangC(3, 3)).toThrow(RangeError);
    expect(() => erlangC(3, 4.5)).toThrow(RangeError);
  });
});

describe('mmcMeanWait', () => {
  it('M/M/3 with λ = 1.5, μ = 1: Wq = (9/38)/1.5 = 3/19 and Lq = λ·Wq = 9/38', () => {
    // Textbook M/M/c: P0 = 1/4.75, Lq = P0·A^c·ρ/(c!(1−ρ)²) = 0.236842…, Wq = Lq/λ.
    const wq = mmcMeanWait(3, 1.5, 1);
    expectRelClose(wq, 3 / 19, 1e-12);
    expect(wq).toBeCloseTo(0.157895, 6);
    expectRelClose(1.5 * wq, 0.2368421052631579, 1e-12);
  });

  it('M/M/1 reduces to Wq = ρ/(μ − λ)', () => {
    expectRelClose(mmcMeanWait(1, 0.5, 1), 1, 1e-12);
    expectRelClose(mmcMeanWait(1, 3, 4), 0.75, 1e-12);
  });

  it('M/M/2 reduces to Wq = ρ²/(μ(1 − ρ²)), ρ = λ/(2μ)', () => {
    const lambda = 1.2;
    const mu = 0.9;
    const rho = lambda / (2 * mu);
    expectRelClose(mmcMeanWait(2, lambda, mu), (rho * rho) / (mu * (1 - rho * rho)), 1e-12);
  });

  it('is zero with no arrivals and throws when λ ≥ cμ', () => {
    expect(mmcMeanWait(2, 0, 1)).toBe(0);
    expect(() => mmcMeanWait(3, 3, 1)).toThrow(RangeError);
    expect(() => mmcMeanWait(3, 1, 0)).toThrow(RangeError);
  });
});

describe('mmcWaitExceedsProbability', () => {
  it('P(Wq > t) = C·exp(−(cμ − λ)t)', () => {
    expectRelClose(mmcWaitExceedsProbability(3, 1.5, 1, 0), 9 / 38, 1e-12);
    expectRelClose(mmcWaitExceedsProbability(3, 1.5, 1, 1), (9 / 38) * Math.exp(-1.5), 1e-12);
    expect(mmcWaitExceedsProbability(3, 1.5, 1, 1)).toBeCloseTo(0.0528466, 7);
    // M/M/1: P(Wq > t) = ρ·exp(−(μ − λ)t)
    expectRelClose(mmcWaitExceedsProbability(1, 0.5, 1, 2), 0.5 * Math.exp(-1), 1e-12);
  });

  it('integrates to the mean wait (E[Wq] = ∫₀^∞ P(Wq > t) dt)', () => {
    const [c, lambda, mu] = [4, 3, 1];
    const h = 1e-3;
    let integral = 0;
    for (let t = 0; t < 60; t += h) {
      integral +=
        (h / 2) *
        (mmcWaitExceedsProbability(c, lambda, mu, t) +
          mmcWaitExceedsProbability(c, lambda, mu, t + h));
    }
    expectRelClose(integral, mmcMeanWait(c, lambda, mu), 1e-6);
  });

  it('is 1 for negative t', () => {
    expect(mmcWaitExceedsProbability(3, 1.5, 1, -1)).toBe(1);
  });
});
