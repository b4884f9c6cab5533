/**
 * How the views read a report: the names it carries (from the scenario it was computed from,
 * whatever is open in the editor now) by id, and the estimates of a breakdown found by what
 * they are (the report's `figures`) instead of by taking paths apart. Pure: tested in Node.
 */
import { BUILTIN_CATALOGUE } from '../scenarios/builtin/catalogue.ts';
import { breakdownMembers, type Breakdown } from '../sim/analysis/figures.ts';
import type { Targets } from '../sim/analysis/metrics.ts';
import { incidentKindWords, type TermLanguage } from '../sim/analysis/terms.ts';
import type { Estimate, Report } from '../sim/analysis/report.ts';
import type {
  AgencyLabel,
  DistrictLabel,
  IncidentKindLabel,
  UnitLabel,
} from '../sim/analysis/reportLabels.ts';

/** A report's labels as maps by id: ids are the scenario's and may be anything ("__proto__"). */
export interface ReportNames {
  scenarioId: string;
  scenarioName: string;
  agencies: ReadonlyMap<string, Omit<AgencyLabel, 'id'>>;
  districts: ReadonlyMap<string, Omit<DistrictLabel, 'id'>>;
  kinds: ReadonlyMap<string, Omit<IncidentKindLabel, 'id'>>;
  /** Units as the trace names them (`id#2` for copies): agency and name. */
  units: ReadonlyMap<string, Omit<UnitLabel, 'id'>>;
  targets: Targets;
}

export function reportNames(report: Pick<Report, 'scenario' | 'labels'>): ReportNames {
  const { labels } = report;
  return {
    scenarioId: report.scenario,
    scenarioName: labels.scenarioName,
    agencies: new Map(labels.agencies.map(({ id, ...agency }) => [id, agency])),
    districts: new Map(labels.districts.map(({ id, ...district }) => [id, district])),
    kinds: new Map(labels.incidentKinds.map(({ id, ...kind }) => [id, kind])),
    units: new Map(labels.units.map(({ id, ...unit }) => [id, unit])),
    targets: labels.targets,
  };
}

/**
 * A scenario's title in a language: a built-in's own English title on the English page (while
 * it keeps its built-in name), else its name as written; its id only when it has no name.
 */
export function scenarioTitle(id: string, name: string, language: TermLanguage): string {
  const builtin = BUILTIN_CATALOGUE.find((entry) => entry.id === id);
  if (language === 'en' && builtin && builtin.title.zh === name) return builtin.title.en;
  return name || id;
}

/** An incident kind of a report by name, in a language (never its id where it has a name). */
export function kindName(id: string, names: ReportNames, language: TermLanguage): string {
  const kind = names.kinds.get(id);
  return incidentKindWords(id, kind?.name, language, kind?.nameEn);
}

/** The estimates of one breakdown of a figure in a report, by the id of each part. */
export function breakdownEstimates(
  report: Pick<Report, 'figures' | 'aggregate'>,
  figure: string,
  group: Breakdown['group'],
  stat?: string,
): Array<{ id: string; path: string; estimate: Estimate }> {
  return breakdownMembers(report.figures, figure, group, stat).map(({ key, path }) => ({
    id: key,
    path,
    estimate: report.aggregate[path],
  }));
}

/**
 * The one "tier-1 within target" figure of a report, quoted by the summary, the share table,
 * the key figures, the coverage map and the comparison alike: the share of emergency calls
 * (after the warm-up; calls passed to 12345 aside) whose first arrival on scene — a unit of any
 * tier or outside help — came within the tier-1 arrival target of the call's area, counted from
 * the call. A call nobody reached missed it. (Other shares in the report — within each kind's
 * own target, order to arrival by tier — are named for what they are, never like this one.)
 */
export const TIER_ONE_PATH = 'tierOneCoverage.overall';

export const TIER_ONE_WORDS = {
  zh: {
    name: '一级联动单位到场达标率',
    definition: (urban: string, rural: string) =>
      `一级联动单位到场达标率：全部紧急来电（转 12345 热线的除外）中，自接警起首支力量（任一级别或外部增援）在所在区域一级时限内（城区 ${urban} 分钟、农村 ${rural} 分钟）到场的比例；始终无人到场的来电计为未达标。报告中凡称“一级联动单位到场达标率”者均为此数。`,
  },
  en: {
    name: 'Tier-1 arrivals on target',
    definition: (urban: string, rural: string) =>
      `Tier-1 arrivals on target: of all emergency calls (calls passed to the 12345 line aside), the share whose first arrival on scene (a unit of any tier, or outside help) came within the tier-1 target of the call’s area (${urban} min urban, ${rural} min rural), counted from the call; a call nobody reached missed it. Every “tier-1 arrivals on target” in this report is this figure.`,
  },
} as const;
