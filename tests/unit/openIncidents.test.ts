/**
 * The ring of open incidents answers as the array it replaced did (the incident while open,
 * undefined before and after), however long some incidents stay open.
 */
import { describe, expect, it } from 'vitest';
import { makeStream } from '../../src/sim/random.ts';
import { OpenIncidents } from '../../src/sim/world/openIncidents.ts';
import type { Incident } from '../../src/sim/world/types.ts';

const incident = (index: number) => ({ index }) as Incident;

describe('OpenIncidents', () => {
  it('gives an incident while it is open, and undefined before, after and for −1', () => {
    const open = new OpenIncidents(4);
    const first = incident(0);
    expect(open.get(0)).toBeUndefined();
    open.open(first);
    expect(open.get(0)).toBe(first);
    expect(open.get(4)).toBeUndefined(); // same slot, another number
    expect(open.get(-1)).toBeUndefined();
    open.close(0);
    expect(open.get(0)).toBeUndefined();
    open.close(0); // closing twice does nothing
  });

  it('widens rather than losing an incident that stays open', () => {
    const open = new OpenIncidents(4);
    const kept = incident(1);
    open.open(kept);
    for (let i = 2; i < 100; i++) {
      open.open(incident(i));
      open.close(i);
    }
    expect(open.get(1)).toBe(kept);
    expect(open.get(5)).toBeUndefined();
  });

  it('matches a map of the open incidents over random runs of opening and closing', () => {
    const stream = makeStream(7, 'openIncidents');
    const open = new OpenIncidents(8);
    const reference = new Map<number, Incident>();
    let next = 0;
    for (let step = 0; step < 20_000; step++) {
      const u = stream.next();
      if (u < 0.5 || reference.size === 0) {
        const made = incident(next++);
        open.open(made);
        reference.set(made.index, made);
      } else {
        // Close mostly the oldest few, sometimes one at random: some stay open a long time.
        const keys = [...reference.keys()];
        const pick =
          u < 0.9
            ? keys[Math.floor(stream.next() * Math.min(3, keys.length))]
            : keys[Math.floor(stream.next() * keys.length)];
        open.close(pick);
        reference.delete(pick);
      }
      if (step % 97 === 0) {
        for (let i = -1; i <= next; i++) expect(open.get(i)).toBe(reference.get(i));
      }
    }
  });
});
