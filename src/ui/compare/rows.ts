/**
 * The figures the comparison shows, found in the reports' aggregates by path, with how each
 * reads (minutes, share, count) and which way is better. Pure: labels come from the strings.
 */
import type { Estimate } from '../../sim/metrics.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
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

/** Names by id; maps, as the ids are the scenario's and may be anything ("__proto__"). */
export interface Names {
  agencies: ReadonlyMap<string, string>;
  districts: ReadonlyMap<string, string>;
}

/** Names of agencies and districts for the table's rows, from the base document (ids where they have none). */
export function namesOf(doc: ScenarioDoc): Names {
  const byId = (key: string) => {
    const names = new Map<string, string>();
    for (const entry of Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { id, name } = entry as { id?: unknown; name?: unknown };
      if (typeof id === 'string') names.set(id, typeof name === 'string' && name ? name : id);
    }
    return names;
  };
  return { agencies: byId('agencies'), districts: byId('districts') };
}

/** The headline figure: both of its difference intervals are shown, to show what pairing buys. */
export const HEADLINE_PATH = 'response.overall.mean';

/** Tiers of the first unit on scene; calls nobody reached ('none') have no response time. */
const TIER_ORDER = ['1', '2', '3', 'outside'];
const STATISTICS = ['mean', 'median', 'p90'] as const;

/** Rows for every figure either side has, in the order a planner reads them. */
export function figureRows(
  paths: ReadonlySet<string>,
  names: Names,
  t: CompareStrings,
): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (row: FigureRow) => {
    if (paths.has(row.path)) rows.push(row);
  };
  const matching = (pattern: RegExp) =>
    [...paths].flatMap((path) => {
      const match = pattern.exec(path);
      return match ? [match] : [];
    });

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
  const tiers = [...new Set(matching(/^response\.byTier\.([^.]+)\.mean$/).map((m) => m[1]))]
    .filter((tier) => tier !== 'none')
    .sort((a, b) => rank(TIER_ORDER, a) - rank(TIER_ORDER, b));
  for (const tier of tiers) {
    for (const statistic of STATISTICS) {
      add({
        path: `response.byTier.${tier}.${statistic}`,
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
  for (const [path, district] of matching(/^tierOneCoverage\.byDistrict\.(.+)$/)) {
    add({
      path,
      group: 'coverage',
      label: names.districts.get(district) ?? district,
      measure: 'share',
      better: 'higher',
    });
  }

  matching(/^arrivalCompliance\.tier(\d+)\/(\w+)\.withinTarget$/)
    .sort(
      (a, b) => Number(a[1]) - Number(b[1]) || Number(a[2] !== 'urban') - Number(b[2] !== 'urban'),
    )
    .forEach(([path, tier, area]) =>
      add({
        path,
        group: 'compliance',
        label: `${t.tierName(tier)} · ${t.area(area)}`,
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
  for (const [path, tier] of matching(/^utilisation\.byTier\.(.+)$/)) {
    add({
      path,
      group: 'utilisation',
      label: t.tierName(tier),
      measure: 'share',
      better: 'neither',
    });
  }
  for (const [path, agency] of matching(/^utilisation\.byAgency\.(.+)$/)) {
    const label = names.agencies.get(agency) ?? agency;
    add({ path, group: 'utilisation', label, measure: 'share', better: 'neither' });
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

  for (const [path, cause] of matching(/^approvals\.([^.]+)\.mean$/)) {
    add({
      path,
      group: 'approvals',
      label: t.approvalCause(cause),
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
