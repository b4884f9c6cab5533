/**
 * The figures the comparison shows, found by what they are (the reports' `figures`), with how
 * each reads (minutes, share, count) and which way is better. Pure: labels come from the
 * strings and from the names the base report carries.
 */
import { breakdownMembers, type FigureKey } from '../../sim/analysis/figures.ts';
import type { Estimate } from '../../sim/analysis/report.ts';
import { entryName } from '../i18n.ts';
import type { ReportNames } from '../reportFigures.ts';
import type { CompareStrings } from './strings.ts';

export type Measure = 'minutes' | 'share' | 'count';
/** Which way a change is good: response times down, coverage up; utilisation is neither. */
export type Better = 'lower' | 'higher' | 'neither';
export type GroupId = keyof CompareStrings['groups'];

export interface FigureRow {
  path: string;
  group: GroupId;
  label: string;
  measure: Measure;
  better: Better;
}

/** The headline figure: both of its difference intervals are shown, to show what pairing buys. */
export const HEADLINE_PATH = 'response.overall.mean';

/** Tiers of the first unit on scene; calls nobody reached ('none') have no response time. */
const TIER_ORDER = ['1', '2', '3', 'outside'];
const STATISTICS = ['mean', 'median', 'p90'] as const;

/** Rows for every figure either side has (`figures`: both sides' together), in the order a planner reads them. */
export function figureRows(
  figures: Readonly<Record<string, FigureKey>>,
  names: ReportNames,
  t: CompareStrings,
): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (row: FigureRow) => {
    if (Object.hasOwn(figures, row.path)) rows.push(row);
  };
  // The scenario's name in the strings' language (its English one where it gives it).
  const nameOr = (id: string, entry: { name?: string; nameEn?: string } | undefined) =>
    entryName(id, entry, t.language);

  for (const statistic of STATISTICS) {
    add({
      path: `response.overall.${statistic}`,
      group: 'response',
      label: `${t.overall} · ${t[statistic]}`,
      measure: 'minutes',
      better: 'lower',
    });
  }
  add({
    path: 'response.overall.withinTarget',
    group: 'response',
    label: t.withinTarget,
    measure: 'share',
    better: 'higher',
  });
  const byTier = STATISTICS.map((statistic) => ({
    statistic,
    paths: new Map(
      breakdownMembers(figures, 'response', 'tier', statistic).map((m) => [m.key, m.path]),
    ),
  }));
  const tiers = [...byTier[0].paths.keys()]
    .filter((tier) => tier !== 'none')
    .sort((a, b) => rank(TIER_ORDER, a) - rank(TIER_ORDER, b));
  for (const tier of tiers) {
    for (const { statistic, paths } of byTier) {
      const path = paths.get(tier);
      if (path === undefined) continue;
      rows.push({
        path,
        group: 'response',
        label: `${t.tierName(tier)} · ${t[statistic]}`,
        measure: 'minutes',
        better: 'lower',
      });
    }
  }

  add({
    path: 'tierOneCoverage.overall',
    group: 'coverage',
    label: t.overall,
    measure: 'share',
    better: 'higher',
  });
  for (const { path, key } of breakdownMembers(figures, 'tierOneCoverage', 'district')) {
    rows.push({
      path,
      group: 'coverage',
      label: nameOr(key, names.districts.get(key)),
      measure: 'share',
      better: 'higher',
    });
  }

  breakdownMembers(figures, 'arrivalCompliance', 'tierArea', 'withinTarget')
    .flatMap(({ path, breakdown }) =>
      breakdown.group === 'tierArea' ? [{ path, tier: breakdown.tier, area: breakdown.area }] : [],
    )
    .sort((a, b) => a.tier - b.tier || Number(a.area !== 'urban') - Number(b.area !== 'urban'))
    .forEach(({ path, tier, area }) =>
      rows.push({
        path,
        group: 'compliance',
        label: `${t.tierName(String(tier))} · ${t.area(area)}`,
        measure: 'share',
        better: 'higher',
      }),
    );

  add({
    path: 'utilisation.overall',
    group: 'utilisation',
    label: t.overall,
    measure: 'share',
    better: 'neither',
  });
  for (const { path, key } of breakdownMembers(figures, 'utilisation', 'tier')) {
    rows.push({
      path,
      group: 'utilisation',
      label: t.tierName(key),
      measure: 'share',
      better: 'neither',
    });
  }
  for (const { path, key } of breakdownMembers(figures, 'utilisation', 'agency')) {
    const label = nameOr(key, names.agencies.get(key));
    rows.push({ path, group: 'utilisation', label, measure: 'share', better: 'neither' });
  }

  add({
    path: 'waitProbability',
    group: 'queue',
    label: t.waitProbability,
    measure: 'share',
    better: 'lower',
  });
  add({
    path: 'meanQueueWait',
    group: 'queue',
    label: t.meanQueueWait,
    measure: 'minutes',
    better: 'lower',
  });
  add({
    path: 'overflowed',
    group: 'queue',
    label: t.overflowed,
    measure: 'count',
    better: 'lower',
  });

  for (const { path, key } of breakdownMembers(figures, 'approvals', 'cause', 'mean')) {
    rows.push({
      path,
      group: 'approvals',
      label: t.approvalCause(key),
      measure: 'minutes',
      better: 'lower',
    });
  }
  return rows;
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

export type Verdict = 'better' | 'worse' | 'changed' | 'none' | 'missing';

/** What the difference's interval says, read in the figure's direction. */
export function verdictOf(difference: Estimate | null, better: Better): Verdict {
  if (!difference || difference.n === 0) return 'missing';
  const up = difference.low > 0;
  const down = difference.high < 0;
  if (!up && !down) return 'none';
  if (better === 'neither') return 'changed';
  return up === (better === 'higher') ? 'better' : 'worse';
}

/**
 * A significant difference too small to matter to a planner: under half a minute, under one
 * percentage point, or under 2% of the base's value for counts.
 */
export function practicallySmall(difference: number, measure: Measure, base: number): boolean {
  const size = Math.abs(difference);
  if (measure === 'minutes') return size < 30;
  if (measure === 'share') return size < 0.01;
  return Number.isFinite(base) && base !== 0 ? size < 0.02 * Math.abs(base) : false;
}

/** A value in the unit it is shown in: minutes for times, percent for shares. */
export function displayValue(value: number, measure: Measure): number {
  if (measure === 'minutes') return value / 60;
  if (measure === 'share') return value * 100;
  return value;
}

export function unitLabel(measure: Measure, t: CompareStrings, difference = false): string {
  if (measure === 'minutes') return t.minutes;
  if (measure === 'share') return difference ? t.percentPoints : '%';
  return '';
}
