/**
 * "Why was this unit late?": for one incident, each dispatched unit's time split into the
 * waits before its order (approvals and requests, by cause), its mobilisation and its travel.
 * Read from the trace alone.
 */
import { CAUSES, RECORD_KINDS, RecordKind, type Trace } from '../trace.ts';

export interface UnitTimeline {
  unit: string;
  dispatchedAt: number;
  /** Why this unit was chosen (nearest, runCard, queue, redispatch, decision, crossRegion). */
  cause: string;
  /** Waits before the order reached the unit, in order. */
  waits: Array<{ cause: string; seconds: number }>;
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

const UNIT_STEPS = new Set<number>([
  RecordKind.dispatched,
  RecordKind.approved,
  RecordKind.enRoute,
  RecordKind.arrived,
]);

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
    const kind = trace.kind[i];
    const unit = trace.unit[i];
    const cause = CAUSES[trace.cause[i]];
    if (kind === RecordKind.callReceived) explanation.calledAt = trace.time[i];
    if (unit >= 0 && UNIT_STEPS.has(kind)) {
      if (kind === RecordKind.dispatched) {
        const timeline: UnitTimeline = {
          unit: header.units[unit],
          dispatchedAt: trace.time[i],
          cause,
          waits: [],
          mobilisation: NaN,
          travel: NaN,
          arrivedAt: NaN,
        };
        current.set(unit, timeline);
        explanation.units.push(timeline);
        continue;
      }
      const timeline = current.get(unit);
      if (!timeline) continue;
      if (kind === RecordKind.approved) timeline.waits.push({ cause, seconds: trace.value[i] });
      if (kind === RecordKind.enRoute) timeline.mobilisation = trace.value[i];
      if (kind === RecordKind.arrived) {
        timeline.travel = trace.value[i];
        timeline.arrivedAt = trace.time[i];
      }
      continue;
    }
    explanation.events.push({
      t: trace.time[i],
      ev: RECORD_KINDS[kind][0],
      cause,
      value: trace.value[i],
    });
  }
  return explanation;
}
