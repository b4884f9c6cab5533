/**
 * The districts as the run sees them: their parts (one ring each, islands included) and where a
 * point falls. Calls without a location are placed uniformly over their district's area.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import {
  boundingBox,
  districtRings,
  pointInPolygon,
  type BoundingBox,
  type LonLat,
} from '../../lib/geo.ts';
import { cumulativeWeights, pickIndex, type Stream } from '../random.ts';

interface DistrictShape {
  rings: LonLat[][];
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
        boxes: rings.map(boundingBox),
        cumulativeArea: cumulativeWeights(rings.map(planarArea)),
      };
    });
  }

  /** The district a point lies in, or −1. */
  indexOf(point: LonLat): number {
    return this.shapes.findIndex((d) => d.rings.some((ring) => pointInPolygon(point, ring)));
  }

  /** A point uniform over the district's area: a part by its area, then a point inside it. */
  randomPointIn(district: number, places: Stream): LonLat {
    const { rings, boxes, cumulativeArea } = this.shapes[district];
    const part = rings.length === 1 ? 0 : pickIndex(cumulativeArea, places.next());
    const polygon = rings[part];
    const box = boxes[part];
    for (let attempt = 0; attempt < 1000; attempt++) {
      const point: LonLat = [
        box.minLon + (box.maxLon - box.minLon) * places.next(),
        box.minLat + (box.maxLat - box.minLat) * places.next(),
      ];
      if (pointInPolygon(point, polygon)) return point;
    }
    return polygon[0];
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
