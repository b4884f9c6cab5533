/**
 * The road-graph travel model: shortest paths by time over the scenario's roads, with speeds per
 * road class and hour (hours with the same speeds share a band), an emergency-lane factor and
 * road closures. Trips to or from bases read cached shortest-path trees (Dijkstra); other trips
 * run a bounded A* search (roadSearch.ts), steered by the bases whose trees are cached.
 */
import type { Travel } from '../scenarios/schema.ts';
import type { Calendar } from './calendar.ts';
import { cos } from '../lib/detmath.ts';
import { haversineMetres, NearestPointIndex, type LonLat } from '../lib/geo.ts';
import { speedFactor, type Drive } from './drive.ts';
import type { TravelModel } from './travel.ts';
import { BoundedSearch, landmarkTable, type LandmarkTable } from './roadSearch.ts';
import { buildAdjacency, MinHeap, type Adjacency } from './searchParts.ts';

type RoadGraphSpec = Extract<Travel, { model: 'roadGraph' }>;

/** Shortest-path tree: travel seconds to or from the root, and each node's next hop. */
interface PathTree {
  seconds: Float64Array;
  nextHop: Int32Array;
}

/** Anchors used as landmarks at most (each costs 16 bytes a node and speed band). */
const MAX_LANDMARK_ANCHORS = 32;

/**
 * Landmarks on the network's edge, added once a band has had OUTER_AFTER_SEARCHES searches
 * without a limit (a unit come free sent to a waiting call, from where it is):
 * at most OUTER_LANDMARKS a band, and no more than OUTER_BYTES for their trees in all bands
 * together (16 bytes a node): a big imported network with many speed bands gets fewer of them
 * in its later bands, never hundreds of megabytes (the times found are the same either way).
 */
const OUTER_LANDMARKS = 16;
const OUTER_AFTER_SEARCHES = 256;
const OUTER_BYTES = 48 * 1024 * 1024;

/** Memory for cached shortest-path trees (12 bytes a node each). */
const TREE_CACHE_BYTES = 256 * 1024 * 1024;

export class RoadGraphTravel implements TravelModel {
  readonly noiseCv: number;
  private readonly nodes: readonly LonLat[];
  private readonly nodeIndex: NearestPointIndex;
  /** For each hour of the day, its speed band (hours with identical speeds share one band). */
  private readonly bandOfHour: Int32Array;
  /** Per band, per edge: seconds to drive it at normal speed. */
  private readonly edgeSeconds: Float64Array[];
  /** How many reasons keep each edge closed (0 = open). */
  private readonly closed: Uint16Array;
  // Compressed adjacency, forward and reverse: for node n, entries offsets[n]..offsets[n+1].
  private readonly forward: Adjacency;
  private readonly reverse: Adjacency;
  private readonly anchors = new Set<number>();
  /** Per node: its number among the anchors, in the order anchored (−1: not an anchor). */
  private readonly anchorNumber: Int32Array;
  /** Shortest-path trees by (root, band, direction), oldest first. */
  private readonly trees = new Map<number, PathTree>();
  /**
   * The cached trees of anchors, also by (anchor number, band, direction) in an array: a trip to
   * or from a base looks its tree up without hashing (a dispatch weighs every base).
   */
  private anchorTrees: Array<PathTree | undefined> = [];
  private readonly bands: number;
  /** The speed band at the last time asked (events at one time ask many times). */
  private bandTime = NaN;
  private bandThen = 0;
  private readonly maxTrees: number;
  private readonly recentTrips = new Map<number, number>();
  private readonly nodeX: Float64Array;
  private readonly nodeY: Float64Array;
  private readonly secondsPerMetre: number[];
  private search: BoundedSearch | null = null;
  /** Per speed band: the landmarks of the A* (see `landmarks`), and the tree count they saw. */
  private readonly landmarkTables = new Map<
    number,
    {
      trees: number;
      roots: number[];
      table: LandmarkTable | null;
      outer: ReadonlyArray<unknown> | null;
    }
  >();
  /** Per speed band: the landmarks on the network's edge (see `outerLandmarks`). */
  private readonly outer = new Map<number, Array<{ from: Float64Array; to: Float64Array }>>();
  private outerBytes = 0;
  /**
   * Per speed band: searches without a limit between places that are not bases, since roads
   * last closed (those with a limit mostly end at once, on the bases' landmarks).
   */
  private readonly searchesInBand: number[] = [];
  /** Counts the changes of closed roads (for `epoch`). */
  private closures = 0;

