/**
 * The discrete-event engine: a clock and an event queue, and nothing of the domain.
 *
 * The queue is a binary heap keyed on (time, sequence number): events at the same time run in
 * the order they were scheduled, which makes every run reproducible. An event is a small integer
 * kind and two integer arguments, stored in preallocated arrays so that scheduling allocates
 * nothing. They are plain arrays of unboxed doubles or small integers, not typed arrays: once any
 * ArrayBuffer in the thread has been detached (a transfer to another thread, as the simulation
 * worker does with its traces; tsx loading a CommonJS module; WebAssembly memory growing), V8
 * checks every typed-array access for a detached buffer, ~10% of the hold model's time.
 * Cancelled events stay in the heap and are skipped when they come up (lazy deletion).
 *
 * While a handler runs, its own event still sits at the root of the heap, spent: the first event
 * the handler schedules takes its place and sinks once, instead of a pop then a push (in a busy
 * model most handlers schedule a follow-up). Keys are unique, so any valid heap pops the same
 * sequence: the shape of the heap never changes the order of events.
 */

/** A scheduled event's handle: pass it to `cancel`. Unique for the whole run. */
export type EventHandle = number & { readonly __brand: 'EventHandle' };

export type EventHandler = (argA: number, argB: number) => void;

// A handle packs (sequence number, slot): exact in a double for 4 billion events, 2 M pending.
// Handles grow with the sequence number, so they order ties in time as the sequence does.
const SLOT_BITS = 2_097_152; // 2^21
const SLOT_MASK = SLOT_BITS - 1;

/** A plain array of `length` doubles: packed, its elements stored unboxed, never holey. */
function doubles(length: number): number[] {
  const array: number[] = [0.5];
  array.length = 0; // an empty array whose elements are already of the double kind
  for (let i = 0; i < length; i++) array.push(0.5);
  return array;
}

/** A plain array of `length` small integers, packed. */
function integers(length: number): number[] {
  const array: number[] = [];
  for (let i = 0; i < length; i++) array.push(0);
  return array;
}

export class Engine {
  /** Simulated time of the event being handled, in seconds. */
  now = 0;
  /** Number of events handled so far. */
  eventsHandled = 0;

