/**
 * The scenario file format. These zod schemas are the single source of truth: the TypeScript
 * types, the validation with readable errors and the JSON Schema printed by `sim schema` are all
 * derived from them. Every field carries a description, a unit and a default.
 */
import type { DistributionShape } from '../lib/distributions.ts';
import { DEFAULT_START } from './defaults.ts';
import { z } from 'zod';

export const SCENARIO_FORMAT_VERSION = 1;

/** Limits on what one scenario may hold, so that a wrong file cannot exhaust the browser. */
export const LIMITS = {
  fileBytes: 64 * 1024 * 1024,
  districts: 1_000,
  polygonPoints: 50_000,
  bases: 5_000,
  units: 5_000,
  expandedUnits: 20_000,
  roadNodes: 500_000,
  roadEdges: 1_500_000,
  listedIncidents: 2_000_000,
  events: 10_000,
  durationSeconds: 10 * 366 * 86_400,
  callsPerRun: 20_000_000,
} as const;

type Unit = 's' | 'm' | 'km/h' | 'people' | 'calls/day' | 'share' | 'factor' | 'weight' | '°';

/** Attaches the description and the unit shown in the JSON Schema and the editor. */
function documented<T extends z.ZodType>(schema: T, description: string, unit?: Unit): T {
  return schema.meta(unit ? { description, unit } : { description }) as T;
}

const id = (what: string) =>
  documented(
    z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'at most 64 characters')
      .regex(/^[A-Za-z0-9_\-.:]+$/, 'use only letters, digits and _ - . :'),
    `Identifier of the ${what}, unique in the scenario (letters, digits, _ - . :).`,
  );

const seconds = (description: string, defaultValue: number) =>
  documented(z.number().finite().min(0, 'must be ≥ 0').default(defaultValue), description, 's');

const longitude = documented(
  z.number().min(-180, 'longitude must be ≥ −180').max(180, 'longitude must be ≤ 180'),
  'Longitude, WGS-84 degrees east.',
  '°',
);
const latitude = documented(
  z.number().min(-90, 'latitude must be ≥ −90').max(90, 'latitude must be ≤ 90'),
  'Latitude, WGS-84 degrees north.',
  '°',
);
const lonLat = documented(z.tuple([longitude, latitude]), 'A point as [longitude, latitude].');

// ---------------------------------------------------------------------------------------------
// Distributions of durations. Values are in the unit of the field that uses them (seconds).

const positive = (description: string) =>
  documented(z.number().finite().positive('must be > 0'), description, 's');
const nonNegative = (description: string) =>
  documented(z.number().finite().min(0, 'must be ≥ 0'), description, 's');

