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
import type { WeeklyDuty } from '../../../src/sim/calendar.ts';
import { Cause, RecordKind, type Trace } from '../../../src/sim/trace.ts';

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
  const unavailable = unavailableIntervals(trace, staffing);
  const unitsWith = new Map<string, number[]>();
  for (let unit = 0; unit < header.units.length; unit++) {
    if (header.unitReserves[unit]) continue;
    for (const capability of staffing.capabilities[unit]) {
      let units = unitsWith.get(capability);
      if (!units) unitsWith.set(capability, (units = []));
      units.push(unit);
    }
  }
  const byCapability = Object.create(null) as Record<string, number>;
  const neededBusy: Intervals[] = [];
  const needed = new Set(staffing.needed);
  for (const capability of [...unitsWith.keys()].sort()) {
    const busy = noneAvailable(unitsWith.get(capability)!.map((unit) => unavailable[unit]));
    byCapability[capability] = lengthWithin(busy, warmup, end) / measured;
    if (needed.has(capability)) neededBusy.push(busy);
  }
  return {
    overall: neededBusy.length > 0 ? lengthWithin(union(neededBusy), warmup, end) / measured : NaN,
    byCapability,
  };
}

/**
 * Each unit's unavailable intervals over the whole run, in order and apart: its committed,
 * returning and out-of-service spells read from the trace, joined with its hours off duty.
 */
function unavailableIntervals(trace: Trace, staffing: Staffing): Intervals[] {
  const header = trace.header;
  const end = header.duration;
  const unitCount = header.units.length;
  const spells: Intervals[] = Array.from({ length: unitCount }, () => []);
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
    if (time > from) spells[unit].push([from, time]);
  };
  // After every change of a unit's state: open or close its spell.
  const settle = (unit: number, time: number) => {
    const busy =
      committed[unit] ||
      outOfService[unit] ||
      leaving[unit] ||
      (returning[unit] && !staffing.redispatchReturning);
    if (busy && Number.isNaN(since[unit])) since[unit] = time;
    else if (!busy) close(unit, time);
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
          spells[unit].push([time - trace.value[i], time]);
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
  return spells.map((unitSpells, unit) => {
    const duty = staffing.duty[unit];
    if (!duty || duty.always) return unitSpells;
    const off = complement(duty.onDutyBetween(0, end, staffing.startWeekSecond), 0, end);
    return union([unitSpells, off]);
  });
}

/** Where none of the units is available: every one of them in an unavailable interval. */
function noneAvailable(units: Intervals[]): Intervals {
  let count = 0;
  for (const intervals of units) count += intervals.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  let k = 0;
  for (const intervals of units) {
    for (const [start, end] of intervals) {
      starts[k] = start;
      ends[k++] = end;
    }
  }
  starts.sort();
  ends.sort();
  // A sweep over the changes: `busy` units are unavailable between them.
  const result: Intervals = [];
  const all = units.length;
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
