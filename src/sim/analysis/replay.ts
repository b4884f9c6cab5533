/**
 * Replay of one run: the state of every unit and incident at any simulated time, read from the
 * trace alone. One pass over the trace builds, per unit and per incident, the list of states it
 * went through (segments sorted by start time); a look at time t is then a binary search per
 * unit, and for incidents only those alive around t (found through hour buckets), so scrubbing
 * never rescans the trace.
 *
 * Units move along legs (to the incident, back to base); a leg's route (a polyline, computed in
 * the worker from the road graph) gives the shape, the trace gives the times: a unit is placed
 * along the route by the share of the leg's time elapsed.
 */
import { cos } from '../../lib/detmath.ts';
import type { LonLat } from '../../lib/geo.ts';
import { Cause, RecordKind, type Trace } from '../trace.ts';

export const UNIT_STATUSES = [
  'atBase',
  'free',
  'dispatched',
  'enRoute',
  'onScene',
  'returning',
  'outOfService',
] as const;
/** `free`: available but away from base (stranded by a closed road); `dispatched`: mobilising. */
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const INCIDENT_STATES = [
  'waiting',
  'queued',
  'responding',
  'working',
  'overflowed',
  'closed',
  'unanswered',
  'sentTo12345',
] as const;
/** `waiting`: no unit yet; `responding`: units dispatched, none on scene; `working`: on scene. */
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** How long a finished incident stays on the map after it closed. */
export const FINISHED_VISIBLE_SECONDS = 1800;

/** Where each unit lives: needed for units that never moved, which the trace never places. */
export interface UnitHomes {
  /** Per unit: lon, lat of its base (NaN, NaN for reinforcements from elsewhere). */
  homes: Float64Array;
  /** Per unit: the travel model's place of its base (the trace's place index), −1 for none. */
  basePlaces: Int32Array;
}

/** A drive of one unit between two places of the trace (road nodes for a road graph). */
export interface Leg {
  unit: number;
  start: number;
  end: number;
  from: number;
  to: number;
}

export interface UnitSegment {
  start: number;
  status: UnitStatus;
  incident: number;
  /** Where the unit stands (or where its leg starts); null when not known (reinforcements). */
  at: LonLat | null;
  /** Index into `legs` while driving, else −1. */
  leg: number;
  /** The trace record that started this state (−1 for the state at the start). */
  record: number;
  /** The trace's place where it stands or its leg starts (−1 when not known). */
  place: number;
}

export interface IncidentSegment {
  start: number;
  state: IncidentState;
}

export interface ReplayIndex {
  trace: Trace;
  legs: Leg[];
  unitSegments: UnitSegment[][];
  incidentSegments: IncidentSegment[][];
  /** Per incident: call time and the time it finished (Infinity while open at the end). */
  incidentCalledAt: Float64Array;
  incidentFinishedAt: Float64Array;
  /** Lookups by time (built once). */
  lookup: { incidentBuckets: IntervalBuckets; legBuckets: IntervalBuckets };
}

const TERMINAL: ReadonlySet<IncidentState> = new Set(['closed', 'unanswered', 'sentTo12345']);

