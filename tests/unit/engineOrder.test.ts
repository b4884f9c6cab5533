import { describe, expect, it } from 'vitest';
import { Engine, type EventHandle } from '../../src/sim/engine.ts';
import { makeStream, type Stream } from '../../src/sim/random.ts';

/**
 * The engine against a plain reference: a list scanned for its least (time, sequence) entry.
 * The heap keeps the handled event at its root while the handler runs and sinks entries in its
 * own way; none of that may show: the same events run in the same order, and `pending`,
 * `peekTime`, `cancel`, `stop`, `run(until, maxEvents)` answer as the reference does.
 */
interface Entry {
  time: number;
  seq: number;
  kind: number;
  argA: number;
  argB: number;
  cancelled: boolean;
}

class ReferenceEngine {
  now = 0;
  eventsHandled = 0;
  private readonly handlers: Array<(a: number, b: number) => void> = [];
  private entries: Entry[] = [];
  private readonly bySeq = new Map<number, Entry>();
  private seq = 0;
  private stopped = false;

  on(kind: number, handler: (a: number, b: number) => void): void {
    this.handlers[kind] = handler;
  }
  get pending(): number {
    return this.entries.length;
  }
  peekTime(): number {
    return this.entries.length === 0 ? Infinity : this.entries[this.least()].time;
  }
  schedule(time: number, kind: number, argA = 0, argB = 0): number {
    if (!(time >= this.now)) throw new RangeError('past');
    const entry = { time, seq: this.seq++, kind, argA, argB, cancelled: false };
    this.entries.push(entry);
    this.bySeq.set(entry.seq, entry);
    return entry.seq;
  }
  cancel(seq: number): void {
    const entry = this.bySeq.get(seq);
    if (entry) entry.cancelled = true;
  }
  stop(): void {
    this.stopped = true;
  }
  run(until = Infinity, maxEvents = Infinity): boolean {
    this.stopped = false;
    let budget = maxEvents;
    while (this.entries.length > 0 && budget > 0) {
      const index = this.least();
      const entry = this.entries[index];
      if (entry.time > until) break;
      this.entries.splice(index, 1);
      this.bySeq.delete(entry.seq);
      if (entry.cancelled) continue;
      this.now = entry.time;
      this.eventsHandled++;
      budget--;
      this.handlers[entry.kind](entry.argA, entry.argB);
      if (this.stopped) return false;
    }
    const exhausted = this.entries.length === 0 || this.peekTime() > until;
    if (exhausted && until !== Infinity && this.now < until) this.now = until;
    return exhausted;
  }
  private least(): number {
    let best = 0;
    for (let i = 1; i < this.entries.length; i++) {
      const a = this.entries[i];
      const b = this.entries[best];
      if (a.time < b.time || (a.time === b.time && a.seq < b.seq)) best = i;
    }
    return best;
  }
}

type AnyEngine = Pick<
  ReferenceEngine,
  'now' | 'eventsHandled' | 'pending' | 'peekTime' | 'stop' | 'run' | 'on'
> & {
  schedule(time: number, kind: number, argA?: number, argB?: number): number | EventHandle;
  cancel(handle: never): void;
};

