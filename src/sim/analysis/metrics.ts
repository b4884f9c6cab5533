/**
 * Readiness figures of one replication, computed from its trace: response times by tier, kind
 * and district, arrival compliance, queueing, approvals and handovers, assessment, utilisation,
 * coverage. Plain numbers, so that replications run in different workers or on different
 * machines merge by concatenation into a report (report.ts).
 */
import type { Rules } from '../../scenarios/schema.ts';
import { CAUSES, type Trace } from '../trace.ts';
import { allBusyShares, type AllBusyShares, type Staffing } from './allBusy.ts';
import { bulletin, type BulletinRow } from './assessment.ts';
import { histogramKey } from './figures.ts';
import {
  groupsOf,
  histogramOfSorted,
  statsOfSorted,
  type Group,
  type GroupStats,
  type Items,
  valuedOrder,
} from './groupStats.ts';
import { CoverageCells, type Histogram } from './pooled.ts';
import { runFacts } from './runFacts.ts';

export { quantile, type GroupStats } from './groupStats.ts';

type AssessmentRules = Rules['assessment'];
const DEFAULT_ASSESSMENT: AssessmentRules = {
  periodDays: 30,
  lateResponsePoints: 1,
  poorHandlingPoints: 1,
  lateReportPoints: 0.5,
  missingReportPoints: 1,
};

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
  // The emergency calls after the warm-up, one item each: the response time (NaN if nobody
  // arrived), whether a target applied and was met, and the item's tier, kind and district.
  const items: Items = {
    count: 0,
    values: new Float64Array(incidents),
    targeted: new Uint8Array(incidents),
    within: new Uint8Array(incidents),
  };
  const tierSlots = new Int32Array(incidents);
  const kindSlots = new Int32Array(incidents);
  const districtSlots = new Int32Array(incidents);
  // Each district's arrival targets of tiers 1 and 2, by its area (urban or rural).
  const tierOneTarget = Float64Array.from(header.districtAreas, (area) => targets.tier1[area]);
  const tierTwoTarget = Float64Array.from(header.districtAreas, (area) => targets.tier2[area]);
  const districtCalls = new Int32Array(header.districts.length);
  const districtCovered = new Int32Array(header.districts.length);
  const cells = new CoverageCells(trace);
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
    const kind = trace.incidentKind[incident];
    const district = trace.incidentDistrict[incident];
    // The target is that of the tier serving the kind's first need (see TraceHeader), counted
    // from the call; a call nobody reached by the end of the run missed it.
    const targetTier = header.kindTargetTiers[kind];
    const target =
      targetTier === 1 ? tierOneTarget[district] : targetTier === 2 ? tierTwoTarget[district] : NaN;
    const arrived = !Number.isNaN(facts.firstArrival[incident]);
    const seconds = facts.firstArrival[incident] - facts.callTime[incident];
    const tierOneWithin = arrived && seconds <= tierOneTarget[district] ? 1 : 0;
    districtCalls[district]++;
    districtCovered[district] += tierOneWithin;
    cells.add(trace.incidentPlace[incident], tierOneWithin);
    coveredCalls++;
    covered += tierOneWithin;
    const tier = facts.firstArrivalTier[incident];
    const item = items.count++;
    items.values[item] = arrived ? seconds : NaN;
    items.targeted[item] = Number.isNaN(target) ? 0 : 1;
    items.within[item] = arrived && seconds <= target ? 1 : 0;
    // A tier t at slot t + 128, outside help and nobody last (TIER_KEYS).
    tierSlots[item] = !arrived ? TIER_SLOT_NONE : tier === 0 ? TIER_SLOT_OUTSIDE : tier + 128;
    kindSlots[item] = kind;
    districtSlots[item] = district;
  }
  // The response times put in order once, then dealt out to each breakdown's groups.
  const order = valuedOrder(items);
  const overall = groupsOf(items, new Int32Array(items.count), ['overall'], order);
  const byRecord = {
    byTier: groupsOf(items, tierSlots, TIER_KEYS, order),
    byKind: groupsOf(items, kindSlots, header.incidentKinds, order),
    byDistrict: groupsOf(items, districtSlots, header.districts, order),
  };
  const statsOf = (groups: Group[]) =>
    Object.fromEntries(groups.map((g) => [g.key, statsOfSorted(g.sorted, g.targeted, g.within)]));

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
  const noGroup = { sorted: new Float64Array(0), targeted: 0, within: 0 };
  const overallGroup = overall[0] ?? noGroup;
  // By district id (should two districts share one, they count together).
  const coverage = new Map<string, [number, number]>();
  header.districts.forEach((district, slot) => {
    const counts = coverage.get(district) ?? [0, 0];
    counts[0] += districtCalls[slot];
    counts[1] += districtCovered[slot];
    coverage.set(district, counts);
  });

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
      overall: statsOfSorted(overallGroup.sorted, overallGroup.targeted, overallGroup.within),
      byTier: statsOf(byRecord.byTier),
      byKind: statsOf(byRecord.byKind),
      byDistrict: statsOf(byRecord.byDistrict),
    },
    approvals: waitsByCause(facts.approvalWaits),
    handovers: waitsByCause(facts.handoverWaits),
    assessment: assessmentByAgency(bulletin(trace, targets, assessmentRules, warmup), header),
    arrivalCompliance: Object.fromEntries(
      [...facts.compliance.keys()].sort().map((key) => {
        const { delays, target } = facts.compliance.get(key)!;
        let within = 0;
        for (const delay of delays) if (delay <= target) within++;
        return [key, statsOfSorted(Float64Array.from(delays).sort(), delays.length, within)];
      }),
    ),
    utilisation: {
      overall: ownUnits > 0 ? ownBusy / measured / ownUnits : NaN,
      byTier: sortedRecord(busyByTier),
      byAgency: sortedRecord(busyByAgency),
      byUnit: busyByUnit,
    },
    responseHistograms: Object.fromEntries([
      ['overall', histogramOfSorted(overallGroup.sorted)],
      ...(['byTier', 'byKind', 'byDistrict'] as const).flatMap((record) =>
        byRecord[record]
          .filter((g) => g.sorted.length > 0)
          .map((g) => [histogramKey(record, g.key), histogramOfSorted(g.sorted)]),
      ),
    ]),
    tierOneCoverage: {
      overall: coveredCalls > 0 ? covered / coveredCalls : NaN,
      byDistrict: Object.fromEntries(
        header.districts.map((district) => {
          const counts = coverage.get(district)!;
          return [district, counts[0] > 0 ? counts[1] / counts[0] : NaN];
        }),
      ),
    },
    coverageCells: cells.counts(),
  };
}

/** Keys of the tier slots of `replicationMetrics`: tiers −128…127, then outside help, nobody. */
const TIER_KEYS: readonly string[] = [
  ...Array.from({ length: 256 }, (_, slot) => String(slot - 128)),
  'outside',
  'none',
];
const TIER_SLOT_OUTSIDE = 256;
const TIER_SLOT_NONE = 257;

/** Waits by cause, from lists by cause code (`CAUSES`), causes in order. */
function waitsByCause(byCode: ReadonlyArray<number[] | undefined>): Record<string, GroupStats> {
  const byCause = dict<number[]>();
  byCode.forEach((values, code) => {
    if (values) byCause[CAUSES[code]] = values;
  });
  return Object.fromEntries(
    Object.keys(byCause)
      .sort()
      .map((cause) => [cause, statsOfSorted(Float64Array.from(byCause[cause]).sort(), 0, 0)]),
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