export const Distribution = documented(
  z
    .discriminatedUnion('type', [
      z.strictObject({
        type: z.literal('fixed'),
        value: nonNegative('The value every draw takes.'),
      }),
      z.strictObject({
        type: z.literal('uniform'),
        min: nonNegative('Smallest value.'),
        max: nonNegative('Largest value.'),
      }),
      z.strictObject({
        type: z.literal('triangular'),
        min: nonNegative('Smallest value.'),
        mode: nonNegative('Most likely value.'),
        max: nonNegative('Largest value.'),
      }),
      z.strictObject({
        type: z.literal('exponential'),
        mean: positive('Mean value (1/rate).'),
      }),
      z.strictObject({
        type: z.literal('lognormal'),
        mean: positive('Mean value.'),
        sd: positive('Standard deviation.'),
      }),
      z.strictObject({
        type: z.literal('lognormalMedianP90'),
        median: positive('Median (50th percentile).'),
        p90: positive('90th percentile; must exceed the median.'),
      }),
      z.strictObject({
        type: z.literal('gamma'),
        shape: documented(z.number().finite().positive('must be > 0'), 'Shape parameter k.'),
        mean: positive('Mean value (k × scale).'),
      }),
      z.strictObject({
        type: z.literal('erlang'),
        phases: documented(
          z
            .number()
            .int('must be a whole number')
            .min(1, 'must be ≥ 1')
            .max(1000, 'must be ≤ 1000'),
          'Number of exponential phases k.',
        ),
        mean: positive('Mean value.'),
      }),
      z.strictObject({
        type: z.literal('empirical'),
        values: documented(
          z.array(nonNegative('An observed value.')).min(1, 'needs at least one value'),
          'Observed values; each draw picks one with equal probability.',
        ),
      }),
      z.strictObject({
        type: z.literal('histogram'),
        bins: documented(
          z
            .array(
              z.strictObject({
                from: nonNegative('Lower edge of the bin.'),
                to: nonNegative('Upper edge of the bin.'),
                weight: documented(
                  z.number().finite().min(0, 'must be ≥ 0'),
                  'Relative frequency.',
                  'weight',
                ),
              }),
            )
            .min(1, 'needs at least one bin'),
          'Bins of a histogram; a draw picks a bin by weight, then a value uniformly inside it.',
        ),
      }),
    ])
    .superRefine((d, ctx) => {
      const order = (a: number, b: number, path: string, message: string) => {
        if (a > b) ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (d.type === 'uniform') order(d.min, d.max, 'max', 'max must be ≥ min');
      if (d.type === 'triangular') {
        order(d.min, d.mode, 'mode', 'mode must be ≥ min');
        order(d.mode, d.max, 'max', 'max must be ≥ mode');
      }
      if (d.type === 'lognormalMedianP90' && d.p90 <= d.median)
        ctx.addIssue({ code: 'custom', path: ['p90'], message: 'p90 must be greater than median' });
      if (d.type === 'histogram') {
        d.bins.forEach((bin, i) => order(bin.from, bin.to, `bins.${i}.to`, 'to must be ≥ from'));
        if (d.bins.every((bin) => bin.weight === 0))
          ctx.addIssue({
            code: 'custom',
            path: ['bins'],
            message: 'at least one weight must be > 0',
          });
      }
    }),
  'A probability distribution of a duration (seconds): fixed, uniform, triangular, exponential, lognormal (mean and sd, or median and p90), gamma, Erlang, empirical values or a histogram.',
);
/**
 * src/lib/distributions.ts computes with the same union as plain data (src/lib may not import this
 * file); this fails to compile if the schema accepts a distribution that does not fit that shape.
 */
type FitsLibShape<T extends DistributionShape> = T;
export type Distribution = FitsLibShape<z.infer<typeof Distribution>>;

// ---------------------------------------------------------------------------------------------
// Region

const ring = z
  .array(lonLat)
  .min(3, 'a polygon needs at least 3 points')
  .max(LIMITS.polygonPoints, `at most ${LIMITS.polygonPoints} points`);

export const District = z
  .strictObject({
    id: id('district'),
    name: documented(z.string().max(200).default(''), 'Name shown to people (e.g. 定海区).'),
    area: documented(
      z.enum(['urban', 'rural']).default('urban'),
      'Urban or rural: decides which arrival target applies (城区 / 农村).',
    ),
    polygon: documented(
      ring.optional(),
      'Outer boundary as a ring of [longitude, latitude] points (WGS-84). Give this or `polygons`.',
    ),
    polygons: documented(
      z.array(ring).min(1, 'needs at least one ring').max(2_000, 'at most 2000 rings').optional(),
      'For a district in several parts (islands): the outer boundary of each part. Give this or `polygon`.',
    ),
    callWeight: documented(
      z.number().finite().min(0, 'must be ≥ 0').default(1),
      'Relative share of generated calls placed in this district (e.g. its population).',
      'weight',
    ),
  })
  .superRefine((district, ctx) => {
    if (!district.polygon && !district.polygons) {
      ctx.addIssue({ code: 'custom', path: ['polygon'], message: 'give a polygon or polygons' });
    }
    if (district.polygon && district.polygons) {
      ctx.addIssue({
        code: 'custom',
        path: ['polygons'],
        message: 'give a polygon or polygons, not both',
      });
    }
  });
export type District = z.infer<typeof District>;

export const Base = z.strictObject({
  id: id('base'),
  name: documented(z.string().max(200).default(''), 'Name shown to people (e.g. 临城消防站).'),
  location: lonLat,
});
export type Base = z.infer<typeof Base>;

// ---------------------------------------------------------------------------------------------
// Travel

const hourFactors = documented(
  z.array(z.number().finite().positive('must be > 0')).length(24, 'needs 24 values, one per hour'),
  'Multiplier of the speed for each hour of the day 0–23 (local time); 1 = free flow.',
  'factor',
);

const RoadClass = z.strictObject({
  speedKmh: documented(z.number().finite().positive('must be > 0'), 'Free-flow speed.', 'km/h'),
  hourFactors: hourFactors.optional(),
});

const emergencySpeedFactor = documented(
  z.number().finite().positive('must be > 0').default(1.2),
  'Speed multiplier for units driving to an incident with lights and sirens (returns drive at normal speed).',
  'factor',
);
const travelNoiseCv = documented(
  z.number().finite().min(0, 'must be ≥ 0').max(2, 'must be ≤ 2').default(0),
  'Coefficient of variation of a lognormal multiplicative noise on every trip (0 = deterministic).',
  'factor',
);

export const RoadGraphTravel = z.strictObject({
  model: z.literal('roadGraph'),
  nodes: documented(
    z
      .array(lonLat)
      .min(2, 'a road graph needs at least 2 nodes')
      .max(LIMITS.roadNodes, `at most ${LIMITS.roadNodes} nodes`),
    'Road nodes as [longitude, latitude]; an edge names a node by its index in this list.',
  ),
  edges: documented(
    z
      .array(
        z.strictObject({
          from: documented(z.number().int().min(0), 'Index of the start node.'),
          to: documented(z.number().int().min(0), 'Index of the end node.'),
          lengthM: documented(
            z.number().finite().positive('must be > 0').optional(),
            'Length; default: the great-circle distance between the nodes.',
            'm',
          ),
          roadClass: documented(z.string().min(1), 'Key in roadClasses.'),
          oneWay: documented(z.boolean().default(false), 'Drivable only from `from` to `to`.'),
        }),
      )
      .min(1, 'a road graph needs at least 1 edge')
      .max(LIMITS.roadEdges, `at most ${LIMITS.roadEdges} edges`),
    'Road segments.',
  ),
  roadClasses: documented(
    z.record(z.string(), RoadClass),
    'Speed per road class (e.g. expressway, arterial, local), optionally varying by hour.',
  ),
  emergencySpeedFactor,
  noiseCv: travelNoiseCv,
});

export const MatrixTravel = z.strictObject({
  model: z.literal('matrix'),
  zones: documented(
    z.array(z.string()).min(1),
    'District ids, in the order of the matrix rows and columns.',
  ),
  seconds: documented(
    z.array(z.array(z.number().finite().min(0, 'must be ≥ 0'))),
    'Travel time from the row zone to the column zone.',
    's',
  ),
  noiseCv: travelNoiseCv,
});

export const DistanceTravel = z.strictObject({
  model: z.literal('distance'),
  metric: documented(
    z.enum(['straight', 'manhattan']).default('straight'),
    'Straight-line (great-circle) or Manhattan (east–west plus north–south) distance.',
  ),
  speedKmh: documented(z.number().finite().positive('must be > 0').default(40), 'Speed.', 'km/h'),
  detourFactor: documented(
    z.number().finite().min(1, 'must be ≥ 1').default(1.3),
    'Road distance divided by the measured distance.',
    'factor',
  ),
  emergencySpeedFactor,
  noiseCv: travelNoiseCv,
});

export const Travel = documented(
  z.discriminatedUnion('model', [RoadGraphTravel, MatrixTravel, DistanceTravel]),
  'How travel times are computed: a road graph, a zone-to-zone matrix, or distance × speed.',
);
export type Travel = z.infer<typeof Travel>;

// ---------------------------------------------------------------------------------------------
// Agencies and units

export const Tier = documented(
  z.literal([1, 2, 3]),
  'Tier of the partner agency (一级 / 二级 / 三级联动单位).',
);

export const Agency = z.strictObject({
  id: id('agency'),
  name: documented(z.string().max(200).default(''), 'Name (e.g. 市消防救援支队).'),
  tier: Tier.default(1),
  sector: documented(
    z.enum(['government', 'enterprise', 'social', 'military']).default('government'),
    'Kind of force: government, enterprise, social (volunteers) or military (PLA, armed police, militia).',
  ),
});
export type Agency = z.infer<typeof Agency>;

/** A date-time that exists: month 1–12, a day of that month, hour 0–23, minutes and seconds 0–59. */
function isRealLocalTime(text: string): boolean {
  const [year, month, day, hour, minute, second = 0] = (text.match(/\d+/g) ?? []).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

const clock = documented(
  z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'use HH:MM, 00:00–24:00'),
  'Local clock time HH:MM.',
);

export const DutySchedule = documented(
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('always') }),
    z.strictObject({
      type: z.literal('weekly'),
      windows: documented(
        z
          .array(
            z.strictObject({
              days: documented(
                z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
                'ISO days of the week (1 = Monday … 7 = Sunday) on which the window starts.',
              ),
              from: clock,
              to: documented(clock, 'End of the window; earlier than `from` means the next day.'),
            }),
          )
          .min(1, 'needs at least one window'),
        'On-duty windows in local time.',
      ),
    }),
  ]),
  'When the unit can be dispatched: always (24 h) or in weekly windows (office hours, shifts).',
);
export type DutySchedule = z.infer<typeof DutySchedule>;

