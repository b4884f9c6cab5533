/**
 * Incidents waiting for units, in order of priority (1 first), then time queued, then index.
 * An incident queued again keeps its place.
 */
import type { Incident, Kind } from './types.ts';

export class WaitingQueue {
  readonly incidents: Incident[] = [];

  constructor(private readonly kinds: readonly Kind[]) {}

  get length(): number {
    return this.incidents.length;
  }

  add(incident: Incident, now: number): void {
    if (incident.queued) return; // keeps its place
    incident.queued = true;
    incident.queuedAt = now;
    const waiting = this.incidents;
    const priority = this.kinds[incident.kind].priority;
    let low = 0;
    let high = waiting.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const other = waiting[middle];
      const otherPriority = this.kinds[other.kind].priority;
      const before =
        otherPriority < priority ||
        (otherPriority === priority &&
          (other.queuedAt < incident.queuedAt ||
            (other.queuedAt === incident.queuedAt && other.index < incident.index)));
      if (before) low = middle + 1;
      else high = middle;
    }
    waiting.splice(low, 0, incident);
  }

  /** Empties the queue at once (not one by one from the front: a long queue would be quadratic). */
  takeAll(): Incident[] {
    const all = this.incidents.splice(0);
    for (const incident of all) incident.queued = false;
    return all;
  }

  remove(incident: Incident): void {
    if (!incident.queued) return;
    incident.queued = false;
    const at = this.incidents.indexOf(incident);
    if (at >= 0) this.incidents.splice(at, 1);
  }
}
