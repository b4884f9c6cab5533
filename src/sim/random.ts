/**
 * Randomness, only through named seeded streams. Each purpose (arrivals, places, work times,
 * travel noise, decisions…) draws from its own stream, derived from the run's seed and the
 * stream's name, so that two variants of one scenario see the same calls: common random numbers.
 */
import alea, { type AleaState } from 'seedrandom/lib/alea.js';
import type { Distribution } from '../scenarios/schema.ts';
import { exp, log, pow } from '../lib/detmath.ts';
import { Z90 } from '../lib/distributions.ts';

/** A source of uniform numbers in [0, 1). */
export interface Stream {
  readonly name: string;
  next(): number;
}

export type StreamName =
  | 'arrivals'
  | 'kinds'
  | 'places'
  | 'callHandling'
  | 'mobilisation'
  | 'work'
  | 'travel'
  | 'triage'
  | 'outsideHelp'
  | 'decisions'
  | (string & { readonly __custom?: never });

/** Makes the stream `name` for `seed`. The same pair always gives the same numbers. */
export function makeStream(seed: number | string, name: StreamName): Stream {
  return new AleaStream(name, alea(`${seed}/${name}`, { state: true }).state());
}

/**
 * Baagøe's Alea, as seedrandom's `alea` computes it (the same numbers, bit for bit), seeded from
 * seedrandom's own state: one class whose `next` every call site sees, with its state in fields,
 * instead of a closure calling a closure.
 */
class AleaStream implements Stream {
  // s0, s1, s2, c: doubles in a typed array are written in place, never boxed.
  private readonly state = new Float64Array(4);

  constructor(
    readonly name: string,
    state: AleaState,
  ) {
    this.state[0] = state.s0;
    this.state[1] = state.s1;
    this.state[2] = state.s2;
    this.state[3] = state.c;
  }

  next(): number {
    const state = this.state;
    const t = 2091639 * state[0] + state[3] * 2.3283064365386963e-10; // 2^-32
    const c = t | 0;
    const u = t - c;
    state[0] = state[1];
    state[1] = state[2];
    state[2] = u;
    state[3] = c;
    return u;
  }
}

/** A draw from a distribution. */
export type Sampler = (stream: Stream) => number;

/** Standard normal draw by the polar Box–Muller method (one value per call, no caching). */
export function standardNormal(stream: Stream): number {
  for (;;) {
    const u = 2 * stream.next() - 1;
    const v = 2 * stream.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s);
  }
}

export function exponential(stream: Stream, mean: number): number {
  return -mean * log(1 - stream.next());
}

/** Gamma(shape, scale) by Marsaglia and Tsang (2000); shape < 1 by the boost u^(1/shape). */
export function gamma(stream: Stream, shape: number, scale: number): number {
  if (shape < 1) {
    return gamma(stream, shape + 1, scale) * pow(1 - stream.next(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(stream);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - stream.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v * scale;
  }
}

/** Turns a distribution from a scenario into a sampler. Parameters are checked by the schema. */
export function sampler(distribution: Distribution): Sampler {
  switch (distribution.type) {
    case 'fixed': {
      const value = distribution.value;
      return () => value;
    }
    case 'uniform': {
      const { min, max } = distribution;
      return (s) => min + (max - min) * s.next();
    }
    case 'triangular': {
      const { min, mode, max } = distribution;
      const split = max > min ? (mode - min) / (max - min) : 0;
      return (s) => {
        const u = s.next();
        return u < split
          ? min + Math.sqrt(u * (max - min) * (mode - min))
          : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
      };
    }
    case 'exponential': {
      const mean = distribution.mean;
      return (s) => -mean * log(1 - s.next());
    }
    case 'lognormal': {
      const cv = distribution.sd / distribution.mean;
      const variance = log(1 + cv * cv);
      const mu = log(distribution.mean) - variance / 2;
      const sigma = Math.sqrt(variance);
      return (s) => exp(mu + sigma * standardNormal(s));
    }
    case 'lognormalMedianP90': {
      const mu = log(distribution.median);
      const sigma = (log(distribution.p90) - mu) / Z90;
      return (s) => exp(mu + sigma * standardNormal(s));
    }
    case 'gamma': {
      const { shape, mean } = distribution;
      return (s) => gamma(s, shape, mean / shape);
    }
    case 'erlang': {
      const { phases, mean } = distribution;
      const phaseMean = mean / phases;
      return (s) => {
        // A sum of logarithms: a product of many uniforms would underflow to 0.
        let sum = 0;
        for (let i = 0; i < phases; i++) sum += log(1 - s.next());
        return -phaseMean * sum;
      };
    }
    case 'empirical': {
      const values = distribution.values.slice();
      return (s) => values[Math.floor(s.next() * values.length)];
    }
    case 'histogram': {
      const bins = distribution.bins;
      const cumulative = cumulativeWeights(bins.map((bin) => bin.weight));
      return (s) => {
        const bin = bins[pickIndex(cumulative, s.next())];
        return bin.from + (bin.to - bin.from) * s.next();
      };
    }
  }
}

/** Running sums of weights, normalised to end at 1. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += weights[i];
  for (let i = 0; i < weights.length; i++) cumulative[i] /= total;
  return cumulative;
}

/** Index i with cumulative[i−1] ≤ u < cumulative[i] (binary search). */
export function pickIndex(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (u < cumulative[middle]) high = middle;
    else low = middle + 1;
  }
  return low;
}
