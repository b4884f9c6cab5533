/**
 * The order that sorts many numbers ascending, faster than comparing them: a radix sort of their
 * IEEE 754 bits, 16 bits a pass, least significant first. For doubles that are +0 or more, the
 * bits read as unsigned integers order exactly as the numbers do; equal values keep their order.
 * Values below zero, −0 and NaN are not for it: then it answers null, and the caller sorts as
 * before (Float64Array's own sort), so that the order of such values never changes.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const DIGITS = 1 << 16;

/** Indices 0…count−1 in ascending order of `values[index]`, or null (see above). */
export function ascendingOrder(values: Float64Array, count = values.length): Int32Array | null {
  for (let i = 0; i < count; i++) {
    const value = values[i];
    if (!(value > 0 || Object.is(value, 0))) return null;
  }
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * count);
  const low = LITTLE_ENDIAN ? 0 : 1;
  // The keys travel with their indices, so that every pass reads its input in order.
  let lows = new Uint32Array(count);
  let highs = new Uint32Array(count);
  let order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    lows[i] = bits[2 * i + low];
    highs[i] = bits[2 * i + 1 - low];
    order[i] = i;
  }
  let spareLows = new Uint32Array(count);
  let spareHighs = new Uint32Array(count);
  let spareOrder = new Int32Array(count);
  const counts = new Int32Array(DIGITS);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? lows : highs;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[(keys[i] >>> shift) & 0xffff]++;
    // A digit all the values share orders nothing.
    if (count === 0 || counts[(keys[0] >>> shift) & 0xffff] === count) continue;
    let sum = 0;
    for (let digit = 0; digit < DIGITS; digit++) {
      const n = counts[digit];
      counts[digit] = sum;
      sum += n;
    }
    for (let i = 0; i < count; i++) {
      const to = counts[(keys[i] >>> shift) & 0xffff]++;
      spareLows[to] = lows[i];
      spareHighs[to] = highs[i];
      spareOrder[to] = order[i];
    }
    [lows, spareLows] = [spareLows, lows];
    [highs, spareHighs] = [spareHighs, highs];
    [order, spareOrder] = [spareOrder, order];
  }
  return order;
}
