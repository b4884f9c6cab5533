/* eslint-disable @typescript-eslint/no-unused-expressions -- stubs of the first commit only */
/**
 * The drill functions the app and the CLI call (one set, so that both give the same figures to
 * the bit). Everything here is pure: data in, data out; the heavy parts (`simulateDrillOnce`)
 * run in a worker pool in the app, one seed per call.
 *
 * The flow: loadDrill → (simulateDrillOnce per seed → aggregatePrediction) = predictDrill →
 * parseDrillLogCsv (or a log recorded in the console) → evaluateDrill; drillCalendar for the year.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { ScenarioDoc } from '../scenarios/variants.ts';
import type { Drill, Remedy } from './schema.ts';
import type {
  ActionResult,
  CalendarEntry,
  DrillCalendar,
  DrillEvaluation,
  DrillLoadResult,
  DrillLog,
  DrillOutcome,
  DrillPlay,
  DrillPlayOptions,
  DrillPrediction,
  Language,
  LogParseResult,
  ScenarioResolver,
} from './types.ts';

export type * from './types.ts';
export type { Drill, DrillInput, Step, ExpectedAction, Objective, Remedy } from './schema.ts';

/**
 * Parses and checks drill text (a .json file): every problem with its path, in the user's
 * language, including cross-checks against its scenario (unknown agency, kind, district, unit,
 * phase, step or objective; `after` cycles). `resolve` gives a built-in scenario by id (the
 * CLI passes the built-ins; the app, the one it has loaded — see `drillScenarioRef`).
 */
export function loadDrill(
  text: string,
  lang: Language,
  resolve: ScenarioResolver,
): DrillLoadResult {
  (void text, lang, resolve);
  throw new Error('not yet');
}

/** As loadDrill, for already-parsed data (e.g. the editor's document). */
export function loadDrillData(
  data: unknown,
  lang: Language,
  resolve: ScenarioResolver,
): DrillLoadResult {
  (void data, lang, resolve);
  throw new Error('not yet');
}

/** The built-in scenario id a drill document names, so the app can load it first (null: embedded or none). */
export function drillScenarioRef(data: unknown): string | null {
  void [data];
  throw new Error('not yet');
}

/** The scenario the drill plays on: cut at T0 + horizon, the scenario's listed incidents dropped unless kept. */
export function drillScenario(drill: Drill, scenario: Scenario): Scenario {
  (void drill, scenario);
  throw new Error('not yet');
}

/**
 * Plays the drill on a session with the scenario's built-in dispatch: each step's command goes
 * through the command door (source `drill`, id `drill:<step>`) when its timing comes; conditions
 * are checked event by event. Same drill, scenario, seed and options ⇒ same trace, byte for byte.
 */
export function playDrill(
  drill: Drill,
  scenario: Scenario,
  seed: number,
  options?: DrillPlayOptions,
): DrillPlay {
  (void drill, scenario, seed, options);
  throw new Error('not yet');
}

/**
 * The expected actions' results read from a trace alone: the `command` column ties the records
 * to each step's command (and so to its incident); the step releases come from `play.steps`.
 */
export function readActions(
  drill: Drill,
  scenario: Scenario,
  play: Pick<DrillPlay, 'trace' | 'steps' | 't0'>,
): ActionResult[] {
  (void drill, scenario, play);
  throw new Error('not yet');
}

/** One seed of the prediction, reduced to a small serialisable outcome (for the worker pool). */
export function simulateDrillOnce(
  drill: Drill,
  scenario: Scenario,
  seed: number,
  options?: DrillPlayOptions,
): DrillOutcome {
  (void drill, scenario, seed, options);
  throw new Error('not yet');
}

/**
 * The prediction from the outcomes of several seeds (in any order; sorted by seed here, so a pool
 * gives the same figures as one loop): per step and expected action median, P10, P90 and the
 * probability of meeting the standard; total duration; dead air; overload; feasibility flags
 * with their reasons; the objective × agency × step coverage.
 */
export function aggregatePrediction(
  drill: Drill,
  scenario: Scenario,
  outcomes: readonly DrillOutcome[],
): DrillPrediction {
  (void drill, scenario, outcomes);
  throw new Error('not yet');
}

/** The seeds of a prediction: `first`, `first + 1`, … (`replications` of them). */
export function predictionSeeds(first: number, replications: number): number[] {
  return Array.from({ length: replications }, (_, i) => first + i);
}

/** simulateDrillOnce over the seeds, then aggregatePrediction. */
export function predictDrill(
  drill: Drill,
  scenario: Scenario,
  seeds: readonly number[],
  options?: DrillPlayOptions,
): DrillPrediction {
  (void drill, scenario, seeds, options);
  throw new Error('not yet');
}

/**
 * Reads a 记录表 exported as CSV (from Excel/WPS; UTF-8, with or without BOM; comma, semicolon or
 * tab): columns 时间/time (T+mm:ss, hh:mm:ss or seconds), 类型/type (下达/release, 行动/action,
 * 暂停/pause, 恢复/resume, 备注/note), 编号/id (step or action id), 说明/note, 记录人/recorder; other
 * columns (the pre-printed planned and predicted times) are ignored. Errors name the line.
 */
export function parseDrillLogCsv(text: string, drill: Drill, lang: Language): LogParseResult {
  (void text, drill, lang);
  throw new Error('not yet');
}

/** The predicted effect of each of the drill's remedies (its variant applied to the scenario document). */
export interface RemedyEffect {
  remedy: string;
  action: string;
  before: { probability: number; median: number | null };
  after: { probability: number; median: number | null };
}

/** Re-runs the prediction on each remedy's scenario variant (same seeds: common random numbers). */
export function priceRemedies(
  drill: Drill,
  scenarioDoc: ScenarioDoc,
  base: DrillPrediction,
  lang: Language,
): RemedyEffect[] {
  (void drill, scenarioDoc, base, lang);
  throw new Error('not yet');
}

/**
 * The live drill against its standards and the prediction: deviation table, evaluation sheet
 * pre-filled (score or 优/良/中/差), the draft 总结报告 and the 问题整改清单 (with each remedy's
 * predicted effect when `effects` are given).
 */
export function evaluateDrill(
  drill: Drill,
  scenario: Scenario,
  log: DrillLog,
  prediction: DrillPrediction | null,
  lang: Language,
  effects?: readonly RemedyEffect[],
): DrillEvaluation {
  (void drill, scenario, log, prediction, lang, effects);
  throw new Error('not yet');
}

/** The year's drills: coverage of agencies, tiers, rules and objectives, stale ones flagged, and trends. */
export function drillCalendar(entries: readonly CalendarEntry[]): DrillCalendar {
  void [entries];
  throw new Error('not yet');
}

export type { Remedy as DrillRemedy };
