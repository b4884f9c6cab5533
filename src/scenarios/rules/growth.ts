import { z } from 'zod';
import { documented } from '../schemaParts.ts';

export const GrowthRule = documented(
  z.strictObject({ enabled: documented(z.boolean().default(false), 'Switch the rule on.') }),
  'Rule 12, incident growth: incident kinds with `growth` worsen while under-resourced; a higher severity may trigger other rules (e.g. military direct requests).',
);
