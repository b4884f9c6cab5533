/**
 * Words for the drill format's tokens in Chinese and English, for screens, printouts and the
 * CLI (no token on a Chinese page), and times as T+mm:ss.
 */
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Measure } from './schema.ts';
import type { Grade } from './types.ts';

type MeasureWhat = Measure['what'];

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const MODE_LABELS: Labels<'tabletop' | 'live'> = {
  tabletop: { zh: '桌面推演', en: 'tabletop exercise' },
  live: { zh: '实战演练', en: 'field exercise' },
};
export const SCOPE_LABELS: Labels<'single' | 'combined'> = {
  single: { zh: '单项演练', en: 'single-function' },
  combined: { zh: '综合演练', en: 'combined' },
};
export const PURPOSE_LABELS: Labels<'test' | 'demonstration' | 'research'> = {
  test: { zh: '检验性', en: 'testing' },
  demonstration: { zh: '示范性', en: 'demonstration' },
  research: { zh: '研究性', en: 'research' },
};
export const ROLE_LABELS: Labels<
  'control' | 'play' | 'simulate' | 'evaluate' | 'support' | 'observe'
> = {
  control: { zh: '导调', en: 'control' },
  play: { zh: '参演', en: 'playing' },
  simulate: { zh: '模拟', en: 'simulation' },
  evaluate: { zh: '评估', en: 'evaluation' },
  support: { zh: '保障', en: 'support' },
  observe: { zh: '观摩', en: 'observing' },
};
export const METHOD_LABELS: Labels<'phone' | 'sms' | 'system' | 'verbal' | 'messageSlip'> = {
  phone: { zh: '电话', en: 'phone' },
  sms: { zh: '短信', en: 'SMS' },
  system: { zh: '系统', en: 'system' },
  verbal: { zh: '口头', en: 'verbal' },
  messageSlip: { zh: '消息单', en: 'message slip' },
};
/** What an expected action measures (`measure.what`). */
export const MEASURE_LABELS: Labels<MeasureWhat> = {
  dispatched: { zh: '下达出动指令', en: 'dispatched' },
  firstArrival: { zh: '首支力量到场', en: 'first unit on scene' },
  arrivals: { zh: '到场数量达到', en: 'on scene, count reached' },
  approved: { zh: '审批完成', en: 'approved' },
  planActivated: { zh: '启动专项预案', en: 'special plan activated' },
  commandHandedOver: { zh: '移交现场指挥权', en: 'command handed over' },
  requested: { zh: '向上级请求增援', en: 'reinforcement requested' },
  reported: { zh: '报告', en: 'reported' },
  closed: { zh: '处置完毕', en: 'incident closed' },
  graded: { zh: '事态分级', en: 'graded' },
  prepositioned: { zh: '预置兵力到位', en: 'troops pre-positioned' },
  manual: { zh: '人工记录', en: 'recorded by hand' },
};
export const GRADE_LABELS: Labels<Grade> = {
  excellent: { zh: '优', en: 'excellent' },
  good: { zh: '良', en: 'good' },
  fair: { zh: '中', en: 'fair' },
  poor: { zh: '差', en: 'poor' },
};

/** The grade of a share of points (GB/T 46792 style bands: ≥ 90 %, ≥ 75 %, ≥ 60 %). */
export function gradeOf(share: number): Grade {
  if (share >= 0.9) return 'excellent';
  if (share >= 0.75) return 'good';
  if (share >= 0.6) return 'fair';
  return 'poor';
}

/** Seconds as T+mm:ss (T+h:mm:ss from an hour; a minus sign before T for negative). */
export function clock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${sign}T+${h > 0 ? `${h}:${two(m)}` : two(m)}:${two(s)}`;
}

/** A duration as mm:ss or h:mm:ss, signed when asked. */
export function span(seconds: number, signed = false): string {
  const sign = seconds < 0 ? '−' : signed && seconds > 0 ? '+' : '';
  return sign + clock(Math.abs(seconds)).slice(2);
}

/**
 * An agency's name as the scenario writes it, in English its `nameEn` where it has one (its id
 * only if the scenario gives it no name at all).
 */
export function agencyName(
  scenario: Scenario,
  id: string | undefined | null,
  lang: Language,
): string {
  if (!id) return '';
  const agency = scenario.agencies.find((a) => a.id === id);
  if (lang === 'en' && agency?.nameEn) return agency.nameEn;
  return agency?.name || agency?.nameEn || id;
}

export function label<K extends string>(labels: Labels<K>, key: K, lang: Language): string {
  return labels[key][lang];
}
