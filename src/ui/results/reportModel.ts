/**
 * Pure helpers of the readiness report view: the scenario's names and targets as the report
 * needs them, the worst figures for the summary, histogram groups, re-binning and the ECDF, and
 * the CSV exports. No DOM and no React: tested in Node (tests/unit/results.test.ts).
 */
import { displayName } from '../i18n.ts';
import { Targets as TargetsSchema } from '../../scenarios/schema.ts';
import {
  HISTOGRAM_BIN_SECONDS,
  type Estimate,
  type Histogram,
  type Report,
  type Targets,
} from '../../sim/metrics.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export type Area = 'urban' | 'rural';

/** What the report shows of the scenario: people's names for ids, areas, tiers and targets. */
export interface ScenarioNames {
  scenarioId: string;
  scenarioName: string;
  districts: Map<string, { name: string; area: Area }>;
  agencies: Map<string, { name: string; tier: number }>;
  kinds: Map<string, string>;
  targets: Targets;
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Names from the scenario as it ran. The doc passed validation before the run, so missing fields
 * are the schema's defaults (a name defaults to '', an area to urban, a tier to 1).
 */
export function scenarioNames(doc: ScenarioDoc): ScenarioNames {
  const parsedTargets = TargetsSchema.safeParse(doc.targets);
  return {
    scenarioId: text(doc.id),
    scenarioName: text(doc.name),
    districts: new Map(
      listOf(doc.districts).map((d) => [
        text(d.id),
        { name: text(d.name), area: d.area === 'rural' ? 'rural' : 'urban' },
      ]),
    ),
    agencies: new Map(
      listOf(doc.agencies).map((a) => [
        text(a.id),
        { name: text(a.name), tier: typeof a.tier === 'number' ? a.tier : 1 },
      ]),
    ),
    kinds: new Map(listOf(doc.incidentKinds).map((k) => [text(k.id), text(k.name)])),
    targets: parsedTargets.success ? parsedTargets.data : TargetsSchema.parse(undefined),
  };
}

/** A scenario's name for an id, else the id itself (names are optional). */
export function nameOr(id: string, name: string | undefined): string {
  return name ? name : id;
}

// -----------------------------------------------------------------------------------------------
// The summary: the worst figures

/** Planners read a share below this as a weak spot (and utilisation above it as strained). */
export const CONCERN_SHARE = 0.8;

export interface Ranked {
  id: string;
  estimate: Estimate;
}

export interface SummaryFacts {
  coverage: Estimate | undefined;
  /** Districts whose tier-1 coverage is below CONCERN_SHARE, worst first. */
  districtsBelow: Ranked[];
  /** The agency with most points deducted (if any agency lost points). */
  mostDeductions: Ranked | null;
  /** Tiers and agencies whose units are committed more than CONCERN_SHARE of the time. */
  strainedTiers: Ranked[];
  strainedAgencies: Ranked[];
  overflowed: Estimate | undefined;
  overflowShare: Estimate | undefined;
  unanswered: Estimate | undefined;
}

function byPrefix(aggregate: Report['aggregate'], prefix: string, suffix = ''): Ranked[] {
  return Object.entries(aggregate).flatMap(([path, estimate]) =>
    path.startsWith(prefix) && path.endsWith(suffix)
      ? [{ id: path.slice(prefix.length, path.length - suffix.length), estimate }]
      : [],
  );
}

export function summaryFacts(report: Report): SummaryFacts {
  const aggregate = report.aggregate;
  const mostDeductions = byPrefix(aggregate, 'assessment.', '.deductions')
    .filter((row) => row.estimate.mean > 0)
    .sort((a, b) => b.estimate.mean - a.estimate.mean);
  const strained = (prefix: string) =>
    byPrefix(aggregate, prefix)
      .filter((row) => row.estimate.mean > CONCERN_SHARE)
      .sort((a, b) => b.estimate.mean - a.estimate.mean);
  return {
    coverage: aggregate['tierOneCoverage.overall'],
    districtsBelow: byPrefix(aggregate, 'tierOneCoverage.byDistrict.')
      .filter((row) => row.estimate.mean < CONCERN_SHARE)
      .sort((a, b) => a.estimate.mean - b.estimate.mean),
    mostDeductions: mostDeductions[0] ?? null,
    strainedTiers: strained('utilisation.byTier.'),
    strainedAgencies: strained('utilisation.byAgency.'),
    overflowed: aggregate.overflowed,
    overflowShare: aggregate.overflowShare,
    unanswered: aggregate.unanswered,
  };
}

/**
 * The t-interval is symmetric and can reach past what a share can be when replications vary a
 * lot; it is shown cut to 0–1.
 */
export function clampShare(value: number): number {
  return Math.min(1, Math.max(0, value));
}

// -----------------------------------------------------------------------------------------------
// Response-time groups and their targets

export type GroupFamily = 'overall' | 'tier' | 'kind' | 'district';

export interface ResponseGroup {
  /** Key in report.pooled: `overall`, `tier/1`, `kind/fire`, `district/x`. */
  key: string;
  family: GroupFamily;
  id: string;
}

const FAMILY_ORDER: GroupFamily[] = ['overall', 'tier', 'kind', 'district'];

/** The pooled groups of a report, overall first, then tiers, kinds and districts. */
export function responseGroups(report: Report): ResponseGroup[] {
  return Object.keys(report.pooled)
    .map((key): ResponseGroup => {
      if (key === 'overall') return { key, family: 'overall', id: '' };
      const slash = key.indexOf('/');
      return { key, family: key.slice(0, slash) as GroupFamily, id: key.slice(slash + 1) };
    })
    .filter((group) => FAMILY_ORDER.includes(group.family))
    .sort(
      (a, b) =>
        FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) ||
        a.id.localeCompare(b.id, 'en', { numeric: true }),
    );
}

