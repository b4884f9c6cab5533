/**
 * The travel model fitted to observed trips by least squares. A trip's predicted time is
 *   overhead + Σ_c L_c · 3.6 / (v_c · f)
 * with L_c the metres driven on road class c along the model's quickest path from the base
 * (divided by the class's hour factor at departure), v_c the class's free-flow speed in km/h and
 * f the emergency (or non-emergency) speed factor. That is linear in the overhead and in 1/v_c,
 * so one least-squares solve gives them; as the quickest path depends on the speeds, the paths
 * are found again with the new speeds and the solve repeated until the speeds settle. Trips far
 * off the fit (a unit sent while on its way home, so not from its base; a typing error) are left
 * out by a robust cut at 4 robust standard deviations. A class with too little of the observed
 * driving (under 2 %) keeps its speed. The distance model has one speed; the matrix model is not
 * fitted.
 */
import { haversineMetres, manhattanMetres, NearestPointIndex } from '../lib/geo.ts';
import type { Scenario, Travel } from '../scenarios/schema.ts';
import { Calendar } from '../sim/calendar.ts';
import { MinHeap } from '../sim/searchParts.ts';
import type { ObservedTrip } from './observations.ts';

export interface TravelFit {
  model: Travel['model'];
  /** Free-flow speed per road class (distance model: the key `speedKmh`), km/h, as fitted. */
  speeds: Record<string, number>;
  overheadSeconds: number;
  /** Classes whose speed was fitted (the others kept theirs). */
  fittedClasses: string[];
  /** Trips used in the fit (after the robust cut) of those observed. */
  used: number;
  observed: number;
  /** Per observed trip: predicted travel with the scenario's values and with the fitted ones. */
  predictedBefore: number[];
  predictedAfter: number[];
}

/** Per trip, the seconds-per-(km/h) coefficient of each class: predicted = o + Σ a_c / v_c. */
type Design = Float64Array[];

const MIN_SHARE = 0.02;
const ROUNDS = 6;

type RoadSpec = Extract<Travel, { model: 'roadGraph' }>;
type DistanceSpec = Extract<Travel, { model: 'distance' }>;

function speedFactor(travel: RoadSpec | DistanceSpec, trip: ObservedTrip): number {
  return trip.emergency ? travel.emergencySpeedFactor : travel.nonEmergencySpeedFactor;
}