  constructor(
    private readonly spec: RoadGraphSpec,
    private readonly calendar: Calendar,
  ) {
    this.nodes = spec.nodes;
    this.noiseCv = spec.noiseCv;
    this.nodeIndex = new NearestPointIndex(spec.nodes);
    const classes = Object.keys(spec.roadClasses);
    const factorOf = (roadClass: string, hour: number) =>
      spec.roadClasses[roadClass].hourFactors?.[hour] ?? 1;
    const bandKeys: string[] = [];
    this.bandOfHour = new Int32Array(24);
    for (let hour = 0; hour < 24; hour++) {
      const key = classes.map((c) => factorOf(c, hour)).join(',');
      let band = bandKeys.indexOf(key);
      if (band < 0) band = bandKeys.push(key) - 1;
      this.bandOfHour[hour] = band;
    }
    this.bands = bandKeys.length;
    this.anchorNumber = new Int32Array(spec.nodes.length).fill(-1);
    const lengths = spec.edges.map(
      (edge) => edge.lengthM ?? haversineMetres(spec.nodes[edge.from], spec.nodes[edge.to]),
    );
    this.edgeSeconds = bandKeys.map((_, band) => {
      const hour = this.bandOfHour.indexOf(band);
      return Float64Array.from(spec.edges, (edge, i) => {
        const speed = spec.roadClasses[edge.roadClass].speedKmh * factorOf(edge.roadClass, hour);
        return lengths[i] / (speed / 3.6);
      });
    });
    // For A*: node positions in metres on a local plane, and per band the fewest seconds per
    // metre of straight line any edge allows, so that distance × rate never overestimates.
    const meanLat = spec.nodes.reduce((sum, node) => sum + node[1], 0) / spec.nodes.length;
    const metresPerDegree = 111_194.93;
    const lonScale = metresPerDegree * cos((meanLat * Math.PI) / 180);
    this.nodeX = Float64Array.from(spec.nodes, (node) => node[0] * lonScale);
    this.nodeY = Float64Array.from(spec.nodes, (node) => node[1] * metresPerDegree);
    this.secondsPerMetre = this.edgeSeconds.map((seconds) => {
      let rate = Infinity;
      spec.edges.forEach((edge, i) => {
        const dx = this.nodeX[edge.from] - this.nodeX[edge.to];
        const dy = this.nodeY[edge.from] - this.nodeY[edge.to];
        const straight = Math.sqrt(dx * dx + dy * dy);
        if (straight > 0) rate = Math.min(rate, seconds[i] / straight);
      });
      // A margin for the plane's small distortion over a city.
      return rate < Infinity ? rate * 0.99 : 0;
    });
    this.closed = new Uint16Array(spec.edges.length);
    this.maxTrees = Math.max(16, Math.floor(TREE_CACHE_BYTES / (12 * spec.nodes.length)));
    this.forward = buildAdjacency(spec.nodes.length, spec.edges, false);
    this.reverse = buildAdjacency(spec.nodes.length, spec.edges, true);
  }

  placeOf(point: LonLat): number {
    return this.nodeIndex.nearest(point);
  }

  coordinates(place: number): LonLat {
    return this.nodes[place];
  }

  anchor(place: number): void {
    if (this.anchors.has(place)) return;
    this.anchorNumber[place] = this.anchors.size;
    this.anchors.add(place);
  }

  epoch(time: number): number {
    return this.closures * 64 + this.band(time);
  }

  /** The speed band at a time. */
  private band(time: number): number {
    if (time !== this.bandTime) {
      this.bandThen = this.bandOfHour[this.calendar.hourOfDay(time)];
      this.bandTime = time;
    }
    return this.bandThen;
  }