export const ResponseUnit = z.strictObject({
  id: id('unit'),
  name: documented(z.string().max(200).default(''), 'Name (e.g. 临城站水罐车).'),
  agency: documented(z.string(), 'Id of the agency the unit belongs to.'),
  base: documented(z.string(), 'Id of the home base.'),
  count: documented(
    z.number().int().min(1).max(500).default(1),
    'Number of identical units (ids get a suffix #2, #3 …).',
  ),
  crew: documented(z.number().int().min(0).max(10_000).default(4), 'Crew size.', 'people'),
  capabilities: documented(
    z.array(z.string().min(1)).min(1, 'a unit needs at least one capability'),
    'What the unit can do: fire, rescue, hazmat, medical, police, waterRescue, engineering, crowdControl, militia, expert, utility… (free keys matched against incident needs).',
  ),
  mobilisation: Distribution.default({ type: 'fixed', value: 60 }).meta({
    description: 'Time from notification to leaving the base (出动).',
    unit: 's',
  }),
  schedule: documented(
    DutySchedule.optional(),
    'When the unit can be dispatched. Default: always, or its tier’s duty hours when the tiers rule is on.',
  ),
});
export type ResponseUnit = z.infer<typeof ResponseUnit>;

// ---------------------------------------------------------------------------------------------
// Incidents and their arrival

