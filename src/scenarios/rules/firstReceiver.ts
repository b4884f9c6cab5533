import { z } from 'zod';
import { documented, Distribution, fixed } from '../schemaParts.ts';

export const FirstReceiverRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    responsible: documented(
      z.record(z.string(), z.string()).default({}),
      'Per incident kind, the id of the agency responsible for it.',
    ),
    handover: Distribution.default(fixed(300)).meta({
      description:
        'Once the responsible unit is on scene, the time the first receiver needs to hand over and leave.',
      unit: 's',
    }),
  }),
  'Rule 3, first-receiver responsibility (首接负责制, 004): the first unit on scene acts first and hands over to the responsible agency’s unit when it arrives; both times traced.',
);
