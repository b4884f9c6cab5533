/**
 * Readiness figures computed from traces. One replication gives one `ReplicationMetrics`: plain
 * numbers, so that replications run in different workers or on different machines merge by
 * concatenation. The aggregate (mean and 95% confidence interval across replications, by the
 * method of independent replications) is always recomputed from the list in seed order, so a
 * report merged from shards equals the report of one run over all their seeds, to the bit.
 */
import type { Rules } from '../../scenarios/schema.ts';
import { bulletin, type BulletinRow } from './assessment.ts';
import type { ReportLabels } from './reportLabels.ts';
import { Cause, CAUSES, RecordKind, type Trace } from '../trace.ts';

type AssessmentRules = Rules['assessment'];
const DEFAULT_ASSESSMENT: AssessmentRules = {
  periodDays: 30,
  lateResponsePoints: 1,
  poorHandlingPoints: 1,
  lateReportPoints: 0.5,
  missingReportPoints: 1,
};
import { confidenceHalfWidth } from './studentT.ts';

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

/** Coverage cells per degree of longitude and of latitude (a cell is about 1 km across). */
export const COVERAGE_CELLS_PER_DEGREE = 100;

/** The key of the coverage cell holding a place; the cell's centre is ((x + 0.5) / 100, …). */
export function coverageCellKey(lon: number, lat: number): string {
  return `${Math.floor(lon * COVERAGE_CELLS_PER_DEGREE)},${Math.floor(lat * COVERAGE_CELLS_PER_DEGREE)}`;
}

/** The centre of a coverage cell, as [lon, lat], from its key. */
export function coverageCellCentre(key: string): [number, number] {
  const [x, y] = key.split(',').map(Number);
  return [(x + 0.5) / COVERAGE_CELLS_PER_DEGREE, (y + 0.5) / COVERAGE_CELLS_PER_DEGREE];
}

/** Sparse histogram: [bin index, count] pairs in increasing bin order. */
export type Histogram = Array<[number, number]>;

/** Width of a histogram bin; the last bin holds everything from 24 h on. */
export const HISTOGRAM_BIN_SECONDS = 10;
const HISTOGRAM_LAST_BIN = (24 * 3600) / HISTOGRAM_BIN_SECONDS;

