/**
 * Decoding trace records (src/sim/records.ts says what a decoded record is): one record of the
 * trace's columns as a `TraceRecord`. The switch covers every kind code, so a kind added to
 * RECORD_KINDS without a decoder does not compile.
 */
import type { CauseOf, OrNone, TraceRecord } from './records.ts';
import { CALL_BACK_RATINGS } from './records.ts';
import {
  CAUSES,
  RECORD_KINDS,
  RecordKind,
  type CauseName,
  type RecordKindName,
  type Trace,
} from './trace.ts';

/** Each kind's code as a literal type (its index in RECORD_KINDS). */
type KindCodes = {
  [
    I in keyof typeof RECORD_KINDS as I extends `${number}` ? (typeof RECORD_KINDS)[I][0] : never
  ]: I extends `${infer N extends number}` ? N : never;
};
type KindCode = KindCodes[RecordKindName];
const Code = RecordKind as KindCodes;

/** −1 (none) as null. */
const orNull = (index: number): number | null => (index >= 0 ? index : null);

/**
 * Record `i` of the trace, decoded. The switch covers every kind code: a kind added to
 * RECORD_KINDS without a case here does not compile.
 */
export function decodeRecord(trace: Trace, i: number): TraceRecord {
  const t = trace.time[i];
  const command = orNull(trace.command[i]);
  const incident = trace.incident[i];
  const unit = trace.unit[i];
  const place = trace.place[i];
  const cause: CauseName = CAUSES[trace.cause[i]];
  const value = trace.value[i];
  const code = trace.kind[i] as KindCode;
  switch (code) {
    case Code.callReceived:
      return {
        kind: 'callReceived',
        t,
        command,
        incident,
        unit: null,
        place,
        incidentKind: value,
        cause: cause as CauseOf<'callReceived'>,
      };
    case Code.sentTo12345:
      return { kind: 'sentTo12345', t, command, incident, unit: null, place };
    case Code.dispatched:
      return {
        kind: 'dispatched',
        t,
        command,
        incident,
        unit,
        place: orNull(place),
        why: cause as CauseOf<'dispatched'>,
        estimatedTravelSeconds: value,
      };
    case Code.enRoute:
      return {
        kind: 'enRoute',
        t,
        command,
        incident,
        unit,
        place: orNull(place),
        mobilisationSeconds: value,
        spedUpBy: cause === 'none' ? null : (cause as OrNone<'enRoute'>),
      };
    case Code.arrived:
      return { kind: 'arrived', t, command, incident, unit, place, travelSeconds: value };
    case Code.cleared:
      return {
        kind: 'cleared',
        t,
        command,
        incident,
        unit,
        place,
        onSceneSeconds: value,
        endMovedBy: cause === 'none' ? null : (cause as OrNone<'cleared'>),
      };
    case Code.available:
      return {
        kind: 'available',
        t,
        command,
        incident: null,
        unit,
        place: orNull(place),
        returnTravelSeconds: value,
        strandedBy: cause === 'none' ? null : (cause as OrNone<'available'>),
      };
    case Code.queued:
      return {
        kind: 'queued',
        t,
        command,
        incident,
        unit: null,
        place,
        unitsMissing: value,
        why: cause as CauseOf<'queued'>,
      };
    case Code.overflowed:
      return {
        kind: 'overflowed',
        t,
        command,
        incident,
        unit: null,
        place,
        unitsPassed: value,
        why: cause as CauseOf<'overflowed'>,
      };
    case Code.outsideArrived:
      return { kind: 'outsideArrived', t, command, incident, unit: null, place };
    case Code.closed:
      return { kind: 'closed', t, command, incident, unit: null, place, secondsSinceCall: value };
    case Code.unanswered:
      return {
        kind: 'unanswered',
        t,
        command,
        incident,
        unit: null,
        place,
        unitsMissing: value,
        why: cause as CauseOf<'unanswered'>,
      };
    case Code.external:
      return decodeExternal(t, command, orNull(unit), cause as CauseOf<'external'>, value, i);
    case Code.outOfService:
      return { kind: 'outOfService', t, command, incident: null, unit, place: orNull(place) };
    case Code.inService:
      return { kind: 'inService', t, command, incident: null, unit, place: orNull(place) };
    case Code.decision:
      return { kind: 'decision', t, command, incident, unit: null, place, unitsChosen: value };
    case Code.approved:
      return {
        kind: 'approved',
        t,
        command,
        incident,
        unit: orNull(unit),
        place: orNull(place),
        step: cause as CauseOf<'approved'>,
        seconds: value,
      };
    case Code.prepositioned:
      return {
        kind: 'prepositioned',
        t,
        command,
        incident: null,
        unit,
        place: orNull(place),
        level: value,
      };
    case Code.reported:
      return {
        kind: 'reported',
        t,
        command,
        incident,
        unit,
        place,
        report: cause as CauseOf<'reported'>,
        delaySeconds: value,
      };
    case Code.reportedLate:
      return {
        kind: 'reportedLate',
        t,
        command,
        incident,
        unit,
        place,
        report: cause as CauseOf<'reportedLate'>,
        delaySeconds: value,
      };
    case Code.reportMissing:
      return {
        kind: 'reportMissing',
        t,
        command,
        incident,
        unit,
        place,
        report: cause as CauseOf<'reportMissing'>,
      };
    case Code.callBack:
      return {
        kind: 'callBack',
        t,
        command,
        incident,
        unit: null,
        place,
        rating: CALL_BACK_RATINGS[value],
      };
    case Code.requested:
      if (cause === 'crossRegion')
        return {
          kind: 'requested',
          t,
          command,
          incident,
          unit: null,
          place,
          cause,
          unitsWanted: value,
        };
      if (cause === 'rearHQ')
        return {
          kind: 'requested',
          t,
          command,
          incident,
          unit: null,
          place,
          cause,
          suppliesWanted: value,
        };
      throw new RangeError(`record ${i}: a request with cause ${cause}`);
    case Code.grew:
      return { kind: 'grew', t, command, incident, unit: null, place, severity: value };
    case Code.planActivated:
      return { kind: 'planActivated', t, command, incident, unit: null, place, plan: value };
    case Code.commandHandedOver:
      return {
        kind: 'commandHandedOver',
        t,
        command,
        incident,
        unit: orNull(unit),
        place,
        cause: cause as CauseOf<'commandHandedOver'>,
        secondsWaited: value,
      };
    case Code.firstReceiverActing:
      return { kind: 'firstReceiverActing', t, command, incident, unit, place };
    case Code.supplied:
      return {
        kind: 'supplied',
        t,
        command,
        incident,
        unit: null,
        place,
        cause: cause as CauseOf<'supplied'>,
        secondsSinceRequest: value,
      };
    case Code.graded:
      return {
        kind: 'graded',
        t,
        command,
        incident,
        unit: null,
        place,
        level: cause as CauseOf<'graded'>,
        participants: value,
      };
    case Code.transportStarted:
      return { kind: 'transportStarted', t, command, incident, unit, place, hospital: value };
    case Code.atHospital:
      return { kind: 'atHospital', t, command, incident: null, unit, place, travelSeconds: value };
    case Code.handedOver:
      return {
        kind: 'handedOver',
        t,
        command,
        incident: null,
        unit,
        place,
        handoverSeconds: value,
      };
    default:
      return unknownKind(code, i);
  }
}

