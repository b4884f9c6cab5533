/**
 * NearestNode (src/sim/nearestNode.ts) must find the node NearestPointIndex finds, for every
 * place: a call's node decides its trips, so one different answer changes a run.
 */
import { describe, expect, it } from 'vitest';
import { NearestPointIndex, boundingBox, type LonLat } from '../../src/lib/geo.ts';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { NearestNode } from '../../src/sim/nearestNode.ts';

function numbers(seed: number) {
  let x = seed;
  return () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647;
  };
}

function expectSameNearest(nodes: readonly LonLat[], probes: number, next: () => number) {
  const cells = new NearestNode(nodes);
  const rings = new NearestPointIndex(nodes);
  const box = boundingBox(nodes);
  const width = box.maxLon - box.minLon || 1e-3;
  const height = box.maxLat - box.minLat || 1e-3;
  let differences = 0;
  const check = (point: LonLat) => {
    if (cells.nearest(point) !== rings.nearest(point)) differences++;
  };
  for (let i = 0; i < probes; i++) {
    check([box.minLon + width * next(), box.minLat + height * next()]);
    // Around the box too, and right on the nodes and between two of them.
    if (i % 10 === 0) {
      check([
        box.minLon - 0.2 * width + 1.4 * width * next(),
        box.minLat - 0.2 * height + 1.4 * height * next(),
      ]);
      const a = nodes[Math.floor(next() * nodes.length)];
      const b = nodes[Math.floor(next() * nodes.length)];
      check(a);
      check([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    }
  }
  check([box.maxLon, box.maxLat]);
  check([box.minLon, box.minLat]);
  check([NaN, box.minLat]);
  expect(differences).toBe(0);
}

describe('NearestNode finds the node NearestPointIndex finds', () => {
  it('on the road graph of every built-in that has one', () => {
    const next = numbers(3);
    let graphs = 0;
    for (const { id } of builtinScenarios) {
      const travel = builtinScenario(id).travel;
      if (travel.model !== 'roadGraph') continue;
      graphs++;
      expectSameNearest(travel.nodes, id === 'benchmark-city' ? 200_000 : 20_000, next);
    }
    expect(graphs).toBeGreaterThan(0);
  }, 120_000);

  it('on a grid of nodes (ties everywhere), a line of nodes, one node and clusters', () => {
    const next = numbers(9);
    const grid: LonLat[] = [];
    for (let x = 0; x < 30; x++)
      for (let y = 0; y < 30; y++) grid.push([120 + x * 0.01, 30 + y * 0.01]);
    expectSameNearest(grid, 20_000, next);
    expectSameNearest(
      Array.from({ length: 50 }, (_, k) => [120 + k * 0.01, 30] as LonLat),
      2000,
      next,
    );
    expectSameNearest([[120, 30]], 100, next);
    const clusters: LonLat[] = Array.from({ length: 600 }, (_, k) => {
      const centre = k % 3;
      return [120 + centre * 0.5 + next() * 0.01, 30 + centre * 0.2 + next() * 0.01] as LonLat;
    });
    expectSameNearest(clusters, 20_000, next);
  });
});
