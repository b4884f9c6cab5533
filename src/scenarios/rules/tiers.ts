import { z } from 'zod';
import { documented, Distribution, DutySchedule, fixed } from '../schemaParts.ts';

const officeHours: DutySchedule = {
  type: 'weekly',
  windows: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }],
};

/** A tier's profile; each field has the tier's own default, so a partial profile keeps the rest. */
function tierProfile(description: string, schedule: DutySchedule, extraMobilisation: Distribution) {
  const profile = z.strictObject({
    schedule: DutySchedule.default(schedule).meta({
      description: 'Duty hours of the tier’s units that give none of their own.',
    }),
    extraMobilisation: Distribution.default(extraMobilisation).meta({
      description:
        'Added to each unit’s own mobilisation: e.g. tier 2, the liaison relays the order and staff are called in.',
      unit: 's',
    }),
  });
  return profile.default(profile.parse({})).meta({ description });
}

export const TiersRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    tier1: tierProfile(
      'Tier 1 (一级): 24-hour duty, no added mobilisation.',
      { type: 'always' },
      fixed(0),
    ),
    tier2: tierProfile(
      'Tier 2 (二级): a liaison reachable 24 h; staff called in, so a longer mobilisation.',
      { type: 'always' },
      { type: 'lognormalMedianP90', median: 900, p90: 1800 },
    ),
    tier3: tierProfile(
      'Tier 3 (三级): office hours only; support and advice, no arrival target.',
      officeHours,
      fixed(1800),
    ),
  }),
  'Rule 1, tiers of partner agencies (004): the tier decides duty hours, added mobilisation and the arrival target (see `targets`). Moving an agency to another tier changes all three.',
);
