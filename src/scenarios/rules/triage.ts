import { z } from 'zod';
import { documented } from '../schemaParts.ts';

export const TriageRule = documented(
  z.strictObject({ enabled: documented(z.boolean().default(true), 'Switch the rule on.') }),
  'Rule 5, non-emergency triage (004): the share of each kind’s calls set by `nonEmergencyShare` goes to the 12345 line and uses no unit.',
);