export const IncidentKind = z.strictObject({
  id: id('incident kind'),
  name: documented(z.string().max(200).default(''), 'Name (e.g. 危化品泄漏).'),
  priority: documented(
    z.number().int().min(1).max(9).default(3),
    'Priority in the queue: 1 is served first.',
  ),
  needs: documented(
    z
      .array(
        z.strictObject({
          capability: documented(z.string().min(1), 'Capability needed.'),
          units: documented(z.number().int().min(1).max(100).default(1), 'How many units.'),
        }),
      )
      .min(1, 'an incident kind needs at least one need'),
    'Units the incident needs, by capability.',
  ),
  workTime: Distribution.default({ type: 'exponential', mean: 1800 }).meta({
    description: 'Time a unit works on scene, from its arrival until it clears.',
    unit: 's',
  }),
  nonEmergencyShare: documented(
    z.number().min(0).max(1).default(0),
    'Share of these calls that can be handed to the 12345 line and use no unit.',
    'share',
  ),
  supplies: documented(
    z.record(z.string(), z.number().finite().min(0)).optional(),
    'Rule 10: what the forward HQ asks the rear for once units are on scene (e.g. {"sandbags": 2000}).',
  ),
  participants: documented(
    Distribution.optional(),
    'Rule 9: for a group incident (群体性事件), the number of people taking part (drawn in people, not seconds).',
  ),
  severity: documented(
    z.number().int().min(1).max(4).default(4),
    'Severity when called: 4 general (一般), 3 serious (较大), 2 major (重大), 1 catastrophic (特别重大).',
  ),
  growth: documented(
    z
      .strictObject({
        afterSeconds: documented(
          z.number().finite().positive('must be > 0'),
          'How long the incident may stay under-resourced (units missing, or none on scene yet) before it grows, and between steps.',
          's',
        ),
        steps: documented(
          z
            .array(
              z.strictObject({
                severity: documented(z.number().int().min(1).max(4), 'Severity after this step.'),
                addNeeds: documented(
                  z
                    .array(
                      z.strictObject({
                        capability: documented(z.string().min(1), 'Capability needed.'),
                        units: documented(
                          z.number().int().min(1).max(100).default(1),
                          'How many units.',
                        ),
                      }),
                    )
                    .default([]),
                  'Units the incident needs in addition after this step.',
                ),
              }),
            )
            .min(1, 'needs at least one step')
            .max(10, 'at most 10 steps'),
          'Successive steps of growth.',
        ),
      })
      .optional(),
    'Rule 12, growth (003, 004): how the incident worsens while under-resourced — a fire spreads, a crowd swells, a flood rises.',
  ),
});
export type IncidentKind = z.infer<typeof IncidentKind>;

