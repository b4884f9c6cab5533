/**
 * The scenario file format. These zod schemas are the single source of truth: the TypeScript
 * types, the validation with readable errors and the JSON Schema printed by `sim schema` are all
 * derived from them. Every field carries a description, a unit and a default.
 */
import { DEFAULT_DURATION, DEFAULT_START } from './defaults.ts';
import { ruleSchemas, type RuleId } from './rules/index.ts';
import { Distribution, documented, DutySchedule, id, seconds } from './schemaParts.ts';
import { z } from 'zod';
import { IncidentTable } from './incidentTable.ts';
import { ObservedTimes } from './observedSchema.ts';

export { Distribution, DutySchedule } from './schemaParts.ts';
export { ObservedTimes, ObservedUnit } from './observedSchema.ts';

export const SCENARIO_FORMAT_VERSION = 1;

/** Limits on what one scenario may hold, so that a wrong file cannot exhaust the browser. */
export const LIMITS = {
  /**
   * 256 MB: a call history at the limit of listed incidents (2,000,000) is about 70 MB in the
   * columnar `incidentTable` and 130 MB as one object per call (written without indentation);
   * both load, and 256 MB stays well inside the longest string a browser's JavaScript holds
   * (about 512 MB in V8), which JSON.parse needs the whole file as.
   */
  fileBytes: 256 * 1024 * 1024,
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
  needsPerKind: 100,
  /** Units one incident may ask for, its growth steps included. */
  neededUnitsPerIncident: 2_000,
} as const;

/** A name in English for the English page; without it that page shows the (Chinese) name. */
const nameEn = documented(
  z.string().max(200).optional(),
  'Name in English, shown on the English page (e.g. Dinghai District); without it the English page shows `name`.',
);

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
// Region

const ring = z
  .array(lonLat)
  .min(3, 'a polygon needs at least 3 points')
  .max(LIMITS.polygonPoints, `at most ${LIMITS.polygonPoints} points`);

