/**
 * The waiting queue's index by capability gives a unit come free exactly the incidents a scan of
 * the whole queue would, in the same order, through queueing, filling, reopening, added needs
 * and removal.
 */
import { describe, expect, it } from 'vitest';
import { WaitingQueue } from '../../src/sim/world/queue.ts';
import { SortedChunks } from '../../src/sim/world/sortedChunks.ts';
import { SLOT_OPEN, type Incident, type Kind } from '../../src/sim/world/types.ts';
import { makeStream } from '../../src/sim/random.ts';

const CAPABILITIES = 5;
const kinds = [{ priority: 1 }, { priority: 2 }, { priority: 3 }] as unknown as Kind[];

function incident(index: number, kind: number, needs: number[]): Incident {
  return {
    index,
    kind,
    slotCapability: needs.slice(),
    slotUnit: needs.map(() => SLOT_OPEN),
    open: needs.length,
    queued: false,
    queuedAt: 0,
  } as unknown as Incident;
}

/** What the queue gave before the index: every waiting incident with an open slot it can fill. */
function scan(queue: WaitingQueue, capabilities: ReadonlySet<number>): number[] {
  return queue.incidents
    .filter((i) =>
      i.slotUnit.some((u, slot) => u === SLOT_OPEN && capabilities.has(i.slotCapability[slot])),
    )
    .map((i) => i.index);
}

function served(queue: WaitingQueue, capabilities: ReadonlySet<number>, stopAt = -1): number[] {
  const seen: number[] = [];
  queue.servable(capabilities, (i) => {
    seen.push(i.index);
    return i.index === stopAt;
  });
  return seen;
}

describe('waiting queue', () => {
  // Chunks of 128 (as in runs) and of 3, so that the test cuts and empties chunks all the time.
  for (const chunkLength of [128, 3]) {
    it(`gives a unit the incidents it can serve in queue order, as a scan of the whole queue does (chunks of ${chunkLength})`, () => {
      const stream = makeStream(7, 'queue-test');
      const draw = (n: number) => Math.floor(stream.next() * n);
      const queue = new WaitingQueue(kinds, chunkLength);
      let longest = 0;
      const all: Incident[] = [];
      let now = 0;
      let checks = 0;
      for (let step = 0; step < 3000; step++) {
        now += draw(3); // equal times happen: the index breaks the tie
        const action = draw(10);
        const waiting = queue.incidents;
        longest = Math.max(longest, waiting.length);
        if (action < 3 || waiting.length === 0) {
          const needs = Array.from({ length: 1 + draw(3) }, () => draw(CAPABILITIES));
          const made = incident(all.length, draw(kinds.length), needs);
          all.push(made);
          queue.add(made, now);
        } else if (action < 6) {
          // A unit fills an open slot; a full incident leaves the queue.
          const chosen = waiting[draw(waiting.length)];
          const slot = chosen.slotUnit.indexOf(SLOT_OPEN);
          if (slot >= 0) {
            chosen.slotUnit[slot] = 1;
            chosen.open--;
          }
          if (chosen.open === 0) queue.remove(chosen);
        } else if (action < 7) {
          // A unit that could not leave: its slot opens again, on a waiting incident or not.
          const chosen = all[draw(all.length)];
          const slot = chosen.slotUnit.findIndex((u) => u !== SLOT_OPEN);
          if (slot >= 0) {
            chosen.slotUnit[slot] = SLOT_OPEN;
            chosen.open++;
            queue.list(chosen);
            if (!chosen.queued) queue.add(chosen, now);
          }
        } else if (action < 8) {
          // Needs added while waiting.
          const chosen = waiting[draw(waiting.length)];
          (chosen.slotCapability as number[]).push(draw(CAPABILITIES));
          chosen.slotUnit.push(SLOT_OPEN);
          chosen.open++;
          queue.list(chosen);
        } else if (action < 9) {
          queue.remove(waiting[draw(waiting.length)]);
        } else {
          const capabilities = new Set([draw(CAPABILITIES), draw(CAPABILITIES)]);
          const expected = scan(queue, capabilities);
          expect(served(queue, capabilities)).toEqual(expected);
          if (expected.length > 1) {
            const stopAt = expected[draw(expected.length)];
            expect(served(queue, capabilities, stopAt)).toEqual(
              expected.slice(0, expected.indexOf(stopAt) + 1),
            );
          }
          checks++;
        }
      }
      expect(checks).toBeGreaterThan(100);
      if (chunkLength === 3) expect(longest).toBeGreaterThan(20); // many chunks
      expect(queue.incidents.every((i) => i.queued)).toBe(true);
      expect(all.filter((i) => i.queued).length).toBe(queue.length);
      const taken = queue.takeAll();
      expect(taken.every((i) => !i.queued)).toBe(true);
      expect(served(queue, new Set([0, 1, 2, 3, 4]))).toEqual([]);
    });
  }
});

describe('waiting queue scratch', () => {
  it('a unit with fewer capabilities than the last one sees only its own lists (the scratch keeps its length)', () => {
    const queue = new WaitingQueue(kinds);
    const needs = [[0], [1], [2], [1, 2], [0, 2]];
    needs.forEach((need, index) => queue.add(incident(index, 0, need), index));
    expect(served(queue, new Set([0, 1, 2]))).toEqual([0, 1, 2, 3, 4]);
    expect(served(queue, new Set([1]))).toEqual([1, 3]);
    expect(served(queue, new Set([2, 0]))).toEqual([0, 2, 3, 4]);
    expect(served(queue, new Set([3]))).toEqual([]);
    expect(served(queue, new Set([0]))).toEqual([0, 4]);
  });
});

describe('sorted chunks', () => {
  it('keep the same order as a sorted array through inserts and removals anywhere', () => {
    const stream = makeStream(11, 'chunks-test');
    const draw = (n: number) => Math.floor(stream.next() * n);
    const items = Array.from({ length: 400 }, (_, i) => ({ key: draw(50), id: i }));
    type Item = (typeof items)[number];
    const before = (a: Item, b: Item) => a.key < b.key || (a.key === b.key && a.id < b.id);
    const chunks = new SortedChunks(before, 4);
    const oracle: Item[] = [];
    let largest = 0;
    for (let step = 0; step < 4000; step++) {
      const item = items[draw(items.length)];
      const listed = oracle.includes(item);
      if (draw(5) < 3) {
        expect(chunks.insert(item)).toBe(!listed);
        if (!listed) oracle.push(item);
      } else {
        expect(chunks.remove(item)).toBe(listed);
        if (listed) oracle.splice(oracle.indexOf(item), 1);
      }
      oracle.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      expect(chunks.size).toBe(oracle.length);
      largest = Math.max(largest, oracle.length);
      if (step % 50 === 0) {
        expect(chunks.toArray()).toEqual(oracle);
        for (const chunk of chunks.chunks) expect(chunk.length).toBeGreaterThan(0);
        for (const chunk of chunks.chunks) expect(chunk.length).toBeLessThanOrEqual(4);
      }
    }
    expect(largest).toBeGreaterThan(100);
    expect(chunks.toArray()).toEqual(oracle);
    expect(chunks.removeByScan(oracle[0])).toBe(true);
    expect(chunks.toArray()).toEqual(oracle.slice(1));
  });
});
