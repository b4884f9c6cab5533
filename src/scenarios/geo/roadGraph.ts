/**
 * Nodes and edges from road lines. Points shared by several lines become one node (by OSM node
 * id, else by equal coordinates); each pair of consecutive points is a segment, measured along
 * the line (or its share of the length the file gives). Then chains of segments through nodes
 * that only join two of them — same class, same one-way-ness, driven through in one direction —
 * become one edge with the chain's length, so that a curved street is one edge, not forty.
 */
import { haversineMetres, type LonLat } from '../../lib/geo.ts';
import type { Language } from '../messages.ts';
import { LIMITS } from '../schema.ts';
import { failure, geoText, type GeoResult } from './problems.ts';
import type { RoadClassSpeed, RoadLine } from './roads.ts';

export interface RoadEdge {
  from: number;
  to: number;
  roadClass: string;
  lengthM: number;
  oneWay?: true;
}

/** The road-graph part of a scenario's `travel`, as the schema wants it. */
export interface RoadGraphPart<Class = RoadClassSpeed> {
  nodes: [number, number][];
  edges: RoadEdge[];
  roadClasses: Record<string, Class>;
}

export interface RoadGraphImport<Class = RoadClassSpeed> {
  graph: RoadGraphPart<Class>;
  /** Sum of the edges' lengths. */
  totalLengthM: number;
  /** Edges drivable one way only. */
  oneWayEdges: number;
  /** Nodes joined away into longer edges. */
  contractedNodes: number;
}

export interface RoadGraphOptions {
  /** Join chains through nodes that only link two like segments (default: true). */
  contract?: boolean;
}

