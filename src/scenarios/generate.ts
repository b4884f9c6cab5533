/**
 * A deterministic generator of plausible synthetic cities as scenarios: districts that tile a
 * rectangle around an urban core, a road graph denser in the core, stations, partner agencies in
 * tiers 1–3 and a military force, units, incident kinds and call streams sized by population.
 * Everything is made up but of realistic orders of magnitude; the same options always give the
 * same scenario (randomness only from `alea`, seeded by the options' seed).
 *
 * Its builders also serve cities drawn on real district boundaries (src/scenarios/cities/): the
 * road lattice over any land polygons with ferry and bridge links between islands
 * (`roadsOverLand`), bases snapped to road nodes inside their district (`snapBases`), units from
 * rows (`expandUnitRow`), incident kinds (`incidentKinds`) and call streams sized by population
 * (`callStreams`).
 */
import alea from 'seedrandom/lib/alea.js';
import { boundingBox, haversineMetres, pointInPolygon } from '../lib/geo.ts';
import type { Distribution, ScenarioInput } from './schema.ts';
// The same city in Node and the browser: engine-independent trigonometry.
import { cos, sin } from '../lib/detmath.ts';

export type Point = [number, number];
export type DistrictInput = ScenarioInput['districts'][number];
export type BaseInput = ScenarioInput['bases'][number];
export type AgencyInput = ScenarioInput['agencies'][number];
export type UnitInput = ScenarioInput['units'][number];
export type KindInput = ScenarioInput['incidentKinds'][number];
export type StreamInput = NonNullable<NonNullable<ScenarioInput['arrivals']>['streams']>[number];
/** A road segment as generated (`lengthM` only where it differs from the straight line). */
export type EdgeInput = { from: number; to: number; roadClass: string; lengthM?: number };
export type RunCardInput = { district: string; kind?: string; units: string[] };

export interface DistrictSpec {
  /** Scenario id (letters, digits, _ - . :). */
  id: string;
  /** Chinese name, e.g. 临城区. */
  name: string;
  /** Residents; decides the district's share of calls. */
  population: number;
}

export interface CityOptions {
  /** Scenario id. */
  id: string;
  /** Scenario title (Chinese). */
  name: string;
  /** Name of the city, for agency and station names and the description. */
  city: { en: string; zh: string };
  /** Seed of the generator; default: the id. */
  seed?: string;
  /** Centre of the city as [longitude, latitude]; default [120.1, 30.2]. */
  centre?: Point;
  /** East–west extent in km; default 30. */
  widthKm?: number;
  /** North–south extent in km; default 25. */
  heightKm?: number;
  /** Share of the width and of the height taken by the urban core; default 0.4. */
  coreShare?: number;
  /** Urban districts, tiling the core (1–3 side by side, 4 or more in two rows). */
  urban: DistrictSpec[];
  /** Rural districts around the core (at least 4: west, east, then north and south strips). */
  rural: DistrictSpec[];
  /** Target number of road nodes (the grid spacing is chosen to come closest); default 500. */
  roadNodes?: number;
  /** Road lines per rural grid line in the core (2: twice as dense each way); default 2. */
  urbanSubdivision?: number;
  /** Multiplier of the number of vehicles per station (engines, ambulances, patrol cars…); default 1. */
  fleet?: number;
  /** Multiplier of the call rates per resident; default 1 (about 30 calls per 100,000 a day). */
  callScale?: number;
  /** Simulated days; default 7. */
  durationDays?: number;
  /** Warm-up days, left out of the statistics; default 1. */
  warmupDays?: number;
  /** Local start; default '2026-07-06T00:00' (a Monday in July). */
  start?: string;
}

export const DAY = 86_400;
const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

/** A city's layout in km from its south-west corner, shared by the generator's steps. */
interface Layout {
  options: Required<Omit<CityOptions, 'seed' | 'centre'>> & { seed: string; centre: Point };
  random: () => number;
  toLonLat: (x: number, y: number) => Point;
  grid: Grid;
  districts: Array<DistrictSpec & Rect & { area: 'urban' | 'rural' }>;
}

interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The road lattice: nx × ny coarse cells, the core [i0, i1] × [j0, j1] subdivided k times. */
interface Grid {
  nx: number;
  ny: number;
  cx: number;
  cy: number;
  k: number;
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

export function generateCity(cityOptions: CityOptions): ScenarioInput {
  const layout = makeLayout(cityOptions);
  const districts = makeDistricts(layout);
  const roads = makeRoads(layout);
  const plan = planBases(layout);
  const bases = makeBases(layout, plan, districts, roads.nodes);
  const agencies = makeAgencies(layout);
  const units = makeUnits(layout, plan, agencies);
  const kinds = incidentKinds(KINDS);
  const streams = callStreams(KINDS, DEMAND, layout.districts, layout.options.callScale);
  const runCards = makeRunCards(layout, units);
  const options = layout.options;
  const scenario: ScenarioInput = {
    formatVersion: 1,
    id: options.id,
    name: options.name,
    description: '',
    start: options.start,
    timeZone: 'Asia/Shanghai',
    duration: options.durationDays * DAY,
    warmup: options.warmupDays * DAY,
    districts,
    bases,
    travel: {
      model: 'roadGraph',
      nodes: roads.nodes,
      edges: roads.edges,
      roadClasses: ROAD_CLASSES,
      emergencySpeedFactor: 1.2,
      noiseCv: 0.1,
    },
    agencies,
    units,
    incidentKinds: kinds,
    arrivals: { streams, incidents: [] },
    dispatch: {
      callHandling: lognormal(60, 120),
      whenNoUnit: 'queue',
      redispatchReturning: true,
      runCards,
    },
    targets: { tier1: { urban: 1800, rural: 3600 }, tier2: { urban: 3600, rural: 5400 } },
    events: [],
  };
  scenario.description = describe(layout, scenario);
  // A copy, so that no two scenarios share the tables above (profiles, road classes).
  return structuredClone(scenario);
}

// ---------------------------------------------------------------------------------------------
// Layout: the road grid's spacing and the districts' rectangles

function makeLayout(cityOptions: CityOptions): Layout {
  const options: Layout['options'] = {
    id: cityOptions.id,
    name: cityOptions.name,
    city: cityOptions.city,
    seed: cityOptions.seed ?? cityOptions.id,
    centre: cityOptions.centre ?? [120.1, 30.2],
    widthKm: cityOptions.widthKm ?? 30,
    heightKm: cityOptions.heightKm ?? 25,
    coreShare: cityOptions.coreShare ?? 0.4,
    urban: cityOptions.urban,
    rural: cityOptions.rural,
    roadNodes: cityOptions.roadNodes ?? 500,
    urbanSubdivision: cityOptions.urbanSubdivision ?? 2,
    fleet: cityOptions.fleet ?? 1,
    callScale: cityOptions.callScale ?? 1,
    durationDays: cityOptions.durationDays ?? 7,
    warmupDays: cityOptions.warmupDays ?? 1,
    start: cityOptions.start ?? '2026-07-06T00:00',
  };
  if (options.urban.length < 1) throw new Error('a city needs at least one urban district');
  if (options.rural.length < 4) throw new Error('a city needs at least four rural districts');
  const random = alea(options.seed);
  const [lon0, lat0] = options.centre;
  const kmPerDegreeLon = KM_PER_DEGREE_LON_AT_EQUATOR * cos((lat0 * Math.PI) / 180);
  const west = lon0 - options.widthKm / 2 / kmPerDegreeLon;
  const south = lat0 - options.heightKm / 2 / KM_PER_DEGREE_LAT;
  const toLonLat = (x: number, y: number): Point => [
    round6(west + x / kmPerDegreeLon),
    round6(south + y / KM_PER_DEGREE_LAT),
  ];
  const grid = chooseGrid(options);
  const layout: Layout = { options, random, toLonLat, grid, districts: [] };
  layout.districts = districtRects(layout);
  return layout;
}

/** The grid whose node count comes closest to the target. */
function chooseGrid(options: Layout['options']): Grid {
  const { widthKm, heightKm, coreShare, roadNodes } = options;
  const k = Math.max(1, Math.round(options.urbanSubdivision));
  let best: Grid | undefined;
  let bestGap = Infinity;
  for (let nx = 4; nx <= 1000; nx++) {
    const ny = Math.max(4, Math.round((nx * heightKm) / widthKm));
    const i0 = Math.max(1, Math.round((nx * (1 - coreShare)) / 2));
    const j0 = Math.max(1, Math.round((ny * (1 - coreShare)) / 2));
    const grid = {
      nx,
      ny,
      cx: widthKm / nx,
      cy: heightKm / ny,
      k,
      i0,
      i1: nx - i0,
      j0,
      j1: ny - j0,
    };
    const gap = Math.abs(nodeCount(grid) - roadNodes);
    if (gap < bestGap) [best, bestGap] = [grid, gap];
    if (nodeCount(grid) > roadNodes * 2) break;
  }
  return best!;
}

function nodeCount({ nx, ny, k, i0, i1, j0, j1 }: Grid): number {
  const coarseInCore = (i1 - i0 + 1) * (j1 - j0 + 1);
  const fineInCore = ((i1 - i0) * k + 1) * ((j1 - j0) * k + 1);
  return (nx + 1) * (ny + 1) - coarseInCore + fineInCore;
}

/**
 * District rectangles (km): the core split among the urban districts, a west and an east block
 * beside it, and north and south strips across the whole width split among the other rural ones.
 */
function districtRects(layout: Layout): Layout['districts'] {
  const { options, grid, random } = layout;
  const margin = Math.min(grid.cx, grid.cy) / 2;
  const left = -margin;
  const right = options.widthKm + margin;
  const bottom = -margin;
  const top = options.heightKm + margin;
  const core = {
    x0: grid.i0 * grid.cx,
    x1: grid.i1 * grid.cx,
    y0: grid.j0 * grid.cy,
    y1: grid.j1 * grid.cy,
  };
  const split = (from: number, to: number, parts: number) => {
    const cuts = [from];
    for (let p = 1; p < parts; p++) {
      const share = (p + (random() - 0.5) * 0.2) / parts;
      cuts.push(round3(from + (to - from) * share));
    }
    cuts.push(to);
    return cuts;
  };
  const result: Layout['districts'] = [];
  const urban = options.urban;
  const rows = urban.length >= 4 ? 2 : 1;
  const rowCuts = split(core.y0, core.y1, rows);
  let next = 0;
  for (let row = rows - 1; row >= 0; row--) {
    const inRow = row === rows - 1 ? Math.ceil(urban.length / rows) : urban.length - next;
    const cuts = split(core.x0, core.x1, inRow);
    for (let c = 0; c < inRow; c++) {
      const rect = { x0: cuts[c], x1: cuts[c + 1], y0: rowCuts[row], y1: rowCuts[row + 1] };
      result.push({ ...urban[next++], ...rect, area: 'urban' });
    }
  }
  const [westSpec, eastSpec, ...strips] = options.rural;
  result.push({ ...westSpec, x0: left, x1: core.x0, y0: core.y0, y1: core.y1, area: 'rural' });
  result.push({ ...eastSpec, x0: core.x1, x1: right, y0: core.y0, y1: core.y1, area: 'rural' });
  const northCount = Math.ceil(strips.length / 2);
  const northCuts = split(left, right, northCount);
  const southCuts = split(left, right, strips.length - northCount);
  strips.forEach((spec, s) => {
    const north = s < northCount;
    const cuts = north ? northCuts : southCuts;
    const c = north ? s : s - northCount;
    const [y0, y1] = north ? [core.y1, top] : [bottom, core.y0];
    result.push({ ...spec, x0: cuts[c], x1: cuts[c + 1], y0, y1, area: 'rural' });
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Districts: the rectangles as polygons with wavy but shared boundaries

function makeDistricts(layout: Layout): DistrictInput[] {
  const rects = layout.districts;
  const xs = uniqueSorted(rects.flatMap((r) => [r.x0, r.x1]));
  const ys = uniqueSorted(rects.flatMap((r) => [r.y0, r.y1]));
  const seed = layout.options.seed;
  const gapAround = (values: number[], i: number) =>
    Math.min(values[i] - (values[i - 1] ?? -Infinity), (values[i + 1] ?? Infinity) - values[i]);
  // Every shared vertex and boundary segment is drawn from its own seeded generator, so that two
  // neighbouring districts trace exactly the same line.
  const vertex = (i: number, j: number): Point => {
    const random = alea(`${seed}/vertex/${i}/${j}`);
    const inner = (n: number, last: number) => n > 0 && n < last;
    const dx = inner(i, xs.length - 1) ? (random() - 0.5) * 0.24 * gapAround(xs, i) : 0;
    const dy = inner(j, ys.length - 1) ? (random() - 0.5) * 0.24 * gapAround(ys, j) : 0;
    return [xs[i] + dx, ys[j] + dy];
  };
  /** Points strictly between vertex (i, j) and its east (horizontal) or north neighbour. */
  const between = (i: number, j: number, horizontal: boolean): Point[] => {
    const random = alea(`${seed}/edge/${horizontal ? 'h' : 'v'}/${i}/${j}`);
    const a = vertex(i, j);
    const b = horizontal ? vertex(i + 1, j) : vertex(i, j + 1);
    const length = Math.sqrt((b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1]));
    const across = horizontal ? gapAround(ys, j) : gapAround(xs, i);
    // A smooth wiggle (a few sine harmonics, zero at both ends) with a little roughness.
    const amplitude = Math.min(0.06 * length, 0.1 * across, 1.2);
    const weights = [1, 2, 3, 5].map((harmonic) => [harmonic, random() * 2 - 1] as const);
    const pieces = Math.max(2, Math.min(40, Math.round(length / 0.6)));
    const points: Point[] = [];
    for (let p = 1; p < pieces; p++) {
      const t = p / pieces;
      let wave = 0;
      for (const [harmonic, weight] of weights) wave += weight * sin(Math.PI * harmonic * t);
      const offset = amplitude * (0.85 * (wave / 4) + 0.15 * (random() * 2 - 1));
      const x = a[0] + (b[0] - a[0]) * t + (horizontal ? 0 : offset);
      const y = a[1] + (b[1] - a[1]) * t + (horizontal ? offset : 0);
      points.push([x, y]);
    }
    return points;
  };
  return rects.map((rect) => {
    const [i0, i1] = [xs.indexOf(rect.x0), xs.indexOf(rect.x1)];
    const [j0, j1] = [ys.indexOf(rect.y0), ys.indexOf(rect.y1)];
    const ring: Point[] = [];
    for (let i = i0; i < i1; i++) ring.push(vertex(i, j0), ...between(i, j0, true));
    for (let j = j0; j < j1; j++) ring.push(vertex(i1, j), ...between(i1, j, false));
    for (let i = i1; i > i0; i--) ring.push(vertex(i, j1), ...between(i - 1, j1, true).reverse());
    for (let j = j1; j > j0; j--) ring.push(vertex(i0, j), ...between(i0, j - 1, false).reverse());
    return {
      id: rect.id,
      name: rect.name,
      area: rect.area,
      polygon: ring.map(([x, y]) => layout.toLonLat(x, y)),
      callWeight: rect.population,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Roads: a jittered grid, twice as dense in the core; ring and radial expressways

/** Speed factors for the morning and evening rush hours (07–09, 17–19). */
export const peak = (factor: number) =>
  Array.from({ length: 24 }, (_, hour) =>
    (hour >= 7 && hour < 9) || (hour >= 17 && hour < 19) ? factor : 1,
  );

export const ROAD_CLASSES = {
  expressway: { speedKmh: 80, hourFactors: peak(0.85) },
  arterial: { speedKmh: 50, hourFactors: peak(0.6) },
  local: { speedKmh: 30, hourFactors: peak(0.7) },
  county: { speedKmh: 60 },
  village: { speedKmh: 30 },
};

function makeRoads(layout: Layout): { nodes: Point[]; edges: EdgeInput[] } {
  const { grid, random } = layout;
  const { nx, ny, cx, cy, k, i0, i1, j0, j1 } = grid;
  const inCore = (a: number, b: number) => a >= i0 * k && a <= i1 * k && b >= j0 * k && b <= j1 * k;
  const centreColumn = Math.round(nx / 2) * k;
  const centreRow = Math.round(ny / 2) * k;
  /** The class of the segment from lattice point p to q along line `line` (a row or column). */
  const classOf = (p: number, q: number, line: number, horizontal: boolean): string => {
    const core = horizontal
      ? inCore(p, line) && inCore(q, line)
      : inCore(line, p) && inCore(line, q);
    const [ring0, ring1] = horizontal ? [j0 * k, j1 * k] : [i0 * k, i1 * k];
    if (core) {
      if (line === ring0 || line === ring1) return 'expressway';
      return line % k === 0 ? 'arterial' : 'local';
    }
    if (line === (horizontal ? centreRow : centreColumn)) return 'expressway';
    return (line / k) % 2 === 0 ? 'county' : 'village';
  };
  const { nodes, edges } = latticeRoads(
    {
      columns: nx * k + 1,
      rows: ny * k + 1,
      k,
      cx,
      cy,
      fine: inCore,
      exists: (a, b) => (a % k === 0 && b % k === 0) || inCore(a, b),
      toLonLat: layout.toLonLat,
      classOf,
    },
    random,
  );
  return { nodes, edges: thinLocalRoads(edges, nodes.length, random) };
}

/**
 * A road lattice: coarse cells of cx × cy km, subdivided k times each way where `fine` says so.
 * Lattice point (a, b) lies a × cx / k km east and b × cy / k km north of the origin.
 */
export interface LatticeSpec {
  /** Lattice points west to east and south to north. */
  columns: number;
  rows: number;
  k: number;
  cx: number;
  cy: number;
  /** Whether lattice point (a, b) is in the subdivided part (its jitter is a fine step's). */
  fine: (a: number, b: number) => boolean;
  /** Whether lattice point (a, b) is a road node. */
  exists: (a: number, b: number) => boolean;
  /** Km east and north of the origin to [longitude, latitude]. */
  toLonLat: (x: number, y: number) => Point;
  /** Whether a jittered position may be used; otherwise the node sits on its lattice point. */
  accept?: (point: Point) => boolean;
  /** Road class of the segment from lattice point p to q on row or column `line`. */
  classOf: (p: number, q: number, line: number, horizontal: boolean) => string;
  /** Whether two successive nodes on a line, `steps` lattice steps apart, are joined (default: always). */
  joins?: (from: Point, to: Point, steps: number) => boolean;
}

/**
 * Nodes of the lattice, jittered by up to a quarter of the local spacing each way, and segments
 * between successive nodes along every row and column. Two draws of `random` per node, in row
 * order.
 */
export function latticeRoads(
  spec: LatticeSpec,
  random: () => number,
): { nodes: Point[]; edges: EdgeInput[]; index: Int32Array } {
  const { columns, rows, k, cx, cy, fine, exists, toLonLat, accept, classOf, joins } = spec;
  const index = new Int32Array(columns * rows).fill(-1);
  const nodes: Point[] = [];
  for (let b = 0; b < rows; b++) {
    for (let a = 0; a < columns; a++) {
      if (!exists(a, b)) continue;
      const step = fine(a, b) ? 1 : k;
      const x = (a + (random() - 0.5) * 0.5 * step) * (cx / k);
      const y = (b + (random() - 0.5) * 0.5 * step) * (cy / k);
      let point = toLonLat(x, y);
      if (accept && !accept(point)) point = toLonLat(a * (cx / k), b * (cy / k));
      index[b * columns + a] = nodes.length;
      nodes.push(point);
    }
  }
  const edges: EdgeInput[] = [];
  const link = (line: number, horizontal: boolean, length: number) => {
    let previous = -1;
    for (let p = 0; p < length; p++) {
      const node = horizontal ? index[line * columns + p] : index[p * columns + line];
      if (node < 0) continue;
      if (previous >= 0) {
        const from = horizontal
          ? index[line * columns + previous]
          : index[previous * columns + line];
        if (!joins || joins(nodes[from], nodes[node], p - previous)) {
          edges.push({ from, to: node, roadClass: classOf(previous, p, line, horizontal) });
        }
      }
      previous = p;
    }
  };
  for (let b = 0; b < rows; b++) link(b, true, columns);
  for (let a = 0; a < columns; a++) link(a, false, rows);
  return { nodes, edges, index };
}

/** Drops some local and village segments at random, but never one that would disconnect the graph. */
export function thinLocalRoads(
  edges: EdgeInput[],
  nodeCount: number,
  random: () => number,
): EdgeInput[] {
  const parent = Int32Array.from({ length: nodeCount }, (_, i) => i);
  const find = (n: number): number => {
    while (parent[n] !== n) n = parent[n] = parent[parent[n]];
    return n;
  };
  const join = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return false;
    parent[ra] = rb;
    return true;
  };
  const minor = (edge: EdgeInput) => edge.roadClass === 'local' || edge.roadClass === 'village';
  for (const edge of edges) if (!minor(edge)) join(edge.from, edge.to);
  const drawn = edges.map((edge) => (minor(edge) ? random() : 1));
  return edges.filter((edge, i) => {
    if (!minor(edge)) return true;
    const needed = join(edge.from, edge.to);
    return needed || drawn[i] >= 0.12;
  });
}

// ---------------------------------------------------------------------------------------------
// Roads over real land: the lattice clipped to district polygons, islands linked by bridges and
// ferries, trunk roads along the fastest paths between given towns

/** Road classes of a city on real land: the synthetic city's, plus bridges and ferries. */
export const LAND_ROAD_CLASSES = {
  ...ROAD_CLASSES,
  bridge: { speedKmh: 50 },
  ferry: { speedKmh: 15 },
};

export interface LandRoadOptions {
  /** The land: outer rings of every district part, as [longitude, latitude]. */
  rings: Point[][];
  /** Spacing of the coarse lattice, km. */
  spacingKm: number;
  /** Lattice lines per coarse line inside the cores (2: twice as dense each way); default 2. */
  subdivision?: number;
  /** Built-up cores, where the lattice is subdivided. */
  cores?: Array<{ centre: Point; radiusKm: number }>;
  /** A ring at least this large (km²) that the lattice misses gets a node of its own; default 0.5. */
  islandMinKm2?: number;
  /** Links between separate parts of the graph up to this long (km) are bridges, longer ones ferries; default 3. */
  bridgeMaxKm?: number;
  /** Boarding and waiting added to every ferry link, as extra length at ferry speed (min); default 20. */
  ferryWaitMinutes?: number;
  /** Trunk roads as lines of waypoints: the fastest path between successive waypoints becomes expressway. */
  trunks?: Point[][];
}

/**
 * A plausible road graph over real land (no real road data): a jittered lattice of nodes on
 * land, subdivided in the cores; segments between lattice neighbours whose straight line stays
 * on land (arterial and local roads in the cores, county and village roads elsewhere); every
 * large enough island gets a node; the separate parts are joined by the shortest links that
 * connect them all (a minimum spanning tree: bridges when short, ferries otherwise); trunk roads
 * become expressways; then some minor segments are dropped, never disconnecting the graph.
 */
export function roadsOverLand(
  options: LandRoadOptions,
  random: () => number,
): { nodes: Point[]; edges: EdgeInput[] } {
  const k = Math.max(1, Math.round(options.subdivision ?? 2));
  const spacing = options.spacingKm;
  const box = boundingBox(options.rings.flat());
  const kmPerDegreeLon =
    KM_PER_DEGREE_LON_AT_EQUATOR * cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const toLonLat = (x: number, y: number): Point => [
    round6(box.minLon + x / kmPerDegreeLon),
    round6(box.minLat + y / KM_PER_DEGREE_LAT),
  ];
  const toKm = ([lon, lat]: Point): Point => [
    (lon - box.minLon) * kmPerDegreeLon,
    (lat - box.minLat) * KM_PER_DEGREE_LAT,
  ];
  const ringBoxes = options.rings.map((ring) => boundingBox(ring));
  const onLand = (point: Point) =>
    options.rings.some((ring, r) => {
      const b = ringBoxes[r];
      if (point[0] < b.minLon || point[0] > b.maxLon) return false;
      if (point[1] < b.minLat || point[1] > b.maxLat) return false;
      return pointInPolygon(point, ring);
    });
  const step = spacing / k;
  const columns = Math.ceil(((box.maxLon - box.minLon) * kmPerDegreeLon) / step) + 1;
  const rows = Math.ceil(((box.maxLat - box.minLat) * KM_PER_DEGREE_LAT) / step) + 1;
  const cores = (options.cores ?? []).map((core) => ({ at: toKm(core.centre), r: core.radiusKm }));
  const fineGrid = new Uint8Array(columns * rows);
  const nodeGrid = new Uint8Array(columns * rows);
  for (let b = 0; b < rows; b++) {
    for (let a = 0; a < columns; a++) {
      const [x, y] = [a * step, b * step];
      const fine = cores.some(({ at, r }) => {
        const [dx, dy] = [x - at[0], y - at[1]];
        return Math.sqrt(dx * dx + dy * dy) <= r;
      });
      fineGrid[b * columns + a] = fine ? 1 : 0;
      const coarse = a % k === 0 && b % k === 0;
      nodeGrid[b * columns + a] = (coarse || fine) && onLand(toLonLat(x, y)) ? 1 : 0;
    }
  }
  const fineAt = (a: number, b: number) => fineGrid[b * columns + a] === 1;
  const onLandBetween = (from: Point, to: Point) =>
    [0.25, 0.5, 0.75].every((t) =>
      onLand([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]),
    );
  const lattice = latticeRoads(
    {
      columns,
      rows,
      k,
      cx: spacing,
      cy: spacing,
      fine: fineAt,
      exists: (a, b) => nodeGrid[b * columns + a] === 1,
      toLonLat,
      accept: onLand,
      classOf: (p, q, line, horizontal) => {
        const bothFine = horizontal
          ? fineAt(p, line) && fineAt(q, line)
          : fineAt(line, p) && fineAt(line, q);
        if (bothFine) return line % k === 0 ? 'arterial' : 'local';
        return (line / k) % 2 === 0 ? 'county' : 'village';
      },
      joins: (from, to, steps) => steps <= k && onLandBetween(from, to),
    },
    random,
  );
  const nodes = lattice.nodes;
  const edges = lattice.edges;

  // Islands the lattice missed.
  const islandMin = options.islandMinKm2 ?? 0.5;
  for (const ring of options.rings) {
    if (ringAreaKm2(ring) < islandMin) continue;
    if (nodes.some((node) => pointInPolygon(node, ring))) continue;
    const [lon, lat] = interiorPoint(ring);
    nodes.push([round6(lon), round6(lat)]);
  }

  // Join the separate parts: the shortest link between every two parts, then Kruskal.
  const parent = Int32Array.from({ length: nodes.length }, (_, i) => i);
  const find = (n: number): number => {
    while (parent[n] !== n) n = parent[n] = parent[parent[n]];
    return n;
  };
  for (const { from, to } of edges) parent[find(from)] = find(to);
  const roots = [...new Set(nodes.map((_, n) => find(n)))];
  if (roots.length > 1) {
    const part = new Int32Array(nodes.length);
    const partOfRoot = new Map(roots.map((root, i) => [root, i]));
    nodes.forEach((_, n) => (part[n] = partOfRoot.get(find(n))!));
    const count = roots.length;
    const best = new Float64Array(count * count).fill(Infinity);
    const bestPair = new Int32Array(count * count * 2);
    const km = nodes.map(toKm);
    for (let n = 0; n < nodes.length; n++) {
      for (let m = n + 1; m < nodes.length; m++) {
        if (part[n] === part[m]) continue;
        const [i, j] = part[n] < part[m] ? [part[n], part[m]] : [part[m], part[n]];
        const dx = km[n][0] - km[m][0];
        const dy = km[n][1] - km[m][1];
        const d = dx * dx + dy * dy;
        if (d < best[i * count + j]) {
          best[i * count + j] = d;
          bestPair[2 * (i * count + j)] = n;
          bestPair[2 * (i * count + j) + 1] = m;
        }
      }
    }
    const links: Array<[number, number, number]> = [];
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        if (best[i * count + j] < Infinity) links.push([best[i * count + j], i, j]);
      }
    }
    links.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    const partParent = Int32Array.from({ length: count }, (_, i) => i);
    const findPart = (n: number): number => {
      while (partParent[n] !== n) n = partParent[n] = partParent[partParent[n]];
      return n;
    };
    const bridgeMax = options.bridgeMaxKm ?? 3;
    const ferryWait = options.ferryWaitMinutes ?? 20;
    for (const [d, i, j] of links) {
      const [ri, rj] = [findPart(i), findPart(j)];
      if (ri === rj) continue;
      partParent[ri] = rj;
      const [from, to] = [bestPair[2 * (i * count + j)], bestPair[2 * (i * count + j) + 1]];
      if (Math.sqrt(d) <= bridgeMax) edges.push({ from, to, roadClass: 'bridge' });
      else {
        const wait = (LAND_ROAD_CLASSES.ferry.speedKmh * 1000 * ferryWait) / 60;
        const lengthM = Math.round(haversineMetres(nodes[from], nodes[to]) + wait);
        edges.push({ from, to, roadClass: 'ferry', lengthM });
      }
    }
  }

  // Trunk roads: the fastest path between successive waypoints becomes expressway.
  if (options.trunks?.length) {
    const speeds: Record<string, number> = Object.fromEntries(
      Object.entries(LAND_ROAD_CLASSES).map(([name, c]) => [name, c.speedKmh]),
    );
    const hours = edges.map((edge) => {
      const metres = edge.lengthM ?? haversineMetres(nodes[edge.from], nodes[edge.to]);
      return metres / 1000 / speeds[edge.roadClass];
    });
    const incident: number[][] = nodes.map(() => []);
    edges.forEach((edge, e) => {
      incident[edge.from].push(e);
      incident[edge.to].push(e);
    });
    const nearestNode = (point: Point) => {
      const [px, py] = toKm(point);
      let bestNode = 0;
      let bestDistance = Infinity;
      nodes.forEach((node, n) => {
        const [x, y] = toKm(node);
        const d = (x - px) * (x - px) + (y - py) * (y - py);
        if (d < bestDistance) [bestNode, bestDistance] = [n, d];
      });
      return bestNode;
    };
    for (const trunk of options.trunks) {
      for (let w = 0; w + 1 < trunk.length; w++) {
        const path = fastestPath(
          nearestNode(trunk[w]),
          nearestNode(trunk[w + 1]),
          edges,
          hours,
          incident,
        );
        for (const e of path) {
          if (edges[e].roadClass !== 'ferry' && edges[e].roadClass !== 'bridge')
            edges[e].roadClass = 'expressway';
        }
      }
    }
  }
  return { nodes, edges: thinLocalRoads(edges, nodes.length, random) };
}

/** Edge indices of the fastest path from one node to another (Dijkstra; empty if unreachable). */
function fastestPath(
  source: number,
  target: number,
  edges: readonly EdgeInput[],
  hours: readonly number[],
  incident: readonly number[][],
): number[] {
  const n = incident.length;
  const time = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  time[source] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++)
      if (!done[v] && time[v] < Infinity && (u < 0 || time[v] < time[u])) u = v;
    if (u < 0 || u === target) break;
    done[u] = 1;
    for (const e of incident[u]) {
      const v = edges[e].from === u ? edges[e].to : edges[e].from;
      if (time[u] + hours[e] < time[v]) {
        time[v] = time[u] + hours[e];
        via[v] = e;
      }
    }
  }
  const path: number[] = [];
  for (let v = target; v !== source && via[v] >= 0;) {
    path.push(via[v]);
    v = edges[via[v]].from === v ? edges[via[v]].to : edges[via[v]].from;
  }
  return path.reverse();
}

/** Area of a ring in km² (shoelace on an equirectangular projection at the ring's latitude). */
export function ringAreaKm2(ring: readonly Point[]): number {
  const kx = KM_PER_DEGREE_LON_AT_EQUATOR * cos((ring[0][1] * Math.PI) / 180);
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[(i + 1) % ring.length];
    twice += (ax - ring[0][0]) * (by - ring[0][1]) - (bx - ring[0][0]) * (ay - ring[0][1]);
  }
  return (Math.abs(twice) / 2) * kx * KM_PER_DEGREE_LAT;
}

/**
 * A point inside a ring: the mean of its vertices if inside, else the middle of the widest
 * stretch inside along the parallel through that mean.
 */
export function interiorPoint(ring: readonly Point[]): Point {
  let lon = 0;
  let lat = 0;
  for (const [x, y] of ring) [lon, lat] = [lon + x, lat + y];
  const mean: Point = [lon / ring.length, lat / ring.length];
  if (pointInPolygon(mean, ring)) return mean;
  const y = mean[1];
  const crossings: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y) crossings.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
  }
  crossings.sort((a, b) => a - b);
  let best: Point = ring[0];
  let widest = -1;
  for (let c = 0; c + 1 < crossings.length; c += 2) {
    if (crossings[c + 1] - crossings[c] > widest) {
      widest = crossings[c + 1] - crossings[c];
      best = [(crossings[c] + crossings[c + 1]) / 2, y];
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Bases: stations in every urban district, a township station in every rural one, and the
// city-wide sites (offices, utility depot, militia barracks)

type Role = 'fire' | 'police' | 'ems' | 'cityHall' | 'depot' | 'barracks' | 'town';

interface PlannedBase {
  id: string;
  role: Role;
  /** Index of the district in the layout. */
  district: number;
  name: string;
  /** Wanted position as shares of the district's rectangle (west→east, south→north). */
  at: [number, number];
}

/** A district's name without its 区/镇/乡 suffix, for station and vehicle names. */
export const shortName = (name: string) => name.replace(/(区|镇|乡|街道)$/, '');

function planBases(layout: Layout): PlannedBase[] {
  const { districts, options } = layout;
  const city = options.city.zh;
  const plan: PlannedBase[] = [];
  const base = (id: string, role: Role, district: number, name: string, at: [number, number]) =>
    plan.push({ id, role, district, name, at });
  districts.forEach((d, i) => {
    const short = shortName(d.name);
    const main = i === 0;
    if (d.area === 'urban') {
      base(`fire-${d.id}`, 'fire', i, `${short}消防救援站`, [0.42, 0.55]);
      const police = main ? `${city}市公安局${short}分局` : `${short}派出所`;
      base(`police-${d.id}`, 'police', i, police, [0.58, 0.5]);
      base(`ems-${d.id}`, 'ems', i, main ? `${city}市急救中心` : `${short}急救分站`, [0.5, 0.38]);
      if (main) base('cityhall', 'cityHall', i, `${city}市级机关大院`, [0.52, 0.66]);
      // A utility depot for every two urban districts (the only one if there is just one).
      if (i % 2 === 1 || options.urban.length === 1) {
        base(`depot-${d.id}`, 'depot', i, `${d.name}公用事业应急抢修中心`, [0.3, 0.3]);
      }
    } else {
      base(`town-${d.id}`, 'town', i, `${short}综合应急服务站`, [0.5, 0.5]);
      if (i === options.urban.length)
        base('barracks', 'barracks', i, `${city}民兵应急连营区`, [0.7, 0.35]);
    }
  });
  return plan;
}

/** Each base sits on the free road node nearest its wanted position, inside its district. */
function makeBases(
  layout: Layout,
  plan: PlannedBase[],
  districts: DistrictInput[],
  nodes: Point[],
): BaseInput[] {
  const wants = plan.map((base) => {
    const rect = layout.districts[base.district];
    const want = layout.toLonLat(
      rect.x0 + (rect.x1 - rect.x0) * base.at[0],
      rect.y0 + (rect.y1 - rect.y0) * base.at[1],
    );
    return { id: base.id, name: base.name, district: base.district, want };
  });
  const rings = districts.map((d) => (d.polygons ?? [d.polygon!]) as Point[][]);
  return snapBases(wants, rings, nodes, (w) => layout.districts[w.district].id);
}

/** A base to place: its wanted position and the index of the district it must be in. */
export interface BaseWant {
  id: string;
  name: string;
  district: number;
  want: Point;
}

/**
 * Puts each base on the road node nearest its wanted position among the nodes inside its
 * district's rings that no earlier base took (straight-line nearness in degrees, as a tie-free
 * order). Throws if a district has no free node.
 */
export function snapBases(
  wants: BaseWant[],
  districtRings: Point[][][],
  nodes: Point[],
  districtName: (want: BaseWant) => string = (w) => String(w.district),
): BaseInput[] {
  const used = new Set<number>();
  // The nodes inside each district, in index order, found once per district.
  const inside = new Map<number, number[]>();
  const nodesIn = (district: number) => {
    let list = inside.get(district);
    if (!list) {
      const rings = districtRings[district];
      const boxes = rings.map((ring) => boundingBox(ring));
      list = [];
      nodes.forEach((node, n) => {
        const hit = rings.some((ring, r) => {
          const b = boxes[r];
          if (node[0] < b.minLon || node[0] > b.maxLon || node[1] < b.minLat || node[1] > b.maxLat)
            return false;
          return pointInPolygon(node, ring);
        });
        if (hit) list!.push(n);
      });
      inside.set(district, list);
    }
    return list;
  };
  return wants.map((base) => {
    const want = base.want;
    let best = -1;
    let bestDistance = Infinity;
    for (const n of nodesIn(base.district)) {
      if (used.has(n)) continue;
      const node = nodes[n];
      const dx = node[0] - want[0];
      const dy = node[1] - want[1];
      const distance = dx * dx + dy * dy;
      if (distance < bestDistance) [best, bestDistance] = [n, distance];
    }
    if (best < 0)
      throw new Error(`no road node inside district ${districtName(base)} for base ${base.id}`);
    used.add(best);
    return { id: base.id, name: base.name, location: nodes[best] };
  });
}

// ---------------------------------------------------------------------------------------------
// Agencies (联动单位) by tier, per the domain digest: tier 1 the 24-hour responders and the
// townships, tier 2 the non-routine responders, tier 3 support; the militia is the military force.

function makeAgencies(layout: Layout): AgencyInput[] {
  const city = layout.options.city.zh;
  const agency = (id: string, name: string, tier: 1 | 2 | 3, sector: AgencyInput['sector']) => ({
    id,
    name,
    tier,
    sector,
  });
  return [
    agency('fire', `${city}市消防救援支队`, 1, 'government'),
    agency('police', `${city}市公安局`, 1, 'government'),
    agency('ems', `${city}市急救中心（120）`, 1, 'government'),
    agency('water', `${city}水务集团`, 1, 'enterprise'),
    agency('power', `国网${city}供电公司`, 1, 'enterprise'),
    agency('gas', `${city}燃气有限公司`, 1, 'enterprise'),
    agency('environment', `${city}市生态环境局`, 1, 'government'),
    ...layout.districts
      .filter((d) => d.area === 'rural')
      .map((d) => agency(`town-${d.id}`, `${d.name}人民政府`, 1, 'government')),
    agency('civil', `${city}市民政局`, 2, 'government'),
    agency('forestry', `${city}市农业农村和林业局`, 2, 'government'),
    agency('tourism', `${city}市文化广电旅游局`, 2, 'government'),
    agency('militia', `${city}市人民武装部（民兵）`, 2, 'military'),
    agency('publicity', `${city}市委宣传部新闻办`, 3, 'government'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Units

/** A lognormal duration given by its median and 90th percentile (s). */
export const lognormal = (median: number, p90: number): Distribution => ({
  type: 'lognormalMedianP90',
  median,
  p90,
});

/** Where a row of UNITS applies: every base of its role, or only some. */
type Where = 'all' | 'main' | 'lakeside' | 'hills';

/**
 * Id suffix, name ({name}: the district's name, {short}: without 区/镇/乡), agency ('town': the
 * district's township), vehicles before × fleet, crew, capabilities, mobilisation median and
 * p90 (s), where.
 */
export type UnitRow = [string, string, string, number, number, string[], [number, number], Where?];

const UNITS: Record<Role, UnitRow[]> = {
  fire: [
    ['engine', '{short}站水罐消防车', 'fire', 2, 5, ['fire', 'rescue'], [60, 120]],
    ['rescue', '{short}站抢险救援车', 'fire', 1, 5, ['rescue', 'fire'], [60, 120]],
    [
      'hazmat',
      '{short}站危化品洗消车',
      'fire',
      1,
      6,
      ['hazmat', 'fire', 'rescue'],
      [75, 150],
      'main',
    ],
    [
      'boat',
      '{short}站水域救援分队',
      'fire',
      1,
      6,
      ['waterRescue', 'rescue'],
      [90, 180],
      'lakeside',
    ],
  ],
  police: [
    ['patrol', '{short}巡逻警车', 'police', 2, 2, ['police'], [60, 150]],
    [
      'swat',
      '{short}巡特警大队',
      'police',
      1,
      6,
      ['police', 'crowdControl', 'search'],
      [120, 300],
      'main',
    ],
  ],
  ems: [
    ['ambulance', '{short}急救站救护车', 'ems', 3, 3, ['medical'], [90, 180]],
    ['reserve', '{short}急救站备用救护车', 'ems', 1, 3, ['medical'], [120, 240], 'main'],
  ],
  cityHall: [
    ['welfare', '市民政局应急救助队', 'civil', 1, 4, ['welfare'], [900, 1800]],
    ['tourism', '市文旅局应急联络组', 'tourism', 1, 3, ['tourism', 'search'], [1200, 2400]],
    [
      'expert',
      '市生态环境局应急监测组',
      'environment',
      1,
      3,
      ['expert', 'monitoring'],
      [600, 1200],
    ],
    ['press', '市委宣传部新闻发布组', 'publicity', 1, 3, ['publicity'], [1800, 3600]],
  ],
  depot: [
    ['water', '{short}供水抢修队', 'water', 2, 5, ['water', 'utility', 'engineering'], [180, 420]],
    ['power', '{short}电力抢修队', 'power', 2, 4, ['power', 'utility'], [180, 420]],
    ['gas', '{short}燃气抢险队', 'gas', 2, 4, ['gas', 'utility'], [150, 360]],
  ],
  barracks: [
    [
      'militia',
      '市民兵应急连',
      'militia',
      2,
      30,
      ['militia', 'engineering', 'search', 'rescue'],
      [1200, 2400],
    ],
  ],
  town: [
    ['team', '{name}应急队', 'town', 1, 8, ['township', 'search'], [120, 300]],
    ['patrol', '{short}派出所警车', 'police', 1, 2, ['police'], [90, 180]],
    ['ambulance', '{short}卫生院救护车', 'ems', 1, 3, ['medical'], [120, 240]],
    ['engine', '{name}专职消防队', 'fire', 1, 5, ['fire', 'rescue'], [90, 180]],
    // Every other township is hill country, with a forest-fire team and a militia platoon.
    [
      'forest',
      '{name}森林消防专业队',
      'forestry',
      1,
      15,
      ['forestry', 'search'],
      [900, 1800],
      'hills',
    ],
    ['militia', '{name}民兵应急排', 'militia', 1, 30, ['militia', 'search'], [1800, 3600], 'hills'],
  ],
};

/** Tier-3 units are reachable in working hours only: Monday to Friday, 08:30–17:30. */
export const OFFICE_HOURS: UnitInput['schedule'] = {
  type: 'weekly',
  windows: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }],
};

function makeUnits(layout: Layout, plan: PlannedBase[], agencies: AgencyInput[]): UnitInput[] {
  const { options, districts } = layout;
  const urbanCount = options.urban.length;
  const applies = (where: Where, district: number) => {
    if (where === 'main') return district === 0;
    if (where === 'lakeside') return district < 2;
    if (where === 'hills') return (district - urbanCount) % 2 === 0;
    return true;
  };
  const tierOf = new Map(agencies.map((a) => [a.id, a.tier]));
  const units: UnitInput[] = [];
  for (const base of plan) {
    const district = districts[base.district];
    for (const row of UNITS[base.role]) {
      if (!applies(row[7] ?? 'all', base.district)) continue;
      units.push(expandUnitRow(row, base.id, district, options.fleet, tierOf));
    }
  }
  return units;
}

/**
 * One unit of a row at a base: id `{base}-{suffix}`, the name with {name} (the district's name)
 * and {short} (without 区/镇/乡) filled in, agency 'town' meaning the district's township
 * (`town-{district}`), vehicles × fleet copies; tier-3 agencies' units keep office hours.
 */
export function expandUnitRow(
  row: UnitRow,
  baseId: string,
  district: { id: string; name: string },
  fleet: number,
  tierOf: ReadonlyMap<string, number | undefined>,
): UnitInput {
  const [suffix, name, agency, vehicles, crew, capabilities, mobilisation] = row;
  const agencyId = agency === 'town' ? `town-${district.id}` : agency;
  return {
    id: `${baseId}-${suffix}`,
    name: name.replace('{name}', district.name).replace('{short}', shortName(district.name)),
    agency: agencyId,
    base: baseId,
    count: Math.max(1, Math.round(vehicles * fleet)),
    crew,
    capabilities,
    mobilisation: lognormal(...mobilisation),
    ...(tierOf.get(agencyId) === 3 ? { schedule: OFFICE_HOURS } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Incident kinds (domain digest §2) and their call streams

/** Id, name, priority, units needed by capability, on-scene minutes median and p90, share to 12345. */
export type KindRow = [string, string, number, Record<string, number>, [number, number], number?];

export const KINDS: KindRow[] = [
  ['fire', '建筑火灾', 1, { fire: 2, medical: 1, police: 1 }, [50, 120]],
  ['forestFire', '山林火灾', 2, { fire: 1, forestry: 1, militia: 1 }, [150, 360]],
  ['trafficAccident', '道路交通事故（有人员受伤）', 2, { police: 1, medical: 1 }, [35, 75]],
  ['medical', '急危重症', 1, { medical: 1 }, [40, 70]],
  ['drowning', '溺水及水上救援', 1, { waterRescue: 1, medical: 1 }, [60, 120]],
  ['elevator', '电梯困人', 2, { rescue: 1 }, [25, 50]],
  ['gasLeak', '燃气泄漏', 1, { gas: 1, fire: 1, police: 1 }, [45, 120]],
  [
    'hazmat',
    '危化品泄漏',
    1,
    { hazmat: 1, fire: 2, medical: 1, police: 1, expert: 1, publicity: 1 },
    [150, 300],
  ],
  ['powerOutage', '停电及电力故障', 3, { power: 1 }, [90, 200]],
  ['waterMain', '供水管道爆裂', 3, { water: 1 }, [150, 300]],
  ['missingPerson', '走失人员（老人、儿童）', 2, { police: 1, search: 1 }, [90, 240]],
  [
    'collapse',
    '房屋倒塌及山体滑坡',
    1,
    { rescue: 2, engineering: 1, medical: 1, welfare: 1 },
    [180, 480],
  ],
  ['assistance', '群众求助及纠纷', 4, { police: 1 }, [25, 60], 0.6],
];

/** Relative call rate by hour of the day, 0–23. */
export const HOURS = {
  general: [
    0.45, 0.35, 0.3, 0.28, 0.3, 0.4, 0.6, 0.85, 1.0, 1.1, 1.15, 1.15, 1.1, 1.05, 1.05, 1.1, 1.15,
    1.2, 1.25, 1.25, 1.15, 1.0, 0.8, 0.6,
  ],
  traffic: [
    0.35, 0.25, 0.2, 0.2, 0.25, 0.4, 0.8, 1.5, 1.6, 1.1, 1.0, 1.0, 1.05, 0.95, 1.0, 1.1, 1.3, 1.6,
    1.6, 1.2, 1.0, 0.85, 0.65, 0.45,
  ],
  medical: [
    0.6, 0.5, 0.45, 0.45, 0.5, 0.6, 0.8, 1.1, 1.3, 1.3, 1.25, 1.2, 1.1, 1.05, 1.05, 1.05, 1.1, 1.15,
    1.15, 1.1, 1.05, 0.95, 0.8, 0.7,
  ],
  daytime: [
    0.3, 0.2, 0.2, 0.2, 0.25, 0.4, 0.7, 1.0, 1.3, 1.5, 1.6, 1.5, 1.4, 1.5, 1.6, 1.6, 1.5, 1.3, 1.1,
    0.9, 0.7, 0.55, 0.45, 0.35,
  ],
  evening: [
    0.6, 0.5, 0.4, 0.35, 0.35, 0.4, 0.5, 0.7, 0.85, 0.95, 1.0, 1.05, 1.1, 1.1, 1.15, 1.2, 1.25,
    1.35, 1.45, 1.5, 1.45, 1.3, 1.0, 0.8,
  ],
};

/** Relative call rate Monday … Sunday. */
export const DAYS = {
  flat: [1, 1, 1, 1, 1, 1, 1],
  weekday: [1.05, 1.0, 1.0, 1.0, 1.1, 0.95, 0.9],
  weekend: [0.85, 0.85, 0.85, 0.85, 0.95, 1.3, 1.35],
  leisure: [0.95, 0.95, 0.95, 0.95, 1.0, 1.1, 1.1],
};

/**
 * Calls a day per 100,000 residents, hour and day profiles, and the weight per resident of urban
 * and of rural districts (0 keeps the kind out). About 30 calls per 100,000 a day in all.
 */
export type DemandRow = [number, keyof typeof HOURS, keyof typeof DAYS, number, number];

export const DEMAND: Record<string, DemandRow> = {
  fire: [0.6, 'evening', 'flat', 1, 1],
  forestFire: [0.08, 'daytime', 'leisure', 0, 1],
  trafficAccident: [4.5, 'traffic', 'weekday', 1, 1.3],
  medical: [11, 'medical', 'flat', 1, 1],
  drowning: [0.12, 'daytime', 'weekend', 1, 1.5],
  elevator: [1.5, 'general', 'flat', 1.6, 0.2],
  gasLeak: [0.4, 'evening', 'flat', 1.3, 0.4],
  hazmat: [0.03, 'daytime', 'weekday', 0.6, 1.5],
  powerOutage: [1, 'evening', 'flat', 1, 1.2],
  waterMain: [0.6, 'daytime', 'flat', 1.2, 0.6],
  missingPerson: [0.35, 'daytime', 'leisure', 1, 1.2],
  collapse: [0.03, 'daytime', 'flat', 0.5, 2],
  assistance: [10, 'evening', 'leisure', 1, 1],
};

/** Incident kinds from rows: on-scene minutes (median, p90) become a lognormal work time. */
export function incidentKinds(rows: readonly KindRow[]): KindInput[] {
  return rows.map(([id, name, priority, needs, [median, p90], nonEmergencyShare = 0]) => ({
    id,
    name,
    priority,
    needs: Object.entries(needs).map(([capability, units]) => ({ capability, units })),
    workTime: lognormal(median * 60, p90 * 60),
    nonEmergencyShare,
  }));
}

/**
 * A call stream per kind: calls a day from the rate per 100,000 residents × the population ×
 * `callScale`, spread over the districts by population × the kind's urban or rural weight.
 */
export function callStreams(
  rows: readonly KindRow[],
  demand: Readonly<Record<string, DemandRow>>,
  districts: ReadonlyArray<{ id: string; population: number; area: 'urban' | 'rural' }>,
  callScale: number,
): StreamInput[] {
  const population = districts.reduce((sum, d) => sum + d.population, 0);
  return rows.map(([kind]) => {
    const [per100k, hours, days, urban, rural] = demand[kind];
    return {
      kind,
      callsPerDay: round3((per100k * callScale * population) / 100_000),
      hourProfile: HOURS[hours],
      dayProfile: DAYS[days],
      districts: Object.fromEntries(
        districts.map((d) => [d.id, d.population * (d.area === 'urban' ? urban : rural)]),
      ),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Run cards (出动预案)

function makeRunCards(layout: Layout, units: UnitInput[]): RunCardInput[] {
  const expanded = (unitId: string) => {
    const unit = units.find((u) => u.id === unitId);
    if (!unit) return [];
    return Array.from({ length: unit.count ?? 1 }, (_, i) =>
      i === 0 ? unitId : `${unitId}#${i + 1}`,
    );
  };
  const [main, second] = layout.districts.filter((d) => d.area === 'urban');
  const firstRural = layout.districts.find((d) => d.area === 'rural')!;
  const cards: RunCardInput[] = [
    {
      district: main.id,
      kind: 'fire',
      units: [
        ...expanded(`fire-${main.id}-engine`),
        ...expanded(`ems-${main.id}-ambulance`).slice(0, 1),
        ...expanded(`police-${main.id}-patrol`).slice(0, 1),
      ],
    },
    {
      district: firstRural.id,
      kind: 'forestFire',
      units: [
        `town-${firstRural.id}-engine`,
        `town-${firstRural.id}-forest`,
        `town-${firstRural.id}-militia`,
      ],
    },
  ];
  if (second) {
    cards.push({ district: second.id, kind: 'hazmat', units: [`fire-${main.id}-hazmat`] });
  }
  return cards;
}

// ---------------------------------------------------------------------------------------------
// Description

function describe(layout: Layout, scenario: ScenarioInput): string {
  const { options, districts } = layout;
  const urban = districts.filter((d) => d.area === 'urban');
  const rural = districts.filter((d) => d.area === 'rural');
  const population = districts.reduce((sum, d) => sum + d.population, 0);
  const travel = scenario.travel as { nodes: unknown[]; edges: unknown[] };
  const units = scenario.units.reduce((sum, u) => sum + (u.count ?? 1), 0);
  const calls = (scenario.arrivals?.streams ?? []).reduce((sum, s) => sum + s.callsPerDay, 0);
  const tiers = (tier: number) => scenario.agencies.filter((a) => a.tier === tier).length;
  const names = (list: typeof districts) => list.map((d) => d.name).join('、');
  const size = `${options.widthKm} km × ${options.heightKm} km`;
  const people =
    population >= 1_000_000
      ? `${(population / 1_000_000).toFixed(1)} million`
      : `${Math.round(population / 1000)},000`;
  const wan = Math.round(population / 10_000);
  const days = options.durationDays;
  const en =
    `${options.city.en} is an illustrative synthetic city, not a real place: its geometry, roads and ` +
    `inventories are made up but plausible for a Zhejiang-like city of about ${people} residents ` +
    `(${size}; ${urban.length} urban and ${rural.length} rural districts; ` +
    `${travel.nodes.length} road nodes and ${travel.edges.length} road segments; ` +
    `${scenario.bases.length} stations and depots; ${units} units of ${scenario.agencies.length} agencies: ` +
    `${tiers(1)} in tier 1, ${tiers(2)} in tier 2 including the militia, ${tiers(3)} in tier 3; ` +
    `about ${Math.round(calls)} calls a day; ${days} days simulated). Call rates, on-scene times and ` +
    `mobilisation delays are of realistic magnitude, not fitted to data. It exercises the whole chain: ` +
    `call taking and hand-off of non-emergencies to 12345, nearest-unit dispatch with run cards, ` +
    `rush-hour road speeds, multi-agency incidents (building fire, hazmat leak, collapse, forest fire), ` +
    `tier 1, 2 and 3 duty and arrival targets in urban and rural districts, an office-hours tier-3 unit, ` +
    `the militia, and queueing when units run short.`;
  const zh =
    `${options.city.zh}是一个示例性的虚构城市，并非真实地点：其区划边界、路网和力量编成均为虚构，` +
    `但按浙江地区约${wan}万人口城市的合理量级设定（${size}；城区${urban.length}个：${names(urban)}；` +
    `农村${rural.length}个：${names(rural)}；路网节点${travel.nodes.length}个、路段${travel.edges.length}条；` +
    `站点${scenario.bases.length}处；${scenario.agencies.length}家联动单位共${units}个出动单元，其中一级` +
    `${tiers(1)}家、二级${tiers(2)}家（含民兵）、三级${tiers(3)}家；日均警情约${Math.round(calls)}起；` +
    `模拟${days}天）。警情量、现场处置时间和出动准备时间取合理量级，并非实测数据。` +
    `该场景覆盖完整链条：接警研判与非紧急警情转12345、就近派车与出动预案、早晚高峰路况、` +
    `多部门联合处置（建筑火灾、危化品泄漏、房屋倒塌、山林火灾）、一二三级联动单位的值守与城区/农村到场时限、` +
    `仅工作时间值守的三级单位、民兵力量，以及力量不足时的排队等待。`;
  return `${en}\n\n${zh}`;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function round3(value: number): number {
  return Math.round(value * 1e3) / 1e3;
}

function uniqueSorted(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
