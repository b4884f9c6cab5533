/**
 * The seat's working state, pure: which step a call is at, the drafts of the trainee's triage,
 * dispatch and linkage, and how keys change them. Kept apart from the components so that the
 * keyboard and the mouse do the same thing.
 */
import type { DecisionView, TrainingCall } from '../../training/api.ts';
import type { ApprovalPath, TriageJudgement } from '../../training/schema.ts';
import type { SeatState } from '../../worker/trainingApi.ts';
import type { SeatRecord } from './journal.ts';
import type { SeatStep } from './strings.ts';

export const STEPS: SeatStep[] = ['answer', 'triage', 'dispatch', 'linkage', 'tracking', 'close'];

export const APPROVAL_PATHS: ApprovalPath[] = [
  'none',
  'fireRescueApproval',
  'militaryReport',
  'militaryDirect',
  'crossRegion',
];

/** A first guess for a call's judgement: an emergency, nothing else ticked. */
export function blankJudgement(): TriageJudgement {
  return {
    kind: null,
    severity: null,
    channel: 'emergency',
    maritime: false,
    specialPlan: false,
    duplicateOf: null,
  };
}

/** Whether a judged call needs no units: sent to 12345, handed to the SAR centre, a duplicate. */
export function needsNoDispatch(judgement: TriageJudgement | undefined): boolean {
  return Boolean(judgement && (judgement.channel === '12345' || judgement.duplicateOf !== null));
}

/** The step a call is at, from what has been done with it. */
export function stepOf(
  call: TrainingCall,
  record: SeatRecord,
  openDecision: DecisionView | null,
  /** Incidents the run sent to the 12345 line (no dispatch will come for them). */
  sentTo12345: ReadonlySet<number> = new Set(),
): SeatStep {
  if (!record.pickedUp.has(call.id)) return 'answer';
  const judgement = record.triage.get(call.id);
  if (!judgement) return 'triage';
  if (record.closed.has(call.incident)) return 'close';
  if (needsNoDispatch(judgement) || sentTo12345.has(call.incident)) return 'close';
  if (openDecision?.decision.incident === call.incident) return 'dispatch';
  if (!record.answeredIncidents.has(call.incident)) return 'dispatch';
  if (!record.linkage.has(call.incident)) return 'linkage';
  return 'tracking';
}

/** The calls that still want the trainee: ringing, or picked up and not finished. */
export function callsWanting(state: SeatState, record: SeatRecord): TrainingCall[] {
  return state.calls.filter(
    (call) =>
      !record.pickedUp.has(call.id) ||
      !record.triage.has(call.id) ||
      !record.closed.has(call.incident),
  );
}

/** A dispatch in the making: a unit (or none) per slot, the slot and candidate under the cursor. */
export interface DispatchDraft {
  decision: number;
  picks: Record<number, string | null>;
  slotIndex: number;
  cursor: number;
}

export function blankDraft(view: DecisionView): DispatchDraft {
  return { decision: view.decision.number, picks: {}, slotIndex: 0, cursor: 0 };
}

/** Picks `unit` for the slot under the cursor (a unit fills one slot: taken from any other). */
export function pick(draft: DispatchDraft, view: DecisionView, unit: string | null): DispatchDraft {
  const slot = view.decision.slots[draft.slotIndex];
  if (!slot) return draft;
  const picks: Record<number, string | null> = {};
  for (const [key, value] of Object.entries(draft.picks))
    picks[Number(key)] = unit !== null && value === unit ? null : value;
  picks[slot.slot] = unit;
  const nextSlot = Math.min(draft.slotIndex + 1, view.decision.slots.length - 1);
  return { ...draft, picks, slotIndex: nextSlot, cursor: 0 };
}

/** The run card's suggestion as picks. */
export function takeSuggestion(draft: DispatchDraft, view: DecisionView): DispatchDraft {
  if (!view.suggestion) return draft;
  const picks: Record<number, string | null> = {};
  for (const { slot, unit } of view.suggestion) picks[slot] = unit;
  return { ...draft, picks };
}

/** The answer to send: every slot, a unit or null (left open). */
export function answerOf(draft: DispatchDraft, view: DecisionView) {
  return view.decision.slots.map(({ slot }) => ({ slot, unit: draft.picks[slot] ?? null }));
}

/** Candidates shown per slot, best first. */
export const SHOWN_CANDIDATES = 6;

export function moveCursor(draft: DispatchDraft, view: DecisionView, by: number): DispatchDraft {
  const slot = view.decision.slots[draft.slotIndex];
  if (!slot) return draft;
  // The rows: the candidates shown, then "send none".
  const rows = Math.min(slot.candidates.length, SHOWN_CANDIDATES) + 1;
  return { ...draft, cursor: (draft.cursor + by + rows) % rows };
}

export function moveSlot(draft: DispatchDraft, view: DecisionView, by: number): DispatchDraft {
  const count = view.decision.slots.length;
  if (count === 0) return draft;
  return { ...draft, slotIndex: (draft.slotIndex + by + count) % count, cursor: 0 };
}

export interface LinkageDraft {
  agencies: string[];
  approvalPath: ApprovalPath;
  cursor: number;
}

export function blankLinkage(): LinkageDraft {
  return { agencies: [], approvalPath: 'none', cursor: 0 };
}

export function toggleAgency(draft: LinkageDraft, agency: string): LinkageDraft {
  const agencies = draft.agencies.includes(agency)
    ? draft.agencies.filter((a) => a !== agency)
    : [...draft.agencies, agency];
  return { ...draft, agencies };
}
