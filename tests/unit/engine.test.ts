import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/engine.ts';
import { makeStream } from '../../src/sim/random.ts';

describe('Engine', () => {
  it('runs events in time order, ties in the order they were scheduled', () => {
    const engine = new Engine(4);
    const seen: Array<[number, number]> = [];
    engine.on(0, (a) => seen.push([engine.now, a]));
    const stream = makeStream(3, 'test');
    const expected: Array<[number, number]> = [];
    for (let i = 0; i < 2000; i++) {
      // Many ties: times on a coarse grid.
      const time = Math.floor(stream.next() * 50);
      engine.schedule(time, 0, i);
      expected.push([time, i]);
    }
    engine.run();
    expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(seen).toEqual(expected);
  });

  it('keeps the order when handlers schedule more events, including at the same time', () => {
    const engine = new Engine(2);
    const seen: string[] = [];
    engine.on(0, (a) => {
      seen.push(`a${a}@${engine.now}`);
      if (a < 3) {
        engine.schedule(engine.now, 0, a + 1);
        engine.schedule(engine.now + 1, 1, a);
      }
    });
    engine.on(1, (a) => seen.push(`b${a}@${engine.now}`));
    engine.schedule(0, 0, 0);
    engine.schedule(0, 1, 99);
    engine.run();
    expect(seen).toEqual(['a0@0', 'b99@0', 'a1@0', 'a2@0', 'a3@0', 'b0@1', 'b1@1', 'b2@1']);
  });

  it('cancels a scheduled event, and a stale handle cancels nothing', () => {
    const engine = new Engine(2);
    const seen: number[] = [];
    engine.on(0, (a) => seen.push(a));
    const first = engine.schedule(1, 0, 1);
    engine.schedule(2, 0, 2);
    engine.cancel(first);
    engine.run(1.5);
    expect(seen).toEqual([]);
    expect(engine.now).toBe(1.5);
    // The slot of the cancelled event is reused; the old handle must not cancel the new event.
    engine.schedule(3, 0, 3);
    engine.cancel(first);
    engine.run();
    expect(seen).toEqual([2, 3]);
  });

  it('stops at `until` and after `maxEvents`, and resumes where it stopped', () => {
    const engine = new Engine();
    const seen: number[] = [];
    engine.on(0, (a) => seen.push(a));
    for (let i = 1; i <= 10; i++) engine.schedule(i, 0, i);
    expect(engine.run(4)).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(engine.run(Infinity, 3)).toBe(false);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(engine.run()).toBe(true);
    expect(seen.length).toBe(10);
  });

  it('refuses to schedule in the past', () => {
    const engine = new Engine();
    engine.on(0, () => engine.schedule(engine.now - 1, 0));
    engine.schedule(5, 0);
    expect(() => engine.run()).toThrow(RangeError);
  });

  it('grows past its initial capacity', () => {
    const engine = new Engine(2);
    let count = 0;
    engine.on(0, () => count++);
    for (let i = 0; i < 10_000; i++) engine.schedule(10_000 - i, 0);
    engine.run();
    expect(count).toBe(10_000);
  });

  it('hands its handlers the arguments as 32-bit integers, as it did when they were kept in Int32Arrays', () => {
    const engine = new Engine(2);
    const seen: Array<[number, number]> = [];
    engine.on(0, (a, b) => seen.push([a, b]));
    const values = [
      0,
      7,
      -7,
      2 ** 30,
      -(2 ** 30) - 1,
      2 ** 31 + 5,
      -(2 ** 31) - 5,
      2 ** 40 + 3,
      1.7,
      -1.7,
    ];
    values.forEach((value, i) => engine.schedule(i, 0, value, -value));
    engine.run();
    const int32 = (value: number) => new Int32Array([value])[0];
    expect(seen).toEqual(values.map((value) => [int32(value), int32(-value)]));
  });

  it('runs in the same order once an ArrayBuffer has been detached (the worker transfers traces)', () => {
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, { transfer: [buffer] });
    expect(buffer.byteLength).toBe(0);
    const engine = new Engine(4);
    const seen: number[] = [];
    engine.on(0, (a) => seen.push(a));
    const stream = makeStream(5, 'test');
    const times: number[] = [];
    for (let i = 0; i < 3000; i++) {
      times.push(Math.floor(stream.next() * 100));
      engine.schedule(times[i], 0, i);
    }
    engine.run();
    const expected = times.map((_, i) => i).sort((x, y) => times[x] - times[y] || x - y);
    expect(seen).toEqual(expected);
  });
});
