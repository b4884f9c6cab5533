/**
 * The drill file (演练方案 + 演练脚本) as zod schemas: the single source of truth for the format,
 * its types and its JSON Schema (`sim schema`). A drill plays on a scenario: each step (环节) of
 * its script may carry a command that enters the simulation through the command door (source
 * `drill`); its expected actions (期望行动) are read back from the trace.
 *
 * Times are seconds. `T0` is the drill's start (`clock.start`, seconds into the scenario); step
 * timings and deadlines count from T0, or from the step's inject.
 */
import { z } from 'zod';
import { documented, id } from '../scenarios/schemaParts.ts';
import { ExternalEvent } from '../scenarios/schema.ts';
import { RULE_IDS } from '../scenarios/rules/index.ts';
import type { CallCommand, EventCommand } from '../scenarios/commands.ts';

export const DRILL_FORMAT = 'drill-planner/drill';
export const DRILL_FORMAT_VERSION = 1;

/** Bounds that keep a hand-written or hostile file from costing minutes. */
export const DRILL_LIMITS = {
  fileBytes: 2_000_000,
  steps: 500,
  actionsPerStep: 50,
  text: 4000,
  /** Calls one run of a drill may simulate (from the scenario's start to T0 + horizon, surges included). */
  callsPerRun: 200_000,
};

const text = (description: string, max = DRILL_LIMITS.text) =>
  documented(z.string().max(max).default(''), description);
const seconds = (description: string) =>
  documented(z.number().finite().min(0, 'must be ≥ 0'), description, 's');

// ---------------------------------------------------------------------------------------------
// Header (演练方案 cover)

export const DRILL_MODES = ['tabletop', 'live'] as const;
export const DRILL_SCOPES = ['single', 'combined'] as const;
export const DRILL_PURPOSES = ['test', 'demonstration', 'research'] as const;

export const DrillHeader = z.strictObject({
  name: documented(z.string().min(1, 'must not be empty').max(200), '演练名称: the drill’s name.'),
  organiser: text('组织单位: who organises it.'),
  date: documented(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date YYYY-MM-DD')
      .default('2026-01-01'),
    'Date of the drill (YYYY-MM-DD, local).',
  ),
  place: text('演练地点: where.'),
  mode: documented(z.enum(DRILL_MODES).default('live'), 'tabletop (桌面推演) or live (实战演练).'),
  scope: documented(z.enum(DRILL_SCOPES).default('combined'), 'single (单项) or combined (综合).'),
  purpose: documented(
    z.enum(DRILL_PURPOSES).default('test'),
    'test (检验性), demonstration (示范性) or research (研究性).',
  ),
  scripted: documented(
    z.boolean().default(true),
    'With a script (有脚本) or without (无脚本, 双盲).',
  ),
  version: text('Version of the plan (版本).', 40),
  preparedBy: text('编制: who wrote it.', 200),
  reviewedBy: text('审核: who reviewed it.', 200),
  approvedBy: text('批准: who approved it.', 200),
});
export type DrillHeader = z.infer<typeof DrillHeader>;

// ---------------------------------------------------------------------------------------------
// Objectives, participants, phases

export const Objective = z.strictObject({
  id: id('objective'),
  text: documented(
    z.string().min(1, 'must not be empty').max(DRILL_LIMITS.text),
    '演练目标: who, under what conditions, does what, by which standard, with what effect.',
  ),
  agencies: documented(z.array(z.string()).max(100).default([]), 'Agency ids it concerns.'),
  rules: documented(
    z.array(z.enum(RULE_IDS)).max(20).default([]),
    'Coordination rules it exercises (rule ids of the scenario format).',
  ),
});
export type Objective = z.infer<typeof Objective>;

