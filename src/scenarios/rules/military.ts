import { z } from 'zod';
import { documented, Distribution, fixed } from '../schemaParts.ts';

export const MilitaryRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    approval: Distribution.default(fixed(2700)).meta({
      description:
        'Report form (《军地应对突发事件活动情况报告表》) to the joint office and its coordination, before troops get the request.',
      unit: 's',
    }),
    urgentKinds: documented(
      z.array(z.string()).default([]),
      'Kinds so urgent that the HQ asks the troops directly and files the report afterwards (特别紧急).',
    ),
    urgentAtSeverity: documented(
      z.number().int().min(0).max(4).default(1),
      'Incidents at this severity or worse (1 = catastrophic) are extremely urgent too; 0 = none.',
    ),
    directRequest: Distribution.default(fixed(300)).meta({
      description: 'A direct request in an extremely urgent case.',
      unit: 's',
    }),
    prepositionAtLevel: documented(
      z.number().int().min(1).max(4).default(2),
      'Raising the response level to this level or higher (1 = I, the highest) pre-positions troops (预置兵力).',
    ),
    prepositionedMobilisation: Distribution.default(fixed(300)).meta({
      description: 'Mobilisation of pre-positioned troops, instead of their own.',
      unit: 's',
    }),
  }),
  'Rule 8, military support (000): units of military agencies are requested through the joint office (a delay), or directly when extremely urgent; a raised response level pre-positions them so a later request is answered faster.',
);
