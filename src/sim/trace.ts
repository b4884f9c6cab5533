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
 * The index columns (incident, unit, place, command and the incident table) are Int8, Int16 or
 * Int32 arrays, as narrow as their values allow (see traceBuilder.ts): read them as numbers.
 * The digest and saved files see the numbers, not the widths.
 *
 * Version 1 had no command column and no decisions.
 */
import type { DecisionTable } from './dispatch/decisionTable.ts';
import { type IndexArray, int32Bytes } from './traceBuffers.ts';

export { TraceBuilder } from './traceBuilder.ts';
export type { IndexArray } from './traceBuffers.ts';

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
  incident: IndexArray;
  unit: IndexArray;
  place: IndexArray;
  cause: Uint8Array;
  value: Float64Array;
  command: IndexArray;
  /** Incident table: kind and district index of each incident, and its place. */
  incidentCount: number;
  incidentKind: IndexArray;
  incidentDistrict: IndexArray;
  incidentPlace: IndexArray;
  /** Coordinates of places as lon, lat pairs. */
  places: Float64Array;
  /** The dispatch decisions with their candidates, when the run was made to be explained. */
  decisions?: DecisionTable;
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

/** Every column and table of a trace's records, incidents and places (not its decisions). */
export function traceColumns(trace: Trace): Array<Float64Array | Uint8Array | IndexArray> {
  return [
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
  ];
}

/** The trace with every column in a buffer of its own (to transfer while the original is kept). */
export function copyTrace(trace: Trace): Trace {
  return {
    ...trace,
    time: trace.time.slice(),
    kind: trace.kind.slice(),
    incident: trace.incident.slice(),
    unit: trace.unit.slice(),
    place: trace.place.slice(),
    cause: trace.cause.slice(),
    value: trace.value.slice(),
    command: trace.command.slice(),
    incidentKind: trace.incidentKind.slice(),
    incidentDistrict: trace.incidentDistrict.slice(),
    incidentPlace: trace.incidentPlace.slice(),
    places: trace.places.slice(),
  };
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
  const hashArray = (array: ArrayBufferView & { length: number }) => {
    mix(array.length);
    hashBytes(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  };
  // An index column is hashed as Int32 whatever its width (see traceBuilder.ts).
  const hashIndexColumn = (array: IndexArray) => {
    mix(array.length);
    for (const bytes of int32Bytes(array)) hashBytes(bytes);
  };
  const hashBytes = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]);
  };
  hashArray(trace.time);
  hashArray(trace.kind);
  hashIndexColumn(trace.incident);
  hashIndexColumn(trace.unit);
  hashIndexColumn(trace.place);
  hashArray(trace.cause);
  hashArray(trace.value);
  hashIndexColumn(trace.command);
  hashIndexColumn(trace.incidentKind);
  hashIndexColumn(trace.incidentDistrict);
  hashIndexColumn(trace.incidentPlace);
  hashArray(trace.places);
  for (const array of trace.decisions ? decisionArrays(trace.decisions) : []) hashArray(array);
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