/** Plays a random model on `engine`; what it sees, step by step, goes in the returned log. */
function play(engine: AnyEngine, seed: number, initial: number, steps: number): string[] {
  const stream: Stream = makeStream(seed, 'engine-order');
  const pick = (n: number) => Math.floor(stream.next() * n);
  const seen: string[] = [];
  const handles: Array<number | EventHandle> = [];
  let serial = 0;
  const delay = () => {
    // Many ties: now, a coarse grid, and continuous times.
    const choice = pick(4);
    if (choice === 0) return 0;
    if (choice === 1) return pick(3);
    return stream.next() * 5;
  };
  const cancel = (handle: number | EventHandle) => engine.cancel(handle as never);
  for (let kind = 0; kind < 3; kind++) {
    engine.on(kind, (argA, argB) => {
      seen.push(`${kind}:${argA}:${argB}@${engine.now} p${engine.pending}`);
      const actions = pick(5);
      for (let i = 0; i < actions; i++) {
        const what = pick(10);
        if (what < 5) {
          handles.push(engine.schedule(engine.now + delay(), pick(3), serial++, argA));
        } else if (what < 7 && handles.length > 0) {
          // A sibling, an event long gone, or one already cancelled: all the same to cancel.
          cancel(handles[pick(handles.length)]);
        } else if (what === 7) {
          seen.push(`peek ${engine.peekTime()} p${engine.pending}`);
        } else if (what === 8 && pick(20) === 0) {
          engine.stop();
        } else {
          seen.push(`pending ${engine.pending}`);
        }
      }
    });
  }
  for (let i = 0; i < initial; i++) {
    handles.push(engine.schedule(stream.next() * 20, pick(3), serial++, -1));
  }
  for (let step = 0; step < steps; step++) {
    const until = pick(3) === 0 ? Infinity : engine.now + stream.next() * 10;
    const most = pick(3) === 0 ? Infinity : 1 + pick(50);
    const exhausted = engine.run(until, most);
    seen.push(`run ${exhausted} now ${engine.now} handled ${engine.eventsHandled}`);
    if (engine.pending === 0 && step % 5 === 0) {
      handles.push(engine.schedule(engine.now + 1, 0, serial++, -2));
    }
  }
  return seen;
}

describe('Engine against a reference queue', () => {
  it('runs the same events in the same order, with the same answers along the way', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const initial = [0, 1, 2, 7, 50, 300][seed % 6];
      const actual = play(new Engine(2), seed, initial, 60);
      const expected = play(new ReferenceEngine(), seed, initial, 60);
      expect(actual.length).toBeGreaterThan(50);
      expect(actual).toEqual(expected);
    }
  });

  it('the hold model: a thousand pending, each event scheduling one more', () => {
    const hold = (engine: AnyEngine) => {
      const stream = makeStream(1, 'hold');
      const times: number[] = [];
      engine.on(0, (serial) => {
        times.push(engine.now, serial);
        engine.schedule(engine.now + stream.next() * 3, 0, serial + 1000);
      });
      for (let i = 0; i < 1000; i++) engine.schedule(stream.next() * 3, 0, i);
      engine.run(Infinity, 20_000);
      return times;
    };
    expect(hold(new Engine())).toEqual(hold(new ReferenceEngine()));
  });

  it('a handler that throws leaves the queue whole', () => {
    for (const engine of [new Engine(2), new ReferenceEngine()]) {
      const seen: number[] = [];
      engine.on(0, (a) => {
        seen.push(a);
        if (a === 2) throw new Error('handler failed');
      });
      for (let i = 1; i <= 4; i++) engine.schedule(i, 0, i);
      expect(() => engine.run()).toThrow('handler failed');
      expect(engine.pending).toBe(2);
      expect(engine.peekTime()).toBe(3);
      engine.run();
      expect(seen).toEqual([1, 2, 3, 4]);
    }
  });

  it('an event scheduled by a handler at its own time runs next, after earlier ties', () => {
    const engine = new Engine(2);
    const seen: string[] = [];
    engine.on(0, (a) => {
      seen.push(`${a}@${engine.now}`);
      if (a === 1) {
        expect(engine.pending).toBe(2);
        expect(engine.peekTime()).toBe(5);
        engine.schedule(engine.now, 0, 10);
        expect(engine.pending).toBe(3);
        expect(engine.peekTime()).toBe(5);
      }
    });
    engine.schedule(5, 0, 1);
    engine.schedule(5, 0, 2);
    engine.schedule(6, 0, 3);
    engine.run();
    expect(seen).toEqual(['1@5', '2@5', '10@5', '3@6']);
  });
});
