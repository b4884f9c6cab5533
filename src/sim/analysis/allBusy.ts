/**
 * The probability that every unit able to do a thing is unavailable (issue 12, item 10): for
 * each capability, the share of the measured time (after the warm-up) during which no own unit
 * having it could have been dispatched — the time-average counterpart of Erlang C's probability
 * of waiting (M/M/c, by PASTA) and of Erlang B's blocking (M/M/c/c).
 *
 * A unit is unavailable from its dispatch order until it is free again: notified, waiting for
 * approvals, mobilising, en route, on scene, and on its way back unless returning units may be
 * redispatched (the scenario's `redispatchReturning`); out of service, or to be taken out once
 * back; and, while free, outside its duty hours. Reinforcements from other districts or cities
 * are not the city's own units and are left out. The trace gives the states, the run's staffing
 * (capabilities, duty hours) comes from the roster the run was made with (`Session.staffing`).
 */
import type { WeeklyDuty } from '../calendar.ts';
import { Cause, RecordKind, type Trace } from '../trace.ts';
import { ascendingOrder } from './sortOrder.ts';

/** What a run's units could do and when they were on duty, in the trace's unit order. */
export interface Staffing {
  /** Per unit: its capabilities, in the scenario's words. */
  capabilities: ReadonlyArray<readonly string[]>;
  /** Per unit: its duty hours. */
  duty: readonly WeeklyDuty[];
  /** Seconds since Monday 00:00 local at simulated time 0. */
  startWeekSecond: number;
  /** Whether a unit on its way back may be sent to a new incident (then it is available). */
  redispatchReturning: boolean;
  /** The capabilities some incident kind needs, at the call or after growing. */
  needed: readonly string[];
}

export interface AllBusyShares {
  /**
   * Share of the measured time during which at least one capability that an incident kind
   * needs had no available unit (capabilities no own unit has are left out).
   */
  overall: number;
  /** Per capability of the city's own units: share of the measured time with none available. */
  byCapability: Record<string, number>;
}

type Intervals = Array<[number, number]>;

/** The shares of one run, from its trace and its staffing. */
export function allBusyShares(trace: Trace, staffing: Staffing): AllBusyShares {
  const header = trace.header;
  const warmup = header.warmup;
  const end = header.duration;
  const measured = Math.max(end - warmup, 1e-9);
  const spells = unavailableSpells(trace, staffing);
  const unitsWith = new Map<string, number[]>();
  for (let unit = 0; unit < header.units.length; unit++) {
    if (header.unitReserves[unit]) continue;
    for (const capability of staffing.capabilities[unit]) {
      let units = unitsWith.get(capability);
      if (!units) unitsWith.set(capability, (units = []));
      units.push(unit);
    }
  }
  const capabilities = [...unitsWith.keys()].sort();
  const capabilitiesOf: number[][] = header.units.map(() => []);
  capabilities.forEach((capability, c) => {
    for (const unit of unitsWith.get(capability)!) capabilitiesOf[unit].push(c);
  });
  const starts = byCapability(spells.starts, spells, true, capabilitiesOf, capabilities.length);
  const ends = byCapability(spells.ends, spells, false, capabilitiesOf, capabilities.length);
  const shares = Object.create(null) as Record<string, number>;
  const neededBusy: Intervals[] = [];
  const needed = new Set(staffing.needed);
  capabilities.forEach((capability, c) => {
    const busy = noneAvailable(starts[c], ends[c], unitsWith.get(capability)!.length);
    shares[capability] = lengthWithin(busy, warmup, end) / measured;
    if (needed.has(capability)) neededBusy.push(busy);
  });
  return {
    overall: neededBusy.length > 0 ? lengthWithin(union(neededBusy), warmup, end) / measured : NaN,
    byCapability: shares,
  };
}

/**
 * Every unavailable spell of every own unit: its start, end and unit, `count` of them, in the
 * order they ended (the trace's), those of units with duty hours last, from `fromTrace` on; and
 * for each the number of its opening among the `opened` (the trace's order of the starts).
 */
interface Spells {
  count: number;
  fromTrace: number;
  opened: number;
  starts: Float64Array;
  ends: Float64Array;
  units: Int32Array;
  openings: Int32Array;
}

/**
 * Per capability, the spells' starts (or ends) of the units having it, in ascending order: all
 * of them put in order once (`timeOrder`) and dealt out to the capabilities in that order, or,
 * where that cannot be (a time below zero, −0), each capability's own sorted as before.
 */
