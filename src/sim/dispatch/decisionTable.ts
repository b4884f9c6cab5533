/**
 * The decisions of a run with their candidates, as the policy weighed them: kept when a run is
 * made to be explained (the replay), so that the "why" of a dispatch is the decision itself.
 */
import type { Incident } from '../world/types.ts';
import { SLOT_OPEN } from '../world/types.ts';
import type { World } from '../world/world.ts';
import type { Candidate, Proposal, Proposer } from './propose.ts';

/** Candidates kept per slot: the best, as the replay shows them (and the one sent). */
const KEPT = 12;

/** Struct of arrays: decision d's candidates are [start[d], start[d + 1]). */
export interface DecisionTable {
  count: number;
  /** Index of the first trace record written after the decision (its dispatches follow). */
  record: Int32Array;
  incident: Int32Array;
  /** Why it was asked: cause nearest (an incident's slots), queue or crossRegion. */
  cause: Uint8Array;
  start: Int32Array;
  candidateSlot: Int32Array;
  /** The capability the slot needs (index into `capabilities`). */
  candidateCapability: Int32Array;
  candidateUnit: Int32Array;
  /** Travel estimate from where the unit was (s; NaN for pooled units: drawn when they go). */
  candidateTravel: Float64Array;
  /** Expected wait before its order would arrive (approvals), s. */
  candidateDelay: Float64Array;
  /** 1 when the decision sent this unit to this slot. */
  candidateChosen: Uint8Array;
  /** How many units were free and capable for the slot (only the best are kept). */
  candidateTotal: Int32Array;
  capabilities: string[];
}

export class DecisionTableBuilder {
  private readonly record: number[] = [];
  private readonly incident: number[] = [];
  private readonly cause: number[] = [];
  private readonly start: number[] = [0];
  private readonly slot: number[] = [];
  private readonly capability: number[] = [];
  private readonly unit: number[] = [];
  private readonly travel: number[] = [];
  private readonly delay: number[] = [];
  private readonly chosen: number[] = [];
  private readonly total: number[] = [];

  add(
    world: World,
    proposer: Proposer,
    incident: Incident,
    reserves: boolean,
    cause: number,
    answer: Proposal[],
  ): void {
    this.record.push(world.trace.length);
    this.incident.push(incident.index);
    this.cause.push(cause);
    const earlier = new Set<number>();
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      const sent = answer.find((a) => a.slot === slot)?.unit ?? -1;
      const sentEstimate = sent >= 0 ? estimate(world, incident, slot, sent) : null;
      // The units that beat the one sent, or come close (a few minutes, half as much again).
      const within = sentEstimate
        ? (sentEstimate.travel + sentEstimate.orderDelay) * 1.5 + 300
        : Infinity;
      const { list: shown, total } = proposer.candidates(incident, slot, reserves, {
        keep: KEPT,
        within,
        exclude: earlier,
      });
      // Sent although not among the best (a run card, a person's choice): kept all the same.
      if (sentEstimate && !shown.some((c) => c.unit === sent)) shown.push(sentEstimate);
      for (const candidate of shown) {
        this.slot.push(slot);
        this.capability.push(incident.slotCapability[slot]);
        this.unit.push(candidate.unit);
        this.travel.push(candidate.travel);
        this.delay.push(candidate.orderDelay);
        this.chosen.push(candidate.unit === sent ? 1 : 0);
        this.total.push(total);
      }
      if (sent >= 0) earlier.add(sent);
    }
    this.start.push(this.unit.length);
  }

  finish(capabilities: string[]): DecisionTable {
    return {
      count: this.record.length,
      record: Int32Array.from(this.record),
      incident: Int32Array.from(this.incident),
      cause: Uint8Array.from(this.cause),
      start: Int32Array.from(this.start),
      candidateSlot: Int32Array.from(this.slot),
      candidateCapability: Int32Array.from(this.capability),
      candidateUnit: Int32Array.from(this.unit),
      candidateTravel: Float64Array.from(this.travel),
      candidateDelay: Float64Array.from(this.delay),
      candidateChosen: Uint8Array.from(this.chosen),
      candidateTotal: Int32Array.from(this.total),
      capabilities: capabilities.slice(),
    };
  }
}

/** The estimates of one unit for one slot, as the policy weighs them. */
function estimate(world: World, incident: Incident, slot: number, index: number): Candidate {
  const unit = world.units[index];
  if (unit.reserve) return { unit: index, travel: NaN, orderDelay: 0 };
  return {
    unit: index,
    travel: world.travelEstimate(unit, incident),
    orderDelay: world.dispatcher.expectedOrderDelay(unit, incident, incident.slotCapability[slot]),
  };
}
