/**
 * What the seat shows of each call and incident, read from the journal of the trainee's actions
 * (src/worker/trainingApi.ts): picked up, judged, notified, called back, closed. Derived, not
 * kept beside it, so that a resumed session shows exactly what was done. Also where to cut the
 * journal to take the seat again from a call.
 */
import type { SeatAction, SeatJournal } from '../../worker/trainingApi.ts';
import type { ApprovalPath, TriageJudgement } from '../../training/schema.ts';

export interface SeatRecord {
  pickedUp: Set<number>;
  triage: Map<number, TriageJudgement>;
  linkage: Map<number, { agencies: string[]; approvalPath: ApprovalPath }>;
  calledBack: Set<number>;
  closed: Set<number>;
  /** Decisions answered, by number, and the incidents they were for. */
  answered: Set<number>;
  answeredIncidents: Set<number>;
}

export function seatRecord(actions: readonly SeatAction[]): SeatRecord {
  const record: SeatRecord = {
    pickedUp: new Set(),
    triage: new Map(),
    linkage: new Map(),
    calledBack: new Set(),
    closed: new Set(),
    answered: new Set(),
    answeredIncidents: new Set(),
  };
  for (const action of actions) {
    switch (action.type) {
      case 'pickUp':
        record.pickedUp.add(action.call);
        break;
      case 'triage':
        record.triage.set(action.call, action.judgement);
        break;
      case 'linkage':
        record.linkage.set(action.incident, {
          agencies: action.agencies,
          approvalPath: action.approvalPath,
        });
        break;
      case 'note':
        (action.note === 'closed' ? record.closed : record.calledBack).add(action.incident);
        break;
      case 'answer':
        record.answered.add(action.decision);
        record.answeredIncidents.add(action.incident);
        break;
      default:
        break;
    }
  }
  return record;
}

/**
 * The journal up to the moment call `call` rang: the actions before the trainee first touched it
 * (picked it up, judged it), so that taking the seat from there finds the phone ringing.
 */
export function journalBeforeCall(journal: SeatJournal, call: number): SeatJournal {
  const first = journal.actions.findIndex(
    (action) => (action.type === 'pickUp' || action.type === 'triage') && action.call === call,
  );
  const cut = first < 0 ? journal.actions.length : first;
  return cutJournal(journal, cut);
}

/** The journal up to just before decision `decision` was answered. */
export function journalBeforeDecision(journal: SeatJournal, decision: number): SeatJournal {
  const first = journal.actions.findIndex(
    (action) => action.type === 'answer' && action.decision === decision,
  );
  return cutJournal(journal, first < 0 ? journal.actions.length : first);
}

/** The first `count` actions with their wall readings. */
export function cutJournal(journal: SeatJournal, count: number): SeatJournal {
  return {
    ...journal,
    actions: journal.actions.slice(0, count),
    wall: journal.wall.slice(0, count + 1),
  };
}