function byCapability(
  times: Float64Array,
  spells: Spells,
  byStart: boolean,
  capabilitiesOf: number[][],
  capabilities: number,
): Float64Array[] {
  const sizes = new Int32Array(capabilities);
  for (let k = 0; k < spells.count; k++) {
    for (const c of capabilitiesOf[spells.units[k]]) sizes[c]++;
  }
  const result = Array.from(sizes, (size) => new Float64Array(size));
  const filled = new Int32Array(capabilities);
  const order = timeOrder(times, spells, byStart);
  for (let i = 0; i < spells.count; i++) {
    const k = order ? order[i] : i;
    for (const c of capabilitiesOf[spells.units[k]]) result[c][filled[c]++] = times[k];
  }
  if (!order) for (const list of result) list.sort();
  return result;
}

/**
 * Each own unit's unavailable spells over the whole run: its committed, returning and
 * out-of-service spells read from the trace, joined with its hours off duty.
 */
function unavailableSpells(trace: Trace, staffing: Staffing): Spells {
  const header = trace.header;
  const end = header.duration;
  const unitCount = header.units.length;
  const spells: Spells = {
    count: 0,
    fromTrace: 0,
    opened: 0,
    starts: new Float64Array(1024),
    ends: new Float64Array(1024),
    units: new Int32Array(1024),
    openings: new Int32Array(1024),
  };
  const push = (unit: number, from: number, to: number, opening: number) => {
    if (spells.count === spells.units.length) {
      spells.starts = grown(spells.starts);
      spells.ends = grown(spells.ends);
      spells.units = grownInts(spells.units);
      spells.openings = grownInts(spells.openings);
    }
    spells.starts[spells.count] = from;
    spells.ends[spells.count] = to;
    spells.openings[spells.count] = opening;
    spells.units[spells.count++] = unit;
  };
  /** The number of the opening of the unit's current spell. */
  const opening = new Int32Array(unitCount);
  /** When the unit's current unavailable spell began (NaN: it is available, state-wise). */
  const since = new Float64Array(unitCount).fill(NaN);
  const committed = new Uint8Array(unitCount);
  const outOfService = new Uint8Array(unitCount);
  /** Ordered out of service while busy or on its way home: out once back at base. */
  const leaving = new Uint8Array(unitCount);
  const returning = new Uint8Array(unitCount);
  const close = (unit: number, time: number) => {
    const from = since[unit];
    if (Number.isNaN(from)) return;
    since[unit] = NaN;
    if (time > from) push(unit, from, time, opening[unit]);
  };
  // After every change of a unit's state: open or close its spell.
  const settle = (unit: number, time: number) => {
    const busy =
      committed[unit] ||
      outOfService[unit] ||
      leaving[unit] ||
      (returning[unit] && !staffing.redispatchReturning);
    if (busy && Number.isNaN(since[unit])) {
      since[unit] = time;
      opening[unit] = spells.opened++;
    } else if (!busy) close(unit, time);
  };
  for (let i = 0; i < trace.length; i++) {
    const unit = trace.unit[i];
    if (unit < 0 || header.unitReserves[unit]) continue;
    const time = trace.time[i];
    switch (trace.kind[i]) {
      case RecordKind.dispatched:
        committed[unit] = 1;
        returning[unit] = 0;
        break;
      case RecordKind.cleared:
        committed[unit] = 0;
        returning[unit] = 1;
        break;
      case RecordKind.available:
        // A free unit stranded away by a closed road was sent home when the road reopened (no
        // record then): it was on its way back for the trip's seconds, this record's value.
        if (
          !committed[unit] &&
          !returning[unit] &&
          trace.cause[i] === Cause.none &&
          !staffing.redispatchReturning &&
          trace.value[i] > 0
        ) {
          push(unit, time - trace.value[i], time, spells.opened++);
        }
        committed[unit] = 0;
        returning[unit] = 0;
        break;
      case RecordKind.outOfService:
        committed[unit] = 0;
        returning[unit] = 0;
        leaving[unit] = 0;
        outOfService[unit] = 1;
        break;
      case RecordKind.inService:
        outOfService[unit] = 0;
        break;
      case RecordKind.external:
        // The order itself: a free unit goes out at once (an outOfService record follows),
        // a busy one once back; an order back into service cancels the pending one.
        if (trace.cause[i] === Cause.unitOutOfService) leaving[unit] = outOfService[unit] ? 0 : 1;
        else if (trace.cause[i] === Cause.unitInService) leaving[unit] = 0;
        break;
      default:
        continue;
    }
    settle(unit, time);
  }
  for (let unit = 0; unit < unitCount; unit++) close(unit, end);
  // Units off duty some hours: their spells joined with those hours replace their own.
  const shifts = (unit: number) => staffing.duty[unit] && !staffing.duty[unit].always;
  spells.fromTrace = spells.count;
  if (!header.units.some((_, unit) => shifts(unit))) return spells;
  const own: Intervals[] = header.units.map(() => []);
  let kept = 0;
  for (let k = 0; k < spells.count; k++) {
    const unit = spells.units[k];
    if (shifts(unit)) own[unit].push([spells.starts[k], spells.ends[k]]);
    else {
      spells.starts[kept] = spells.starts[k];
      spells.ends[kept] = spells.ends[k];
      spells.openings[kept] = spells.openings[k];
      spells.units[kept++] = unit;
    }
  }
  spells.count = spells.fromTrace = kept;
  own.forEach((unitSpells, unit) => {
    if (!shifts(unit)) return;
    const duty = staffing.duty[unit];
    const off = complement(duty.onDutyBetween(0, end, staffing.startWeekSecond), 0, end);
    for (const [from, to] of union([unitSpells, off])) push(unit, from, to, -1);
  });
  return spells;
}

