/**
 * The growable typed arrays of the trace (see trace.ts, traceBuilder.ts): how they grow, how an
 * index column widens, and how a finished one is handed over at its exact length.
 */

/** A column of indices (−1: none), as narrow as its values allow. */
export type IndexArray = Int8Array | Int16Array | Int32Array;

export type TraceArray = Float64Array | IndexArray | Uint8Array;

/** The values an index column can hold in its present width. */
export interface IndexRange {
  readonly low: number;
  readonly high: number;
}

const INT8: IndexRange = { low: -128, high: 127 };
const INT16: IndexRange = { low: -32_768, high: 32_767 };
/** The widest: any number, stored as Int32 stores it (as the trace always did). */
const INT32: IndexRange = { low: -Infinity, high: Infinity };

export const NARROWEST = INT8;

export function widthOf(array: IndexArray): IndexRange {
  if (array instanceof Int8Array) return INT8;
  return array instanceof Int16Array ? INT16 : INT32;
}

/** The narrowest index column that holds values up to `largest`, with room for `capacity`. */
export function indexArrayFor(largest: number, capacity: number): IndexArray {
  if (largest <= INT8.high) return new Int8Array(capacity);
  return largest <= INT16.high ? new Int16Array(capacity) : new Int32Array(capacity);
}

/**
 * The column itself if `value` fits it, else a wider copy of its first `length` entries with
 * room for `capacity`: Int16 if the value fits that, else Int32.
 */
export function widenedFor(
  array: IndexArray,
  value: number,
  length: number,
  capacity: number,
): IndexArray {
  const range = widthOf(array);
  if (!(value > range.high || value < range.low)) return array;
  const next =
    value >= INT16.low && value <= INT16.high ? new Int16Array(capacity) : new Int32Array(capacity);
  next.set(array.subarray(0, length));
  return next;
}

/** Above this many entries a buffer grows by half rather than doubling. */
const GENTLE_GROWTH_FROM = 1 << 20;

export function grownCapacity(capacity: number): number {
  return capacity < GENTLE_GROWTH_FROM ? capacity * 2 : Math.ceil(capacity * 1.5);
}

/**
 * From this many bytes a finished buffer is handed over as a view of its first records rather
 * than copied: the copy would add the trace once more to the peak memory of a big run, and the
 * unwritten tail of a large buffer holds no memory (its pages were never touched). The builder
 * must not be used after `finish`.
 */
const VIEW_FROM_BYTES = 1 << 20;

export function exact<T extends TraceArray>(array: T, length: number): T {
  if (length === array.length) return array;
  return (
    array.byteLength >= VIEW_FROM_BYTES ? array.subarray(0, length) : array.slice(0, length)
  ) as T;
}

export function resized<T extends TraceArray>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array.subarray(0, Math.min(length, array.length)) as never);
  return next;
}

/** Scratch for `asInt32Chunks`. */
const CHUNK = 8192;

/**
 * The bytes of an index column as if it were an Int32Array, chunk by chunk (a narrow column is
 * widened into a scratch buffer, never copied whole): the canonical bytes the digest hashes.
 */
export function* int32Bytes(array: IndexArray): Generator<Uint8Array> {
  if (array instanceof Int32Array) {
    yield new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    return;
  }
  const scratch = new Int32Array(Math.min(CHUNK, array.length));
  const bytes = new Uint8Array(scratch.buffer);
  for (let start = 0; start < array.length; start += CHUNK) {
    const chunk = array.subarray(start, Math.min(start + CHUNK, array.length));
    scratch.set(chunk);
    yield chunk.length === scratch.length ? bytes : bytes.subarray(0, chunk.length * 4);
  }
}
