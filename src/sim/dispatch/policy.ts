/**
 * The dispatch policy: every assignment of a unit — a call's first dispatch, a unit come free
 * for a waiting incident, a redispatch, reinforcements after approval — is a decision that goes
 * through one policy. The built-in policy takes the built-in proposal (run card, then nearest by
 * travel plus expected order delay; the queue's first; the pools' first free); the "ask" policy
 * stops the run and hands the decision to someone outside (a trainee in the dispatcher's seat).
 */

/** Why a decision is asked for. */
export type DecisionKind =
  /** A call judged, an incident grown, or a slot sent back to dispatch: fill its open slots. */
  | 'incident'
  /** A unit came free and a waiting incident needs it. */
  | 'queue'
  /** The level above approved reinforcements (rule 7): its pooled units for the open slots. */
  | 'reinforcement';

export interface DispatchCandidate {
  unit: string;
  /** Travel from where the unit is now, at emergency speed (NaN: not known before it goes). */
  travelSeconds: number;
  /** Expected wait before the order reaches it (approvals, requests), by the rules. */
  orderDelaySeconds: number;
  state: 'available' | 'returning';
}

/** A dispatch decision as a person sees it. */
export interface DispatchDecision {
  /** Its number in the run (0 first): the answer names it. */
  number: number;
  time: number;
  why: DecisionKind;
  incident: number;
  kind: string;
  district: string;
  /** For each open slot: the capability and the units that could fill it, best first. */
  slots: Array<{ slot: number; capability: string; candidates: DispatchCandidate[] }>;
  /** What the built-in policy would do: a unit id per slot, or null to leave it open. */
  proposal: Array<{ slot: number; unit: string | null }>;
}

/** The answer: a unit id per slot, or null to leave the slot open (queue or overflow). */
export type DispatchAnswer = Array<{ slot: number; unit: string | null }>;

export interface DispatchPolicy {
  readonly name: 'builtIn' | 'ask';
  /** Whether the run stops for this decision (the answer then comes as a command). */
  asks(why: DecisionKind, proposed: number): boolean;
}

export const builtInPolicy: DispatchPolicy = { name: 'builtIn', asks: () => false };

/** Asks for every assignment, and for every call judged even when nothing is free. */
export const askPolicy: DispatchPolicy = {
  name: 'ask',
  asks: (why, proposed) => why === 'incident' || proposed > 0,
};