export const CallStream = z.strictObject({
  kind: documented(z.string(), 'Id of the incident kind.'),
  callsPerDay: documented(
    z.number().finite().min(0, 'must be ≥ 0'),
    'Mean number of calls per day (averaged over the week).',
    'calls/day',
  ),
  hourProfile: documented(
    z.array(z.number().finite().min(0)).length(24, 'needs 24 values').optional(),
    'Relative call rate for each hour 0–23 (normalised; default flat).',
    'weight',
  ),
  dayProfile: documented(
    z.array(z.number().finite().min(0)).length(7, 'needs 7 values').optional(),
    'Relative call rate for Monday … Sunday (normalised; default flat).',
    'weight',
  ),
  districts: documented(
    z.record(z.string(), z.number().finite().min(0)).optional(),
    'Relative weight of each district for this kind; default: the districts’ callWeight.',
    'weight',
  ),
});

export const ListedIncident = z.strictObject({
  time: documented(z.number().finite().min(0), 'Time of the call after the scenario start.', 's'),
  kind: documented(z.string(), 'Id of the incident kind.'),
  location: lonLat.optional(),
  district: documented(
    z.string().optional(),
    'District id; used to place the call when no location is given.',
  ),
});
export type ListedIncident = z.infer<typeof ListedIncident>;

export const Arrivals = z.strictObject({
  streams: documented(
    z.array(CallStream).default([]),
    'Randomly generated calls: non-homogeneous Poisson by hour of day and day of week.',
  ),
  incidents: documented(
    z
      .array(ListedIncident)
      .max(LIMITS.listedIncidents, `at most ${LIMITS.listedIncidents} incidents`)
      .default([]),
    'Calls at given times and places (a scripted drill, or imported call history).',
  ),
});

// ---------------------------------------------------------------------------------------------
// Dispatch, targets, external events

export const RunCard = z.strictObject({
  district: documented(z.string(), 'District id.'),
  kind: documented(z.string().optional(), 'Incident kind id; omit for every kind.'),
  units: documented(
    z.array(z.string()).min(1),
    'Unit ids in order of preference (出动预案); the nearest capable unit is used after them.',
  ),
});

export const Dispatch = z.strictObject({
  callHandling: Distribution.default({ type: 'fixed', value: 60 }).meta({
    description: 'Call taking and assessment (接警研判): from the call to the dispatch decision.',
    unit: 's',
  }),
  whenNoUnit: documented(
    z.enum(['queue', 'overflow']).default('queue'),
    'When no capable unit is free: wait in a queue (by priority, then time) or pass to outside help.',
  ),
  overflowDelay: seconds(
    'With overflow: how long to wait for a local unit before passing the call to outside help.',
    0,
  ),
  outsideHelpResponse: Distribution.default({ type: 'fixed', value: 3600 }).meta({
    description: 'With overflow: from the hand-off until outside help arrives.',
    unit: 's',
  }),
  maxQueueWait: documented(
    z.number().finite().positive().optional(),
    'With queue: a call still waiting this long is recorded as unanswered and dropped (none by default).',
    's',
  ),
  redispatchReturning: documented(
    z.boolean().default(true),
    'Whether a unit on its way back to base may be sent to a new incident.',
  ),
  runCards: documented(z.array(RunCard).default([]), 'Preference lists per district (出动预案).'),
});

const AreaTargets = z.strictObject({
  urban: seconds('Arrival target in urban districts.', 1800),
  rural: seconds(
    'Arrival target in rural districts (measured; the rule says "as fast as possible").',
    3600,
  ),
});

export const Targets = documented(
  z
    .object({
      tier1: AreaTargets.default({ urban: 1800, rural: 3600 }),
      tier2: AreaTargets.default({ urban: 3600, rural: 5400 }),
    })
    .default({ tier1: { urban: 1800, rural: 3600 }, tier2: { urban: 3600, rural: 5400 } }),
  'Arrival targets after the order, by tier (tier 1: 30 min urban; tier 2: 60 min urban; tier 3 has none).',
);

const at = documented(
  z.number().finite().min(0),
  'When it happens, after the scenario start.',
  's',
);

