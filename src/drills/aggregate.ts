/**
 * A drill's prediction from the outcomes of several seeds: per step and expected action the
 * median, P10 and P90 of the time and the probability of meeting the standard; the predicted
 * total duration; dead air; overload; the feasibility flags, each with its reason; the
 * objective × agency × step coverage. Outcomes are sorted by seed first, so a worker pool that
 * returns them in any order gives the same figures as one loop, to the bit.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { quantile } from '../sim/analysis/metrics.ts';
import { plannedRelease } from './evaluate.ts';
import { FastestUnits } from './feasibility.ts';
import type { Drill } from './schema.ts';
import type {
  ActionPrediction,
  CoverageCell,
  DrillOutcome,
  DrillPrediction,
  FeasibilityFlag,
  Spread,
  StepPrediction,
} from './types.ts';

export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9) };
}

const ZERO: Spread = { median: 0, p10: 0, p90: 0 };
/** Share of runs an action must fail in for a unit double-booking to be flagged. */
const DOUBLE_BOOKED_SHARE = 0.1;

export function aggregatePrediction(
  drill: Drill,
  scenario: Scenario,
  unsorted: readonly DrillOutcome[],
): DrillPrediction {
  const outcomes = unsorted.slice().sort((a, b) => a.seed - b.seed);
  const n = Math.max(outcomes.length, 1);

  const steps: StepPrediction[] = drill.steps.map((step, i) => {
    const released = outcomes.map((o) => o.steps[i]?.releasedAt).filter((t) => t != null);
    const closed = outcomes.map((o) => o.steps[i]?.closedAt).filter((t) => t != null);
    return {
      step: step.id,
      releasedAt: spread(released),
      closedAt: spread(closed),
      released: released.length / n,
    };
  });

  const actions: ActionPrediction[] = [];
  let k = 0;
  for (const step of drill.steps) {
    for (const action of step.expected) {
      const results = outcomes.map((o) => o.actions[k]);
      const done = results.filter((r) => r && r.seconds !== null).map((r) => r.seconds as number);
      actions.push({
        action: action.id,
        step: step.id,
        deadline: action.deadline,
        seconds: spread(done),
        probability: results.filter((r) => r?.met).length / n,
        happened: done.length / n,
        manual: action.what === 'manual',
      });
      k++;
    }
  }

  const longest = outcomes.map((o) => Math.max(0, ...o.deadAir.map((g) => g.to - g.from)));
  const longestSpread = spread(longest) ?? ZERO;
  // The gaps of the run whose longest gap is the median one: a typical picture, not a blend.
  const typical = outcomes
    .map((o, i) => ({ o, l: longest[i] }))
    .sort((a, b) => a.l - b.l || a.o.seed - b.o.seed)[Math.floor((outcomes.length - 1) / 2)];

  const agencies = [...new Set(outcomes.flatMap((o) => o.saturated.map((s) => s.agency)))].sort();
  const saturated = agencies.map((agency) => {
    const seconds = outcomes.map((o) => o.saturated.find((s) => s.agency === agency)?.seconds ?? 0);
    return {
      agency,
      share: seconds.filter((s) => s > 0).length / n,
      seconds: spread(seconds) ?? ZERO,
    };
  });

  return {
    drill: drill.id,
    seeds: outcomes.map((o) => o.seed),
    steps,
    actions,
    duration: spread(outcomes.map((o) => o.end)) ?? ZERO,
    plannedDuration: drill.steps.reduce((sum, s) => sum + s.duration, 0),
    deadAir: {
      share: longest.filter((l) => l > 0).length / n,
      longest: longestSpread,
      gaps: typical ? typical.o.deadAir : [],
    },
    overload: { saturated, queued: spread(outcomes.map((o) => o.queued)) ?? ZERO },
    flags: feasibilityFlags(drill, scenario, outcomes, actions),
    coverage: coverage(drill, outcomes),
  };
}

