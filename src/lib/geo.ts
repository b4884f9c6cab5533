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
  private readonly lonScale: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly box: BoundingBox;
  // Points by cell, compressed: cell k holds cellItems[cellStart[k] .. cellStart[k + 1]).
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;
  // The points' coordinates in cell order (entry k is point cellItems[k]): a cell's points are
  // read side by side, not through an array per point (every generated call asks).
  private readonly cellLon: Float64Array;
  private readonly cellLat: Float64Array;
  // Scratch of `nearest` (not an object per lookup): the best point so far, and its distance².
  private best = -1;
  private bestDistance = Infinity;

  constructor(points: readonly LonLat[]) {
    this.box = boundingBox(points);
    this.lonScale = cos(((this.box.minLat + this.box.maxLat) / 2) * RADIANS);
    const width = (this.box.maxLon - this.box.minLon) * this.lonScale;
    const height = this.box.maxLat - this.box.minLat;
    // About one point per cell; a flat or thin set of points still gets a sensible grid.
    const count = Math.max(1, points.length);
    this.cellSize = Math.max(
      Math.sqrt((width * height) / count),
      Math.max(width, height) / count,
      1e-9,
    );
    this.columns = Math.floor(width / this.cellSize) + 1;
    this.rows = Math.floor(height / this.cellSize) + 1;
    const cellOf = points.map((point) => this.row(point[1]) * this.columns + this.column(point[0]));
    this.cellStart = new Int32Array(this.columns * this.rows + 1);
    for (const cell of cellOf) this.cellStart[cell + 1]++;
    for (let k = 0; k < this.columns * this.rows; k++) this.cellStart[k + 1] += this.cellStart[k];
    const fill = this.cellStart.slice(0, -1);
    this.cellItems = new Int32Array(points.length);
    cellOf.forEach((cell, index) => (this.cellItems[fill[cell]++] = index));
    this.cellLon = Float64Array.from(this.cellItems, (index) => points[index][0]);
    this.cellLat = Float64Array.from(this.cellItems, (index) => points[index][1]);
  }

  /** Index of the point nearest to `target` (ties: the lower index). */
  nearest(target: LonLat): number {
    const column = this.column(target[0]);
    const row = this.row(target[1]);
    this.best = -1;
    this.bestDistance = Infinity;
    // From a target outside the grid, the rings before the grid's edge hold nothing.
    const firstRing = Math.max(
      0,
      -column,
      column - (this.columns - 1),
      -row,
      row - (this.rows - 1),
    );
    const maxRing = Math.max(
      Math.abs(column),
      Math.abs(this.columns - column),
      Math.abs(row),
      Math.abs(this.rows - row),
    );
    for (let ring = firstRing; ring <= maxRing; ring++) {
      // Only the cells on the ring's boundary, and of those only the ones inside the grid: a
      // target far from a tiny grid (all points at one place) would otherwise visit a ring of
      // millions of empty cells.
      const fromColumn = Math.max(0, column - ring);
      const toColumn = Math.min(this.columns - 1, column + ring);
      for (let c = fromColumn; c <= toColumn; c++) {
        this.scanCell(c, row - ring, target);
        if (ring > 0) this.scanCell(c, row + ring, target);
      }
      const fromRow = Math.max(0, row - ring + 1);
      const toRow = Math.min(this.rows - 1, row + ring - 1);
      for (let r = fromRow; r <= toRow; r++) {
        this.scanCell(column - ring, r, target);
        this.scanCell(column + ring, r, target);
      }
      // Points in rings further out are at least `ring` cells away.
      if (this.best >= 0 && Math.sqrt(this.bestDistance) <= ring * this.cellSize) break;
    }
    return this.best;
  }

  private scanCell(column: number, row: number, target: LonLat): void {
    if (column < 0 || column >= this.columns || row < 0 || row >= this.rows) return;
    const cell = row * this.columns + column;
    const end = this.cellStart[cell + 1];
    for (let k = this.cellStart[cell]; k < end; k++) {
      const dx = (this.cellLon[k] - target[0]) * this.lonScale;
      const dy = this.cellLat[k] - target[1];
      const distance = dx * dx + dy * dy;
      if (distance < this.bestDistance) {
        this.bestDistance = distance;
        this.best = this.cellItems[k];
      } else if (distance === this.bestDistance && this.cellItems[k] < this.best) {
        this.best = this.cellItems[k];
      }
    }
  }

  private column(lon: number): number {
    return Math.floor(((lon - this.box.minLon) * this.lonScale) / this.cellSize);
  }

  private row(lat: number): number {
    return Math.floor((lat - this.box.minLat) / this.cellSize);
  }
}

/** The parts of a district as rings: its one `polygon`, or its several `polygons`. */
export function districtRings(district: {
  polygon?: Array<[number, number]>;
  polygons?: Array<Array<[number, number]>>;
}): Array<Array<[number, number]>> {
  return district.polygons ?? (district.polygon ? [district.polygon] : []);
}
