/** The readiness report as a plain-text table for the terminal. */
import { breakdownMembers, type Breakdown } from '../sim/analysis/figures.ts';
import type { Estimate, Report } from '../sim/analysis/report.ts';
import type { Language } from '../scenarios/messages.ts';
import { capabilityWords } from '../sim/analysis/terms.ts';

const labels = {
  en: {
    title: (id: string, n: number) =>
      `Scenario ${id} — ${n} replication(s), mean and 95% CI across replications`,
    calls: 'Calls',
    tierOne: 'Tier-1 arrivals on target',
    sentTo12345: 'Sent to 12345',
    overflowed: 'Overflowed to outside help',
    unanswered: 'Unanswered (gave up waiting)',
    openAtEnd: 'Still open at the end of the run',
    response: 'Response time, call to first arrival (min)',
    byTier: 'by tier of the first unit',
    byKind: 'by incident kind',
    byDistrict: 'by district',
    compliance: 'Arrival within target after the order (share)',
    utilisation: 'Unit utilisation',
    waitProbability: 'Probability of waiting for a unit',
    pooled: '  all calls pooled',
    meanWait: 'Mean queue wait (min)',
    columns: ['', 'n', 'mean', 'median', 'p90', 'within target'],
    allBusy: 'Probability that every unit with a capability is unavailable (share of time)',
    allBusyOverall: '  any capability an incident kind needs',
    allBusyNote:
      'Unavailable: from the dispatch order until free again (on the way home too, unless returning units may be redispatched), out of service, or off duty; own units only, after the warm-up.',
  },
  zh: {
    title: (id: string, n: number) => `情景 ${id} — ${n} 次重复，各次重复的均值及 95% 置信区间`,
    calls: '警情数',
    tierOne: '一级联动单位到场达标率',
    sentTo12345: '转 12345',
    overflowed: '转外部增援',
    unanswered: '未响应（等待超时）',
    openAtEnd: '运行结束时仍未处置完毕',
    response: '响应时间：接警至首支力量到场（分钟）',
    byTier: '按首到力量级别',
    byKind: '按事件类型',
    byDistrict: '按辖区',
    compliance: '接令后按时到场率',
    utilisation: '力量利用率',
    waitProbability: '需等待力量的概率',
    pooled: '  全部警情合并',
    meanWait: '平均排队等待（分钟）',
    columns: ['', '数量', '均值', '中位数', 'p90', '达标率'],
    allBusy: '具备某项能力的力量全部不可用的概率（时间占比）',
    allBusyOverall: '  任一事件类型所需能力',
    allBusyNote:
      '不可用：自出动指令起至重新可调派止（返程途中亦计，允许返程改派时除外）、停用或不在值班时段；仅计本地力量，预热期后。',
  },
};

function show(estimate: Estimate | undefined, scale = 1, digits = 1, most = Infinity): string {
  if (!estimate || Number.isNaN(estimate.mean)) return '—';
  const mean = (estimate.mean / scale).toFixed(digits);
  if (Number.isNaN(estimate.low)) return mean;
  // Every figure here is a count, a time or a share: none can be negative.
  const low = Math.max(0, estimate.low) / scale;
  const high = Math.min(most, estimate.high) / scale;
  return `${mean} (${low.toFixed(digits)}–${high.toFixed(digits)})`;
}

/** A share's interval, cut to 0–1 (a t-interval of few replications can reach past either end). */
function showShare(estimate: Estimate | undefined): string {
  return show(estimate, 1, 3, 1);
}

/** The ids of one breakdown of a figure, sorted, with each statistic's estimate. */
function partsOf(
  report: Report,
  figure: string,
  group: Breakdown['group'],
  stats: readonly (string | undefined)[],
): Array<{ key: string; estimates: Array<Estimate | undefined> }> {
  const byStat = stats.map(
    (stat) =>
      new Map(
        breakdownMembers(report.figures, figure, group, stat).map((m) => [
          m.key,
          report.aggregate[m.path],
        ]),
      ),
  );
  const keys = [...new Set(byStat.flatMap((estimates) => [...estimates.keys()]))].sort();
  return keys.map((key) => ({ key, estimates: byStat.map((estimates) => estimates.get(key)) }));
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
    )
    .join('\n');
}

