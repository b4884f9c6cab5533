/**
 * The road graph's single-pair A* of trips that neither start nor end at a base (the heap and
 * the adjacency lists it is built of are in searchParts.ts). The A* steers by the larger of two lower
 * bounds: the straight line at the fastest road's speed, and the triangle inequality through
 * landmarks (bases whose shortest-path trees are cached). Both bounds are consistent with a
 * margin far above rounding, so the search settles the goal at exactly the time a full Dijkstra
 * from the same root finds (the same sum, edge by edge, in the same order): a better bound only
 * makes it settle fewer nodes.
 */
import { MinHeap, type Adjacency } from './searchParts.ts';

/**
 * Landmarks' shortest-path trees, node by node (one node's values side by side, so that a
 * search reads them from one place): for landmark l, `values[(node * count + l) * 2]` is the
 * time from the landmark to the node and `[... + 1]` the time from the node to the landmark,
 * over the roads as driven (forward). The time from a goal g to a node v is then at least
 * from(v) − from(g) and at least to(g) − to(v).
 */
export interface LandmarkTable {
  count: number;
  values: Float64Array;
}

/** Lays the trees (time from, time to, per landmark) out node by node. */
export function landmarkTable(
  trees: ReadonlyArray<{ from: Float64Array; to: Float64Array }>,
  nodeCount: number,
): LandmarkTable {
  const count = trees.length;
  const values = new Float64Array(nodeCount * count * 2);
  for (let l = 0; l < count; l++) {
    const { from, to } = trees[l];
    for (let node = 0, at = l * 2; node < nodeCount; node++, at += count * 2) {
      values[at] = from[node];
      values[at + 1] = to[node];
    }
  }
  return { count, values };
}

/**
 * The landmark bounds are scaled down by this factor: consistent in exact arithmetic, they are
 * then consistent with a margin of a ten-millionth of an edge's time, many orders of magnitude
 * above the rounding of the trees' sums (so that no node is settled before its shortest time).
 */
const LANDMARK_MARGIN = 1 - 1e-7;

const EMPTY = new Float64Array(0);

/** After the goal is reached, keys up to this share above its time are still searched. */
const TIE_MARGIN = 1e-9;

/** Landmarks a search uses at most (the ones with the largest bound at its root). */
export const MAX_LANDMARKS = 4;

/**
 * Single-pair A* search with reusable arrays (stamps mark what this search has touched), run
 * from `root` over the reversed roads toward `goal` (a trip from `goal` to `root`). The
 * heuristic never overestimates the time left and is consistent, so the answer is the shortest
 * time.
 */
export class BoundedSearch {
  private readonly seconds: Float64Array;
  private readonly stamp: Int32Array;
  /** Per node touched: the lower bound of the time left from it (the heap's key less the time). */
  private readonly bounds: Float64Array;
  private generation = 0;
  private readonly heap: MinHeap;
  /** The landmarks in use and their values at the goal (scratch of `run`). */
  private readonly marks: number[] = [];
  private readonly best: number[] = [];
  private readonly fromGoal: number[] = [];
  private readonly toGoal: number[] = [];

  constructor(
    private readonly nodeX: Float64Array,
    private readonly nodeY: Float64Array,
  ) {
    this.seconds = new Float64Array(nodeX.length);
    this.stamp = new Int32Array(nodeX.length);
    this.bounds = new Float64Array(nodeX.length);
    this.heap = new MinHeap(nodeX.length);
  }

