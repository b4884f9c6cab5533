import { z } from 'zod';
import { documented, Distribution, fixed } from '../schemaParts.ts';

export const MaritimeRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    kinds: documented(
      z.array(z.string()).default([]),
      'Sea incident kinds (shipwreck, oil spill, fishing accident…).',
    ),
    sarCapabilities: documented(
      z.array(z.string()).default(['maritimeRescue']),
      'Capabilities of the maritime SAR centre’s own forces, sent at once.',
    ),
    landRequest: Distribution.default(fixed(900)).meta({
      description: 'Until the SAR centre asks the coordination centre for a land unit.',
      unit: 's',
    }),
  }),
  'Rule 4, maritime hand-off (004): sea incidents go to the maritime SAR centre, which commands; land units go only when it asks.',
);
