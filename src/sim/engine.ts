/**
 * The discrete-event engine: a clock and an event queue, and nothing of the domain.
 *
 * The queue is a binary heap keyed on (time, sequence number): events at the same time run in
 * the order they were scheduled, which makes every run reproducible. An event is a small integer
 * kind and two integer arguments, stored in typed arrays so that scheduling allocates nothing.
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
const SLOT_BITS = 2_097_152; // 2^21

export class Engine {
  /** Simulated time of the event being handled, in seconds. */
  now = 0;
  /** Number of events handled so far. */
  eventsHandled = 0;

  private readonly handlers: EventHandler[] = [];
  private capacity: number;
  // The heap, in heap order: each entry's time, sequence number and slot, side by side so that
  // sifting compares keys without an indirection.
  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapSlot: Int32Array;
  private heapSize = 0;
  // Per slot: the event's key and payload.
  private slotTime: Float64Array;
  private slotSeq: Float64Array;
  private slotKind: Int32Array;
  private slotArgA: Int32Array;
  private slotArgB: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private nextSeq = 0;
  private stopped = false;
  /** The root of the heap is the event being handled (already spent), until something replaces it. */
  private rootSpent = false;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.heapTime = new Float64Array(initialCapacity);
    this.heapSeq = new Float64Array(initialCapacity);
    this.heapSlot = new Int32Array(initialCapacity);
    this.slotTime = new Float64Array(initialCapacity);
    this.slotSeq = new Float64Array(initialCapacity);
    this.slotKind = new Int32Array(initialCapacity);
    this.slotArgA = new Int32Array(initialCapacity);
    this.slotArgB = new Int32Array(initialCapacity);
    this.freeSlots = new Int32Array(initialCapacity);
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
    return this.heapSize > 0 ? this.heapTime[0] : Infinity;
  }

  schedule(time: number, kind: number, argA = 0, argB = 0): EventHandle {
    if (!(time >= this.now)) {
      throw new RangeError(`cannot schedule an event at ${time} s, before now (${this.now} s)`);
    }
    const slot = this.takeSlot();
    const seq = this.nextSeq++;
    this.slotTime[slot] = time;
    this.slotSeq[slot] = seq;
    this.slotKind[slot] = kind;
    this.slotArgA[slot] = argA;
    this.slotArgB[slot] = argB;
    if (this.rootSpent) {
      this.rootSpent = false;
      this.siftDown(time, seq, slot);
    } else {
      this.siftUp(this.heapSize++, time, seq, slot);
    }
    return (seq * SLOT_BITS + slot) as EventHandle;
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
      const time = this.heapTime[0];
      if (time > until) break;
      const slot = this.heapSlot[0];
      const kind = this.slotKind[slot];
      this.freeSlots[this.freeCount++] = slot;
      this.slotSeq[slot] = -1;
      if (kind < 0) {
        this.popRoot();
        continue;
      }
      this.now = time;
      this.eventsHandled++;
      budget--;
      this.rootSpent = true;
      this.handlers[kind](this.slotArgA[slot], this.slotArgB[slot]);
      if (this.rootSpent) {
        this.rootSpent = false;
        this.popRoot();
      }
      if (this.stopped) return false;
    }
    const exhausted = this.heapSize === 0 || this.peekTime() > until;
    if (exhausted && until !== Infinity && this.now < until) this.now = until;
    return exhausted;
  }

  private dropSpentRoot(): void {
    if (this.rootSpent) {
      this.rootSpent = false;
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
    const grown = <T extends Float64Array | Int32Array>(old: T): T => {
      const next = new (old.constructor as new (n: number) => T)(capacity);
      next.set(old);
      return next;
    };
    this.heapTime = grown(this.heapTime);
    this.heapSeq = grown(this.heapSeq);
    this.heapSlot = grown(this.heapSlot);
    this.slotTime = grown(this.slotTime);
    this.slotSeq = grown(this.slotSeq);
    this.slotKind = grown(this.slotKind);
    this.slotArgA = grown(this.slotArgA);
    this.slotArgB = grown(this.slotArgB);
    this.freeSlots = grown(this.freeSlots);
    this.capacity = capacity;
  }

  private siftUp(position: number, time: number, seq: number, slot: number): void {
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const slots = this.heapSlot;
    let i = position;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent];
      if (parentTime < time || (parentTime === time && seqs[parent] < seq)) break;
      times[i] = parentTime;
      seqs[i] = seqs[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  /** Removes the root: the last entry takes its place. */
  private popRoot(): void {
    const size = --this.heapSize;
    if (size === 0) return;
    this.siftDown(this.heapTime[size], this.heapSeq[size], this.heapSlot[size]);
  }

  /**
   * Puts an entry in place of the root and sinks it to its place (Floyd's bottom-up way: the
   * hole at the root goes down to a leaf along the smaller children, one comparison a level,
   * then the entry rises from there; a new entry mostly belongs near the leaves).
   */
  private siftDown(time: number, seq: number, slot: number): void {
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const slots = this.heapSlot;
    const size = this.heapSize;
    let i = 0;
    let child = 1;
    while (child < size) {
      const right = child + 1;
      if (right < size) {
        // Branch-free choice of the smaller child: which one it is cannot be predicted.
        const childTime = times[child];
        const rightTime = times[right];
        child +=
          +(rightTime < childTime) |
          (+(rightTime === childTime) & +(seqs[right] < seqs[child]));
      }
      times[i] = times[child];
      seqs[i] = seqs[child];
      slots[i] = slots[child];
      i = child;
      child = 2 * i + 1;
    }
    this.siftUp(i, time, seq, slot);
  }
}
