/**
 * The trace: every state change of a run as a compact typed record — the one thing every view
 * reads. Records live in growable typed arrays (struct of arrays) so a year of a city costs
 * little memory and can be sent from a worker as transferable buffers.
 *
 * Format version 2. A record is (time s, kind, incident, unit, place, cause, value, command):
 * - incident: index into the incident table (−1 none); unit: index into `units` (−1 none);
 * - place: index into `places` (lon/lat pairs; −1 none); cause: why it happened (see CAUSES);
 * - value: a number whose meaning depends on the kind (see RECORD_KINDS);
 * - command: the command being applied when the record was written (−1 none): the scenario's
 *   events first, then its listed calls in order of time, then the commands submitted to the
 *   session (`header.commands`).
 * A run made to be explained also carries its dispatch decisions with their candidates
 * (`decisions`, see src/sim/dispatch/decisionTable.ts).
 *
 * Version 1 had no command column and no decisions.
 */
import type { DecisionTable } from './dispatch/decisionTable.ts';
import { exact, grownCapacity, resized } from './traceBuffers.ts';

export const TRACE_FORMAT = 'drill-planner-trace';
export const TRACE_FORMAT_VERSION = 2;

/** Record kinds, in the order of their codes, with what `value` holds. */
export const RECORD_KINDS = [
  ['callReceived', 'value: index of the incident kind'],
  ['sentTo12345', 'non-emergency call handed to the 12345 line; value: 0'],
  ['dispatched', 'unit notified (出动指令); value: estimated travel seconds'],
  ['enRoute', 'unit left (出动); value: mobilisation seconds'],
  ['arrived', 'unit on scene (到场), starts working; value: travel seconds'],
  ['cleared', 'unit finished on scene, returning; value: seconds on scene'],
  ['available', 'unit back at base and free; value: return travel seconds'],
  ['queued', 'incident waits for units; value: units missing'],
  ['overflowed', 'needs passed to outside help; value: units passed'],
  ['outsideArrived', 'outside help on scene; value: 0'],
  ['closed', 'incident closed (处置完毕); value: seconds since the call'],
  ['unanswered', 'incident given up with units missing; value: units missing'],
  ['external', 'external event applied; value: its parameter (edges, level, factor…)'],
  ['outOfService', 'unit taken out of service; value: 0'],
  ['inService', 'unit back in service; value: 0'],
  ['decision', 'an outside decision-maker answered; value: units chosen'],
  [
    'approved',
    'a step before the order reached the unit completed (cause says which); value: its seconds',
  ],
  [
    'prepositioned',
    'troops pre-positioned at a raised response level (预置兵力); value: the level',
  ],
  [
    'reported',
    'a unit’s report reached the centre in time (cause: which report); value: its delay s',
  ],
  ['reportedLate', 'a report came late, a recorded failure; value: its delay s'],
  ['reportMissing', 'a report never came (recorded when it became late); value: 0'],
  ['callBack', 'the caller was phoned back (回访); value: 0 satisfied, 1 basically, 2 unsatisfied'],
  ['requested', 'help asked of the level above (cause says which); value: units wanted'],
  ['grew', 'the incident grew while under-resourced (rule 12); value: its new severity'],
  [
    'planActivated',
    'a special plan was activated; initial response by the centre (先期处置); value: plan index',
  ],
  [
    'commandHandedOver',
    'command passed (to a special HQ, the SAR centre, or from a first receiver); value: seconds waited',
  ],
  ['firstReceiverActing', 'a unit not responsible for the kind acts first (首接负责制); value: 0'],
  [
    'supplied',
    'the rear HQ’s supplies reached the scene (cause rearHQ, or stockOut when found elsewhere); value: s since the request',
  ],
  [
    'graded',
    'a group incident graded by participants (cause township, county or city); value: participants',
  ],
  [
    'transportStarted',
    'a unit left the scene carrying a patient to a hospital (place: the hospital); value: hospital index',
  ],
  ['atHospital', 'the unit reached the hospital; value: travel seconds'],
  [
    'handedOver',
    'the patient was handed over at the hospital, the unit heads home; value: seconds',
  ],
] as const;

export type RecordKindName = (typeof RECORD_KINDS)[number][0];
export const RecordKind = Object.fromEntries(RECORD_KINDS.map(([name], code) => [name, code])) as {
  readonly [K in RecordKindName]: number;
};

