/**
 * What a finished run says about each incident, for the caller's words, the truth of triage and
 * the outcomes a score compares: when it was called and judged, whether it went to 12345, to the
 * SAR centre or under a special plan, which units were ordered and when they arrived, approvals,
 * reports and whether it was served. Read from the trace's columns in one pass.
 */
import type { LonLat } from '../lib/geo.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { Cause, RecordKind, type Trace } from '../sim/trace.ts';
import type { ApprovalPath } from './schema.ts';
import type { IncidentFacts } from './caller.ts';

export interface IncidentOutcome extends IncidentFacts {
  /** Units ordered out (unit as the trace names it, its agency, when). */
  dispatched: Array<{ unit: string; agency: string; tier: number; time: number }>;
  /** First arrival on scene (a unit or outside help), or null. */
  firstArrival: number | null;
  /** Arrival by unit. */
  arrivals: Map<string, number>;
  unserved: boolean;
  /** The arrival target that applies (s) or null (tier 3, or no capable unit). */
  target: number | null;
  approvals: number;
  approvalPath: ApprovalPath;
  handedOver: boolean;
  lateReports: number;
}

export function incidentOutcomes(trace: Trace, scenario: Scenario): IncidentOutcome[] {
  const header = trace.header;
  const kinds = scenario.incidentKinds;
  const outcomes: IncidentOutcome[] = [];
  for (let i = 0; i < trace.incidentCount; i++) {
    const kindIndex = trace.incidentKind[i];
    const kind = kinds[kindIndex];
    const place = trace.incidentPlace[i];
    const district = trace.incidentDistrict[i];
    const tier = header.kindTargetTiers[kindIndex];
    const area = header.districtAreas[district];
    const target =
      tier === 1 ? scenario.targets.tier1[area] : tier === 2 ? scenario.targets.tier2[area] : null;
    outcomes.push({
      incident: i,
      time: NaN,
      kind: kind.id,
      district,
      location: [trace.places[2 * place], trace.places[2 * place + 1]] as LonLat,
      severity: kind.severity,
      channel: 'emergency',
      maritime: false,
      specialPlan: false,
      participants: null,
      dispatched: [],
      firstArrival: null,
      arrivals: new Map(),
      unserved: false,
      target,
      approvals: 0,
      approvalPath: 'none',
      handedOver: false,
      lateReports: 0,
    });
  }
  const served = new Set<number>();
  for (let r = 0; r < trace.length; r++) {
    const i = trace.incident[r];
    if (i < 0) continue;
    const o = outcomes[i];
    const t = trace.time[r];
    const unit = trace.unit[r];
    const cause = trace.cause[r];
    switch (trace.kind[r]) {
      case RecordKind.callReceived:
        o.time = t;
        break;
      case RecordKind.sentTo12345:
        o.channel = '12345';
        served.add(i);
        break;
      case RecordKind.dispatched:
        o.dispatched.push({
          unit: header.units[unit],
          agency: header.unitAgencies[unit],
          tier: header.unitTiers[unit],
          time: t,
        });
        break;
      case RecordKind.arrived:
        if (o.firstArrival === null) o.firstArrival = t;
        if (!o.arrivals.has(header.units[unit])) o.arrivals.set(header.units[unit], t);
        served.add(i);
        break;
      case RecordKind.outsideArrived:
        if (o.firstArrival === null) o.firstArrival = t;
        served.add(i);
        break;
      case RecordKind.unanswered:
        o.unserved = true;
        break;
      case RecordKind.planActivated:
        o.specialPlan = true;
        break;
      case RecordKind.commandHandedOver:
        if (cause === Cause.maritimeSAR) o.maritime = true;
        else if (cause === Cause.firstReceiver) o.handedOver = true;
        break;
      case RecordKind.approved:
        o.approvals++;
        o.approvalPath = strongerPath(o.approvalPath, pathOf(cause));
        break;
      case RecordKind.requested:
        if (cause === Cause.crossRegion)
          o.approvalPath = strongerPath(o.approvalPath, 'crossRegion');
        break;
      case RecordKind.reportedLate:
      case RecordKind.reportMissing:
        o.lateReports++;
        break;
      case RecordKind.graded:
        o.participants = trace.value[r];
        break;
      default:
        break;
    }
  }
  for (const o of outcomes) if (!served.has(o.incident)) o.unserved = true;
  return outcomes;
}

function pathOf(cause: number): ApprovalPath {
  switch (cause) {
    case Cause.fireRescueApproval:
    case Cause.seasonalApproval:
      return 'fireRescueApproval';
    case Cause.militaryApproval:
      return 'militaryReport';
    case Cause.directRequest:
      return 'militaryDirect';
    case Cause.crossRegion:
      return 'crossRegion';
    default:
      return 'none';
  }
}

/** One path per incident: the highest-level one taken (troops and other regions over fire rescue's). */
const PATH_RANK: Record<ApprovalPath, number> = {
  none: 0,
  fireRescueApproval: 1,
  militaryReport: 2,
  militaryDirect: 3,
  crossRegion: 4,
};

function strongerPath(a: ApprovalPath, b: ApprovalPath): ApprovalPath {
  return PATH_RANK[b] > PATH_RANK[a] ? b : a;
}

/** Full response (call → the last unit sent on scene), or null when none arrived. */
export function fullResponseSeconds(o: IncidentOutcome): number | null {
  if (o.arrivals.size === 0) return o.firstArrival === null ? null : o.firstArrival - o.time;
  let last = -Infinity;
  for (const t of o.arrivals.values()) last = Math.max(last, t);
  return last - o.time;
}

/** Response time (call → first arrival), or null. */
export function responseSeconds(o: IncidentOutcome): number | null {
  return o.firstArrival === null ? null : o.firstArrival - o.time;
}

/**
 * Whether the first arrival met the arrival target, counted from the first order as the
 * agencies' targets are (null: no target applies, or it went to 12345).
 */
export function withinTarget(o: IncidentOutcome): boolean | null {
  if (o.target === null || o.channel === '12345') return null;
  if (o.unserved) return false;
  if (o.firstArrival === null || o.dispatched.length === 0) return null;
  return o.firstArrival - o.dispatched[0].time <= o.target;
}
