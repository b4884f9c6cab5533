/**
 * Where two values differ, bit for bit: numbers by Object.is (NaN equals NaN, 0 differs from
 * -0), objects key by key in the same key order, arrays item by item. Returns the path of the
 * first difference, or null when they are the same.
 */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) {
    return `${path}: keys [${keysA.slice(0, 8).join(',')}…] ≠ [${keysB.slice(0, 8).join(',')}…]`;
  }
  for (const key of keysA) {
    const difference = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (difference) return difference;
  }
  return null;
}
