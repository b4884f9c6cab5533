import { z } from 'zod';
import { documented } from '../schemaParts.ts';

export const AssessmentRule = documented(
  z.strictObject({
    periodDays: documented(
      z.number().int().min(1).max(366).default(30),
      'Length of an assessment period in days (a month for the bulletin).',
    ),
    lateResponsePoints: documented(
      z.number().min(0).max(10).default(1),
      'Deduction per late arrival (tiers 1–2).',
    ),
    poorHandlingPoints: documented(
      z.number().min(0).max(10).default(1),
      'Deduction per unsatisfied call-back.',
    ),
    lateReportPoints: documented(
      z.number().min(0).max(10).default(0.5),
      'Deduction per late report.',
    ),
    missingReportPoints: documented(
      z.number().min(0).max(10).default(1),
      'Deduction per missing report.',
    ),
  }),
  'Rule 14, assessment (Fuyang 110, 003): points deducted per unit and period (0.5–1 each), computed from the trace.',
);