function histogramOf(values: readonly number[]): Histogram {
  const counts = new Map<number, number>();
  for (const value of values) {
    const bin = Math.min(Math.floor(value / HISTOGRAM_BIN_SECONDS), HISTOGRAM_LAST_BIN);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** Adds histograms bin by bin (integer counts: the order does not matter). */
export function addHistograms(histograms: readonly Histogram[]): Histogram {
  const counts = new Map<number, number>();
  for (const histogram of histograms) {
    for (const [bin, count] of histogram) counts.set(bin, (counts.get(bin) ?? 0) + count);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** Quantile of a histogram, interpolating uniformly within the bin. */
export function histogramQuantile(histogram: Histogram, p: number): number {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return NaN;
  const rank = p * total;
  let below = 0;
  for (const [bin, count] of histogram) {
    if (below + count >= rank) return (bin + (rank - below) / count) * HISTOGRAM_BIN_SECONDS;
    below += count;
  }
  return (histogram[histogram.length - 1][0] + 1) * HISTOGRAM_BIN_SECONDS;
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

/** The key of a tier and area in `arrivalCompliance`, e.g. `tier1/urban`. */
function complianceKey(tier: number, area: 'urban' | 'rural'): string {
  return `tier${tier}/${area}`;
}

/** Computes one replication's figures from its trace; calls before the warm-up are left out. */
export function replicationMetrics(
  trace: Trace,
  targets: Targets,
  assessmentRules: AssessmentRules = DEFAULT_ASSESSMENT,
): ReplicationMetrics {
  const header = trace.header;
  const warmup = header.warmup;
  const end = header.duration;
  const incidents = trace.incidentCount;
  const callTime = new Float64Array(incidents).fill(NaN);
  const firstArrival = new Float64Array(incidents).fill(NaN);
  const firstArrivalTier = new Int8Array(incidents);
  const queuedAt = new Float64Array(incidents).fill(NaN);
  const waitTotal = new Float64Array(incidents);
  const missing = new Int32Array(incidents);
  const waited = new Uint8Array(incidents);
  const triaged = new Uint8Array(incidents);
  const overflowed = new Uint8Array(incidents);
  const unanswered = new Uint8Array(incidents);
  const closed = new Uint8Array(incidents);
  const grew = new Uint8Array(incidents);
  const unitCount = header.units.length;
  const busySince = new Float64Array(unitCount).fill(NaN);
  const busyTime = new Float64Array(unitCount);
  const dispatchTime = new Float64Array(unitCount).fill(NaN);
  const approvalWait = new Float64Array(unitCount);
  const compliance = dict<number[][]>();

  const addBusy = (unit: number, until: number) => {
    const from = Math.max(busySince[unit], warmup);
    if (until > from) busyTime[unit] += until - from;
    busySince[unit] = NaN;
  };
  const endWait = (incident: number, time: number) => {
    if (Number.isNaN(queuedAt[incident])) return;
    waitTotal[incident] += time - queuedAt[incident];
    queuedAt[incident] = NaN;
  };
  const areaOf = (incident: number) => header.districtAreas[trace.incidentDistrict[incident]];

  for (let i = 0; i < trace.length; i++) {
    const time = trace.time[i];
    const incident = trace.incident[i];
    const unit = trace.unit[i];
    switch (trace.kind[i]) {
      case RecordKind.callReceived:
        callTime[incident] = time;
        break;
      case RecordKind.sentTo12345:
        triaged[incident] = 1;
        break;
      case RecordKind.queued:
        // Queued again while still waiting (it grew): the wait goes on from the first time.
        if (Number.isNaN(queuedAt[incident])) queuedAt[incident] = time;
        missing[incident] = trace.value[i];
        waited[incident] = 1;
        break;
      case RecordKind.dispatched:
        // A dispatch after queueing fills one open slot; the wait ends when none is left.
        if (!Number.isNaN(queuedAt[incident]) && --missing[incident] === 0) endWait(incident, time);
        if (Number.isNaN(busySince[unit])) busySince[unit] = time;
        dispatchTime[unit] = time;
        approvalWait[unit] = 0;
        break;
      case RecordKind.overflowed:
        overflowed[incident] = 1;
        endWait(incident, time);
        break;
      case RecordKind.unanswered:
        // Still waiting when the run ended is not giving up: such calls count as open at the end.
        if (trace.cause[i] !== Cause.endOfRun) unanswered[incident] = 1;
        endWait(incident, time);
        break;
      case RecordKind.approved:
        if (unit >= 0) approvalWait[unit] += trace.value[i];
        break;
      case RecordKind.arrived: {
        if (Number.isNaN(firstArrival[incident])) {
          firstArrival[incident] = time;
          firstArrivalTier[incident] = header.unitTiers[unit];
        }
        const tier = header.unitTiers[unit];
        // Units are measured from the order reaching them (approvals are not their delay);
        // reinforcements from outside are not the city's units.
        if (tier <= 2 && callTime[incident] >= warmup && !header.unitReserves[unit]) {
          const area = areaOf(incident);
          const key = complianceKey(tier, area);
          const target = targets[`tier${tier}` as 'tier1' | 'tier2'][area];
          (compliance[key] ??= [[], [target]])[0].push(
            time - dispatchTime[unit] - approvalWait[unit],
          );
        }
        break;
      }
      case RecordKind.outsideArrived:
        if (Number.isNaN(firstArrival[incident])) {
          firstArrival[incident] = time;
          firstArrivalTier[incident] = 0;
        }
        break;
      case RecordKind.available:
      case RecordKind.outOfService:
        if (!Number.isNaN(busySince[unit])) addBusy(unit, time);
        break;
      case RecordKind.closed:
        closed[incident] = 1;
        break;
      case RecordKind.grew:
        grew[incident] = 1;
        break;
    }
  }
  for (let unit = 0; unit < unitCount; unit++) {
    if (!Number.isNaN(busySince[unit])) addBusy(unit, end);
  }
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
  for (let incident = 0; incident < incidents; incident++) {
    if (!(callTime[incident] >= warmup)) continue;
    calls++;
    if (triaged[incident]) {
      sentTo12345++;
      continue;
    }
    emergency++;
    overflowCount += overflowed[incident];
    unansweredCount += unanswered[incident];
    if (!closed[incident] && !unanswered[incident]) openAtEnd++;
    grewCount += grew[incident];
    waitedCount += waited[incident];
    waitSum += waitTotal[incident];
    const kindKey = header.incidentKinds[trace.incidentKind[incident]];
    const districtKey = header.districts[trace.incidentDistrict[incident]];
    // The target is that of the tier serving the kind's first need (see TraceHeader), counted
    // from the call; a call nobody reached by the end of the run missed it.
    const targetTier = header.kindTargetTiers[trace.incidentKind[incident]];
    const target =
      targetTier === 1 || targetTier === 2 ? targets[`tier${targetTier}`][areaOf(incident)] : NaN;
    const arrived = !Number.isNaN(firstArrival[incident]);
    const seconds = firstArrival[incident] - callTime[incident];
    const within = arrived && seconds <= target;
    const tierOneWithin = arrived && seconds <= targets.tier1[areaOf(incident)] ? 1 : 0;
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
    const tier = firstArrivalTier[incident];
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
  // Utilisation is of the city's own units; reinforcements from outside are not its staffing.
  let ownUnits = 0;
  let ownBusy = 0;
  for (let unit = 0; unit < unitCount; unit++) {
    if (header.unitReserves[unit]) continue;
    ownUnits++;
    ownBusy += busyTime[unit];
    (busyByTier[String(header.unitTiers[unit])] ??= []).push(busyTime[unit] / measured);
    (busyByAgency[header.unitAgencies[unit]] ??= []).push(busyTime[unit] / measured);
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
      Object.keys(compliance)
        .sort()
        .map((key) => {
          const [delays, [target]] = compliance[key];
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
    },
    responseHistograms: Object.fromEntries([
      ['overall', histogramOf(response.overall)],
      ...(['byTier', 'byKind', 'byDistrict'] as const).flatMap((record) => {
        const group = BY_RECORDS[record];
        return Object.keys(response[record])
          .sort()
          .map((key) => [`${group}/${key}`, histogramOf(response[record][key])]);
      }),
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

// -----------------------------------------------------------------------------------------------
// What a figure is about: the breakdowns, read from where the figures are made

/**
 * Which part of a record a figure is about: all of it (`overall`), a tier (of the first unit on
 * scene: `1`, `2`, `3`, `outside` help, `none`; or of the units measured), an incident kind, a
 * district or an agency by the scenario's id, the cause of a wait, or a tier and area of the
 * arrival targets.
 */
export type Breakdown =
  | { group: 'overall' }
  | { group: 'tier' | 'kind' | 'district' | 'agency' | 'cause'; key: string }
  | { group: 'tierArea'; key: string; tier: number; area: 'urban' | 'rural' };

/** What an aggregate path is, so that readers need not take the path apart. */
export interface FigureKey {
  /** The record of `ReplicationMetrics` it comes from: `calls`, `response`, `utilisation`… */
  figure: string;
  /** The part of the record's breakdown it is about; absent for a figure with none (`calls`). */
  breakdown?: Breakdown;
  /** The statistic or count of that record (`mean`, `p90`, `withinTarget`, `deductions`…); absent where the record is the value. */
  stat?: string;
}

/** Records of `ReplicationMetrics` keyed directly by the members of a breakdown. */
const KEYED_RECORDS: Record<string, Exclude<Breakdown['group'], 'overall'>> = {
  arrivalCompliance: 'tierArea',
  approvals: 'cause',
  handovers: 'cause',
  assessment: 'agency',
};

/** Sub-records `by…` and the breakdown each is keyed by. */
const BY_RECORDS = {
  byTier: 'tier',
  byKind: 'kind',
  byDistrict: 'district',
  byAgency: 'agency',
} as const satisfies Record<string, Exclude<Breakdown['group'], 'overall'>>;

function breakdownOf(group: Exclude<Breakdown['group'], 'overall'>, key: string): Breakdown {
  if (group !== 'tierArea') return { group, key };
  // The key was made by complianceKey: `tier<N>/<area>`.
  const [tier, area] = key.slice('tier'.length).split('/');
  return { group, key, tier: Number(tier), area: area === 'rural' ? 'rural' : 'urban' };
}

/**
 * What the figure at a path of a replication is, from the path's parts as the replication nests
 * them (the aggregate's paths join them with dots, and ids may hold dots too).
 */
export function figureKey(parts: readonly string[]): FigureKey {
  const [figure, ...rest] = parts;
  let breakdown: Breakdown | undefined;
  if (Object.hasOwn(KEYED_RECORDS, figure)) {
    breakdown = breakdownOf(KEYED_RECORDS[figure], rest.shift() ?? '');
  } else if (rest[0] === 'overall') {
    rest.shift();
    breakdown = { group: 'overall' };
  } else if (rest.length > 0 && Object.hasOwn(BY_RECORDS, rest[0])) {
    const group = BY_RECORDS[rest.shift() as keyof typeof BY_RECORDS];
    breakdown = breakdownOf(group, rest.shift() ?? '');
  }
  const stat = rest.join('.');
  return { figure, ...(breakdown && { breakdown }), ...(stat && { stat }) };
}

/** The breakdown of a response-time histogram by its key (`overall`, `tier/1`, `kind/fire`…). */
function histogramBreakdown(key: string): Breakdown {
  const slash = key.indexOf('/');
  if (slash < 0) return { group: 'overall' };
  const group = key.slice(0, slash) as (typeof BY_RECORDS)[keyof typeof BY_RECORDS];
  return breakdownOf(group, key.slice(slash + 1));
}

/** One figure of a breakdown: its path in the aggregate, and the part it is about and its id. */
export interface Member {
  path: string;
  breakdown: Breakdown;
  /** The tier, kind, district, agency or cause; '' for `overall`. */
  key: string;
}

/**
 * The members of one breakdown of a record with one statistic, in path order: e.g. the
 * `withinTarget` of `response` by `district`, or `utilisation` by `agency` (no statistic).
 */
export function breakdownMembers(
  figures: Readonly<Record<string, FigureKey>>,
  figure: string,
  group: Breakdown['group'],
  stat?: string,
): Member[] {
  return Object.entries(figures).flatMap(([path, what]) => {
    const breakdown = what.breakdown;
    if (what.figure !== figure || breakdown?.group !== group || what.stat !== stat) return [];
    return [{ path, breakdown, key: 'key' in breakdown ? breakdown.key : '' }];
  });
}

// -----------------------------------------------------------------------------------------------
// Reports: replications and their aggregate

export const REPORT_FORMAT = 'drill-planner-report';
/** 2: reports carry their labels and what each figure is (`labels`, `figures`, pooled breakdowns). */
export const REPORT_VERSION = 2;

export interface Estimate {
  /** Replications with a value. */
  n: number;
  mean: number;
  /** 95% confidence interval of the mean across replications (NaN with fewer than 2). */
  low: number;
  high: number;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  scenario: string;
  /** The scenario's names, tiers, areas and targets, as it was run. */
  labels: ReportLabels;
  seeds: number[];
  replications: ReplicationMetrics[];
  /** Every numeric figure of the replications, by its path, e.g. `response.byTier.1.mean`. */
  aggregate: Record<string, Estimate>;
  /** What each path of `aggregate` is: its record, the member of a breakdown, its statistic. */
  figures: Record<string, FigureKey>;
  /** Response times of all replications' calls together, by group: counts and quantiles. */
  pooled: Record<string, PooledResponse>;
  /** Tier-1 coverage by place, all replications' calls together: [calls, within] by cell. */
  coverageCells: Record<string, [number, number]>;
}

export interface PooledResponse {
  /** Which calls: all of them, or those of a tier, kind or district. */
  breakdown: Breakdown;
  n: number;
  /** Quantiles from the pooled histogram (to within a bin). */
  median: number;
  p90: number;
  histogram: Histogram;
}

export function makeReport(
  scenario: string,
  replications: ReplicationMetrics[],
  labels: ReportLabels,
): Report {
  const sorted = replications.slice().sort((a, b) => a.seed - b.seed);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].seed === sorted[i - 1].seed) {
      throw new Error(`seed ${sorted[i].seed} appears twice`);
    }
  }
  for (const r of sorted) {
    if (r.duration !== sorted[0].duration || r.warmup !== sorted[0].warmup) {
      throw new Error(
        `replications of different runs: ${sorted[0].duration} s with ${sorted[0].warmup} s warm-up, and ${r.duration} s with ${r.warmup} s`,
      );
    }
  }
  const { estimates, figures } = aggregate(sorted);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    scenario,
    labels,
    seeds: sorted.map((r) => r.seed),
    replications: sorted,
    aggregate: estimates,
    figures,
    pooled: pool(sorted),
    coverageCells: poolCoverageCells(sorted),
  };
}

function poolCoverageCells(replications: ReplicationMetrics[]): Record<string, [number, number]> {
  const cells = new Map<string, [number, number]>();
  for (const replication of replications) {
    for (const [key, [calls, within]] of Object.entries(replication.coverageCells)) {
      const sum = cells.get(key) ?? [0, 0];
      sum[0] += calls;
      sum[1] += within;
      cells.set(key, sum);
    }
  }
  return Object.fromEntries([...cells.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function pool(replications: ReplicationMetrics[]): Record<string, PooledResponse> {
  const groups = [
    ...new Set(replications.flatMap((r) => Object.keys(r.responseHistograms))),
  ].sort();
  return Object.fromEntries(
    groups.map((group) => {
      const histogram = addHistograms(replications.map((r) => r.responseHistograms[group] ?? []));
      return [
        group,
        {
          breakdown: histogramBreakdown(group),
          n: histogram.reduce((sum, [, count]) => sum + count, 0),
          median: histogramQuantile(histogram, 0.5),
          p90: histogramQuantile(histogram, 0.9),
          histogram,
        },
      ];
    }),
  );
}

/** Combines shard reports of the same scenario into the report of all their seeds. */
export function mergeReports(reports: Report[]): Report {
  if (reports.length === 0) throw new Error('nothing to merge');
  const { scenario, labels } = reports[0];
  for (const report of reports) {
    if (report.format !== REPORT_FORMAT || report.version !== REPORT_VERSION) {
      throw new Error(
        `not a ${REPORT_FORMAT} version ${REPORT_VERSION} file (older reports carry no labels: run their seeds again)`,
      );
    }
    if (report.scenario !== scenario) {
      throw new Error(`reports of different scenarios: "${scenario}" and "${report.scenario}"`);
    }
    // Other names, tiers, areas or targets: the scenario was edited between the shards.
    if (JSON.stringify(report.labels) !== JSON.stringify(labels)) {
      throw new Error(`reports of different versions of "${scenario}": their labels differ`);
    }
  }
  return makeReport(
    scenario,
    reports.flatMap((r) => r.replications),
    labels,
  );
}

function aggregate(replications: ReplicationMetrics[]): {
  estimates: Record<string, Estimate>;
  figures: Record<string, FigureKey>;
} {
  const values = new Map<string, { parts: string[]; list: number[] }>();
  const visit = (value: unknown, parts: string[]) => {
    const path = parts.join('.');
    // Pooled separately, or the same in every replication.
    if (
      path === 'responseHistograms' ||
      path === 'coverageCells' ||
      path === 'duration' ||
      path === 'warmup' ||
      path === 'seed'
    ) {
      return;
    }
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, [...parts, key]);
      return;
    }
    // NaN is written to JSON as null: a merged report must know the same paths as the original.
    if (value !== null && typeof value !== 'number') return;
    let entry = values.get(path);
    if (!entry) values.set(path, (entry = { parts, list: [] }));
    if (typeof value === 'number' && Number.isFinite(value)) entry.list.push(value);
  };
  for (const replication of replications) visit(replication, []);
  const estimates: Record<string, Estimate> = {};
  const figures: Record<string, FigureKey> = {};
  for (const path of [...values.keys()].sort()) {
    const { parts, list } = values.get(path)!;
    estimates[path] = estimate(list);
    figures[path] = figureKey(parts);
  }
  return { estimates, figures };
}

export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, low: NaN, high: NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  const half = n > 1 ? confidenceHalfWidth(sd, n) : NaN;
  return { n, mean, low: mean - half, high: mean + half };
}