  seconds(from: number, to: number, time: number, drive: Drive, limit = Infinity): number {
    if (from === to) return 0;
    const band = this.band(time);
    const factor = speedFactor(drive, this.spec);
    const overhead = this.spec.tripOverheadSeconds;
    let normal: number;
    if (this.anchorNumber[to] >= 0) normal = this.tree(to, band, true).seconds[from];
    else if (this.anchorNumber[from] >= 0) normal = this.tree(from, band, false).seconds[to];
    else normal = this.pointToPoint(from, to, band, (limit - overhead) * factor);
    return normal / factor + overhead;
  }

  /**
   * A trip between two places that are not bases (a unit on its way home sent to a new
   * incident): A* from the destination on the reversed graph, stopped as soon as the
   * origin is settled or the search passes `limit`. The last answers are remembered, so that
   * weighing a unit and then dispatching it costs one search.
   */
  private pointToPoint(from: number, to: number, band: number, limit: number): number {
    const key = (from * this.nodes.length + to) * 64 + band;
    const known = this.recentTrips.get(key);
    if (known !== undefined) return known;
    if (this.recentTrips.size >= 4096) this.recentTrips.clear();
    const search = (this.search ??= new BoundedSearch(this.nodeX, this.nodeY));
    const result = search.run(
      to,
      from,
      limit,
      this.reverse,
      this.edgeSeconds[band],
      this.closed,
      this.secondsPerMetre[band],
      this.landmarks(band, limit === Infinity),
    );
    if (result < Infinity || limit === Infinity) this.recentTrips.set(key, result);
    return result;
  }

  /**
   * The landmarks of the band's searches: those on the network's edge once the band has had
   * OUTER_AFTER_SEARCHES searches without a limit (`counted`), then the anchors whose trees from and to them are both
   * cached (in the order they were anchored; MAX_LANDMARK_ANCHORS landmarks in all at most),
   * laid out node by node; looked over again whenever a tree was added, rebuilt when the set
   * changed. Closures empty the tree cache, and with it these tables.
   */
  private landmarks(band: number, counted: boolean): LandmarkTable | null {
    const searches = (this.searchesInBand[band] ?? 0) + (counted ? 1 : 0);
    this.searchesInBand[band] = searches;
    const known = this.landmarkTables.get(band);
    const outer = searches >= OUTER_AFTER_SEARCHES ? this.outerLandmarks(band) : null;
    if (known && known.trees === this.trees.size && known.outer === outer) return known.table;
    const roots: number[] = [];
    const trees: Array<{ from: Float64Array; to: Float64Array }> = [];
    if (outer) {
      for (const tree of outer) {
        roots.push(-1 - roots.length);
        trees.push(tree);
      }
    }
    for (const anchor of this.anchors) {
      if (roots.length === MAX_LANDMARK_ANCHORS) break;
      const from = this.trees.get((anchor * 64 + band) * 2);
      const to = this.trees.get((anchor * 64 + band) * 2 + 1);
      if (from && to) {
        roots.push(anchor);
        trees.push({ from: from.seconds, to: to.seconds });
      }
    }
    const same = known && known.roots.join() === roots.join();
    const table = same
      ? known.table
      : roots.length > 0
        ? landmarkTable(trees, this.nodes.length)
        : null;
    this.landmarkTables.set(band, { trees: this.trees.size, roots, table, outer });
    return table;
  }

  /**
   * Landmarks on the edge of the network (the bases are often in its middle, where they bound
   * little): each the node farthest by road from the bases' trees and the landmarks before it.
   * Their trees (from and to) are kept apart from the cache, per band, until roads close.
   */
  private outerLandmarks(band: number): Array<{ from: Float64Array; to: Float64Array }> {
    const known = this.outer.get(band);
    if (known) return known;
    const count = this.nodes.length;
    const nearest = new Float64Array(count).fill(Infinity);
    const lower = (from: Float64Array) => {
      for (let node = 0; node < count; node++) {
        if (from[node] < nearest[node]) nearest[node] = from[node];
      }
    };
    for (const anchor of this.anchors) {
      const tree = this.trees.get((anchor * 64 + band) * 2);
      if (tree) lower(tree.seconds);
    }
    const outer: Array<{ from: Float64Array; to: Float64Array }> = [];
    const room = Math.floor((OUTER_BYTES - this.outerBytes) / (16 * count));
    const wanted = Math.min(OUTER_LANDMARKS, room);
    for (let l = 0; l < wanted; l++) {
      let pick = -1;
      for (let node = 0; node < count; node++) {
        const far = nearest[node];
        if (far < Infinity && (pick < 0 || far > nearest[pick])) pick = node;
      }
      if (pick < 0 || nearest[pick] === 0) break;
      const from = this.dijkstra(pick, band, this.forward).seconds;
      const to = this.dijkstra(pick, band, this.reverse).seconds;
      outer.push({ from, to });
      this.outerBytes += 16 * count;
      lower(from);
    }
    this.outer.set(band, outer);
    return outer;
  }

