/**
 * Quantiles of the standard normal and Student's t distributions, for confidence intervals
 * over independent replications of the simulation.
 *
 * - normalQuantile: Wichura (1988), Algorithm AS 241 (PPND16), Applied Statistics 37(3),
 *   477–484; relative accuracy about 1e-16.
 * - studentTQuantile: exact closed forms for ν = 1 (Cauchy) and ν = 2; for other ν a start
 *   from Hill (1970), Algorithm 396 "Student's t-quantiles", CACM 13(10), 619–620, refined by
 *   Newton steps on the t tail probability computed through the regularized incomplete beta
 *   function (continued fraction, modified Lentz); for very large ν the Cornish–Fisher
 *   expansion of Abramowitz & Stegun 26.7.5; for ν = ∞ the normal quantile.
 *
 * All functions are pure and deterministic.
 */

function assertProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`probability must be in [0, 1], got ${p}`);
  }
}

/**
 * Standard normal quantile Φ⁻¹(p) by Wichura's AS 241 (PPND16): rational approximations in
 * three regions (|p − ½| ≤ 0.425, then r = √(−ln min(p, 1−p)) ≤ 5 and r > 5).
 * The coefficients are AS 241's published 20-digit constants written in their shortest form
 * that rounds to the same double. Returns −∞ for p = 0 and +∞ for p = 1.
 *
 * @throws RangeError if p is NaN or outside [0, 1]
 */
