import { describe, expect, it } from 'vitest';
import {
  confidenceHalfWidth,
  normalQuantile,
  studentTQuantile,
} from '../../src/sim/analysis/studentT.ts';

/** |actual − expected| ≤ tol·|expected| */
function expectRelClose(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe('normalQuantile', () => {
  // Standard normal table values.
  it.each([
    [0.975, 1.959964],
    [0.995, 2.575829],
    [0.95, 1.644854],
    [0.9, 1.281552],
    [0.75, 0.67449],
    [0.999, 3.090232],
    [1e-10, -6.361341],
  ])('Φ⁻¹(%f) = %f', (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 6);
  });

  it('is antisymmetric and 0 at the median', () => {
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [1e-300, 1e-20, 0.01, 0.0749, 0.0751, 0.3, 0.49]) {
      expectRelClose(normalQuantile(p), -normalQuantile(1 - p), 1e-12);
    }
  });

  it('inverts the normal CDF in the far tail (Φ(−37.5) ≈ 4.605e-308)', () => {
    // Mills-ratio asymptotics: Φ(−x) ≈ φ(x)/x·(1 − 1/x² + 3/x⁴) for large x.
    const x = 37.5;
    const tail =
      (Math.exp(-(x * x) / 2) / (x * Math.sqrt(2 * Math.PI))) * (1 - 1 / x ** 2 + 3 / x ** 4);
    expectRelClose(normalQuantile(tail), -x, 1e-9);
  });

  it('returns ±∞ at 0 and 1 and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('studentTQuantile', () => {
  // Standard t table (4 decimals): the half-unit of the last printed digit is the tolerance.
  it.each([
    [0.975, 1, 12.7062],
    [0.975, 2, 4.3027],
    [0.975, 5, 2.5706],
    [0.975, 10, 2.2281],
    [0.975, 30, 2.0423],
    [0.995, 4, 4.6041],
    [0.95, 20, 1.7247],
    [0.95, 1, 6.3138],
    [0.975, 9, 2.2622],
    [0.99, 15, 2.6025],
    [0.9, 7, 1.4149],
    [0.75, 3, 0.7649],
  ])('t(p=%f, ν=%i) = %f', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
  });

  // Standard t tables with 3 decimals (NIST/SEMATECH e-Handbook §1.3.6.7.2, "Critical values of
  // the Student's t distribution"; textbook tables for ν = 120 and the one-sided 0.0005 column).
  it.each([
    [0.995, 1, 63.657],
    [0.9995, 3, 12.924],
    [0.975, 100, 1.984],
    [0.999, 100, 3.174],
    [0.975, 120, 1.98],
    [0.99, 10, 2.764],
  ])('table: t(p=%f, ν=%i) ≈ %f', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThanOrEqual(0.5e-3 + 1e-12);
  });

  it('matches the closed forms for ν = 1 and ν = 2', () => {
    // ν = 1 (Cauchy): tan(π(p − ½)); ν = 2: (2p − 1)/√(2p(1 − p)).
    // (Away from the tails, where evaluating tan near π/2 would make the reference inexact.)
    for (const p of [0.01, 0.3, 0.4999, 0.75, 0.99]) {
      expectRelClose(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-12);
      expectRelClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-9);
    }
    expect(studentTQuantile(0.75, 1)).toBeCloseTo(1, 14);
    expect(studentTQuantile(0.75, 2)).toBeCloseTo(0.816497, 6);
  });

  it('inverts the closed-form CDFs for ν = 3 and ν = 4', () => {
    // A&S 26.7: F₃(t) = ½ + (1/π)[t/(√3(1 + t²/3)) + atan(t/√3)];
    //           F₄(t) = ½ + (3/8)·t/√(1 + t²/4)·(1 − t²/(12(1 + t²/4))).
    const f3 = (t: number) =>
      0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI;
    const f4 = (t: number) =>
      0.5 + ((3 / 8) * t * (1 - (t * t) / (12 * (1 + (t * t) / 4)))) / Math.sqrt(1 + (t * t) / 4);
    for (const p of [0.001, 0.02, 0.1, 0.3, 0.45, 0.55, 0.8, 0.97, 0.999]) {
      expect(f3(studentTQuantile(p, 3))).toBeCloseTo(p, 12);
      expect(f4(studentTQuantile(p, 4))).toBeCloseTo(p, 12);
    }
  });

  it('is antisymmetric, monotone in p and decreasing in ν towards the normal quantile', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    for (const df of [1, 1.5, 3, 8.5, 40, 1e3, 1e6]) {
      // Dyadic p, so that 1 − p is exact.
      for (const p of [2 ** -30, 1 / 64, 0.3125, 0.49951171875]) {
        expectRelClose(studentTQuantile(p, df), -studentTQuantile(1 - p, df), 1e-9);
      }
      let previous = -Infinity;
      for (let p = 0.01; p < 1; p += 0.01) {
        const t = studentTQuantile(p, df);
        expect(t).toBeGreaterThan(previous);
        previous = t;
      }
    }
    let previous = Infinity;
    for (const df of [1, 2, 3, 5, 10, 30, 100, 1e4, 1e5, 2e5, 1e8]) {
      const t = studentTQuantile(0.975, df);
      expect(t).toBeLessThan(previous);
      expect(t).toBeGreaterThan(1.959963984540054);
      previous = t;
    }
    expect(studentTQuantile(0.975, 1e8)).toBeCloseTo(1.959964, 6);
  });

  it('uses the normal quantile for ν = ∞', () => {
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it('handles extreme tails and non-integer ν', () => {
    // Power-law tail for ν = 1: t ≈ 1/(πq) for small q.
    expectRelClose(studentTQuantile(1 - 1e-10, 1), 1 / (Math.PI * 1e-10), 1e-6);
    expect(Number.isFinite(studentTQuantile(1e-300, 1.5))).toBe(true);
    expect(studentTQuantile(1e-300, 1.5)).toBeLessThan(-1e199);
    // Between its integer neighbours.
    const t = studentTQuantile(0.975, 4.5);
    expect(t).toBeLessThan(studentTQuantile(0.975, 4));
    expect(t).toBeGreaterThan(studentTQuantile(0.975, 5));
  });

  it('returns ±∞ at 0 and 1 and rejects invalid arguments', () => {
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(() => studentTQuantile(-0.1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0.5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, Number.NaN)).toThrow(RangeError);
  });
});

describe('confidenceHalfWidth', () => {
  it('is t_{(1+level)/2, n−1}·s/√n', () => {
    // Table: t_{0.975,9} = 2.2622 → 2.2622·2/√10 = 1.43075 (exact 1.430714).
    expect(confidenceHalfWidth(2, 10)).toBeCloseTo(1.4307, 4);
    // Table: t_{0.995,4} = 4.6041 → 4.6041/√5 = 2.05901.
    expect(confidenceHalfWidth(1, 5, 0.99)).toBeCloseTo(2.05901, 4);
    // Table: t_{0.95,29} = 1.6991 → 1.6991·3/√30 = 0.93065.
    expect(confidenceHalfWidth(3, 30, 0.9)).toBeCloseTo(0.93065, 4);
  });

  it('is NaN when n < 2 and 0 when the sample has no spread', () => {
    expect(confidenceHalfWidth(1, 1)).toBeNaN();
    expect(confidenceHalfWidth(1, 0)).toBeNaN();
    expect(confidenceHalfWidth(0, 10)).toBe(0);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => confidenceHalfWidth(1, 10, 1)).toThrow(RangeError);
    expect(() => confidenceHalfWidth(1, 10, 0)).toThrow(RangeError);
  });
});