export const CAUSES = [
  'none',
  'generatedCall',
  'listedCall',
  'triage',
  'nearest',
  'runCard',
  'queue',
  'redispatch',
  'decision',
  'noUnitFree',
  'overflowPolicy',
  'maxQueueWait',
  'endOfRun',
  'closeRoad',
  'openRoad',
  'unitOutOfService',
  'unitInService',
  'season',
  'responseLevel',
  'callRateFactor',
  'schedule',
  'fireRescueApproval',
  'seasonalApproval',
  'militaryApproval',
  'directRequest',
  'arrivalReport',
  'completionReport',
  'crossRegion',
  'growth',
  'specialPlan',
  'maritimeSAR',
  'sarRequest',
  'firstReceiver',
  'trafficControl',
  'roadDamage',
  'rearHQ',
  'stockOut',
  'township',
  'county',
  'city',
  'neighbourRequest',
] as const;

export type CauseName = (typeof CAUSES)[number];
export const Cause = Object.fromEntries(CAUSES.map((name, code) => [name, code])) as {
  readonly [K in CauseName]: number;
};

export interface TraceHeader {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_FORMAT_VERSION;
  scenario: string;
  seed: number;
  start: string;
  duration: number;
  warmup: number;
  units: string[];
  unitAgencies: string[];
  unitTiers: number[];
  /** Units of other districts or cities, sent only through reinforcement (rule 7). */
  unitReserves: boolean[];
  /**
   * Per incident kind, the tier whose arrival target applies: the best tier among the units
   * able to meet the kind's first need (3, or 0 when none can: no target).
   */
  kindTargetTiers: number[];
  incidentKinds: string[];
  districts: string[];
  districtAreas: Array<'urban' | 'rural'>;
  /** The commands of the run, numbered as in the `command` column. */
  commands: {
    /** The scenario's external events (numbers 0 … events − 1). */
    scenarioEvents: number;
    /** The scenario's listed calls (the next numbers). */
    listedCalls: number;
    /** Commands submitted to the session, in order (the numbers after those). */
    submitted: Array<{ id: string; source: 'scenario' | 'drill' | 'operator' }>;
  };
}

/** A finished trace: plain data (typed arrays), safe to transfer between threads. */
export interface Trace {
  header: TraceHeader;
  length: number;
  time: Float64Array;
  kind: Uint8Array;
  incident: Int32Array;
  unit: Int32Array;
  place: Int32Array;
  cause: Uint8Array;
  value: Float64Array;
  command: Int32Array;
  /** Incident table: kind and district index of each incident, and its place. */
  incidentCount: number;
  incidentKind: Int32Array;
  incidentDistrict: Int32Array;
  incidentPlace: Int32Array;
  /** Coordinates of places as lon, lat pairs. */
  places: Float64Array;
  /** The dispatch decisions with their candidates, when the run was made to be explained. */
  decisions?: DecisionTable;
}

export class TraceBuilder {
  length = 0;
  private capacity: number;
  time: Float64Array;
  kind: Uint8Array;
  incident: Int32Array;
  unit: Int32Array;
  place: Int32Array;
  cause: Uint8Array;
  value: Float64Array;
  command: Int32Array;
  /** The command being applied (−1: none), written with every record. */
  currentCommand = -1;
  incidentCount = 0;
  private incidentCapacity: number;
  incidentKind: Int32Array;
  incidentDistrict: Int32Array;
  incidentPlace: Int32Array;

  /** Room for records and incidents up front: an estimate of the run saves growing's copies. */
  constructor(initialCapacity = 4096, initialIncidents = 1024) {
    this.capacity = Math.max(1, initialCapacity);
    this.incidentCapacity = Math.max(1, initialIncidents);
    this.incidentKind = new Int32Array(this.incidentCapacity);
    this.incidentDistrict = new Int32Array(this.incidentCapacity);
    this.incidentPlace = new Int32Array(this.incidentCapacity);
    this.time = new Float64Array(initialCapacity);
    this.kind = new Uint8Array(initialCapacity);
    this.incident = new Int32Array(initialCapacity);
    this.unit = new Int32Array(initialCapacity);
    this.place = new Int32Array(initialCapacity);
    this.cause = new Uint8Array(initialCapacity);
    this.value = new Float64Array(initialCapacity);
    this.command = new Int32Array(initialCapacity);
  }