export function normalQuantile(p: number): number {
  assertProbability(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num =
      (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r +
        45921.95393154987) *
        r +
        13731.69376550946) *
        r +
        1971.5909503065513) *
        r +
        133.14166789178438) *
        r +
        3.3871328727963665) *
      q;
    const den =
      ((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r +
        21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
      1;
    return num / den;
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    const num =
      ((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
      1.4234371107496835;
    const den =
      ((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
      1;
    x = num / den;
  } else {
    r -= 5;
    const num =
      ((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
      6.657904643501103;
    const den =
      ((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
      1;
    x = num / den;
  }
  return q < 0 ? -x : x;
}

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms), about 1e-15 relative. */
function logGamma(x: number): number {
  const g = 7;
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = coefficients[0];
  for (let i = 1; i < g + 2; i++) sum += coefficients[i] / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Continued fraction for the regularized incomplete beta function I_x(a, b)
 * (Numerical Recipes §6.4, evaluated with the modified Lentz method).
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const maxIterations = 100_000;
  const epsilon = 1e-15;
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) return h;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b). The caller passes x, y = 1 − x and both logarithms so
 * that they can be formed without cancellation or overflow. Uses I_x(a, b) = 1 − I_{1−x}(b, a)
 * where that continued fraction converges faster.
 */
function regularizedIncompleteBeta(
  a: number,
  b: number,
  x: number,
  y: number,
  logX: number,
  logY: number,
): number {
  if (logX === -Infinity) return 0;
  if (logY === -Infinity) return 1;
  const front = Math.exp(a * logX + b * logY - (logGamma(a) + logGamma(b) - logGamma(a + b)));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/**
 * For t ≥ 0, the incomplete-beta arguments of Student's t: x = ν/(ν+t²), y = t²/(ν+t²) and
 * their logarithms, formed without overflowing t² for huge t.
 */
function betaArguments(
  t: number,
  nu: number,
): { x: number; y: number; logX: number; logY: number } {
  const sqrtNu = Math.sqrt(nu);
  if (t <= sqrtNu) {
    const u = (t / sqrtNu) ** 2; // t²/ν ≤ 1
    const log1pU = Math.log1p(u);
    return { x: 1 / (1 + u), y: u / (1 + u), logX: -log1pU, logY: Math.log(u) - log1pU };
  }
  const r = (sqrtNu / t) ** 2; // ν/t² < 1, may underflow harmlessly
  const log1pR = Math.log1p(r);
  return {
    x: r / (1 + r),
    y: 1 / (1 + r),
    logX: 2 * (Math.log(sqrtNu) - Math.log(t)) - log1pR,
    logY: -log1pR,
  };
}

/** Upper tail P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) of Student's t, for t ≥ 0. */
function studentTUpperTail(t: number, nu: number): number {
  const { x, y, logX, logY } = betaArguments(t, nu);
  return 0.5 * regularizedIncompleteBeta(nu / 2, 0.5, x, y, logX, logY);
}

/** Central probability P(|T| < t) = I_{t²/(ν+t²)}(½, ν/2) of Student's t, for t ≥ 0. */
function studentTCentral(t: number, nu: number): number {
  const { x, y, logX, logY } = betaArguments(t, nu);
  return regularizedIncompleteBeta(0.5, nu / 2, y, x, logY, logX);
}

/**
 * Density f(t) = Γ((ν+1)/2) / (√(νπ)·Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2), using
 * ln(1 + t²/ν) = −ln x from betaArguments.
 */
function studentTDensity(t: number, nu: number): number {
  const { logX } = betaArguments(Math.abs(t), nu);
  return Math.exp(
    logGamma((nu + 1) / 2) -
      logGamma(nu / 2) -
      0.5 * Math.log(nu * Math.PI) +
      ((nu + 1) / 2) * logX,
  );
}

/**
 * Hill (1970), ACM Algorithm 396: approximate upper-tail t quantile for two-sided tail
 * probability `twoSided` ∈ (0, 1] and ν > 1 degrees of freedom. Returns t ≥ 0.
 */
function hillStart(twoSided: number, nu: number): number {
  const a = 1 / (nu - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * nu;
  let y = Math.pow(d * twoSided, 2 / nu);
  if (y > 0.05 + a) {
    // Asymptotic inverse expansion about the normal.
    const x = normalQuantile(0.5 * twoSided);
    y = x * x;
    if (nu < 5) c += 0.3 * (nu - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else {
    y =
      ((1 / (((nu + 6) / (nu * y) - 0.089 * d - 0.822) * (nu + 2) * 3) + 0.5 / (nu + 4)) * y - 1) *
        ((nu + 1) / (nu + 2)) +
      1 / y;
  }
  return Math.sqrt(nu * y);
}

/**
 * Cornish–Fisher expansion of the t quantile in powers of 1/ν around the normal quantile z
 * (Abramowitz & Stegun 26.7.5). Used for very large ν, where the omitted O(ν⁻⁵) term is far
 * below double precision.
 */
function cornishFisher(z: number, nu: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}

/** Above this many degrees of freedom the Cornish–Fisher series is used directly. */
const ASYMPTOTIC_DF = 1e5;

/**
 * Inverse CDF of Student's t distribution: the t with P(T ≤ t) = p for ν degrees of freedom.
 *
 * - ν = 1: t = tan(π(p − ½)) (Cauchy), evaluated as −1/tan(π·min(p, 1−p)) for tail accuracy.
 * - ν = 2: t = (2p − 1)/√(2p(1 − p)).
 * - 1 < ν ≤ 1e5 (including non-integer ν): Hill's Algorithm 396 start, then safeguarded
 *   Newton iterations on ln P(T > t) = ln min(p, 1−p) using the incomplete-beta tail.
 * - 1e5 < ν < ∞: Cornish–Fisher expansion (A&S 26.7.5).
 * - ν = ∞: normalQuantile(p).
 *
 * Returns −∞ for p = 0 and +∞ for p = 1.
 *
 * @throws RangeError if p is outside [0, 1] or degreesOfFreedom is NaN or < 1
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  assertProbability(p);
  const nu = degreesOfFreedom;
  if (!(nu >= 1)) {
    throw new RangeError(`degreesOfFreedom must be >= 1, got ${degreesOfFreedom}`);
  }
  if (nu === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;

  // Work with the upper tail q = P(T > |t|); for p > ½, 1 − p is exact (Sterbenz).
  const upper = p > 0.5;
  const q = upper ? 1 - p : p;
  const sign = upper ? 1 : -1;

  if (nu === 1) {
    // tan(π(p − ½)); near p = ½ use the exact difference ½ − q, in the tails 1/tan(πq).
    return q < 0.25 ? sign / Math.tan(Math.PI * q) : sign * Math.tan(Math.PI * (0.5 - q));
  }
  if (nu === 2) return (sign * (1 - 2 * q)) / Math.sqrt(2 * q * (1 - q));
  if (nu > ASYMPTOTIC_DF) return sign * cornishFisher(-normalQuantile(q), nu);

  // Newton on g(t) = ln F(t) − ln target, where F is the upper tail P(T > t) (decreasing) in
  // the tails, and the central probability P(|T| < t) = 1 − 2q (increasing) near the median,
  // where 1 − 2q is exact and the tail would lose relative precision.
  const useTail = q < 0.25;
  const target = useTail ? q : 1 - 2 * q;
  const logTarget = Math.log(target);
  let t = hillStart(2 * q, nu);
  if (!(t > 0) || !Number.isFinite(t)) {
    // Hill's start underflows for extreme tails with ν near 1; use the power-law tail
    // P(T > t) ≈ K·ν^((ν−1)/2)·t^(−ν), K = Γ((ν+1)/2)/(√(νπ)·Γ(ν/2)), solved for t.
    const logK = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
    t = Math.exp((logK + ((nu - 1) / 2) * Math.log(nu) - Math.log(q)) / nu);
    if (!(t > 0) || !Number.isFinite(t)) t = 1;
  }
  // Bracket [lo, hi] containing the root.
  let lo = 0;
  let hi = Infinity;
  for (let iteration = 0; iteration < 1000; iteration++) {
    const f = useTail ? studentTUpperTail(t, nu) : studentTCentral(t, nu);
    const residual = Math.log(f) - logTarget;
    if (residual === 0) break;
    if (residual > 0 === useTail) lo = t;
    else hi = t;
    // d/dt ln P(T > t) = −f(t)/P(T > t);  d/dt ln P(|T| < t) = 2f(t)/P(|T| < t).
    const slope = ((useTail ? -1 : 2) * studentTDensity(t, nu)) / f;
    let next = t - residual / slope;
    if (!(next > lo && next < hi)) {
      next = Number.isFinite(hi) ? 0.5 * (lo + hi) : 2 * Math.max(t, lo, 1);
    }
    const step = Math.abs(next - t);
    t = next;
    if (step <= 1e-14 * t) break;
  }
  return sign * t;
}

/**
 * Half-width of the two-sided Student-t confidence interval for a mean:
 *
 *   h = t_{(1+level)/2, n−1} · s / √n,
 *
 * where s is the sample standard deviation of n observations.
 * Returns NaN when n < 2 (no degrees of freedom to estimate the spread).
 *
 * @throws RangeError if level is not in (0, 1)
 */
export function confidenceHalfWidth(sampleSd: number, n: number, level = 0.95): number {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`level must be in (0, 1), got ${level}`);
  }
  if (!(n >= 2)) return NaN;
  return (studentTQuantile((1 + level) / 2, n - 1) * sampleSd) / Math.sqrt(n);
}
