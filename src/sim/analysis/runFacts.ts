/**
 * What happened to each incident and each unit of one run, gathered in one pass over its trace:
 * when the call came and the first help arrived, how long it waited in the queue and how it
 * ended; how long each unit was committed; each tier-1 and tier-2 unit's delay from order to
 * arrival. `replicationMetrics` turns these facts into the replication's figures.
 */
import type { Targets } from './metrics.ts';
import { complianceKey } from './figures.ts';
import { Cause, RecordKind, type Trace } from '../trace.ts';

/** Per incident (typed arrays indexed by incident) and per unit; flags are 1 for yes. */
export interface RunFacts {
  /** When the call came (NaN for an incident never called). */
  callTime: Float64Array;
  /** When the first unit or outside help arrived on scene (NaN if none did). */
  firstArrival: Float64Array;
  /** The tier of the first unit on scene, 0 for outside help. */
  firstArrivalTier: Int8Array;
  /** Seconds from being queued until every needed unit was dispatched (or the wait ended). */
  waitTotal: Float64Array;
  waited: Uint8Array;
  /** Passed to 12345 (not an emergency). */
  triaged: Uint8Array;
  overflowed: Uint8Array;
  /** Given up unanswered before the end of the run. */
  unanswered: Uint8Array;
  closed: Uint8Array;
  /** When the incident was closed or given up (NaN while still open at the end). */
  endTime: Float64Array;
  grew: Uint8Array;
  /** Per unit: seconds committed (dispatch until available again) after the warm-up. */
  busyTime: Float64Array;
  /**
   * By tier and area (`complianceKey`): each own unit's delay from the order reaching it to its
   * arrival, for calls after the warm-up, and that tier and area's arrival target.
   */
  compliance: Map<string, { delays: number[]; target: number }>;
  /** By cause code, after the warm-up: the waits of approvals and of handovers of command. */
  approvalWaits: Array<number[] | undefined>;
  handoverWaits: Array<number[] | undefined>;
}

/** The area (urban or rural) of an incident's district, which decides its arrival targets. */
export function incidentArea(trace: Trace, incident: number): 'urban' | 'rural' {
  return trace.header.districtAreas[trace.incidentDistrict[incident]];
}

