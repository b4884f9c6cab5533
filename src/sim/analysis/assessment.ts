/**
 * Rule 14, assessment after Fuyang's 110 rules (003, third text): per unit and period, the
 * points deducted for late arrivals, poor handling (an unsatisfied call-back), late and missing
 * reports, and the monthly bulletin's figures (dispatches, reports, on-time share). Computed from
 * the trace alone.
 */
import type { Rules } from '../../scenarios/schema.ts';
import type { Targets } from './metrics.ts';
import { CALL_BACK_RATINGS } from '../records.ts';
import { RecordKind, type Trace } from '../trace.ts';

export interface BulletinRow {
  /** Period number, 0 for the first `periodDays` days, and its start (s). */
  period: number;
  periodStart: number;
  unit: string;
  agency: string;
  tier: number;
  dispatches: number;
  arrivals: number;
  lateArrivals: number;
  reports: number;
  lateReports: number;
  missingReports: number;
  unsatisfiedCallBacks: number;
  /** Share of arrivals within the tier's target (NaN without arrivals or target). */
  onTimeShare: number;
  deductions: number;
}

/**
 * The bulletin: a row per unit and period in which the unit did anything, counting what
 * happened from `from` on (the warm-up is left out).
 */
export function bulletin(
  trace: Trace,
  targets: Targets,
  rules: Rules['assessment'],
  from = 0,
): BulletinRow[] {
  const header = trace.header;
  const unitCount = header.units.length;
  const periodSeconds = rules.periodDays * 86_400;
  const rows: BulletinRow[] = [];
  /** Per row: its arrivals of tier 1 or 2 (those with a target). */
  const timed: number[] = [];
  /** Per row: its unit's index. */
  const rowUnit: number[] = [];
  const rowIndex = new Map<number, number>();
  // Each unit's last row: its records come in time order, so that row is nearly always the one.
  const lastPeriod = new Float64Array(unitCount).fill(NaN);
  const lastRow = new Int32Array(unitCount);
  const rowOf = (unit: number, time: number) => {
    const period = Math.floor(time / periodSeconds);
    if (lastPeriod[unit] === period) return lastRow[unit];
    const key = period * unitCount + unit;
    let row = rowIndex.get(key);
    if (row === undefined) {
      row = rows.length;
      rows.push({
        period,
        periodStart: period * periodSeconds,
        unit: header.units[unit],
        agency: header.unitAgencies[unit],
        tier: header.unitTiers[unit],
        dispatches: 0,
        arrivals: 0,
        lateArrivals: 0,
        reports: 0,
        lateReports: 0,
        missingReports: 0,
        unsatisfiedCallBacks: 0,
        onTimeShare: NaN,
        deductions: 0,
      });
      timed.push(0);
      rowUnit.push(unit);
      rowIndex.set(key, row);
    }
    lastPeriod[unit] = period;
    lastRow[unit] = row;
    return row;
  };
  // Each district's arrival targets of tiers 1 and 2, by its area (urban or rural).
  const tierOneTarget = Float64Array.from(header.districtAreas, (area) => targets.tier1[area]);
  const tierTwoTarget = Float64Array.from(header.districtAreas, (area) => targets.tier2[area]);
  const dispatchedAt = new Float64Array(unitCount);
  const approvalWait = new Float64Array(unitCount);
  // Who worked on each incident, in the order first dispatched: a list per incident, linked
  // through `nextWorker` (a unit sent twice is listed twice and counted once).
  const firstWorker = new Int32Array(trace.incidentCount).fill(-1);
  const lastWorker = new Int32Array(trace.incidentCount);
  let nextWorker: Int32Array = new Int32Array(1024);
  let worker: Int32Array = new Int32Array(1024);
  let workers = 0;
  // Every record of every run passes here (replicationMetrics): the columns are read directly,
  // not decoded (src/sim/records.ts) — an object per record made the bulletin half again slower.
  for (let i = 0; i < trace.length; i++) {
    const time = trace.time[i];
    const unit = trace.unit[i];
    const incident = trace.incident[i];
    // Reinforcements from other districts or cities are not assessed with the city's units.
    if (unit >= 0 && header.unitReserves[unit]) continue;
    // Before `from`, only who worked on what is remembered (for arrivals and call-backs after it).
    if (time < from && trace.kind[i] !== RecordKind.dispatched) continue;
    switch (trace.kind[i]) {
      case RecordKind.dispatched:
        dispatchedAt[unit] = time;
        approvalWait[unit] = 0;
        if (workers === worker.length) {
          worker = grow(worker);
          nextWorker = grow(nextWorker);
        }
        worker[workers] = unit;
        nextWorker[workers] = -1;
        if (firstWorker[incident] < 0) firstWorker[incident] = workers;
        else nextWorker[lastWorker[incident]] = workers;
        lastWorker[incident] = workers++;
        if (time >= from) rows[rowOf(unit, time)].dispatches++;
        break;
      case RecordKind.approved:
        if (unit >= 0) approvalWait[unit] += trace.value[i];
        break;
      case RecordKind.arrived: {
        const row = rowOf(unit, time);
        rows[row].arrivals++;
        const tier = header.unitTiers[unit];
        if (tier === 1 || tier === 2) {
          const district = trace.incidentDistrict[incident];
          // From the order reaching the unit: an approval's wait is not the unit's delay.
          const late =
            time - dispatchedAt[unit] - approvalWait[unit] >
            (tier === 1 ? tierOneTarget[district] : tierTwoTarget[district]);
          timed[row]++;
          if (late) rows[row].lateArrivals++;
        }
        break;
      }
      case RecordKind.reported:
        rows[rowOf(unit, time)].reports++;
        break;
      case RecordKind.reportedLate: {
        const row = rows[rowOf(unit, time)];
        row.reports++;
        row.lateReports++;
        break;
      }
      case RecordKind.reportMissing:
        rows[rowOf(unit, time)].missingReports++;
        break;
      case RecordKind.callBack:
        // An unsatisfied caller counts against every unit that worked on the incident.
        if (CALL_BACK_RATINGS[trace.value[i]] === 'unsatisfied') {
          for (let k = firstWorker[incident]; k >= 0; k = nextWorker[k]) {
            if (!listedBefore(worker, nextWorker, firstWorker[incident], k)) {
              rows[rowOf(worker[k], time)].unsatisfiedCallBacks++;
            }
          }
        }
        break;
    }
  }
  rows.forEach((row, r) => {
    row.onTimeShare = timed[r] > 0 ? (timed[r] - row.lateArrivals) / timed[r] : NaN;
    row.deductions =
      row.lateArrivals * rules.lateResponsePoints +
      row.unsatisfiedCallBacks * rules.poorHandlingPoints +
      row.lateReports * rules.lateReportPoints +
      row.missingReports * rules.missingReportPoints;
  });
  // By period, then by unit as English collation orders them (units it finds equal keep the
  // order of their rows): each unit ranked once, not compared anew for every pair of rows.
  const collator = new Intl.Collator('en');
  const byName = Array.from(header.units.keys()).sort((a, b) =>
    collator.compare(header.units[a], header.units[b]),
  );
  const rank = new Int32Array(unitCount);
  byName.forEach((unit, k) => {
    const previous = byName[k - 1];
    rank[unit] =
      k > 0 && collator.compare(header.units[previous], header.units[unit]) === 0
        ? rank[previous]
        : k;
  });
  return Array.from(rows.keys())
    .sort((a, b) => rows[a].period - rows[b].period || rank[rowUnit[a]] - rank[rowUnit[b]] || a - b)
    .map((r) => rows[r]);
}

/** Whether the unit at `k` in an incident's list of workers is listed before it. */
function listedBefore(
  worker: Int32Array,
  nextWorker: Int32Array,
  first: number,
  k: number,
): boolean {
  for (let j = first; j !== k; j = nextWorker[j]) if (worker[j] === worker[k]) return true;
  return false;
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
