/**
 * Readiness figures of one replication, computed from its trace: response times by tier, kind
 * and district, arrival compliance, queueing, approvals and handovers, assessment, utilisation,
 * coverage. Plain numbers, so that replications run in different workers or on different
 * machines merge by concatenation into a report (report.ts).
 */
import type { Rules } from '../../../src/scenarios/schema.ts';
import { CAUSES, RecordKind, type Trace } from '../../../src/sim/trace.ts';
import { allBusyShares, type AllBusyShares, type Staffing } from './allBusy.ts';
import { bulletin, type BulletinRow } from './assessment.ts';
import { histogramKey } from '../../../src/sim/analysis/figures.ts';
import { coverageCellKey, histogramOf, type Histogram } from '../../../src/sim/analysis/pooled.ts';
import { incidentArea, runFacts } from './runFacts.ts';

type AssessmentRules = Rules['assessment'];
const DEFAULT_ASSESSMENT: AssessmentRules = {
  periodDays: 30,
  lateResponsePoints: 1,
  poorHandlingPoints: 1,
  lateReportPoints: 0.5,
  missingReportPoints: 1,
};

export interface GroupStats {
  /** Incidents (or arrivals) counted. */
  n: number;
  mean: number;
  median: number;
  p90: number;
  /** Share within the arrival target (NaN where no target applies). */
  withinTarget: number;
}

export interface ReplicationMetrics {
  seed: number;
  /** The run's length and warm-up (s): replications merge only with their like. */
  duration: number;
  warmup: number;
  simulatedDays: number;
  calls: number;
  sentTo12345: number;
  overflowed: number;
  unanswered: number;
  openAtEnd: number;
  /** Incidents that grew while under-resourced (rule 12). */
  grew: number;
  /** Share of emergency calls passed to outside help (Erlang B's blocking probability). */
  overflowShare: number;
  /** Share of emergency calls that had to wait for a unit (Erlang C's probability of waiting). */
  waitProbability: number;
  /** Mean wait from assessment until every needed unit was dispatched, over all emergency calls. */
  meanQueueWait: number;
  /**
   * Time-average number of emergency calls waiting for a unit (L_q), and of emergency incidents
   * open — called, not yet closed or given up (L): their waits and open times over the measured
   * time (Little's law), a call open at the end counted until the end.
   */
  meanQueueLength: number;
  meanInSystem: number;
  /**
   * Share of the measured time during which every own unit with a capability was unavailable
   * (dispatched until free again, off duty or out of service; see allBusy.ts), by capability,
   * and overall for any capability an incident kind needs.
   */
  allUnitsBusy: AllBusyShares;
  /** Call to first arrival on scene (a unit or outside help). */
  response: {
    overall: GroupStats;
    byTier: Record<string, GroupStats>;
    byKind: Record<string, GroupStats>;
    byDistrict: Record<string, GroupStats>;
  };
  /** Per tier and area: order to arrival of each unit against the tier's target (到场时限). */
  arrivalCompliance: Record<string, GroupStats>;
  /** Waits before orders reached units, by cause (rules 4, 6, 7, 8): approvals and requests. */
  approvals: Record<string, GroupStats>;
  /** Waits until command passed, by cause (rules 2 and 3): special HQ set up, first receiver relieved. */
  handovers: Record<string, GroupStats>;
  /** Fuyang-style assessment (rule 14) summed by agency; per unit and period see bulletin(). */
  assessment: Record<string, AgencyAssessment>;
  /** Share of the measured time units were committed (dispatch until back at base). */
  utilisation: {
    overall: number;
    byTier: Record<string, number>;
    byAgency: Record<string, number>;
    /** Each of the city's own units by its trace id (`id`, `id#2`…): its workload. */
    byUnit: Record<string, number>;
  };
  /**
   * Response times in fixed bins of HISTOGRAM_BIN_SECONDS, as [bin, count] pairs, by group
   * (`overall`, `tier/1`, `kind/fire`, `district/x`): they add up exactly across replications.
   */
  responseHistograms: Record<string, Histogram>;
  /**
   * Tier-1 coverage: the share of emergency calls whose first arrival (call to first unit or
   * outside help on scene) came within the tier-1 arrival target of their district's area,
   * overall and by district (NaN where a district had no call).
   */
  tierOneCoverage: { overall: number; byDistrict: Record<string, number> };
  /**
   * The same by place, for the coverage map: [calls, calls within] per cell of 0.01° by 0.01°
   * keyed `"<floor(lon·100)>,<floor(lat·100)>"`. Counts add across replications (Report's
   * `coverageCells`); they are not averaged.
   */
  coverageCells: Record<string, [number, number]>;
}

export interface AgencyAssessment {
  dispatches: number;
  lateArrivals: number;
  lateReports: number;
  missingReports: number;
  unsatisfiedCallBacks: number;
  deductions: number;
}

export interface Targets {
  tier1: { urban: number; rural: number };
  tier2: { urban: number; rural: number };
}