  /**
   * Shortest time between `root` and `goal` over `adjacency`, or Infinity beyond `limit`.
   * `landmarks` are candidates: the search keeps the MAX_LANDMARKS whose bound at the root is
   * largest and better than the straight line's; with none, it is the straight line's search.
   */
  run(
    root: number,
    goal: number,
    limit: number,
    adjacency: Adjacency,
    edgeSeconds: Float64Array,
    closed: Uint16Array,
    secondsPerMetre: number,
    landmarks: LandmarkTable | null = null,
  ): number {
    const generation = ++this.generation;
    const { seconds, stamp, bounds, heap, nodeX, nodeY } = this;
    const goalX = nodeX[goal];
    const goalY = nodeY[goal];
    const rx = nodeX[root] - goalX;
    const ry = nodeY[root] - goalY;
    const count = this.chooseLandmarks(
      root,
      goal,
      landmarks,
      Math.sqrt(rx * rx + ry * ry) * secondsPerMetre,
      limit,
    );
    if (count < 0) return Infinity; // a landmark shows the trip to be past the limit
    if (count === 0) {
      return this.straight(root, goal, limit, adjacency, edgeSeconds, closed, secondsPerMetre);
    }
    // The landmarks in locals (fewer than MAX_LANDMARKS: the first again, which bounds the same).
    const { marks, fromGoal, toGoal } = this;
    const m0 = marks[0];
    const m1 = marks[count > 1 ? 1 : 0];
    const m2 = marks[count > 2 ? 2 : 0];
    const m3 = marks[count > 3 ? 3 : 0];
    const f0 = fromGoal[0];
    const f1 = fromGoal[count > 1 ? 1 : 0];
    const f2 = fromGoal[count > 2 ? 2 : 0];
    const f3 = fromGoal[count > 3 ? 3 : 0];
    const t0 = toGoal[0];
    const t1 = toGoal[count > 1 ? 1 : 0];
    const t2 = toGoal[count > 2 ? 2 : 0];
    const t3 = toGoal[count > 3 ? 3 : 0];
    const table = landmarks?.values ?? EMPTY;
    const stride = (landmarks?.count ?? 0) * 2;
    heap.reset();
    seconds[root] = 0;
    // The root's own bound: a trip the landmarks show to be past the limit ends at once.
    bounds[root] = this.best[0] * LANDMARK_MARGIN;
    stamp[root] = generation;
    heap.push(root, bounds[root]);
    let found = Infinity;
    let stopAt = Infinity;
    const { offsets, targets, edges } = adjacency;
    for (let node = heap.popAny(); node >= 0; node = heap.popAny()) {
      const key = heap.poppedKey;
      if (key > stopAt) break;
      const base = seconds[node];
      if (key !== base + bounds[node]) continue; // pushed again since with a shorter time
      if (node === goal) {
        // Paths of the same length whose sums round apart by the last bit: whatever may still
        // come in under the goal's time (plus far more than rounding) is searched, so that the
        // goal keeps the smallest sum, as a Dijkstra would give it.
        found = base;
        stopAt = base + base * TIE_MARGIN;
        continue;
      }
      // The key is the time so far plus the bound: past the limit, so is every node left.
      if (found === Infinity && key > limit) return Infinity;
      const end = offsets[node + 1];
      for (let k = offsets[node]; k < end; k++) {
        const edge = edges[k];
        if (closed[edge] !== 0) continue;
        const neighbour = targets[k];
        const candidate = base + edgeSeconds[edge];
        let bound: number;
        if (stamp[neighbour] !== generation) {
          stamp[neighbour] = generation;
          const ex = nodeX[neighbour] - goalX;
          const ey = nodeY[neighbour] - goalY;
          bound = Math.sqrt(ex * ex + ey * ey) * secondsPerMetre;
          // The largest landmark difference, scaled once (scaling keeps the order, so this is
          // the largest of the scaled differences). NaN (both sides unreachable from the
          // landmark) bounds nothing and fails every test.
          const at = neighbour * stride;
          let far = -Infinity;
          let d = table[at + m0] - f0;
          if (d > far) far = d;
          d = t0 - table[at + m0 + 1];
          if (d > far) far = d;
          d = table[at + m1] - f1;
          if (d > far) far = d;
          d = t1 - table[at + m1 + 1];
          if (d > far) far = d;
          d = table[at + m2] - f2;
          if (d > far) far = d;
          d = t2 - table[at + m2 + 1];
          if (d > far) far = d;
          d = table[at + m3] - f3;
          if (d > far) far = d;
          d = t3 - table[at + m3 + 1];
          if (d > far) far = d;
          far *= LANDMARK_MARGIN;
          if (far > bound) bound = far;
          bounds[neighbour] = bound;
        } else {
          if (!(candidate < seconds[neighbour])) continue;
          bound = bounds[neighbour];
        }
        seconds[neighbour] = candidate;
        // An infinite bound: the goal cannot reach this node, so no trip from it passes here.
        if (bound < Infinity) heap.push(neighbour, candidate + bound);
      }
    }
    return found;
  }