  private readonly handlers: EventHandler[] = [];
  private capacity: number;
  // The heap, in heap order: entry i is (time, handle) at [2i, 2i + 1], side by side so that
  // sifting compares keys without an indirection and moves an entry in one cache line.
  private readonly heap: number[];
  private heapSize = 0;
  // Per slot: the event's sequence number (−1 once it ran) and payload.
  private readonly slotSeq = doubles(0);
  private readonly slotKind = integers(0);
  private readonly slotArgA = integers(0);
  private readonly slotArgB = integers(0);
  private readonly freeSlots = integers(0);
  private freeCount = 0;
  private slotsUsed = 0;
  private nextSeq = 0;
  private stopped = false;
  /** The root of the heap is the event being handled (spent), until something replaces it. */
  private rootSpent = false;
  /** The slot of the event being handled, while its entry is the spent root. */
  private spentSlot = 0;
  /**
   * The (time, handle) being put in its place in the heap. Kept here rather than passed: doubles
   * passed to a function that is not inlined are boxed, an allocation per event.
   */
  private readonly entry = doubles(2);

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.heap = doubles(0);
    this.extend(initialCapacity);
  }

  /** Registers the handler of an event kind; kinds are small integers chosen by the model. */
  on(kind: number, handler: EventHandler): void {
    this.handlers[kind] = handler;
  }

  /** Number of events waiting (cancelled ones included until they come up). */
  get pending(): number {
    return this.rootSpent ? this.heapSize - 1 : this.heapSize;
  }

  /** Time of the next event, or Infinity when none is waiting. */
  peekTime(): number {
    this.dropSpentRoot();
    return this.heapSize > 0 ? this.heap[0] : Infinity;
  }

  schedule(time: number, kind: number, argA = 0, argB = 0): EventHandle {
    if (!(time >= this.now)) {
      throw new RangeError(`cannot schedule an event at ${time} s, before now (${this.now} s)`);
    }
    const slot = this.rootSpent ? this.spentSlot : this.takeSlot();
    const seq = this.nextSeq++;
    this.slotSeq[slot] = seq;
    this.slotKind[slot] = kind | 0; // int32, as an Int32Array would store them
    this.slotArgA[slot] = argA | 0;
    this.slotArgB[slot] = argB | 0;
    const handle = seq * SLOT_BITS + slot;
    this.entry[0] = time;
    this.entry[1] = handle;
    if (this.rootSpent) {
      this.rootSpent = false;
      this.sinkFromRoot();
    } else {
      this.rise(this.heapSize++);
    }
    return handle as EventHandle;
  }

  /** Cancels a scheduled event; does nothing if it already ran or was cancelled. */
  cancel(handle: EventHandle): void {
    const slot = handle % SLOT_BITS;
    const seq = (handle - slot) / SLOT_BITS;
    if (this.slotSeq[slot] === seq && this.slotKind[slot] >= 0) this.slotKind[slot] = -1;
  }

  /** Stops the current `run` after the event being handled. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Handles events in order while their time is ≤ `until`, at most `maxEvents` of them.
   * Returns true when it stopped because the queue had nothing left before `until`.
   */
  run(until = Infinity, maxEvents = Infinity): boolean {
    this.stopped = false;
    this.dropSpentRoot(); // a handler that threw left its event at the root
    let budget = maxEvents;
    while (this.heapSize > 0 && budget > 0) {
      const heap = this.heap;
      const time = heap[0];
      if (time > until) break;
      const handle = heap[1];
      const slot = handle & SLOT_MASK; // the low 21 bits (`&` takes the handle modulo 2^32)
      const kind = this.slotKind[slot];
      this.slotSeq[slot] = -1;
      if (kind < 0) {
        this.freeSlots[this.freeCount++] = slot;
        this.popRoot();
        continue;
      }
      this.spentSlot = slot;
      this.now = time;
      this.eventsHandled++;
      budget--;
      this.rootSpent = true;
      this.handlers[kind](this.slotArgA[slot], this.slotArgB[slot]);
      this.dropSpentRoot();
      if (this.stopped) return false;
    }
    const exhausted = this.heapSize === 0 || this.peekTime() > until;
    if (exhausted && until !== Infinity && this.now < until) this.now = until;
    return exhausted;
  }

  private dropSpentRoot(): void {
    if (this.rootSpent) {
      this.rootSpent = false;
      this.freeSlots[this.freeCount++] = this.spentSlot;
      this.popRoot();
    }
  }

  private takeSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount];
    if (this.slotsUsed === this.capacity) this.grow();
    return this.slotsUsed++;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    if (capacity > SLOT_BITS) throw new RangeError('too many events pending at once');
    this.extend(capacity);
    this.capacity = capacity;
  }

  /** Lengthens the arrays, in place, to hold `capacity` events. */
  private extend(capacity: number): void {
    for (let i = this.slotSeq.length; i < capacity; i++) {
      this.heap.push(0.5, 0.5);
      this.slotSeq.push(0.5);
      this.slotKind.push(0);
      this.slotArgA.push(0);
      this.slotArgB.push(0);
      this.freeSlots.push(0);
    }
  }

  /** Puts `entry` in the hole at `position`, raised to its place. */
  private rise(position: number): void {
    const heap = this.heap;
    const time = this.entry[0];
    const handle = this.entry[1];
    let i = position;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = heap[2 * parent];
      const parentHandle = heap[2 * parent + 1];
      if (parentTime < time || (parentTime === time && parentHandle < handle)) break;
      heap[2 * i] = parentTime;
      heap[2 * i + 1] = parentHandle;
      i = parent;
    }
    heap[2 * i] = time;
    heap[2 * i + 1] = handle;
  }

  /** Removes the root: the last entry takes its place. */
  private popRoot(): void {
    const size = --this.heapSize;
    if (size === 0) return;
    this.entry[0] = this.heap[2 * size];
    this.entry[1] = this.heap[2 * size + 1];
    this.sinkFromRoot();
  }

  /**
   * Puts `entry` in place of the root and sinks it to its place, Floyd's bottom-up way: the hole
   * at the root goes down to a leaf along the smaller children, then the entry rises from there
   * (a new entry mostly belongs near the leaves). Which child is smaller cannot be predicted,
   * so it is chosen without a branch (`+(a < b)` is 0 or 1); ties in time, which are rare, branch.
   */
  private sinkFromRoot(): void {
    const heap = this.heap;
    const size = this.heapSize;
    let i = 0;
    // Two levels a step while all four grandchildren exist: the three comparisons (the two
    // children, each pair of grandchildren) do not wait for one another.
    let grand = 3;
    while (grand + 3 < size) {
      const child = 2 * i + 1;
      const c = 2 * child;
      const g = 2 * grand;
      const leftTime = heap[c];
      const rightTime = heap[c + 2];
      const g0 = heap[g];
      const g1 = heap[g + 2];
      const g2 = heap[g + 4];
      const g3 = heap[g + 6];
      const rightChild =
        +(rightTime < leftTime) | (rightTime === leftTime ? +(heap[c + 3] < heap[c + 1]) : 0);
      const leftPair = +(g1 < g0) | (g1 === g0 ? +(heap[g + 3] < heap[g + 1]) : 0);
      const rightPair = +(g3 < g2) | (g3 === g2 ? +(heap[g + 7] < heap[g + 5]) : 0);
      const smallChild = child + rightChild;
      const smallGrand =
        grand + 2 * rightChild + (leftPair ^ (rightChild & (leftPair ^ rightPair)));
      heap[2 * i] = heap[2 * smallChild];
      heap[2 * i + 1] = heap[2 * smallChild + 1];
      heap[2 * smallChild] = heap[2 * smallGrand];
      heap[2 * smallChild + 1] = heap[2 * smallGrand + 1];
      i = smallGrand;
      grand = 4 * i + 3;
    }
    let child = 2 * i + 1;
    while (child < size) {
      if (child + 1 < size) {
        const leftTime = heap[2 * child];
        const rightTime = heap[2 * child + 2];
        child +=
          +(rightTime < leftTime) |
          (rightTime === leftTime ? +(heap[2 * child + 3] < heap[2 * child + 1]) : 0);
      }
      heap[2 * i] = heap[2 * child];
      heap[2 * i + 1] = heap[2 * child + 1];
      i = child;
      child = 2 * i + 1;
    }
    this.riseFromLeaf(i);
  }

  /**
   * `rise` for an entry that sank to a leaf: whether it goes up one level and whether two is
   * decided without a branch (each is a coin toss for a random entry), the rarer rest by `rise`.
   */
  private riseFromLeaf(leaf: number): void {
    if (leaf < 3) {
      this.rise(leaf);
      return;
    }
    const heap = this.heap;
    const time = this.entry[0];
    const handle = this.entry[1];
    const parent = (leaf - 1) >> 1;
    const grand = (parent - 1) >> 1;
    const parentTime = heap[2 * parent];
    const grandTime = heap[2 * grand];
    // 1 when the entry goes above the parent (above the grandparent): (time, handle) is less.
    const up1 = +(time < parentTime) | (time === parentTime ? +(handle < heap[2 * parent + 1]) : 0);
    const up2 =
      up1 & (+(time < grandTime) | (time === grandTime ? +(handle < heap[2 * grand + 1]) : 0));
    // The parent moves down to the leaf (overwritten below if the entry stays there), and the
    // parent's place takes the grandparent if the entry goes above both, else keeps the parent.
    heap[2 * leaf] = parentTime;
    heap[2 * leaf + 1] = heap[2 * parent + 1];
    const kept = parent - up2 * (parent - grand);
    heap[2 * parent] = heap[2 * kept];
    heap[2 * parent + 1] = heap[2 * kept + 1];
    const hole = leaf - up1 * (leaf - parent) - up2 * (parent - grand);
    heap[2 * hole] = time;
    heap[2 * hole + 1] = handle;
    if (up2) this.rise(grand);
  }
}
