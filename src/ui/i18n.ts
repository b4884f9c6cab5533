/**
 * UI strings in Chinese (zh-CN) and English. Terms follow ../shared/glossary.md.
 * The scenario loader takes the same language codes, so its messages match the page.
 */
import { createContext, useContext } from 'react';
import type { Language } from '../scenarios/messages.ts';
import { causeWords, tierWords } from '../sim/analysis/terms.ts';
import { TIER_ONE_WORDS } from './reportFigures.ts';

export type { Language } from '../scenarios/messages.ts';

const zh = {
  htmlLang: 'zh-CN',
  appTitle: '应急联动演练规划',
  appSubtitle: '应急联动系统离散事件仿真：响应时间、到场达标率与力量利用率',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  scenario: '演练情景',
  scenarioDescription: '情景说明',
  buildingScenario: '正在生成情景…',
  runSettings: '运行设置',
  seed: '随机种子',
  seedHint: '第 n 次重复使用种子 + n − 1',
  replications: '重复次数',
  run: '运行',
  cancel: '取消',
  progress: '运行进度',
  idle: '尚未运行',
  running: (replication: number, total: number, percent: string) =>
    `运行中… 第 ${replication} / ${total} 次重复（${percent}）`,
  runningAnnouncement: '运行中',
  cancelling: '正在取消…',
  cancelled: '已取消',
  eta: (left: string) => `预计还需 ${left}`,
  doneIn: (time: string, workers: number) => `已完成（用时 ${time}，${workers} 个并行线程）`,
  done: '已完成',
  invalidScenario: '情景有误，无法运行：',
  runFailed: '运行出错：',
  seedInvalid: (max: number) => `随机种子须为 0 至 ${max} 的整数`,
  replicationsInvalid: (max: number) => `重复次数须为 1 至 ${max} 的整数`,
  results: '结果',
  resultsCaption: (n: number, first: number, last: number) =>
    `${n} 次重复（种子 ${first}${n > 1 ? `–${last}` : ''}）的均值及 95% 置信区间`,
  noResults: '运行后在此显示结果。',
  figure: '指标',
  mean: '均值',
  interval: '95% 置信区间',
  unit: '单位',
  needsTwo: '至少需要 2 次重复',
  groupDemand: '来电',
  groupResponse: '响应时间（来电至首支力量到场）',
  groupCompliance: '出动指令至到场的时限符合率（按级别、区域）',
  groupUtilisation: '力量利用率',
  groupQueue: '排队与溢出',
  calls: '来电数',
  sentTo12345: '转 12345 热线',
  responseMean: '均值',
  responseMedian: '中位数',
  responseP90: '90 百分位',
  tierOneFigure: TIER_ONE_WORDS.zh.name,
  complianceRow: (tier: string, area: string) => `${tier} · ${area}`,
  utilisationOverall: '总体',
  utilisationTier: (tier: string) => tier,
  waitProbability: '需等待力量的概率',
  allUnitsBusy: '某项所需能力的力量全部不可用的时间占比',
  meanQueueWait: '平均排队等待',
  meanQueueLength: '平均排队警情数（时间平均）',
  meanInSystem: '平均在处置警情数（时间平均）',
  timeAverage: '起',
  overflowed: '转外部增援',
  unanswered: '未处置（等待超时放弃）',
  openAtEnd: '运行结束时仍未处置完毕',
  groupApprovals: '指令到达联动单位前的等待（报批、申请）',
  approvalCause: (cause: string) => causeWords(cause, 'zh'),
  groupAssessment: '考核（按联动单位，每次重复均值）',
  assessmentTotal: (points: string, agencies: number) =>
    `合计扣分 ${points} 分 · ${agencies} 个联动单位`,
  agency: '联动单位',
  assessmentFigure: (figure: string) =>
    ({
      dispatches: '出动次数',
      deductions: '扣分',
      lateArrivals: '到场超时',
      lateReports: '反馈超时',
      missingReports: '未反馈',
      unsatisfiedCallBacks: '回访不满意',
    })[figure] ?? figure,
  assessmentNote:
    '每格为各次重复的均值，其下为 95% 置信区间；考核周期起点早于预热期结束的不计。未出动且无扣分的联动单位不列出。',
  assessmentZero: (figures: string[]) => `${figures.join('、')}：各单位均为 0，不列出。`,
  tier: (tier: string) => tierWords(tier, 'zh'),
  area: (area: string) => ({ urban: '城区', rural: '农村' })[area] ?? area,
  minutes: '分钟',
  seconds: '秒',
  percent: '%',
  perRun: '起/次',
} as const;

type Strings = { [K in keyof typeof zh]: (typeof zh)[K] extends string ? string : (typeof zh)[K] };

