/**
 * Operator training: the contract the trainee console, the score sheet, the debrief and the class
 * table build on. An exercise (schema.ts) is prepared into a scenario and a window; a training
 * session runs it with the "ask" dispatch policy, so that every assignment comes to the trainee;
 * the trainee's answers are commands in the session's log, their judgements (triage, linkage)
 * annotations. The same exercise and seed run with the built-in dispatcher is the reference; the
 * score sheet compares the two call by call and prices each differing decision by re-simulation.
 *
 * Everything here is plain data in and out (structured-clone safe), so that it runs in a worker.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { DispatchAnswer, DispatchDecision } from '../sim/dispatch/policy.ts';
import type { TraceRecord } from '../sim/records.ts';
import type {
  ApprovalPath,
  Course,
  Exercise,
  Level,
  Scoring,
  SessionFile,
  TriageJudgement,
} from './schema.ts';

export type Lang = 'zh' | 'en';
export type { Course, Exercise, Level, SessionFile, TriageJudgement, ApprovalPath, Scoring };

/** Text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A problem of a file: where (a path into it) and why, in the user's language. */
export interface Problem {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

// ---------------------------------------------------------------------------------------------
// Exercises

/** 见习 / 初级 / 中级 and their English names. */
export { LEVEL_LABELS } from './levels.ts';

/** The built-in exercises, at least one per level, in course order. */
export { builtinExercises } from './exercises.ts';

/** A built-in exercise by id, or undefined. */
export { builtinExercise } from './exercises.ts';

/** The built-in course: the built-in exercises in order, 见习 first. */
export { builtinCourse } from './exercises.ts';

/**
 * An exercise with a level's preset (pace, difficulty, suggestion shown or hidden): what a
 * trainer starts from.
 */
export { exerciseForLevel } from './exercises.ts';

/** Checks exercise data (parsed JSON or text): the exercise, or every problem with its path. */
export { parseExercise } from './exercises.ts';

/**
 * In the browser: fetches the exercise's built-in scenario (a city is a chunk of its own) —
 * await it before preparing, starting, scoring or replaying a session of the exercise. In Node
 * (CLI, tests) call `provideBuiltinScenarios(builtinScenario)` once instead.
 */
export { loadExerciseScenario, provideBuiltinScenarios } from './scenarios.ts';

/** Checks course data the same way. */
export { parseCourse } from './exercises.ts';

/** An exercise made ready to run: its scenario with the difficulty applied, and its window. */
export interface PreparedExercise {
  exercise: Exercise;
  seed: number;
  /** The scenario as run: cut to the window's end plus the follow-up, difficulty applied. */
  scenario: Scenario;
  /** The window the trainee sits in, seconds from the scenario start. */
  window: { start: number; end: number };
  /** Units out of service for the whole exercise (the difficulty's), as the trace names them. */
  outOfService: string[];
}

/**
 * Prepares an exercise (with another seed for practice). Throws with a message naming the field
 * when the scenario cannot be had (an unknown built-in, an embedded file with errors).
 */
export { prepareExercise } from './exercises.ts';

// ---------------------------------------------------------------------------------------------
// Calls and the caller's words

/** A call as the trainee's phone rings with it. Duplicate calls of one incident are calls too. */
export interface TrainingCall {
  /** Its number in the session (0 first). */
  id: number;
  /** When it rang, seconds from the scenario start. */
  time: number;
  /** The incident it reports (the simulation's number; never shown to the trainee). */
  incident: number;
  /** What the caller says, in both languages: no internal ids. */
  words: Bilingual;
  /** What the caller gave, as fields for the form (may be incomplete or wrong, by the difficulty). */
  given: {
    district: Bilingual | null;
    landmark: Bilingual | null;
    people: Bilingual | null;
  };
}

// ---------------------------------------------------------------------------------------------
// The seat

export interface UnitView {
  /** The unit as the trace names it (for answers; not for display). */
  id: string;
  /** Its name, agency and base, for display. */
  label: Bilingual;
  agency: Bilingual;
  tier: 1 | 2 | 3;
}

/** A dispatch decision as the trainee sees it. */
export interface DecisionView {
  decision: DispatchDecision;
  /** The training call of its incident (the first that reported it), if any. */
  call: number | null;
  /** The run card's suggestion, or null when the level hides it. */
  suggestion: DispatchAnswer | null;
  /** Labels of the capabilities and units named in the decision. */
  capabilityLabels: Record<string, Bilingual>;
  units: Record<string, UnitView>;
}

export type TrainingStop =
  /** A call rang (step pace stops here; the trainee picks up and judges it). */
  | { status: 'call'; time: number; call: TrainingCall }
  /** A dispatch decision is open (in "wait" pace the simulation stands still). */
  | { status: 'decision'; time: number; decision: DecisionView }
  /** The time asked for was reached. */
  | { status: 'running'; time: number }
  /** The window is over: `finish` writes the session file. */
  | { status: 'windowEnd'; time: number };

export interface TrainingSessionOptions {
  seed?: number;
  trainee?: { name?: string; id?: string };
  /** The wall clock (ms), for answer times; Date.now by default. */
  wallClock?: () => number;
}

/**
 * A trainee's session. Before the window the built-in dispatcher answers (logged as the
 * exercise's own commands); in the window every assignment comes to the trainee.
 */
export interface TrainingSession {
  readonly prepared: PreparedExercise;
  /** The simulation time, seconds from the scenario start. */
  readonly time: number;
  /** Calls rung so far, in order. */
  readonly calls: readonly TrainingCall[];
  /** The decision open now, if any. */
  readonly openDecision: DecisionView | null;
  /** Runs to the next call or decision, or the window's end. */
  step(): TrainingStop;
  /**
   * Runs until `time` (a paced clock): stops early at a decision (and, with `stopAtCalls`, at a
   * call). The run cannot pass an open decision; in "clock runs" pace the console's clock goes on
   * meanwhile, and the answer, given with `at` = that clock, acts then: the call waited, and the
   * calls that rang meanwhile come next, already ringing for a while.
   */
  advanceTo(time: number, options?: { stopAtCalls?: boolean }): TrainingStop;
  /** The trainee picked up a call (its ring → pick-up time counts). */
  pickUp(call: number): void;
  /** The trainee's triage of a call (警情研判). */
  triage(call: number, judgement: TriageJudgement): void;
  /** The agencies notified for an incident and the approval path chosen (联动通知). */
  linkage(incident: number, agencies: string[], approvalPath: ApprovalPath): void;
  /** A call-back (回访) or the closing (结案) of an incident. */
  note(type: 'callBack' | 'closed', incident: number): void;
  /**
   * Answers the open decision. In "clock runs" pace `at` (≥ the decision's time) is when the
   * answer acts: the call waited until then. Throws, changing nothing, on a unit that cannot go.
   */
  answer(decision: number, answer: DispatchAnswer, options?: { at?: number }): void;
  /**
   * The run's records written since record `from` (0 first), decoded: arrivals, reports,
   * hand-overs… for the console's tracking step (跟踪). Read them all; keep the count.
   */
  recordsSince(from: number): TraceRecord[];
  /** Ends the session (the rest of the run with the built-in dispatcher) and writes its file. */
  finish(): SessionFile;
}

/** Starts a trainee's session on an exercise. */
export { startTraining } from './seat.ts';

// ---------------------------------------------------------------------------------------------
// Reference, session files

/**
 * The reference: the same exercise and seed answered by the built-in dispatcher, as a session
 * file whose log holds the built-in answers (replaying it gives the built-in run's trace).
 */
export { referenceSession } from './file.ts';

/** A session file as text (JSON), ready to save. */
export { exportSessionFile } from './file.ts';

/**
 * Reads a session file and replays it: the file, or why it is rejected (not a session file, a
 * field wrong, another scenario or seed, an edited log or edited judgements).
 */
export { importSessionFile } from './file.ts';

// ---------------------------------------------------------------------------------------------
// The score sheet (考核表)

export type DeductionRule = keyof Scoring['deductions'];

export interface Deduction {
  rule: DeductionRule;
  points: number;
  /** The call it concerns, if one. */
  call: number | null;
  reason: Bilingual;
}

/** The truth of a call, from the simulation. */
export interface CallTruth {
  kind: string;
  kindLabel: Bilingual;
  severity: number;
  channel: 'emergency' | '12345';
  maritime: boolean;
  specialPlan: boolean;
  duplicateOf: number | null;
}

export interface SlotScore {
  slot: number;
  capability: Bilingual;
  trainee: { unit: string; label: Bilingual; arrival: number | null } | null;
  reference: { unit: string; label: Bilingual; arrival: number | null } | null;
}

export interface CallScore {
  call: number;
  incident: number;
  time: number;
  truth: CallTruth;
  /**
   * What the caller gave (要素采集), as the call's form fields had it: the district named (and
   * whether it is the one the incident is in: a caller may name a wrong one), the landmark near
   * the place, how many people; null where the caller did not say.
   */
  given: TrainingCall['given'] & { districtRight: boolean | null };
  /** Ring → pick-up (wall seconds); null when not picked up. */
  answerSeconds: number | null;
  /** Call → first unit ordered out (simulation seconds), trainee's and reference's. */
  dispatchSeconds: number | null;
  referenceDispatchSeconds: number | null;
  /** Decision shown → answered (wall seconds), summed over the call's decisions. */
  decidingSeconds: number | null;
  triage: { judged: TriageJudgement | null; correct: boolean; wrong: Bilingual[] };
  slots: SlotScore[];
  /**
   * Coverage left behind: the districts the trainee's choices left without a free unit of the
   * capability sent (district and capability named), and the reference's in the same situations.
   */
  coverage: { uncovered: Bilingual[]; referenceUncovered: Bilingual[] };
  /** Every unit sent had the capability and its tier was the best available. */
  capabilityRight: boolean;
  procedure: {
    approvals: number;
    handedOver: boolean;
    lateReports: number;
    linkage: { notified: Bilingual[]; needed: Bilingual[]; pathRight: boolean } | null;
  };
  outcome: {
    responseSeconds: number | null;
    referenceResponseSeconds: number | null;
    withinTarget: boolean | null;
    referenceWithinTarget: boolean | null;
    unserved: boolean;
    referenceUnserved: boolean;
  };
  deductions: Deduction[];
}

/** What one decision that differs from the reference cost, by re-simulation. */
export interface DecisionCost {
  decision: number;
  call: number | null;
  incident: number;
  time: number;
  trainee: DispatchAnswer;
  reference: DispatchAnswer;
  /** Trainee's run minus the reference's answer there (built-in after both). */
  delta: {
    /** Added time until every unit sent was on scene, summed over the window's calls (s). */
    responseSeconds: number;
    unservedCalls: number;
    outsideTarget: number;
  };
  /** The delta weighed by the exercise's cost weights (seconds-equivalent). */
  cost: number;
  explanation: Bilingual;
}

export interface ScoreSheet {
  exercise: { id: string; title: Bilingual; level: Level };
  trainee: { name: string; id: string };
  seed: number;
  kind: SessionFile['kind'];
  score: number;
  fullMarks: number;
  overall: {
    calls: number;
    answeredInTimeShare: number | null;
    dispatchedInTimeShare: number | null;
    referenceDispatchedInTimeShare: number | null;
    meanDispatchSeconds: number | null;
    referenceMeanDispatchSeconds: number | null;
    triageCorrectShare: number | null;
    capabilityRightShare: number | null;
    meanResponseSeconds: number | null;
    referenceMeanResponseSeconds: number | null;
    withinTarget: number;
    referenceWithinTarget: number;
    unserved: number;
    referenceUnserved: number;
    /** Choices that left a district without a free unit of the capability sent. */
    coverageLost: number;
    referenceCoverageLost: number;
  };
  calls: CallScore[];
  deductions: Deduction[];
  /** Decisions that differ from the reference, costliest first. */
  costs: DecisionCost[];
  traceDigest: string;
}

/**
 * Scores a session file (replayed; throws on a file `importSessionFile` would reject). Pricing
 * the differing decisions takes two runs each: `onCost(done, total)` reports the progress.
 */
export { scoreSession, type ScoreOptions } from './score.ts';

/** The score sheet as printable text (the CLI's), in one language. */
export { scoreSheetText } from './sheetText.ts';

// ---------------------------------------------------------------------------------------------
// The class

export interface ClassRow {
  trainee: { name: string; id: string };
  exercise: { id: string; title: Bilingual; level: Level };
  seed: number;
  score: number;
  fullMarks: number;
  meanDispatchSeconds: number | null;
  dispatchedInTimeShare: number | null;
  /** The three costliest decisions, in words. */
  costliest: Bilingual[];
}

export interface ClassTable {
  rows: ClassRow[];
  /** Per trainee: scores by exercise in course order (level order, then id), for progress. */
  progress: Array<{
    trainee: { name: string; id: string };
    steps: Array<{ exercise: string; level: Level; score: number }>;
  }>;
}

/** The class table of scored sessions. */
export { classTable } from './classTable.ts';

/** The class table as CSV with a UTF-8 byte-order mark (Excel and WPS read Chinese right). */
export { classTableCsv } from './classTable.ts';
