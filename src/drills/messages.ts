/**
 * The drill loader's and the log reader's sentences, in Chinese and English. Schema messages
 * (zod) go through the scenario loader's translation (src/scenarios/messages.ts).
 */
import { cut, type Language } from '../scenarios/messages.ts';

type Sentence<A extends unknown[]> = Record<Language, (...args: A) => string>;

const WHAT_ZH: Record<string, string> = {
  agency: '联动单位',
  'incident kind': '事件类型',
  district: '辖区',
  unit: '力量',
  phase: '阶段',
  step: '环节',
  objective: '演练目标',
  'expected action': '期望行动',
  'evaluation item': '评估项目',
  remedy: '整改措施',
  capability: '能力',
  participant: '参演单位',
  'built-in scenario': '内置情景',
};

/** The drill schema's own messages in Chinese (the scenario's are translated by its table). */
const SCHEMA_ZH: Record<string, string> = {
  'needs at least one role': '至少需要一个角色',
  'use a date YYYY-MM-DD': '请使用日期格式 YYYY-MM-DD',
  'needs at least one phase': '至少需要一个阶段',
  'needs at least one step': '至少需要一个环节',
};

/** A schema message of the drill format in the user's language. */
export function translateDrillMessage(message: string, lang: Language): string {
  return lang === 'zh' ? (SCHEMA_ZH[message] ?? message) : message;
}

export const drillText = {
  notJson: {
    en: (where: string, reason: string) => `the file is not valid JSON ${where}: ${reason}`,
    zh: (where: string, reason: string) => `文件不是有效的 JSON（${where}）：${reason}`,
  } as Sentence<[string, string]>,
  tooLarge: {
    en: (bytes: number, limit: number) => `the file is ${bytes} bytes; the limit is ${limit} bytes`,
    zh: (bytes: number, limit: number) => `文件大小 ${bytes} 字节，超过上限 ${limit} 字节`,
  } as Sentence<[number, number]>,
  notADrill: {
    en: () => 'not a drill file (format must be "drill-planner/drill")',
    zh: () => '不是演练文件（format 应为 "drill-planner/drill"）',
  } as Sentence<[]>,
  unknownRef: {
    en: (what: string, id: string) => `no ${what} has the id "${cut(id)}"`,
    zh: (what: string, id: string) => `找不到 id 为“${cut(id)}”的${WHAT_ZH[what] ?? what}`,
  } as Sentence<[string, string]>,
  duplicateId: {
    en: (what: string, id: string) => `the ${what} id "${cut(id)}" is used twice`,
    zh: (what: string, id: string) => `${WHAT_ZH[what] ?? what} id“${cut(id)}”重复`,
  } as Sentence<[string, string]>,
  selfReference: {
    en: () => 'a step cannot wait for itself',
    zh: () => '环节不能等待自身',
  } as Sentence<[]>,
  cycle: {
    en: (steps: string) => `the steps wait for each other in a circle: ${steps}`,
    zh: (steps: string) => `环节之间循环等待：${steps}`,
  } as Sentence<[string]>,
  causeFor: {
    en: (what: string, causes: string) => `for ${what}, cause must be one of ${causes}`,
    zh: (what: string, causes: string) => `${what} 的 cause 必须是以下之一：${causes}`,
  } as Sentence<[string, string]>,
  noCause: {
    en: (what: string) => `${what} takes no cause`,
    zh: (what: string) => `${what} 不带 cause`,
  } as Sentence<[string]>,
  edgeOutOfRange: {
    en: (edge: number, count: number) =>
      `road edge ${edge} does not exist (the scenario has ${count})`,
    zh: (edge: number, count: number) => `路段 ${edge} 不存在（情景共 ${count} 条路段）`,
  } as Sentence<[number, number]>,
  startAfterEnd: {
    en: (duration: number) => `T0 must be before the scenario's end (${duration} s)`,
    zh: (duration: number) => `演练开始时刻必须早于情景结束（${duration} 秒）`,
  } as Sentence<[number]>,
  tooManyCalls: {
    en: (calls: number, limit: number) =>
      `about ${calls} calls from the scenario's start to the end of the drill; the limit is ${limit} (shorten the horizon or start earlier)`,
    zh: (calls: number, limit: number) =>
      `从情景开始到演练结束约 ${calls} 起警情，超过上限 ${limit}（请缩短推演时长或提前开始时刻）`,
  } as Sentence<[number, number]>,
  scenarioProblem: {
    en: (message: string) => `the scenario: ${message}`,
    zh: (message: string) => `情景：${message}`,
  } as Sentence<[string]>,
  manualNever: {
    en: () => 'released by hand only: the prediction plays it only with a release time',
    zh: () => '仅由导调人工下达：预演时需给出下达时刻才会模拟',
  } as Sentence<[]>,
  // The log (记录表)
  logEmpty: {
    en: () => 'the sheet has no rows',
    zh: () => '记录表没有数据行',
  } as Sentence<[]>,
  logColumn: {
    en: (name: string) => `the sheet has no column "${name}"`,
    zh: (name: string) => `记录表缺少“${name}”列`,
  } as Sentence<[string]>,
  logLine: {
    en: (line: number, message: string) => `line ${line}: ${message}`,
    zh: (line: number, message: string) => `第 ${line} 行：${message}`,
  } as Sentence<[number, string]>,
  logTime: {
    en: (value: string) => `"${cut(value)}" is not a time (T+mm:ss, hh:mm:ss or seconds)`,
    zh: (value: string) => `“${cut(value)}”不是时刻（T+分:秒、时:分:秒或秒数）`,
  } as Sentence<[string]>,
  logType: {
    en: (value: string) =>
      `"${cut(value)}" is not a row type (release, action, pause, resume, note)`,
    zh: (value: string) => `“${cut(value)}”不是记录类型（下达、行动、暂停、恢复、备注）`,
  } as Sentence<[string]>,
  logUnknownId: {
    en: (id: string) => `"${cut(id)}" is neither a step nor an expected action of this drill`,
    zh: (id: string) => `“${cut(id)}”不是本演练的环节或期望行动`,
  } as Sentence<[string]>,
  logTooLarge: {
    en: (rows: number) => `the sheet has more than ${rows} rows`,
    zh: (rows: number) => `记录表超过 ${rows} 行`,
  } as Sentence<[number]>,
  logQuote: {
    en: () => 'a quoted field is not closed',
    zh: () => '引号内的字段未闭合',
  } as Sentence<[]>,
};