export interface TargetLine {
  tier: 1 | 2;
  area: Area;
  seconds: number;
}

/**
 * The arrival targets that apply to a group: a tier's own (both areas), a district's area (both
 * tiers), all of them otherwise. Equal targets are drawn once, as the first of them.
 */
export function targetLines(group: ResponseGroup, names: ScenarioNames): TargetLine[] {
  const tiers: Array<1 | 2> =
    group.family === 'tier'
      ? group.id === '1' || group.id === '2'
        ? [Number(group.id) as 1 | 2]
        : []
      : [1, 2];
  const districtArea = names.districts.get(group.id)?.area;
  const areas: Area[] =
    group.family === 'district' && districtArea ? [districtArea] : ['urban', 'rural'];
  const lines: TargetLine[] = [];
  for (const tier of tiers) {
    for (const area of areas) {
      const seconds = names.targets[`tier${tier}`][area];
      if (!lines.some((line) => line.seconds === seconds)) lines.push({ tier, area, seconds });
    }
  }
  return lines;
}

// -----------------------------------------------------------------------------------------------
// Histograms in minutes

export interface Bin {
  /** Start and end of the bin, in minutes. */
  from: number;
  to: number;
  /** Share of the group's calls in the bin. */
  share: number;
}

export interface Distribution {
  bins: Bin[];
  /** [minutes, share of calls at or below] at each bin end, from (0, 0). */
  ecdf: Array<[number, number]>;
  /** The axis ends here; `beyond` is the share of calls later than that. */
  maxMinutes: number;
  beyond: number;
  total: number;
}

const NICE_MINUTES = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 240];

/**
 * Re-bins a pooled 10-s histogram for reading: the axis runs to the 99th percentile or past the
 * latest target line, whichever is later, in at most 60 bins of a round number of minutes.
 */
export function distributionOf(histogram: Histogram, targetSeconds: number[]): Distribution {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  let cumulative = 0;
  let p99Seconds = 0;
  for (const [bin, count] of histogram) {
    cumulative += count;
    p99Seconds = (bin + 1) * HISTOGRAM_BIN_SECONDS;
    if (cumulative >= 0.99 * total) break;
  }
  const spanMinutes = Math.max(p99Seconds, ...targetSeconds.map((s) => s * 1.1), 60) / 60;
  const width = NICE_MINUTES.find((step) => spanMinutes / step <= 60) ?? 480;
  // Less a hair, so that 1.1 × 30 min (33.000…04 in floating point) stays 33 bins of 1 min.
  const binCount = Math.ceil(spanMinutes / width - 1e-9);
  const maxMinutes = binCount * width;
  const counts = new Array<number>(binCount).fill(0);
  let beyondCount = 0;
  for (const [bin, count] of histogram) {
    // A 10-s bin lies inside one display bin: display widths are whole multiples of 10 s.
    const index = Math.floor((bin * HISTOGRAM_BIN_SECONDS) / 60 / width);
    if (index < binCount) counts[index] += count;
    else beyondCount += count;
  }
  const share = (count: number) => (total > 0 ? count / total : 0);
  const bins = counts.map((count, i) => ({
    from: i * width,
    to: (i + 1) * width,
    share: share(count),
  }));
  const ecdf: Array<[number, number]> = [[0, 0]];
  let running = 0;
  for (const bin of bins) {
    running += bin.share;
    ecdf.push([bin.to, Math.min(1, running)]);
  }
  return { bins, ecdf, maxMinutes, beyond: share(beyondCount), total };
}

