/**
 * Statistics of response times by group (overall, tier, kind, district) without an array per
 * group: each item carries its group's slot, the values are laid out group by group in one
 * typed array (a counting sort), and each group's part is sorted in place, natively. From a
 * sorted part come its mean (summed in sorted order), quantiles and histogram (bins in order).
 */
import { HISTOGRAM_BIN_SECONDS, type Histogram } from './pooled.ts';
import { ascendingOrder } from './sortOrder.ts';

export interface GroupStats {
  /** Incidents (or arrivals) counted. */
  n: number;
  mean: number;
  median: number;
  p90: number;
  /** Share within the arrival target (NaN where no target applies). */
  withinTarget: number;
}

/**
 * The items of one replication's figures: a value (NaN when there is none, e.g. nobody
 * arrived) and whether a target applied to it and it was met.
 */
export interface Items {
  count: number;
  values: Float64Array;
  targeted: Uint8Array;
  within: Uint8Array;
}

/** Quantile of sorted values, linear interpolation between order statistics (type 7). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(n - 1, low + 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** The figures of sorted values, `within` of the `targeted` of them meeting their target. */
export function statsOfSorted(sorted: Float64Array, targeted: number, within: number): GroupStats {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return {
    n,
    mean: n > 0 ? sum / n : NaN,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    withinTarget: targeted > 0 ? within / targeted : NaN,
  };
}

/** The histogram of sorted values: their bins come in order, so a run of equal bins is a pair. */
export function histogramOfSorted(sorted: Float64Array): Histogram {
  const histogram: Histogram = [];
  let last: [number, number] | undefined;
  for (let i = 0; i < sorted.length; i++) {
    // `+ 0` makes a bin of −0 the +0 a Map key would have been.
    const bin = Math.floor(sorted[i] / HISTOGRAM_BIN_SECONDS) + 0;
    if (last && last[0] === bin) last[1]++;
    else histogram.push((last = [bin, 1]));
  }
  return histogram;
}

/**
 * The items that have a value, in ascending order of their values, all put in order at once;
 * null where sortOrder.ts cannot (values below zero), for `groupsOf` to sort group by group.
 */
export function valuedOrder(items: Items): Int32Array | null {
  const values = new Float64Array(items.count);
  const itemOf = new Int32Array(items.count);
  let count = 0;
  for (let i = 0; i < items.count; i++) {
    if (Number.isNaN(items.values[i])) continue;
    values[count] = items.values[i];
    itemOf[count++] = i;
  }
  const order = ascendingOrder(values, count);
  if (!order) return null;
  for (let k = 0; k < count; k++) order[k] = itemOf[order[k]];
  return order;
}

/** One group's sorted values and target counts. */
export interface Group {
  key: string;
  sorted: Float64Array;
  targeted: number;
  within: number;
}

/**
 * The groups of items by slot (`slots[item]` indexes `keys`; keys may repeat, items of equal
 * keys form one group), in the order of their keys (sorted as strings); a group is there when
 * one of its items has a value or a target. With the items' `valuedOrder`, each group's values
 * are laid out in order; without it, each group is sorted.
 */
export function groupsOf(
  items: Items,
  slots: Int32Array,
  keys: readonly string[],
  order: Int32Array | null,
): Group[] {
  // Slots of equal keys become one.
  const groupOfKey = new Map<string, number>();
  const groupOfSlot = Int32Array.from(keys, (key) => {
    let group = groupOfKey.get(key);
    if (group === undefined) groupOfKey.set(key, (group = groupOfKey.size));
    return group;
  });
  const groups = groupOfKey.size;
  const valued = new Int32Array(groups + 1);
  const targeted = new Int32Array(groups);
  const within = new Int32Array(groups);
  const { count, values } = items;
  for (let i = 0; i < count; i++) {
    const group = groupOfSlot[slots[i]];
    if (!Number.isNaN(values[i])) valued[group + 1]++;
    targeted[group] += items.targeted[i];
    within[group] += items.within[i];
  }
  for (let g = 0; g < groups; g++) valued[g + 1] += valued[g];
  const laid = new Float64Array(valued[groups]);
  const next = valued.slice(0, groups);
  if (order) {
    for (const i of order) laid[next[groupOfSlot[slots[i]]]++] = values[i];
  } else {
    for (let i = 0; i < count; i++) {
      if (!Number.isNaN(values[i])) laid[next[groupOfSlot[slots[i]]]++] = values[i];
    }
  }
  const result: Group[] = [];
  for (const [key, g] of groupOfKey) {
    if (valued[g + 1] === valued[g] && targeted[g] === 0) continue;
    const part = laid.subarray(valued[g], valued[g + 1]);
    const sorted = order ? part : part.sort();
    result.push({ key, sorted, targeted: targeted[g], within: within[g] });
  }
  return result.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
