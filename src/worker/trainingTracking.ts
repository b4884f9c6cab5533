/**
 * The 跟踪 step's record of each incident, worker side: the run's records as they are written
 * (orders, arrivals, reports, approvals, hand-overs, the end), kept for the incidents whose calls
 * have rung, with the units named for people.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { TraceRecord } from '../sim/records.ts';
import { rosterOf, Session } from '../sim/session.ts';
import type { Bilingual, TrainingSession } from '../training/api.ts';
import { unitViews } from '../training/seat.ts';

/** What the seat follows of an incident after dispatch (跟踪): arrivals, reports, the end. */
export interface TrackingEvent {
  incident: number;
  time: number;
  kind:
    | 'dispatched'
    | 'arrived'
    | 'reported'
    | 'reportedLate'
    | 'reportMissing'
    | 'cleared'
    | 'closed'
    | 'sentTo12345'
    | 'handedOver'
    | 'approved'
    | 'queued'
    | 'overflowed'
    | 'outsideArrived'
    | 'unanswered'
    | 'planActivated';
  /** The unit's label, when the event is a unit's. */
  unit: Bilingual | null;
  /** What kind of report, approval or hand-over (a cause's name, shown through labels). */
  detail: string | null;
}

/**
 * The simulation session under the training session, to follow its records (arrivals, reports)
 * for the 跟踪 step. The training contract does not expose it yet: reached for here, in one
 * place, and the seat goes without tracking if it is not there.
 */
function liveSession(training: TrainingSession): Session | null {
  const inner = (training as unknown as { session?: unknown }).session;
  return inner instanceof Session ? inner : null;
}

const TRACKED: Partial<Record<TraceRecord['kind'], TrackingEvent['kind']>> = {
  dispatched: 'dispatched',
  arrived: 'arrived',
  reported: 'reported',
  reportedLate: 'reportedLate',
  reportMissing: 'reportMissing',
  cleared: 'cleared',
  closed: 'closed',
  sentTo12345: 'sentTo12345',
  commandHandedOver: 'handedOver',
  approved: 'approved',
  queued: 'queued',
  overflowed: 'overflowed',
  outsideArrived: 'outsideArrived',
  unanswered: 'unanswered',
  planActivated: 'planActivated',
};

export class IncidentTracking {
  /** What happened so far, in order. */
  readonly events: TrackingEvent[] = [];
  private recordsRead = 0;
  /** Unit ids as the run numbers them, and their names. */
  private readonly unitIds: string[];
  private readonly unitLabels = new Map<string, Bilingual>();

  constructor(
    private readonly training: TrainingSession,
    scenario: Scenario,
  ) {
    this.unitIds = rosterOf(scenario).map((unit) => unit.id);
    for (const [id, view] of unitViews(scenario)) this.unitLabels.set(id, view.label);
  }

  /** Reads the run's records since last time. */
  follow(): void {
    const live = liveSession(this.training);
    if (!live) return;
    const records = live.recordsSince(this.recordsRead);
    this.recordsRead += records.length;
    const rung = new Set(this.training.calls.map((call) => call.incident));
    for (const record of records) {
      const kind = TRACKED[record.kind];
      if (!kind || record.incident === null || !rung.has(record.incident)) continue;
      const unit =
        record.unit === null ? null : (this.unitLabels.get(this.unitIds[record.unit]) ?? null);
      this.events.push({
        incident: record.incident,
        time: record.t,
        kind,
        unit,
        detail: detailOf(record),
      });
    }
  }
}

function detailOf(record: TraceRecord): string | null {
  switch (record.kind) {
    case 'reported':
    case 'reportedLate':
    case 'reportMissing':
      return record.report;
    case 'approved':
      return record.step;
    case 'commandHandedOver':
      return record.cause;
    default:
      return null;
  }
}
