import { describe, expect, it } from 'vitest';
import { cos } from '../../src/lib/detmath.ts';
import { boundingBox, NearestPointIndex, type LonLat } from '../../src/lib/geo.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { makeStream } from '../../src/sim/random.ts';

/** The linear scan the grid stands for: same distance arithmetic, ties to the lower index. */
function linearNearest(points: readonly LonLat[], target: LonLat): number {
  const box = boundingBox(points);
  const lonScale = cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  let best = -1;
  let bestDistance = Infinity;
  points.forEach((point, index) => {
    const dx = (point[0] - target[0]) * lonScale;
    const dy = point[1] - target[1];
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

describe('the nearest-point grid answers as the linear scan does', () => {
  it("on the benchmark city's road nodes, for targets inside and around the city", () => {
    const travel = builtinScenario('benchmark-city').travel;
    if (travel.model !== 'roadGraph') throw new Error('the benchmark city has a road graph');
    const nodes = travel.nodes;
    const index = new NearestPointIndex(nodes);
    const box = boundingBox(nodes);
    const stream = makeStream(13, 'nearest');
    const width = box.maxLon - box.minLon;
    const height = box.maxLat - box.minLat;
    for (let k = 0; k < 20_000; k++) {
      const target: LonLat = [
        box.minLon - 0.1 * width + 1.2 * width * stream.next(),
        box.minLat - 0.1 * height + 1.2 * height * stream.next(),
      ];
      expect(index.nearest(target)).toBe(linearNearest(nodes, target));
    }
    // A call placed on a node itself finds that node (or the first of its duplicates).
    for (let i = 0; i < nodes.length; i += 7) {
      expect(index.nearest(nodes[i])).toBe(linearNearest(nodes, nodes[i]));
    }
  });

  it('ties (a lattice with repeated points, targets halfway between) go to the lower index', () => {
    const points: LonLat[] = [];
    for (let copy = 0; copy < 2; copy++) {
      for (let i = 0; i < 30; i++) {
        for (let j = 0; j < 20; j++) points.push([120 + i * 0.01, 30 + j * 0.01]);
      }
    }
    // Reversed, so that a point's duplicate with the lower index lies in the second half.
    points.reverse();
    const index = new NearestPointIndex(points);
    for (let i = -2; i < 62; i++) {
      for (let j = -2; j < 42; j++) {
        const target: LonLat = [120 + i * 0.005, 30 + j * 0.005];
        expect(index.nearest(target)).toBe(linearNearest(points, target));
      }
    }
  });
});
