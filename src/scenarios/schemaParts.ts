/**
 * Building blocks of the file format's schemas: the documentation helper, ids, durations and
 * their distributions, duty schedules. They live apart from schema.ts because both schema.ts and
 * the rules' parameters (src/scenarios/rules/) use them, and schema.ts imports the rules.
 */
import type { DistributionShape } from '../lib/distributions.ts';
import { z } from 'zod';

type Unit = 's' | 'm' | 'km/h' | 'people' | 'calls/day' | 'share' | 'factor' | 'weight' | '°';

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

export const Distribution = documented(
  z
    .discriminatedUnion('type', [
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
          z
            .number()
            .int('must be a whole number')
            .min(1, 'must be ≥ 1')
            .max(1000, 'must be ≤ 1000'),
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
    ])
    .superRefine((d, ctx) => {
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
    }),
  'A probability distribution of a duration (seconds): fixed, uniform, triangular, exponential, lognormal (mean and sd, or median and p90), gamma, Erlang, empirical values or a histogram.',
);
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
