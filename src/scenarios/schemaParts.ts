/**
 * Building blocks of the file format's schemas: the documentation helper, ids, durations and
 * their distributions, duty schedules. They live apart from schema.ts because both schema.ts and
 * the rules' parameters (src/scenarios/rules/) use them, and schema.ts imports the rules.
 */
import { exp, log } from '../lib/detmath.ts';
import type { DistributionShape } from '../lib/distributions.ts';
import { z } from 'zod';

type Unit =
  's' | 'm' | 'km/h' | 'm/s²' | 'people' | 'calls/day' | 'share' | 'factor' | 'weight' | '°';

/** Attaches the description and the unit shown in the JSON Schema and the editor. */
export function documented<T extends z.ZodType>(schema: T, description: string, unit?: Unit): T {
  return schema.meta(unit ? { description, unit } : { description }) as T;
}

export const id = (what: string) =>
  documented(
    z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'at most 64 characters')
      .regex(/^[A-Za-z0-9_\-.:]+$/, 'use only letters, digits and _ - . :'),
    `Identifier of the ${what}, unique in the scenario (letters, digits, _ - . :).`,
  );

export const seconds = (description: string, defaultValue: number) =>
  documented(z.number().finite().min(0, 'must be ≥ 0').default(defaultValue), description, 's');

// ---------------------------------------------------------------------------------------------
// Distributions of durations. Values are in the unit of the field that uses them (seconds).

const positive = (description: string) =>
  documented(z.number().finite().positive('must be > 0'), description, 's');
const nonNegative = (description: string) =>
  documented(z.number().finite().min(0, 'must be ≥ 0'), description, 's');

const DistributionTypes = [
  z.strictObject({
    type: z.literal('fixed'),
    value: nonNegative('The value every draw takes.'),
  }),
  z.strictObject({
    type: z.literal('uniform'),
    min: nonNegative('Smallest value.'),
    max: nonNegative('Largest value.'),
  }),
  z.strictObject({
    type: z.literal('triangular'),
    min: nonNegative('Smallest value.'),
    mode: nonNegative('Most likely value.'),
    max: nonNegative('Largest value.'),
  }),
  z.strictObject({
    type: z.literal('exponential'),
    mean: positive('Mean value (1/rate).'),
  }),
  z.strictObject({
    type: z.literal('lognormal'),
    mean: positive('Mean value.'),
    sd: positive('Standard deviation.'),
  }),
  z.strictObject({
    type: z.literal('lognormalMedianP90'),
    median: positive('Median (50th percentile).'),
    p90: positive('90th percentile; must exceed the median.'),
  }),
  z.strictObject({
    type: z.literal('gamma'),
    shape: documented(z.number().finite().positive('must be > 0'), 'Shape parameter k.'),
    mean: positive('Mean value (k × scale).'),
  }),
  z.strictObject({
    type: z.literal('erlang'),
    phases: documented(
      z.number().int('must be a whole number').min(1, 'must be ≥ 1').max(1000, 'must be ≤ 1000'),
      'Number of exponential phases k.',
    ),
    mean: positive('Mean value.'),
  }),
  z.strictObject({
    type: z.literal('empirical'),
    values: documented(
      z.array(nonNegative('An observed value.')).min(1, 'needs at least one value'),
      'Observed values; each draw picks one with equal probability.',
    ),
  }),
  z.strictObject({
    type: z.literal('histogram'),
    bins: documented(
      z
        .array(
          z.strictObject({
            from: nonNegative('Lower edge of the bin.'),
            to: nonNegative('Upper edge of the bin.'),
            weight: documented(
              z.number().finite().min(0, 'must be ≥ 0'),
              'Relative frequency.',
              'weight',
            ),
          }),
        )
        .min(1, 'needs at least one bin'),
      'Bins of a histogram; a draw picks a bin by weight, then a value uniformly inside it.',
    ),
  }),
] as const;

