/**
 * The districts as the run sees them: their parts (one ring each, islands included) and where a
 * point falls. Calls without a location are placed uniformly over their district's area.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import { boundingBox, districtRings, type BoundingBox, type LonLat } from '../../lib/geo.ts';
import { cumulativeWeights, pickIndex, type Stream } from '../random.ts';

interface DistrictShape {
  rings: LonLat[][];
  /** Per ring: its edges by horizontal band, for the ray-casting test. */
  indexes: RingIndex[];
  boxes: BoundingBox[];
  /** The parts' shares of the district's area, cumulated. */
  cumulativeArea: Float64Array;
}

export class Districts {
  private readonly shapes: DistrictShape[];

  constructor(scenario: Scenario) {
    this.shapes = scenario.districts.map((d) => {
      const rings = districtRings(d);
      return {
        rings,
        indexes: rings.map((ring) => new RingIndex(ring)),
        boxes: rings.map(boundingBox),
        cumulativeArea: cumulativeWeights(rings.map(planarArea)),
      };
    });
  }

  /** The district a point lies in, or −1. */
  indexOf(point: LonLat): number {
    return this.shapes.findIndex((d) => d.indexes.some((index) => index.contains(point)));
  }

  /** A point uniform over the district's area: a part by its area, then a point inside it. */
  randomPointIn(district: number, places: Stream): LonLat {
    const { rings, indexes, boxes, cumulativeArea } = this.shapes[district];
    const part = rings.length === 1 ? 0 : pickIndex(cumulativeArea, places.next());
    const polygon = rings[part];
    const index = indexes[part];
    const box = boxes[part];
    for (let attempt = 0; attempt < 1000; attempt++) {
      const point: LonLat = [
        box.minLon + (box.maxLon - box.minLon) * places.next(),
        box.minLat + (box.maxLat - box.minLat) * places.next(),
      ];
      if (index.contains(point)) return point;
    }
    return polygon[0];
  }
}

/**
 * A ring's edges by horizontal band, so that the ray-casting test (`pointInPolygon` in
 * lib/geo.ts) looks only at the few edges that can cross a point's latitude: the same test
 * edge by edge, with the same arithmetic, and so the same answer. An edge that spans no part
 * of the point's band cannot straddle it, and the crossings' order does not change their parity.
 */
export class RingIndex {
  /** Per edge: the coordinates of its end (i) and of its start (j), as pointInPolygon takes them. */
  private readonly edges: Float64Array;
  private readonly minLat: number;
  private readonly maxLat: number;
  private readonly bandHeight: number;
  private readonly bands: number;
  /** Edges by band, compressed: band k holds bandEdges[bandStart[k] .. bandStart[k + 1]). */
  private readonly bandStart: Int32Array;
  private readonly bandEdges: Int32Array;

  constructor(ring: readonly LonLat[]) {
    const count = ring.length;
    this.edges = new Float64Array(4 * count);
    for (let i = 0, j = count - 1; i < count; j = i++) {
      this.edges.set([ring[i][0], ring[i][1], ring[j][0], ring[j][1]], 4 * i);
    }
    const box = boundingBox(ring);
    this.minLat = box.minLat;
    this.maxLat = box.maxLat;
    this.bands = Math.max(1, Math.min(256, count));
    this.bandHeight = (box.maxLat - box.minLat) / this.bands;
    const from = new Int32Array(count);
    const to = new Int32Array(count);
    this.bandStart = new Int32Array(this.bands + 1);
    for (let i = 0; i < count; i++) {
      const a = this.edges[4 * i + 1];
      const b = this.edges[4 * i + 3];
      from[i] = this.band(Math.min(a, b));
      to[i] = this.band(Math.max(a, b));
      for (let k = from[i]; k <= to[i]; k++) this.bandStart[k + 1]++;
    }
    for (let k = 0; k < this.bands; k++) this.bandStart[k + 1] += this.bandStart[k];
    const fill = this.bandStart.slice(0, -1);
    this.bandEdges = new Int32Array(this.bandStart[this.bands]);
    for (let i = 0; i < count; i++) {
      for (let k = from[i]; k <= to[i]; k++) this.bandEdges[fill[k]++] = i;
    }
  }

  /** The band of a latitude within the ring's box (monotonic in it, clamped to the bands). */
  private band(lat: number): number {
    if (!(this.bandHeight > 0)) return 0;
    const band = Math.floor((lat - this.minLat) / this.bandHeight);
    return band < 0 ? 0 : band >= this.bands ? this.bands - 1 : band;
  }

  /** `pointInPolygon(point, ring)`, by the point's band. */
  contains(point: LonLat): boolean {
    const x = point[0];
    const y = point[1];
    // Outside the ring's latitudes no edge straddles y (nor does any for NaN).
    if (!(y >= this.minLat && y <= this.maxLat)) return false;
    const band = this.band(y);
    const edges = this.edges;
    let inside = false;
    for (let k = this.bandStart[band]; k < this.bandStart[band + 1]; k++) {
      const e = 4 * this.bandEdges[k];
      const xi = edges[e];
      const yi = edges[e + 1];
      const xj = edges[e + 2];
      const yj = edges[e + 3];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

/** Area of a ring in squared degrees (shoelace); only ratios between parts are used. */
function planarArea(ring: readonly LonLat[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(twice) / 2;
}
