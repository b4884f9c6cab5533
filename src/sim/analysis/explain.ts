/**
 * "Why was this unit late?": for one incident, each dispatched unit's time split into the
 * waits before its order (approvals and requests, by cause), its mobilisation and its travel.
 * Read from the trace alone.
 */
import { decodeRecord } from '../decodeRecord.ts';
import type { CauseOf } from '../records.ts';
import { CAUSES, type Trace } from '../trace.ts';

export interface UnitTimeline {
  unit: string;
  dispatchedAt: number;
  /** Why this unit was chosen (nearest, runCard, queue, redispatch, decision, crossRegion). */
  cause: CauseOf<'dispatched'>;
  /** Waits before the order reached the unit, in order. */
  waits: Array<{ cause: CauseOf<'approved'>; seconds: number }>;
  mobilisation: number;
  travel: number;
  /** NaN when the unit had not arrived by the end of the run. */
  arrivedAt: number;
}

export interface IncidentExplanation {
  incident: number;
  kind: string;
  district: string;
  calledAt: number;
  units: UnitTimeline[];
  /** Everything else that happened to the incident, in order. */
  events: Array<{ t: number; ev: string; cause: string; value: number }>;
}

export function explainIncident(trace: Trace, incident: number): IncidentExplanation {
  if (!(incident >= 0 && incident < trace.incidentCount)) {
    throw new RangeError(`no incident ${incident} in this run (it has ${trace.incidentCount})`);
  }
  const header = trace.header;
  const explanation: IncidentExplanation = {
    incident,
    kind: header.incidentKinds[trace.incidentKind[incident]],
    district: header.districts[trace.incidentDistrict[incident]],
    calledAt: NaN,
    units: [],
    events: [],
  };
  // A unit may serve the incident more than once (sent back after a road closed): the latest.
  const current = new Map<number, UnitTimeline>();
  for (let i = 0; i < trace.length; i++) {
    if (trace.incident[i] !== incident) continue;
    const record = decodeRecord(trace, i);
    switch (record.kind) {
      case 'callReceived':
        explanation.calledAt = record.t;
        break;
      case 'dispatched': {
        const timeline: UnitTimeline = {
          unit: header.units[record.unit],
          dispatchedAt: record.t,
          cause: record.why,
          waits: [],
          mobilisation: NaN,
          travel: NaN,
          arrivedAt: NaN,
        };
        current.set(record.unit, timeline);
        explanation.units.push(timeline);
        continue;
      }
      case 'approved':
        // An approval for the incident as a whole (crossRegion) is one of its events.
        if (record.unit === null) break;
        current.get(record.unit)?.waits.push({ cause: record.step, seconds: record.seconds });
        continue;
      case 'enRoute': {
        const timeline = current.get(record.unit);
        if (timeline) timeline.mobilisation = record.mobilisationSeconds;
        continue;
      }
      case 'arrived': {
        const timeline = current.get(record.unit);
        if (timeline) {
          timeline.travel = record.travelSeconds;
          timeline.arrivedAt = record.t;
        }
        continue;
      }
    }
    // Everything else as written, whatever its kind.
    explanation.events.push({
      t: record.t,
      ev: record.kind,
      cause: CAUSES[trace.cause[i]],
      value: trace.value[i],
    });
  }
  return explanation;
}