/** Reads the facts of a run from its trace, in one pass. */
export function runFacts(trace: Trace, targets: Targets): RunFacts {
  const header = trace.header;
  const warmup = header.warmup;
  const end = header.duration;
  const incidents = trace.incidentCount;
  const callTime = new Float64Array(incidents).fill(NaN);
  const firstArrival = new Float64Array(incidents).fill(NaN);
  const firstArrivalTier = new Int8Array(incidents);
  const queuedAt = new Float64Array(incidents).fill(NaN);
  const waitTotal = new Float64Array(incidents);
  const missing = new Int32Array(incidents);
  const waited = new Uint8Array(incidents);
  const triaged = new Uint8Array(incidents);
  const overflowed = new Uint8Array(incidents);
  const unanswered = new Uint8Array(incidents);
  const closed = new Uint8Array(incidents);
  const endTime = new Float64Array(incidents).fill(NaN);
  const grew = new Uint8Array(incidents);
  const unitCount = header.units.length;
  const busySince = new Float64Array(unitCount).fill(NaN);
  const busyTime = new Float64Array(unitCount);
  const dispatchTime = new Float64Array(unitCount).fill(NaN);
  const approvalWait = new Float64Array(unitCount);
  const compliance = new Map<string, { delays: number[]; target: number }>();
  const approvalWaits: Array<number[] | undefined> = [];
  const handoverWaits: Array<number[] | undefined> = [];

  const addBusy = (unit: number, until: number) => {
    const from = Math.max(busySince[unit], warmup);
    if (until > from) busyTime[unit] += until - from;
    busySince[unit] = NaN;
  };
  const endWait = (incident: number, time: number) => {
    if (Number.isNaN(queuedAt[incident])) return;
    waitTotal[incident] += time - queuedAt[incident];
    queuedAt[incident] = NaN;
  };

  // By tier (1, 2) and area (urban, rural): the entry of `compliance`, found once.
  const complianceOf: Array<{ delays: number[]; target: number } | undefined> = [];
  const { time: times, incident: incidentOf, unit: unitOf, kind: kinds } = trace;
  for (let i = 0; i < trace.length; i++) {
    const time = times[i];
    const incident = incidentOf[i];
    const unit = unitOf[i];
    switch (kinds[i]) {
      case RecordKind.callReceived:
        callTime[incident] = time;
        break;
      case RecordKind.sentTo12345:
        triaged[incident] = 1;
        break;
      case RecordKind.queued:
        // Queued again while still waiting (it grew): the wait goes on from the first time.
        if (Number.isNaN(queuedAt[incident])) queuedAt[incident] = time;
        missing[incident] = trace.value[i];
        waited[incident] = 1;
        break;
      case RecordKind.dispatched:
        // A dispatch after queueing fills one open slot; the wait ends when none is left.
        if (!Number.isNaN(queuedAt[incident]) && --missing[incident] === 0) endWait(incident, time);
        if (Number.isNaN(busySince[unit])) busySince[unit] = time;
        dispatchTime[unit] = time;
        approvalWait[unit] = 0;
        break;
      case RecordKind.overflowed:
        overflowed[incident] = 1;
        endWait(incident, time);
        break;
      case RecordKind.unanswered:
        // Still waiting when the run ended is not giving up: such calls count as open at the end.
        if (trace.cause[i] !== Cause.endOfRun) {
          unanswered[incident] = 1;
          endTime[incident] = time;
        }
        endWait(incident, time);
        break;
      case RecordKind.approved:
        if (unit >= 0) approvalWait[unit] += trace.value[i];
        if (time >= warmup) (approvalWaits[trace.cause[i]] ??= []).push(trace.value[i]);
        break;
      case RecordKind.commandHandedOver:
        if (time >= warmup) (handoverWaits[trace.cause[i]] ??= []).push(trace.value[i]);
        break;
      case RecordKind.arrived: {
        if (Number.isNaN(firstArrival[incident])) {
          firstArrival[incident] = time;
          firstArrivalTier[incident] = header.unitTiers[unit];
        }
        const tier = header.unitTiers[unit];
        // Units are measured from the order reaching them (approvals are not their delay);
        // reinforcements from outside are not the city's units.
        if (tier <= 2 && callTime[incident] >= warmup && !header.unitReserves[unit]) {
          const area = incidentArea(trace, incident);
          const slot = 2 * tier + (area === 'urban' ? 0 : 1);
          let entry = complianceOf[slot];
          if (!entry) {
            const key = complianceKey(tier, area);
            const target = targets[`tier${tier}` as 'tier1' | 'tier2'][area];
            entry = compliance.get(key);
            if (!entry) compliance.set(key, (entry = { delays: [], target }));
            complianceOf[slot] = entry;
          }
          entry.delays.push(time - dispatchTime[unit] - approvalWait[unit]);
        }
        break;
      }
      case RecordKind.outsideArrived:
        if (Number.isNaN(firstArrival[incident])) {
          firstArrival[incident] = time;
          firstArrivalTier[incident] = 0;
        }
        break;
      case RecordKind.available:
      case RecordKind.outOfService:
        if (!Number.isNaN(busySince[unit])) addBusy(unit, time);
        break;
      case RecordKind.closed:
        closed[incident] = 1;
        endTime[incident] = time;
        break;
      case RecordKind.grew:
        grew[incident] = 1;
        break;
    }
  }
  for (let unit = 0; unit < unitCount; unit++) {
    if (!Number.isNaN(busySince[unit])) addBusy(unit, end);
  }
  return {
    callTime,
    firstArrival,
    firstArrivalTier,
    waitTotal,
    waited,
    triaged,
    overflowed,
    unanswered,
    closed,
    endTime,
    grew,
    busyTime,
    compliance,
    approvalWaits,
    handoverWaits,
  };
}
