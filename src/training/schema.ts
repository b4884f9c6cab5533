/**
 * The training files (zod, the single source of truth): an exercise (a scenario, a window of it,
 * a seed, a pace, a difficulty and the scoring rules), a course (exercises in order) and a
 * training session file (what a trainee did: the exercise, the seed, the command log, the
 * trainee's judgements and the wall-clock stamps of their answers). Every field has a default
 * where one makes sense, so a trainer writes only what differs.
 */
import { z } from 'zod';
import { documented } from '../scenarios/schemaParts.ts';

export const EXERCISE_FORMAT = 'drill-planner/exercise';
export const COURSE_FORMAT = 'drill-planner/course';
export const SESSION_FORMAT = 'drill-planner/training-session';

const exerciseId = documented(
  z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'at most 64 characters')
    .regex(/^[A-Za-z0-9_\-.:]+$/, 'use only letters, digits and _ - . :'),
  'Identifier of the exercise (letters, digits, _ - . :).',
);

const text = z.strictObject({
  zh: documented(z.string().max(400).default(''), 'In Chinese.'),
  en: documented(z.string().max(400).default(''), 'In English.'),
});

/** 见习 / 初级 / 中级. */
export const Level = documented(
  z.enum(['trainee', 'junior', 'intermediate']),
  'Level: trainee (见习), junior (初级) or intermediate (中级).',
);
export type Level = z.infer<typeof Level>;

/**
 * A moment of the scenario: seconds from its start, or a clock time "HH:MM" (the first at or
 * after the scenario's start), or "dN HH:MM" (day N of the scenario, 1 first).
 */
export const Moment = documented(
  z.union([
    z.number().finite().min(0, 'must be ≥ 0'),
    z.string().regex(/^(d\d{1,3} )?\d{1,2}:\d{2}(:\d{2})?$/, 'write HH:MM or dN HH:MM'),
  ]),
  'Seconds from the scenario start, or a clock time "HH:MM" / "dN HH:MM" (day N, 1 first).',
);
export type Moment = z.infer<typeof Moment>;

export const ExerciseScenario = documented(
  z.union([
    z.strictObject({
      builtin: documented(z.string().min(1).max(64), 'Id of a built-in scenario.'),
    }),
    z.strictObject({
      embedded: documented(
        z.record(z.string(), z.unknown()),
        'A whole scenario file (checked like any scenario file).',
      ),
    }),
  ]),
  'The scenario: a built-in one by id, or a scenario file embedded whole.',
);

export const Pace = z.strictObject({
  speed: documented(
    z.enum(['step', '1x', '2x', '5x', '10x']).default('step'),
    'Step by step (the run stops at every call and decision), or real time ×1, ×2, ×5, ×10.',
  ),
  whileDeciding: documented(
    z.enum(['wait', 'clockRuns']).default('wait'),
    'While a decision is open the simulation waits, or the clock runs and the call waits for the answer.',
  ),
});
export type Pace = z.infer<typeof Pace>;

export const Difficulty = z.strictObject({
  callRateFactor: documented(
    z.number().finite().min(0).max(20).default(1),
    'Multiplier of the scenario’s generated call rates (over the whole run, the window included).',
    'factor',
  ),
  simultaneousIncidents: documented(
    z.number().int().min(0).max(20).default(0),
    'Extra incidents that come in together at the start of the window.',
  ),
  duplicateCallShare: documented(
    z.number().min(0).max(1).default(0),
    'Share of incidents a second caller reports again (a duplicate call for one incident).',
    'share',
  ),
  incompleteInfoShare: documented(
    z.number().min(0).max(1).default(0),
    'Share of callers who leave out the landmark or the people involved.',
    'share',
  ),
  wrongInfoShare: documented(
    z.number().min(0).max(1).default(0),
    'Share of callers who name the wrong district.',
    'share',
  ),
  unitsOutOfService: documented(
    z.number().int().min(0).max(50).default(0),
    'Units out of service for the whole exercise (drawn from the seed).',
  ),
  linkageIncidents: documented(
    z.number().int().min(0).max(20).default(0),
    'Extra incidents in the window of kinds that need several agencies (linkage).',
  ),
  suggestion: documented(
    z.enum(['shown', 'hidden']).default('shown'),
    'Whether the run card’s suggestion is shown to the trainee.',
  ),
});
export type Difficulty = z.infer<typeof Difficulty>;

const points = (description: string, value: number) =>
  documented(z.number().finite().min(0).max(100).default(value), description);

