import { z } from 'zod';
import { documented, Distribution, fixed } from '../schemaParts.ts';

export const FireRescueApprovalRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    kinds: documented(
      z.array(z.string()).default([]),
      'Incident kinds under fire rescue’s joint command (主调主战).',
    ),
    directAgencies: documented(
      z.array(z.string()).default([]),
      'Agencies fire rescue orders without approval (itself, and usually police and 120).',
    ),
    approval: Distribution.default(fixed(600)).meta({
      description: 'The emergency bureau’s approval of the call-up plan (报应急管理部门同意).',
      unit: 's',
    }),
    seasonalApproval: Distribution.default(fixed(1800)).meta({
      description:
        'In flood or forest-fire season, the bureau must also agree with the unit’s ministry before the order (商行业主管部门同意).',
      unit: 's',
    }),
    seasons: documented(
      z.array(z.enum(['flood', 'forestFire'])).default(['flood', 'forestFire']),
      'Seasons in which the second approval applies.',
    ),
  }),
  'Rule 6, fire rescue dispatches other forces (001): units of other agencies sent to these kinds get their order after approval, and in special seasons after a second approval.',
);
