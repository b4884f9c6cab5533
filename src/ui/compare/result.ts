/**
 * A finished comparison: the base report, each variant's report (or why it was not run), the
 * paired comparisons by path, and its export as CSV. Pure, so the table, the map and the file
 * all read the same numbers.
 */
import { compareReports, type PathComparison } from '../../sim/analysis/compare.ts';
import { breakdownMembers, type FigureKey } from '../../sim/analysis/figures.ts';
import type { Estimate, Report } from '../../sim/analysis/report.ts';
import type { Language } from '../i18n.ts';
import { reportNames, type ReportNames } from '../reportFigures.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { displayValue, figureRows, unitLabel, verdictOf, type FigureRow } from './rows.ts';
import type { CompareStrings } from './strings.ts';

/** Text in both languages, so a finished comparison reads right after a language switch. */
export type Bilingual = Record<Language, string[]>;

export type VariantOutcome =
  | {
      name: string;
      changes: Bilingual;
      /** Why some of its changes cannot change a result. */
      notes: Bilingual;
      report: Report;
      byPath: Map<string, PathComparison>;
    }
  | { name: string; changes: Bilingual; problems: Bilingual };

export interface ComparisonResult {
  /** The base document as it was run (the map draws it; edits since make the result stale). */
  doc: ScenarioDoc;
  scenarioId: string;
  seeds: number[];
  base: Report;
  /** Names from the base report: the scenario as it ran (variants change no names). */
  names: ReportNames;
  variants: VariantOutcome[];
  /** Every figure either side has, by path; the rows shown are made from these in the page's language. */
  figures: Readonly<Record<string, FigureKey>>;
}

export function buildResult(
  doc: ScenarioDoc,
  base: Report,
  variants: Array<{
    name: string;
    changes: Bilingual;
    notes?: Bilingual;
    report?: Report;
    problems?: Bilingual;
  }>,
): ComparisonResult {
  const outcomes: VariantOutcome[] = variants.map(({ name, changes, notes, report, problems }) =>
    report
      ? {
          name,
          changes,
          notes: notes ?? { zh: [], en: [] },
          report,
          byPath: new Map(compareReports(base, report).map((c) => [c.path, c])),
        }
      : { name, changes, problems: problems ?? { zh: [], en: [] } },
  );
  const figures = { ...base.figures };
  for (const outcome of outcomes) {
    if ('report' in outcome) Object.assign(figures, outcome.report.figures);
  }
  return {
    doc,
    scenarioId: base.scenario,
    seeds: base.seeds,
    base,
    names: reportNames(base),
    variants: outcomes,
    figures,
  };
}

/** One line per figure and variant that ran, in display units (minutes, percent); UTF-8 with a BOM for spreadsheets. */
export function comparisonCsv(result: ComparisonResult, t: CompareStrings): string {
  const lines: string[][] = [t.csvHeader];
  const rows = figureRows(result.figures, result.names, t);
  const number = (value: number | undefined, row: FigureRow) =>
    value === undefined || !Number.isFinite(value)
      ? ''
      : String(Number(displayValue(value, row.measure).toFixed(6)));
  const triple = (e: Estimate | null | undefined, row: FigureRow) => [
    number(e?.mean, row),
    number(e?.low, row),
    number(e?.high, row),
  ];
  for (const variant of result.variants) {
    if (!('report' in variant)) continue;
    for (const row of rows) {
      const comparison = variant.byPath.get(row.path);
      const paired = comparison?.paired ?? null;
      lines.push([
        variant.name,
        t.groups[row.group],
        row.label,
        row.path,
        unitLabel(row.measure, t),
        ...triple(comparison?.base ?? result.base.aggregate[row.path], row),
        ...triple(comparison?.variant, row),
        ...triple(paired, row),
        number(comparison?.unpaired?.low, row),
        number(comparison?.unpaired?.high, row),
        String(paired?.n ?? 0),
        t.verdict[verdictOf(paired, row.better)],
      ]);
    }
  }
  return '\ufeff' + lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A CSV cell. Text a spreadsheet would take for a formula (= + - @, tab, CR first: scenario and
 * variant names are anyone's) is prefixed with a quote; numbers, negative ones too, stay numbers.
 */
export function csvField(text: string): string {
  const isNumber = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text);
  const safe = !isNumber && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A record with no prototype, so that any id ("__proto__", "constructor") is just a key. */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The paired differences of tier-1 coverage by district id, where there are any. */
export function coverageChanges(
  byPath: ReadonlyMap<string, PathComparison>,
  figures: Readonly<Record<string, FigureKey>>,
): Map<string, Estimate> {
  const changes = new Map<string, Estimate>();
  for (const { path, key } of breakdownMembers(figures, 'tierOneCoverage', 'district')) {
    const paired = byPath.get(path)?.paired;
    if (paired && paired.n > 0) changes.set(key, paired);
  }
  return changes;
}
