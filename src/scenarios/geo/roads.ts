/**
 * Roads as read from a file, before they become nodes and edges, and what their tags mean:
 * default speeds per OSM highway class, which classes are for vehicles, one-way values and
 * posted speed limits.
 */
import type { LonLat } from '../../lib/geo.ts';

/** A road read from a file, before it becomes nodes and edges. */
export interface RoadLine {
  /** In driving order when the road is one-way. */
  points: LonLat[];
  /**
   * The class value in the file (OSM `highway`, a GeoJSON property), with `@N` added when the
   * file gives a speed limit of N km/h (`primary@60`); '' when it has none.
   */
  sourceClass: string;
  /**
   * Ids of the points where the file itself says they are shared (OSM node ids). GeoJSON has
   * none: its points are merged where their coordinates are equal.
   */
  pointIds?: string[];
  /** Drivable only in the order of `points`. */
  oneWay?: boolean;
  /** The whole line's length as the file gives it (m); else measured along the points. */
  lengthM?: number;
}

export interface RoadLines {
  lines: RoadLine[];
  /** Ways or features left out because they are not for vehicles (footways, rivers…). */
  skipped: number;
}

export interface RoadClassSpeed {
  speedKmh: number;
}

/**
 * Free-flow speeds (km/h) for OSM highway values, used for classes the scenario does not have
 * yet; rough Chinese urban values (城市快速路 80, 主干路 50…), to be tuned in the editor.
 */
export const DEFAULT_ROAD_SPEEDS: Readonly<Record<string, number>> = {
  motorway: 90,
  trunk: 70,
  primary: 50,
  secondary: 45,
  tertiary: 40,
  unclassified: 30,
  residential: 25,
  living_street: 15,
  service: 15,
  road: 30,
  track: 15,
  // Chinese urban road grades (城市道路等级), as GIS files name them.
  快速路: 80,
  主干路: 50,
  次干路: 40,
  支路: 30,
};

/** Speed of a class with no default (a GeoJSON class such as 主干路). */
export const FALLBACK_ROAD_SPEED_KMH = 30;

/**
 * The default speed for a source class: its speed limit when it has one (`primary@60`: 60;
 * the planner lowers it in the mapping step where traffic is slower), else the class's
 * default; `primary_link` drives like `primary`.
 */
export function defaultRoadSpeed(sourceClass: string): number {
  const limit = /@(\d+)$/.exec(sourceClass);
  if (limit) return Number(limit[1]);
  const base = sourceClass.replace(/_link$/, '');
  return Object.hasOwn(DEFAULT_ROAD_SPEEDS, base)
    ? DEFAULT_ROAD_SPEEDS[base]
    : FALLBACK_ROAD_SPEED_KMH;
}

/** A source class with its speed limit, as the mapping step lists it. */
export function withSpeedLimit(sourceClass: string, limitKmh: number | undefined): string {
  return limitKmh === undefined ? sourceClass : `${sourceClass}@${limitKmh}`;
}

/** OSM highway values that are not roads for emergency vehicles. */
const NOT_FOR_VEHICLES = new Set([
  'footway',
  'path',
  'pedestrian',
  'cycleway',
  'steps',
  'bridleway',
  'corridor',
  'elevator',
  'platform',
  'bus_stop',
  'construction',
  'proposed',
  'abandoned',
  'disused',
  'raceway',
  'escape',
  'via_ferrata',
  'crossing',
  'street_lamp',
]);

/** Whether a class value names a road that vehicles drive on ('' — no class — counts as one). */
export function isVehicleRoad(sourceClass: string): boolean {
  return !NOT_FOR_VEHICLES.has(sourceClass);
}

/** Which way a road may be driven, relative to the order of its points. */
export type Direction = 'both' | 'forward' | 'backward';

const FORWARD = new Set(['yes', 'true', '1', 'y', 't', 'ft', '是', '单行', '单向', '正向']);
const BACKWARD = new Set(['-1', 'reverse', 'tf', 'r', '逆向', '反向']);
const BOTH = new Set(['no', 'false', '0', 'n', 'f', 'b', '', '否', '双向', '双行']);

/**
 * A one-way value as OSM and GIS files write it: yes/true/1 (and ESRI's FT), -1/reverse (TF),
 * no/false/0 (B); null when it is none of these (OSM's `reversible`, `alternating`, typos).
 */
export function oneWayValue(value: string | number | boolean): Direction | null {
  const text = String(value).trim().toLowerCase();
  if (FORWARD.has(text)) return 'forward';
  if (BACKWARD.has(text)) return 'backward';
  if (BOTH.has(text)) return 'both';
  return null;
}

/** Limits outside this range are typos or other units, not speeds (km/h). */
const MAX_SPEED_KMH = 200;
const KMH_PER_MPH = 1.609344;

/**
 * A posted speed limit in whole km/h: `50`, `50 km/h`, `50kmh`, `30 mph`; null when it is not
 * one number (`none`, `signals`, `CN:urban`, `50;70`).
 */
export function maxSpeedKmh(value: string | number): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(String(value));
  if (!match) return null;
  const kmh = Number(match[1]) * (match[2]?.toLowerCase() === 'mph' ? KMH_PER_MPH : 1);
  const rounded = Math.round(kmh);
  return rounded > 0 && rounded <= MAX_SPEED_KMH ? rounded : null;
}
