import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar.ts';
import {
  haversineMetres,
  NearestPointIndex,
  pointInPolygon,
  type LonLat,
} from '../../src/lib/geo.ts';
import { makeStream } from '../../src/sim/random.ts';
import { makeTravelModel, type TravelModel } from '../../src/sim/travel.ts';
import { RoadGraphTravel as RoadGraphSchema, type Travel } from '../../src/scenarios/schema.ts';

const calendar = new Calendar('2026-07-06T00:00'); // Monday 00:00

/** A random connected graph with some one-way edges, and its all-pairs times by Floyd–Warshall. */
function randomGraph(nodeCount: number, seed: number) {
  const stream = makeStream(seed, 'graph');
  const nodes: LonLat[] = Array.from({ length: nodeCount }, () => [
    120 + stream.next() * 0.2,
    30 + stream.next() * 0.2,
  ]);
  const edges: Array<{
    from: number;
    to: number;
    roadClass: string;
    oneWay: boolean;
    lengthM: number;
  }> = [];
  for (let i = 1; i < nodeCount; i++) {
    const j = Math.floor(stream.next() * i);
    edges.push({
      from: j,
      to: i,
      roadClass: 'arterial',
      oneWay: false,
      lengthM: 200 + stream.next() * 3000,
    });
  }
  for (let k = 0; k < nodeCount * 2; k++) {
    const from = Math.floor(stream.next() * nodeCount);
    const to = Math.floor(stream.next() * nodeCount);
    if (from === to) continue;
    edges.push({
      from,
      to,
      roadClass: stream.next() < 0.5 ? 'local' : 'arterial',
      oneWay: stream.next() < 0.3,
      lengthM: 200 + stream.next() * 3000,
    });
  }
  return { nodes, edges };
}

function floydWarshall(
  nodeCount: number,
  edges: Array<{ from: number; to: number; oneWay: boolean; seconds: number }>,
) {
  const d = Array.from({ length: nodeCount }, (_, i) =>
    Array.from({ length: nodeCount }, (_, j) => (i === j ? 0 : Infinity)),
  );
  for (const e of edges) {
    d[e.from][e.to] = Math.min(d[e.from][e.to], e.seconds);
    if (!e.oneWay) d[e.to][e.from] = Math.min(d[e.to][e.from], e.seconds);
  }
  for (let k = 0; k < nodeCount; k++)
    for (let i = 0; i < nodeCount; i++)
      for (let j = 0; j < nodeCount; j++)
        if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d;
}

describe('road graph travel', () => {
  const { nodes, edges } = randomGraph(60, 5);
  const peak = new Array(24).fill(1);
  peak[8] = 0.5; // local roads at half speed from 08:00 to 09:00
  const spec = RoadGraphSchema.parse({
    model: 'roadGraph',
    nodes,
    edges,
    roadClasses: { arterial: { speedKmh: 60 }, local: { speedKmh: 30, hourFactors: peak } },
    emergencySpeedFactor: 1.25,
  });
  const speeds = (hour: number) => ({ arterial: 60, local: 30 * peak[hour] });
  const exact = (hour: number) =>
    floydWarshall(
      nodes.length,
      edges.map((e) => ({
        ...e,
        seconds: e.lengthM / (speeds(hour)[e.roadClass as 'arterial' | 'local'] / 3.6),
      })),
    );
  const model = makeTravelModel(spec as Travel, ['d'], calendar);
  model.anchor(0);
  model.anchor(7);

  it('shortest times agree with Floyd–Warshall, from and to anchored and free places, off-peak and at peak', () => {
    for (const hour of [3, 8]) {
      const d = exact(hour);
      for (let i = 0; i < nodes.length; i++) {
        for (const j of [0, 7, 13, 42]) {
          expect(model.seconds(i, j, hour * 3600, false)).toBeCloseTo(d[i][j], 6);
          expect(model.seconds(j, i, hour * 3600, false)).toBeCloseTo(d[j][i], 6);
        }
      }
    }
  });

  it('emergency driving divides the time by the factor', () => {
    expect(model.seconds(13, 0, 0, true)).toBeCloseTo(model.seconds(13, 0, 0, false) / 1.25, 9);
  });

  it('a closed road makes trips longer or impossible, and reopening restores them', () => {
    const before = model.seconds(13, 0, 0, false);
    const all = edges.map((_, i) => i);
    model.setEdgesClosed(all, true);
    expect(model.seconds(13, 0, 0, false)).toBe(Infinity);
    model.setEdgesClosed(all, false);
    expect(model.seconds(13, 0, 0, false)).toBeCloseTo(before, 9);
  });

  it('a unit part-way home is on the path, with the remaining time consistent', () => {
    const total = model.seconds(42, 0, 0, false);
    const halfway = model.positionAfter(42, 0, 0, total / 2);
    const remaining = model.seconds(halfway, 0, 0, false);
    expect(remaining).toBeLessThanOrEqual(total / 2 + 1e-9);
    expect(remaining + model.seconds(42, halfway, 0, false)).toBeCloseTo(total, 6);
    expect(model.positionAfter(42, 0, 0, total + 1)).toBe(0);
  });

  it('snaps a point to the nearest node', () => {
    const target: LonLat = [120.1, 30.1];
    let best = 0;
    nodes.forEach((n, i) => {
      if (haversineMetres(n, target) < haversineMetres(nodes[best], target)) best = i;
    });
    expect(model.placeOf(target, 0)).toBe(best);
  });
});