export const PARTICIPANT_ROLES = [
  'control',
  'play',
  'simulate',
  'evaluate',
  'support',
  'observe',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const Participant = z.strictObject({
  agency: documented(z.string(), 'Agency id of the scenario.'),
  roles: documented(
    z.array(z.enum(PARTICIPANT_ROLES)).min(1, 'needs at least one role').max(6),
    'Roles: control 导调, play 参演, simulate 模拟, evaluate 评估, support 保障, observe 观摩.',
  ),
  people: documented(
    z.number().int().min(0).max(100_000).optional(),
    'People it sends (参演人员).',
    'people',
  ),
  task: text('Its main task (主要任务).'),
});
export type Participant = z.infer<typeof Participant>;

export const Phase = z.strictObject({
  id: id('phase'),
  name: documented(z.string().min(1, 'must not be empty').max(200), '阶段 name.'),
  brief: text('Situation brief (情景说明) read at the start of the phase.'),
});
export type Phase = z.infer<typeof Phase>;

// ---------------------------------------------------------------------------------------------
// What the simulation shows: a measure of a step's incident, used by expected actions and by
// conditions ("when" timings).

export const MEASURES = [
  'dispatched',
  'firstArrival',
  'arrivals',
  'approved',
  'planActivated',
  'commandHandedOver',
  'requested',
  'reported',
  'closed',
  'graded',
  'prepositioned',
  'manual',
] as const;
export type MeasureKind = (typeof MEASURES)[number];

/** Who must act: an agency, or any unit with a capability (neither: anyone). */
const who = {
  agency: documented(z.string().optional(), 'Agency id whose units count (none: any agency).'),
  capability: documented(
    z.string().optional(),
    'Capability whose units count (e.g. hazmat); with agency, both must hold.',
  ),
};

export const Measure = z.strictObject({
  what: documented(
    z.enum(MEASURES),
    'dispatched (出动指令), firstArrival (首车到场), arrivals (≥ count on scene), approved (an approval step, cause), planActivated (专项预案启动), commandHandedOver (指挥权移交), requested (上级增援请求), reported (到场/完成报告), closed (处置完毕), graded (群体性事件分级, cause township/county/city), prepositioned (预置兵力, ≥ count; for a response-level step), manual (recorded by a person only).',
  ),
  ...who,
  count: documented(
    z.number().int().min(1).max(100_000).default(1),
    'For arrivals: how many must be on scene.',
  ),
  countOf: documented(
    z.enum(['units', 'people']).default('units'),
    'For arrivals: count units (辆/支) or people (名, by crew).',
  ),
  cause: documented(
    z.string().max(64).optional(),
    'For approved, requested, reported, commandHandedOver: which one (a cause of the trace, e.g. militaryApproval, directRequest, crossRegion, arrivalReport).',
  ),
});
export type Measure = z.infer<typeof Measure>;

// ---------------------------------------------------------------------------------------------
// Commands a step sends into the simulation: a call, or an external event (no dispatch answers).

const lonLat = z.tuple([
  z.number().finite().min(-180, 'longitude must be ≥ −180').max(180, 'longitude must be ≤ 180'),
  z.number().finite().min(-90, 'latitude must be ≥ −90').max(90, 'latitude must be ≤ 90'),
]);

export const DrillCall = z.strictObject({
  type: documented(z.literal('call'), 'A call: an incident of a kind at a place.'),
  kind: documented(z.string(), 'Incident kind id of the scenario.'),
  location: documented(lonLat.optional(), '[longitude, latitude] of the incident.'),
  district: documented(
    z.string().optional(),
    'District id (placed at random in it without location).',
  ),
  severity: documented(
    z.number().int().min(1).max(4).optional(),
    'Severity 1 (catastrophic) to 4 (general), instead of the kind’s.',
  ),
  participants: documented(
    z.number().int().min(0).max(1_000_000).optional(),
    'People taking part in a group incident, instead of a draw.',
    'people',
  ),
});

const eventCommands = (ExternalEvent.options as unknown as Array<z.ZodObject>).map((option) =>
  option.omit({ at: true }),
) as unknown as [z.ZodType<EventCommand>, ...Array<z.ZodType<EventCommand>>];

export const DrillCommand = documented(
  z.discriminatedUnion('type', [
    DrillCall,
    ...(eventCommands as unknown as Array<typeof DrillCall>),
  ]) as unknown as z.ZodType<CallCommand | EventCommand>,
  'What the step does in the simulation: a call (type call), or an event: closeRoad, damageRoad, openRoad, unitOutOfService, unitInService, season, responseLevel, callRateFactor.',
);
export type DrillCommand = CallCommand | EventCommand;

// ---------------------------------------------------------------------------------------------
// Steps (环节): timing, inject, command, expected actions

export const Timing = documented(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: documented(z.literal('at'), 'At a time.'),
      at: seconds('Seconds after T0.'),
    }),
    z.strictObject({
      type: documented(z.literal('after'), 'After another step.'),
      step: documented(z.string(), 'The step it follows.'),
      delay: seconds('Seconds after that step’s release.').default(0),
    }),
    z.strictObject({
      type: documented(z.literal('when'), 'When a condition becomes true.'),
      step: documented(z.string(), 'The step whose incident is watched.'),
      condition: documented(Measure, 'What must have happened at that step’s incident.'),
      delay: seconds('Seconds after the condition becomes true.').default(0),
    }),
    z.strictObject({ type: documented(z.literal('manual'), 'On the controller’s release.') }),
  ]),
  'When the step is released: at a time after T0, after another step, when a condition on the simulation becomes true, or on the controller’s manual release.',
);
export type Timing = z.infer<typeof Timing>;

