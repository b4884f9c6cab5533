/**
 * The trainee's seat: a session of the exercise's scenario with the "ask" policy. Before the
 * window the built-in dispatcher answers (logged as the exercise's own answers); in the window
 * every assignment comes to the trainee, and the calls ring as the run reaches them; after the
 * window `finish` lets the built-in dispatcher serve what is left and writes the session file.
 *
 * Pace: in "wait" the run stands still while a decision is open. In "clock runs" it stands still
 * too (a run cannot go on past an open decision), but the answer acts at the simulation time it
 * was given (`answer(…, { at })`): the call waited that long, and calls that rang meanwhile come
 * after it, already ringing for a while.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { DispatchAnswer, DispatchDecision } from '../sim/dispatch/policy.ts';
import { rosterOf, Session } from '../sim/session.ts';
import type {
  Bilingual,
  DecisionView,
  TrainingCall,
  TrainingSession,
  TrainingSessionOptions,
  TrainingStop,
  UnitView,
  PreparedExercise,
} from './api.ts';
import { windowCalls } from './caller.ts';
import { prepareExercise } from './exercises.ts';
import { sealSession } from './file.ts';
import { capabilityLabel } from './messages.ts';
import { referenceRun } from './reference.ts';
import type {
  Annotation,
  ApprovalPath,
  Exercise,
  SessionFile,
  Stamp,
  TriageJudgement,
} from './schema.ts';
import { TriageJudgement as TriageSchema } from './schema.ts';
import { traceDigest } from '../sim/trace.ts';

export function startTraining(
  exercise: Exercise,
  options: TrainingSessionOptions = {},
): TrainingSession {
  return new Seat(prepareExercise(exercise, options.seed ?? exercise.seed), options);
}

/** Unit labels of a scenario: name (or agency) and copy, agency and tier. */
export function unitViews(scenario: Scenario): Map<string, UnitView> {
  const views = new Map<string, UnitView>();
  for (const unit of rosterOf(scenario)) {
    const spec = scenario.units.find((u) => u.id === unit.spec);
    const agency = scenario.agencies.find((a) => a.id === spec?.agency);
    const base = scenario.bases.find((b) => b.id === spec?.base);
    const name = spec?.name || agency?.name || '';
    const agencyEn = agency?.nameEn || agency?.name || '';
    const copy = unit.copy > 1 ? ` ${unit.copy}` : '';
    const zh = unit.reserve
      ? `增援力量${copy}${agency?.name ? `（${agency.name}）` : ''}`
      : `${name}${copy}${base?.name && !name.includes(base.name) ? `（${base.name}）` : ''}`;
    // In English: the unit's English name, else its agency's with the Chinese name after it.
    const en = unit.reserve
      ? `reinforcement${copy}${agencyEn ? ` (${agencyEn})` : ''}`
      : spec?.nameEn
        ? `${spec.nameEn}${copy}`
        : agency?.nameEn && name
          ? `${agency.nameEn}: ${name}${copy}`
          : zh;
    views.set(unit.id, {
      id: unit.id,
      label: { zh: zh || '力量', en: en || 'unit' },
      agency: { zh: agency?.name || agencyEn, en: agencyEn },
      tier: agency?.tier ?? 1,
    });
  }
  return views;
}

/** A decision the trainee makes: in the window, for an incident called in the window. */
export function isTraineeDecision(
  decision: DispatchDecision,
  window: PreparedExercise['window'],
  callTimes: readonly number[],
): boolean {
  const called = callTimes[decision.incident] ?? decision.time;
  return decision.time >= window.start && decision.time < window.end && called >= window.start;
}

class Seat implements TrainingSession {
  readonly calls: TrainingCall[] = [];
  private readonly session: Session;
  private readonly allCalls: TrainingCall[];
  private readonly unitsById: Map<string, UnitView>;
  private readonly wall: () => number;
  private readonly annotations: Annotation[] = [];
  private readonly stamps: Stamp[] = [];
  private readonly shownAt = new Map<string, number>();
  /** Calls rung and not yet returned as a stop. */
  private readonly ringing: TrainingCall[] = [];
  private readonly startedAt: string;
  /** When each incident was called (the reference's: the same incidents in every run). */
  private readonly callTimes: number[];

  constructor(
    readonly prepared: PreparedExercise,
    private readonly options: TrainingSessionOptions,
  ) {
    const reference = referenceRun(prepared);
    const { scenario, seed, window, exercise } = prepared;
    this.callTimes = reference.outcomes.map((o) => o.time);
    this.allCalls = windowCalls(scenario, seed, window, exercise.difficulty, reference.outcomes);
    this.unitsById = unitViews(scenario);
    this.session = new Session(scenario, seed, { policy: 'ask' });
    this.wall = options.wallClock ?? Date.now;
    this.startedAt = new Date(this.wall()).toISOString();
  }

  get time(): number {
    return this.session.time;
  }

  get openDecision(): DecisionView | null {
    const decision = this.session.decision;
    return decision && this.inWindow(decision) ? this.view() : null;
  }

  step(): TrainingStop {
    return this.run(Infinity, true);
  }

  advanceTo(time: number, { stopAtCalls = false } = {}): TrainingStop {
    return this.run(time, stopAtCalls);
  }

