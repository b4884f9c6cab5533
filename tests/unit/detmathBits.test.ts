import { describe, expect, it } from 'vitest';
import alea from 'seedrandom/lib/alea.js';
import { exp, log } from '../../src/lib/detmath.ts';
import { makeStream } from '../../src/sim/random.ts';

/**
 * Faster must mean the same bits: `log`, `exp` and the streams are compared with the versions
 * they replaced (copied here as they were) on inputs covering their whole ranges. A changed bit
 * would change traces.
 */

// --- detmath's log and exp before they took powers of two from a table (copied verbatim) ---
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const SQRT_HALF = Math.SQRT1_2;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const TWO_POW_54 = 18014398509481984;
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function oldPowerOfTwo(k: number): number {
  if (k < -1022) return oldPowerOfTwo(k + 54) / TWO_POW_54;
  words[HIGH] = (k + 1023) << 20;
  words[1 - HIGH] = 0;
  return scratch[0];
}

function oldLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_POW_54;
    k -= 54;
  }
  scratch[0] = x;
  k += ((words[HIGH] >>> 20) & 0x7ff) - 1023;
  words[HIGH] = (words[HIGH] & 0x000fffff) | 0x3ff00000;
  let m = scratch[0];
  if (m > Math.SQRT2) {
    m /= 2;
    k += 1;
  } else if (m < SQRT_HALF) {
    m *= 2;
    k -= 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const halfSquare = 0.5 * f * f;
  return k * LN2_HI - (halfSquare - (s * (halfSquare + t1 + t2) + k * LN2_LO) - f);
}

function oldExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x / (LN2_HI + LN2_LO));
  const r = x - k * LN2_HI - k * LN2_LO;
  let sum = 1;
  let term = 1;
  for (let n = 1; n <= 18; n++) {
    term = (term * r) / n;
    sum += term;
  }
  if (k > 1023) return sum * oldPowerOfTwo(1023) * oldPowerOfTwo(k - 1023);
  if (k < -1022) return sum * oldPowerOfTwo(k + 1022) * oldPowerOfTwo(-1022);
  return sum * oldPowerOfTwo(k);
}
// --- end of the copies ---

/** Counts the inputs where two functions differ in any bit (NaN equals NaN), keeping a few. */
function differences(inputs: Iterable<number>, a: (x: number) => number, b: (x: number) => number) {
  const found: number[] = [];
  let count = 0;
  for (const x of inputs) {
    if (!Object.is(a(x), b(x))) {
      count++;
      if (found.length < 5) found.push(x);
    }
  }
  return { count, found };
}

function* logInputs(): Generator<number> {
  // (0, 1] at 2^-32 granularity, every 4099th step (a stream draw is a multiple of about 2^-32),
  // and the 2^16 values next to 1 from below: 1 − u with u a draw, as `exponential` takes it.
  for (let i = 1; i <= 2 ** 32; i += 4099) yield i * 2 ** -32;
  for (let i = 0; i < 2 ** 16; i++) yield 1 - i * 2 ** -32;
  // Every binade, subnormals included: its powers of two, the mantissas around √2 (where the
  // reduction switches) and just below 2, and random mantissas.
  const stream = makeStream(7, 'detmath-bits');
  const around = [1, 1 + 2 ** -52, Math.SQRT2 - 2 ** -52, Math.SQRT2, Math.SQRT2 + 2 ** -52];
  for (let e = -1074; e <= 1023; e++) {
    for (const m of [...around, 2 - 2 ** -52, 1.5]) yield m * 2 ** e;
    for (let i = 0; i < 100; i++) yield (1 + stream.next()) * 2 ** e;
  }
  for (let i = 0; i < 200_000; i++) yield 10 ** (-300 + 600 * stream.next());
  yield* [0, -0, -1, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE];
}

function* expInputs(): Generator<number> {
  const stream = makeStream(8, 'detmath-bits');
  for (let i = 0; i < 300_000; i++) yield -760 + 1480 * stream.next();
  for (let i = 0; i < 200_000; i++) yield -5 + 10 * stream.next();
  // Where the result leaves the normal range, on both sides of each case of the scaling.
  for (let x = -746; x <= -707; x += 1 / 64) yield x;
  for (let x = 708; x <= 710; x += 1 / 1024) yield x;
  yield* [0, -0, NaN, Infinity, -Infinity, 709.782712893384, -745.1332191019412];
}

describe('same bits as before', () => {
  it('log, on a million inputs over its whole range', () => {
    expect(differences(logInputs(), log, oldLog)).toEqual({ count: 0, found: [] });
  });

  it('exp, on half a million inputs over its whole range', () => {
    expect(differences(expInputs(), exp, oldExp)).toEqual({ count: 0, found: [] });
  });

  it("streams give seedrandom's alea numbers", () => {
    for (const seed of [1, 2, 42, 'x']) {
      for (const name of ['arrivals', 'work', 'travel', 'training:caller:3:1']) {
        const reference = alea(`${seed}/${name}`);
        const stream = makeStream(seed, name);
        const found: number[] = [];
        for (let i = 0; i < 50_000; i++) {
          const expected = reference();
          if (!Object.is(stream.next(), expected)) found.push(i);
        }
        expect(found).toEqual([]);
      }
    }
  });
});
