/**
 * One seed of a drill's prediction: the drill played, and its trace reduced to a small
 * serialisable outcome — the expected actions' times, the steps' releases and ends, the
 * participants' activity (for dead air), saturated agencies and queued calls (for overload),
 * and units sent to two steps at once. A worker sends it back instead of the trace.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { RecordKind, type Trace } from '../sim/trace.ts';
import { playDrill, readActions } from './play.ts';
import type { Drill } from './schema.ts';
import type { DrillOutcome, DrillPlay, DrillPlayOptions, Gap } from './types.ts';

export function simulateDrillOnce(
  drill: Drill,
  scenario: Scenario,
  seed: number,
  options: DrillPlayOptions = {},
): DrillOutcome {
  const play = playDrill(drill, scenario, seed, options);
  return outcomeOf(drill, scenario, play);
}

/** The outcome of a played drill (its trace read once). */
export function outcomeOf(drill: Drill, scenario: Scenario, play: DrillPlay): DrillOutcome {
  const { trace, t0 } = play;
  const actions = readActions(drill, scenario, play);
  const stepOfIncident = new Map<number, string>();
  const stepOfCommand = new Map<number, string>();
  for (const s of play.steps) {
    if (s.incident !== null) stepOfIncident.set(s.incident, s.step);
    if (s.command !== null) stepOfCommand.set(s.command, s.step);
  }
  const closedAt = new Map<string, number>();
  const activity: number[] = [];
  for (const s of play.steps) if (s.releasedAt !== null) activity.push(s.releasedAt);
  for (const c of play.contingencies) activity.push(c.releasedAt);
  const unitsOfStep = new Map<string, Set<number>>();
  for (let i = 0; i < trace.length; i++) {
    const step =
      stepOfIncident.get(trace.incident[i]) ??
      (trace.incident[i] < 0 ? stepOfCommand.get(trace.command[i]) : undefined);
    if (step === undefined) continue;
    const t = trace.time[i] - t0;
    activity.push(t);
    if (trace.kind[i] === RecordKind.closed) closedAt.set(step, t);
    if (trace.kind[i] === RecordKind.dispatched) {
      let units = unitsOfStep.get(step);
      if (!units) unitsOfStep.set(step, (units = new Set()));
      units.add(trace.unit[i]);
    }
  }
  activity.sort((a, b) => a - b);
  const end = activity.length > 0 ? activity[activity.length - 1] : 0;
  const deadAir: Gap[] = [];
  let last = 0;
  for (const t of activity) {
    if (t - last > drill.clock.deadAir) deadAir.push({ from: last, to: t });
    last = Math.max(last, t);
  }

  const steps = play.steps.map((s) => ({
    step: s.step,
    releasedAt: s.releasedAt,
    closedAt: closedAt.get(s.step) ?? null,
  }));
  const agencies = trace.header.unitAgencies;
  const agenciesByStep = [...unitsOfStep].map(([step, units]) => ({
    step,
    agencies: [...new Set([...units].map((u) => agencies[u]))].sort(),
  }));
  return {
    seed: play.seed,
    steps,
    actions,
    end,
    deadAir,
    saturated: saturation(trace, t0, t0 + Math.max(end, 1)),
    queued: countQueued(trace, t0, t0 + end),
    doubleBooked: doubleBooked(steps, unitsOfStep, trace.header.units),
    agenciesByStep,
  };
}

/** Agencies with fewer units are not counted as saturated when their units are out. */
const MIN_UNITS_FOR_SATURATION = 2;

/** Per agency, the seconds within [from, to] during which every one of its units was busy. */
function saturation(trace: Trace, from: number, to: number) {
  const agencies = trace.header.unitAgencies;
  const total = new Map<string, number>();
  for (const a of agencies) total.set(a, (total.get(a) ?? 0) + 1);
  // An agency with one unit is "all busy" whenever it works: saturation means more than that.
  for (const [agency, count] of total)
    if (count < MIN_UNITS_FOR_SATURATION) total.set(agency, Infinity);
  const busy = new Map<string, number>();
  const busyUnits = new Set<number>();
  const seconds = new Map<string, number>();
  let previous = from;
  const accumulate = (until: number) => {
    const start = Math.max(previous, from);
    const end = Math.min(until, to);
    if (end > start) {
      for (const [agency, count] of busy) {
        if (count >= (total.get(agency) ?? Infinity))
          seconds.set(agency, (seconds.get(agency) ?? 0) + end - start);
      }
    }
    previous = Math.max(previous, until);
  };
  for (let i = 0; i < trace.length && trace.time[i] <= to; i++) {
    const kind = trace.kind[i];
    const unit = trace.unit[i];
    if (unit < 0) continue;
    const starts = kind === RecordKind.dispatched || kind === RecordKind.outOfService;
    const ends = kind === RecordKind.available || kind === RecordKind.inService;
    if (!starts && !ends) continue;
    accumulate(trace.time[i]);
    const agency = agencies[unit];
    if (starts && !busyUnits.has(unit)) {
      busyUnits.add(unit);
      busy.set(agency, (busy.get(agency) ?? 0) + 1);
    } else if (ends && busyUnits.has(unit)) {
      busyUnits.delete(unit);
      busy.set(agency, (busy.get(agency) ?? 0) - 1);
    }
  }
  accumulate(to);
  return [...seconds]
    .filter(([, s]) => s > 0)
    .map(([agency, s]) => ({ agency, seconds: s }))
    .sort((a, b) => a.agency.localeCompare(b.agency));
}

function countQueued(trace: Trace, from: number, to: number): number {
  let count = 0;
  for (let i = 0; i < trace.length; i++) {
    const t = trace.time[i];
    if (t >= from && t <= to && trace.kind[i] === RecordKind.queued) count++;
  }
  return count;
}

/** Units sent to the incidents of two steps whose work (release to close) overlapped. */
function doubleBooked(
  steps: DrillOutcome['steps'],
  unitsOfStep: ReadonlyMap<string, ReadonlySet<number>>,
  unitIds: readonly string[],
): DrillOutcome['doubleBooked'] {
  const found: DrillOutcome['doubleBooked'] = [];
  for (let a = 0; a < steps.length; a++) {
    for (let b = a + 1; b < steps.length; b++) {
      const first = steps[a];
      const second = steps[b];
      if (first.releasedAt === null || second.releasedAt === null) continue;
      const firstEnd = first.closedAt ?? Infinity;
      const secondEnd = second.closedAt ?? Infinity;
      const overlap = first.releasedAt < secondEnd && second.releasedAt < firstEnd;
      if (!overlap) continue;
      const units = unitsOfStep.get(first.step);
      for (const unit of unitsOfStep.get(second.step) ?? []) {
        if (units?.has(unit)) found.push({ unit: unitIds[unit], steps: [first.step, second.step] });
      }
    }
  }
  return found;
}