export const ExternalEvent = documented(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('closeRoad'),
      at,
      edges: documented(z.array(z.number().int().min(0)).min(1), 'Indices of the edges closed.'),
    }),
    z.strictObject({
      type: z.literal('damageRoad'),
      at,
      edges: documented(z.array(z.number().int().min(0)).min(1), 'Indices of the edges damaged.'),
      repairSeconds: documented(
        z.number().finite().positive('must be > 0'),
        'Until transport has repaired them and they reopen (rule 11).',
        's',
      ),
    }),
    z.strictObject({
      type: z.literal('openRoad'),
      at,
      edges: documented(z.array(z.number().int().min(0)).min(1), 'Indices of the edges reopened.'),
    }),
    z.strictObject({
      type: z.literal('unitOutOfService'),
      at,
      unit: documented(z.string(), 'Unit id (with #n for a copy).'),
    }),
    z.strictObject({
      type: z.literal('unitInService'),
      at,
      unit: documented(z.string(), 'Unit id.'),
    }),
    z.strictObject({
      type: z.literal('season'),
      at,
      season: documented(
        z.enum(['flood', 'forestFire']),
        'Flood season (汛期) or forest-fire season (森林防火期).',
      ),
      active: documented(z.boolean(), 'Switched on (true) or off (false).'),
    }),
    z.strictObject({
      type: z.literal('responseLevel'),
      at,
      level: documented(
        z.number().int().min(0).max(4),
        'Response level I–IV as 1–4 (1 is the highest); 0 = none.',
      ),
    }),
    z.strictObject({
      type: z.literal('callRateFactor'),
      at,
      factor: documented(
        z.number().finite().min(0).max(100),
        'Multiplier of generated call rates.',
        'factor',
      ),
    }),
  ]),
  'Something that happens at a given time: a road closed or reopened, a unit out of or back in service, a season switched, a response level raised, a surge of calls.',
);
export type ExternalEvent = z.infer<typeof ExternalEvent>;

// ---------------------------------------------------------------------------------------------
// Coordination rules (../shared/domain.md §3). Each is switchable and traced; the handlers are
// in src/sim/rules/.

const seconds60 = (value: number) => ({ type: 'fixed' as const, value });

const officeHours: DutySchedule = {
  type: 'weekly',
  windows: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }],
};

/** A tier's profile; each field has the tier's own default, so a partial profile keeps the rest. */
function tierProfile(description: string, schedule: DutySchedule, extraMobilisation: Distribution) {
  const profile = z.strictObject({
    schedule: DutySchedule.default(schedule).meta({
      description: 'Duty hours of the tier’s units that give none of their own.',
    }),
    extraMobilisation: Distribution.default(extraMobilisation).meta({
      description:
        'Added to each unit’s own mobilisation: e.g. tier 2, the liaison relays the order and staff are called in.',
      unit: 's',
    }),
  });
  return profile.default(profile.parse({})).meta({ description });
}

export const TiersRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    tier1: tierProfile(
      'Tier 1 (一级): 24-hour duty, no added mobilisation.',
      { type: 'always' },
      seconds60(0),
    ),
    tier2: tierProfile(
      'Tier 2 (二级): a liaison reachable 24 h; staff called in, so a longer mobilisation.',
      { type: 'always' },
      { type: 'lognormalMedianP90', median: 900, p90: 1800 },
    ),
    tier3: tierProfile(
      'Tier 3 (三级): office hours only; support and advice, no arrival target.',
      officeHours,
      seconds60(1800),
    ),
  }),
  'Rule 1, tiers of partner agencies (004): the tier decides duty hours, added mobilisation and the arrival target (see `targets`). Moving an agency to another tier changes all three.',
);

export const ApprovalRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    kinds: documented(
      z.array(z.string()).default([]),
      'Incident kinds under fire rescue’s joint command (主调主战).',
    ),
    directAgencies: documented(
      z.array(z.string()).default([]),
      'Agencies fire rescue orders without approval (itself, and usually police and 120).',
    ),
    approval: Distribution.default(seconds60(600)).meta({
      description: 'The emergency bureau’s approval of the call-up plan (报应急管理部门同意).',
      unit: 's',
    }),
    seasonalApproval: Distribution.default(seconds60(1800)).meta({
      description:
        'In flood or forest-fire season, the bureau must also agree with the unit’s ministry before the order (商行业主管部门同意).',
      unit: 's',
    }),
    seasons: documented(
      z.array(z.enum(['flood', 'forestFire'])).default(['flood', 'forestFire']),
      'Seasons in which the second approval applies.',
    ),
  }),
  'Rule 6, fire rescue dispatches other forces (001): units of other agencies sent to these kinds get their order after approval, and in special seasons after a second approval.',
);

