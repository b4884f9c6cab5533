/**
 * Once a speed band has had enough searches between places that are not bases, the A* also
 * steers by landmarks on the network's edge (roadGraph.ts, `outerLandmarks`). Like the bases'
 * trees, they may only make a search settle fewer nodes: on the benchmark city's roads, many
 * trips searched with them give exactly (bit for bit) the time a full Dijkstra from the
 * destination gives, off-peak and at peak, with limits, and with roads closed.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { Calendar } from '../../src/sim/calendar.ts';
import { makeStream } from '../../src/sim/random.ts';
import { RoadGraphTravel } from '../../src/sim/roadGraph.ts';
import { roadGraph } from './graph.ts';

describe('point-to-point search with landmarks on the network edge', () => {
  const scenario = builtinScenario('benchmark-city');
  const spec = roadGraph(scenario);
  const calendar = new Calendar(scenario.start);
  const bases = scenario.bases.map((base) => base.location);
  const nodeCount = spec.nodes.length;
  const basePlaces = new Set(
    bases.map((point) => new RoadGraphTravel(spec, calendar).placeOf(point)),
  );
  const stream = makeStream(29, 'outer-landmark-test');
  const place = () => {
    for (;;) {
      const node = Math.floor(stream.next() * nodeCount);
      if (!basePlaces.has(node)) return node;
    }
  };
  const pairsOf = (count: number) =>
    Array.from({ length: count }, () => [place(), place()] as const).filter(([a, b]) => a !== b);
  const pairs = pairsOf(700);

  /** A model with the bases anchored and their trees, both ways, cached (as in a run). */
  function landmarked(hours: number[], closed: number[] = []): RoadGraphTravel {
    const model = new RoadGraphTravel(spec, calendar);
    if (closed.length > 0) model.setEdgesClosed(closed, true);
    const places = bases.map((point) => model.placeOf(point));
    for (const place of places) model.anchor(place);
    for (const hour of hours) {
      for (const place of places) {
        model.seconds(place, 0, hour * 3600, false);
        model.seconds(0, place, hour * 3600, false);
      }
    }
    return model;
  }

  /** Full Dijkstra times: each destination anchored in one model, its tree read. */
  function referenceModel(closed: number[] = []) {
    const model = new RoadGraphTravel(spec, calendar);
    if (closed.length > 0) model.setEdgesClosed(closed, true);
    return (from: number, to: number, time: number) => {
      model.anchor(to);
      return model.seconds(from, to, time, true);
    };
  }

  /** How many landmarks on the edge the model has built, over its bands. */
  const outerCount = (model: RoadGraphTravel) =>
    [...(model as unknown as { outer: Map<number, unknown[]> }).outer.values()].reduce(
      (sum, list) => sum + list.length,
      0,
    );

  it('the same times as a full Dijkstra, bit for bit, before and after the edge landmarks', () => {
    const hours = [3, 17];
    const model = landmarked(hours);
    const reference = referenceModel();
    for (const hour of hours) {
      for (const [from, to] of pairs) {
        const expected = reference(from, to, hour * 3600);
        expect(Object.is(model.seconds(from, to, hour * 3600, true), expected)).toBe(true);
      }
    }
    // Both bands built their landmarks on the edge partway through (16 each on this city).
    expect(outerCount(model)).toBe(32);
  });

  it('with a limit: the exact time when within it, else the exact time or Infinity', () => {
    const model = landmarked([3]);
    const reference = referenceModel();
    const warmUp = pairsOf(300);
    for (const [from, to] of warmUp) model.seconds(from, to, 3 * 3600, true);
    expect(outerCount(model)).toBe(16);
    let pruned = 0;
    for (const [from, to] of pairs) {
      const expected = reference(from, to, 3 * 3600);
      const over = model.seconds(from, to, 3 * 3600, true, expected * 0.9);
      if (over === Infinity) pruned++;
      else expect(Object.is(over, expected)).toBe(true);
      expect(Object.is(model.seconds(from, to, 3 * 3600, true, expected * 1.01), expected)).toBe(
        true,
      );
    }
    expect(pruned).toBeGreaterThan(pairs.length / 2);
  });

  it('with roads closed: the edge landmarks are rebuilt on the roads as they are now', () => {
    const model = landmarked([3]);
    for (const [from, to] of pairsOf(300)) model.seconds(from, to, 3 * 3600, true);
    expect(outerCount(model)).toBe(16);
    const closed = Array.from({ length: 300 }, (_, i) => (i * 41) % spec.edges.length);
    model.setEdgesClosed(closed, true);
    expect(outerCount(model)).toBe(0);
    const places = bases.map((point) => model.placeOf(point));
    for (const place of places) {
      model.seconds(place, 0, 3 * 3600, false);
      model.seconds(0, place, 3 * 3600, false);
    }
    const reference = referenceModel(closed);
    let unreachable = 0;
    for (const [from, to] of pairs) {
      const expected = reference(from, to, 3 * 3600);
      if (expected === Infinity) unreachable++;
      expect(Object.is(model.seconds(from, to, 3 * 3600, true), expected)).toBe(true);
    }
    expect(outerCount(model)).toBe(16);
    expect(unreachable).toBeLessThan(pairs.length);
  });
});