/** Median and p90 of all replications' calls together (from the pooled histogram). */
function pooledRow(report: Report, label: string): string[] {
  const pooled = report.pooled['overall'];
  if (!pooled) return [label, '0', '—', '—', '—', '—'];
  const minutes = (seconds: number) => (Number.isNaN(seconds) ? '—' : (seconds / 60).toFixed(1));
  return [label, String(pooled.n), '', minutes(pooled.median), minutes(pooled.p90), ''];
}

export function formatReport(report: Report, language: Language): string {
  const t = labels[language];
  const a = report.aggregate;
  const lines = [t.title(report.scenario, report.replications.length), ''];
  lines.push(
    table([
      // The one tier-1 figure, as the app's summary quotes it.
      [t.tierOne, show(a['tierOneCoverage.overall'], 1, 3)],
      [t.calls, show(a['calls'], 1, 0)],
      [t.sentTo12345, show(a['sentTo12345'], 1, 0)],
      [t.overflowed, show(a['overflowed'], 1, 0)],
      [t.unanswered, show(a['unanswered'], 1, 0)],
      [t.openAtEnd, show(a['openAtEnd'], 1, 0)],
      [t.waitProbability, show(a['waitProbability'], 1, 3)],
      [t.meanWait, show(a['meanQueueWait'], 60, 2)],
      [t.utilisation, show(a['utilisation.overall'], 1, 3)],
    ]),
  );
  const responseRows = (group: 'tier' | 'kind' | 'district') =>
    partsOf(report, 'response', group, ['n', 'mean', 'median', 'p90', 'withinTarget']).map(
      ({ key, estimates: [n, mean, median, p90, withinTarget] }) => [
        `  ${key}`,
        show(n, 1, 0),
        show(mean, 60),
        show(median, 60),
        show(p90, 60),
        show(withinTarget, 1, 3),
      ],
    );
  lines.push('', t.response);
  lines.push(
    table([
      t.columns,
      [
        '  overall',
        show(a['response.overall.n'], 1, 0),
        show(a['response.overall.mean'], 60),
        show(a['response.overall.median'], 60),
        show(a['response.overall.p90'], 60),
        show(a['response.overall.withinTarget'], 1, 3),
      ],
      pooledRow(report, t.pooled),
      [t.byTier, '', '', '', '', ''],
      ...responseRows('tier'),
      [t.byKind, '', '', '', '', ''],
      ...responseRows('kind'),
      [t.byDistrict, '', '', '', '', ''],
      ...responseRows('district'),
    ]),
  );
  const compliance = partsOf(report, 'arrivalCompliance', 'tierArea', ['withinTarget']);
  if (compliance.length > 0) {
    lines.push('', t.compliance);
    lines.push(
      table(compliance.map(({ key, estimates: [within] }) => [`  ${key}`, show(within, 1, 3)])),
    );
  }
  const tiers = partsOf(report, 'utilisation', 'tier', [undefined]);
  lines.push('', t.utilisation);
  lines.push(
    table(tiers.map(({ key, estimates: [share] }) => [`  tier ${key}`, show(share, 1, 3)])),
  );
  const allBusy = partsOf(report, 'allUnitsBusy', 'capability', [undefined]);
  if (allBusy.length > 0) {
    lines.push('', t.allBusy);
    lines.push(
      table([
        [t.allBusyOverall, showShare(a['allUnitsBusy.overall'])],
        ...allBusy.map(({ key, estimates: [share] }) => [
          `  ${capabilityWords(key, language)}`,
          showShare(share),
        ]),
      ]),
    );
    lines.push(t.allBusyNote);
  }
  return lines.join('\n');
}