export const MilitaryRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    approval: Distribution.default(seconds60(2700)).meta({
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
    directRequest: Distribution.default(seconds60(300)).meta({
      description: 'A direct request in an extremely urgent case.',
      unit: 's',
    }),
    prepositionAtLevel: documented(
      z.number().int().min(1).max(4).default(2),
      'Raising the response level to this level or higher (1 = I, the highest) pre-positions troops (预置兵力).',
    ),
    prepositionedMobilisation: Distribution.default(seconds60(300)).meta({
      description: 'Mobilisation of pre-positioned troops, instead of their own.',
      unit: 's',
    }),
  }),
  'Rule 8, military support (000): units of military agencies are requested through the joint office (a delay), or directly when extremely urgent; a raised response level pre-positions them so a later request is answered faster.',
);

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

const toggle = (description: string, enabled: boolean) =>
  documented(
    z.strictObject({ enabled: documented(z.boolean().default(enabled), 'Switch the rule on.') }),
    description,
  );

export const TriageRule = toggle(
  'Rule 5, non-emergency triage (004): the share of each kind’s calls set by `nonEmergencyShare` goes to the 12345 line and uses no unit.',
  true,
);

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

export const FirstReceiverRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    responsible: documented(
      z.record(z.string(), z.string()).default({}),
      'Per incident kind, the id of the agency responsible for it.',
    ),
    handover: Distribution.default(seconds60(300)).meta({
      description:
        'Once the responsible unit is on scene, the time the first receiver needs to hand over and leave.',
      unit: 's',
    }),
  }),
  'Rule 3, first-receiver responsibility (首接负责制, 004): the first unit on scene acts first and hands over to the responsible agency’s unit when it arrives; both times traced.',
);

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
    landRequest: Distribution.default(seconds60(900)).meta({
      description: 'Until the SAR centre asks the coordination centre for a land unit.',
      unit: 's',
    }),
  }),
  'Rule 4, maritime hand-off (004): sea incidents go to the maritime SAR centre, which commands; land units go only when it asks.',
);

export const TrafficRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    atSeverity: documented(
      z.number().int().min(1).max(4).default(3),
      'Police and transport set traffic control for incidents of this severity or worse.',
    ),
    setup: Distribution.default(seconds60(600)).meta({
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

export const RearSupplyRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    stocks: documented(
      z.record(z.string(), z.number().finite().min(0)).default({}),
      'What the rear HQ holds at the start, by item (they run out).',
    ),
    fulfilment: Distribution.default({ type: 'lognormalMedianP90', median: 3600, p90: 7200 }).meta({
      description: 'From the forward HQ’s request until the supplies are on scene.',
      unit: 's',
    }),
    stockOutDelay: seconds(
      'When the stock cannot cover a request: the extra time to find supplies elsewhere.',
      4 * 3600,
    ),
  }),
  'Rule 10, forward and rear HQ (002): once units are on scene the forward HQ asks the rear for supplies; work cannot finish before they arrive, later still when the rear’s stocks have run out.',
);

export const GroupIncidentRule = documented(
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

export const GrowthRule = documented(
  z.strictObject({ enabled: documented(z.boolean().default(false), 'Switch the rule on.') }),
  'Rule 12, incident growth: incident kinds with `growth` worsen while under-resourced; a higher severity may trigger other rules (e.g. military direct requests).',
);

export const ReinforcementRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    approval: Distribution.default(seconds60(1800)).meta({
      description: 'From the application to the level above until its approval (跨区域增援审批).',
      unit: 's',
    }),
    pools: documented(
      z
        .array(
          z.strictObject({
            id: id('reinforcement pool'),
            name: documented(
              z.string().max(200).default(''),
              'Name (e.g. 省消防救援总队增援编队).',
            ),
            agency: documented(
              z.string(),
              'Id of the agency the units belong to (for tier and sector).',
            ),
            capabilities: documented(z.array(z.string().min(1)).min(1), 'What the units can do.'),
            count: documented(z.number().int().min(1).max(500).default(1), 'Number of units.'),
            crew: documented(
              z.number().int().min(0).max(10_000).default(4),
              'Crew size.',
              'people',
            ),
            approach: Distribution.default({
              type: 'lognormalMedianP90',
              median: 3600,
              p90: 7200,
            }).meta({
              description:
                'From approval until on scene: mobilisation and the drive from another district or city.',
              unit: 's',
            }),
          }),
        )
        .default([]),
      'Units the level above can send from other districts or cities.',
    ),
  }),
  'Rule 7, cross-region reinforcement (001, 002, 003): when no local capable unit is free, the centre applies to the level above; after approval, units from other districts or cities come.',
);

