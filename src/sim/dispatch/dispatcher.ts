/**
 * Every assignment of a unit goes through here: the built-in proposal is made, the policy takes
 * it or stops the run to ask; the answer is applied, and what remains open queues. With
 * `explain`, each decision's candidates and the estimates weighed are kept for the trace, so
 * the replay's "why" reads the decision instead of recomputing it.
 *
 * While a decision is open, further decisions of the same instant wait in order and are made
 * after it, on the state it left: answering every decision with its proposal gives exactly the
 * built-in run.
 */
import type { DispatchCommand } from '../../scenarios/commands.ts';
import type { Stream } from '../random.ts';
import { Cause, RecordKind } from '../trace.ts';
import { SLOT_OPEN, UnitState, type Incident, type OrderStep, type Unit } from '../world/types.ts';
import type { World } from '../world/world.ts';
import { DecisionTableBuilder } from './decisionTable.ts';
import {
  askPolicy,
  builtInPolicy,
  type DecisionKind,
  type DispatchDecision,
  type DispatchPolicy,
} from './policy.ts';
import { Proposer, type Proposal } from './propose.ts';

export interface DispatchOptions {
  /** Who decides: the built-in policy (default) or "ask" (the run stops at every decision). */
  policy?: 'builtIn' | 'ask';
  /** Keep every decision's candidates and estimates in the trace (for the replay's "why"). */
  explain?: boolean;
}

interface OpenDecision {
  decision: DispatchDecision;
  incident: Incident;
  why: DecisionKind;
  proposal: Proposal[];
  /** The command being applied when the decision came up (its records are that command's). */
  command: number;
}

const NO_STEPS: OrderStep[] = [];

const CAUSE_OF: Record<DecisionKind, number> = {
  incident: Cause.nearest,
  queue: Cause.queue,
  reinforcement: Cause.crossRegion,
};

export class Dispatcher {
  readonly policy: DispatchPolicy;
  readonly proposer: Proposer;
  readonly table: DecisionTableBuilder | null;
  /** The decision the run stopped at, if any. */
  pending: OpenDecision | null = null;
  /** Decisions asked so far. */
  asked = 0;
  /** Decisions of the same instant that wait for the open one. */
  private readonly deferred: Array<() => void> = [];
  private readonly stepsApply: boolean;
  /** Answers given to act later, by decision number, and the event that applies them. */
  private readonly lateAnswers = new Map<
    number,
    { open: OpenDecision; command: DispatchCommand }
  >();
  private lateEvent: number | undefined;

  constructor(
    private readonly world: World,
    options: DispatchOptions,
  ) {
    this.policy = options.policy === 'ask' ? askPolicy : builtInPolicy;
    this.table = options.explain ? new DecisionTableBuilder() : null;
    this.stepsApply = world.hooks.orderSteps.length > 0;
    this.proposer = new Proposer(world, (unit, incident, capability) =>
      this.expectedOrderDelay(unit, incident, capability),
    );
  }

  // -------------------------------------------------------------------------------------------
  // The three ways a decision comes up

  /** Fill an incident's open slots (a call judged, grown, or a slot sent back to dispatch). */
  dispatchIncident(incident: Incident): void {
    if (this.pending) {
      this.later(() => this.dispatchIncident(incident));
      return;
    }
    this.decide(incident, 'incident', this.proposer.forIncident(incident));
  }

  /** A unit came free (or on duty): the first waiting incident it can serve takes it. */
  offer(unit: Unit): void {
    if (this.pending) {
      this.later(() => this.offer(unit));
      return;
    }
    const target = this.proposer.queueTarget(unit);
    if (!target) return;
    this.decide(target.incident, 'queue', [
      { slot: target.slot, unit: unit.index, cause: Cause.queue },
    ]);
  }

  /** Units a rule proposes for an incident (rule 7's pooled units after approval). */
  reinforce(incident: Incident, propose: () => Proposal[]): void {
    if (this.pending) {
      this.later(() => this.reinforce(incident, propose));
      return;
    }
    const proposal = propose();
    if (proposal.length > 0) this.decide(incident, 'reinforcement', proposal);
  }