function grown(array: Float64Array): Float64Array {
  const result = new Float64Array(2 * array.length);
  result.set(array);
  return result;
}

function grownInts(array: Int32Array): Int32Array {
  const result = new Int32Array(2 * array.length);
  result.set(array);
  return result;
}

/**
 * The spells in ascending order of their starts (or ends), without sorting most of them: the
 * trace's order is that of the ends, and of the starts by their openings (a stranded unit's
 * trip home, known only when it ended, may break it: then all are sorted). The few spells of
 * units with duty hours are sorted and merged in. Null where `ascendingOrder` cannot sort.
 */
function timeOrder(times: Float64Array, spells: Spells, byStart: boolean): Int32Array | null {
  const traced = spells.fromTrace;
  const order = new Int32Array(traced);
  if (byStart) {
    const spellOf = new Int32Array(spells.opened).fill(-1);
    for (let k = 0; k < traced; k++) spellOf[spells.openings[k]] = k;
    let n = 0;
    for (const k of spellOf) if (k >= 0) order[n++] = k;
  } else {
    for (let k = 0; k < traced; k++) order[k] = k;
  }
  for (let i = 0; i < traced; i++) {
    const time = times[order[i]];
    // −0 and NaN go to ascendingOrder, which leaves them to Float64Array's sort.
    if (Object.is(time, -0) || !(i === 0 || time >= times[order[i - 1]])) {
      return ascendingOrder(times, spells.count);
    }
  }
  if (spells.count === traced) return order;
  const rest = ascendingOrder(times.slice(traced, spells.count));
  if (!rest) return ascendingOrder(times, spells.count);
  const merged = new Int32Array(spells.count);
  let a = 0;
  let b = 0;
  for (let i = 0; i < spells.count; i++) {
    if (b === rest.length || (a < traced && times[order[a]] <= times[traced + rest[b]])) {
      merged[i] = order[a++];
    } else merged[i] = traced + rest[b++];
  }
  return merged;
}

/**
 * Where none of `all` units is available (every one of them in an unavailable interval), from
 * the starts and the ends of their intervals, each in ascending order.
 */
function noneAvailable(starts: Float64Array, ends: Float64Array, all: number): Intervals {
  const count = starts.length;
  // A sweep over the changes: `busy` units are unavailable between them.
  const result: Intervals = [];
  let busy = 0;
  let s = 0;
  let e = 0;
  let from = NaN;
  while (s < count || e < count) {
    if (s < count && starts[s] < ends[e]) {
      if (++busy === all) from = starts[s];
      s++;
    } else {
      if (busy-- === all && ends[e] > from) result.push([from, ends[e]]);
      e++;
    }
  }
  return result;
}

/** The union of interval lists, each in order: in order and apart. */
function union(lists: Intervals[]): Intervals {
  const all = lists.flat().sort((a, b) => a[0] - b[0]);
  const merged: Intervals = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The parts of [from, to] outside intervals in order and apart. */
function complement(intervals: Intervals, from: number, to: number): Intervals {
  const gaps: Intervals = [];
  let at = from;
  for (const [start, end] of intervals) {
    if (start > at) gaps.push([at, start]);
    at = Math.max(at, end);
  }
  if (to > at) gaps.push([at, to]);
  return gaps;
}

/** Total length of intervals (in order and apart) within [from, to]. */
function lengthWithin(intervals: Intervals, from: number, to: number): number {
  let total = 0;
  for (const [start, end] of intervals) {
    const length = Math.min(end, to) - Math.max(start, from);
    if (length > 0) total += length;
  }
  return total;
}