export const INJECT_METHODS = ['phone', 'sms', 'system', 'verbal', 'messageSlip'] as const;
export type InjectMethod = (typeof INJECT_METHODS)[number];

export const Inject = z.strictObject({
  method: documented(
    z.enum(INJECT_METHODS).default('phone'),
    '注入方式: phone 电话, sms 短信, system 系统, verbal 口头, messageSlip 消息单.',
  ),
  from: text('发出方: who sends it (a role or an agency).', 200),
  to: documented(z.array(z.string()).max(100).default([]), 'Agency ids it goes to.'),
  text: text('The message (情景/注入信息) as read out or sent.'),
});
export type Inject = z.infer<typeof Inject>;

export const Contingency = z.strictObject({
  inject: documented(Inject, 'The contingency inject (应变导调信息).'),
  command: DrillCommand.optional(),
});
export type Contingency = z.infer<typeof Contingency>;

export const ExpectedAction = z.strictObject({
  id: id('expected action'),
  ...Measure.shape,
  description: text('期望行动 in words.'),
  deadline: seconds('The standard: at most this many seconds after the reference.'),
  from: documented(
    z.enum(['inject', 'start']).default('inject'),
    'The deadline counts from the step’s inject (inject) or from T0 (start).',
  ),
  points: documented(z.number().finite().min(0).max(1000).default(1), 'Points (分值).', 'weight'),
  objective: documented(z.string().optional(), 'The objective it serves.'),
  incidentOf: documented(
    z.string().optional(),
    'The step whose incident (or event) is measured, if not this one (e.g. an approval asked for in a later step).',
  ),
  contingency: documented(
    Contingency.optional(),
    '应变导调: released when the action is late (at its deadline, if not done).',
  ),
});
export type ExpectedAction = z.infer<typeof ExpectedAction>;

export const Step = z.strictObject({
  id: id('step'),
  phase: documented(z.string(), 'Phase id.'),
  title: documented(z.string().min(1, 'must not be empty').max(200), '环节 title.'),
  timing: Timing,
  duration: seconds('Planned length of the step (时长).').default(300),
  inject: documented(Inject, '注入信息: how, from whom and to whom, and the message.').default({
    method: 'phone',
    from: '',
    to: [],
    text: '',
  }),
  command: DrillCommand.optional(),
  expected: documented(
    z.array(ExpectedAction).max(DRILL_LIMITS.actionsPerStep).default([]),
    'Expected actions (期望行动).',
  ),
  notes: text('备注.'),
});
export type Step = z.infer<typeof Step>;

// ---------------------------------------------------------------------------------------------
// Evaluation sheet (评估表) and known fixes

export const EVALUATION_METHODS = ['observe', 'ask', 'records', 'system'] as const;