  record(
    time: number,
    kind: number,
    incident: number,
    unit: number,
    place: number,
    cause: number,
    value: number,
  ): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.kind[i] = kind;
    this.incident[i] = incident;
    this.unit[i] = unit;
    this.place[i] = place;
    this.cause[i] = cause;
    this.value[i] = value;
    this.command[i] = this.currentCommand;
  }

  /** Adds an incident to the table and returns its index. */
  addIncident(kind: number, district: number, place: number): number {
    if (this.incidentCount === this.incidentCapacity) {
      this.incidentCapacity = grownCapacity(this.incidentCapacity);
      this.incidentKind = resized(this.incidentKind, this.incidentCapacity);
      this.incidentDistrict = resized(this.incidentDistrict, this.incidentCapacity);
      this.incidentPlace = resized(this.incidentPlace, this.incidentCapacity);
    }
    const index = this.incidentCount++;
    this.incidentKind[index] = kind;
    this.incidentDistrict[index] = district;
    this.incidentPlace[index] = place;
    return index;
  }

  /** The finished trace, its arrays of exact length (large ones views, see traceBuffers.ts). */
  finish(header: TraceHeader, places: Float64Array, decisions?: DecisionTable): Trace {
    const n = this.length;
    const m = this.incidentCount;
    return {
      header,
      length: n,
      time: exact(this.time, n),
      kind: exact(this.kind, n),
      incident: exact(this.incident, n),
      unit: exact(this.unit, n),
      place: exact(this.place, n),
      cause: exact(this.cause, n),
      value: exact(this.value, n),
      command: exact(this.command, n),
      incidentCount: m,
      incidentKind: exact(this.incidentKind, m),
      incidentDistrict: exact(this.incidentDistrict, m),
      incidentPlace: exact(this.incidentPlace, m),
      places,
      ...(decisions ? { decisions } : {}),
    };
  }

  private grow(): void {
    this.capacity = grownCapacity(this.capacity);
    this.time = resized(this.time, this.capacity);
    this.kind = resized(this.kind, this.capacity);
    this.incident = resized(this.incident, this.capacity);
    this.unit = resized(this.unit, this.capacity);
    this.place = resized(this.place, this.capacity);
    this.cause = resized(this.cause, this.capacity);
    this.value = resized(this.value, this.capacity);
    this.command = resized(this.command, this.capacity);
  }
}

/** One record as a plain object, as written to NDJSON. */
export interface TraceRecordJson {
  t: number;
  ev: RecordKindName;
  incident?: number;
  unit?: string;
  lon?: number;
  lat?: number;
  cause: CauseName;
  value: number;
  /** The command that caused it, if any. */
  command?: number;
}

export function recordToJson(trace: Trace, i: number): TraceRecordJson {
  const record: TraceRecordJson = {
    t: trace.time[i],
    ev: RECORD_KINDS[trace.kind[i]][0],
    cause: CAUSES[trace.cause[i]],
    value: trace.value[i],
  };
  if (trace.incident[i] >= 0) record.incident = trace.incident[i];
  if (trace.unit[i] >= 0) record.unit = trace.header.units[trace.unit[i]];
  if (trace.command[i] >= 0) record.command = trace.command[i];
  const place = trace.place[i];
  if (place >= 0) {
    record.lon = trace.places[2 * place];
    record.lat = trace.places[2 * place + 1];
  }
  return record;
}

/** The trace as NDJSON lines: the header first, then one line per record. */
export function* traceToNdjson(trace: Trace): Generator<string> {
  yield JSON.stringify({ ...trace.header, records: trace.length, incidents: trace.incidentCount });
  for (let i = 0; i < trace.length; i++) yield JSON.stringify(recordToJson(trace, i));
}

/**
 * A 64-bit digest (hex) of everything in a trace: header and all arrays, byte for byte.
 * Two runs with the same digest wrote the same trace; used to compare Node and the browser.
 */
export function traceDigest(trace: Trace): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const mix = (word: number) => {
    h1 = Math.imul(h1 ^ word, 0x01000193);
    h2 = Math.imul(h2 ^ word, 0x5bd1e995) ^ (h2 >>> 15);
  };
  const text =
    JSON.stringify(trace.header) +
    (trace.decisions ? JSON.stringify(trace.decisions.capabilities) : '');
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  const arrays = [
    trace.time,
    trace.kind,
    trace.incident,
    trace.unit,
    trace.place,
    trace.cause,
    trace.value,
    trace.command,
    trace.incidentKind,
    trace.incidentDistrict,
    trace.incidentPlace,
    trace.places,
    ...(trace.decisions ? decisionArrays(trace.decisions) : []),
  ];
  for (const array of arrays) {
    mix(array.length);
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}

function decisionArrays(table: DecisionTable) {
  return [
    table.record,
    table.incident,
    table.cause,
    table.start,
    table.candidateSlot,
    table.candidateCapability,
    table.candidateUnit,
    table.candidateTravel,
    table.candidateDelay,
    table.candidateChosen,
    table.candidateTotal,
  ];
}
