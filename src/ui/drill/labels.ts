/**
 * Names of the drill format's fixed values in both languages (演练类型, 角色, 注入方式, 判定依据,
 * 评估方法, 指令…): the screen and the printouts never show a token of the file format.
 * Terms follow ../shared/drills.md.
 */
import {
  GRADE_LABELS,
  MEASURE_LABELS,
  METHOD_LABELS,
  MODE_LABELS,
  PURPOSE_LABELS,
  ROLE_LABELS,
  SCOPE_LABELS,
} from '../../drills/labels.ts';
import {
  capabilityWords,
  EVENT_KIND_WORDS,
  SEASON_WORDS,
  severityWords,
} from '../../sim/analysis/terms.ts';
import type { Language } from '../i18n.ts';

type Table = Record<string, { zh: string; en: string }>;

/** The core's words (src/drills/labels.ts), capitalised as a screen's choices and headings are. */
function capitalised(labels: Table): Table {
  return Object.fromEntries(
    Object.entries(labels).map(([key, { zh, en }]) => [
      key,
      { zh, en: en.charAt(0).toUpperCase() + en.slice(1) },
    ]),
  );
}

const MODES = capitalised(MODE_LABELS);
const ROLES = capitalised(ROLE_LABELS);
const MEASURES = capitalised(MEASURE_LABELS);
const SCOPES = capitalised(SCOPE_LABELS);
const PURPOSES = capitalised(PURPOSE_LABELS);
const METHODS = capitalised(METHOD_LABELS);
const GRADES = capitalised(GRADE_LABELS);
const SEASONS: Table = SEASON_WORDS;

const EVALUATION_METHODS: Table = {
  observe: { zh: '观察', en: 'Observation' },
  ask: { zh: '询问', en: 'Interview' },
  records: { zh: '查阅记录', en: 'Records' },
  system: { zh: '系统数据', en: 'System data' },
};
const TIMINGS: Table = {
  at: { zh: '定时', en: 'At a time' },
  after: { zh: '接续环节', en: 'After a step' },
  when: { zh: '条件触发', en: 'When a condition holds' },
  manual: { zh: '人工下达', en: 'Manual release' },
};
/** What a step does in the simulation: a call, or a scheduled event in the results' words. */
const COMMANDS: Table = {
  none: { zh: '无（仅注入信息）', en: 'None (inject only)' },
  call: { zh: '警情（事件）', en: 'Incident call' },
  ...capitalised(EVENT_KIND_WORDS),
};
const COUNT_OF: Table = {
  units: { zh: '支（辆）', en: 'units' },
  people: { zh: '名', en: 'people' },
};
const FROM: Table = {
  inject: { zh: '自注入起', en: 'from the inject' },
  start: { zh: '自演练开始', en: 'from the start' },
};

const TABLES = {
  mode: MODES,
  scope: SCOPES,
  purpose: PURPOSES,
  role: ROLES,
  method: METHODS,
  measure: MEASURES,
  evaluationMethod: EVALUATION_METHODS,
  timing: TIMINGS,
  command: COMMANDS,
  season: SEASONS,
  grade: GRADES,
  countOf: COUNT_OF,
  from: FROM,
};
export type LabelKind = keyof typeof TABLES;

/** The name of a fixed value; an unknown one (a newer file) shows as it is. */
export function label(kind: LabelKind, value: string, language: Language): string {
  return TABLES[kind][value]?.[language] ?? value;
}

/** Response levels: Ⅰ级 (the highest) to Ⅳ级; 0 is none. */
export function responseLevelLabel(level: number, language: Language): string {
  const roman = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][level];
  if (!roman) return language === 'zh' ? '不响应' : 'none';
  return language === 'zh' ? `${roman}级响应` : `Level ${roman}`;
}

/** Severity 1 (特别重大) to 4 (一般): the shared words (src/sim/analysis/terms.ts). */
export function severityLabel(severity: number, language: Language): string {
  return severityWords(severity, language);
}

/** A capability's name: the shared words (src/sim/analysis/terms.ts). */
export function capabilityLabel(capability: string, language: Language): string {
  return capabilityWords(capability, language);
}
