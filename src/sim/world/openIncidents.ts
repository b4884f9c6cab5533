/**
 * The incidents open now, by incident number. A run numbers its incidents 0, 1, 2… and most
 * close soon after they open, so they sit in a small ring (number modulo its size) rather than
 * in an array as long as the run's incidents: such an array, grown call by call to hundreds of
 * thousands of slots in the old generation, each store of a young incident remembered for the
 * next scavenge, cost some 30–40 ns a call of the bench's M/M/3. The ring doubles when an
 * incident would land on the slot of one still open, so one that stays open long (a long
 * queue) widens it rather than being lost.
 */
import type { Incident } from './types.ts';

export class OpenIncidents {
  private slots: Array<Incident | undefined>;
  private mask: number;

  constructor(size = 1024) {
    this.slots = new Array<Incident | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  /** The open incident numbered `index`, or undefined (not opened yet, or closed). */
  get(index: number): Incident | undefined {
    const incident = this.slots[index & this.mask];
    return incident !== undefined && incident.index === index ? incident : undefined;
  }

  /** Opens an incident (its number is new to the run). */
  open(incident: Incident): void {
    if (this.slots[incident.index & this.mask] !== undefined) this.widen(incident.index);
    this.slots[incident.index & this.mask] = incident;
  }

  /** Closes the incident numbered `index` (nothing if it is not open). */
  close(index: number): void {
    const slot = index & this.mask;
    if (this.slots[slot]?.index === index) this.slots[slot] = undefined;
  }

  /** Doubles the ring until the open incidents and the new number all have slots of their own. */
  private widen(index: number): void {
    const open = this.slots.filter((incident) => incident !== undefined);
    let size = this.slots.length;
    const apart = (mask: number) => {
      const taken = new Set<number>([index & mask]);
      for (const incident of open) {
        if (taken.has(incident.index & mask)) return false;
        taken.add(incident.index & mask);
      }
      return true;
    };
    do size *= 2;
    while (!apart(size - 1));
    this.slots = new Array<Incident | undefined>(size).fill(undefined);
    this.mask = size - 1;
    for (const incident of open) this.slots[incident.index & this.mask] = incident;
  }
}
