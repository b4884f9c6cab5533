/**
 * A saved replay: the scenario as it ran, the seed and the whole trace in columns (one JSON array
 * per field), with the trace's digest so that a damaged file is caught rather than replayed
 * wrong. Opening one needs no rerun. Pure: no DOM.
 */
import { z } from 'zod';
import {
  CAUSES,
  RECORD_KINDS,
  TRACE_FORMAT,
  TRACE_FORMAT_VERSION,
  traceDigest,
  type Trace,
  type TraceHeader,
} from '../../sim/trace.ts';
import type { DecisionTable } from '../../sim/dispatch/decisionTable.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export const REPLAY_FILE_FORMAT = 'drill-planner-replay';
export const REPLAY_FILE_VERSION = 2;

export interface SavedReplay {
  doc: ScenarioDoc;
  seed: number;
  trace: Trace;
}

/** JSON has no NaN or Infinity: NaN is written as null, infinities as strings. */
type JsonNumber = number | null | 'Infinity' | '-Infinity';

function toJsonNumber(value: number): JsonNumber {
  if (Number.isNaN(value)) return null;
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

function fromJsonNumber(value: JsonNumber): number {
  if (value === null) return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return value;
}

const column = z.array(
  z.union([z.number(), z.null(), z.literal('Infinity'), z.literal('-Infinity')]),
);
const integers = z.array(z.number().int());

const HeaderSchema = z.object({
  format: z.literal(TRACE_FORMAT),
  version: z.number().int(),
  scenario: z.string(),
  seed: z.number(),
  start: z.string(),
  duration: z.number(),
  warmup: z.number(),
  units: z.array(z.string()),
  unitAgencies: z.array(z.string()),
  unitTiers: z.array(z.number()),
  unitReserves: z.array(z.boolean()),
  kindTargetTiers: z.array(z.number()),
  incidentKinds: z.array(z.string()),
  districts: z.array(z.string()),
  districtAreas: z.array(z.enum(['urban', 'rural'])),
  commands: z.object({
    scenarioEvents: z.number().int().min(0),
    listedCalls: z.number().int().min(0),
    submitted: z.array(
      z.object({ id: z.string(), source: z.enum(['scenario', 'drill', 'operator']) }),
    ),
  }),
});

const DecisionsSchema = z.object({
  count: z.number().int().min(0),
  record: integers,
  incident: integers,
  cause: integers,
  start: integers,
  candidateSlot: integers,
  candidateCapability: integers,
  candidateUnit: integers,
  candidateTravel: column,
  candidateDelay: column,
  candidateChosen: integers,
  candidateTotal: integers,
  capabilities: z.array(z.string()),
});

const FileSchema = z.object({
  format: z.literal(REPLAY_FILE_FORMAT),
  version: z.number().int(),
  seed: z.number().int(),
  scenario: z.record(z.string(), z.unknown()),
  digest: z.string(),
  trace: z.object({
    header: HeaderSchema,
    length: z.number().int().min(0),
    time: column,
    kind: integers,
    incident: integers,
    unit: integers,
    place: integers,
    cause: integers,
    value: column,
    command: integers,
    incidentCount: z.number().int().min(0),
    incidentKind: integers,
    incidentDistrict: integers,
    incidentPlace: integers,
    places: column,
    decisions: DecisionsSchema.optional(),
  }),
});

/** The replay as the text of a file. */
export function replayFileText(saved: SavedReplay): string {
  const { trace } = saved;
  const numbers = (array: ArrayLike<number>) => Array.from(array, toJsonNumber);
  const integerList = (array: ArrayLike<number>) => Array.from(array);
  return JSON.stringify({
    format: REPLAY_FILE_FORMAT,
    version: REPLAY_FILE_VERSION,
    seed: saved.seed,
    scenario: saved.doc,
    digest: traceDigest(trace),
    trace: {
      header: trace.header,
      length: trace.length,
      time: numbers(trace.time),
      kind: integerList(trace.kind),
      incident: integerList(trace.incident),
      unit: integerList(trace.unit),
      place: integerList(trace.place),
      cause: integerList(trace.cause),
      value: numbers(trace.value),
      command: integerList(trace.command),
      incidentCount: trace.incidentCount,
      incidentKind: integerList(trace.incidentKind),
      incidentDistrict: integerList(trace.incidentDistrict),
      incidentPlace: integerList(trace.incidentPlace),
      places: numbers(trace.places),
      decisions: trace.decisions && {
        count: trace.decisions.count,
        record: integerList(trace.decisions.record),
        incident: integerList(trace.decisions.incident),
        cause: integerList(trace.decisions.cause),
        start: integerList(trace.decisions.start),
        candidateSlot: integerList(trace.decisions.candidateSlot),
        candidateCapability: integerList(trace.decisions.candidateCapability),
        candidateUnit: integerList(trace.decisions.candidateUnit),
        candidateTravel: numbers(trace.decisions.candidateTravel),
        candidateDelay: numbers(trace.decisions.candidateDelay),
        candidateChosen: integerList(trace.decisions.candidateChosen),
        candidateTotal: integerList(trace.decisions.candidateTotal),
        capabilities: trace.decisions.capabilities,
      },
    },
  });
}

/** Why a file could not be opened; `detail` says where, in the file's own terms. */
export type ReplayFileProblem =
  | { code: 'notJson'; detail: string }
  | { code: 'notReplay'; detail: string }
  | { code: 'newerVersion'; detail: string }
  | { code: 'olderVersion'; detail: string }
  | { code: 'damaged'; detail: string };

export type ReplayFileResult =
  { ok: true; saved: SavedReplay } | { ok: false; problem: ReplayFileProblem };

export function parseReplayFile(text: string): ReplayFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { code: 'notJson', detail: (error as Error).message } };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== REPLAY_FILE_FORMAT) {
    return {
      ok: false,
      problem: { code: 'notReplay', detail: `format: ${JSON.stringify(format ?? null)}` },
    };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version < REPLAY_FILE_VERSION) {
    return { ok: false, problem: { code: 'olderVersion', detail: `version ${version}` } };
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: { code: 'damaged', detail: `${issue.path.join('.')}: ${issue.message}` },
    };
  }
  const file = parsed.data;
  if (file.version > REPLAY_FILE_VERSION || file.trace.header.version > TRACE_FORMAT_VERSION) {
    return {
      ok: false,
      problem: {
        code: 'newerVersion',
        detail: `version ${file.version}, trace ${file.trace.header.version}`,
      },
    };
  }
  const data = file.trace;
  const trace: Trace = {
    // The header as written (the digest covers its keys in their order, which parsing may change).
    header: (json as { trace: { header: TraceHeader } }).trace.header,
    length: data.length,
    time: Float64Array.from(data.time, fromJsonNumber),
    kind: Uint8Array.from(data.kind),
    incident: Int32Array.from(data.incident),
    unit: Int32Array.from(data.unit),
    place: Int32Array.from(data.place),
    cause: Uint8Array.from(data.cause),
    value: Float64Array.from(data.value, fromJsonNumber),
    command: Int32Array.from(data.command),
    incidentCount: data.incidentCount,
    incidentKind: Int32Array.from(data.incidentKind),
    incidentDistrict: Int32Array.from(data.incidentDistrict),
    incidentPlace: Int32Array.from(data.incidentPlace),
    places: Float64Array.from(data.places, fromJsonNumber),
    ...(data.decisions ? { decisions: decisionsFrom(data.decisions) } : {}),
  };
  const inconsistency = traceInconsistency(trace, data);
  if (inconsistency) return { ok: false, problem: { code: 'damaged', detail: inconsistency } };
  if (traceDigest(trace) !== file.digest) {
    return { ok: false, problem: { code: 'damaged', detail: `digest ${file.digest}` } };
  }
  return { ok: true, saved: { doc: file.scenario, seed: file.seed, trace } };
}

