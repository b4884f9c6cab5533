/**
 * The roads a unit drove, for the replay's map: the fastest path over the road graph between two
 * road nodes, at the speeds of the hour it left and with the roads closed at that moment, as the
 * simulator chose it (roadGraph.ts keeps only times, not paths). Pure and deterministic.
 */
import type { ExternalEvent, Travel } from '../../scenarios/schema.ts';
import type { Calendar } from '../calendar.ts';
import { haversineMetres } from '../../lib/geo.ts';
import { MinHeap } from '../searchParts.ts';

type RoadGraphSpec = Extract<Travel, { model: 'roadGraph' }>;

export class RoadRouter {
  private readonly edgeSecondsByHour: Float64Array[] = [];
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;
  private readonly edgeOf: Int32Array;
  /** Road closures as (time, edges, +1 closes / −1 reopens), in time order. */
  private readonly closureChanges: ClosureChange[];
  private closedCache: { changes: number; closed: Uint16Array } | null = null;

  constructor(
    private readonly spec: RoadGraphSpec,
    private readonly calendar: Calendar,
    events: readonly ExternalEvent[],
  ) {
    const lengths = spec.edges.map(
      (edge) => edge.lengthM ?? haversineMetres(spec.nodes[edge.from], spec.nodes[edge.to]),
    );
    for (let hour = 0; hour < 24; hour++) {
      this.edgeSecondsByHour.push(
        Float64Array.from(spec.edges, (edge, i) => {
          const roadClass = spec.roadClasses[edge.roadClass];
          const speed = roadClass.speedKmh * (roadClass.hourFactors?.[hour] ?? 1);
          return lengths[i] / (speed / 3.6);
        }),
      );
    }
    const pairs: Array<[number, number, number]> = [];
    spec.edges.forEach((edge, index) => {
      pairs.push([edge.from, edge.to, index]);
      if (!edge.oneWay) pairs.push([edge.to, edge.from, index]);
    });
    const nodeCount = spec.nodes.length;
    this.offsets = new Int32Array(nodeCount + 1);
    for (const [from] of pairs) this.offsets[from + 1]++;
    for (let n = 0; n < nodeCount; n++) this.offsets[n + 1] += this.offsets[n];
    const fill = this.offsets.slice(0, nodeCount);
    this.targets = new Int32Array(pairs.length);
    this.edgeOf = new Int32Array(pairs.length);
    for (const [from, to, edge] of pairs) {
      const at = fill[from]++;
      this.targets[at] = to;
      this.edgeOf[at] = edge;
    }
    this.closureChanges = closureChanges(events);
  }

  /** The road nodes of the fastest path from one node to another, leaving at `departure`. */
  route(from: number, to: number, departure: number): number[] {
    const nodeCount = this.spec.nodes.length;
    if (!(from >= 0 && from < nodeCount && to >= 0 && to < nodeCount)) return [];
    if (from === to) return [from];
    const seconds = this.edgeSecondsByHour[this.calendar.hourOfDay(departure)];
    const closed = this.closedAt(departure);
    const best = new Float64Array(nodeCount).fill(Infinity);
    const previous = new Int32Array(nodeCount).fill(-1);
    const done = new Uint8Array(nodeCount);
    const heap = new MinHeap(nodeCount);
    best[from] = 0;
    heap.push(from, 0);
    for (let node = heap.pop(); node >= 0; node = heap.pop()) {
      done[node] = 1;
      if (node === to) break;
      for (let k = this.offsets[node]; k < this.offsets[node + 1]; k++) {
        const edge = this.edgeOf[k];
        if (closed[edge]) continue;
        const next = this.targets[k];
        const candidate = best[node] + seconds[edge];
        if (candidate < best[next]) {
          best[next] = candidate;
          previous[next] = node;
          heap.push(next, candidate);
        }
      }
    }
    if (!done[to]) return [from, to];
    const path = [to];
    for (let node = previous[to]; node >= 0; node = previous[node]) path.push(node);
    return path.reverse();
  }

  /** The route as lon, lat pairs. */
  polyline(from: number, to: number, departure: number): number[] {
    return this.route(from, to, departure).flatMap((node) => [...this.spec.nodes[node]]);
  }

  private closedAt(t: number): Uint16Array {
    let changes = 0;
    while (changes < this.closureChanges.length && this.closureChanges[changes].at <= t) changes++;
    if (this.closedCache?.changes !== changes) {
      this.closedCache = {
        changes,
        closed: countClosures(this.closureChanges.slice(0, changes), this.spec.edges.length),
      };
    }
    return this.closedCache.closed;
  }
}

/** A road closure starting (+1) or ending (−1). */
interface ClosureChange {
  at: number;
  edges: readonly number[];
  change: 1 | -1;
}

/** The scenario's road closures and reopenings (repairs included), in time order. */
function closureChanges(events: readonly ExternalEvent[]): ClosureChange[] {
  const changes: ClosureChange[] = [];
  for (const event of events) {
    if (event.type === 'closeRoad') changes.push({ at: event.at, edges: event.edges, change: 1 });
    if (event.type === 'openRoad') changes.push({ at: event.at, edges: event.edges, change: -1 });
    if (event.type === 'damageRoad') {
      changes.push({ at: event.at, edges: event.edges, change: 1 });
      changes.push({ at: event.at + event.repairSeconds, edges: event.edges, change: -1 });
    }
  }
  return changes.sort((a, b) => a.at - b.at);
}

function countClosures(changes: readonly ClosureChange[], edgeCount: number): Uint16Array {
  const closed = new Uint16Array(edgeCount);
  for (const { edges, change } of changes) {
    for (const edge of edges) closed[edge] = Math.max(0, closed[edge] + change);
  }
  return closed;
}
