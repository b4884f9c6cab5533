/**
 * The road node nearest to a call's place, as `NearestPointIndex` (lib/geo.ts) finds it — the
 * same distance (longitude scaled at the nodes' mean latitude, squared), the same tie rule (the
 * lower index) — but with each cell of a grid over the nodes knowing, once asked, the few nodes
 * that can be nearest to any place in it. A ring search from a rural place far from the nodes
 * scanned many empty cells per call; this looks at a short list. Places outside the nodes' box
 * (and NaN) are left to the ring search.
 */
import { cos } from '../lib/detmath.ts';
import { boundingBox, NearestPointIndex, type BoundingBox, type LonLat } from '../lib/geo.ts';

/** Slack on the bound, far above the rounding of a squared distance (a few ulps). */
const SLACK = 1e-9;

export class NearestNode {
  private readonly box: BoundingBox;
  private readonly lonScale: number;
  private readonly lons: Float64Array;
  private readonly lats: Float64Array;
  private readonly columns: number;
  private readonly rows: number;
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  /** Per cell: the nodes that can be nearest to a place in it, by index (built when asked). */
  private readonly candidates: Array<Int32Array | undefined>;
  private readonly fallback: NearestPointIndex;

  constructor(nodes: readonly LonLat[]) {
    this.fallback = new NearestPointIndex(nodes);
    this.box = boundingBox(nodes);
    // As NearestPointIndex scales longitude.
    this.lonScale = cos(((this.box.minLat + this.box.maxLat) / 2) * (Math.PI / 180));
    this.lons = Float64Array.from(nodes, (node) => node[0]);
    this.lats = Float64Array.from(nodes, (node) => node[1]);
    // About one node per cell.
    const side = Math.max(1, Math.ceil(Math.sqrt(nodes.length)));
    this.columns = side;
    this.rows = side;
    this.cellWidth = (this.box.maxLon - this.box.minLon) / side;
    this.cellHeight = (this.box.maxLat - this.box.minLat) / side;
    this.candidates = new Array<Int32Array | undefined>(side * side);
  }

  /** Index of the node nearest to `target` (ties: the lower index). */
  nearest(target: LonLat): number {
    const lon = target[0];
    const lat = target[1];
    const box = this.box;
    if (
      !(lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat) ||
      !(this.cellWidth > 0 && this.cellHeight > 0)
    ) {
      return this.fallback.nearest(target);
    }
    const column = Math.min(this.columns - 1, Math.floor((lon - box.minLon) / this.cellWidth));
    const row = Math.min(this.rows - 1, Math.floor((lat - box.minLat) / this.cellHeight));
    const cell = row * this.columns + column;
    const candidates = (this.candidates[cell] ??= this.candidatesOf(column, row));
    let best = -1;
    let bestDistance = Infinity;
    // In index order: a later node must be strictly nearer to win a tie.
    for (let k = 0; k < candidates.length; k++) {
      const index = candidates[k];
      const dx = (this.lons[index] - lon) * this.lonScale;
      const dy = this.lats[index] - lat;
      const distance = dx * dx + dy * dy;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    }
    return best;
  }

  /**
   * The nodes that can be nearest to some place of a cell: those whose least distance to the
   * cell is within the smallest greatest distance any node has to it (with slack).
   */
  private candidatesOf(column: number, row: number): Int32Array {
    const west = this.box.minLon + column * this.cellWidth;
    const east = column === this.columns - 1 ? this.box.maxLon : west + this.cellWidth;
    const south = this.box.minLat + row * this.cellHeight;
    const north = row === this.rows - 1 ? this.box.maxLat : south + this.cellHeight;
    const count = this.lons.length;
    const least = new Float64Array(count);
    let bound = Infinity;
    for (let i = 0; i < count; i++) {
      const lon = this.lons[i];
      const lat = this.lats[i];
      const nearX = (lon < west ? west - lon : lon > east ? lon - east : 0) * this.lonScale;
      const nearY = lat < south ? south - lat : lat > north ? lat - north : 0;
      const farX = Math.max(Math.abs(lon - west), Math.abs(lon - east)) * this.lonScale;
      const farY = Math.max(Math.abs(lat - south), Math.abs(lat - north));
      least[i] = nearX * nearX + nearY * nearY;
      bound = Math.min(bound, farX * farX + farY * farY);
    }
    bound = bound * (1 + SLACK) + SLACK * (this.cellWidth * this.cellWidth);
    const chosen: number[] = [];
    for (let i = 0; i < count; i++) if (least[i] <= bound) chosen.push(i);
    return Int32Array.from(chosen);
  }
}
