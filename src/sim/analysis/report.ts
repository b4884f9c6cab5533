/**
 * The report of a scenario's replications: every numeric figure of the replications with its
 * mean and 95% confidence interval across them (the method of independent replications), what
 * each figure is, and the pooled histograms and coverage cells. The aggregate is always
 * recomputed from the list in seed order, so a report merged from shards equals the report of
 * one run over all their seeds, to the bit.
 */
import { figureKey, type FigureKey } from './figures.ts';
import type { ReplicationMetrics } from './metrics.ts';
import { poolCoverageCells, poolResponses, type PooledResponse } from './pooled.ts';
import type { ReportLabels } from './reportLabels.ts';
import { confidenceHalfWidth } from './studentT.ts';

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

/** The report of replications of one run (same length and warm-up, distinct seeds). */
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
    pooled: poolResponses(sorted),
    coverageCells: poolCoverageCells(sorted),
  };
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

/** Every numeric figure of the replications by its path, as an estimate, and what it is. */
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

/** Mean and 95% confidence interval (Student's t) of one figure's values across replications. */
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