/** Builds the replay index in one pass over the trace. */
export function buildReplayIndex(trace: Trace, homes: UnitHomes): ReplayIndex {
  const unitCount = trace.header.units.length;
  const legs: Leg[] = [];
  const coords = (place: number): LonLat | null =>
    place >= 0 ? [trace.places[2 * place], trace.places[2 * place + 1]] : null;
  const homeOf = (unit: number): LonLat | null =>
    Number.isNaN(homes.homes[2 * unit]) ? null : [homes.homes[2 * unit], homes.homes[2 * unit + 1]];
  /** A place, shown at the base's own location when it is the base's place. */
  const shown = (unit: number, place: number): LonLat | null =>
    place >= 0 && place === homes.basePlaces[unit] ? homeOf(unit) : coords(place);

  const unitSegments: UnitSegment[][] = Array.from({ length: unitCount }, (_, unit) => [
    {
      start: 0,
      status: 'atBase',
      incident: -1,
      at: homeOf(unit),
      leg: -1,
      record: -1,
      place: homes.basePlaces[unit],
    },
  ]);
  const unitPlace = Int32Array.from(homes.basePlaces);
  const openLeg = new Int32Array(unitCount).fill(-1);
  const unitIncident = new Int32Array(unitCount).fill(-1);
  const estimate = new Float64Array(unitCount).fill(NaN);

  const incidentTracker = new IncidentTracker(trace);

  const push = (unit: number, segment: UnitSegment) => {
    const list = unitSegments[unit];
    // Several changes at one instant: the last one is the state from then on.
    if (list[list.length - 1].start === segment.start) list[list.length - 1] = segment;
    else list.push(segment);
  };
  const closeLeg = (unit: number, time: number, place: number) => {
    const leg = openLeg[unit];
    if (leg < 0) return;
    legs[leg].end = time;
    if (place >= 0) legs[leg].to = place;
    openLeg[unit] = -1;
  };
  const startLeg = (unit: number, start: number, from: number, to: number, end: number) => {
    openLeg[unit] = legs.push({ unit, start, end, from, to }) - 1;
    return openLeg[unit];
  };
  let record = -1;
  const stand = (unit: number, time: number, status: UnitStatus, place: number) => {
    unitPlace[unit] = place;
    const atBase = place >= 0 && place === homes.basePlaces[unit];
    const actual = status === 'free' && atBase ? 'atBase' : status;
    push(unit, {
      start: time,
      status: actual,
      incident: unitIncident[unit],
      at: shown(unit, place),
      leg: -1,
      record,
      place,
    });
  };

  for (let i = 0; i < trace.length; i++) {
    const time = trace.time[i];
    const kind = trace.kind[i];
    const unit = trace.unit[i];
    const place = trace.place[i];
    record = i;
    incidentTracker.record(i, unitIncident);
    if (unit < 0 || kind === RecordKind.external) continue;
    switch (kind) {
      case RecordKind.dispatched:
        // Sent while on its way home: the way home ends where it is now.
        closeLeg(unit, time, place);
        unitIncident[unit] = trace.incident[i];
        estimate[unit] = trace.value[i];
        stand(unit, time, 'dispatched', place);
        break;
      case RecordKind.enRoute: {
        const to = trace.incidentPlace[trace.incident[i]];
        const end = Number.isFinite(estimate[unit]) ? time + estimate[unit] : Infinity;
        const leg = place >= 0 && to >= 0 ? startLeg(unit, time, place, to, end) : -1;
        push(unit, {
          start: time,
          status: 'enRoute',
          incident: unitIncident[unit],
          at: shown(unit, place),
          leg,
          record: i,
          place,
        });
        break;
      }
      case RecordKind.arrived:
        closeLeg(unit, time, place);
        stand(unit, time, 'onScene', place);
        break;
      case RecordKind.cleared: {
        unitIncident[unit] = -1;
        const base = homes.basePlaces[unit];
        const leg = place >= 0 && base >= 0 ? startLeg(unit, time, place, base, Infinity) : -1;
        unitPlace[unit] = place;
        push(unit, {
          start: time,
          status: 'returning',
          incident: -1,
          at: shown(unit, place),
          leg,
          record: i,
          place,
        });
        break;
      }
      case RecordKind.available:
        unitIncident[unit] = -1;
        if (trace.cause[i] === Cause.closeRoad) {
          // The way is cut: the unit waits, free, where it is.
          closeLeg(unit, time, unitPlace[unit]);
          stand(unit, time, 'free', place >= 0 ? place : unitPlace[unit]);
        } else if (openLeg[unit] >= 0) {
          closeLeg(unit, time, place);
          stand(unit, time, 'atBase', place);
        } else {
          // Home from where a closed road had left it: the drive took `value` seconds.
          const departure = time - trace.value[i];
          if (trace.value[i] > 0 && unitPlace[unit] >= 0 && place >= 0) {
            const leg = startLeg(unit, departure, unitPlace[unit], place, time);
            openLeg[unit] = -1;
            const from = shown(unit, unitPlace[unit]);
            push(unit, {
              start: departure,
              status: 'returning',
              incident: -1,
              at: from,
              leg,
              record: i,
              place: unitPlace[unit],
            });
          }
          stand(unit, time, 'atBase', place);
        }
        break;
      case RecordKind.outOfService:
        stand(unit, time, 'outOfService', place >= 0 ? place : unitPlace[unit]);
        break;
      case RecordKind.inService:
        stand(unit, time, 'free', place >= 0 ? place : unitPlace[unit]);
        break;
    }
  }
  // Drives still under way at the end of the run: their end is not known; the run's end stands in.
  for (const leg of legs) {
    if (!Number.isFinite(leg.end)) leg.end = Math.max(trace.header.duration, leg.start + 1);
  }

  const { segments: incidentSegments, calledAt, finishedAt } = incidentTracker.finish();
  const incidentBuckets = new IntervalBuckets();
  for (let incident = 0; incident < trace.incidentCount; incident++) {
    incidentBuckets.add(
      incident,
      calledAt[incident],
      finishedAt[incident] + FINISHED_VISIBLE_SECONDS,
    );
  }
  const legBuckets = new IntervalBuckets();
  legs.forEach((leg, index) => legBuckets.add(index, leg.start, leg.end));
  return {
    trace,
    legs,
    unitSegments,
    incidentSegments,
    incidentCalledAt: calledAt,
    incidentFinishedAt: finishedAt,
    lookup: { incidentBuckets, legBuckets },
  };
}

/** Follows each incident's state through the trace, recording a segment at every change. */
class IncidentTracker {
  private readonly coming: Int32Array;
  private readonly onScene: Int32Array;
  private readonly queued: Uint8Array;
  private readonly overflowed: Uint8Array;
  private readonly outside: Uint8Array;
  private readonly terminal: Array<IncidentState | null>;
  private readonly segments: IncidentSegment[][];
  private readonly calledAt: Float64Array;
  private readonly finishedAt: Float64Array;