const en: Strings = {
  htmlLang: 'en',
  appTitle: 'Drill planner',
  appSubtitle:
    'Discrete-event simulation of emergency coordination: response times, on-target rates and utilisation',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文',
  scenario: 'Scenario',
  scenarioDescription: 'About this scenario',
  buildingScenario: 'Building the scenario…',
  runSettings: 'Run settings',
  seed: 'Seed',
  seedHint: 'Replication n uses seed + n − 1',
  replications: 'Replications',
  run: 'Run',
  cancel: 'Cancel',
  progress: 'Run progress',
  idle: 'Not run yet',
  running: (replication: number, total: number, percent: string) =>
    `Running… replication ${replication} of ${total} (${percent})`,
  runningAnnouncement: 'Running',
  cancelling: 'Cancelling…',
  cancelled: 'Cancelled',
  eta: (left: string) => `about ${left} left`,
  doneIn: (time: string, workers: number) =>
    `Done in ${time} on ${workers} worker${workers === 1 ? '' : 's'}`,
  done: 'Done',
  invalidScenario: 'The scenario has errors and cannot run:',
  runFailed: 'The run failed:',
  seedInvalid: (max: number) => `The seed must be a whole number from 0 to ${max}`,
  replicationsInvalid: (max: number) => `Replications must be a whole number from 1 to ${max}`,
  results: 'Results',
  resultsCaption: (n: number, first: number, last: number) =>
    `Mean and 95% confidence interval over ${n} replication${n > 1 ? 's' : ''} (seed${
      n > 1 ? `s ${first}–${last}` : ` ${first}`
    })`,
  noResults: 'Results appear here after a run.',
  figure: 'Figure',
  mean: 'Mean',
  interval: '95% confidence interval',
  unit: 'Unit',
  needsTwo: 'Needs at least 2 replications',
  groupDemand: 'Demand',
  groupResponse: 'Response time (call to first arrival on scene)',
  groupCompliance: 'Order to arrival within each tier’s target (by tier and area)',
  groupUtilisation: 'Utilisation',
  groupQueue: 'Queueing and overflow',
  calls: 'Calls',
  sentTo12345: 'Sent to the 12345 line',
  responseMean: 'Mean',
  responseMedian: 'Median',
  responseP90: '90th percentile',
  tierOneFigure: TIER_ONE_WORDS.en.name,
  complianceRow: (tier: string, area: string) => `${tier} · ${area}`,
  utilisationOverall: 'Overall',
  utilisationTier: (tier: string) => tier,
  waitProbability: 'Probability of waiting for a unit',
  allUnitsBusy: 'Share of time every unit of some needed capability is unavailable',
  meanQueueWait: 'Mean queue wait',
  meanQueueLength: 'Calls waiting for a unit (time average)',
  meanInSystem: 'Incidents open (time average)',
  timeAverage: 'calls',
  overflowed: 'Passed to outside help',
  unanswered: 'Unanswered (given up)',
  openAtEnd: 'Still open at the end of the run',
  groupApprovals: 'Waits before orders reached units (approvals, requests)',
  approvalCause: (cause: string) => causeWords(cause, 'en'),
  groupAssessment: 'Assessment by partner agency (mean per run)',
  assessmentTotal: (points: string, agencies: number) =>
    `${points} points deducted in all · ${agencies} partner agenc${agencies === 1 ? 'y' : 'ies'}`,
  agency: 'Partner agency',
  assessmentFigure: (figure: string) =>
    ({
      dispatches: 'Dispatches',
      deductions: 'Points deducted',
      lateArrivals: 'Late arrivals',
      lateReports: 'Late reports',
      missingReports: 'Missing reports',
      unsatisfiedCallBacks: 'Unsatisfied call-backs',
    })[figure] ?? figure,
  assessmentNote:
    'Each cell: the mean over the replications, with its 95% confidence interval below; periods that start before the end of the warm-up are left out. Agencies never dispatched and without deductions are not listed.',
  assessmentZero: (figures: string[]) => `${figures.join(', ')}: 0 for every agency, not shown.`,
  tier: (tier: string) => tierWords(tier, 'en'),
  area: (area: string) => ({ urban: 'urban', rural: 'rural' })[area] ?? area,
  minutes: 'min',
  seconds: 's',
  percent: '%',
  perRun: 'per run',
};

export type UiStrings = Strings;

export const strings: Record<Language, Strings> = { zh, en };

const STORAGE_KEY = 'drill-planner.language';

/** The planner's last choice, else the browser's language: Chinese for zh-*, English otherwise. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  const preferred = globalThis.navigator?.language ?? 'zh-CN';
  return preferred.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

/** The page's language, for any view: `useLanguage()`; a view's own strings: `useStrings`. */
export const LanguageContext = createContext<Language>('zh');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/**
 * A view's strings in the page's language. Each view keeps its own table ({ zh, en }) next to
 * it, with the English typed after the Chinese, so a missing translation fails the typecheck.
 */
export function useStrings<T>(table: Record<Language, T>): T {
  return table[useLanguage()];
}

/** BCP 47 tag of a language, for Intl formatting and `lang` attributes. */
export function localeOf(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en-GB';
}

/**
 * A scenario's agency, district or incident kind by name in the page's language: on the English
 * page its English name (`nameEn`) where the scenario gives one, else the name as written
 * (Chinese); the id only for something with no name at all. An id is never shown in place of
 * a name: ids are tokens ("putuo", "ems"), not names.
 */
export function displayName(
  id: string,
  name: string | undefined,
  language: Language,
  nameEn?: string,
): string {
  if (language === 'en' && nameEn) return nameEn;
  return name || nameEn || id;
}

/** The same for an entry that carries its names ({ name, nameEn }), or none. */
export function entryName(
  id: string,
  entry: { name?: string; nameEn?: string } | undefined,
  language: Language,
): string {
  return displayName(id, entry?.name, language, entry?.nameEn);
}
