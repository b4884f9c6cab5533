/**
 * What the road searches are built of: compressed adjacency lists of the road graph and a binary
 * min-heap of nodes by key (also used by the replay's routes and the calibration's trips).
 */

export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
  edges: Int32Array;
}

/** Compressed adjacency lists; `reversed` lists, for each node, the edges that arrive at it. */
export function buildAdjacency(
  nodeCount: number,
  edges: ReadonlyArray<{ from: number; to: number; oneWay: boolean }>,
  reversed: boolean,
): Adjacency {
  const pairs: Array<[number, number, number]> = [];
  edges.forEach((edge, index) => {
    const [a, b] = reversed ? [edge.to, edge.from] : [edge.from, edge.to];
    pairs.push([a, b, index]);
    if (!edge.oneWay) pairs.push([b, a, index]);
  });
  const offsets = new Int32Array(nodeCount + 1);
  for (const [a] of pairs) offsets[a + 1]++;
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n];
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(pairs.length);
  const edgeIds = new Int32Array(pairs.length);
  for (const [a, b, index] of pairs) {
    const at = fill[a]++;
    targets[at] = b;
    edgeIds[at] = index;
  }
  return { offsets, targets, edges: edgeIds };
}

/** Binary min-heap of node ids by key, with duplicates allowed (stale entries are skipped). */
export class MinHeap {
  size = 0;
  private nodes: Int32Array;
  private keys: Float64Array;
  /** A node is settled when its stamp equals the current round. */
  private readonly settled: Int32Array;
  private round = 1;
  /** The key the node `pop` returned last came out with. */
  poppedKey = 0;

  constructor(nodeCount: number) {
    this.nodes = new Int32Array(Math.max(16, nodeCount));
    this.keys = new Float64Array(Math.max(16, nodeCount));
    this.settled = new Int32Array(nodeCount);
  }

  /** Empties the heap and forgets which nodes were settled. */
  reset(): void {
    this.size = 0;
    this.round++;
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.nodes[i] = this.nodes[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  /**
   * Removes and returns the node with the smallest key (in `poppedKey`), or −1 when empty: for
   * a search that tells an outdated entry by its key, and may take a node out more than once.
   */
  popAny(): number {
    if (this.size === 0) return -1;
    const top = this.nodes[0];
    this.poppedKey = this.keys[0];
    const lastNode = this.nodes[--this.size];
    const lastKey = this.keys[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= lastKey) break;
      this.nodes[i] = this.nodes[child];
      this.keys[i] = this.keys[child];
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }

  /** Removes and returns the unsettled node with the smallest key, or −1 when none is left. */
  pop(): number {
    while (this.size > 0) {
      const top = this.nodes[0];
      const topKey = this.keys[0];
      const lastNode = this.nodes[--this.size];
      const lastKey = this.keys[this.size];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= this.size) break;
        if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
        if (this.keys[child] >= lastKey) break;
        this.nodes[i] = this.nodes[child];
        this.keys[i] = this.keys[child];
        i = child;
      }
      this.nodes[i] = lastNode;
      this.keys[i] = lastKey;
      if (this.settled[top] !== this.round) {
        this.settled[top] = this.round;
        this.poppedKey = topKey;
        return top;
      }
    }
    return -1;
  }
}
