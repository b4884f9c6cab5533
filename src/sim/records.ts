/**
 * Trace records decoded: one record of the trace's columns (src/sim/trace.ts) as an object whose
 * `kind` says what it is and whose fields say what `value` and `cause` mean for that kind —
 * `arrived.travelSeconds`, `dispatched.why`, `callBack.rating` — instead of each reader knowing
 * the meaning of `value` per kind. Absent incident, unit or place (−1 in the columns) is `null`;
 * a field that the kind always or never has is typed so (`number`, or `null`).
 *
 * A decoded record is an object per record: for views, explanations and tests. Loops over every
 * record of a long run that must stay fast (metrics, replay, the bulletin) read the columns.
 */
import {
  CAUSES,
  RECORD_KINDS,
  RecordKind,
  type CauseName,
  type RecordKindName,
  type Trace,
} from './trace.ts';

/**
 * The causes each kind of record can have, as the engine writes them. Tests check every record
 * of every built-in scenario against it (tests/unit/records.test.ts).
 */
export const RECORD_CAUSES = {
  callReceived: ['generatedCall', 'listedCall'],
  sentTo12345: ['triage'],
  dispatched: ['nearest', 'runCard', 'queue', 'redispatch', 'decision', 'crossRegion'],
  enRoute: ['none', 'trafficControl'],
  arrived: ['none'],
  cleared: ['none', 'firstReceiver', 'rearHQ'],
  available: ['none', 'closeRoad'],
  queued: ['noUnitFree', 'decision'],
  overflowed: ['noUnitFree', 'decision', 'overflowPolicy'],
  outsideArrived: ['overflowPolicy'],
  closed: ['none'],
  unanswered: ['maxQueueWait', 'endOfRun'],
  external: [
    'closeRoad',
    'openRoad',
    'roadDamage',
    'unitOutOfService',
    'unitInService',
    'season',
    'responseLevel',
    'callRateFactor',
  ],
  outOfService: ['unitOutOfService'],
  inService: ['unitInService'],
  decision: ['decision'],
  approved: [
    'fireRescueApproval',
    'seasonalApproval',
    'militaryApproval',
    'directRequest',
    'sarRequest',
    'neighbourRequest',
    'crossRegion',
  ],
  prepositioned: ['responseLevel'],
  reported: ['arrivalReport', 'completionReport'],
  reportedLate: ['arrivalReport', 'completionReport'],
  reportMissing: ['arrivalReport', 'completionReport'],
  callBack: ['none'],
  requested: ['crossRegion', 'rearHQ'],
  grew: ['growth'],
  planActivated: ['specialPlan'],
  commandHandedOver: ['specialPlan', 'maritimeSAR', 'firstReceiver'],
  firstReceiverActing: ['firstReceiver'],
  supplied: ['rearHQ', 'stockOut'],
  graded: ['township', 'county', 'city'],
} as const satisfies { readonly [K in RecordKindName]: readonly CauseName[] };

/** The causes a kind of record can have. */
export type CauseOf<K extends RecordKindName> = (typeof RECORD_CAUSES)[K][number];

/** A cause that is there or not: `none` is null. */
type OrNone<K extends RecordKindName> = Exclude<CauseOf<K>, 'none'> | null;

/** What every record has. */
interface Base {
  /** Simulated time, s. */
  t: number;
  /** The command being applied when the record was written (the `command` column), or null. */
  command: number | null;
}
/** About an incident, at its place. */
interface OfIncident extends Base {
  incident: number;
  unit: null;
  place: number;
}
/**
 * A unit sent to an incident, where it is. A unit of a reserve pool (rule 7: its own approach
 * time, no base) has no place until it is on scene.
 */
interface OfUnitOnTheWay extends Base {
  incident: number;
  unit: number;
  place: number | null;
}
/** A unit on scene, at the incident's place. */
interface OfUnitOnScene extends Base {
  incident: number;
  unit: number;
  place: number;
}
/** A unit, on no incident, where it is (a reserve unit: nowhere). */
interface OfUnit extends Base {
  incident: null;
  unit: number;
  place: number | null;
}
/** An external event (`event` is the record's cause): no incident, no place. */
interface External extends Base {
  kind: 'external';
  incident: null;
  place: null;
}

/** The callBack record's value. */
export const CALL_BACK_RATINGS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type CallBackRating = (typeof CALL_BACK_RATINGS)[number];