/** The first thing that makes the columns disagree with each other, or null. */
function traceInconsistency(
  trace: Trace,
  data: z.infer<typeof FileSchema>['trace'],
): string | null {
  const n = trace.length;
  const columns = { time: data.time, kind: data.kind, incident: data.incident, unit: data.unit };
  const more = { place: data.place, cause: data.cause, value: data.value, command: data.command };
  for (const [name, values] of Object.entries({ ...columns, ...more })) {
    if (values.length !== n) return `trace.${name}: ${values.length} values for ${n} records`;
  }
  const m = trace.incidentCount;
  const incidentColumns = {
    incidentKind: data.incidentKind,
    incidentDistrict: data.incidentDistrict,
    incidentPlace: data.incidentPlace,
  };
  for (const [name, values] of Object.entries(incidentColumns)) {
    if (values.length !== m) return `trace.${name}: ${values.length} values for ${m} incidents`;
  }
  const placeCount = trace.places.length / 2;
  const units = trace.header.units.length;
  for (let i = 0; i < n; i++) {
    if (!(data.kind[i] >= 0 && data.kind[i] < RECORD_KINDS.length)) return `trace.kind[${i}]`;
    if (!(data.cause[i] >= 0 && data.cause[i] < CAUSES.length)) return `trace.cause[${i}]`;
    if (!(trace.incident[i] >= -1 && trace.incident[i] < m)) return `trace.incident[${i}]`;
    if (!(trace.unit[i] >= -1 && trace.unit[i] < units)) return `trace.unit[${i}]`;
    if (!(trace.place[i] >= -1 && trace.place[i] < placeCount)) return `trace.place[${i}]`;
    if (!Number.isFinite(trace.time[i]) || (i > 0 && trace.time[i] < trace.time[i - 1])) {
      return `trace.time[${i}]`;
    }
  }
  for (let k = 0; k < m; k++) {
    if (!(trace.incidentPlace[k] >= -1 && trace.incidentPlace[k] < placeCount)) {
      return `trace.incidentPlace[${k}]`;
    }
  }
  return null;
}

function decisionsFrom(data: z.infer<typeof DecisionsSchema>): DecisionTable {
  return {
    count: data.count,
    record: Int32Array.from(data.record),
    incident: Int32Array.from(data.incident),
    cause: Uint8Array.from(data.cause),
    start: Int32Array.from(data.start),
    candidateSlot: Int32Array.from(data.candidateSlot),
    candidateCapability: Int32Array.from(data.candidateCapability),
    candidateUnit: Int32Array.from(data.candidateUnit),
    candidateTravel: Float64Array.from(data.candidateTravel, fromJsonNumber),
    candidateDelay: Float64Array.from(data.candidateDelay, fromJsonNumber),
    candidateChosen: Uint8Array.from(data.candidateChosen),
    candidateTotal: Int32Array.from(data.candidateTotal),
    capabilities: data.capabilities,
  };
}
