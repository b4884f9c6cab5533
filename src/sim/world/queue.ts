/**
 * Incidents waiting for units, in order of priority (1 first), then time queued, then index.
 * An incident queued again keeps its place.
 *
 * Beside the whole queue, an index by capability: for each capability, the waiting incidents
 * that have (or had, since they were listed) an open slot needing it, in the same order. A unit
 * come free looks only at the lists of its capabilities (`servable`), so that a long queue of
 * needs it cannot serve costs it nothing. Entries whose slots of that capability have all been
 * filled are dropped when met; an incident leaving the queue leaves its capabilities' lists.
 *
 * Under surge the queue runs thousands long, so the queue and its lists are chunked sorted lists
 * (`SortedChunks`): a call queued or served moves one chunk's entries, not half the queue's.
 */
import { SLOT_OPEN, type Incident, type Kind } from './types.ts';
import { SortedChunks } from './sortedChunks.ts';

export class WaitingQueue {
  private readonly queue: SortedChunks<Incident>;
  /** The queue as an array, kept until the queue changes. */
  private snapshot: Incident[] | null = null;
  /** Per capability: waiting incidents that may need it, in queue order. */
  private readonly byCapability: Array<SortedChunks<Incident> | undefined> = [];
  /** Scratch of `servable`: per list of the unit's capabilities, how far it has been read. */
  private readonly lists: Array<SortedChunks<Incident>> = [];
  private readonly listCapability: number[] = [];
  private readonly cursorChunk: number[] = [];
  private readonly cursorIndex: number[] = [];
  private readonly heads: Array<Incident | undefined> = [];

  /** `chunkLength`: entries per chunk of the sorted lists (small in tests, to cut them often). */
  constructor(
    private readonly kinds: readonly Kind[],
    private readonly chunkLength = 128,
  ) {
    this.queue = new SortedChunks(this.before, chunkLength);
  }

  get length(): number {
    return this.queue.size;
  }

  /** The waiting incidents in queue order (a copy made once per change of the queue). */
  get incidents(): readonly Incident[] {
    return (this.snapshot ??= this.queue.toArray());
  }

  /** Whether `a` is served before `b` (both queued). */
  private readonly before = (a: Incident, b: Incident): boolean => {
    const pa = this.kinds[a.kind].priority;
    const pb = this.kinds[b.kind].priority;
    return (
      pa < pb ||
      (pa === pb && (a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.index < b.index)))
    );
  };

  add(incident: Incident, now: number): void {
    if (incident.queued) return; // keeps its place
    incident.queued = true;
    incident.queuedAt = now;
    this.queue.insert(incident);
    this.snapshot = null;
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
      (this.byCapability[capability] ??= new SortedChunks(this.before, this.chunkLength)).insert(
        incident,
      );
    }
  }

  /** Empties the queue at once (not one by one from the front: a long queue would be quadratic). */
  takeAll(): Incident[] {
    const all = this.queue.toArray();
    this.queue.clear();
    this.snapshot = null;
    for (const incident of all) incident.queued = false;
    for (const list of this.byCapability) if (list) list.clear();
    return all;
  }

  remove(incident: Incident): void {
    if (!incident.queued) return;
    if (!this.queue.remove(incident)) this.queue.removeByScan(incident);
    this.snapshot = null;
    // Only the lists of its slots' capabilities can hold it (slots are added, never taken away).
    const slotCapability = incident.slotCapability;
    for (let slot = 0; slot < slotCapability.length; slot++) {
      const capability = slotCapability[slot];
      if (firstSlotOf(slotCapability, slot, capability))
        this.byCapability[capability]?.remove(incident);
    }
    incident.queued = false;
  }

  /**
   * Calls `visit` with each waiting incident that has an open slot needing one of
   * `capabilities`, in queue order, until it returns true.
   */
  servable(capabilities: ReadonlySet<number>, visit: (incident: Incident) => boolean): void {
    const { lists, listCapability, cursorChunk, cursorIndex, heads } = this;
    // The scratch arrays keep their length between calls (emptying them each time allocated):
    // only their first `count` entries are this call's.
    let count = 0;
    for (const capability of capabilities) {
      const list = this.byCapability[capability];
      if (list && list.size > 0) {
        if (count === lists.length) {
          lists.push(list);
          listCapability.push(capability);
          cursorChunk.push(0);
          cursorIndex.push(0);
          heads.push(undefined);
        } else {
          lists[count] = list;
          listCapability[count] = capability;
          cursorChunk[count] = 0;
          cursorIndex[count] = 0;
          heads[count] = undefined;
        }
        count++;
      }
    }
    for (;;) {
      // The first incident not yet visited across the lists, its stale entries dropped on the way.
      let next: Incident | undefined;
      for (let l = 0; l < count; l++) {
        const head = this.head(l);
        heads[l] = head;
        if (head !== undefined && (next === undefined || this.before(head, next))) next = head;
      }
      if (next === undefined) return;
      for (let l = 0; l < count; l++) if (heads[l] === next) cursorIndex[l]++;
      if (visit(next)) return;
    }
  }

  /** The entry at list `l`'s cursor that still needs its capability, stale ones dropped. */
  private head(l: number): Incident | undefined {
    const list = this.lists[l];
    const chunks = list.chunks;
    const capability = this.listCapability[l];
    let c = this.cursorChunk[l];
    let i = this.cursorIndex[l];
    let head: Incident | undefined;
    while (c < chunks.length) {
      const chunk = chunks[c];
      if (i >= chunk.length) {
        c++;
        i = 0;
        continue;
      }
      head = chunk[i];
      if (needs(head, capability)) break;
      list.removeAt(c, i); // an emptied chunk goes, and chunk c is the next one from its start
      head = undefined;
    }
    this.cursorChunk[l] = c;
    this.cursorIndex[l] = i;
    return head;
  }
}

/** Whether `slot` is the first of the incident's slots needing `capability`. */
function firstSlotOf(slotCapability: ArrayLike<number>, slot: number, capability: number): boolean {
  for (let earlier = 0; earlier < slot; earlier++) {
    if (slotCapability[earlier] === capability) return false;
  }
  return true;
}

/** Whether the incident has an open slot needing the capability. */
function needs(incident: Incident, capability: number): boolean {
  for (let slot = 0; slot < incident.slotUnit.length; slot++) {
    if (incident.slotUnit[slot] === SLOT_OPEN && incident.slotCapability[slot] === capability)
      return true;
  }
  return false;
}