// -----------------------------------------------------------------------------------------------
// CSV

/**
 * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. Text that a
 * spreadsheet would run as a formula (= + - @ first, e.g. a scenario name "=HYPERLINK(…)") gets
 * a leading apostrophe; numbers are written as numbers.
 */
export function csvField(value: string | number): string {
  let textValue = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) textValue = `'${value}`;
  return /[",\r\n]/.test(textValue) ? `"${textValue.replaceAll('"', '""')}"` : textValue;
}

function csvLines(rows: Array<Array<string | number>>): string {
  // The byte-order mark makes spreadsheet programs read the Chinese labels as UTF-8.
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One row per aggregate path: path, label, mean, 95% CI low and high, replications. */
export function aggregateCsv(
  report: Report,
  header: [string, string, string, string, string, string],
  labelOf: (path: string) => string,
): string {
  return csvLines([
    header,
    ...Object.entries(report.aggregate).map(([path, e]) => [
      path,
      labelOf(path),
      e.mean,
      e.low,
      e.high,
      e.n,
    ]),
  ]);
}

/** Every aggregate path's value in one replication (the same walk as the aggregate's). */
export function replicationValues(
  replication: Report['replications'][number],
): Map<string, number> {
  const values = new Map<string, number>();
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'number') values.set(path, value);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(replication, '');
  return values;
}

/** One row per replication (by seed), one column per aggregate path. */
export function replicationsCsv(report: Report, seedHeader: string): string {
  const paths = Object.keys(report.aggregate);
  return csvLines([
    [seedHeader, ...paths],
    ...report.replications.map((replication) => {
      const values = replicationValues(replication);
      return [replication.seed, ...paths.map((path) => values.get(path) ?? NaN)];
    }),
  ]);
}

// -----------------------------------------------------------------------------------------------
// Names and labels in the page's language

export interface PathLabels {
  figure: Record<string, string>;
  stat: Record<string, string>;
  assessmentFigure: Record<string, string>;
  causeLabel(cause: string): string;
  tier(tier: string): string;
  area(area: string): string;
}

/** The name of one entity an aggregate path is about, by the record it sits in. */
function entityName(
  record: string,
  id: string,
  labels: PathLabels,
  names: ScenarioNames,
  language: 'zh' | 'en',
): string {
  switch (record) {
    case 'byTier':
      return labels.tier(id);
    case 'byKind':
      return displayName(id, names.kinds.get(id), language);
    case 'byDistrict':
      return displayName(id, names.districts.get(id)?.name, language);
    case 'byAgency':
    case 'assessment':
      return displayName(id, names.agencies.get(id)?.name, language);
    case 'approvals':
    case 'handovers':
      return labels.causeLabel(id);
    case 'arrivalCompliance': {
      const [tier, area] = id.replace(/^tier/, '').split('/');
      return `${labels.tier(tier)} · ${labels.area(area)}`;
    }
    default:
      return id;
  }
}

/** A label for an aggregate path, e.g. `response.byDistrict.xishan.p90` → 响应时间 · 西山区 · 90 百分位. */
export function pathLabel(
  path: string,
  labels: PathLabels,
  names: ScenarioNames,
  language: 'zh' | 'en',
): string {
  const parts = path.split('.');
  const head = parts[0];
  const words = [labels.figure[head] ?? head];
  let rest = parts.slice(1);
  if (
    head === 'assessment' ||
    head === 'approvals' ||
    head === 'handovers' ||
    head === 'arrivalCompliance'
  ) {
    words.push(entityName(head, rest[0] ?? '', labels, names, language));
    rest = rest.slice(1);
  } else if (rest[0]?.startsWith('by')) {
    // Ids may contain dots only in the last place: the stat, if any, is a known word.
    const statLast = rest.length > 2 && rest[rest.length - 1] in labels.stat;
    const id = rest.slice(1, statLast ? -1 : undefined).join('.');
    words.push(entityName(rest[0], id, labels, names, language));
    rest = statLast ? rest.slice(-1) : [];
  }
  for (const word of rest) {
    words.push(labels.stat[word] ?? labels.assessmentFigure[word] ?? labels.figure[word] ?? word);
  }
  return words.join(' · ');
}