export const Distribution = documented(
  z.discriminatedUnion('type', DistributionTypes).superRefine((d, ctx) => {
    const order = (a: number, b: number, path: string, message: string) => {
      if (a > b) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (d.type === 'uniform') order(d.min, d.max, 'max', 'max must be ≥ min');
    if (d.type === 'triangular') {
      order(d.min, d.mode, 'mode', 'mode must be ≥ min');
      order(d.mode, d.max, 'max', 'max must be ≥ mode');
    }
    if (d.type === 'lognormalMedianP90' && d.p90 <= d.median)
      ctx.addIssue({ code: 'custom', path: ['p90'], message: 'p90 must be greater than median' });
    if (d.type === 'histogram') {
      d.bins.forEach((bin, i) => order(bin.from, bin.to, `bins.${i}.to`, 'to must be ≥ from'));
      if (d.bins.every((bin) => bin.weight === 0))
        ctx.addIssue({
          code: 'custom',
          path: ['bins'],
          message: 'at least one weight must be > 0',
        });
    }
    const overflow = drawOverflow(d);
    if (overflow)
      ctx.addIssue({ code: 'custom', path: [overflow.field], message: overflow.message });
  }),
  'A probability distribution of a duration (seconds): fixed, uniform, triangular, exponential, lognormal (mean and sd, or median and p90), gamma, Erlang, empirical values or a histogram.',
);
/** The largest draw a duration may take: far beyond any run, far below the float range. */
export const MAX_DRAW_SECONDS = 1e15;
/**
 * How far a standard normal draw of src/sim/random.ts can reach: its uniforms are multiples of
 * 2⁻³² (alea), so the polar method's s ≥ 2⁻⁶² and |z| ≤ √(−2 ln s) ≈ 9.27.
 */
const NORMAL_REACH = 10;
/** −log(1 − u) at most −log(2⁻³²) ≈ 22.2; with a margin. */
const EXPONENTIAL_REACH = 40;

type DistributionData = z.output<(typeof DistributionTypes)[number]>;

/**
 * The field whose value lets a draw of the samplers in src/sim/random.ts overflow (to Infinity,
 * or beyond MAX_DRAW_SECONDS, where adding it to a time loses all precision) or become NaN, with
 * the reason; null when every draw is finite. Reasons are sentences of messages.ts.
 */
export function drawOverflow(d: DistributionData): { field: string; message: string } | null {
  const tooLarge = 'too large: some draws would exceed 10^15 s (the parameters overflow)';
  const bounded = (x: number) => Number.isFinite(x) && x <= MAX_DRAW_SECONDS;
  switch (d.type) {
    case 'fixed':
      return bounded(d.value) ? null : { field: 'value', message: tooLarge };
    case 'uniform':
      return bounded(d.max) ? null : { field: 'max', message: tooLarge };
    case 'triangular':
      return bounded(d.max) ? null : { field: 'max', message: tooLarge };
    case 'exponential':
    case 'erlang':
      return bounded(d.mean * EXPONENTIAL_REACH) ? null : { field: 'mean', message: tooLarge };
    case 'lognormal': {
      const cv = d.sd / d.mean;
      const variance = log(1 + cv * cv);
      if (!bounded(variance))
        return {
          field: 'sd',
          message: 'too large for this mean: the spread (sd / mean) overflows',
        };
      const mu = log(d.mean) - variance / 2;
      const top = exp(mu + NORMAL_REACH * Math.sqrt(variance));
      if (bounded(top)) return null;
      return cv > 1 ? { field: 'sd', message: tooLarge } : { field: 'mean', message: tooLarge };
    }
    case 'lognormalMedianP90': {
      const mu = log(d.median);
      const sigma = (log(d.p90) - mu) / 1.2815515655446004;
      return bounded(exp(mu + NORMAL_REACH * sigma)) ? null : { field: 'p90', message: tooLarge };
    }
    case 'gamma': {
      // Shape < 1 draws gamma(shape + 1) × u^(1/shape): 1/shape and the scale mean/shape must be
      // finite, or the product is Infinity × 0 = NaN.
      if (!Number.isFinite(1 / d.shape) || d.shape < 1e-6)
        return { field: 'shape', message: 'too small: must be ≥ 0.000001 (draws would be NaN)' };
      const scale = d.mean / d.shape;
      const k = d.shape < 1 ? d.shape + 1 : d.shape;
      const dd = k - 1 / 3;
      const v = 1 + NORMAL_REACH / Math.sqrt(9 * dd);
      return bounded(dd * v * v * v * scale) ? null : { field: 'mean', message: tooLarge };
    }
    case 'empirical': {
      const i = d.values.findIndex((x) => !bounded(x));
      return i < 0 ? null : { field: `values.${i}`, message: tooLarge };
    }
    case 'histogram': {
      const i = d.bins.findIndex((bin) => !bounded(bin.to));
      if (i >= 0) return { field: `bins.${i}.to`, message: tooLarge };
      const total = d.bins.reduce((sum, bin) => sum + bin.weight, 0);
      return Number.isFinite(total)
        ? null
        : { field: 'bins', message: 'the weights add up to infinity: use smaller numbers' };
    }
  }
}

/**
 * src/lib/distributions.ts computes with the same union as plain data (src/lib may not import this
 * file); this fails to compile if the schema accepts a distribution that does not fit that shape.
 */
type FitsLibShape<T extends DistributionShape> = T;
export type Distribution = FitsLibShape<z.infer<typeof Distribution>>;

// ---------------------------------------------------------------------------------------------
// Duty schedules

const clock = documented(
  z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'use HH:MM, 00:00–24:00'),
  'Local clock time HH:MM.',
);

export const DutySchedule = documented(
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('always') }),
    z.strictObject({
      type: z.literal('weekly'),
      windows: documented(
        z
          .array(
            z.strictObject({
              days: documented(
                z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
                'ISO days of the week (1 = Monday … 7 = Sunday) on which the window starts.',
              ),
              from: clock,
              to: documented(clock, 'End of the window; earlier than `from` means the next day.'),
            }),
          )
          .min(1, 'needs at least one window'),
        'On-duty windows in local time.',
      ),
    }),
  ]),
  'When the unit can be dispatched: always (24 h) or in weekly windows (office hours, shifts).',
);
export type DutySchedule = z.infer<typeof DutySchedule>;

/** A distribution that always takes `value` seconds: the default of most of the rules' delays. */
export const fixed = (value: number) => ({ type: 'fixed' as const, value });
