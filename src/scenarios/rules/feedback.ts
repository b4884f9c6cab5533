import { z } from 'zod';
import { documented, Distribution, seconds } from '../schemaParts.ts';

const share = (description: string, value: number) =>
  documented(
    z.number().min(0, 'must be ≥ 0').max(1, 'must be ≤ 1').default(value),
    description,
    'share',
  );

export const FeedbackRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    arrivalReport: Distribution.default({ type: 'lognormalMedianP90', median: 60, p90: 240 }).meta({
      description: 'From arrival on scene to the unit’s arrival report reaching the centre.',
      unit: 's',
    }),
    completionReport: Distribution.default({
      type: 'lognormalMedianP90',
      median: 120,
      p90: 600,
    }).meta({
      description: 'From clearing the scene to the completion report reaching the centre.',
      unit: 's',
    }),
    lateAfter: seconds('A report later than this is late (a recorded failure).', 300),
    missingShare: share('Share of reports never made.', 0.02),
    callBackShare: share('Share of closed incidents whose caller is phoned back (回访).', 0.1),
    unsatisfiedShare: share('Of those, the share unsatisfied (不满意).', 0.05),
    basicallySatisfiedShare: share('Of those, the share basically satisfied (基本满意).', 0.15),
  }),
  'Rule 13, feedback (004) and the call-backs of rule 14 (003): units report arrival and completion; a late or missing report is a recorded failure; some callers are phoned back and rate the response.',
);
