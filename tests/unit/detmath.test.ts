import { describe, expect, it } from 'vitest';
import * as det from '../../src/lib/detmath.ts';
import { makeStream } from '../../src/sim/random.ts';

/** Relative error against the engine's Math, allowing a few units in the last place. */
function expectClose(actual: number, expected: number, ulps = 4) {
  if (expected === 0 || !Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(
    ulps * Number.EPSILON,
  );
}

describe('engine-independent elementary functions', () => {
  const stream = makeStream(1, 'detmath');
  const sample = (n: number, f: (u: number) => number) =>
    Array.from({ length: n }, () => f(stream.next()));

  it('log over the whole range of doubles, subnormals included', () => {
    for (const x of [
      1,
      2,
      0.5,
      Math.E,
      10,
      1e-300,
      5e-324,
      1.7e308,
      1 - 1e-16,
      1 + 1e-15,
      ...sample(5000, (u) => 1e-20 * 1e40 ** u),
    ]) {
      expectClose(det.log(x), Math.log(x));
    }
    expect(det.log(0)).toBe(-Infinity);
    expect(det.log(-1)).toBeNaN();
    expect(det.log(1)).toBe(0);
  });

  it('exp, including overflow and underflow', () => {
    for (const x of [0, 1, -1, 0.5, 700, -700, -740, ...sample(5000, (u) => -50 + 100 * u)]) {
      expectClose(det.exp(x), Math.exp(x), x < -708 ? 1e6 : 4);
    }
    expect(det.exp(1000)).toBe(Infinity);
    expect(det.exp(-1000)).toBe(0);
  });

  it('pow, sin, cos, atan and asin', () => {
    for (const [b, e] of sample(2000, (u) => u).map((u, i) => [0.001 + 10 * u, -3 + (i % 7)])) {
      expectClose(det.pow(b, e), Math.pow(b, e), 16);
    }
    for (const x of sample(5000, (u) => -10 + 20 * u)) {
      expect(Math.abs(det.sin(x) - Math.sin(x))).toBeLessThan(4e-16);
      expect(Math.abs(det.cos(x) - Math.cos(x))).toBeLessThan(4e-16);
      expectClose(det.atan(x), Math.atan(x));
    }
    for (const x of sample(5000, (u) => -1 + 2 * u)) expectClose(det.asin(x), Math.asin(x), 8);
    expect(det.asin(1)).toBe(Math.PI / 2);
  });
});