export const District = z
  .strictObject({
    id: id('district'),
    name: documented(z.string().max(200).default(''), 'Name shown to people (e.g. 定海区).'),
    nameEn,
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

export const Hospital = z.strictObject({
  id: id('hospital'),
  name: documented(z.string().max(200).default(''), 'Name shown to people (e.g. 舟山医院).'),
  nameEn,
  location: lonLat,
});
export type Hospital = z.infer<typeof Hospital>;

export const Base = z.strictObject({
  id: id('base'),
  name: documented(z.string().max(200).default(''), 'Name shown to people (e.g. 临城消防站).'),
  nameEn,
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
const nonEmergencySpeedFactor = documented(
  z.number().finite().positive('must be > 0').default(1),
  'Speed multiplier for units driving to an incident of a kind whose response mode is non-emergency (no lights and sirens).',
  'factor',
);
const tripOverheadSeconds = seconds(
  'Fixed time added to every trip that takes any time (getting under way, finding the address, parking): the 0.65 min of the fire-response fit T = 0.65 + 1.7·D min.',
  0,
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
  nonEmergencySpeedFactor,
  tripOverheadSeconds,
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
  tripOverheadSeconds,
  noiseCv: travelNoiseCv,
});

/**
 * The square-root law of short trips (Kolesar 1975, the RAND fire-engine study): a vehicle
 * accelerating at a constant rate to its cruising speed v covers a road distance D in
 * 2·√(D/a) while D ≤ v²/a (it never reaches cruising speed), and in v/a + D/v beyond.
 */
const ShortTrip = documented(
  z.strictObject({
    model: documented(
      z.enum(['squareRoot']),
      'Square-root law: T = 2·√(D/a) up to the distance v²/a, then v/a + D/v (v the speed of the trip).',
    ),
    accelerationMps2: documented(
      z.number().finite().positive('must be > 0').max(20, 'must be ≤ 20'),
      'Constant acceleration a of a vehicle getting up to speed (Kolesar’s New York fit: about 0.41 m/s²).',
      'm/s²',
    ),
  }),
  'Short trips slower than distance ÷ speed, as a vehicle accelerates (the RAND fit’s square-root branch); omit for distance ÷ speed throughout.',
);

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
  nonEmergencySpeedFactor,
  tripOverheadSeconds,
  shortTrip: ShortTrip.optional(),
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
  nameEn,
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

export const ResponseUnit = z.strictObject({
  id: id('unit'),
  name: documented(z.string().max(200).default(''), 'Name (e.g. 临城站水罐车).'),
  nameEn,
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
  nameEn,
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
      .min(1, 'an incident kind needs at least one need')
      .max(LIMITS.needsPerKind, `at most ${LIMITS.needsPerKind} needs`),
    'Units the incident needs, by capability.',
  ),
  workTime: Distribution.default({ type: 'exponential', mean: 1800 }).meta({
    description: 'Time a unit works on scene, from its arrival until it clears.',
    unit: 's',
  }),
  responseMode: documented(
    z.enum(['emergency', 'nonEmergency']).default('emergency'),
    'How units drive to these incidents: emergency (lights and sirens, the travel model’s emergencySpeedFactor) or non-emergency (its nonEmergencySpeedFactor). A zone-to-zone matrix has one time for both.',
  ),
  callHandling: documented(
    Distribution.optional(),
    'Call taking and assessment for this kind, instead of the centre’s dispatch.callHandling.',
  ),
  workTimeByCapability: documented(
    z.record(z.string().min(1), Distribution).optional(),
    'Time on scene by capability of the unit’s slot (e.g. an engine 11 min, an ambulance 60 min on the same call); a capability not listed works `workTime`.',
  ),
  transport: documented(
    z
      .strictObject({
        capability: documented(
          z.string().min(1),
          'Capability of the units that carry a patient (e.g. medical).',
        ),
        share: documented(
          z.number().min(0).max(1),
          'Share of these units’ jobs that end with a patient carried to a hospital.',
          'share',
        ),
        handover: Distribution.meta({
          description: 'Time at the hospital handing the patient over, before the unit is free.',
          unit: 's',
        }),
        emergency: documented(
          z.boolean().default(false),
          'Whether the unit drives to the hospital with lights and sirens (emergencySpeedFactor) or at normal speed.',
        ),
      })
      .optional(),
    'Patient transport: after its work on scene, a unit of this capability carries a patient to the nearest hospital (by travel time), hands over, then returns to base (a returning unit may be sent again, as dispatch.redispatchReturning says). Needs `hospitals`.',
  ),
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
                    .max(LIMITS.needsPerKind, `at most ${LIMITS.needsPerKind} needs`)
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
  observed: documented(
    ObservedTimes.optional(),
    'What the records of a real call show (imported history): read by calibration, ignored by the simulation.',
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
  incidentTable: documented(
    IncidentTable.optional(),
    'More listed calls in columns (the compact form for large call histories): read as if listed in `incidents` after those there, in the same order.',
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
    .strictObject({
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
// Coordination rules (../shared/domain.md §3). Each is switchable and traced; the parameters of
// each are in src/scenarios/rules/<id>.ts, listed in the registry there.

type Defaulted<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.ZodDefault<T[K]> };

/** Each rule defaults to its parameters' defaults, so a file may leave out any rule. */
function withDefaults<T extends Record<string, z.ZodType>>(schemas: T): Defaulted<T> {
  const entries = Object.entries(schemas).map(([rule, schema]) => [
    rule,
    schema.default(schema.parse({})),
  ]);
  return Object.fromEntries(entries) as Defaulted<T>;
}

export const Rules = documented(
  z.strictObject(withDefaults(ruleSchemas)),
  'Coordination rules of the seed documents, each switchable, every effect traced with its cause.',
);
export type Rules = z.infer<typeof Rules>;

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
/** A check, not for use: tsc fails here when `rules` and RULE_IDS name different rules. */
export type RulesMatchRuleIds = Expect<SameKeys<keyof Rules, RuleId>>;

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
      .default(DEFAULT_DURATION),
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
  hospitals: documented(
    z.array(Hospital).max(LIMITS.bases, `at most ${LIMITS.bases} hospitals`).optional(),
    'Hospitals that medical units carry patients to (an incident kind’s `transport`).',
  ),
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