  positionAfter(from: number, to: number, departure: number, elapsed: number): number {
    const band = this.band(departure);
    const toward = this.tree(to, band, true);
    const total = toward.seconds[from];
    if (!(total < Infinity)) return from;
    let node = from;
    while (node !== to && toward.seconds[node] > total - elapsed) node = toward.nextHop[node];
    return node;
  }

  setEdgesClosed(edges: readonly number[], closed: boolean): void {
    // A count per edge: a road closed for two reasons reopens when both are over.
    for (const edge of edges) {
      this.closed[edge] = closed ? this.closed[edge] + 1 : Math.max(0, this.closed[edge] - 1);
    }
    this.trees.clear();
    this.anchorTrees = [];
    this.landmarkTables.clear();
    this.outer.clear();
    this.outerBytes = 0;
    this.searchesInBand.length = 0;
    this.recentTrips.clear();
    this.closures++;
  }

  /** Shortest-path tree from `root` (or, with `inbound`, to `root`) in a speed band, cached. */
  private tree(root: number, band: number, inbound: boolean): PathTree {
    const anchor = this.anchorNumber[root];
    const slot = anchor >= 0 ? (anchor * this.bands + band) * 2 + (inbound ? 1 : 0) : -1;
    if (slot >= 0) {
      const known = this.anchorTrees[slot];
      if (known) return known;
    }
    const key = (root * 64 + band) * 2 + (inbound ? 1 : 0);
    let tree = this.trees.get(key);
    if (!tree) {
      // Bounded memory: past the budget the oldest tree goes (it is rebuilt if needed again).
      if (this.trees.size >= this.maxTrees) this.forget(this.trees.keys().next().value!);
      tree = this.dijkstra(root, band, inbound ? this.reverse : this.forward);
      this.trees.set(key, tree);
    }
    if (slot >= 0) this.anchorTrees[slot] = tree;
    return tree;
  }

  /** Drops a cached tree by its key in `trees` (and from `anchorTrees`). */
  private forget(key: number): void {
    this.trees.delete(key);
    const anchor = this.anchorNumber[Math.floor(key / 128)];
    if (anchor >= 0) {
      this.anchorTrees[(anchor * this.bands + (Math.floor(key / 2) % 64)) * 2 + (key % 2)] =
        undefined;
    }
  }

  private dijkstra(root: number, band: number, adjacency: Adjacency): PathTree {
    const count = this.nodes.length;
    const seconds = new Float64Array(count).fill(Infinity);
    const nextHop = new Int32Array(count).fill(-1);
    const edgeSeconds = this.edgeSeconds[band];
    const heap = new MinHeap(count);
    seconds[root] = 0;
    heap.push(root, 0);
    for (let node = heap.pop(); node >= 0; node = heap.pop()) {
      const base = seconds[node];
      for (let k = adjacency.offsets[node]; k < adjacency.offsets[node + 1]; k++) {
        const edge = adjacency.edges[k];
        if (this.closed[edge]) continue;
        const neighbour = adjacency.targets[k];
        const candidate = base + edgeSeconds[edge];
        if (candidate < seconds[neighbour]) {
          seconds[neighbour] = candidate;
          nextHop[neighbour] = node;
          heap.push(neighbour, candidate);
        }
      }
    }
    return { seconds, nextHop };
  }
}
