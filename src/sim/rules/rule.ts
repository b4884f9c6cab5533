/**
 * The seam between the world and the coordination rules. A rule is a module that, when its
 * parameters say it is enabled, installs hooks on the world: the world calls them at fixed
 * points of a run (a call judged, a unit sent, on scene, cleared…). A rule gets its own random
 * stream and keeps its own state; a disabled rule installs nothing and costs nothing.
 *
 * Hooks are called in the registry's order (rules/registry.ts), which is the order of the
 * README's table: rule 1 first.
 */
import { distributionMean } from '../../lib/distributions.ts';
import type { Distribution, DutySchedule, Rules } from '../../scenarios/schema.ts';
import type { Stream } from '../random.ts';
import type { Incident, OrderStep, Unit } from '../world/types.ts';
import type { ReserveSpec } from '../world/roster.ts';
import type { World } from '../world/world.ts';

export interface RuleHooks {
  /** A unit's duty hours when it has no schedule of its own (made once, at the start). */
  duty?(tier: 1 | 2 | 3): DutySchedule;
  /** Mobilisation added to the unit's own, drawn each time it mobilises; null: none. */
  extraMobilisation?(unit: Unit): ((stream: Stream) => number) | null;
  /** A mobilisation that replaces the unit's own (pre-positioned troops), or undefined. */
  mobilisationInstead?(unit: Unit): number | undefined;
  /** A call has come in (before it is judged): draw what the rule needs of it now. */
  callReceived?(incident: Incident): void;
  /** The call is judged; true when the rule takes it out of dispatch (e.g. to 12345). */
  screen?(incident: Incident): boolean;
  /** The incident is judged (grown: again, after it grew one step). */
  incidentJudged?(incident: Incident, grown: boolean): void;
  /** Steps before an order to this unit for this slot reaches it, appended to `steps`. */
  orderSteps?(unit: Unit, incident: Incident, capability: number, steps: OrderStep[]): void;
  /** A speed-up of the unit's drive to the incident: a divisor of its travel time and its cause. */
  speedUp?(unit: Unit, incident: Incident): { factor: number; cause: number } | null;
  /** Not enough units for the incident: it is about to queue or pass to outside help. */
  shortfall?(incident: Incident): void;
  /** The incident came to need more units (growth, grading). */
  slotsAdded?(incident: Incident): void;
  unitArrived?(unit: Unit, incident: Incident): void;
  /** Work may not end before this time (e.g. supplies not yet on scene), and why; null: no limit. */
  clearNotBefore?(unit: Unit, incident: Incident): { time: number; cause: number } | null;
  unitCleared?(unit: Unit, incident: Incident): void;
  /** A unit is back at base and free; true when the rule gave it its next job. */
  unitBack?(unit: Unit): boolean;
  incidentClosed?(incident: Incident): void;
  /** The response level changed (an external command). */
  responseLevelChanged?(level: number): void;
  /** Units of other districts or cities that only this rule sends (made once, at the start). */
  reserves?(): ReserveSpec[];
}

export type HookName = keyof RuleHooks;

/**
 * What a rule module gets: the world, its parameters and its own random streams. `stream`
 * (rule:<id>) is for draws made in an order that is the same in every variant of a scenario
 * (e.g. once per call, as calls come in). A draw that belongs to one incident, unit or slot
 * takes a stream of its own, `streamFor(incident, …)`, so that it stays the same when other
 * rules or other dispatches change the order of events (common random numbers).
 */
export interface RuleContext<P> {
  world: World;
  params: P;
  stream: Stream;
  streamFor(...key: number[]): Stream;
}

/**
 * A rule's behaviour. `install` is called only when the rule is enabled; it returns the hooks
 * the rule needs (and may define the world events it schedules).
 */
export interface RuleModule<K extends keyof Rules> {
  install(context: RuleContext<Rules[K]>): RuleHooks;
}

/** A rule whose effect is read from the trace after the run (e.g. assessment), not a behaviour. */
export interface AnalysisOnly {
  analysisOnly: true;
}

/** A step before an order reaches a unit, drawn from `delay` by the rule's stream. */
export function orderStep(
  world: World,
  rule: keyof Rules,
  cause: number,
  delay: Distribution,
): OrderStep {
  return { cause, mean: distributionMean(delay), draw: world.sampler(delay), rule };
}