/** How many roads of each source class, most common first, for the class-mapping step. */
export function sourceClassCounts(lines: readonly RoadLine[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.sourceClass, (counts.get(line.sourceClass) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Lengths are written to the decimetre: finer is noise, and the file stays smaller. */
function decimetres(metres: number): number {
  return Math.max(0.1, Math.round(metres * 10) / 10);
}

/** Segments between consecutive points, as parallel arrays (a city has millions). */
class Segments {
  from: number[] = [];
  to: number[] = [];
  roadClass: number[] = [];
  oneWay: boolean[] = [];
  lengthM: number[] = [];
  get count() {
    return this.from.length;
  }
}

/**
 * `classOf` maps a source class to the scenario's road class; `roadClasses` must name every
 * class it returns.
 */
export function buildRoadGraph<Class extends RoadClassSpeed>(
  lines: readonly RoadLine[],
  classOf: (sourceClass: string) => string,
  roadClasses: Record<string, Class>,
  language: Language,
  options: RoadGraphOptions = {},
): GeoResult<RoadGraphImport<Class>> {
  const points: LonLat[] = [];
  const pointIndex = new Map<string, number>();
  const classNames: string[] = [];
  const classIndex = new Map<string, number>();
  const segments = new Segments();
  const twoWayKeys = new Set<number>();
  const oneWayKeys = new Set<number>();
  // Node numbers stay below 2^26, so a pair is one exact number below 2^52.
  const PAIR = 2 ** 26;
  const indexOf = (point: LonLat, id: string | undefined) => {
    const key = id !== undefined ? `osm:${id}` : `${point[0]},${point[1]}`;
    let index = pointIndex.get(key);
    if (index === undefined) {
      index = points.length;
      pointIndex.set(key, index);
      points.push(point);
    }
    return index;
  };
  for (const line of lines) {
    const name = classOf(line.sourceClass);
    let roadClass = classIndex.get(name);
    if (roadClass === undefined) {
      roadClass = classNames.push(name) - 1;
      classIndex.set(name, roadClass);
    }
    const oneWay = line.oneWay === true;
    const lengths: number[] = [];
    let drawn = 0;
    for (let i = 1; i < line.points.length; i++) {
      const length = haversineMetres(line.points[i - 1], line.points[i]);
      lengths.push(length);
      drawn += length;
    }
    const scale = line.lengthM !== undefined && drawn > 0 ? line.lengthM / drawn : 1;
    let previous = indexOf(line.points[0], line.pointIds?.[0]);
    for (let i = 1; i < line.points.length; i++) {
      const next = indexOf(line.points[i], line.pointIds?.[i]);
      if (points.length > PAIR) {
        return failure(
          '',
          geoText.tooMany[language]('road nodes', points.length, LIMITS.roadNodes),
        );
      }
      // A repeated point is no road; a segment drawn twice (two lines overlapping) is one road.
      const undirected = previous < next ? previous * PAIR + next : next * PAIR + previous;
      const directed = previous * PAIR + next;
      const seen = oneWay
        ? twoWayKeys.has(undirected) || oneWayKeys.has(directed)
        : twoWayKeys.has(undirected);
      if (next !== previous && !seen) {
        (oneWay ? oneWayKeys : twoWayKeys).add(oneWay ? directed : undirected);
        segments.from.push(previous);
        segments.to.push(next);
        segments.roadClass.push(roadClass);
        segments.oneWay.push(oneWay);
        segments.lengthM.push(lengths[i - 1] * scale);
      }
      previous = next;
    }
  }
  if (segments.count === 0) return failure('', geoText.noRoads[language]());
  const chains =
    options.contract === false ? segmentsAsEdges(segments) : contract(points.length, segments);
  if (chains.nodes.length > LIMITS.roadNodes) {
    return failure(
      '',
      geoText.tooMany[language]('road nodes', chains.nodes.length, LIMITS.roadNodes),
    );
  }
  if (chains.edges.length > LIMITS.roadEdges) {
    return failure(
      '',
      geoText.tooMany[language]('road edges', chains.edges.length, LIMITS.roadEdges),
    );
  }
  let totalLengthM = 0;
  let oneWayEdges = 0;
  const edges: RoadEdge[] = chains.edges.map((chain) => {
    totalLengthM += chain.lengthM;
    if (chain.oneWay) oneWayEdges++;
    return {
      from: chain.from,
      to: chain.to,
      roadClass: classNames[chain.roadClass],
      lengthM: decimetres(chain.lengthM),
      ...(chain.oneWay && { oneWay: true as const }),
    };
  });
  // Only the classes the new roads use: the old network's other classes would be clutter.
  const classes = Object.fromEntries(
    Object.entries(roadClasses).filter(([name]) => classIndex.has(name)),
  );
  const nodes = chains.nodes.map(
    (index) => [points[index][0], points[index][1]] as [number, number],
  );
  return {
    ok: true,
    value: {
      graph: { nodes, edges, roadClasses: classes },
      totalLengthM,
      oneWayEdges,
      contractedNodes: points.length - nodes.length,
    },
  };
}

interface Chain {
  from: number;
  to: number;
  roadClass: number;
  oneWay: boolean;
  lengthM: number;
}

/** The graph with every segment an edge: nodes are the points that segments use. */
function segmentsAsEdges(segments: Segments): { nodes: number[]; edges: Chain[] } {
  const used = new Map<number, number>();
  const nodes: number[] = [];
  const number = (point: number) => {
    let index = used.get(point);
    if (index === undefined) {
      index = nodes.push(point) - 1;
      used.set(point, index);
    }
    return index;
  };
  const edges: Chain[] = [];
  for (let s = 0; s < segments.count; s++) {
    edges.push({
      from: number(segments.from[s]),
      to: number(segments.to[s]),
      roadClass: segments.roadClass[s],
      oneWay: segments.oneWay[s],
      lengthM: segments.lengthM[s],
    });
  }
  return { nodes, edges };
}

/**
 * Joins chains of segments through "through" points: points on exactly two segments of the same
 * class and one-way-ness that, if one-way, one enters and the other leaves. Every other point
 * that a segment uses stays a node, numbered in the order the file first gave it.
 */
function contract(pointCount: number, segments: Segments): { nodes: number[]; edges: Chain[] } {
  const count = segments.count;
  // Segments at each point (compressed rows).
  const degree = new Int32Array(pointCount + 1);
  for (let s = 0; s < count; s++) {
    degree[segments.from[s] + 1]++;
    degree[segments.to[s] + 1]++;
  }
  for (let p = 0; p < pointCount; p++) degree[p + 1] += degree[p];
  const start = degree;
  const fill = start.slice(0, pointCount);
  const incident = new Int32Array(2 * count);
  for (let s = 0; s < count; s++) {
    incident[fill[segments.from[s]]++] = s;
    incident[fill[segments.to[s]]++] = s;
  }
  const kept = new Uint8Array(pointCount);
  for (let p = 0; p < pointCount; p++) {
    const n = start[p + 1] - start[p];
    if (n === 0) continue;
    if (n !== 2) {
      kept[p] = 1;
      continue;
    }
    const a = incident[start[p]];
    const b = incident[start[p] + 1];
    const alike =
      segments.roadClass[a] === segments.roadClass[b] && segments.oneWay[a] === segments.oneWay[b];
    const through =
      !segments.oneWay[a] ||
      (segments.to[a] === p && segments.from[b] === p) ||
      (segments.to[b] === p && segments.from[a] === p);
    if (!(alike && through)) kept[p] = 1;
  }
  const used = new Uint8Array(count);
  const chains: Chain[] = [];
  const other = (s: number, p: number) =>
    segments.from[s] === p ? segments.to[s] : segments.from[s];
  const walk = (origin: number, first: number) => {
    const via: number[] = [];
    const reach: number[] = [];
    let length = segments.lengthM[first];
    used[first] = 1;
    let s = first;
    let at = other(first, origin);
    while (!kept[at]) {
      via.push(at);
      reach.push(length);
      const a = incident[start[at]];
      s = a === s ? incident[start[at] + 1] : a;
      used[s] = 1;
      length += segments.lengthM[s];
      at = other(s, at);
    }
    const forward = !segments.oneWay[first] || segments.from[first] === origin;
    const add = (a: number, b: number, lengthM: number) =>
      chains.push({
        from: forward ? a : b,
        to: forward ? b : a,
        roadClass: segments.roadClass[first],
        oneWay: segments.oneWay[first],
        lengthM,
      });
    if (at === origin) {
      // A loop back to where it began: split at its middle point, which stays a node.
      const middle = via.length >> 1;
      kept[via[middle]] = 1;
      add(origin, via[middle], reach[middle]);
      add(via[middle], origin, length - reach[middle]);
    } else add(origin, at, length);
  };
  for (let p = 0; p < pointCount; p++) {
    if (!kept[p]) continue;
    for (let i = start[p]; i < start[p + 1]; i++) if (!used[incident[i]]) walk(p, incident[i]);
  }
  // What is left are rings of through points (a roundabout on its own): each keeps one node.
  for (let s = 0; s < count; s++) {
    if (used[s]) continue;
    const origin = segments.from[s];
    kept[origin] = 1;
    walk(origin, s);
  }
  const nodes: number[] = [];
  const number = new Int32Array(pointCount).fill(-1);
  for (let p = 0; p < pointCount; p++) if (kept[p]) number[p] = nodes.push(p) - 1;
  for (const chain of chains) {
    chain.from = number[chain.from];
    chain.to = number[chain.to];
  }
  return { nodes, edges: chains };
}
