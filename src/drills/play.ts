/**
 * Playing a drill on the simulation: a driver over a Session that submits each step's command
 * through the command door (source `drill`) when its timing comes — at a time after T0, after
 * another step, when a condition on the simulation becomes true (checked event by event), or on
 * a manual release — and releases a contingency inject when an expected action is late.
 * Everything it decides depends on the drill, the scenario, the seed and the release times
 * only: the same inputs give the same trace, byte for byte.
 */
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { Session } from '../sim/session.ts';
import type { Trace } from '../sim/trace.ts';
import { IncidentRecords, measureTime, stepRecords, unitFacts, type UnitFacts } from './measure.ts';
import type { Drill, ExpectedAction, Step } from './schema.ts';
import type {
  ActionResult,
  ContingencyPlay,
  DrillPlay,
  DrillPlayOptions,
  StepPlay,
} from './types.ts';

/** The command id a step's command carries in the trace header (`drill:<step>`). */
export const stepCommandId = (step: string) => `drill:${step}`;
const contingencyCommandId = (action: string) => `drill:${action}:contingency`;

/** The scenario the drill plays on: cut at T0 + horizon, the scenario's listed incidents dropped unless kept. */
export function drillScenario(drill: Drill, scenario: Scenario): Scenario {
  const { start, horizon, keepScenarioIncidents } = drill.clock;
  const duration = start + horizon;
  return {
    ...scenario,
    duration,
    warmup: Math.min(scenario.warmup, start),
    events: scenario.events.filter((event) => event.at < duration),
    arrivals: {
      ...scenario.arrivals,
      incidents: keepScenarioIncidents
        ? scenario.arrivals.incidents.filter((incident) => incident.time < duration)
        : [],
    },
  };
}

interface Watch {
  action: ExpectedAction;
  step: Step;
  /** Scenario seconds at which it is late if not done. */
  deadline: number;
}

export function playDrill(
  drill: Drill,
  scenario: Scenario,
  seed: number,
  options: DrillPlayOptions = {},
): DrillPlay {
  const played = drillScenario(drill, scenario);
  const t0 = drill.clock.start;
  const session = new Session(played, seed);
  const watched = new Set<number>();
  const index = new IncidentRecords(watched);
  const released = new Map<string, { at: number; command: number | null }>();
  const contingencies: ContingencyPlay[] = [];
  let watches: Watch[] = [];
  // Units may be added as the run goes (reserve copies): the facts follow the count.
  let facts: UnitFacts | null = null;
  const factsOf = () => {
    if (!facts || facts.ids.length !== session.unitCount)
      facts = unitFacts(played, session.unitIds, session.unitAgencies);
    return facts;
  };

  const release = (step: Step, at: number) => {
    if (released.has(step.id) || at >= played.duration) return;
    let command: number | null = null;
    if (step.command) {
      command = session.submit(step.command, { source: 'drill', id: stepCommandId(step.id), at });
      watched.add(command);
    }
    released.set(step.id, { at, command });
    for (const action of step.expected) {
      if (!action.contingency || action.what === 'manual') continue;
      const reference = action.from === 'start' ? t0 : at;
      watches.push({ action, step, deadline: reference + action.deadline });
    }
    for (const next of drill.steps) {
      if (next.timing.type === 'after' && next.timing.step === step.id)
        release(next, at + next.timing.delay);
    }
  };

  for (const step of drill.steps) {
    const timing = step.timing;
    if (timing.type === 'at') release(step, t0 + timing.at);
    else if (timing.type === 'manual' && options.releases?.[step.id] !== undefined)
      release(step, t0 + Math.max(0, options.releases[step.id]));
  }

  const recordsOf = (stepId: string) => stepRecords(index, released.get(stepId)?.command ?? null);
  const conditionSteps = drill.steps.filter((s) => s.timing.type === 'when');
  for (;;) {
    const waitingConditions = conditionSteps.filter(
      (s) => !released.has(s.id) && s.timing.type === 'when' && released.has(s.timing.step),
    );
    const watching = waitingConditions.length > 0 || watches.length > 0;
    const result = session.advance(watching ? 1 : Infinity);
    if (result.status === 'decision') throw new Error('a drill plays with the built-in dispatch');
    index.add(session.records);
    const now = session.time;
    for (const step of waitingConditions) {
      if (step.timing.type !== 'when') continue;
      const t = measureTime(
        session.records,
        recordsOf(step.timing.step),
        step.timing.condition,
        factsOf(),
      );
      if (t !== null) release(step, Math.max(now, t + step.timing.delay));
    }
    if (watches.length > 0) {
      const due = watches.filter((w) => w.deadline <= now || result.status === 'finished');
      watches = watches.filter((w) => !due.includes(w));
      for (const { action, step, deadline } of due) {
        const measured = action.incidentOf ?? step.id;
        const t = measureTime(session.records, recordsOf(measured), action, factsOf());
        if (t !== null && t <= deadline) continue;
        if (deadline >= played.duration || result.status === 'finished') continue;
        let command: number | null = null;
        if (action.contingency?.command) {
          command = session.submit(action.contingency.command, {
            source: 'drill',
            id: contingencyCommandId(action.id),
          });
        }
        contingencies.push({ action: action.id, releasedAt: now - t0, command });
      }
    }
    if (result.status === 'finished') break;
  }

  const trace = session.finishTrace();
  const steps: StepPlay[] = drill.steps.map((step) => {
    const entry = released.get(step.id);
    const command = entry?.command ?? null;
    return {
      step: step.id,
      releasedAt: entry ? entry.at - t0 : null,
      command,
      incident: command === null ? null : (index.incidentOfCommand.get(command) ?? null),
    };
  });
  return {
    seed,
    trace,
    commands: session.commandLog.slice() as LoggedCommand[],
    steps,
    contingencies,
    t0,
  };
}

/**
 * The expected actions' results read from a trace alone: the `command` column ties records to
 * each step's command, and so to the incident its call made; `steps` gives the releases.
 */
export function readActions(
  drill: Drill,
  scenario: Scenario,
  play: { trace: Trace; steps: readonly StepPlay[]; t0: number },
): ActionResult[] {
  const { trace, t0 } = play;
  const commands = new Set<number>();
  const commandOfStep = new Map<string, number>();
  const base = trace.header.commands.scenarioEvents + trace.header.commands.listedCalls;
  const stepIds = new Set(drill.steps.map((s) => s.id));
  trace.header.commands.submitted.forEach(({ id, source }, i) => {
    const step = id.slice('drill:'.length);
    if (source !== 'drill' || stepCommandId(step) !== id || !stepIds.has(step)) return;
    commands.add(base + i);
    commandOfStep.set(step, base + i);
  });
  const index = new IncidentRecords(commands);
  index.add(trace);
  const facts = unitFacts(scenario, trace.header.units, trace.header.unitAgencies);
  const releasedAt = new Map(play.steps.map((s) => [s.step, s.releasedAt]));
  const results: ActionResult[] = [];
  for (const step of drill.steps) {
    const release = releasedAt.get(step.id) ?? null;
    for (const action of step.expected) {
      const measured = action.incidentOf ?? step.id;
      const records = stepRecords(index, commandOfStep.get(measured) ?? null);
      const reference = action.from === 'start' ? 0 : release;
      const t = release === null ? null : measureTime(trace, records, action, facts);
      const seconds = t === null || reference === null ? null : t - t0 - reference;
      results.push({
        action: action.id,
        step: step.id,
        seconds,
        met: seconds !== null && seconds <= action.deadline,
      });
    }
  }
  return results;
}
