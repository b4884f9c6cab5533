/**
 * Workload per unit (issue 12, item 10): the busiest units of the city by the share of the
 * measured time each was committed (dispatch until back at base), named as the scenario names
 * them, with their agency and the 95% confidence interval over the replications.
 */
import { entryName, type Language } from '../i18n.ts';
import { breakdownEstimates, type ReportNames } from '../reportFigures.ts';
import type { Report } from '../../sim/analysis/report.ts';
import type { ChartFormat } from './Charts.tsx';

/**
 * Units listed: the busiest ones; the CSV export has them all. A share's interval is shown
 * within 0–100% (a t-interval of few replications can reach past either end).
 */
export const WORKLOAD_ROWS = 15;

const WORDS = {
  zh: {
    heading: (shown: number, all: number) =>
      shown < all ? `各出动单元工作负荷（最忙的 ${shown} 个，共 ${all} 个）` : '各出动单元工作负荷',
    unit: '出动单元',
    agency: '联动单位',
    share: '占用时间比例',
    interval: '95% 置信区间',
    note: '占用时间：自出动指令至返回驻地，占统计时段（预热期后）的比例；全部单元见“导出指标 CSV”。',
  },
  en: {
    heading: (shown: number, all: number) =>
      shown < all ? `Workload per unit (busiest ${shown} of ${all})` : 'Workload per unit',
    unit: 'Unit',
    agency: 'Partner agency',
    share: 'Share of time committed',
    interval: '95% confidence interval',
    note: 'Committed: from the dispatch order until back at base, as a share of the measured time (after the warm-up); every unit is in the figures CSV.',
  },
};

/** The units by workload, busiest first. */
export function unitWorkload(report: Report, names: ReportNames, language: Language) {
  return breakdownEstimates(report, 'utilisation', 'unit')
    .map(({ id, estimate }) => {
      const unit = names.units.get(id);
      return {
        id,
        name: unit ? entryName(id, unit, language) : id,
        agency: unit ? entryName(unit.agency, names.agencies.get(unit.agency), language) : '',
        estimate,
      };
    })
    .sort((a, b) => b.estimate.mean - a.estimate.mean || a.id.localeCompare(b.id));
}

export function UnitWorkload({
  report,
  names,
  language,
  format,
}: {
  report: Report;
  names: ReportNames;
  language: Language;
  format: ChartFormat;
}) {
  const w = WORDS[language];
  const rows = unitWorkload(report, names, language);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, WORKLOAD_ROWS);
  return (
    <div className="results-workload" data-testid="unit-workload">
      <h4>{w.heading(shown.length, rows.length)}</h4>
      <table className="summary">
        <thead>
          <tr>
            <th scope="col">{w.unit}</th>
            <th scope="col">{w.agency}</th>
            <th scope="col" className="results-number">
              {w.share}
            </th>
            <th scope="col" className="results-number">
              {w.interval}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} data-testid="unit-workload-row" data-unit={row.id}>
              <td>{row.name}</td>
              <td>{row.agency}</td>
              <td className="results-number">{format.percent(row.estimate.mean)}</td>
              <td className="results-number">
                {Number.isFinite(row.estimate.low)
                  ? `${format.percent(Math.max(0, row.estimate.low))} – ${format.percent(Math.min(1, row.estimate.high))}`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{w.note}</p>
    </div>
  );
}