  /**
   * Runs `action` now, or, while a decision is open, after it and the decisions waiting behind
   * it (a command that comes in meanwhile acts where it would have acted in a run that did not
   * stop).
   */
  whenFree(action: () => void): void {
    if (this.pending) this.later(action);
    else action();
  }

  /** Queues an action behind the open decision, under the command being applied now. */
  private later(action: () => void): void {
    const trace = this.world.trace;
    const command = trace.currentCommand;
    this.deferred.push(() => {
      const before = trace.currentCommand;
      trace.currentCommand = command;
      action();
      trace.currentCommand = before;
    });
  }

  // -------------------------------------------------------------------------------------------

  private decide(incident: Incident, why: DecisionKind, proposal: Proposal[]): void {
    if (this.policy.asks(why, proposal.length)) {
      const decision = this.describe(incident, why, proposal);
      this.pending = {
        decision,
        incident,
        why,
        proposal,
        command: this.world.trace.currentCommand,
      };
      this.world.engine.stop();
      return;
    }
    this.apply(incident, why, proposal, false);
  }

  private apply(incident: Incident, why: DecisionKind, chosen: Proposal[], heldBack: boolean) {
    this.table?.add(
      this.world,
      this.proposer,
      incident,
      why === 'reinforcement',
      CAUSE_OF[why],
      chosen,
    );
    for (const { slot, unit, cause } of chosen)
      this.world.cycle.assign(this.world.units[unit], incident, slot, cause);
    if (why !== 'incident' || incident.queued) {
      if (incident.open === 0) this.world.stopWaiting(incident);
    } else if (incident.open > 0) {
      // Slots the decision-maker left open although the policy had a unit for them wait in the
      // queue by their choice, not for lack of units.
      this.world.shortfall(incident, heldBack ? Cause.decision : Cause.noUnitFree);
    }
  }

  /**
   * Applies the answer to the open decision; unknown, busy or unfit units are refused. An answer
   * that acts later (`at`, a trainee who let the clock run) closes the decision now and sends the
   * units at `at`: the incident waits until then, and a unit taken meanwhile leaves its slot open.
   */
  answer(command: DispatchCommand, at = this.world.now): void {
    const open = this.pending;
    if (!open) throw new Error('no decision is pending');
    if (command.decision !== open.decision.number) {
      throw new Error(`decision ${open.decision.number} is open, not ${command.decision}`);
    }
    const chosen = this.check(open, command, true);
    this.pending = null;
    if (at > this.world.now) {
      this.lateAnswers.set(open.decision.number, { open, command });
      this.lateEvent ??= this.world.event((decision) => this.answerLate(decision));
      this.world.engine.schedule(at, this.lateEvent, open.decision.number);
    } else {
      this.applyAnswer(open, chosen);
    }
    while (!this.pending && this.deferred.length > 0) this.deferred.shift()!();
  }

  /** A late answer acts: the units still free go, the others' slots stay open. */
  private answerLate(decision: number): void {
    const late = this.lateAnswers.get(decision)!;
    this.lateAnswers.delete(decision);
    this.applyAnswer(late.open, this.check(late.open, late.command, false));
  }

