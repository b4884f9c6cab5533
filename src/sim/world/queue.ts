/**
 * Incidents waiting for units, in order of priority (1 first), then time queued, then index.
 * An incident queued again keeps its place.
 *
 * Beside the whole queue, an index by capability: for each capability, the waiting incidents
 * that have (or had, since they were listed) an open slot needing it, in the same order. A unit
 * come free looks only at the lists of its capabilities (`servable`), so that a long queue of
 * needs it cannot serve costs it nothing. Entries whose slots of that capability have all been
 * filled are dropped when met; an incident leaving the queue leaves every list at once.
 */
import { SLOT_OPEN, type Incident, type Kind } from './types.ts';

export class WaitingQueue {
  readonly incidents: Incident[] = [];
  /** Per capability: waiting incidents that may need it, in queue order. */
  private readonly byCapability: Incident[][] = [];
  /** Scratch of `servable`: per list of the unit's capabilities, how far it has been read. */
  private readonly cursors: number[] = [];
  private readonly lists: Incident[][] = [];
  private readonly listCapability: number[] = [];

  constructor(private readonly kinds: readonly Kind[]) {}

  get length(): number {
    return this.incidents.length;
  }

  /** Whether `a` is served before `b` (both queued). */
  private before(a: Incident, b: Incident): boolean {
    const pa = this.kinds[a.kind].priority;
    const pb = this.kinds[b.kind].priority;
    return (
      pa < pb ||
      (pa === pb && (a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.index < b.index)))
    );
  }

  /** Where `incident` is or would go in `list` (the first entry not served before it). */
  private position(list: readonly Incident[], incident: Incident): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.before(list[middle], incident)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  add(incident: Incident, now: number): void {
    if (incident.queued) return; // keeps its place
    incident.queued = true;
    incident.queuedAt = now;
    const waiting = this.incidents;
    waiting.splice(this.position(waiting, incident), 0, incident);
    this.list(incident);
  }

  /**
   * Lists a queued incident under the capability of each of its open slots (again after slots
   * were opened while it waits: added needs, a unit that could not leave).
   */
  list(incident: Incident): void {
    if (!incident.queued) return;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      const capability = incident.slotCapability[slot];
      const list = (this.byCapability[capability] ??= []);
      const at = this.position(list, incident);
      if (list[at] !== incident) list.splice(at, 0, incident);
    }
  }

  /** Empties the queue at once (not one by one from the front: a long queue would be quadratic). */
  takeAll(): Incident[] {
    const all = this.incidents.splice(0);
    for (const incident of all) incident.queued = false;
    for (const list of this.byCapability) if (list) list.length = 0;
    return all;
  }

  remove(incident: Incident): void {
    if (!incident.queued) return;
    const waiting = this.incidents;
    const at = this.position(waiting, incident);
    if (waiting[at] === incident) waiting.splice(at, 1);
    else {
      const found = waiting.indexOf(incident);
      if (found >= 0) waiting.splice(found, 1);
    }
    for (const list of this.byCapability) {
      if (list && list.length > 0) drop(list, this.position(list, incident), incident);
    }
    incident.queued = false;
  }

  /**
   * Calls `visit` with each waiting incident that has an open slot needing one of
   * `capabilities`, in queue order, until it returns true.
   */
  servable(capabilities: ReadonlySet<number>, visit: (incident: Incident) => boolean): void {
    const lists = this.lists;
    const cursors = this.cursors;
    const listCapability = this.listCapability;
    lists.length = 0;
    cursors.length = 0;
    listCapability.length = 0;
    for (const capability of capabilities) {
      const list = this.byCapability[capability];
      if (list && list.length > 0) {
        lists.push(list);
        cursors.push(0);
        listCapability.push(capability);
      }
    }
    for (;;) {
      // The first incident not yet visited across the lists, its stale entries dropped on the way.
      let next: Incident | undefined;
      for (let l = 0; l < lists.length; l++) {
        const list = lists[l];
        const capability = listCapability[l];
        let head = list[cursors[l]];
        while (head !== undefined && !needs(head, capability)) {
          list.splice(cursors[l], 1);
          head = list[cursors[l]];
        }
        if (head !== undefined && (next === undefined || this.before(head, next))) next = head;
      }
      if (next === undefined) return;
      for (let l = 0; l < lists.length; l++) if (lists[l][cursors[l]] === next) cursors[l]++;
      if (visit(next)) return;
    }
  }
}

function drop(list: Incident[], at: number, incident: Incident): void {
  if (list[at] === incident) list.splice(at, 1);
}

/** Whether the incident has an open slot needing the capability. */
function needs(incident: Incident, capability: number): boolean {
  for (let slot = 0; slot < incident.slotUnit.length; slot++) {
    if (incident.slotUnit[slot] === SLOT_OPEN && incident.slotCapability[slot] === capability)
      return true;
  }
  return false;
}