/** One trace record, decoded: see RECORD_KINDS and the README's table for what each kind is. */
export type TraceRecord =
  | (OfIncident & { kind: 'callReceived'; incidentKind: number; cause: CauseOf<'callReceived'> })
  | (OfIncident & { kind: 'sentTo12345' })
  | (OfUnitOnTheWay & {
      kind: 'dispatched';
      why: CauseOf<'dispatched'>;
      /** NaN for a unit with its own approach time (no road travel). */
      estimatedTravelSeconds: number;
    })
  | (OfUnitOnTheWay & {
      kind: 'enRoute';
      mobilisationSeconds: number;
      /** A rule that made the trip faster (traffic control), if any. */
      spedUpBy: OrNone<'enRoute'>;
    })
  | (OfUnitOnScene & { kind: 'arrived'; travelSeconds: number })
  | (OfUnitOnScene & {
      kind: 'cleared';
      onSceneSeconds: number;
      /** The rule that moved the end of the work from the drawn time, if any. */
      endMovedBy: OrNone<'cleared'>;
    })
  | (OfUnit & {
      kind: 'available';
      /** 0 when stranded. */
      returnTravelSeconds: number;
      /** closeRoad: no way home (or to the incident), free where it is rather than at base. */
      strandedBy: OrNone<'available'>;
    })
  | (OfIncident & { kind: 'queued'; unitsMissing: number; why: CauseOf<'queued'> })
  | (OfIncident & { kind: 'overflowed'; unitsPassed: number; why: CauseOf<'overflowed'> })
  | (OfIncident & { kind: 'outsideArrived' })
  | (OfIncident & { kind: 'closed'; secondsSinceCall: number })
  | (OfIncident & { kind: 'unanswered'; unitsMissing: number; why: CauseOf<'unanswered'> })
  | (External & { event: 'closeRoad' | 'openRoad' | 'roadDamage'; unit: null; edges: number })
  | (External & { event: 'unitOutOfService' | 'unitInService'; unit: number })
  | (External & { event: 'season'; unit: null; active: boolean })
  | (External & { event: 'responseLevel'; unit: null; level: number })
  | (External & { event: 'callRateFactor'; unit: null; factor: number })
  | (OfUnit & { kind: 'outOfService' })
  | (OfUnit & { kind: 'inService' })
  | (OfIncident & { kind: 'decision'; unitsChosen: number })
  | (Base & {
      kind: 'approved';
      incident: number;
      /** null: a step for the incident as a whole (crossRegion approval). */
      unit: number | null;
      /** Where the unit is (null: a reserve unit), or the incident's place. */
      place: number | null;
      step: CauseOf<'approved'>;
      seconds: number;
    })
  | (OfUnit & { kind: 'prepositioned'; level: number })
  | (OfUnitOnScene & {
      kind: 'reported';
      report: CauseOf<'reported'>;
      delaySeconds: number;
    })
  | (OfUnitOnScene & {
      kind: 'reportedLate';
      report: CauseOf<'reportedLate'>;
      delaySeconds: number;
    })
  | (OfUnitOnScene & { kind: 'reportMissing'; report: CauseOf<'reportMissing'> })
  | (OfIncident & { kind: 'callBack'; rating: CallBackRating })
  | (OfIncident & { kind: 'requested'; cause: 'crossRegion'; unitsWanted: number })
  | (OfIncident & { kind: 'requested'; cause: 'rearHQ'; suppliesWanted: number })
  | (OfIncident & { kind: 'grew'; severity: number })
  | (OfIncident & { kind: 'planActivated'; plan: number })
  | (Base & {
      kind: 'commandHandedOver';
      incident: number;
      /** The first receiver handing over (cause firstReceiver), else null. */
      unit: number | null;
      place: number;
      cause: CauseOf<'commandHandedOver'>;
      secondsWaited: number;
    })
  | (OfUnitOnScene & { kind: 'firstReceiverActing' })
  | (OfIncident & {
      kind: 'supplied';
      /** stockOut: found elsewhere, after the stock ran out. */
      cause: CauseOf<'supplied'>;
      secondsSinceRequest: number;
    })
  | (OfIncident & { kind: 'graded'; level: CauseOf<'graded'>; participants: number });

/** The decoded record of one kind. */
export type RecordOf<K extends RecordKindName> = Extract<TraceRecord, { kind: K }>;

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