export const Rules = documented(
  z.strictObject({
    tiers: TiersRule.default(TiersRule.parse({})),
    fireRescueApproval: ApprovalRule.default(ApprovalRule.parse({})),
    military: MilitaryRule.default(MilitaryRule.parse({})),
    feedback: FeedbackRule.default(FeedbackRule.parse({})),
    growth: GrowthRule.default(GrowthRule.parse({})),
    reinforcement: ReinforcementRule.default(ReinforcementRule.parse({})),
    triage: TriageRule.default(TriageRule.parse({})),
    command: CommandRule.default(CommandRule.parse({})),
    firstReceiver: FirstReceiverRule.default(FirstReceiverRule.parse({})),
    maritime: MaritimeRule.default(MaritimeRule.parse({})),
    traffic: TrafficRule.default(TrafficRule.parse({})),
    rearSupply: RearSupplyRule.default(RearSupplyRule.parse({})),
    groupIncidents: GroupIncidentRule.default(GroupIncidentRule.parse({})),
    assessment: AssessmentRule.default(AssessmentRule.parse({})),
  }),
  'Coordination rules of the seed documents, each switchable, every effect traced with its cause.',
);
export type Rules = z.infer<typeof Rules>;

// ---------------------------------------------------------------------------------------------
// The scenario

export const Scenario = z.strictObject({
  formatVersion: documented(
    z.literal(SCENARIO_FORMAT_VERSION).default(SCENARIO_FORMAT_VERSION),
    'Version of this file format.',
  ),
  id: id('scenario'),
  name: documented(z.string().max(200).default(''), 'Title.'),
  description: documented(
    z.string().max(20_000).default(''),
    'What the scenario models and its sources.',
  ),
  start: documented(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'use local date and time YYYY-MM-DDTHH:MM')
      .refine(isRealLocalTime, 'no such date or time')
      .default(DEFAULT_START),
    'Local date and time at which simulated time 0 starts.',
  ),
  timeZone: documented(z.string().default('Asia/Shanghai'), 'IANA time zone of the local clock.'),
  duration: documented(
    z
      .number()
      .finite()
      .positive('must be > 0')
      .max(LIMITS.durationSeconds, 'at most 10 years')
      .default(7 * 86_400),
    'Length of a run (simulated time).',
    's',
  ),
  warmup: seconds(
    'Calls received before this time are simulated but left out of the statistics.',
    0,
  ),
  districts: documented(
    z
      .array(District)
      .min(1, 'needs at least one district')
      .max(LIMITS.districts, `at most ${LIMITS.districts} districts`),
    'Districts.',
  ),
  bases: documented(
    z
      .array(Base)
      .min(1, 'needs at least one base')
      .max(LIMITS.bases, `at most ${LIMITS.bases} bases`),
    'Stations, barracks, depots.',
  ),
  travel: Travel,
  agencies: documented(
    z.array(Agency).min(1, 'needs at least one agency'),
    'Partner agencies (联动单位).',
  ),
  units: documented(
    z
      .array(ResponseUnit)
      .min(1, 'needs at least one unit')
      .max(LIMITS.units, `at most ${LIMITS.units} units`),
    'Response units.',
  ),
  incidentKinds: documented(
    z.array(IncidentKind).min(1, 'needs at least one kind'),
    'Kinds of incident.',
  ),
  arrivals: documented(
    Arrivals.default({ streams: [], incidents: [] }),
    'Where calls come from: generated streams and listed incidents.',
  ),
  dispatch: documented(
    Dispatch.default({
      callHandling: { type: 'fixed', value: 60 },
      whenNoUnit: 'queue',
      overflowDelay: 0,
      outsideHelpResponse: { type: 'fixed', value: 3600 },
      redispatchReturning: true,
      runCards: [],
    }),
    'How the centre handles calls: call taking, what to do when no unit is free, run cards.',
  ),
  targets: Targets,
  events: documented(
    z.array(ExternalEvent).max(LIMITS.events, `at most ${LIMITS.events} events`).default([]),
    'External events at given times.',
  ),
  rules: Rules.default(Rules.parse({})),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
