/**
 * Whether a district boundary crosses itself. A ring whose edges cross (a figure eight, two
 * points swapped) has no well-defined inside: a point-in-polygon test then gives a different
 * district than the planner drew, so calls land in the wrong district. Found with a grid of
 * cells over the ring, so that only edges sharing a cell are compared: linear for the shapes
 * boundaries have, and bounded (a budget of comparisons) for the shapes they do not.
 */

/** Two edges of a ring that meet though they are not neighbours, by their first point's index. */
export interface RingCrossing {
  /** The first edge, from point `first` to point `firstTo` (indices in the ring as given). */
  first: number;
  firstTo: number;
  /** The second edge (the ring closes from its last point back to point 0). */
  second: number;
  secondTo: number;
  /** A point where they meet (lon, lat). */
  at: [number, number];
}

/** Edge pairs compared at most: past it, a ring is taken as it is (no finding). */
const PAIR_BUDGET = 20_000_000;

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number) {
  return (
    Math.min(ax, bx) <= px &&
    px <= Math.max(ax, bx) &&
    Math.min(ay, by) <= py &&
    py <= Math.max(ay, by)
  );
}

/** Where segments a–b and c–d meet, or null. */
function meet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): [number, number] | null {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) {
    if (o1 === 0) return [cx, cy];
    if (o2 === 0) return [dx, dy];
    if (o3 === 0) return [ax, ay];
    if (o4 === 0) return [bx, by];
    const d = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / d;
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return [cx, cy];
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return [dx, dy];
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return [ax, ay];
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return [bx, by];
  return null;
}

/**
 * The first crossing found in a ring of [lon, lat] points (closed implicitly; a repeated last
 * point and repeated neighbours are allowed), or null. Neighbouring edges meet at their shared
 * point, which is no crossing unless one folds back over the other.
 */
export function ringCrossing(ring: ReadonlyArray<readonly [number, number]>): RingCrossing | null {
  // Distinct consecutive points, remembering each one's index in the ring as given.
  const xs: number[] = [];
  const ys: number[] = [];
  const index: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [x, y] = ring[i];
    const n = xs.length;
    if (n > 0 && xs[n - 1] === x && ys[n - 1] === y) continue;
    xs.push(x);
    ys.push(y);
    index.push(i);
  }
  while (xs.length > 1 && xs[xs.length - 1] === xs[0] && ys[ys.length - 1] === ys[0]) {
    xs.pop();
    ys.pop();
    index.pop();
  }
  const n = xs.length;
  if (n < 3) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xs[i]);
    maxX = Math.max(maxX, xs[i]);
    minY = Math.min(minY, ys[i]);
    maxY = Math.max(maxY, ys[i]);
  }
  // About one cell per edge.
  let side = 1;
  while (side * side < n && side < 2048) side++;
  const cellW = (maxX - minX) / side || 1;
  const cellH = (maxY - minY) / side || 1;
  const cellOf = (value: number, min: number, size: number) =>
    Math.min(side - 1, Math.max(0, Math.floor((value - min) / size)));
  const cells = new Map<number, number[]>();
  for (let e = 0; e < n; e++) {
    const f = (e + 1) % n;
    const x0 = cellOf(Math.min(xs[e], xs[f]), minX, cellW);
    const x1 = cellOf(Math.max(xs[e], xs[f]), minX, cellW);
    const y0 = cellOf(Math.min(ys[e], ys[f]), minY, cellH);
    const y1 = cellOf(Math.max(ys[e], ys[f]), minY, cellH);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cx * side + cy;
        const list = cells.get(key);
        if (list) list.push(e);
        else cells.set(key, [e]);
      }
    }
  }
  let best: RingCrossing | null = null;
  let budget = PAIR_BUDGET;
  for (const edges of cells.values()) {
    for (let i = 0; i < edges.length; i++) {
      for (let j = i + 1; j < edges.length; j++) {
        if (--budget < 0) return best;
        const a = Math.min(edges[i], edges[j]);
        const b = Math.max(edges[i], edges[j]);
        // Found already with a lower pair: the report names the first crossing along the ring.
        if (best && (index[a] > best.first || (index[a] === best.first && index[b] >= best.second)))
          continue;
        const a2 = (a + 1) % n;
        const b2 = (b + 1) % n;
        const neighbours = b === a + 1 || (a === 0 && b === n - 1);
        let at: [number, number] | null;
        if (neighbours) {
          // They share a point; they cross only if they fold back along each other.
          const [p, q, r] = b === a + 1 ? [a, a2, b2] : [b, a, a2];
          const folds =
            orient(xs[p], ys[p], xs[q], ys[q], xs[r], ys[r]) === 0 &&
            (xs[r] - xs[q]) * (xs[p] - xs[q]) + (ys[r] - ys[q]) * (ys[p] - ys[q]) > 0;
          at = folds ? [xs[q], ys[q]] : null;
        } else {
          at = meet(xs[a], ys[a], xs[a2], ys[a2], xs[b], ys[b], xs[b2], ys[b2]);
        }
        if (at)
          best = { first: index[a], firstTo: index[a2], second: index[b], secondTo: index[b2], at };
      }
    }
  }
  return best;
}
