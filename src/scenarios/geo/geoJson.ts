/**
 * GeoJSON in: the features of a file, their property names, and the roads among them with
 * class, one-way, length and speed-limit properties (names detected, chosen by the planner).
 */
import { haversineMetres, type LonLat } from '../../lib/geo.ts';
import { cut, loaderText, type Language } from '../messages.ts';
import { LIMITS } from '../schema.ts';
import {
  failure,
  geoText,
  shortJson,
  tooLargeMessage,
  type GeoProblem,
  type GeoResult,
} from './problems.ts';
import {
  isVehicleRoad,
  maxSpeedKmh,
  oneWayValue,
  withSpeedLimit,
  type RoadLine,
  type RoadLines,
} from './roads.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface GeoJsonFeature {
  geometry: JsonObject | null;
  properties: JsonObject;
}

/** Parses GeoJSON text into its features (a FeatureCollection, a Feature, or a bare geometry). */
export function parseGeoJson(source: string, language: Language): GeoResult<GeoJsonFeature[]> {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > LIMITS.fileBytes) return failure('', tooLargeMessage(bytes, language));
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    return failure(
      '',
      geoText.notJson[language](loaderText.jsonReason[language](cut(reason, 200))),
    );
  }
  return geoJsonFeatures(data, language);
}

