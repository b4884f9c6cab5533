/**
 * The runtime records of a run: units, incident kinds and incidents. Plain mutable records,
 * made once (units, kinds) or at each call (incidents); the world and the rules change them.
 * A rule's own state stays in the rule (see rules/rule.ts), not here.
 */
import type { IncidentKind } from '../../scenarios/schema.ts';
import type { WeeklyDuty } from '../calendar.ts';
import type { EventHandle } from '../engine.ts';
import type { Drive } from '../drive.ts';
import type { Sampler } from '../random.ts';

export const enum UnitState {
  Available,
  Notified,
  EnRoute,
  OnScene,
  Returning,
  OutOfService,
  /** Carrying a patient to a hospital, or handing over there (a kind's `transport`). */
  Transporting,
}

/** A slot with no unit yet. */
export const SLOT_OPEN = -1;
/** A slot passed to outside help. */
export const SLOT_OUTSIDE = -2;

export type Sector = 'government' | 'enterprise' | 'social' | 'military';

/** A step before an order reaches a unit (an approval, a request), drawn when it starts. */
export interface OrderStep {
  /** Trace cause of the step. */
  cause: number;
  /** Its mean, for weighing the unit against others before it is sent. */
  mean: number;
  draw: Sampler;
  /** The rule that puts the step there (its stream is the rule's). */
  rule: string;
}

export interface Unit {
  index: number;
  id: string;
  /** The scenario's unit (or pool) this is a copy of, and which copy (1 first). */
  spec: string;
  copy: number;
  agency: number;
  tier: 1 | 2 | 3;
  /** Base index, or −1 for a unit of another district or city (a reserve of rule 7). */
  base: number;
  basePlace: number;
  capabilities: Set<number>;
  mobilisation: Sampler;
  duty: WeeklyDuty;
  sector: Sector;
  state: UnitState;
  incident: number;
  slot: number;
  /** Where the unit is, or where its current trip started. */
  place: number;
  tripTo: number;
  tripDeparture: number;
  pending: EventHandle | -1;
  outOfServiceAfterJob: boolean;
  /** Steps before the current order reaches the unit (approvals), and where it is in them. */
  steps: OrderStep[];
  step: number;
  stepStarted: number;
  orderReceivedAt: number;
  /** Sent while on its way home: no mobilisation once the order arrives. */
  onTheRoad: boolean;
  /** When the unit on scene arrived, when it will clear, and why the end moved (a cause). */
  arrivedAt: number;
  clearAt: number;
  clearCause: number;
  /** A unit of another district or city, sent only through rule 7, and its approach time. */
  reserve: boolean;
  approach: Sampler | null;
}

export interface Kind {
  id: string;
  priority: number;
  participants: Sampler | undefined;
  supplies: Record<string, number> | undefined;
  severity: number;
  growth: IncidentKind['growth'];
  /** Capability index of each unit slot the kind needs. */
  slotCapability: Int32Array;
  work: Sampler;
  /** On-scene time by capability index, where the kind gives one (else `work`). */
  workByCapability: ReadonlyMap<number, Sampler> | null;
  /** On-scene time of each of the kind's own slots (`workByCapability`, else `work`), made once. */
  slotWork: readonly Sampler[];
  /** The kind's own call handling, or null: the centre's. */
  handling: Sampler | null;
  /** How units drive to it (emergency or not). */
  drive: Drive;
  transport: KindTransport | null;
  nonEmergencyShare: number;
}

/** Patient transport after the work on scene, for units of one capability. */
export interface KindTransport {
  capability: number;
  share: number;
  handover: Sampler;
  drive: Drive;
}

export interface Incident {
  index: number;
  kind: number;
  district: number;
  place: number;
  callTime: number;
  /** Per slot: the capability it needs (the kind's, until the incident grows). */
  slotCapability: ArrayLike<number>;
  /** Per slot: the unit assigned, SLOT_OPEN or SLOT_OUTSIDE. */
  slotUnit: number[];
  work: number[];
  /** Slots without a unit, and units (or outside help) working on it. */
  open: number;
  active: number;
  queued: boolean;
  queuedAt: number;
  deadline: EventHandle | -1;
  severity: number;
  /** Participants given by the caller (a drill inject), or NaN: a rule draws them. */
  participants: number;
  arrivals: number;
  /** Growth steps taken (rule 12); 0 while the incident is as it was called in. */
  growthStep: number;
  /** Outside help on scene (counts as resourced for growth). */
  outsideOnScene: boolean;
}