  /** The search by the straight line alone (no landmark bounds more): stops at the goal. */
  private straight(
    root: number,
    goal: number,
    limit: number,
    adjacency: Adjacency,
    edgeSeconds: Float64Array,
    closed: Uint16Array,
    secondsPerMetre: number,
  ): number {
    const { seconds, stamp, heap, nodeX, nodeY, generation } = this;
    const goalX = nodeX[goal];
    const goalY = nodeY[goal];
    heap.reset();
    seconds[root] = 0;
    stamp[root] = generation;
    heap.push(root, 0);
    for (let node = heap.pop(); node >= 0; node = heap.pop()) {
      const base = seconds[node];
      if (node === goal) return base;
      const dx = nodeX[node] - goalX;
      const dy = nodeY[node] - goalY;
      if (base + Math.sqrt(dx * dx + dy * dy) * secondsPerMetre > limit) return Infinity;
      for (let k = adjacency.offsets[node]; k < adjacency.offsets[node + 1]; k++) {
        const edge = adjacency.edges[k];
        if (closed[edge]) continue;
        const neighbour = adjacency.targets[k];
        const candidate = base + edgeSeconds[edge];
        if (stamp[neighbour] !== generation || candidate < seconds[neighbour]) {
          stamp[neighbour] = generation;
          seconds[neighbour] = candidate;
          const ex = nodeX[neighbour] - goalX;
          const ey = nodeY[neighbour] - goalY;
          heap.push(neighbour, candidate + Math.sqrt(ex * ex + ey * ey) * secondsPerMetre);
        }
      }
    }
    return Infinity;
  }

  /**
   * Keeps the landmarks with the largest bounds at the root, above `straight` (their offsets
   * in a node's values in `marks`, their values at the goal beside); returns their count, or
   * −1 as soon as one of them shows the trip to be past `limit`.
   */
  private chooseLandmarks(
    root: number,
    goal: number,
    landmarks: LandmarkTable | null,
    straight: number,
    limit: number,
  ): number {
    if (!landmarks) return 0;
    const { marks, fromGoal, toGoal, best } = this;
    const values = landmarks.values;
    const stride = landmarks.count * 2;
    const atRoot = root * stride;
    const atGoal = goal * stride;
    let count = 0;
    for (let offset = 0; offset < stride; offset += 2) {
      const ahead = values[atRoot + offset] - values[atGoal + offset];
      const behind = values[atGoal + offset + 1] - values[atRoot + offset + 1];
      let bound = ahead > behind ? ahead : behind;
      if (!(bound > straight)) continue; // also NaN
      // The bound the search would give the root: past the limit, it would end there.
      if (bound * LANDMARK_MARGIN > limit) return -1;
      if (bound === Infinity) bound = Number.MAX_VALUE; // unreachable: any landmark says so
      let at = count < MAX_LANDMARKS ? count++ : MAX_LANDMARKS;
      while (at > 0 && best[at - 1] < bound) {
        if (at < MAX_LANDMARKS) {
          best[at] = best[at - 1];
          marks[at] = marks[at - 1];
        }
        at--;
      }
      if (at < MAX_LANDMARKS) {
        best[at] = bound;
        marks[at] = offset;
      }
    }
    for (let m = 0; m < count; m++) {
      fromGoal[m] = values[atGoal + marks[m]];
      toGoal[m] = values[atGoal + marks[m] + 1];
    }
    return count;
  }
}
