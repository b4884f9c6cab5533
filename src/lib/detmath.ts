/**
 * Elementary functions from + − × ÷ and √ alone, so that a run gives the same bits in every
 * JavaScript engine. ECMAScript leaves Math.log, Math.exp, Math.sin… "implementation-
 * approximated": Node 20 and current Chromium disagree in the last bit on many inputs, which
 * is enough to change a trace. The basic operations and Math.sqrt are correctly rounded
 * (IEEE 754) everywhere, so functions built from them alone are reproducible. Accuracy is
 * within a few units in the last place, plenty for simulation.
 */

const LN2_HI = 6.9314718036912381649e-1; // ln 2, high part (exact product with small integers)
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
// Coefficients of fdlibm's log (Sun Microsystems, 1993; freely distributable).
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const TWO_POW_54 = 18014398509481984;
const HALF_PI_1 = 1.57079632673412561417; // π/2 in three parts (Cody–Waite reduction)
const HALF_PI_2 = 6.07710050650619224932e-11;
const HALF_PI_3 = 2.02226624879595063154e-21;
const HALF_PI = Math.PI / 2;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
// Index of the high 32-bit word of a double in memory.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

// POWERS_OF_TWO[k + 1074] = 2^k for k in [−1074, 1023], each exact (halving a power of two is).
// A table beats building the bits in `scratch`: a double written in halves and read whole
// stalls the processor (the two stores cannot be forwarded to the load).
const POWERS_OF_TWO = new Float64Array(2098);
for (let i = 2097, power = 2 ** 1023; i >= 0; i--, power /= 2) POWERS_OF_TWO[i] = power;

/** 2^k for integer k in [−1074, 1023]. */
function powerOfTwo(k: number): number {
  return POWERS_OF_TWO[k + 1074];
}

/** Natural logarithm. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_POW_54;
    k -= 54;
  }
  // x = m·2^e with m in [1, 2): e from the exponent bits, then m = x·2^−e exactly.
  scratch[0] = x;
  const e = ((words[HIGH] >>> 20) & 0x7ff) - 1023;
  k += e;
  let m = x * POWERS_OF_TWO[1074 - e];
  if (m > Math.SQRT2) {
    m *= 0.5; // m in [√½, √2]
    k += 1;
  }
  // fdlibm's e_log.c: log(m) = f − s(f − R) with s = f/(2 + f), R a minimax polynomial in s².
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const halfSquare = 0.5 * f * f;
  return k * LN2_HI - (halfSquare - (s * (halfSquare + t1 + t2) + k * LN2_LO) - f);
}

/** e^x. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x / (LN2_HI + LN2_LO));
  const r = x - k * LN2_HI - k * LN2_LO; // |r| ≤ 0.35
  let sum = 1;
  let term = 1;
  for (let n = 1; n <= 18; n++) {
    term = (term * r) / n;
    sum += term;
  }
  if (k > 1023) return sum * powerOfTwo(1023) * powerOfTwo(k - 1023);
  if (k < -1022) return sum * powerOfTwo(k + 1022) * powerOfTwo(-1022);
  return sum * powerOfTwo(k);
}

/** base^exponent for base > 0. */
export function pow(base: number, exponent: number): number {
  if (exponent === 0) return 1;
  if (base === 1) return 1;
  return exp(exponent * log(base));
}

/** sin and cos on [−π/4, π/4] by Taylor series. */
function sinKernel(r: number): number {
  const r2 = r * r;
  let sum = 0;
  for (let n = 21; n >= 3; n -= 2) sum = (1 - sum) * (r2 / (n * (n - 1)));
  return r * (1 - sum);
}

function cosKernel(r: number): number {
  const r2 = r * r;
  let sum = 0;
  for (let n = 22; n >= 2; n -= 2) sum = (1 - sum) * (r2 / (n * (n - 1)));
  return 1 - sum;
}

/** x − q·π/2 with the quadrant q, for |x| up to about 1e6. */
function reduce(x: number): [number, number] {
  const q = Math.round(x / HALF_PI);
  return [x - q * HALF_PI_1 - q * HALF_PI_2 - q * HALF_PI_3, ((q % 4) + 4) % 4];
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, quadrant] = reduce(x);
  switch (quadrant) {
    case 0:
      return sinKernel(r);
    case 1:
      return cosKernel(r);
    case 2:
      return -sinKernel(r);
    default:
      return -cosKernel(r);
  }
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, quadrant] = reduce(x);
  switch (quadrant) {
    case 0:
      return cosKernel(r);
    case 1:
      return -sinKernel(r);
    case 2:
      return -cosKernel(r);
    default:
      return sinKernel(r);
  }
}

/** Arc tangent: halve the angle until the argument is small, then the Taylor series. */
export function atan(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0) return -atan(-x);
  if (x > 1) return HALF_PI - atan(1 / x);
  // atan(x) = 2 atan(x / (1 + √(1 + x²))), applied three times: |x| ≤ 0.0985.
  let reduced = x;
  for (let i = 0; i < 3; i++) reduced = reduced / (1 + Math.sqrt(1 + reduced * reduced));
  const x2 = reduced * reduced;
  let sum = 0;
  for (let n = 29; n >= 3; n -= 2) sum = (1 / n - sum) * x2;
  return 8 * (reduced * (1 - sum));
}

/** Arc sine for x in [−1, 1]. */
export function asin(x: number): number {
  if (!(x >= -1 && x <= 1)) return NaN;
  if (x === 1 || x === -1) return x * HALF_PI;
  return atan(x / Math.sqrt((1 - x) * (1 + x)));
}