/**
 * Scoring rules: weights of the parts of the score, deductions in the Fuyang style (0.5–1 point
 * each time: slow or poor handling, late reports), and the national targets (120: answered
 * within 10 s ≥ 95 %, departed within 3 min ≥ 95 %).
 */
export const Scoring = z.strictObject({
  fullMarks: points('Marks before deductions.', 100),
  targets: z
    .strictObject({
      answerSeconds: documented(
        z.number().min(0).default(10),
        'A call is answered in time within this (振铃→摘机).',
        's',
      ),
      answerShare: documented(
        z.number().min(0).max(1).default(0.95),
        'Share answered in time required.',
        'share',
      ),
      dispatchSeconds: documented(
        z.number().min(0).default(180),
        'Dispatch (the order out) in time within this after the call.',
        's',
      ),
      dispatchShare: documented(
        z.number().min(0).max(1).default(0.95),
        'Share dispatched in time required.',
        'share',
      ),
    })
    .default({ answerSeconds: 10, answerShare: 0.95, dispatchSeconds: 180, dispatchShare: 0.95 }),
  deductions: z
    .strictObject({
      slowAnswer: points('A call answered after the answer target (each).', 0.5),
      slowDispatch: points('A dispatch after the dispatch target (each).', 1),
      wrongTriage: points(
        'A call judged wrongly: 12345, maritime, special plan, duplicate (each).',
        1,
      ),
      wrongCapability: points(
        'A unit sent that the slot’s capability does not fit, or a slot left open (each).',
        1,
      ),
      fartherUnit: points(
        'A unit sent that arrives later than the reference’s choice by over a minute (each).',
        0.5,
      ),
      missedLinkage: points(
        'An agency the incident needed not notified, or the wrong approval path (each).',
        1,
      ),
      lateReport: points(
        'A unit’s report late or missing on an incident the trainee handled (each).',
        0.5,
      ),
      unserved: points('A call of the window left unserved at the end (each).', 1),
      outsideTarget: points(
        'A tier-1 arrival outside its target where the reference was within (each).',
        0.5,
      ),
      shareBelowTarget: points('The answer or dispatch share below its national target (each).', 2),
    })
    .default({
      slowAnswer: 0.5,
      slowDispatch: 1,
      wrongTriage: 1,
      wrongCapability: 1,
      fartherUnit: 0.5,
      missedLinkage: 1,
      lateReport: 0.5,
      unserved: 1,
      outsideTarget: 0.5,
      shareBelowTarget: 2,
    }),
  /** How decision costs are weighed into one figure (for ranking the costliest). */
  costWeights: z
    .strictObject({
      responseSecond: documented(
        z.number().min(0).default(1),
        'Per second of added response time.',
        'weight',
      ),
      unservedCall: documented(
        z.number().min(0).default(3600),
        'Per call left unserved.',
        'weight',
      ),
      outsideTarget: documented(
        z.number().min(0).default(600),
        'Per arrival outside its target.',
        'weight',
      ),
    })
    .default({ responseSecond: 1, unservedCall: 3600, outsideTarget: 600 }),
});
export type Scoring = z.infer<typeof Scoring>;
export type ScoringInput = z.input<typeof Scoring>;

export const Exercise = z.strictObject({
  format: z.literal(EXERCISE_FORMAT),
  version: z.literal(1).default(1),
  id: exerciseId,
  title: text,
  description: text.optional(),
  level: Level.default('trainee'),
  scenario: ExerciseScenario,
  window: z.strictObject({
    start: Moment,
    end: Moment,
  }),
  followUpSeconds: documented(
    z.number().finite().min(0).max(86_400).default(3600),
    'After the window the run goes on this long with the built-in dispatcher, so that the window’s calls are served and their outcomes known.',
    's',
  ),
  seed: documented(
    z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    'The seed (the same for a class).',
  ),
  pace: Pace.default({ speed: 'step', whileDeciding: 'wait' }),
  difficulty: Difficulty.default({
    callRateFactor: 1,
    simultaneousIncidents: 0,
    duplicateCallShare: 0,
    incompleteInfoShare: 0,
    wrongInfoShare: 0,
    unitsOutOfService: 0,
    linkageIncidents: 0,
    suggestion: 'shown',
  }),
  scoring: Scoring.default(Scoring.parse({})),
});
export type Exercise = z.infer<typeof Exercise>;
export type ExerciseInput = z.input<typeof Exercise>;

export const Course = z.strictObject({
  format: z.literal(COURSE_FORMAT),
  version: z.literal(1).default(1),
  id: exerciseId,
  title: text,
  exercises: documented(z.array(Exercise).min(1).max(100), 'The exercises, in order.'),
});
export type Course = z.infer<typeof Course>;

