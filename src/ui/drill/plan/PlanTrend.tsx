/**
 * The year plan's trend (历次演练对比): for the expected actions several drills of the plan
 * share, how long each took in each drill with a record, met or not, and faster or slower than
 * the drill before. Without any record it says how to attach one.
 */
import type { CalendarEntry, DrillCalendar } from '../../../drills/api.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { trendRows } from './planTrend.ts';

export const trendStrings = {
  zh: {
    heading: '历次演练对比（同一期望行动）',
    intro: '同一期望行动在各次演练中的用时（自环节下达或演练开始起算），及与上一次相比的快慢。',
    noRecord:
      '计划中的演练都还没有记录，无法比较。获得评估的办法：演练当天在“导调控制台”记录该演练（打开该演练后记录，记录自动保存在本机）；或在上表“记录”一栏为该演练附上填好的演练记录表（CSV）。',
    oneRecord:
      '比较需要至少两次包含相同期望行动的演练都有记录（例如同一演练方案在不同日期各演一次）。请为其他演练附上记录表，或在“导调控制台”记录。',
    action: '期望行动',
    met: '达标',
    missed: '未达标',
  },
  en: {
    heading: 'Drill to drill (the same expected actions)',
    intro:
      'How long each expected action took in each drill (from its inject, or from the start), and whether it was faster or slower than the drill before.',
    noRecord:
      'No drill of the plan has a record yet, so there is nothing to compare. To get an evaluation: record the drill in the controller console on the day (open the drill, then record; it is saved on this computer), or attach its filled record sheet (CSV) in the Record column above.',
    oneRecord:
      'A comparison needs records of at least two drills with the same expected actions (for example the same drill plan held on two dates). Attach the other drills’ record sheets, or record them in the controller console.',
    action: 'Expected action',
    met: 'met',
    missed: 'missed',
  },
};

export function PlanTrend({
  calendar,
  entries,
}: {
  calendar: DrillCalendar;
  entries: readonly CalendarEntry[];
}) {
  const t = useStrings(trendStrings);
  const language = useLanguage();
  const recorded = entries.filter((e) => e.evaluation);
  const rows = trendRows(calendar, entries, language);
  const columns = calendar.drills.filter((d) =>
    rows.some((r) => r.cells.some((c) => c.drill === d.id)),
  );
  return (
    <section data-testid="plan-trend">
      <h4>{t.heading}</h4>
      {recorded.length === 0 ? (
        <p className="placeholder" data-testid="plan-trend-none">
          {t.noRecord}
        </p>
      ) : rows.length === 0 ? (
        <p className="placeholder" data-testid="plan-trend-none">
          {t.oneRecord}
        </p>
      ) : (
        <>
          <p className="hint">{t.intro}</p>
          <div className="drill-scroll">
            <table className="drill-table drill-trend" data-testid="plan-trend-table">
              <thead>
                <tr>
                  <th>{t.action}</th>
                  {columns.map((drill) => (
                    <th key={drill.id} title={drill.name}>
                      {drill.date}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.action} data-testid="plan-trend-row">
                    <th scope="row">{row.label}</th>
                    {columns.map((drill) => {
                      const cell = row.cells.find((c) => c.drill === drill.id);
                      return (
                        <td
                          key={drill.id}
                          className={cell ? (cell.met ? 'met' : 'missed') : undefined}
                          data-direction={cell?.direction}
                        >
                          {cell && (
                            <>
                              <div>
                                {cell.actual}
                                {language === 'zh'
                                  ? `（${cell.met ? t.met : t.missed}）`
                                  : ` (${cell.met ? t.met : t.missed})`}
                              </div>
                              {cell.change && (
                                <div className="drill-trend-change">
                                  {cell.direction < 0 ? '▼ ' : cell.direction > 0 ? '▲ ' : ''}
                                  {cell.change}
                                </div>
                              )}
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
