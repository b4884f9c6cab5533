/** Projecting the scenario's lon/lat onto the map's SVG plane, and SVG path text for it. */
import { geoMercator, type GeoProjection } from 'd3';
import type { LonLat, MapRoads } from './geometry.ts';

/** Margin around the scenario's extent, in pixels. */
const MARGIN = 16;

/** A Mercator projection fitted to the points' bounding box inside width × height pixels. */
export function fittedProjection(points: LonLat[], width: number, height: number): GeoProjection {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  const projection = geoMercator();
  if (!(minLon <= maxLon)) return projection.translate([width / 2, height / 2]);
  // The box's corners, not the rings: fitting to a MultiPoint is immune to ring winding.
  return projection.fitExtent(
    [
      [MARGIN, MARGIN],
      [Math.max(MARGIN + 1, width - MARGIN), Math.max(MARGIN + 1, height - MARGIN)],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [minLon, minLat],
        [maxLon, maxLat],
      ],
    },
  );
}

const round = (value: number) => Math.round(value * 10) / 10;

/** SVG path text of closed rings (drawn with fill-rule evenodd, so winding does not matter). */
export function ringsPath(
  rings: readonly (readonly LonLat[])[],
  projection: GeoProjection,
): string {
  const parts: string[] = [];
  for (const ring of rings) {
    ring.forEach((point, index) => {
      const [x, y] = projection(point as [number, number]) ?? [NaN, NaN];
      parts.push(`${index === 0 ? 'M' : 'L'}${round(x)},${round(y)}`);
    });
    parts.push('Z');
  }
  return parts.join('');
}

/** Projected road nodes, x and y by node index. */
export interface ProjectedNodes {
  x: Float64Array;
  y: Float64Array;
}

export function projectNodes(roads: MapRoads, projection: GeoProjection): ProjectedNodes {
  const x = new Float64Array(roads.nodes.length);
  const y = new Float64Array(roads.nodes.length);
  roads.nodes.forEach((node, index) => {
    const point = projection(node as [number, number]) ?? [NaN, NaN];
    x[index] = point[0];
    y[index] = point[1];
  });
  return { x, y };
}

/**
 * One path text per group of edges (a road class, an isochrone band): a city's thousands of
 * edges become a handful of elements, which keeps drawing and zooming fast.
 */
export function edgePaths(
  roads: MapRoads,
  nodes: ProjectedNodes,
  groupOf: (edgeIndex: number) => string,
): Map<string, string> {
  const parts = new Map<string, string[]>();
  roads.edges.forEach((edge, index) => {
    const x1 = nodes.x[edge.from];
    const x2 = nodes.x[edge.to];
    if (!Number.isFinite(x1) || !Number.isFinite(x2)) return;
    const group = groupOf(index);
    let list = parts.get(group);
    if (!list) parts.set(group, (list = []));
    list.push(`M${round(x1)},${round(nodes.y[edge.from])}L${round(x2)},${round(nodes.y[edge.to])}`);
  });
  return new Map([...parts].map(([group, list]) => [group, list.join('')]));
}

/**
 * Arrowheads at the middle of the one-way edges, pointing the way they may be driven, as one
 * path; edges too short on the map to carry one are left plain.
 */
export function oneWayArrows(roads: MapRoads, nodes: ProjectedNodes): { d: string; count: number } {
  const parts: string[] = [];
  for (const edge of roads.edges) {
    if (!edge.oneWay) continue;
    const x1 = nodes.x[edge.from];
    const y1 = nodes.y[edge.from];
    const dx = nodes.x[edge.to] - x1;
    const dy = nodes.y[edge.to] - y1;
    const length = Math.sqrt(dx * dx + dy * dy);
    if (!Number.isFinite(length) || length < 4) continue;
    const size = Math.min(3, length / 4);
    const ux = dx / length;
    const uy = dy / length;
    const mx = x1 + dx / 2;
    const my = y1 + dy / 2;
    const tipX = mx + ux * size;
    const tipY = my + uy * size;
    const backX = mx - ux * size;
    const backY = my - uy * size;
    parts.push(
      `M${round(backX - uy * size)},${round(backY + ux * size)}L${round(tipX)},${round(tipY)}L${round(backX + uy * size)},${round(backY - ux * size)}`,
    );
  }
  return { d: parts.join(''), count: parts.length };
}

/** Index of the node nearest to (x, y) within `radius`, or −1. */
export function nearestNode(nodes: ProjectedNodes, x: number, y: number, radius: number): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let index = 0; index < nodes.x.length; index++) {
    const dx = nodes.x[index] - x;
    const dy = nodes.y[index] - y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where to write a district's label: the centroid of its largest part, in SVG coordinates. */
export function labelPoint(
  rings: readonly (readonly LonLat[])[],
  projection: GeoProjection,
): [number, number] | null {
  let best: [number, number] | null = null;
  let bestArea = 0;
  for (const ring of rings) {
    const points = ring.map((point) => projection(point as [number, number]) ?? [NaN, NaN]);
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const cross = points[j][0] * points[i][1] - points[i][0] * points[j][1];
      area += cross;
      cx += (points[j][0] + points[i][0]) * cross;
      cy += (points[j][1] + points[i][1]) * cross;
    }
    if (Math.abs(area) > bestArea) {
      bestArea = Math.abs(area);
      best = [cx / (3 * area), cy / (3 * area)];
    }
  }
  return best;
}
