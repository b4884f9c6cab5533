/**
 * The trace's buffers: sized from the scenario, grown by half past a million records (a big run
 * does not double), and handed over at their exact length, large ones as views (not copied).
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { queueScenario } from '../../src/scenarios/theory.ts';
import { Session } from '../../src/sim/session.ts';
import { copyTrace, TraceBuilder, traceDigest, type TraceHeader } from '../../src/sim/trace.ts';

const HEADER = {} as TraceHeader;

function fill(builder: TraceBuilder, records: number) {
  for (let i = 0; i < records; i++) builder.record(i, i % 7, i, -i, i % 11, i % 5, i / 2);
}

describe('trace capacity', () => {
  it('doubles a small buffer and copies it out at its exact length', () => {
    const builder = new TraceBuilder(8);
    fill(builder, 9);
    const trace = builder.finish(HEADER, new Float64Array(0));
    expect(trace.length).toBe(9);
    expect(trace.time.length).toBe(9);
    // A small trace owns exactly its records: nothing of the builder's 16 travels with it.
    expect(trace.time.buffer.byteLength).toBe(9 * 8);
    expect(Array.from(trace.unit)).toEqual(Array.from({ length: 9 }, (_, i) => -i || 0));
  });

  it('grows a buffer of a million records by half, keeping every record, and hands it over as a view', () => {
    const start = 1 << 20;
    const builder = new TraceBuilder(start, 4);
    fill(builder, start + 3);
    for (let i = 0; i < 5; i++) builder.addIncident(i, i + 1, i + 2);
    const trace = builder.finish(HEADER, new Float64Array(0));
    expect(trace.length).toBe(start + 3);
    expect(trace.time.length).toBe(start + 3);
    // Grown to 1.5 M (not 2 M) and not copied once more at the end.
    expect(trace.time.buffer.byteLength).toBe(start * 1.5 * 8);
    expect(trace.value[start + 2]).toBe((start + 2) / 2);
    expect(trace.kind[start + 1]).toBe((start + 1) % 7);
    expect(trace.command[start]).toBe(-1);
    expect(Array.from(trace.incidentPlace)).toEqual([2, 3, 4, 5, 6]);
    expect(trace.incidentPlace.buffer.byteLength).toBe(5 * trace.incidentPlace.BYTES_PER_ELEMENT);
  });

  it('sizes the buffers from the calls the scenario expects, so a big run never grows them', () => {
    // 40,000 minutes at 1.5 calls a minute: ~60,000 calls, ~435,000 records in a 600,000 buffer.
    const scenario = queueScenario({
      servers: 3,
      arrivalRatePerMinute: 1.5,
      serviceRatePerMinute: 1,
      whenNoUnit: 'queue',
      durationMinutes: 40_000,
    });
    const session = new Session(scenario, 1);
    session.advance();
    const trace = session.finishTrace();
    expect(trace.length).toBeGreaterThan(400_000);
    expect(trace.time.buffer.byteLength).toBe(600_000 * 8);
    expect(trace.time.length).toBe(trace.length);
    expect(trace.incidentKind.length).toBe(trace.incidentCount);
  });

  it('a trace handed over as views has the digest of the same trace copied', () => {
    const session = new Session(builtinScenario('mmc-3-queue'), 2);
    session.advance();
    const trace = session.finishTrace();
    expect(trace.time.buffer.byteLength).toBeGreaterThan(trace.time.byteLength); // a view
    expect(traceDigest(trace)).toBe(traceDigest(copyTrace(trace)));
    expect(`${traceDigest(trace)}:${trace.length}`).toBe('8b0673da25e2ee41:107241');
  });
});
