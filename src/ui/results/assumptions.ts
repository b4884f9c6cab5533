/**
 * What a run assumed, for the printed report: the run itself (length, warm-up, start), the
 * arrival targets, the rules switched on, the edits made to the scenario since it was opened,
 * and the settings that the file leaves out and that therefore take their defaults (call
 * handling, mobilisation, travel factors, redispatch) — a study changed by a default is marked.
 * Read from the scenario as it ran (plain JSON). Pure: tested in Node (tests/unit/assumptions.test.ts).
 */
import { RULE_IDS } from '../../scenarios/rules/index.ts';
import { RULE_NAMES } from '../../scenarios/ruleNames.ts';
import { asArray, getIn } from '../editors/model.ts';
import type { Language } from '../i18n.ts';

export interface Assumption {
  /** What it is, in the page's language. */
  label: string;
  value: string;
  /** The file leaves it out: the schema's default applies. */
  defaulted: boolean;
}

const WORDS = {
  zh: {
    start: '开始时间',
    duration: '模拟时长（含预热期）',
    warmup: '预热期（不计入统计）',
    days: (days: string) => `${days} 天`,
    hours: (hours: string) => `${hours} 小时`,
    none: '无',
    rules: '启用的联动规则',
    noRules: '无（全部关闭）',
    callHandling: '接警研判时间',
    mobilisation: '出动准备时间',
    mobilisationDefault: (count: number, total: number) =>
      `${count}/${total} 支力量未写出，按 60 秒计`,
    mobilisationAll: '各力量均已写出',
    emergencySpeed: '紧急通行车速系数',
    detour: '绕行系数',
    noise: '行程时间随机波动（变异系数）',
    redispatch: '返程力量可改派',
    yes: '是',
    no: '否',
    whenNoUnit: '无可用力量时',
    queue: '排队等待',
    overflow: '转外部增援',
    fixedSeconds: (seconds: string) => `固定 ${seconds} 秒`,
    distribution: '按分布抽样',
  },
  en: {
    start: 'Start',
    duration: 'Length (warm-up included)',
    warmup: 'Warm-up (not counted)',
    days: (days: string) => `${days} ${days === '1' ? 'day' : 'days'}`,
    hours: (hours: string) => `${hours} h`,
    none: 'none',
    rules: 'Rules switched on',
    noRules: 'none (all off)',
    callHandling: 'Call taking and assessment',
    mobilisation: 'Mobilisation',
    mobilisationDefault: (count: number, total: number) =>
      `${count} of ${total} units leave it out: 60 s`,
    mobilisationAll: 'given for every unit',
    emergencySpeed: 'Emergency speed factor',
    detour: 'Detour factor',
    noise: 'Random variation of trips (CV)',
    redispatch: 'Returning units may be redirected',
    yes: 'yes',
    no: 'no',
    whenNoUnit: 'When no unit is free',
    queue: 'wait in a queue',
    overflow: 'pass to outside help',
    fixedSeconds: (seconds: string) => `fixed ${seconds} s`,
    distribution: 'drawn from a distribution',
  },
} as const;

function number(value: number, language: Language, digits = 2): string {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits: digits,
  }).format(value);
}

/** The settings of a run and those left to their defaults, in the page's language. */
export function assumptionsOf(doc: Record<string, unknown>, language: Language): Assumption[] {
  const w = WORDS[language];
  const list: Assumption[] = [];
  const add = (label: string, value: string, defaulted = false) =>
    list.push({ label, value, defaulted });
  const seconds = (path: string[]) => getIn(doc, path);
  const span = (value: unknown) => {
    const s = typeof value === 'number' ? value : 0;
    if (s === 0) return w.none;
    return s % 86_400 === 0
      ? w.days(number(s / 86_400, language))
      : w.hours(number(s / 3600, language));
  };
  if (typeof doc.start === 'string') add(w.start, doc.start.replace('T', ' '));
  add(w.duration, span(doc.duration));
  add(w.warmup, span(doc.warmup), doc.warmup === undefined);

  const on = RULE_IDS.filter((rule) => getIn(doc, ['rules', rule, 'enabled']) === true);
  add(
    w.rules,
    on.length
      ? on.map((rule) => RULE_NAMES[rule][language]).join(language === 'zh' ? '、' : '; ')
      : w.noRules,
  );

  const distribution = (value: unknown, fallback: number) => {
    if (value === undefined) return w.fixedSeconds(number(fallback, language));
    return getIn(value, ['type']) === 'fixed' && typeof getIn(value, ['value']) === 'number'
      ? w.fixedSeconds(number(getIn(value, ['value']) as number, language))
      : w.distribution;
  };
  const callHandling = seconds(['dispatch', 'callHandling']);
  add(w.callHandling, distribution(callHandling, 60), callHandling === undefined);

  const units = asArray(doc.units);
  const withoutMobilisation = units.filter((unit) => getIn(unit, ['mobilisation']) === undefined);
  add(
    w.mobilisation,
    withoutMobilisation.length
      ? w.mobilisationDefault(withoutMobilisation.length, units.length)
      : w.mobilisationAll,
    withoutMobilisation.length > 0,
  );

  const travel = getIn(doc, ['travel']);
  const speed = getIn(travel, ['emergencySpeedFactor']);
  add(
    w.emergencySpeed,
    number(typeof speed === 'number' ? speed : 1.2, language),
    speed === undefined,
  );
  if (getIn(travel, ['model']) === 'distance') {
    const detour = getIn(travel, ['detourFactor']);
    add(
      w.detour,
      number(typeof detour === 'number' ? detour : 1.3, language),
      detour === undefined,
    );
  }
  const noise = getIn(travel, ['noiseCv']);
  add(w.noise, number(typeof noise === 'number' ? noise : 0, language), noise === undefined);

  const redispatch = getIn(doc, ['dispatch', 'redispatchReturning']);
  add(w.redispatch, redispatch === false ? w.no : w.yes, redispatch === undefined);
  const whenNoUnit = getIn(doc, ['dispatch', 'whenNoUnit']);
  add(w.whenNoUnit, whenNoUnit === 'overflow' ? w.overflow : w.queue, whenNoUnit === undefined);
  return list;
}