// ---------------------------------------------------------------------------------------------
// The session file

const simTime = documented(z.number().finite().min(0), 'Seconds from the scenario start.', 's');

/** A command as a session logs it (src/scenarios/commands.ts): only dispatch answers and calls here. */
export const LoggedCommandSchema = z.strictObject({
  id: z.string().min(1).max(64),
  source: z.enum(['scenario', 'drill', 'operator']),
  afterEvents: z.number().int().min(0),
  at: simTime,
  command: z.union([
    z.strictObject({
      type: z.literal('dispatch'),
      decision: z.number().int().min(0),
      answer: z
        .array(
          z.strictObject({ slot: z.number().int().min(0), unit: z.string().max(200).nullable() }),
        )
        .max(2000),
    }),
    z.strictObject({
      type: z.literal('call'),
      kind: z.string().max(64),
      location: z.tuple([z.number().finite(), z.number().finite()]).optional(),
      district: z.string().max(64).optional(),
      severity: z.number().int().min(1).max(4).optional(),
      participants: z.number().min(0).optional(),
    }),
  ]),
});

/** The trainee's judgement of a call (警情研判): logged, and scored against the simulation's truth. */
export const TriageJudgement = z.strictObject({
  kind: documented(z.string().max(64).nullable().default(null), 'The incident kind judged (id).'),
  severity: documented(
    z.number().int().min(1).max(4).nullable().default(null),
    'Severity 1–4 judged.',
  ),
  channel: documented(z.enum(['emergency', '12345']), 'An emergency, or for the 12345 line.'),
  maritime: documented(z.boolean().default(false), 'A maritime case for the SAR centre.'),
  specialPlan: documented(z.boolean().default(false), 'A special plan is needed.'),
  duplicateOf: documented(
    z.number().int().min(0).nullable().default(null),
    'The call it repeats, when it reports an incident already called in.',
  ),
});
export type TriageJudgement = z.infer<typeof TriageJudgement>;

export const ApprovalPath = documented(
  z.enum(['none', 'fireRescueApproval', 'militaryReport', 'militaryDirect', 'crossRegion']),
  'How other forces are asked: none; approval for fire rescue to call others; report-and-approval for troops; urgent direct request to troops; cross-region request.',
);
export type ApprovalPath = z.infer<typeof ApprovalPath>;

export const Annotation = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('triage'),
    /** The training call (see api.ts TrainingCall.id). */
    call: z.number().int().min(0),
    at: simTime,
    judgement: TriageJudgement,
  }),
  z.strictObject({
    type: z.literal('linkage'),
    incident: z.number().int().min(0),
    at: simTime,
    agencies: z.array(z.string().max(64)).max(200),
    approvalPath: ApprovalPath,
  }),
  z.strictObject({
    type: z.literal('callBack'),
    incident: z.number().int().min(0),
    at: simTime,
  }),
  z.strictObject({
    type: z.literal('closed'),
    incident: z.number().int().min(0),
    at: simTime,
  }),
]);
export type Annotation = z.infer<typeof Annotation>;

/** Wall-clock stamps (ms since 1970) of one call or decision, for answer times. */
export const Stamp = z.strictObject({
  what: z.enum(['call', 'decision']),
  /** The training call's id, or the decision's number. */
  number: z.number().int().min(0),
  shownAt: z.number().finite(),
  /** Picked up (a call) or answered (a decision). */
  doneAt: z.number().finite(),
});
export type Stamp = z.infer<typeof Stamp>;

export const SessionFile = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(1),
  trainee: z.strictObject({
    name: documented(z.string().max(100).default(''), 'The trainee’s name.'),
    id: documented(z.string().max(64).default(''), 'The trainee’s number (工号).'),
  }),
  exercise: Exercise,
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Built-in answers (the reference's) or a person's. */
  kind: z.enum(['trainee', 'reference']),
  startedAt: z.string().max(40).default(''),
  log: z.array(LoggedCommandSchema).max(200_000),
  annotations: z.array(Annotation).max(200_000).default([]),
  stamps: z.array(Stamp).max(200_000).default([]),
  /** What replaying the log gives: checked on import. */
  result: z.strictObject({
    traceDigest: z.string().max(64),
    traceLength: z.number().int().min(0),
  }),
  /** A checksum of everything above (annotations and stamps are not replayed). */
  checksum: z.string().max(64),
});
export type SessionFile = z.infer<typeof SessionFile>;
