/**
 * Travel times, three interchangeable models behind one interface:
 * a road graph (roadGraph.ts: shortest paths by time, speeds per road class and hour, cached per
 * origin), a zone-to-zone matrix, or distance × speed. A "place" is the model's own integer
 * handle for a location: a road node, a zone, or a stored point.
 */
import type { Travel } from '../scenarios/schema.ts';
import type { Calendar } from './calendar.ts';
import { haversineMetres, manhattanMetres, type LonLat } from '../lib/geo.ts';
import { speedFactor, type Drive } from './drive.ts';
import { RoadGraphTravel } from './roadGraph.ts';

export type { Drive } from './drive.ts';

export interface TravelModel {
  /** The place for a point in a district (road graph: the nearest node; matrix: the zone). */
  placeOf(point: LonLat, districtIndex: number): number;
  /** Coordinates of a place, for the trace and the map. */
  coordinates(place: number): LonLat;
  /**
   * Driving time in seconds from one place to another, leaving at `time`; Infinity if
   * unreachable. With `limit`, a time over the limit may be returned as Infinity: the caller
   * only wants to know about trips faster than that (it makes searches from odd places cheap).
   * A trip that takes any time at all takes the scenario's trip overhead besides.
   */
  seconds(from: number, to: number, time: number, drive: Drive, limit?: number): number;
  /**
   * Where a unit driving from `from` to `to` (normal speed, leaving at `departure`) is after
   * `elapsed` s. With `keep` false (a look, not a move), the place may be a scratch place that
   * is valid only until the next look: looking adds no place to the run's place table.
   */
  positionAfter(
    from: number,
    to: number,
    departure: number,
    elapsed: number,
    keep?: boolean,
  ): number;
  /**
   * A number that stays the same while trip times do: two calls of `seconds` between the same
   * places at times of the same epoch give the same answer (road graph: the hour's speed band
   * and the roads closed; the other models: always 0).
   */
  epoch(time: number): number;
  /** Marks places that many trips start from or end at (bases), whose shortest paths stay cached. */
  anchor(place: number): void;
  /** Closes or reopens road edges (road graph only; others ignore it). */
  setEdgesClosed(edges: readonly number[], closed: boolean): void;
  /** Lognormal multiplicative noise of a trip, mean 1, with the scenario's coefficient of variation. */
  readonly noiseCv: number;
}

export function makeTravelModel(
  travel: Travel,
  districtIds: readonly string[],
  calendar: Calendar,
): TravelModel {
  switch (travel.model) {
    case 'roadGraph':
      return new RoadGraphTravel(travel, calendar);
    case 'matrix':
      return new MatrixTravel(travel, districtIds);
    case 'distance':
      return new DistanceTravel(travel);
  }
}

type MatrixSpec = Extract<Travel, { model: 'matrix' }>;

class MatrixTravel implements TravelModel {
  readonly noiseCv: number;
  private readonly zoneOfDistrict: Int32Array;
  private readonly points: LonLat[] = [];

  constructor(
    private readonly spec: MatrixSpec,
    districtIds: readonly string[],
  ) {
    this.noiseCv = spec.noiseCv;
    this.zoneOfDistrict = Int32Array.from(districtIds, (id) => spec.zones.indexOf(id));
  }

  placeOf(point: LonLat, districtIndex: number): number {
    const zone = this.zoneOfDistrict[districtIndex];
    this.points[zone] ??= point;
    return zone;
  }

  coordinates(place: number): LonLat {
    return this.points[place] ?? [0, 0];
  }

  seconds(from: number, to: number): number {
    const seconds = this.spec.seconds[from][to];
    return seconds > 0 ? seconds + this.spec.tripOverheadSeconds : seconds;
  }

  positionAfter(from: number, to: number, _departure: number, elapsed: number): number {
    return elapsed < this.seconds(from, to) / 2 ? from : to;
  }

  anchor(): void {}

  epoch(): number {
    return 0;
  }

  setEdgesClosed(): void {}
}

type DistanceSpec = Extract<Travel, { model: 'distance' }>;

/** The distance model's place of a position looked at and not kept. */
const SCRATCH_PLACE = -2;

class DistanceTravel implements TravelModel {
  readonly noiseCv: number;
  private readonly points: LonLat[] = [];
  private readonly metresPerSecond: number;
  private readonly distance: (a: LonLat, b: LonLat) => number;

  constructor(private readonly spec: DistanceSpec) {
    this.noiseCv = spec.noiseCv;
    this.metresPerSecond = spec.speedKmh / 3.6;
    this.distance = spec.metric === 'manhattan' ? manhattanMetres : haversineMetres;
  }

  /** A position looked at, not kept (SCRATCH_PLACE). */
  private scratch: LonLat = [0, 0];

  placeOf(point: LonLat): number {
    return this.points.push(point) - 1;
  }

  coordinates(place: number): LonLat {
    return place === SCRATCH_PLACE ? this.scratch : this.points[place];
  }

  seconds(from: number, to: number, _time: number, drive: Drive): number {
    if (from === to) return 0;
    const metres =
      this.distance(this.coordinates(from), this.coordinates(to)) * this.spec.detourFactor;
    // Two places at one point (a hospital beside a base): no trip, no overhead.
    if (metres === 0) return 0;
    const factor = speedFactor(drive, this.spec);
    const shortTrip = this.spec.shortTrip;
    if (shortTrip) {
      const trip = squareRootLawSeconds(
        metres,
        this.metresPerSecond * factor,
        shortTrip.accelerationMps2,
      );
      return trip + this.spec.tripOverheadSeconds;
    }
    const seconds = metres / this.metresPerSecond;
    const driven = drive === false ? seconds : seconds / factor;
    return driven + this.spec.tripOverheadSeconds;
  }

  positionAfter(from: number, to: number, departure: number, elapsed: number, keep = true) {
    const total = this.seconds(from, to, departure, false);
    if (total === 0 || elapsed >= total) return to;
    const share = elapsed / total;
    const [a, b] = [this.points[from], this.points[to]];
    const point: LonLat = [a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share];
    if (keep) return this.placeOf(point);
    this.scratch = point;
    return SCRATCH_PLACE;
  }

  anchor(): void {}

  epoch(): number {
    return 0;
  }

  setEdgesClosed(): void {}
}

/**
 * Seconds to drive `metres` from standstill to standstill accelerating (and braking) at
 * `acceleration` up to the cruising speed `speed` (Kolesar 1975, the RAND fire-engine study):
 * 2·√(D/a) while the vehicle never reaches cruising speed (D ≤ v²/a), v/a + D/v beyond.
 */
export function squareRootLawSeconds(metres: number, speed: number, acceleration: number): number {
  const critical = (speed * speed) / acceleration;
  if (metres <= critical) return 2 * Math.sqrt(metres / acceleration);
  return speed / acceleration + metres / speed;
}
