import { z } from 'zod';
import { documented, Distribution, fixed } from '../schemaParts.ts';

export const TrafficRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    atSeverity: documented(
      z.number().int().min(1).max(4).default(3),
      'Police and transport set traffic control for incidents of this severity or worse.',
    ),
    setup: Distribution.default(fixed(600)).meta({
      description: 'From the call until traffic control and emergency lanes are in place.',
      unit: 's',
    }),
    speedFactor: documented(
      z.number().finite().min(1).max(3).default(1.3),
      'Speed multiplier of units driving to such an incident once control is in place.',
      'factor',
    ),
  }),
  'Rule 11, traffic support (001): traffic control and emergency lanes speed the units’ way to serious incidents; damaged roads (a damageRoad event) stay closed until repaired.',
);
