/** Road-graph helpers shared by the scenario tests. */
import type { Scenario } from '../../src/scenarios/schema.ts';

export function roadGraph(scenario: Scenario) {
  if (scenario.travel.model !== 'roadGraph') throw new Error('expected a road graph');
  return scenario.travel;
}

/** Nodes reached from node 0 by breadth-first search, edges taken both ways. */
export function reachable(scenario: Scenario): number {
  const { nodes, edges } = roadGraph(scenario);
  const neighbours: number[][] = nodes.map(() => []);
  for (const { from, to } of edges) {
    neighbours[from].push(to);
    neighbours[to].push(from);
  }
  const seen = new Uint8Array(nodes.length);
  const queue = [0];
  seen[0] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const next of neighbours[queue[head]]) {
      if (!seen[next]) {
        seen[next] = 1;
        queue.push(next);
      }
    }
  }
  return queue.length;
}