  /**
   * The units of an answer that can go now. With `strict`, one that cannot is an error;
   * otherwise (a late answer) it is left out.
   */
  private check(open: OpenDecision, command: DispatchCommand, strict: boolean): Proposal[] {
    const world = this.world;
    const incident = open.incident;
    const byId = new Map(world.units.map((u) => [u.id, u]));
    const chosen: Proposal[] = [];
    const refuse = (why: string) => {
      if (strict) throw new Error(why);
    };
    for (const { slot, unit: unitId } of command.answer) {
      if (unitId === null) continue;
      const unit = byId.get(unitId);
      if (!unit) {
        refuse(`unknown unit "${unitId}"`);
        continue;
      }
      if (
        slot < 0 ||
        slot >= incident.slotUnit.length ||
        incident.slotUnit[slot] !== SLOT_OPEN ||
        chosen.some((c) => c.slot === slot)
      ) {
        refuse(`slot ${slot} is not open`);
        continue;
      }
      const reserves = open.why === 'reinforcement';
      const free = reserves
        ? unit.reserve && unit.state === UnitState.Available
        : world.dispatchable(unit);
      if (!free || chosen.some((c) => c.unit === unit.index)) {
        refuse(`unit "${unitId}" cannot be dispatched now`);
        continue;
      }
      if (!unit.capabilities.has(incident.slotCapability[slot])) {
        refuse(`unit "${unitId}" lacks the capability slot ${slot} needs`);
        continue;
      }
      if (!reserves && !(world.travelEstimate(unit, incident) < Infinity)) {
        refuse(`unit "${unitId}" cannot reach the incident (road closed)`);
        continue;
      }
      // The policy's own choice keeps the policy's reason; anything else is the person's.
      const proposed = open.proposal.find((p) => p.slot === slot && p.unit === unit.index);
      chosen.push({ slot, unit: unit.index, cause: proposed ? proposed.cause : Cause.decision });
    }
    return chosen;
  }

  private applyAnswer(open: OpenDecision, chosen: Proposal[]): void {
    const world = this.world;
    const incident = open.incident;
    const heldBack = open.proposal.some((p) => !chosen.some((c) => c.slot === p.slot));
    const same = !heldBack && chosen.every((c) => c.cause !== Cause.decision);
    const trace = world.trace;
    const before = trace.currentCommand;
    trace.currentCommand = open.command;
    if (!same) {
      world.record(
        RecordKind.decision,
        incident.index,
        -1,
        incident.place,
        Cause.decision,
        chosen.length,
      );
    }
    this.apply(incident, open.why, chosen, heldBack);
    trace.currentCommand = before;
  }

  private describe(incident: Incident, why: DecisionKind, proposal: Proposal[]): DispatchDecision {
    const world = this.world;
    const slots: DispatchDecision['slots'] = [];
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      slots.push({
        slot,
        capability: world.capabilities.names[incident.slotCapability[slot]],
        candidates: this.proposer
          .candidates(incident, slot, why === 'reinforcement')
          .list.map((c) => ({
            unit: world.units[c.unit].id,
            travelSeconds: c.travel,
            orderDelaySeconds: c.orderDelay,
            state:
              world.units[c.unit].state === UnitState.Returning
                ? ('returning' as const)
                : ('available' as const),
          })),
      });
    }
    return {
      number: this.asked++,
      time: world.now,
      why,
      incident: incident.index,
      kind: world.kindId(incident),
      district: world.scenario.districts[incident.district].id,
      slots,
      proposal: slots.map(({ slot }) => {
        const chosen = proposal.find((p) => p.slot === slot);
        return { slot, unit: chosen ? world.units[chosen.unit].id : null };
      }),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Steps before an order reaches a unit (rules 4, 6, 8, 9)

  orderSteps(unit: Unit, incident: Incident, capability: number): OrderStep[] {
    if (!this.stepsApply) return NO_STEPS;
    const steps: OrderStep[] = [];
    for (const hook of this.world.hooks.orderSteps) hook(unit, incident, capability, steps);
    return steps;
  }

  /** Mean delay before an order would reach this unit, for weighing it against others. */
  expectedOrderDelay(unit: Unit, incident: Incident, capability: number): number {
    if (!this.stepsApply) return 0;
    let seconds = 0;
    for (const step of this.orderSteps(unit, incident, capability)) seconds += step.mean;
    return seconds;
  }

  /**
   * The stream a step draws its delay from: its rule's, for this step of this order (incident
   * and unit), so that the wait does not change when other dispatches or rules change the order
   * of events.
   */
  orderStepStream(step: OrderStep, unit: Unit): Stream {
    return this.world.hooks.streamFor(step.rule, step.cause, unit.incident, unit.index);
  }
}
