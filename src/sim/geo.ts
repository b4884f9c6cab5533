/** Plane geometry on lon/lat points: distances, polygons, nearest points. */
import { asin, cos, sin } from './detmath.ts';

export type LonLat = readonly [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const RADIANS = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function haversineMetres(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RADIANS;
  const dLon = (b[0] - a[0]) * RADIANS;
  const sinLat = sin(dLat / 2);
  const sinLon = sin(dLon / 2);
  const h = sinLat * sinLat + cos(a[1] * RADIANS) * cos(b[1] * RADIANS) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_M * asin(Math.min(1, Math.sqrt(h)));
}

/** East–west plus north–south distance in metres, measured at the mean latitude. */
export function manhattanMetres(a: LonLat, b: LonLat): number {
  const meanLat = ((a[1] + b[1]) / 2) * RADIANS;
  return EARTH_RADIUS_M * RADIANS * (Math.abs(b[0] - a[0]) * cos(meanLat) + Math.abs(b[1] - a[1]));
}

/** Ray-casting test; the polygon is a ring of points, closed or not. */
export function pointInPolygon(point: LonLat, polygon: readonly LonLat[]): boolean {
  const x = point[0];
  const y = point[1];
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    // Indexing, not destructuring: this runs for every generated call.
    const xi = polygon[i][0];
    const yi = polygon[i][1];
    const xj = polygon[j][0];
    const yj = polygon[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export function boundingBox(points: readonly LonLat[]): BoundingBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const [lon, lat] of points) {
    box.minLon = Math.min(box.minLon, lon);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLon = Math.max(box.maxLon, lon);
    box.maxLat = Math.max(box.maxLat, lat);
  }
  return box;
}

/**
 * Nearest-point lookup over a fixed set of points, on a uniform grid in the lon/lat plane
 * (longitudes scaled by cos(latitude) so that cells are about square).
 */
export class NearestPointIndex {
  private readonly cellSize: number;
  private readonly cells = new Map<number, number[]>();
  private readonly lonScale: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly box: BoundingBox;

  constructor(private readonly points: readonly LonLat[]) {
    this.box = boundingBox(points);
    this.lonScale = cos(((this.box.minLat + this.box.maxLat) / 2) * RADIANS);
    const width = (this.box.maxLon - this.box.minLon) * this.lonScale;
    const height = this.box.maxLat - this.box.minLat;
    this.cellSize = Math.max(Math.sqrt((width * height) / Math.max(1, points.length)), 1e-6);
    this.columns = Math.floor(width / this.cellSize) + 1;
    this.rows = Math.floor(height / this.cellSize) + 1;
    points.forEach((point, index) => {
      const key = this.key(this.column(point[0]), this.row(point[1]));
      const cell = this.cells.get(key);
      if (cell) cell.push(index);
      else this.cells.set(key, [index]);
    });
  }

  /** Index of the point nearest to `target` (ties: the lower index). */
  nearest(target: LonLat): number {
    const column = this.column(target[0]);
    const row = this.row(target[1]);
    let best = -1;
    let bestDistance = Infinity;
    for (let ring = 0; ring <= Math.max(this.columns, this.rows); ring++) {
      for (let c = column - ring; c <= column + ring; c++) {
        for (let r = row - ring; r <= row + ring; r++) {
          if (Math.max(Math.abs(c - column), Math.abs(r - row)) !== ring) continue;
          const cell = this.cells.get(this.key(c, r));
          if (!cell) continue;
          for (const index of cell) {
            const point = this.points[index];
            const dx = (point[0] - target[0]) * this.lonScale;
            const dy = point[1] - target[1];
            const distance = dx * dx + dy * dy;
            if (distance < bestDistance || (distance === bestDistance && index < best)) {
              bestDistance = distance;
              best = index;
            }
          }
        }
      }
      // Points in rings further out are at least `ring` cells away.
      if (best >= 0 && Math.sqrt(bestDistance) <= ring * this.cellSize) break;
    }
    return best;
  }

  private column(lon: number): number {
    return Math.floor(((lon - this.box.minLon) * this.lonScale) / this.cellSize);
  }

  private row(lat: number): number {
    return Math.floor((lat - this.box.minLat) / this.cellSize);
  }

  private key(column: number, row: number): number {
    return (row + 1_000_000) * 4_000_000 + column + 1_000_000;
  }
}
