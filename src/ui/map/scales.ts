/** Colours of the map's values: shares, differences and isochrone bands. */
import { interpolateRdBu, interpolateRdYlGn } from 'd3';

/** The share below which a district is named as a weak spot (as the results' summary). */
export const CONCERN_SHARE = 0.8;

/** Share 0..1, red (none) to green (all); values outside are clamped. */
export function shareColour(share: number): string {
  const value = Math.min(1, Math.max(0, share));
  // Split at the 80% planners read as a weak spot (the summary names districts below it): below,
  // red to amber; from 80% on, light to dark green. 78% and 81% no longer share a green.
  return interpolateRdYlGn(
    value < CONCERN_SHARE
      ? (0.45 * value) / CONCERN_SHARE
      : 0.6 + (0.4 * (value - CONCERN_SHARE)) / (1 - CONCERN_SHARE),
  );
}

/** A signed difference, diverging around 0: red below, blue above, white at 0. */
export function differenceColour(limit: number): (value: number) => string {
  const span = limit > 0 ? limit : 1;
  return (value) => interpolateRdBu(0.5 + Math.max(-1, Math.min(1, value / span)) / 2);
}

/** The largest absolute value, the half-width of a diverging scale. */
export function differenceLimit(values: Iterable<number>): number {
  let limit = 0;
  for (const value of values) if (Number.isFinite(value)) limit = Math.max(limit, Math.abs(value));
  return limit;
}

export function valueColour(
  scale: 'share' | 'difference',
  limit: number,
): (value: number) => string {
  return scale === 'share' ? shareColour : differenceColour(limit);
}

/** Upper bounds of the isochrone bands, in minutes; a last band holds everything slower. */
export const ISOCHRONE_BAND_MINUTES = [5, 10, 15, 20, 30] as const;

/** Colours of the bands ≤5 … ≤30, >30 min, and of roads no base reaches. */
export const ISOCHRONE_COLOURS = [
  '#1a9850',
  '#66bd63',
  '#c2d94a',
  '#fdae61',
  '#f46d43',
  '#a50026',
] as const;
export const UNREACHABLE_COLOUR = '#8a8f98';

/** Band index of a travel time in seconds: 0..5, or 6 for unreachable. */
export function isochroneBand(seconds: number): number {
  if (!Number.isFinite(seconds)) return ISOCHRONE_BAND_MINUTES.length + 1;
  const minutes = seconds / 60;
  const band = ISOCHRONE_BAND_MINUTES.findIndex((limit) => minutes <= limit);
  return band < 0 ? ISOCHRONE_BAND_MINUTES.length : band;
}