describe('other travel models', () => {
  it('matrix: the time between zones of the districts', () => {
    const model: TravelModel = makeTravelModel(
      {
        model: 'matrix',
        zones: ['b', 'a'],
        seconds: [
          [0, 600],
          [900, 60],
        ],
        tripOverheadSeconds: 0,
        noiseCv: 0,
      },
      ['a', 'b'],
      calendar,
    );
    const inA = model.placeOf([0, 0], 0);
    const inB = model.placeOf([0, 0], 1);
    expect(model.seconds(inB, inA, 0, true)).toBe(600);
    expect(model.seconds(inA, inB, 0, true)).toBe(900);
  });

  it('distance: straight-line and Manhattan, with detour and emergency factors', () => {
    const spec = {
      model: 'distance',
      speedKmh: 36,
      detourFactor: 1.5,
      emergencySpeedFactor: 2,
      nonEmergencySpeedFactor: 1,
      tripOverheadSeconds: 0,
      noiseCv: 0,
    } as const;
    const straight = makeTravelModel({ ...spec, metric: 'straight' }, ['d'], calendar);
    const a = straight.placeOf([120, 30], 0);
    const b = straight.placeOf([120.01, 30.01], 0);
    const metres = haversineMetres([120, 30], [120.01, 30.01]);
    expect(straight.seconds(a, b, 0, false)).toBeCloseTo((metres * 1.5) / 10, 6);
    expect(straight.seconds(a, b, 0, true)).toBeCloseTo((metres * 1.5) / 20, 6);
    const manhattan = makeTravelModel({ ...spec, metric: 'manhattan' }, ['d'], calendar);
    const c = manhattan.placeOf([120, 30], 0);
    const d = manhattan.placeOf([120.01, 30.01], 0);
    expect(manhattan.seconds(c, d, 0, false)).toBeGreaterThan(straight.seconds(a, b, 0, false));
  });
});

describe('geometry', () => {
  it('point in polygon, and nearest point by brute force', () => {
    const square: LonLat[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    expect(pointInPolygon([0.5, 0.5], square)).toBe(true);
    expect(pointInPolygon([1.5, 0.5], square)).toBe(false);
    const stream = makeStream(2, 'points');
    const points: LonLat[] = Array.from({ length: 500 }, () => [
      120 + stream.next(),
      30 + stream.next(),
    ]);
    const index = new NearestPointIndex(points);
    for (let k = 0; k < 200; k++) {
      const target: LonLat = [119.8 + stream.next() * 1.4, 29.8 + stream.next() * 1.4];
      const lonScale = Math.cos((30.5 * Math.PI) / 180);
      const distance = (p: LonLat) =>
        ((p[0] - target[0]) * lonScale) ** 2 + (p[1] - target[1]) ** 2;
      let best = 0;
      points.forEach((p, i) => {
        if (distance(p) < distance(points[best])) best = i;
      });
      expect(index.nearest(target)).toBe(best);
    }
  });
});

describe('nearest point in awkward layouts', () => {
  it('points all on one latitude, and targets far outside the grid', () => {
    const line: LonLat[] = [
      [120, 30],
      [120.5, 30],
      [121, 30],
    ];
    const index = new NearestPointIndex(line);
    expect(index.nearest([120.4, 30.001])).toBe(1);
    expect(index.nearest([130, 45])).toBe(2);
    expect(index.nearest([100, 10])).toBe(0);
    const two = new NearestPointIndex([
      [120, 30],
      [120.00001, 30],
    ]);
    expect(two.nearest([119, 31])).toBe(0);
  });

  it('all points at one place and a target far away: found, without walking empty cells', () => {
    // Before, the grid's cells were 1e-9 degrees wide and the search walked rings of ~10⁹ cells.
    const onePlace = new NearestPointIndex([
      [120.1, 30.2],
      [120.1, 30.2],
      [120.1, 30.2],
    ]);
    expect(onePlace.nearest([121.3, 31.4])).toBe(0);
    expect(onePlace.nearest([119, 29])).toBe(0);
    expect(onePlace.nearest([120.1, 30.2])).toBe(0);
  });
});
