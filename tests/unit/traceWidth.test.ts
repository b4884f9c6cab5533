/**
 * The trace's index columns (incident, unit, place, command and the incident table) start one
 * byte wide and widen when a value needs more: they must read back exactly what a column of
 * Int32 would have held, and the digest of a narrow trace must be the digest the same records
 * had when every index column was Int32 (the digest as it was written before narrow columns).
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { queueScenario } from '../../src/scenarios/theory.ts';
import { makeStream } from '../../src/sim/random.ts';
import { Session } from '../../src/sim/session.ts';
import {
  TraceBuilder,
  traceDigest,
  type IndexArray,
  type Trace,
  type TraceHeader,
} from '../../src/sim/trace.ts';

const HEADER = { scenario: 'width', units: ['a', 'b'] } as unknown as TraceHeader;
const INDEX_COLUMNS = [
  'incident',
  'unit',
  'place',
  'command',
  'incidentKind',
  'incidentDistrict',
  'incidentPlace',
] as const;

/** The digest as trace.ts computed it when every index column was an Int32Array. */
function int32Digest(trace: Trace): string {
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
  const wide = (array: IndexArray) => Int32Array.from(array);
  const d = trace.decisions;
  const arrays = [
    trace.time,
    trace.kind,
    wide(trace.incident),
    wide(trace.unit),
    wide(trace.place),
    trace.cause,
    trace.value,
    wide(trace.command),
    wide(trace.incidentKind),
    wide(trace.incidentDistrict),
    wide(trace.incidentPlace),
    trace.places,
    ...(d
      ? [
          d.record,
          d.incident,
          d.cause,
          d.start,
          d.candidateSlot,
          d.candidateCapability,
          d.candidateUnit,
          d.candidateTravel,
          d.candidateDelay,
          d.candidateChosen,
          d.candidateTotal,
        ]
      : []),
  ];
  for (const array of arrays) {
    mix(array.length);
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}

interface Written {
  incident: number[];
  unit: number[];
  place: number[];
  command: number[];
}

/** Writes `records` records whose index values are drawn up to the given bounds. */
function build(
  seed: number,
  records: number,
  bounds: { incident: number; unit: number; place: number; command: number },
  capacity = 64,
): { trace: Trace; written: Written } {
  const stream = makeStream(seed, 'traceWidthTest');
  const draw = (bound: number) => Math.floor(stream.next() * (bound + 2)) - 1; // −1 … bound
  const builder = new TraceBuilder(capacity, 4);
  const written: Written = { incident: [], unit: [], place: [], command: [] };
  for (let i = 0; i < records; i++) {
    if (i % 17 === 0) builder.currentCommand = draw(bounds.command);
    const incident = draw(bounds.incident);
    const unit = draw(bounds.unit);
    const place = draw(bounds.place);
    builder.record(i * 1.5, i % 30, incident, unit, place, i % 40, stream.next() * 1000);
    written.incident.push(incident);
    written.unit.push(unit);
    written.place.push(place);
    written.command.push(builder.currentCommand);
    if (i % 7 === 0) builder.addIncident(draw(bounds.unit), draw(bounds.place), place);
  }
  return { trace: builder.finish(HEADER, new Float64Array([120, 30])), written };
}

describe('narrow index columns', () => {
  it('stay one byte wide while every value fits, and read back what was written', () => {
    const { trace, written } = build(1, 500, { incident: 100, unit: 20, place: 120, command: 5 });
    for (const name of ['incident', 'unit', 'place', 'command'] as const) {
      expect(trace[name]).toBeInstanceOf(Int8Array);
      expect(Array.from(trace[name])).toEqual(written[name]);
    }
    expect(trace.incidentKind).toBeInstanceOf(Int8Array);
  });

  it('widen to Int16, then Int32, when a value needs it, keeping every earlier record', () => {
    const builder = new TraceBuilder(4, 2);
    const units = [-1, 0, 127, 128, -128, -129, 32_767, 32_768, -32_769, 2 ** 31 - 1, -(2 ** 31)];
    const widths: string[] = [];
    for (const [i, unit] of units.entries()) {
      builder.record(i, 0, -1, unit, -1, 0, 0);
      widths.push(builder.unit.constructor.name);
    }
    expect(widths).toEqual([
      'Int8Array',
      'Int8Array',
      'Int8Array',
      'Int16Array',
      'Int16Array',
      'Int16Array',
      'Int16Array',
      'Int32Array',
      'Int32Array',
      'Int32Array',
      'Int32Array',
    ]);
    const trace = builder.finish(HEADER, new Float64Array(0));
    expect(Array.from(trace.unit)).toEqual(units);
    expect(trace.place).toBeInstanceOf(Int8Array); // untouched columns stay narrow
  });

  it('store odd numbers exactly as an Int32 column would (truncated, wrapped, NaN as 0)', () => {
    const odd = [1.5, -1.5, 126.9, -128.4, 127.5, NaN, Infinity, 2 ** 31 + 5, -(2 ** 40) - 3, 3e9];
    const builder = new TraceBuilder(2, 1);
    for (const [i, value] of odd.entries()) builder.record(i, 0, value, -1, -1, 0, 0);
    const trace = builder.finish(HEADER, new Float64Array(0));
    expect(Array.from(trace.incident)).toEqual(Array.from(Int32Array.from(odd)));
  });

  it('widen the command column when a command number needs it', () => {
    const builder = new TraceBuilder(8, 1);
    builder.record(0, 0, -1, -1, -1, 0, 0);
    builder.currentCommand = 300;
    expect(builder.currentCommand).toBe(300);
    builder.record(1, 0, -1, -1, -1, 0, 0);
    builder.currentCommand = -1;
    builder.record(2, 0, -1, -1, -1, 0, 0);
    const trace = builder.finish(HEADER, new Float64Array(0));
    expect(trace.command).toBeInstanceOf(Int16Array);
    expect(Array.from(trace.command)).toEqual([-1, 300, -1]);
  });

  it('widen the incident table as kinds, districts and places need', () => {
    const builder = new TraceBuilder(4, 2);
    const rows = [
      [0, 1, -1],
      [5, 200, 3],
      [40_000, 2, 70_000],
    ];
    for (const [kind, district, place] of rows) builder.addIncident(kind, district, place);
    const trace = builder.finish(HEADER, new Float64Array(0));
    expect(Array.from(trace.incidentKind)).toEqual([0, 5, 40_000]);
    expect(Array.from(trace.incidentDistrict)).toEqual([1, 200, 2]);
    expect(trace.incidentDistrict).toBeInstanceOf(Int16Array);
    expect(Array.from(trace.incidentPlace)).toEqual([-1, 3, 70_000]);
  });
});

describe('the digest of a trace with narrow columns', () => {
  it('is the digest its records had with every index column Int32, on many random traces', () => {
    const bounds = [
      { incident: 50, unit: 10, place: 3, command: -1 },
      { incident: 5_000, unit: 200, place: 100, command: 40 },
      { incident: 100_000, unit: 40_000, place: 3_000_000, command: 70_000 },
    ];
    for (let seed = 1; seed <= 30; seed++) {
      const { trace } = build(seed, 50 + seed * 37, bounds[seed % 3], 1 + (seed % 5) * 40);
      expect(traceDigest(trace)).toBe(int32Digest(trace));
      const widened = { ...trace };
      for (const name of INDEX_COLUMNS) widened[name] = Int32Array.from(trace[name]);
      expect(traceDigest(widened)).toBe(traceDigest(trace));
    }
  });

  it('is the Int32 digest for real runs too, hashing a long narrow column chunk by chunk', () => {
    // A textbook queue: 3 units and one place, so unit and place stay Int8 over 40,000 records.
    const session = new Session(
      queueScenario({
        servers: 3,
        arrivalRatePerMinute: 1.5,
        serviceRatePerMinute: 1,
        whenNoUnit: 'queue',
        durationMinutes: 4_000,
      }),
      3,
    );
    session.advance();
    const queue = session.finishTrace();
    expect(queue.length).toBeGreaterThan(40_000);
    expect(queue.unit).toBeInstanceOf(Int8Array);
    expect(queue.place).toBeInstanceOf(Int8Array);
    expect(queue.command).toBeInstanceOf(Int8Array);
    expect(traceDigest(queue)).toBe(int32Digest(queue));
    // A city with commands, decisions explained and many places.
    const city = new Session(builtinScenario('jinhua-hazmat-drill'), 1, { explain: true });
    city.advance();
    const trace = city.finishTrace();
    expect(trace.decisions).toBeDefined();
    expect(traceDigest(trace)).toBe(int32Digest(trace));
  });
});