function feasibilityFlags(
  drill: Drill,
  scenario: Scenario,
  outcomes: readonly DrillOutcome[],
  predicted: readonly ActionPrediction[],
): FeasibilityFlag[] {
  const flags: FeasibilityFlag[] = [];
  const n = Math.max(outcomes.length, 1);
  let fastest: FastestUnits | null = null;
  let k = 0;
  for (const step of drill.steps) {
    for (const action of step.expected) {
      const prediction = predicted[k++];
      if (action.what === 'manual') continue;
      const measured = drill.steps.find((s) => s.id === (action.incidentOf ?? step.id));
      const command = measured?.command;
      let bound: { seconds: number | null; unit: string | null } = { seconds: null, unit: null };
      const travelled =
        action.what === 'firstArrival' ||
        action.what === 'arrivals' ||
        action.what === 'dispatched';
      const located = travelled && command?.type === 'call' && command.location !== undefined;
      // The call's planned time (speeds vary by hour); a deadline from T0 includes it.
      const planned = measured ? plannedRelease(drill, measured) : null;
      if (located && command?.type === 'call' && command.location && planned !== null) {
        fastest ??= new FastestUnits(scenario);
        bound = fastest.fastest(
          action,
          command.location,
          command.district,
          drill.clock.start + planned,
        );
        if (bound.seconds !== null && action.from === 'start') {
          const own = plannedRelease(drill, step);
          bound.seconds += own === null ? planned : planned - own;
        }
      }
      const tooFar = bound.seconds !== null && bound.seconds > action.deadline;
      const noUnit = located && planned !== null && bound.unit === null;
      // A step the prediction never released (manual, no release time) says nothing of its actions.
      const stepIndex = drill.steps.indexOf(step);
      const released = outcomes.some((o) => o.steps[stepIndex]?.releasedAt != null);
      const neverMet = released && prediction.probability === 0;
      if (tooFar || noUnit || neverMet) {
        flags.push({
          kind: 'cannotMeetDeadline',
          step: step.id,
          action: action.id,
          fastestSeconds: bound.seconds,
          unit: bound.unit,
          deadline: action.deadline,
          probability: prediction.probability,
        });
      }
    }
  }

  const involved = new Set<string>();
  for (const step of drill.steps) {
    step.inject.to.forEach((a) => involved.add(a));
    for (const action of step.expected) if (action.agency) involved.add(action.agency);
  }
  for (const o of outcomes)
    for (const s of o.agenciesByStep) s.agencies.forEach((a) => involved.add(a));
  for (const participant of drill.participants) {
    const acting = participant.roles.some(
      (r) => r === 'play' || r === 'simulate' || r === 'support',
    );
    if (acting && !involved.has(participant.agency))
      flags.push({ kind: 'agencyWithoutRole', agency: participant.agency });
  }

  const served = new Set(drill.steps.flatMap((s) => s.expected.map((a) => a.objective)));
  for (const objective of drill.objectives) {
    if (!served.has(objective.id))
      flags.push({ kind: 'objectiveUnexercised', objective: objective.id });
  }

  const pairs = new Map<string, { unit: string; steps: [string, string]; runs: number }>();
  for (const o of outcomes) {
    const seen = new Set<string>();
    for (const d of o.doubleBooked) {
      const key = `${d.unit}|${d.steps.join('|')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = pairs.get(key) ?? { unit: d.unit, steps: d.steps, runs: 0 };
      entry.runs++;
      pairs.set(key, entry);
    }
  }
  for (const entry of [...pairs.values()].sort(
    (a, b) => b.runs - a.runs || a.unit.localeCompare(b.unit),
  )) {
    const share = entry.runs / n;
    if (share >= DOUBLE_BOOKED_SHARE)
      flags.push({ kind: 'unitDoubleBooked', unit: entry.unit, steps: entry.steps, share });
  }
  return flags;
}

function coverage(drill: Drill, outcomes: readonly DrillOutcome[]): CoverageCell[] {
  const n = Math.max(outcomes.length, 1);
  const cells: CoverageCell[] = [];
  for (const step of drill.steps) {
    const dispatchedShare = (agency: string, measured: string) =>
      outcomes.filter((o) =>
        o.agenciesByStep.some((s) => s.step === measured && s.agencies.includes(agency)),
      ).length / n;
    const byKey = new Map<string, CoverageCell>();
    const add = (objective: string | null, agency: string, actions: number, measured = step.id) => {
      const key = `${objective ?? ''}|${agency}`;
      const cell = byKey.get(key);
      if (cell) cell.actions += actions;
      else
        byKey.set(key, {
          objective,
          agency,
          step: step.id,
          actions,
          dispatched: dispatchedShare(agency, measured),
        });
    };
    for (const action of step.expected) {
      if (action.agency)
        add(action.objective ?? null, action.agency, 1, action.incidentOf ?? step.id);
    }
    const named = new Set([...byKey.values()].map((c) => c.agency));
    const others = new Set([
      ...step.inject.to,
      ...outcomes.flatMap((o) => o.agenciesByStep.find((s) => s.step === step.id)?.agencies ?? []),
    ]);
    for (const agency of [...others].sort()) if (!named.has(agency)) add(null, agency, 0);
    cells.push(...byKey.values());
  }
  return cells;
}
