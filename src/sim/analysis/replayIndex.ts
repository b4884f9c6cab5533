/**
 * The replay index of one run: per unit and per incident, the list of states it went through
 * (segments sorted by start time), and the legs units drove, built in one pass over the trace.
 * Looking at a moment (replay.ts) is then a binary search per unit, and for incidents and legs
 * only those alive around it (found through hour buckets), so scrubbing never rescans the trace.
 *
 * Units move along legs (to the incident, back to base); a leg's route (a polyline, computed in
 * the worker from the road graph) gives the shape, the trace gives the times.
 */
import type { LonLat } from '../../lib/geo.ts';
import { Cause, RecordKind, type Trace } from '../trace.ts';
import { IncidentTracker, type IncidentSegment } from './incidentStates.ts';

export const UNIT_STATUSES = [
  'atBase',
  'free',
  'dispatched',
  'enRoute',
  'onScene',
  'returning',
  'outOfService',
  'transporting',
  'atHospital',
] as const;
/**
 * `free`: available but away from base (stranded by a closed road); `dispatched`: mobilising;
 * `transporting`: carrying a patient to a hospital; `atHospital`: handing the patient over.
 */
export type UnitStatus = (typeof UNIT_STATUSES)[number];

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
      case RecordKind.transportStarted: {
        // The way home begun at the scene turns into the drive to the hospital.
        const scene = unitPlace[unit];
        closeLeg(unit, time, scene);
        unitIncident[unit] = trace.incident[i];
        const leg = scene >= 0 ? startLeg(unit, time, scene, place, Infinity) : -1;
        push(unit, {
          start: time,
          status: 'transporting',
          incident: unitIncident[unit],
          at: shown(unit, scene),
          leg,
          record: i,
          place: scene,
        });
        break;
      }
      case RecordKind.atHospital:
        closeLeg(unit, time, place);
        stand(unit, time, 'atHospital', place);
        break;
      case RecordKind.handedOver: {
        unitIncident[unit] = -1;
        const base = homes.basePlaces[unit];
        const leg = base >= 0 ? startLeg(unit, time, place, base, Infinity) : -1;
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