  /**
   * Whether a decision is the trainee's: made in the window, for a call of the window (calls
   * before the window are the previous shift's, and the built-in dispatcher answers for them).
   */
  private inWindow(decision: DispatchDecision): boolean {
    return isTraineeDecision(decision, this.prepared.window, this.callTimes);
  }

  private run(until: number, stopAtCalls: boolean): TrainingStop {
    const session = this.session;
    const end = this.prepared.window.end;
    for (;;) {
      if (stopAtCalls && this.ringing.length > 0) {
        const call = this.ringing.shift()!;
        return { status: 'call', time: call.time, call };
      }
      const decision = session.decision;
      if (decision) {
        if (this.inWindow(decision)) {
          this.shown('decision', decision.number);
          return { status: 'decision', time: session.time, decision: this.view() };
        }
        this.autoAnswer();
        continue;
      }
      const next = session.nextEventTime;
      const nextCall = this.allCalls[this.calls.length];
      if (nextCall && nextCall.time <= next && nextCall.time <= until) {
        this.calls.push(nextCall);
        this.shown('call', nextCall.id);
        if (stopAtCalls) this.ringing.push(nextCall);
        continue;
      }
      if (next >= end || next === Infinity) {
        this.ringing.length = 0;
        return { status: 'windowEnd', time: end };
      }
      if (next > until) return { status: 'running', time: until };
      session.advance(1);
    }
  }

  private shown(what: Stamp['what'], number: number): void {
    const key = `${what}:${number}`;
    if (!this.shownAt.has(key)) this.shownAt.set(key, this.wall());
  }

  private autoAnswer(): void {
    const decision = this.session.decision!;
    this.session.submit(
      { type: 'dispatch', decision: decision.number, answer: decision.proposal },
      { source: 'drill', id: `auto-${decision.number}` },
    );
  }

  private view(): DecisionView {
    const decision = this.session.decision!;
    const capabilityLabels: Record<string, Bilingual> = {};
    const units: Record<string, UnitView> = {};
    for (const slot of decision.slots) {
      capabilityLabels[slot.capability] = capabilityLabel(slot.capability);
      for (const c of slot.candidates) {
        const view = this.unitsById.get(c.unit);
        if (view) units[c.unit] = view;
      }
    }
    const call = this.allCalls.find((c) => c.incident === decision.incident);
    return {
      decision,
      call: call ? call.id : null,
      suggestion:
        this.prepared.exercise.difficulty.suggestion === 'shown' ? decision.proposal : null,
      capabilityLabels,
      units,
    };
  }

  recordsSince(from: number) {
    return this.session.recordsSince(from);
  }

  pickUp(call: number): void {
    this.stamp('call', call);
  }

  private stamp(what: Stamp['what'], number: number): void {
    if (this.stamps.some((s) => s.what === what && s.number === number)) return;
    const doneAt = this.wall();
    this.stamps.push({
      what,
      number,
      shownAt: this.shownAt.get(`${what}:${number}`) ?? doneAt,
      doneAt,
    });
  }

  triage(call: number, judgement: TriageJudgement): void {
    const rung = this.calls.find((c) => c.id === call);
    if (!rung) throw new Error(`call ${call} has not rung`);
    this.annotations.push({
      type: 'triage',
      call,
      at: this.session.time,
      judgement: TriageSchema.parse(judgement),
    });
  }

  linkage(incident: number, agencies: string[], approvalPath: ApprovalPath): void {
    this.annotations.push({
      type: 'linkage',
      incident,
      at: this.session.time,
      agencies: [...agencies],
      approvalPath,
    });
  }

  note(type: 'callBack' | 'closed', incident: number): void {
    this.annotations.push({ type, incident, at: this.session.time });
  }

  answer(decision: number, answer: DispatchAnswer, { at }: { at?: number } = {}): void {
    const open = this.session.decision;
    if (!open || open.number !== decision) throw new Error(`decision ${decision} is not open`);
    const late = this.prepared.exercise.pace.whileDeciding === 'clockRuns' ? at : undefined;
    this.session.submit(
      { type: 'dispatch', decision, answer: answer.map((a) => ({ ...a })) },
      { source: 'operator', id: `answer-${decision}`, at: late },
    );
    this.stamp('decision', decision);
  }

  finish(): SessionFile {
    const session = this.session;
    // Decisions of the window the trainee did not come to stay unanswered (their slots wait);
    // after the window the built-in dispatcher serves what is left.
    for (let r = session.advance(); r.status !== 'finished'; r = session.advance()) {
      if (r.status !== 'decision') continue;
      if (this.inWindow(r.decision)) {
        const open = r.decision.slots.map(({ slot }) => ({ slot, unit: null }));
        session.submit(
          { type: 'dispatch', decision: r.decision.number, answer: open },
          { source: 'operator', id: `unanswered-${r.decision.number}` },
        );
      } else this.autoAnswer();
    }
    const trace = session.finishTrace();
    const trainee = this.options.trainee ?? {};
    return sealSession({
      trainee: { name: trainee.name ?? '', id: trainee.id ?? '' },
      exercise: this.prepared.exercise,
      seed: this.prepared.seed,
      kind: 'trainee',
      startedAt: this.startedAt,
      log: session.commandLog.map((e) => structuredClone(e)) as SessionFile['log'],
      annotations: this.annotations,
      stamps: this.stamps,
      result: { traceDigest: traceDigest(trace), traceLength: trace.length },
    });
  }
}
