/**
 * Rule 14, assessment after Fuyang's 110 rules (003, third text): per unit and period, the
 * points deducted for late arrivals, poor handling (an unsatisfied call-back), late and missing
 * reports, and the monthly bulletin's figures (dispatches, reports, on-time share). Computed from
 * the trace alone.
 */
import type { Rules } from '../../../src/scenarios/schema.ts';
import type { Targets } from './metrics.ts';
import { CALL_BACK_RATINGS } from '../../../src/sim/records.ts';
import { RecordKind, type Trace } from '../../../src/sim/trace.ts';

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
  const periodSeconds = rules.periodDays * 86_400;
  const rows = new Map<number, BulletinRow>();
  const rowOf = (unit: number, time: number) => {
    const period = Math.floor(time / periodSeconds);
    const key = period * header.units.length + unit;
    let row = rows.get(key);
    if (!row) {
      row = {
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
      };
      rows.set(key, row);
    }
    return row;
  };
  const dispatchedAt = new Float64Array(header.units.length);
  const approvalWait = new Float64Array(header.units.length);
  const unitsOfIncident = new Map<number, Set<number>>();
  const timedArrivals = new Map<BulletinRow, number>();
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
        if (!unitsOfIncident.has(incident)) unitsOfIncident.set(incident, new Set());
        unitsOfIncident.get(incident)!.add(unit);
        if (time >= from) rowOf(unit, time).dispatches++;
        break;
      case RecordKind.approved:
        if (unit >= 0) approvalWait[unit] += trace.value[i];
        break;
      case RecordKind.arrived: {
        const row = rowOf(unit, time);
        row.arrivals++;
        const tier = header.unitTiers[unit];
        if (tier === 1 || tier === 2) {
          const area = header.districtAreas[trace.incidentDistrict[incident]];
          // From the order reaching the unit: an approval's wait is not the unit's delay.
          const late =
            time - dispatchedAt[unit] - approvalWait[unit] > targets[`tier${tier}`][area];
          timedArrivals.set(row, (timedArrivals.get(row) ?? 0) + 1);
          if (late) row.lateArrivals++;
        }
        break;
      }
      case RecordKind.reported:
        rowOf(unit, time).reports++;
        break;
      case RecordKind.reportedLate: {
        const row = rowOf(unit, time);
        row.reports++;
        row.lateReports++;
        break;
      }
      case RecordKind.reportMissing:
        rowOf(unit, time).missingReports++;
        break;
      case RecordKind.callBack:
        // An unsatisfied caller counts against every unit that worked on the incident.
        if (CALL_BACK_RATINGS[trace.value[i]] === 'unsatisfied') {
          for (const u of unitsOfIncident.get(incident) ?? [])
            rowOf(u, time).unsatisfiedCallBacks++;
        }
        break;
    }
  }
  for (const row of rows.values()) {
    const timed = timedArrivals.get(row) ?? 0;
    row.onTimeShare = timed > 0 ? (timed - row.lateArrivals) / timed : NaN;
    row.deductions =
      row.lateArrivals * rules.lateResponsePoints +
      row.unsatisfiedCallBacks * rules.poorHandlingPoints +
      row.lateReports * rules.lateReportPoints +
      row.missingReports * rules.missingReportPoints;
  }
  return [...rows.values()].sort(
    (a, b) => a.period - b.period || a.unit.localeCompare(b.unit, 'en'),
  );
}
