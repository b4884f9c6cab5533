/**
 * Pure helpers of the readiness report view: the worst figures for the summary, histogram
 * groups and their target lines, re-binning and the ECDF, labels of figures and the CSV
 * exports. Names, areas, tiers and targets are the report's own (`report.labels`), and figures
 * are found by what they are (`report.figures`). No DOM and no React: tested in Node
 * (tests/unit/results.test.ts).
 */
import { entryName } from '../i18n.ts';
import type { Breakdown, FigureKey } from '../../sim/analysis/figures.ts';
import { HISTOGRAM_BIN_SECONDS, type Histogram } from '../../sim/analysis/pooled.ts';
import type { Estimate, Report } from '../../sim/analysis/report.ts';
import { breakdownEstimates, kindName, type ReportNames } from '../reportFigures.ts';
import { csvField } from '../../lib/csv.ts';
import { capabilityWords } from '../../sim/analysis/terms.ts';

export type Area = 'urban' | 'rural';

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

export function summaryFacts(report: Report): SummaryFacts {
  const aggregate = report.aggregate;
  const mostDeductions = breakdownEstimates(report, 'assessment', 'agency', 'deductions')
    .filter((row) => row.estimate.mean > 0)
    .sort((a, b) => b.estimate.mean - a.estimate.mean);
  const strained = (group: 'tier' | 'agency') =>
    breakdownEstimates(report, 'utilisation', group)
      .filter((row) => row.estimate.mean > CONCERN_SHARE)
      .sort((a, b) => b.estimate.mean - a.estimate.mean);
  return {
    coverage: aggregate['tierOneCoverage.overall'],
    districtsBelow: breakdownEstimates(report, 'tierOneCoverage', 'district')
      .filter((row) => row.estimate.mean < CONCERN_SHARE)
      .sort((a, b) => a.estimate.mean - b.estimate.mean),
    mostDeductions: mostDeductions[0] ?? null,
    strainedTiers: strained('tier'),
    strainedAgencies: strained('agency'),
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

const FAMILY_ORDER: readonly GroupFamily[] = ['overall', 'tier', 'kind', 'district'];

function isFamily(group: string): group is GroupFamily {
  return (FAMILY_ORDER as readonly string[]).includes(group);
}

/** The pooled groups of a report, overall first, then tiers, kinds and districts. */
export function responseGroups(report: Report): ResponseGroup[] {
  return Object.entries(report.pooled)
    .flatMap(([key, { breakdown }]): ResponseGroup[] =>
      isFamily(breakdown.group)
        ? [{ key, family: breakdown.group, id: 'key' in breakdown ? breakdown.key : '' }]
        : [],
    )
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
export function targetLines(group: ResponseGroup, names: ReportNames): TargetLine[] {
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

export { csvField };

function csvLines(rows: Array<Array<string | number>>): string {
  // The byte-order mark makes spreadsheet programs read the Chinese labels as UTF-8.
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One row per aggregate path: path, label, mean, 95% CI low and high, replications. */
export function aggregateCsv(
  report: Report,
  header: [string, string, string, string, string, string],
  labelOf: (figure: FigureKey) => string,
): string {
  return csvLines([
    header,
    ...Object.entries(report.aggregate).map(([path, e]) => [
      path,
      labelOf(report.figures[path]),
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

/** The name of the part of a record a figure is about: a tier, a district by its name… */
function breakdownName(
  breakdown: Breakdown,
  labels: PathLabels,
  names: ReportNames,
  language: 'zh' | 'en',
): string {
  switch (breakdown.group) {
    case 'overall':
      return labels.figure.overall;
    case 'tier':
      return labels.tier(breakdown.key);
    case 'kind':
      return kindName(breakdown.key, names, language);
    case 'district':
      return entryName(breakdown.key, names.districts.get(breakdown.key), language);
    case 'agency':
      return entryName(breakdown.key, names.agencies.get(breakdown.key), language);
    case 'unit':
      return entryName(breakdown.key, names.units.get(breakdown.key), language);
    case 'capability':
      return capabilityWords(breakdown.key, language);
    case 'cause':
      return labels.causeLabel(breakdown.key);
    case 'tierArea':
      return `${labels.tier(String(breakdown.tier))} · ${labels.area(breakdown.area)}`;
  }
}

/**
 * A label for a figure of the report, e.g. `response.byDistrict.xishan.p90` → 响应时间 · 西山区 ·
 * 90 百分位: the record, the part of it, the statistic, named as the report's scenario names them.
 */
export function figureLabel(
  figure: FigureKey,
  labels: PathLabels,
  names: ReportNames,
  language: 'zh' | 'en',
): string {
  const words = [labels.figure[figure.figure] ?? figure.figure];
  // A record's "overall" may be more than all of it (all units busy: of any needed capability).
  const overall =
    figure.breakdown?.group === 'overall' && labels.figure[`${figure.figure}.overall`];
  if (overall) words.push(overall);
  else if (figure.breakdown) words.push(breakdownName(figure.breakdown, labels, names, language));
  const stat = figure.stat;
  if (stat) {
    words.push(labels.stat[stat] ?? labels.assessmentFigure[stat] ?? labels.figure[stat] ?? stat);
  }
  return words.join(' · ');
}