/** What the figures need of the scenario beyond the trace. */
export interface MetricsScenario {
  targets: Targets;
  rules?: { assessment: AssessmentRules };
}

/**
 * Computes one replication's figures from its trace, the scenario's targets and assessment
 * rules and the run's staffing; calls before the warm-up are left out.
 */
export function replicationMetrics(
  trace: Trace,
  scenario: MetricsScenario,
  staffing: Staffing,
): ReplicationMetrics {
  const targets = scenario.targets;
  const assessmentRules = scenario.rules?.assessment ?? DEFAULT_ASSESSMENT;
  const header = trace.header;
  const warmup = header.warmup;
  const end = header.duration;
  const incidents = trace.incidentCount;
  const unitCount = header.units.length;
  const facts = runFacts(trace, targets);
  const response = {
    overall: [] as number[],
    byTier: dict<number[]>(),
    byKind: dict<number[]>(),
    byDistrict: dict<number[]>(),
  };
  const responseWithin = {
    overall: [] as boolean[],
    byTier: dict<boolean[]>(),
    byKind: dict<boolean[]>(),
    byDistrict: dict<boolean[]>(),
  };
  const coverageByDistrict = dict<[number, number]>();
  const coverageCells = dict<[number, number]>();
  let coveredCalls = 0;
  let covered = 0;
  let calls = 0;
  let sentTo12345 = 0;
  let overflowCount = 0;
  let unansweredCount = 0;
  let openAtEnd = 0;
  let grewCount = 0;
  let emergency = 0;
  let waitedCount = 0;
  let waitSum = 0;
  let openSum = 0;
  for (let incident = 0; incident < incidents; incident++) {
    if (!(facts.callTime[incident] >= warmup)) continue;
    calls++;
    if (facts.triaged[incident]) {
      sentTo12345++;
      continue;
    }
    emergency++;
    overflowCount += facts.overflowed[incident];
    unansweredCount += facts.unanswered[incident];
    if (!facts.closed[incident] && !facts.unanswered[incident]) openAtEnd++;
    grewCount += facts.grew[incident];
    waitedCount += facts.waited[incident];
    waitSum += facts.waitTotal[incident];
    const ended = facts.endTime[incident];
    openSum += (Number.isNaN(ended) ? end : Math.min(ended, end)) - facts.callTime[incident];
    const kindKey = header.incidentKinds[trace.incidentKind[incident]];
    const districtKey = header.districts[trace.incidentDistrict[incident]];
    // The target is that of the tier serving the kind's first need (see TraceHeader), counted
    // from the call; a call nobody reached by the end of the run missed it.
    const targetTier = header.kindTargetTiers[trace.incidentKind[incident]];
    const area = incidentArea(trace, incident);
    const target = targetTier === 1 || targetTier === 2 ? targets[`tier${targetTier}`][area] : NaN;
    const arrived = !Number.isNaN(facts.firstArrival[incident]);
    const seconds = facts.firstArrival[incident] - facts.callTime[incident];
    const within = arrived && seconds <= target;
    const tierOneWithin = arrived && seconds <= targets.tier1[area] ? 1 : 0;
    const place = trace.incidentPlace[incident];
    const cell = coverageCellKey(trace.places[2 * place], trace.places[2 * place + 1]);
    for (const counts of [
      (coverageByDistrict[districtKey] ??= [0, 0]),
      (coverageCells[cell] ??= [0, 0]),
    ]) {
      counts[0]++;
      counts[1] += tierOneWithin;
    }
    coveredCalls++;
    covered += tierOneWithin;
    const tier = facts.firstArrivalTier[incident];
    const tierKey = !arrived ? 'none' : tier === 0 ? 'outside' : String(tier);
    if (arrived) {
      response.overall.push(seconds);
      (response.byTier[tierKey] ??= []).push(seconds);
      (response.byKind[kindKey] ??= []).push(seconds);
      (response.byDistrict[districtKey] ??= []).push(seconds);
    }
    if (!Number.isNaN(target)) {
      responseWithin.overall.push(within);
      (responseWithin.byTier[tierKey] ??= []).push(within);
      (responseWithin.byKind[kindKey] ??= []).push(within);
      (responseWithin.byDistrict[districtKey] ??= []).push(within);
    }
  }
  const groups = (values: Record<string, number[]>, within: Record<string, boolean[]>) =>
    Object.fromEntries(
      [...new Set([...Object.keys(values), ...Object.keys(within)])]
        .sort()
        .map((key) => [key, groupStats(values[key] ?? [], within[key])]),
    );

  const measured = Math.max(end - warmup, 1e-9);
  const busyByTier = dict<number[]>();
  const busyByAgency = dict<number[]>();
  const busyByUnit = dict<number>();
  // Utilisation is of the city's own units; reinforcements from outside are not its staffing.
  let ownUnits = 0;
  let ownBusy = 0;
  for (let unit = 0; unit < unitCount; unit++) {
    if (header.unitReserves[unit]) continue;
    ownUnits++;
    ownBusy += facts.busyTime[unit];
    (busyByTier[String(header.unitTiers[unit])] ??= []).push(facts.busyTime[unit] / measured);
    (busyByAgency[header.unitAgencies[unit]] ??= []).push(facts.busyTime[unit] / measured);
    busyByUnit[header.units[unit]] = facts.busyTime[unit] / measured;
  }
  const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const sortedRecord = (record: Record<string, number[]>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, meanOf(record[key])]),
    );

  return {
    seed: header.seed,
    duration: header.duration,
    warmup: header.warmup,
    simulatedDays: measured / 86_400,
    calls,
    sentTo12345,
    overflowed: overflowCount,
    unanswered: unansweredCount,
    openAtEnd,
    grew: grewCount,
    overflowShare: emergency > 0 ? overflowCount / emergency : NaN,
    waitProbability: emergency > 0 ? waitedCount / emergency : NaN,
    meanQueueWait: emergency > 0 ? waitSum / emergency : NaN,
    meanQueueLength: waitSum / measured,
    meanInSystem: openSum / measured,
    allUnitsBusy: allBusyShares(trace, staffing),
    response: {
      overall: groupStats(response.overall, responseWithin.overall),
      byTier: groups(response.byTier, responseWithin.byTier),
      byKind: groups(response.byKind, responseWithin.byKind),
      byDistrict: groups(response.byDistrict, responseWithin.byDistrict),
    },
    approvals: waitsByCause(trace, RecordKind.approved, warmup),
    handovers: waitsByCause(trace, RecordKind.commandHandedOver, warmup),
    assessment: assessmentByAgency(bulletin(trace, targets, assessmentRules, warmup), header),
    arrivalCompliance: Object.fromEntries(
      [...facts.compliance.keys()].sort().map((key) => {
        const { delays, target } = facts.compliance.get(key)!;
        return [
          key,
          groupStats(
            delays,
            delays.map((d) => d <= target),
          ),
        ];
      }),
    ),
    utilisation: {
      overall: ownUnits > 0 ? ownBusy / measured / ownUnits : NaN,
      byTier: sortedRecord(busyByTier),
      byAgency: sortedRecord(busyByAgency),
      byUnit: busyByUnit,
    },
    responseHistograms: Object.fromEntries([
      ['overall', histogramOf(response.overall)],
      ...(['byTier', 'byKind', 'byDistrict'] as const).flatMap((record) =>
        Object.keys(response[record])
          .sort()
          .map((key) => [histogramKey(record, key), histogramOf(response[record][key])]),
      ),
    ]),
    tierOneCoverage: {
      overall: coveredCalls > 0 ? covered / coveredCalls : NaN,
      byDistrict: Object.fromEntries(
        header.districts.map((district) => {
          const counts = coverageByDistrict[district];
          return [district, counts ? counts[1] / counts[0] : NaN];
        }),
      ),
    },
    coverageCells: Object.fromEntries(
      Object.keys(coverageCells)
        .sort()
        .map((key) => [key, coverageCells[key]]),
    ),
  };
}

