/**
 * Coordinate systems of Chinese map data, converted to WGS-84 (what the scenario uses):
 * WGS-84 and CGCS2000 (the same within a few centimetres, far below the model's accuracy),
 * GCJ-02 (国测局坐标, used by AMap/Gaode and Tencent) and BD-09 (Baidu). The published
 * transforms: GCJ-02's forward formula, inverted by fixed-point iteration (it is not invertible
 * in closed form), and BD-09's offset from GCJ-02. Points outside China are never shifted, as
 * the providers do not shift them.
 */
import type { LonLat } from '../../lib/geo.ts';
import { atan, cos, sin } from '../../lib/detmath.ts';

export const CRS_CHOICES = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_CHOICES)[number];

export function isCrs(value: string): value is Crs {
  return (CRS_CHOICES as readonly string[]).includes(value);
}

const PI = Math.PI;
/** Krasovsky 1940 ellipsoid, as in the GCJ-02 formula. */
const A = 6_378_245.0;
const EE = 0.006_693_421_622_965_943;
const X_PI = (PI * 3000) / 180;

/** The providers' own box around China, outside which nothing is shifted. */
export function outOfChina([lon, lat]: LonLat): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  ret += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  ret += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return ret;
}

/** GCJ-02 of a WGS-84 point. */
export function wgs84ToGcj02(point: LonLat): [number, number] {
  const [lon, lat] = point;
  if (outOfChina(point)) return [lon, lat];
  let dLat = transformLat(lon - 105, lat - 35);
  let dLon = transformLon(lon - 105, lat - 35);
  const radLat = (lat / 180) * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  dLon = (dLon * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  return [lon + dLon, lat + dLat];
}

/** WGS-84 of a GCJ-02 point: iterates until the forward transform lands within ~1 mm. */
export function gcj02ToWgs84(point: LonLat): [number, number] {
  if (outOfChina(point)) return [point[0], point[1]];
  let lon = point[0];
  let lat = point[1];
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02([lon, lat]);
    const dLon = point[0] - gLon;
    const dLat = point[1] - gLat;
    lon += dLon;
    lat += dLat;
    if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) break;
  }
  return [lon, lat];
}

function atan2(y: number, x: number): number {
  if (x > 0) return atan(y / x);
  if (x < 0) return atan(y / x) + (y >= 0 ? PI : -PI);
  return y > 0 ? PI / 2 : y < 0 ? -PI / 2 : 0;
}

/** BD-09 of a GCJ-02 point. */
export function gcj02ToBd09([lon, lat]: LonLat): [number, number] {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * sin(lat * X_PI);
  const theta = atan2(lat, lon) + 0.000003 * cos(lon * X_PI);
  return [z * cos(theta) + 0.0065, z * sin(theta) + 0.006];
}

/** GCJ-02 of a BD-09 point (Baidu's published inverse). */
export function bd09ToGcj02([lon, lat]: LonLat): [number, number] {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * sin(y * X_PI);
  const theta = atan2(y, x) - 0.000003 * cos(x * X_PI);
  return [z * cos(theta), z * sin(theta)];
}

/** WGS-84 of a point in the given system. */
export function toWgs84(point: LonLat, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [point[0], point[1]];
  if (outOfChina(point)) return [point[0], point[1]];
  return gcj02ToWgs84(crs === 'bd09' ? bd09ToGcj02(point) : point);
}

/** A converter for many points (the identity for WGS-84). */
export function converterTo84(crs: Crs): (point: LonLat) => LonLat {
  return crs === 'wgs84' ? (point) => point : (point) => toWgs84(point, crs);
}

/**
 * The system a file says it is in, where it says so: a GeoJSON `crs` member or a .prj's text
 * naming WGS 84 / CGCS2000 / EPSG:4326 / 4490, or a name with gcj02/bd09 (高德/百度) in it.
 * Undefined when nothing tells.
 */
export function detectCrs(hints: { name?: string; crsText?: string }): Crs | undefined {
  const name = (hints.name ?? '').toLowerCase();
  if (/bd-?09|baidu|百度/.test(name)) return 'bd09';
  if (/gcj-?02|amap|gaode|高德|腾讯|tencent|火星/.test(name)) return 'gcj02';
  const crs = (hints.crsText ?? '').toLowerCase();
  if (/bd-?09/.test(crs)) return 'bd09';
  if (/gcj-?02/.test(crs)) return 'gcj02';
  if (/wgs[ _-]?(19)?84|epsg:+4326|crs84|cgcs|china_geodetic|china geodetic|epsg:+4490/.test(crs))
    return 'wgs84';
  return undefined;
}

/** Road lines with their points in WGS-84 (the same lines for WGS-84). */
export function linesToWgs84<Line extends { points: LonLat[] }>(
  lines: readonly Line[],
  crs: Crs,
): Line[] {
  if (crs === 'wgs84') return [...lines];
  const convert = converterTo84(crs);
  return lines.map((line) => ({ ...line, points: line.points.map(convert) }));
}

/** Nested GeoJSON coordinates in WGS-84: positions are converted, anything else is left as is. */
export function coordinatesToWgs84(value: unknown, crs: Crs): unknown {
  if (crs === 'wgs84' || !Array.isArray(value)) return value;
  if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
    const [lon, lat] = toWgs84([value[0], value[1]], crs);
    return [lon, lat, ...value.slice(2)];
  }
  return value.map((item) => coordinatesToWgs84(item, crs));
}

/** Features with their geometry in WGS-84. */
export function featuresToWgs84<Feature extends { geometry: Record<string, unknown> | null }>(
  features: readonly Feature[],
  crs: Crs,
): Feature[] {
  if (crs === 'wgs84') return [...features];
  return features.map((feature) =>
    feature.geometry && 'coordinates' in feature.geometry
      ? {
          ...feature,
          geometry: {
            ...feature.geometry,
            coordinates: coordinatesToWgs84(feature.geometry.coordinates, crs),
          },
        }
      : feature,
  );
}
