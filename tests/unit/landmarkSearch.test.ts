/**
 * The A* of trips between places that are not bases, steered by the bases' cached trees as
 * landmarks, gives exactly (bit for bit) the time a full Dijkstra from the destination gives,
 * on the benchmark city's roads, off-peak and at peak, with and without a limit and with roads
 * closed: the landmarks may only make the search settle fewer nodes, never change a time
 * written to the trace.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { Calendar } from '../../src/sim/calendar.ts';
import { makeStream } from '../../src/sim/random.ts';
import { RoadGraphTravel } from '../../src/sim/roadGraph.ts';
import { roadGraph } from './graph.ts';

describe('point-to-point search with landmarks', () => {
  const scenario = builtinScenario('benchmark-city');
  const spec = roadGraph(scenario);
  const calendar = new Calendar(scenario.start);
  const bases = scenario.bases.map((base) => base.location);
  const nodeCount = spec.nodes.length;

  /** A model with the bases anchored and their trees, both ways, cached (as in a run). */
  function landmarked(hours: number[]): RoadGraphTravel {
    const model = new RoadGraphTravel(spec, calendar);
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

  /** The full Dijkstra's time from `from` to `to`: `to` anchored, its tree read. */
  function reference(from: number, to: number, time: number, closed: number[] = []): number {
    const model = new RoadGraphTravel(spec, calendar);
    if (closed.length > 0) model.setEdgesClosed(closed, true);
    model.anchor(to);
    return model.seconds(from, to, time, true);
  }

  // Pairs of places that are not bases (a trip from or to a base reads that base's tree).
  const basePlaces = new Set(
    bases.map((point) => new RoadGraphTravel(spec, calendar).placeOf(point)),
  );
  const stream = makeStream(13, 'landmark-test');
  const place = () => {
    for (;;) {
      const node = Math.floor(stream.next() * nodeCount);
      if (!basePlaces.has(node)) return node;
    }
  };
  const pairs = Array.from({ length: 80 }, () => [place(), place()]);

  it('the same times as a full Dijkstra, bit for bit, off-peak and at the evening peak', () => {
    const hours = [3, 17];
    const model = landmarked(hours);
    for (const hour of hours) {
      for (const [from, to] of pairs) {
        const expected = reference(from, to, hour * 3600);
        expect(Object.is(model.seconds(from, to, hour * 3600, true), expected)).toBe(true);
      }
    }
  });

  it('with a limit: the exact time when within it, else the exact time or Infinity', () => {
    const model = landmarked([3]);
    for (const [from, to] of pairs) {
      const expected = reference(from, to, 3 * 3600);
      if (from === to) continue;
      const over = model.seconds(from, to, 3 * 3600, true, expected * 0.8);
      expect(over === Infinity || Object.is(over, expected)).toBe(true);
      expect(Object.is(model.seconds(from, to, 3 * 3600, true, expected * 1.01), expected)).toBe(
        true,
      );
    }
  });

  it('with roads closed: the landmarks are the trees of the roads as they are now', () => {
    const model = landmarked([3]);
    const closed = Array.from({ length: 300 }, (_, i) => (i * 37) % spec.edges.length);
    model.setEdgesClosed(closed, true);
    // Trees of the closed network, cached again as a run would.
    const places = bases.map((point) => model.placeOf(point));
    for (const place of places) {
      model.seconds(place, 0, 3 * 3600, false);
      model.seconds(0, place, 3 * 3600, false);
    }
    let unreachable = 0;
    for (const [from, to] of pairs) {
      const expected = reference(from, to, 3 * 3600, closed);
      if (expected === Infinity) unreachable++;
      expect(Object.is(model.seconds(from, to, 3 * 3600, true), expected)).toBe(true);
    }
    expect(unreachable).toBeLessThan(pairs.length);
  });
});
