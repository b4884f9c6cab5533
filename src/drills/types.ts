/**
 * The types the drill functions exchange (loading, playing, predicting, evaluating, planning the
 * year). All are plain serialisable data, so that they cross a worker boundary unchanged.
 * Times are seconds from T0 (the drill's start) unless a name says otherwise.
 */
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Trace } from '../sim/trace.ts';
import type { Drill } from './schema.ts';

export type { Language } from '../scenarios/messages.ts';

/** A problem at a path of the drill file (e.g. `steps[2].expected[0].agency`). */
export interface DrillProblem {
  path: string;
  message: string;
}

export type DrillLoadResult =
  | { ok: true; drill: Drill; scenario: Scenario; warnings: DrillProblem[] }
  | { ok: false; errors: DrillProblem[]; warnings: DrillProblem[] };

/** Gives the scenario of a built-in id (undefined: unknown id). */
export type ScenarioResolver = (id: string) => Scenario | undefined;

// ---------------------------------------------------------------------------------------------
// Playing

export interface DrillPlayOptions {
  /** Manual release times of steps with `manual` timing, seconds from T0 (absent: never released). */
  releases?: Record<string, number>;
}

/** One step as played: when it was released, its command's number in the trace, its incident. */
export interface StepPlay {
  step: string;
  /** Seconds from T0, or null if it was never released within the horizon. */
  releasedAt: number | null;
  /** Its command's number in the trace's `command` column (null: no command). */
  command: number | null;
  /** The incident its call made (null: no call, or not yet). */
  incident: number | null;
}

/** A contingency inject released because its expected action was late. */
export interface ContingencyPlay {
  action: string;
  releasedAt: number;
  command: number | null;
}

/** An expected action's result in one run (or one live drill). */
export interface ActionResult {
  action: string;
  step: string;
  /** Seconds from the action's reference (the step's inject, or T0) until done; null: not done. */
  seconds: number | null;
  met: boolean;
}

export interface DrillPlay {
  seed: number;
  trace: Trace;
  /** The commands the drill submitted (source `drill`): with scenario and seed, the whole run. */
  commands: LoggedCommand[];
  steps: StepPlay[];
  contingencies: ContingencyPlay[];
  /** T0 in scenario seconds (the trace's clock). */
  t0: number;
}

// ---------------------------------------------------------------------------------------------
// Prediction

/** A stretch with no participant activity (dead air), seconds from T0. */
export interface Gap {
  from: number;
  to: number;
}

/** One run of the drill, reduced to what the prediction needs (small, serialisable). */
export interface DrillOutcome {
  seed: number;
  steps: Array<{ step: string; releasedAt: number | null; closedAt: number | null }>;
  actions: ActionResult[];
  /** Last participant activity on a drill incident, seconds from T0. */
  end: number;
  deadAir: Gap[];
  /** Per agency: seconds during the drill with every unit of the agency busy. */
  saturated: Array<{ agency: string; seconds: number }>;
  /** Incidents that waited for units during the drill (queued records). */
  queued: number;
  /** Units sent to the incidents of two steps whose work overlapped in time. */
  doubleBooked: Array<{ unit: string; steps: [string, string] }>;
  /** Units dispatched per step incident, per agency (for the coverage matrix). */
  agenciesByStep: Array<{ step: string; agencies: string[] }>;
}

export interface Spread {
  median: number;
  p10: number;
  p90: number;
}

export interface ActionPrediction {
  action: string;
  step: string;
  deadline: number;
  /** Time to done across the runs that did it (null: no run did). */
  seconds: Spread | null;
  /** Share of runs that met the deadline. */
  probability: number;
  /** Share of runs in which it happened at all. */
  happened: number;
  /** Recorded by a person only (what: manual): the simulation cannot predict it. */
  manual: boolean;
}

export interface StepPrediction {
  step: string;
  /** Release time (null: released in no run). */
  releasedAt: Spread | null;
  closedAt: Spread | null;
  released: number;
}

export type FeasibilityFlag =
  | {
      kind: 'cannotMeetDeadline';
      step: string;
      action: string;
      /** The fastest capable unit's emergency drive from its base, seconds (null: none reaches). */
      fastestSeconds: number | null;
      unit: string | null;
      deadline: number;
      probability: number;
    }
  | { kind: 'agencyWithoutRole'; agency: string }
  | { kind: 'objectiveUnexercised'; objective: string }
  | { kind: 'unitDoubleBooked'; unit: string; steps: [string, string]; share: number };

