/**
 * Trace records decoded: one record of the trace's columns (src/sim/trace.ts) as an object whose
 * `kind` says what it is and whose fields say what `value` and `cause` mean for that kind —
 * `arrived.travelSeconds`, `dispatched.why`, `callBack.rating` — instead of each reader knowing
 * the meaning of `value` per kind. Absent incident, unit or place (−1 in the columns) is `null`;
 * a field that the kind always or never has is typed so (`number`, or `null`).
 *
 * `decodeRecord` (src/sim/decodeRecord.ts) makes them. A decoded record is an object per record: for views, explanations and tests. Loops over every
 * record of a long run that must stay fast (metrics, replay, the bulletin) read the columns.
 */
import type { CauseName, RecordKindName } from './trace.ts';

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
  transportStarted: ['none'],
  atHospital: ['none'],
  handedOver: ['none'],
} as const satisfies { readonly [K in RecordKindName]: readonly CauseName[] };

/** The causes a kind of record can have. */
export type CauseOf<K extends RecordKindName> = (typeof RECORD_CAUSES)[K][number];

/** A cause that is there or not: `none` is null. */
export type OrNone<K extends RecordKindName> = Exclude<CauseOf<K>, 'none'> | null;

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
  | (OfIncident & { kind: 'graded'; level: CauseOf<'graded'>; participants: number })
  | (Base & {
      kind: 'transportStarted';
      /** The incident the patient comes from. */
      incident: number;
      unit: number;
      /** The hospital's place. */
      place: number;
      /** Index of the hospital in the scenario's `hospitals`. */
      hospital: number;
    })
  | (Base & {
      kind: 'atHospital';
      incident: null;
      unit: number;
      place: number;
      travelSeconds: number;
    })
  | (Base & {
      kind: 'handedOver';
      incident: null;
      unit: number;
      place: number;
      handoverSeconds: number;
    });

/** The decoded record of one kind. */
export type RecordOf<K extends RecordKindName> = Extract<TraceRecord, { kind: K }>;