/** The values of one kind of record (waits), by cause, after the warm-up. */
function waitsByCause(trace: Trace, kind: number, warmup: number): Record<string, GroupStats> {
  const byCause = dict<number[]>();
  for (let i = 0; i < trace.length; i++) {
    if (trace.kind[i] !== kind || trace.time[i] < warmup) continue;
    (byCause[CAUSES[trace.cause[i]]] ??= []).push(trace.value[i]);
  }
  return Object.fromEntries(
    Object.keys(byCause)
      .sort()
      .map((cause) => [cause, groupStats(byCause[cause], undefined)]),
  );
}

function assessmentByAgency(
  rows: BulletinRow[],
  header: Trace['header'],
): Record<string, AgencyAssessment> {
  const byAgency = dict<AgencyAssessment>();
  for (const agency of [...new Set(header.unitAgencies)].sort()) {
    byAgency[agency] = {
      dispatches: 0,
      lateArrivals: 0,
      lateReports: 0,
      missingReports: 0,
      unsatisfiedCallBacks: 0,
      deductions: 0,
    };
  }
  for (const row of rows) {
    const sum = byAgency[row.agency];
    sum.dispatches += row.dispatches;
    sum.lateArrivals += row.lateArrivals;
    sum.lateReports += row.lateReports;
    sum.missingReports += row.missingReports;
    sum.unsatisfiedCallBacks += row.unsatisfiedCallBacks;
    sum.deductions += row.deductions;
  }
  return byAgency;
}

/** A record keyed by ids from the scenario: no prototype, so an id like "constructor" is safe. */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function groupStats(values: number[], within: boolean[] | undefined): GroupStats {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return {
    n,
    mean: n > 0 ? sorted.reduce((a, b) => a + b, 0) / n : NaN,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    withinTarget: within && within.length > 0 ? within.filter(Boolean).length / within.length : NaN,
  };
}

/** Quantile of sorted values, linear interpolation between order statistics (type 7). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(n - 1, low + 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}
