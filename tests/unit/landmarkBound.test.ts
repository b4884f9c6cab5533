/**
 * The A*'s landmark bound with fewer landmarks than it can use (the first one stands in for
 * the missing ones) and with more than it uses: on a seeded random road network, every search
 * gives exactly (bit for bit) the time a Dijkstra over the same roads gives, from the same root
 * summing edge by edge in the same order, with 1 to 6 landmarks, with roads closed and with a
 * limit.
 */
import { describe, expect, it } from 'vitest';
import { makeStream } from '../../src/sim/random.ts';
import { BoundedSearch, landmarkTable } from '../../src/sim/roadSearch.ts';
import { buildAdjacency, MinHeap, type Adjacency } from '../../src/sim/searchParts.ts';

const NODES = 400;
const stream = makeStream(7, 'landmark-bound-test');
const nodeX = Float64Array.from({ length: NODES }, () => stream.next() * 10_000);
const nodeY = Float64Array.from({ length: NODES }, () => stream.next() * 10_000);
// Each node joined to a few others nearby-ish, some roads one way; times of odd lengths (so
// that sums round) at least the straight line at 20 m/s.
const edges: Array<{ from: number; to: number; oneWay: boolean }> = [];
for (let from = 0; from < NODES; from++) {
  for (let j = 0; j < 3; j++) {
    const to = (from + 1 + Math.floor(stream.next() * 40)) % NODES;
    edges.push({ from, to, oneWay: stream.next() < 0.2 });
  }
}
const edgeSeconds = Float64Array.from(edges, ({ from, to }) => {
  const straight = Math.hypot(nodeX[from] - nodeX[to], nodeY[from] - nodeY[to]);
  return (straight / 20) * (1 + stream.next() / 3) + stream.next() / 7;
});
const secondsPerMetre = 1 / 20;
const forward = buildAdjacency(NODES, edges, false);
const reverse = buildAdjacency(NODES, edges, true);

/** Dijkstra from `root` over `adjacency` (times summed from the root, as the search sums). */
function dijkstra(root: number, adjacency: Adjacency, closed: Uint16Array): Float64Array {
  const seconds = new Float64Array(NODES).fill(Infinity);
  const heap = new MinHeap(NODES);
  seconds[root] = 0;
  heap.push(root, 0);
  for (let node = heap.pop(); node >= 0; node = heap.pop()) {
    for (let k = adjacency.offsets[node]; k < adjacency.offsets[node + 1]; k++) {
      const edge = adjacency.edges[k];
      if (closed[edge]) continue;
      const candidate = seconds[node] + edgeSeconds[edge];
      if (candidate < seconds[adjacency.targets[k]]) {
        seconds[adjacency.targets[k]] = candidate;
        heap.push(adjacency.targets[k], candidate);
      }
    }
  }
  return seconds;
}

describe('the landmark bound, however many landmarks', () => {
  const closed = new Uint16Array(edges.length);
  for (let e = 0; e < edges.length; e += 11) closed[e] = 1;
  const open = new Uint16Array(edges.length);
  const roots = Array.from({ length: 12 }, () => Math.floor(stream.next() * NODES));
  const goals = Array.from({ length: 12 }, () => Math.floor(stream.next() * NODES));
  const landmarkNodes = [3, 97, 181, 260, 333, 399];

  for (const [label, roads] of [
    ['all roads open', open],
    ['roads closed', closed],
  ] as const) {
    it(`1 to 6 landmarks, ${label}: the Dijkstra's time, bit for bit`, () => {
      const trees = landmarkNodes.map((node) => ({
        from: dijkstra(node, forward, roads),
        to: dijkstra(node, reverse, roads),
      }));
      const search = new BoundedSearch(nodeX, nodeY);
      let reached = 0;
      for (const root of roots) {
        // The search runs from the trip's end over the reversed roads (as the road graph does).
        const exact = dijkstra(root, reverse, roads);
        for (const goal of goals) {
          if (exact[goal] < Infinity) reached++;
          for (let count = 1; count <= trees.length; count++) {
            const table = landmarkTable(trees.slice(0, count), NODES);
            const found = search.run(
              root,
              goal,
              Infinity,
              reverse,
              edgeSeconds,
              roads,
              secondsPerMetre,
              table,
            );
            expect(found, `${root}→${goal}, ${count} landmarks`).toBe(exact[goal]);
            // With a limit below it: the exact time or Infinity (past the limit, either may come).
            const limit = exact[goal] * 0.9;
            const limited = search.run(
              root,
              goal,
              limit,
              reverse,
              edgeSeconds,
              roads,
              secondsPerMetre,
              table,
            );
            expect([exact[goal], Infinity]).toContain(limited);
          }
        }
      }
      expect(reached).toBeGreaterThan(100);
    });
  }
});