/** The features of parsed GeoJSON (or of what a shapefile reader made of its file). */
export function geoJsonFeatures(data: unknown, language: Language): GeoResult<GeoJsonFeature[]> {
  if (!isObject(data)) return failure('', geoText.notGeoJson[language]());
  if (data.type === 'Feature') data = { type: 'FeatureCollection', features: [data] };
  else if (typeof data.type === 'string' && 'coordinates' in data)
    data = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: data }] };
  if (!isObject(data) || !Array.isArray(data.features)) {
    return failure('', geoText.notGeoJson[language]());
  }
  const errors: GeoProblem[] = [];
  const features: GeoJsonFeature[] = [];
  data.features.forEach((feature: unknown, i: number) => {
    if (!isObject(feature) || feature.type !== 'Feature' || !('geometry' in feature)) {
      errors.push({ path: `features[${i}]`, message: geoText.notFeature[language]() });
      return;
    }
    features.push({
      geometry: isObject(feature.geometry) ? feature.geometry : null,
      properties: isObject(feature.properties) ? feature.properties : {},
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: features };
}

/** The property names the features have, in first-seen order, for the mapping step. */
export function featurePropertyNames(features: readonly GeoJsonFeature[]): string[] {
  const names = new Set<string>();
  for (const feature of features)
    for (const name of Object.keys(feature.properties)) names.add(name);
  return [...names];
}

/** Which properties hold what a road needs; undefined: the files has no such property. */
export interface RoadPropertyMapping {
  classProperty?: string;
  oneWayProperty?: string;
  /** Metres along the whole line. */
  lengthProperty?: string;
  /** Posted speed limit (km/h, or "N mph"). */
  speedProperty?: string;
}

/** Property names that usually hold each, in order of preference (compared in lower case). */
const ROAD_PROPERTIES: Record<keyof RoadPropertyMapping, string[]> = {
  classProperty: [
    'roadclass',
    'road_class',
    'highway',
    'fclass',
    'class',
    'type',
    '道路等级',
    '等级',
  ],
  oneWayProperty: [
    'oneway',
    'one_way',
    'is_oneway',
    'oneway_',
    '单行',
    '单向',
    '是否单行',
    '单行线',
  ],
  lengthProperty: ['length', 'length_m', 'len', 'len_m', '长度', '道路长度'],
  speedProperty: ['maxspeed', 'max_speed', 'speed_limit', 'speedlimit', '限速'],
};

function guess(names: readonly string[], candidates: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    const found = names.find((name) => name.toLowerCase() === candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function guessRoadClassProperty(names: readonly string[]): string | undefined {
  return guess(names, ROAD_PROPERTIES.classProperty);
}

/** The properties detected by their names (`oneway`, `ONEWAY`, `单行`, `LENGTH`, `长度`…). */
export function guessRoadProperties(names: readonly string[]): RoadPropertyMapping {
  return {
    classProperty: guess(names, ROAD_PROPERTIES.classProperty),
    oneWayProperty: guess(names, ROAD_PROPERTIES.oneWayProperty),
    lengthProperty: guess(names, ROAD_PROPERTIES.lengthProperty),
    speedProperty: guess(names, ROAD_PROPERTIES.speedProperty),
  };
}

export function propertyText(properties: JsonObject, name: string | undefined): string {
  if (name === undefined) return '';
  const value = properties[name];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value).trim()
    : '';
}

/** Reads a position, or null. */
function position(value: unknown): LonLat | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [lon, lat] = value;
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
  return [lon, lat];
}

export function positions(
  value: unknown,
  path: string,
  minimum: number,
  language: Language,
  errors: GeoProblem[],
): LonLat[] | null {
  if (!Array.isArray(value)) {
    errors.push({ path, message: geoText.badPosition[language](shortJson(value)) });
    return null;
  }
  const points: LonLat[] = [];
  for (let i = 0; i < value.length; i++) {
    const point = position(value[i]);
    if (!point) {
      errors.push({
        path: `${path}[${i}]`,
        message: geoText.badPosition[language](shortJson(value[i])),
      });
      return null;
    }
    points.push(point);
  }
  if (points.length < minimum) {
    errors.push({ path, message: geoText.tooFewPoints[language](minimum) });
    return null;
  }
  return points;
}

function drawnLength(points: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += haversineMetres(points[i - 1], points[i]);
  return total;
}

/** A given length this far from the drawn one (either way) is likely in another unit. */
const LENGTH_RATIO_WARNING = 3;

/**
 * The roads among GeoJSON features: LineString and MultiLineString geometries, with their class,
 * direction, length and speed limit from the mapped properties. Other geometries (points,
 * polygons) and non-road classes are skipped. `mapping` may be just the class property.
 */
export function roadLinesFromGeoJson(
  features: readonly GeoJsonFeature[],
  mapping: RoadPropertyMapping | string | undefined,
  language: Language,
): GeoResult<RoadLines> {
  const properties: RoadPropertyMapping =
    typeof mapping === 'object' ? mapping : { classProperty: mapping };
  const errors: GeoProblem[] = [];
  const warnings: GeoProblem[] = [];
  const lines: RoadLine[] = [];
  let skipped = 0;
  features.forEach((feature, i) => {
    const geometry = feature.geometry;
    const path = `features[${i}].geometry.coordinates`;
    const sourceClass = propertyText(feature.properties, properties.classProperty);
    const isLine = geometry?.type === 'LineString' || geometry?.type === 'MultiLineString';
    if (!geometry || !isLine || !isVehicleRoad(sourceClass)) {
      skipped++;
      return;
    }
    const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    if (!Array.isArray(parts)) {
      errors.push({ path, message: geoText.badPosition[language](shortJson(parts)) });
      return;
    }
    const at = `features[${i}].properties`;
    const attributes = roadAttributes(feature.properties, properties, at, language, warnings);
    const partPoints: LonLat[][] = [];
    parts.forEach((part: unknown, j: number) => {
      const partPath = geometry.type === 'LineString' ? path : `${path}[${j}]`;
      const points = positions(part, partPath, 2, language, errors);
      if (points) partPoints.push(attributes.backward ? points.reverse() : points);
    });
    if (partPoints.length !== parts.length) return;
    // A length for the whole feature is shared among its parts by their drawn lengths.
    const drawn = partPoints.map(drawnLength);
    const drawnTotal = drawn.reduce((sum, length) => sum + length, 0);
    if (attributes.lengthM !== undefined && drawnTotal > 0) {
      const ratio = attributes.lengthM / drawnTotal;
      if (ratio > LENGTH_RATIO_WARNING || ratio < 1 / LENGTH_RATIO_WARNING) {
        warnings.push({
          path: at,
          message: geoText.lengthFar[language](
            Math.round(attributes.lengthM),
            Math.round(drawnTotal),
          ),
          kind: 'length-far',
        });
      }
    }
    partPoints.forEach((points, j) => {
      const lengthM =
        attributes.lengthM !== undefined && drawnTotal > 0
          ? (attributes.lengthM * drawn[j]) / drawnTotal
          : undefined;
      lines.push({
        points,
        sourceClass: withSpeedLimit(sourceClass, attributes.limitKmh),
        ...(attributes.oneWay && { oneWay: true }),
        ...(lengthM !== undefined && lengthM > 0 && { lengthM }),
      });
    });
  });
  if (errors.length) return { ok: false, errors };
  if (lines.length === 0) return failure('', geoText.noRoads[language]());
  return { ok: true, value: { lines, skipped }, warnings };
}

/** One feature's direction, length and speed limit, with a warning for each value not understood. */
function roadAttributes(
  values: JsonObject,
  mapping: RoadPropertyMapping,
  path: string,
  language: Language,
  warnings: GeoProblem[],
): { oneWay: boolean; backward: boolean; lengthM?: number; limitKmh?: number } {
  let oneWay = false;
  let backward = false;
  const oneWayText = propertyText(values, mapping.oneWayProperty);
  if (mapping.oneWayProperty !== undefined && oneWayText !== '') {
    const direction = oneWayValue(oneWayText);
    if (direction === null) {
      warnings.push({ path, message: geoText.badOneWay[language](oneWayText), kind: 'oneway' });
    } else {
      oneWay = direction !== 'both';
      backward = direction === 'backward';
    }
  }
  let lengthM: number | undefined;
  const lengthText = propertyText(values, mapping.lengthProperty);
  if (mapping.lengthProperty !== undefined && lengthText !== '') {
    const value = Number(lengthText);
    if (Number.isFinite(value) && value > 0) lengthM = value;
    else warnings.push({ path, message: geoText.badLength[language](lengthText), kind: 'length' });
  }
  let limitKmh: number | undefined;
  const speedText = propertyText(values, mapping.speedProperty);
  if (mapping.speedProperty !== undefined && speedText !== '' && speedText !== '0') {
    limitKmh = maxSpeedKmh(speedText) ?? undefined;
    if (limitKmh === undefined) {
      warnings.push({ path, message: geoText.badMaxSpeed[language](speedText), kind: 'maxspeed' });
    }
  }
  return { oneWay, backward, lengthM, limitKmh };
}
