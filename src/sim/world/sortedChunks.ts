/**
 * A sorted list of distinct items cut into chunks of bounded length, for lists thousands long
 * that take inserts and removals anywhere (the waiting queue under surge). Inserting or removing
 * moves at most one chunk's entries instead of half the list: the chunk is found by binary search
 * over the chunks' last entries, the place within it by binary search again. Chunks are never
 * empty; a chunk grown past `chunkLength` is halved.
 *
 * `before` must be a strict total order, and an item's place in it must not change while listed.
 */
export class SortedChunks<T> {
  /** The items in order, chunk after chunk (read by cursors; change only through the methods). */
  readonly chunks: T[][] = [];
  private count = 0;

  constructor(
    private readonly before: (a: T, b: T) => boolean,
    private readonly chunkLength = 128,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The chunk where `item` is or would go: the first whose last entry is not before it. */
  private chunkOf(item: T): number {
    const chunks = this.chunks;
    let low = 0;
    let high = chunks.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const chunk = chunks[middle];
      if (this.before(chunk[chunk.length - 1], item)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Where `item` is or would go in `chunk` (the first entry not before it). */
  private position(chunk: readonly T[], item: T): number {
    let low = 0;
    let high = chunk.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.before(chunk[middle], item)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Inserts `item` in its place; false if it is listed already. */
  insert(item: T): boolean {
    const chunks = this.chunks;
    if (chunks.length === 0) {
      chunks.push([item]);
      this.count = 1;
      return true;
    }
    const c = this.chunkOf(item);
    const chunk = chunks[c];
    const at = this.position(chunk, item);
    if (chunk[at] === item) return false;
    chunk.splice(at, 0, item);
    this.count++;
    if (chunk.length > this.chunkLength) chunks.splice(c + 1, 0, chunk.splice(chunk.length >> 1));
    return true;
  }

  /** Removes `item`; false if it was not listed. */
  remove(item: T): boolean {
    const chunks = this.chunks;
    if (chunks.length === 0) return false;
    const c = this.chunkOf(item);
    const at = this.position(chunks[c], item);
    if (chunks[c][at] !== item) return false;
    this.removeAt(c, at);
    return true;
  }

  /** Removes the entry at `index` of chunk `c`, and the chunk if that empties it. */
  removeAt(c: number, index: number): void {
    const chunk = this.chunks[c];
    if (chunk.length === 1) this.chunks.splice(c, 1);
    else chunk.splice(index, 1);
    this.count--;
  }

  /** Removes `item` wherever it is, by a scan (for an item whose place may have changed). */
  removeByScan(item: T): boolean {
    const chunks = this.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const at = chunks[c].indexOf(item);
      if (at >= 0) {
        this.removeAt(c, at);
        return true;
      }
    }
    return false;
  }

  clear(): void {
    this.chunks.length = 0;
    this.count = 0;
  }

  /** The items in order, in a new array. */
  toArray(): T[] {
    const all: T[] = [];
    for (const chunk of this.chunks) for (const item of chunk) all.push(item);
    return all;
  }
}