/** The design of the road graph at the given speeds: each trip's hour-weighted metres per class. */
function roadDesign(
  spec: RoadSpec,
  speeds: Record<string, number>,
  trips: readonly ObservedTrip[],
  calendar: Calendar,
  index: NearestPointIndex,
): { design: Design; sameNode: boolean[] } {
  const classes = Object.keys(spec.roadClasses);
  const classOf = Int32Array.from(spec.edges, (e) => classes.indexOf(e.roadClass));
  const lengths = Float64Array.from(
    spec.edges,
    (e) => e.lengthM ?? haversineMetres(spec.nodes[e.from], spec.nodes[e.to]),
  );
  const count = spec.nodes.length;
  const adjacency: number[][] = Array.from({ length: count }, () => []);
  spec.edges.forEach((edge, e) => {
    adjacency[edge.from].push(e);
    if (!edge.oneWay) adjacency[edge.to].push(e);
  });
  const factor = (c: number, hour: number) => spec.roadClasses[classes[c]].hourFactors?.[hour] ?? 1;
  const C = classes.length;
  const design: Design = trips.map(() => new Float64Array(C));
  const sameNode: boolean[] = [];
  // Trips grouped by (base node, hour): one tree each.
  const groups = new Map<number, number[]>();
  trips.forEach((trip, i) => {
    const from = index.nearest(trip.from);
    const to = index.nearest(trip.to);
    sameNode[i] = from === to;
    const key = from * 24 + calendar.hourOfDay(trip.departure);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const seconds = new Float64Array(count);
  const metres = new Float64Array(count * C);
  const heap = new MinHeap(count);
  for (const [key, members] of groups) {
    const root = Math.floor(key / 24);
    const hour = key % 24;
    const edgeSeconds = Float64Array.from(
      spec.edges,
      (_, e) => lengths[e] / ((speeds[classes[classOf[e]]] * factor(classOf[e], hour)) / 3.6),
    );
    seconds.fill(Infinity);
    metres.fill(0);
    heap.reset();
    seconds[root] = 0;
    heap.push(root, 0);
    for (let node = heap.pop(); node >= 0; node = heap.pop()) {
      for (const e of adjacency[node]) {
        const next = spec.edges[e].from === node ? spec.edges[e].to : spec.edges[e].from;
        const time = seconds[node] + edgeSeconds[e];
        if (time < seconds[next]) {
          seconds[next] = time;
          for (let c = 0; c < C; c++) metres[next * C + c] = metres[node * C + c];
          metres[next * C + classOf[e]] += lengths[e] / factor(classOf[e], hour);
          heap.push(next, time);
        }
      }
    }
    for (const i of members) {
      const to = index.nearest(trips[i].to);
      const f = speedFactor(spec, trips[i]);
      for (let c = 0; c < C; c++) design[i][c] = (metres[to * C + c] * 3.6) / f;
    }
  }
  return { design, sameNode };
}

function distanceDesign(spec: DistanceSpec, trips: readonly ObservedTrip[]): Design {
  const metric = spec.metric === 'manhattan' ? manhattanMetres : haversineMetres;
  return trips.map((trip) =>
    Float64Array.of(
      (metric(trip.from, trip.to) * spec.detourFactor * 3.6) / speedFactor(spec, trip),
    ),
  );
}

function predict(row: Float64Array, overhead: number, inverse: Float64Array): number {
  let total = overhead;
  for (let c = 0; c < row.length; c++) total += row[c] * inverse[c];
  return total;
}

/** Solves A x = b (small, dense) by Gaussian elimination with partial pivoting; null if singular. */
export function solve(matrix: number[][], vector: number[]): number[] | null {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r++) {
      const k = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= k * a[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = a[r][n];
    for (let c = r + 1; c < n; c++) sum -= a[r][c] * x[c];
    x[r] = sum / a[r][r];
  }
  return x;
}

/**
 * Least squares of y = o + Σ_c a_c x_c over the trips kept, for the overhead o (when `withOverhead`)
 * and the x of the free classes; fixed classes keep `inverse`. Null when it cannot be solved.
 */
function leastSquares(
  design: Design,
  travel: readonly number[],
  keep: readonly boolean[],
  weight: readonly number[],
  free: readonly number[],
  inverse: Float64Array,
  withOverhead: boolean,
): { overhead: number; inverse: Float64Array } | null {
  const n = free.length + (withOverhead ? 1 : 0);
  const ata = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const atb = new Array<number>(n).fill(0);
  design.forEach((row, i) => {
    if (!keep[i]) return;
    let y = travel[i];
    const x: number[] = [];
    for (let c = 0; c < row.length; c++) if (!free.includes(c)) y -= row[c] * inverse[c];
    for (const c of free) x.push(row[c]);
    if (withOverhead) x.push(1);
    const w = weight[i];
    for (let r = 0; r < n; r++) {
      atb[r] += w * x[r] * y;
      for (let s = 0; s < n; s++) ata[r][s] += w * x[r] * x[s];
    }
  });
  const solution = solve(ata, atb);
  if (!solution) return null;
  const next = Float64Array.from(inverse);
  free.forEach((c, k) => (next[c] = solution[k]));
  return { overhead: withOverhead ? solution[n - 1] : 0, inverse: next };
}

/**
 * Keeps the trips within 4 robust standard deviations (1.4826 × MAD) of the fit; residuals are
 * relative (observed ÷ predicted − 1), as the noise of a trip is.
 */
function robustKeep(residuals: readonly number[], eligible: readonly boolean[]): boolean[] {
  const used = residuals.filter((_, i) => eligible[i]).sort((a, b) => a - b);
  if (used.length < 8) return [...eligible];
  const median = used[Math.floor(used.length / 2)];
  const deviations = used.map((r) => Math.abs(r - median)).sort((a, b) => a - b);
  const sigma = 1.4826 * deviations[Math.floor(deviations.length / 2)];
  return residuals.map((r, i) => eligible[i] && Math.abs(r - median) <= 4 * sigma + 0.01);
}

export function fitTravel(scenario: Scenario, trips: readonly ObservedTrip[]): TravelFit | null {
  const travel = scenario.travel;
  if (travel.model === 'matrix' || trips.length < 3) return null;
  const y = trips.map((t) => t.travel);
  const classes = travel.model === 'roadGraph' ? Object.keys(travel.roadClasses) : ['speedKmh'];
  const before: Record<string, number> =
    travel.model === 'roadGraph'
      ? Object.fromEntries(classes.map((c) => [c, travel.roadClasses[c].speedKmh]))
      : { speedKmh: travel.speedKmh };
  const calendar = new Calendar(scenario.start);
  const index = travel.model === 'roadGraph' ? new NearestPointIndex(travel.nodes) : null;
  const designAt = (speeds: Record<string, number>) =>
    travel.model === 'roadGraph'
      ? roadDesign(travel, speeds, trips, calendar, index!)
      : { design: distanceDesign(travel, trips), sameNode: trips.map(() => false) };

  const first = designAt(before);
  const inverseBefore = Float64Array.from(classes, (c) => 1 / before[c]);
  const predictedBefore = first.design.map((row, i) =>
    first.sameNode[i] ? 0 : predict(row, travel.tripOverheadSeconds, inverseBefore),
  );
  // Classes with enough of the observed driving are fitted.
  const share = classes.map((_, c) =>
    first.design.reduce((s, row) => s + row[c] / before[classes[c]], 0),
  );
  const total = share.reduce((a, b) => a + b, 0);
  let free = classes.flatMap((_, c) => (share[c] >= MIN_SHARE * total ? [c] : []));
  const eligible = first.sameNode.map((same, i) => !same && y[i] >= 0);
  let current: { overhead: number; inverse: Float64Array } = {
    overhead: travel.tripOverheadSeconds,
    inverse: inverseBefore,
  };
  let keep = [...eligible];
  let { design } = first;
  // The noise of a trip is multiplicative (a lognormal factor), so its spread grows with the
  // trip: weighted least squares, each trip by 1 / predicted² (at least a minute), the
  // prediction of the round before.
  const weightsAt = (overhead: number, inverse: Float64Array) =>
    design.map((row) => 1 / Math.max(60, predict(row, overhead, inverse)) ** 2);
  for (let round = 0; round < ROUNDS; round++) {
    const weight = weightsAt(current.overhead, current.inverse);
    let fit = leastSquares(design, y, keep, weight, free, current.inverse, true);
    // A negative overhead or speed cannot be: refit without it (overhead 0, class kept).
    if (fit && fit.overhead < 0)
      fit = leastSquares(design, y, keep, weight, free, current.inverse, false);
    const negative = fit ? free.filter((c) => !(fit!.inverse[c] > 0)) : [];
    if (negative.length > 0) {
      free = free.filter((c) => !negative.includes(c));
      continue;
    }
    if (!fit) break;
    const residuals = design.map(
      (row, i) => y[i] / Math.max(1, predict(row, fit.overhead, fit.inverse)) - 1,
    );
    keep = robustKeep(residuals, eligible);
    const settled = classes.every(
      (_, c) => Math.abs(fit.inverse[c] - current.inverse[c]) <= 1e-4 * current.inverse[c],
    );
    current = fit;
    if (settled && round > 0) break;
    design = designAt(
      Object.fromEntries(classes.map((c, k) => [c, 1 / current.inverse[k]])),
    ).design;
  }
  const speeds = Object.fromEntries(classes.map((c, k) => [c, 1 / current.inverse[k]]));
  const last = designAt(speeds);
  return {
    model: travel.model,
    speeds,
    overheadSeconds: current.overhead,
    fittedClasses: free.map((c) => classes[c]),
    used: keep.filter(Boolean).length,
    observed: trips.length,
    predictedBefore,
    predictedAfter: last.design.map((row, i) =>
      last.sameNode[i] ? 0 : predict(row, current.overhead, current.inverse),
    ),
  };
}
