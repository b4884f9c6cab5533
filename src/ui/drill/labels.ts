/**
 * Names of the drill format's fixed values in both languages (演练类型, 角色, 注入方式, 判定依据,
 * 评估方法, 指令…): the screen and the printouts never show a token of the file format.
 * Terms follow ../shared/drills.md.
 */
import { GRADE_LABELS, METHOD_LABELS, PURPOSE_LABELS, SCOPE_LABELS } from '../../drills/labels.ts';
import { SEASON_WORDS } from '../../sim/analysis/terms.ts';
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

const SCOPES = capitalised(SCOPE_LABELS);
const PURPOSES = capitalised(PURPOSE_LABELS);
const METHODS = capitalised(METHOD_LABELS);
const GRADES = capitalised(GRADE_LABELS);
const SEASONS: Table = SEASON_WORDS;

const MODES: Table = {
  tabletop: { zh: '桌面推演', en: 'Tabletop' },
  live: { zh: '实战演练', en: 'Live' },
};
const ROLES: Table = {
  control: { zh: '导调', en: 'Control' },
  play: { zh: '参演', en: 'Play' },
  simulate: { zh: '模拟', en: 'Simulate' },
  evaluate: { zh: '评估', en: 'Evaluate' },
  support: { zh: '保障', en: 'Support' },
  observe: { zh: '观摩', en: 'Observe' },
};
const MEASURES: Table = {
  dispatched: { zh: '下达出动指令', en: 'Dispatched' },
  firstArrival: { zh: '首支力量到场', en: 'First on scene' },
  arrivals: { zh: '到场数量达到', en: 'On scene, count reached' },
  approved: { zh: '审批完成', en: 'Approved' },
  planActivated: { zh: '启动专项预案', en: 'Plan activated' },
  commandHandedOver: { zh: '移交现场指挥权', en: 'Command handed over' },
  requested: { zh: '向上级请求增援', en: 'Reinforcement requested' },
  reported: { zh: '报告', en: 'Reported' },
  closed: { zh: '处置完毕', en: 'Closed' },
  graded: { zh: '事态分级', en: 'Graded' },
  prepositioned: { zh: '预置兵力到位', en: 'Troops pre-positioned' },
  manual: { zh: '人工记录', en: 'Recorded by hand' },
};
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
const COMMANDS: Table = {
  none: { zh: '无（仅注入信息）', en: 'None (inject only)' },
  call: { zh: '警情（事件）', en: 'Incident call' },
  closeRoad: { zh: '道路中断', en: 'Road closed' },
  damageRoad: { zh: '道路损毁（待抢修）', en: 'Road damaged' },
  openRoad: { zh: '道路恢复', en: 'Road reopened' },
  unitOutOfService: { zh: '力量停用', en: 'Unit out of service' },
  unitInService: { zh: '力量恢复', en: 'Unit back in service' },
  season: { zh: '特殊时期', en: 'Season' },
  responseLevel: { zh: '响应级别', en: 'Response level' },
  callRateFactor: { zh: '警情激增', en: 'Call surge' },
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

/** Severity 1 (特别重大) to 4 (一般). */
export function severityLabel(severity: number, language: Language): string {
  const zh = ['', '特别重大（Ⅰ级）', '重大（Ⅱ级）', '较大（Ⅲ级）', '一般（Ⅳ级）'];
  const en = ['', 'catastrophic (I)', 'major (II)', 'serious (III)', 'general (IV)'];
  return (language === 'zh' ? zh : en)[severity] ?? String(severity);
}

/** Capabilities of units, as the scenarios name them. */
const CAPABILITIES: Table = {
  any: { zh: '任意', en: 'any' },
  crowdControl: { zh: '现场秩序维护', en: 'crowd control' },
  drainage: { zh: '排涝', en: 'drainage' },
  engineering: { zh: '工程抢险', en: 'engineering' },
  evacuation: { zh: '人员转移', en: 'evacuation' },
  expert: { zh: '专家研判', en: 'expert advice' },
  fire: { zh: '灭火救援', en: 'firefighting' },
  fisheryRescue: { zh: '渔业救助', en: 'fishery rescue' },
  flood: { zh: '防汛抢险', en: 'flood fighting' },
  forestry: { zh: '森林灭火', en: 'forest firefighting' },
  gas: { zh: '燃气抢修', en: 'gas repair' },
  geology: { zh: '地质灾害处置', en: 'geohazards' },
  hazmat: { zh: '危化品处置', en: 'hazmat' },
  labour: { zh: '劳动保障', en: 'labour' },
  maritimeSAR: { zh: '海上搜救', en: 'maritime SAR' },
  medical: { zh: '医疗救护', en: 'medical' },
  military: { zh: '部队兵力', en: 'troops' },
  militia: { zh: '民兵', en: 'militia' },
  monitoring: { zh: '环境监测', en: 'monitoring' },
  oilSpill: { zh: '溢油处置', en: 'oil spill' },
  police: { zh: '治安警务', en: 'policing' },
  power: { zh: '电力抢修', en: 'power repair' },
  publicity: { zh: '信息发布', en: 'public information' },
  rescue: { zh: '抢险救援', en: 'rescue' },
  roadRepair: { zh: '道路抢修', en: 'road repair' },
  safety: { zh: '安全生产监管', en: 'work safety' },
  search: { zh: '搜寻', en: 'search' },
  stability: { zh: '维稳', en: 'stability work' },
  tourism: { zh: '旅游安全', en: 'tourism' },
  township: { zh: '乡镇处置', en: 'township response' },
  traffic: { zh: '交通管制', en: 'traffic control' },
  transport: { zh: '运输保障', en: 'transport' },
  utility: { zh: '市政抢修', en: 'utilities' },
  volunteer: { zh: '志愿服务', en: 'volunteers' },
  water: { zh: '供水抢修', en: 'water supply' },
  waterRescue: { zh: '水域救援', en: 'water rescue' },
  weather: { zh: '气象保障', en: 'weather service' },
  welfare: { zh: '生活救助', en: 'welfare' },
};

/** A capability's name; one the table does not know shows as "能力（token）" only in English. */
export function capabilityLabel(capability: string, language: Language): string {
  const known = CAPABILITIES[capability]?.[language];
  if (known) return known;
  return language === 'zh' ? '其他能力' : capability;
}
