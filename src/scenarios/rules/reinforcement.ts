import { z } from 'zod';
import { documented, Distribution, fixed, id } from '../schemaParts.ts';

export const ReinforcementRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    approval: Distribution.default(fixed(1800)).meta({
      description: 'From the application to the level above until its approval (跨区域增援审批).',
      unit: 's',
    }),
    pools: documented(
      z
        .array(
          z.strictObject({
            id: id('reinforcement pool'),
            name: documented(
              z.string().max(200).default(''),
              'Name (e.g. 省消防救援总队增援编队).',
            ),
            agency: documented(
              z.string(),
              'Id of the agency the units belong to (for tier and sector).',
            ),
            capabilities: documented(z.array(z.string().min(1)).min(1), 'What the units can do.'),
            count: documented(z.number().int().min(1).max(500).default(1), 'Number of units.'),
            crew: documented(
              z.number().int().min(0).max(10_000).default(4),
              'Crew size.',
              'people',
            ),
            approach: Distribution.default({
              type: 'lognormalMedianP90',
              median: 3600,
              p90: 7200,
            }).meta({
              description:
                'From approval until on scene: mobilisation and the drive from another district or city.',
              unit: 's',
            }),
          }),
        )
        .default([]),
      'Units the level above can send from other districts or cities.',
    ),
  }),
  'Rule 7, cross-region reinforcement (001, 002, 003): when no local capable unit is free, the centre applies to the level above; after approval, units from other districts or cities come.',
);
