/**
 * The growable typed arrays of the trace (see trace.ts): how they grow, and how a finished one
 * is handed over at its exact length.
 */

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

export function exact<T extends Float64Array | Int32Array | Uint8Array>(
  array: T,
  length: number,
): T {
  if (length === array.length) return array;
  return (
    array.byteLength >= VIEW_FROM_BYTES ? array.subarray(0, length) : array.slice(0, length)
  ) as T;
}

export function resized<T extends Float64Array | Int32Array | Uint8Array>(
  array: T,
  length: number,
): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array.subarray(0, Math.min(length, array.length)) as never);
  return next;
}