export interface CoverageCell {
  objective: string | null;
  agency: string;
  step: string;
  /** Expected actions of the step for the agency (under the objective). */
  actions: number;
  /** Share of runs in which a unit of the agency went to the step's incident. */
  dispatched: number;
}

export interface DrillPrediction {
  drill: string;
  seeds: number[];
  steps: StepPrediction[];
  actions: ActionPrediction[];
  /** Predicted total duration: last participant activity, seconds from T0. */
  duration: Spread;
  /** Σ of the steps' planned durations (总时长 of the script). */
  plannedDuration: number;
  deadAir: { share: number; longest: Spread; gaps: Gap[] };
  overload: {
    /** Agencies with every unit busy at some moment, and the share of runs it happened in. */
    saturated: Array<{ agency: string; share: number; seconds: Spread }>;
    queued: Spread;
  };
  flags: FeasibilityFlag[];
  coverage: CoverageCell[];
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export type LogEntry =
  | { type: 'release'; step: string; t: number; note?: string; recorder?: string }
  | { type: 'action'; action: string; t: number | null; note?: string; recorder?: string }
  | { type: 'pause'; t: number; note?: string; recorder?: string }
  | { type: 'resume'; t: number; note?: string; recorder?: string }
  | { type: 'note'; t: number; note: string; recorder?: string };

/** A drill's record (演练记录): wall-clock seconds from T0 (pauses included; evaluation removes them). */
export interface DrillLog {
  drill: string;
  /** Local date and time of T0, YYYY-MM-DDTHH:MM (informative). */
  started?: string;
  recorder?: string;
  entries: LogEntry[];
}

export type LogParseResult =
  { ok: true; log: DrillLog; warnings: DrillProblem[] } | { ok: false; errors: DrillProblem[] };

export type Grade = 'excellent' | 'good' | 'fair' | 'poor';

export interface DeviationRow {
  action: string;
  step: string;
  /** The standard: deadline from the reference, s. */
  planned: number;
  /** Predicted median (null: no prediction, or never done in the prediction). */
  predicted: number | null;
  probability: number | null;
  /** Actual, from the reference, s (null: not recorded). */
  actual: number | null;
  /** actual − planned (null: not recorded). */
  deviation: number | null;
  /** actual − predicted median. */
  deviationFromPrediction: number | null;
  met: boolean;
  note: string;
}

export interface ScoreRow {
  item: string;
  weight: number;
  /** Points of its linked actions met / their points (null: no linked action recorded). */
  share: number | null;
  score: number | null;
  grade: Grade | null;
}

export interface CorrectiveAction {
  number: number;
  action: string;
  problem: string;
  cause: string;
  measure: string;
  owner: string | null;
  partner: string | null;
  /** YYYY-MM-DD. */
  deadline: string;
  status: 'open' | 'done';
  /** The remedy's predicted effect, if the drill has one for this action as a variant. */
  effect: {
    remedy: string;
    before: number;
    after: number;
    medianBefore: number | null;
    medianAfter: number | null;
  } | null;
}

/** The predicted effect of a remedy (its variant applied to the scenario document). */
export interface RemedyEffect {
  remedy: string;
  action: string;
  before: { probability: number; median: number | null };
  after: { probability: number; median: number | null };
}

export interface DrillReport {
  purpose: string[];
  timeAndPlace: string;
  participants: string[];
  summary: string[];
  problems: string[];
  lessons: string[];
  recommendations: string[];
}

export interface DrillEvaluation {
  drill: string;
  rows: DeviationRow[];
  steps: Array<{
    step: string;
    planned: number | null;
    actual: number | null;
    deviation: number | null;
  }>;
  /** Σ points met / Σ points. */
  pointsMet: number;
  pointsTotal: number;
  scores: ScoreRow[];
  total: { score: number; weight: number; grade: Grade | null };
  pausedSeconds: number;
  report: DrillReport;
  corrective: CorrectiveAction[];
}

// ---------------------------------------------------------------------------------------------
// The year

export interface CalendarEntry {
  drill: Drill;
  scenario: Scenario;
  /** Its evaluation, for the trend (optional). */
  evaluation?: DrillEvaluation;
}

export interface DrillCalendar {
  drills: Array<{ id: string; name: string; date: string; halfYear: string }>;
  halfYears: string[];
  /** For each agency, tier, rule and objective: the drills exercising it. */
  coverage: Array<{
    dimension: 'agency' | 'tier' | 'rule' | 'objective';
    key: string;
    drills: string[];
    /** Not exercised in the last two half-years (of the latest drill). */
    stale: boolean;
  }>;
  trend: Array<{
    action: string;
    points: Array<{ drill: string; date: string; actual: number | null; met: boolean }>;
  }>;
}