export const EvaluationItem = z.strictObject({
  id: id('evaluation item'),
  item: documented(z.string().min(1, 'must not be empty').max(200), '评估项目.'),
  content: text('评估内容/要点.'),
  standard: text('评估标准.'),
  method: documented(
    z.enum(EVALUATION_METHODS).default('observe'),
    'observe 观察, ask 询问, records 查阅记录, system 系统数据.',
  ),
  weight: documented(z.number().finite().min(0).max(1000).default(10), '分值（权重）.', 'weight'),
  options: documented(
    z.boolean().default(false),
    'Graded by option (优/良/中/差) instead of a score.',
  ),
  actions: documented(
    z.array(z.string()).max(200).default([]),
    'Expected action ids whose results pre-fill it.',
  ),
});
export type EvaluationItem = z.infer<typeof EvaluationItem>;

const VariantOperationSchema = z.looseObject({
  type: documented(
    z.string(),
    'agencyTier, unitCount, unitCrew, addUnit, delay, rule or callVolume, with its fields.',
  ),
});

export const Remedy = z.strictObject({
  id: id('remedy'),
  action: documented(z.string(), 'The expected action it would help.'),
  text: documented(z.string().min(1).max(DRILL_LIMITS.text), '整改措施 in words.'),
  owner: documented(z.string().optional(), '责任单位 (agency id).'),
  partner: documented(z.string().optional(), '配合单位 (agency id).'),
  variant: documented(
    z.array(VariantOperationSchema).max(50).default([]),
    'The fix as scenario variant operations (see the Compare view), priced by re-running the prediction.',
  ),
});
export type Remedy = z.infer<typeof Remedy>;

// ---------------------------------------------------------------------------------------------
// The drill

export const DrillClock = z.strictObject({
  start: seconds('T0: seconds into the scenario when the drill starts.').default(0),
  horizon: documented(
    z
      .number()
      .finite()
      .positive('must be > 0')
      .max(30 * 86400)
      .default(7200),
    'How long after T0 the simulation runs (the drill and its aftermath).',
    's',
  ),
  deadAir: documented(
    z.number().finite().positive('must be > 0').default(600),
    'A stretch with no participant activity longer than this is dead air.',
    's',
  ),
  keepScenarioIncidents: documented(
    z.boolean().default(false),
    'Keep the scenario’s listed incidents (the drill’s steps replace them by default).',
  ),
});
export type DrillClock = z.infer<typeof DrillClock>;

export const Drill = z.strictObject({
  format: documented(z.literal(DRILL_FORMAT), 'Always "drill-planner/drill".'),
  version: documented(z.literal(DRILL_FORMAT_VERSION), 'Version of the drill format (1).'),
  id: id('drill'),
  scenario: documented(
    z.union([z.string().min(1).max(64), z.record(z.string(), z.unknown())]),
    'A built-in scenario id, or a whole scenario document.',
  ),
  description: text('What the drill follows (documents by title and number) and what it is for.'),
  header: documented(DrillHeader, 'The cover of the 演练方案.'),
  clock: documented(DrillClock, 'T0, how long to simulate, and what counts as dead air.').default({
    start: 0,
    horizon: 7200,
    deadAir: 600,
    keepScenarioIncidents: false,
  }),
  objectives: documented(
    z.array(Objective).max(100).default([]),
    '演练目标, each linked to agencies and rules.',
  ),
  participants: documented(
    z.array(Participant).max(200).default([]),
    '参演单位 and their roles (one entry per agency).',
  ),
  phases: documented(
    z.array(Phase).min(1, 'needs at least one phase').max(50),
    '阶段, in order, each with its situation brief.',
  ),
  steps: documented(
    z.array(Step).min(1, 'needs at least one step').max(DRILL_LIMITS.steps),
    '环节: the script rows, each with its timing, inject, command and expected actions.',
  ),
  evaluation: documented(
    z.array(EvaluationItem).max(200).default([]),
    '评估表: the evaluation sheet’s items.',
  ),
  remedies: documented(
    z.array(Remedy).max(100).default([]),
    'Known fixes (整改措施) written as scenario variants, priced by re-running the prediction.',
  ),
});
export type Drill = z.infer<typeof Drill>;
export type DrillInput = z.input<typeof Drill>;
