/**
 * Replay of one run at a moment: every unit's status and position, the incidents on the map and
 * their states, the legs under way, read from the replay index (replayIndex.ts) by binary search
 * and hour buckets, never by rescanning the trace. A driving unit is placed along its leg's route
 * (a polyline from the worker, or the straight line until it is known) by the share of the leg's
 * time elapsed.
 */
import { cos } from '../../lib/detmath.ts';
import type { LonLat } from '../../lib/geo.ts';
import type { Trace } from '../trace.ts';
import type { IncidentState } from './incidentStates.ts';
import type { Leg, ReplayIndex, UnitSegment, UnitStatus } from './replayIndex.ts';

/** Index of the last element of a sorted list with key ≤ t (−1 when none). */
function lastAtOrBefore<T>(list: readonly T[], t: number, key: (item: T) => number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (key(list[middle]) <= t) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The record shown as current at time t: the last one at or before t (−1 before the first). */
export function recordAt(trace: Trace, t: number): number {
  let low = 0;
  let high = trace.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (trace.time[middle] <= t) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** A route's polyline with its cumulative length, for placing a unit along it. */
export interface Route {
  /** lon, lat pairs. */
  points: Float64Array;
  /** Cumulative length at each point (in a local plane; only shares matter). */
  cumulative: Float64Array;
}

export function makeRoute(points: Float64Array): Route {
  const count = points.length / 2;
  const cumulative = new Float64Array(count);
  const lonScale = count > 0 ? cos((points[1] * Math.PI) / 180) : 1;
  for (let k = 1; k < count; k++) {
    const dx = (points[2 * k] - points[2 * k - 2]) * lonScale;
    const dy = points[2 * k + 1] - points[2 * k - 1];
    cumulative[k] = cumulative[k - 1] + Math.sqrt(dx * dx + dy * dy);
  }
  return { points, cumulative };
}

/** The point at a share (0..1) of a route's length. */
export function pointAlong(route: Route, share: number): LonLat {
  const { points, cumulative } = route;
  const count = cumulative.length;
  if (count === 1 || cumulative[count - 1] === 0) return [points[0], points[1]];
  const target = Math.min(1, Math.max(0, share)) * cumulative[count - 1];
  let low = 1;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  const span = cumulative[low] - cumulative[low - 1];
  const part = span > 0 ? (target - cumulative[low - 1]) / span : 1;
  return [
    points[2 * low - 2] + (points[2 * low] - points[2 * low - 2]) * part,
    points[2 * low - 1] + (points[2 * low + 1] - points[2 * low - 1]) * part,
  ];
}

export interface UnitView {
  unit: number;
  status: UnitStatus;
  incident: number;
  /** Null when the unit's position is not known (reinforcements on their way). */
  position: LonLat | null;
  /** The leg it drives, or −1. */
  leg: number;
}

/** Every unit's status and position at t; `routeOf` gives a leg's route once it is known. */
export function unitsAt(
  index: ReplayIndex,
  t: number,
  routeOf: (leg: number) => Route | undefined,
): UnitView[] {
  return index.unitSegments.map((segments, unit) => {
    const segment =
      segments[
        Math.max(
          0,
          lastAtOrBefore(segments, t, (s) => s.start),
        )
      ];
    return {
      unit,
      status: segment.status,
      incident: segment.incident,
      position: positionOn(index, segment, t, routeOf),
      leg: segment.leg,
    };
  });
}

function positionOn(
  index: ReplayIndex,
  segment: UnitSegment,
  t: number,
  routeOf: (leg: number) => Route | undefined,
): LonLat | null {
  if (segment.leg < 0) return segment.at;
  const leg = index.legs[segment.leg];
  const share = leg.end > leg.start ? (t - leg.start) / (leg.end - leg.start) : 1;
  const route = routeOf(segment.leg) ?? straightRoute(index.trace, leg);
  return route ? pointAlong(route, share) : segment.at;
}

/** Until its road route is known, a leg is drawn as the straight line between its ends. */
function straightRoute(trace: Trace, leg: Leg): Route | undefined {
  if (leg.from < 0 || leg.to < 0) return undefined;
  const places = trace.places;
  if (2 * Math.max(leg.from, leg.to) + 1 >= places.length) return undefined;
  return makeRoute(
    Float64Array.of(
      places[2 * leg.from],
      places[2 * leg.from + 1],
      places[2 * leg.to],
      places[2 * leg.to + 1],
    ),
  );
}

export interface IncidentView {
  incident: number;
  state: IncidentState;
  /** Since when it is in this state. */
  since: number;
  position: LonLat | null;
}

/** Incidents called by t and not finished for long at t, with their state then. */
export function incidentsAt(index: ReplayIndex, t: number): IncidentView[] {
  const trace = index.trace;
  const views: IncidentView[] = [];
  for (const incident of index.lookup.incidentBuckets.between(t, t)) {
    const segments = index.incidentSegments[incident];
    const at = lastAtOrBefore(segments, t, (s) => s.start);
    if (at < 0) continue;
    const place = trace.incidentPlace[incident];
    views.push({
      incident,
      state: segments[at].state,
      since: segments[at].start,
      position: place >= 0 ? [trace.places[2 * place], trace.places[2 * place + 1]] : null,
    });
  }
  return views;
}

/** The state of one incident at t (undefined before its call). */
export function incidentStateAt(index: ReplayIndex, incident: number, t: number) {
  const segments = index.incidentSegments[incident];
  const at = lastAtOrBefore(segments, t, (s) => s.start);
  return at < 0 ? undefined : segments[at];
}

/** Legs under way at some moment of [from, to]: the ones whose routes a window needs. */
export function legsBetween(index: ReplayIndex, from: number, to: number): number[] {
  return index.lookup.legBuckets.between(from, to);
}

/** A unit's state just before record i took effect (for "who else could have gone"). */
export function unitStateBefore(index: ReplayIndex, unit: number, record: number): UnitSegment {
  const segments = index.unitSegments[unit];
  return segments[
    Math.max(
      0,
      lastAtOrBefore(segments, record - 1, (s) => s.record),
    )
  ];
}
