import { z } from 'zod';
import { documented, Distribution, id } from '../schemaParts.ts';

export const CommandRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    plans: documented(
      z
        .array(
          z.strictObject({
            hq: id('special command HQ'),
            name: documented(z.string().max(200).default(''), 'Name (e.g. 市防汛抗旱指挥部).'),
            kinds: documented(
              z.array(z.string()).min(1),
              'Incident kinds the special plan covers.',
            ),
            atSeverity: documented(
              z.number().int().min(1).max(4).default(3),
              'The plan is activated at this severity or worse (3 = serious, 较大).',
            ),
            setup: Distribution.default({
              type: 'lognormalMedianP90',
              median: 1800,
              p90: 3600,
            }).meta({
              description: 'From activation until the HQ is up and takes command.',
              unit: 's',
            }),
          }),
        )
        .default([]),
      'Special emergency plans (专项应急预案) and their HQs (e.g. Zhumadian’s 12).',
    ),
  }),
  'Rule 2, graded command (004): when a special plan is activated the centre runs the initial response (先期处置) and hands command to the special HQ once it is up.',
);
