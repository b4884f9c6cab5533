/**
 * How the views read a report: the names it carries (from the scenario it was computed from,
 * whatever is open in the editor now) by id, and the estimates of a breakdown found by what
 * they are (the report's `figures`) instead of by taking paths apart. Pure: tested in Node.
 */
import { breakdownMembers, type Breakdown } from '../sim/analysis/figures.ts';
import type { Targets } from '../sim/analysis/metrics.ts';
import type { Estimate, Report } from '../sim/analysis/report.ts';
import type { AgencyLabel, DistrictLabel } from '../sim/analysis/reportLabels.ts';

/** A report's labels as maps by id: ids are the scenario's and may be anything ("__proto__"). */
export interface ReportNames {
  scenarioId: string;
  scenarioName: string;
  agencies: ReadonlyMap<string, Omit<AgencyLabel, 'id'>>;
  districts: ReadonlyMap<string, Omit<DistrictLabel, 'id'>>;
  kinds: ReadonlyMap<string, string>;
  targets: Targets;
}

export function reportNames(report: Pick<Report, 'scenario' | 'labels'>): ReportNames {
  const { labels } = report;
  return {
    scenarioId: report.scenario,
    scenarioName: labels.scenarioName,
    agencies: new Map(labels.agencies.map(({ id, ...agency }) => [id, agency])),
    districts: new Map(labels.districts.map(({ id, ...district }) => [id, district])),
    kinds: new Map(labels.incidentKinds.map(({ id, name }) => [id, name])),
    targets: labels.targets,
  };
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
