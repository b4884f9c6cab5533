/**
 * A call's place from one column holding both coordinates, as exports write it:
 * "(37.74, -122.45)", "37.74,-122.45", "120.1 30.2" or WKT "POINT (-122.45 37.74)" (always
 * longitude first). For a bare pair the order is given, or detected from the file: a number
 * beyond ±90 can only be a longitude.
 */

export type PointOrder = 'lonlat' | 'latlon';
export type DetectedPointOrder = PointOrder | 'undecided';

const WKT = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i;
const PAIR = /^[([]?\s*(-?\d+(?:\.\d+)?)\s*(?:[,;]|\s)\s*(-?\d+(?:\.\d+)?)\s*[)\]]?$/;

interface Pair {
  a: number;
  b: number;
  /** WKT: longitude first whatever the order. */
  wkt: boolean;
}

function pair(value: string): Pair | null {
  const text = value.trim();
  const wkt = WKT.exec(text);
  if (wkt) return { a: +wkt[1], b: +wkt[2], wkt: true };
  const m = PAIR.exec(text);
  return m ? { a: +m[1], b: +m[2], wkt: false } : null;
}

/** The order of the bare pairs among `values`: decided by a number beyond ±90, or not. */
export function detectPointOrder(values: Iterable<string>): DetectedPointOrder {
  let firstIsLon = false;
  let secondIsLon = false;
  for (const value of values) {
    const p = pair(value);
    if (!p || p.wkt || (Math.abs(p.a) > 90 && Math.abs(p.b) > 90)) continue;
    if (Math.abs(p.a) > 90) firstIsLon = true;
    if (Math.abs(p.b) > 90) secondIsLon = true;
  }
  if (firstIsLon === secondIsLon) return 'undecided';
  return firstIsLon ? 'lonlat' : 'latlon';
}

/**
 * [lon, lat] of one cell, 'order' when a bare pair's order is undecided, or null when the cell
 * is no point or the numbers are off the globe.
 */
export function readPoint(
  value: string,
  order: DetectedPointOrder,
): [number, number] | 'order' | null {
  const p = pair(value);
  if (!p) return null;
  if (!p.wkt && order === 'undecided') return 'order';
  const [lon, lat] = p.wkt || order === 'lonlat' ? [p.a, p.b] : [p.b, p.a];
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
}