function decodeExternal(
  t: number,
  command: number | null,
  unit: number | null,
  event: CauseOf<'external'>,
  value: number,
  i: number,
): TraceRecord {
  const base = { kind: 'external', t, command, incident: null, place: null } as const;
  switch (event) {
    case 'closeRoad':
    case 'openRoad':
    case 'roadDamage':
      return { ...base, unit: null, event, edges: value };
    case 'unitOutOfService':
    case 'unitInService':
      return { ...base, unit: unit!, event };
    case 'season':
      return { ...base, unit: null, event, active: value !== 0 };
    case 'responseLevel':
      return { ...base, unit: null, event, level: value };
    case 'callRateFactor':
      return { ...base, unit: null, event, factor: value };
    default:
      throw new RangeError(`record ${i}: an external event with cause ${String(event)}`);
  }
}

function unknownKind(code: never, i: number): never {
  throw new RangeError(`record ${i} has kind code ${String(code)}, which has no decoder`);
}

/** Records `from` (inclusive) to `to` (exclusive) by index, decoded; by default all of them. */
export function* records(trace: Trace, from = 0, to = trace.length): Generator<TraceRecord> {
  for (let i = Math.max(0, from); i < Math.min(to, trace.length); i++) {
    yield decodeRecord(trace, i);
  }
}