  constructor(private readonly trace: Trace) {
    const count = trace.incidentCount;
    this.coming = new Int32Array(count);
    this.onScene = new Int32Array(count);
    this.queued = new Uint8Array(count);
    this.overflowed = new Uint8Array(count);
    this.outside = new Uint8Array(count);
    this.terminal = new Array<IncidentState | null>(count).fill(null);
    this.segments = Array.from({ length: count }, () => []);
    this.calledAt = new Float64Array(count).fill(NaN);
    this.finishedAt = new Float64Array(count).fill(Infinity);
  }

  /** Takes record i into account; `unitIncident` tells which incident a unit serves (before i). */
  record(i: number, unitIncident: Int32Array): void {
    const trace = this.trace;
    const kind = trace.kind[i];
    const unit = trace.unit[i];
    let incident = trace.incident[i];
    // A unit that could not reach its incident leaves it without naming it.
    if (incident < 0 && kind === RecordKind.available && unit >= 0) incident = unitIncident[unit];
    if (incident < 0) return;
    switch (kind) {
      case RecordKind.callReceived:
        this.calledAt[incident] = trace.time[i];
        break;
      case RecordKind.dispatched:
        this.coming[incident]++;
        this.queued[incident] = 0;
        break;
      case RecordKind.arrived:
        this.coming[incident]--;
        this.onScene[incident]++;
        break;
      case RecordKind.cleared:
        this.onScene[incident]--;
        break;
      case RecordKind.available:
        this.coming[incident]--;
        break;
      case RecordKind.queued:
        this.queued[incident] = 1;
        break;
      case RecordKind.overflowed:
        this.overflowed[incident] = 1;
        break;
      case RecordKind.outsideArrived:
        this.outside[incident] = 1;
        break;
      case RecordKind.closed:
        this.terminal[incident] = 'closed';
        break;
      case RecordKind.unanswered:
        this.terminal[incident] = 'unanswered';
        break;
      case RecordKind.sentTo12345:
        this.terminal[incident] = 'sentTo12345';
        break;
      default:
        return;
    }
    if (Number.isNaN(this.calledAt[incident])) this.calledAt[incident] = trace.time[i];
    const state = this.stateOf(incident);
    if (TERMINAL.has(state) && this.finishedAt[incident] === Infinity) {
      this.finishedAt[incident] = trace.time[i];
    }
    const list = this.segments[incident];
    const last = list[list.length - 1];
    if (last && last.state === state) return;
    if (last && last.start === trace.time[i]) list[list.length - 1] = { start: last.start, state };
    else list.push({ start: trace.time[i], state });
  }

  private stateOf(incident: number): IncidentState {
    const terminal = this.terminal[incident];
    if (terminal) return terminal;
    if (this.onScene[incident] > 0 || this.outside[incident]) return 'working';
    if (this.coming[incident] > 0) return 'responding';
    if (this.overflowed[incident]) return 'overflowed';
    if (this.queued[incident]) return 'queued';
    return 'waiting';
  }

  finish() {
    return { segments: this.segments, calledAt: this.calledAt, finishedAt: this.finishedAt };
  }
}

/**
 * Items alive over intervals, found by time: each item is listed in the hour buckets its interval
 * touches; items longer than two days (or never ending) go to one list always looked at.
 */
class IntervalBuckets {
  private static readonly BUCKET_SECONDS = 3600;
  private static readonly LONG_SECONDS = 2 * 86_400;
  private readonly buckets = new Map<number, number[]>();
  private readonly long: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  add(item: number, start: number, end: number): void {
    this.starts[item] = start;
    this.ends[item] = end;
    if (!(end - start <= IntervalBuckets.LONG_SECONDS)) {
      this.long.push(item);
      return;
    }
    const first = Math.floor(start / IntervalBuckets.BUCKET_SECONDS);
    const last = Math.floor(end / IntervalBuckets.BUCKET_SECONDS);
    for (let bucket = first; bucket <= last; bucket++) {
      let list = this.buckets.get(bucket);
      if (!list) this.buckets.set(bucket, (list = []));
      list.push(item);
    }
  }

  /** Items whose interval meets [from, to], in increasing order. */
  between(from: number, to: number): number[] {
    const found = new Set<number>();
    const first = Math.floor(from / IntervalBuckets.BUCKET_SECONDS);
    const last = Math.floor(to / IntervalBuckets.BUCKET_SECONDS);
    for (let bucket = first; bucket <= last; bucket++) {
      for (const item of this.buckets.get(bucket) ?? []) found.add(item);
    }
    for (const item of this.long) found.add(item);
    return [...found]
      .filter((item) => this.starts[item] <= to && this.ends[item] >= from)
      .sort((a, b) => a - b);
  }
}

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
