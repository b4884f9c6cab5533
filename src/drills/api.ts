/**
 * The drill functions the app and the CLI call (one set, so that both give the same figures to
 * the bit). Everything here is pure: data in, data out; the heavy part (`simulateDrillOnce`)
 * runs in a worker pool in the app, one seed per call.
 *
 * The flow: loadDrill → (simulateDrillOnce per seed → aggregatePrediction) = predictDrill →
 * parseDrillLogCsv (or a log recorded in the console) → evaluateDrill; drillCalendar for the year.
 *
 * - `loadDrill(text, lang, resolve)` / `loadDrillData(data, lang, resolve)`: every problem with
 *   its path in the user's language, cross-checked against the scenario; `resolve` gives a
 *   built-in scenario by id (the CLI passes the built-ins; the app, the one it has loaded — see
 *   `drillScenarioRef`).
 * - `drillScenario(drill, scenario)`: the scenario the drill plays on (cut at T0 + horizon; the
 *   scenario's listed incidents dropped unless `clock.keepScenarioIncidents`).
 * - `playDrill(drill, scenario, seed, {releases})`: a session driven by the script; each step's
 *   command goes through the command door (source `drill`, id `drill:<step>`); returns the trace,
 *   the command log and the step → command/incident mapping. Deterministic.
 * - `readActions(drill, scenario, play)`: the expected actions' results from the trace alone.
 * - `simulateDrillOnce(drill, scenario, seed)`: one seed, as a small serialisable outcome.
 * - `aggregatePrediction(drill, scenario, outcomes)`: per step and expected action median, P10,
 *   P90 and the probability of meeting the standard; duration; dead air; overload; feasibility
 *   flags; coverage. Outcomes in any order give the same figures.
 * - `predictDrill(drill, scenario, seeds)`: both, in one loop.
 * - `parseDrillLogCsv(text, drill, lang)`: the 记录表 (CSV), errors by line.
 * - `priceRemedies(drill, scenarioDoc, prediction, lang)`: each remedy's variant re-predicted.
 * - `evaluateDrill(drill, scenario, log, prediction, lang, effects)`: deviation table, scores,
 *   draft 总结报告, 问题整改清单.
 * - `drillCalendar(entries)`: the year's coverage, stale agencies and rules, trends.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { aggregatePrediction } from './aggregate.ts';
import { simulateDrillOnce } from './outcome.ts';
import type { Drill } from './schema.ts';
import type { DrillPlayOptions, DrillPrediction } from './types.ts';

export type * from './types.ts';
export type {
  Drill,
  DrillInput,
  Step,
  ExpectedAction,
  Objective,
  Remedy,
  Measure,
  DrillCommand,
  Timing,
} from './schema.ts';
export { Drill as DrillSchema, DRILL_FORMAT, DRILL_FORMAT_VERSION } from './schema.ts';
export { loadDrill, loadDrillData, drillScenarioRef } from './load.ts';
export { drillScenario, playDrill, readActions, stepCommandId } from './play.ts';
export { simulateDrillOnce, outcomeOf } from './outcome.ts';
export { aggregatePrediction } from './aggregate.ts';
export { quantile } from '../sim/analysis/metrics.ts';
export { parseDrillLogCsv, parseClock } from './log.ts';
export { evaluateDrill, plannedRelease } from './evaluate.ts';
export { priceRemedies, priceRemediesWithProblems } from './remedies.ts';
export { drillCalendar, halfYearOf } from './calendar.ts';

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
  const outcomes = seeds.map((seed) => simulateDrillOnce(drill, scenario, seed, options));
  return aggregatePrediction(drill, scenario, outcomes);
}

export { describeFlag, actionText, stepTitle, unitName } from './describe.ts';
export {
  MODE_LABELS,
  SCOPE_LABELS,
  PURPOSE_LABELS,
  ROLE_LABELS,
  METHOD_LABELS,
  GRADE_LABELS,
  agencyName,
  clock,
  span,
  gradeOf,
} from './labels.ts';
export { BUILTIN_DRILLS, builtinDrill, type BuiltinDrill } from './builtin/index.ts';
