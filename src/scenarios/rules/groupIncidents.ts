import { z } from 'zod';
import { documented, Distribution } from '../schemaParts.ts';

export const GroupIncidentsRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    countyFrom: documented(
      z.number().int().min(1).default(100),
      'From this many participants the county commands (100); below, the township with its neighbours.',
      'people',
    ),
    cityFrom: documented(
      z.number().int().min(1).default(500),
      'From this many the city commands (500).',
      'people',
    ),
    countyNeeds: documented(
      z
        .array(
          z.strictObject({
            capability: z.string().min(1),
            units: z.number().int().min(1).max(100).default(1),
          }),
        )
        .default([]),
      'Units added when the county commands.',
    ),
    cityNeeds: documented(
      z
        .array(
          z.strictObject({
            capability: z.string().min(1),
            units: z.number().int().min(1).max(100).default(1),
          }),
        )
        .default([]),
      'Units added when the city commands (on top of the county’s).',
    ),
    supportCapabilities: documented(
      z.array(z.string()).default(['stability', 'militia']),
      'Capabilities of village and town teams: when sent to another district, they are neighbours asked for help.',
    ),
    neighbourAnswer: Distribution.default({ type: 'uniform', min: 0, max: 1200 }).meta({
      description:
        'Time for a neighbour asked for help to answer (the rule: within 20 minutes), before it musters.',
      unit: 's',
    }),
  }),
  'Rule 9, group incidents and neighbour support (003, township plan): graded by participants (under 100 the township with neighbours, 100–500 the county, 500+ the city); a neighbour asked for help answers within 20 minutes, then musters; villages keep ≥ 20 people and towns ≥ 30 militia on standby (checked on the units’ crews).',
);
