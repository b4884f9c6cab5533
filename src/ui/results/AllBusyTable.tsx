/**
 * The probability that every unit with a capability is unavailable (issue 12, item 10): by
 * capability in the user's words, most often short first, after the overall figure for any
 * capability an incident kind needs; the mean over the replications with its 95% confidence
 * interval, and what "unavailable" means.
 */
import type { Language } from '../i18n.ts';
import { breakdownEstimates } from '../reportFigures.ts';
import type { Estimate, Report } from '../../sim/analysis/report.ts';
import { capabilityWords } from '../../sim/analysis/terms.ts';
import type { ChartFormat } from './Charts.tsx';
import { clampShare } from './reportModel.ts';

const WORDS = {
  zh: {
    heading: '力量全部不可用的概率（按能力）',
    capability: '能力',
    share: '全部不可用的时间占比',
    interval: '95% 置信区间',
    overall: '任一事件类型所需能力',
    note: '某项能力的全部本地力量同时不可用的时间，占统计时段（预热期后）的比例：此时需要该能力的警情只能排队等待或转外部增援。不可用指：自出动指令起，经报批、出动准备、途中、现场处置，至重新可调派止（返程途中亦计为不可用，情景允许返程改派时除外）；停用（含处置完毕后停用）；空闲但不在值班时段。外地增援力量不计。首行为任一事件类型所需能力全部不可用的时间占比。',
  },
  en: {
    heading: 'Probability that every unit with a capability is unavailable',
    capability: 'Capability',
    share: 'Share of time all unavailable',
    interval: '95% confidence interval',
    overall: 'Any capability an incident kind needs',
    note: 'The share of the measured time (after the warm-up) during which every one of the city’s own units with a capability was unavailable at once: a call needing it then had to wait or go to outside help. Unavailable: from the dispatch order, through approvals, mobilisation, travel and work on scene, until it can be dispatched again (on its way home too, unless the scenario lets returning units be redispatched); out of service (or to be taken out once back); free but off duty. Reinforcements from elsewhere are not counted. The first row: any capability an incident kind needs.',
  },
};

export interface AllBusyRow {
  /** The capability's token; '' for the overall row. */
  id: string;
  label: string;
  estimate: Estimate;
}

/** The overall row, then each capability by its words, most often all unavailable first. */
export function allBusyRows(report: Report, language: Language): AllBusyRow[] {
  const overall = report.aggregate['allUnitsBusy.overall'];
  const byCapability = breakdownEstimates(report, 'allUnitsBusy', 'capability')
    .map(({ id, estimate }) => ({ id, label: capabilityWords(id, language), estimate }))
    .sort((a, b) => b.estimate.mean - a.estimate.mean || a.id.localeCompare(b.id));
  if (byCapability.length === 0) return [];
  return [
    ...(overall && overall.n > 0
      ? [{ id: '', label: WORDS[language].overall, estimate: overall }]
      : []),
    ...byCapability,
  ];
}

export function AllBusyTable({
  report,
  language,
  format,
}: {
  report: Report;
  language: Language;
  format: ChartFormat;
}) {
  const w = WORDS[language];
  const rows = allBusyRows(report, language);
  if (rows.length === 0) return null;
  return (
    <div className="results-all-busy" data-testid="all-busy">
      <h4>{w.heading}</h4>
      <table className="summary">
        <thead>
          <tr>
            <th scope="col">{w.capability}</th>
            <th scope="col" className="results-number">
              {w.share}
            </th>
            <th scope="col" className="results-number">
              {w.interval}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="all-busy-row"
              data-capability={row.id}
              className={row.id === '' ? 'results-all-busy-overall' : undefined}
            >
              <td>{row.label}</td>
              <td className="results-number">{format.percent(row.estimate.mean)}</td>
              <td className="results-number">
                {Number.isFinite(row.estimate.low)
                  ? `${format.percent(clampShare(row.estimate.low))} – ${format.percent(clampShare(row.estimate.high))}`
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
