/**
 * The training module's sentences in both languages: problems with exercise and session files,
 * deduction reasons, and the labels of capabilities and approval paths. Chinese first.
 */
import type { Bilingual, Lang } from './api.ts';

type Say<A extends unknown[] = []> = Record<Lang, (...args: A) => string>;

const both = <A extends unknown[]>(zh: (...a: A) => string, en: (...a: A) => string): Say<A> => ({
  zh,
  en,
});

/**
 * Why a log does not replay, in Chinese: the simulator's reasons are English sentences for
 * developers; a trainer reading a refused file gets what they mean for the file instead.
 */
function replayWhyZh(why: string): string {
  const noAnswer = /decision (\d+)/.exec(why);
  if (/no decision is pending|is not open|is open, not/.test(why))
    return '记录中有一条调派答复在仿真中没有对应的待决调派（记录被修改，或与本练习的情景、种子不符）';
  if (/has no answer|no answer for decision/.test(why) && noAnswer)
    return `仿真中的第 ${Number(noAnswer[1]) + 1} 个调派决策在记录中没有答复（记录不完整或被修改）`;
  if (/has finished/.test(why)) return '记录中的命令晚于练习结束（记录被修改）';
  return '记录中的命令与本练习不符（记录被修改，或情景、种子不同）';
}

export const trainingText = {
  notJson: both(
    (reason: string) => `不是有效的 JSON 文件：${reason}`,
    (reason: string) => `not a valid JSON file: ${reason}`,
  ),
  noBuiltin: both(
    (id: string) => `没有名为“${id}”的内置情景`,
    (id: string) => `there is no built-in scenario "${id}"`,
  ),
  beforeStart: { zh: '不能早于情景开始', en: 'must not be before the scenario starts' },
  endBeforeStart: { zh: '必须晚于开始时刻', en: 'must be after the start' },
  afterScenario: both(
    (duration: number) => `超出情景时长（${Math.round(duration / 3600)} 小时）`,
    (duration: number) => `is after the scenario ends (${Math.round(duration / 3600)} h)`,
  ),
  notSession: {
    zh: '不是训练记录文件（format 应为 drill-planner/training-session）',
    en: 'not a training session file (format should be drill-planner/training-session)',
  },
  checksum: {
    zh: '文件内容被改动过（研判、联动记录或时间戳与校验值不符）',
    en: 'the file was edited (the judgements, linkage notes or time stamps do not match its checksum)',
  },
  logRejected: both(
    (why: string) => `调派记录无法重放：${replayWhyZh(why)}`,
    (why: string) => `the command log does not replay: ${why}`,
  ),
  digestMismatch: {
    zh: '重放结果与文件记录不符：调派记录被改动，或文件来自其他情景、其他随机种子',
    en: 'replaying gives another run than the file records: the log was edited, or the file is of another scenario or seed',
  },
};

/** What an approval path is called. */
export const APPROVAL_PATH_LABELS: Record<string, Bilingual> = {
  none: { zh: '无需报批', en: 'no approval' },
  fireRescueApproval: {
    zh: '消防救援调派其他力量报批',
    en: 'approval for fire rescue to call others',
  },
  militaryReport: { zh: '军地联动报告审批', en: 'report and approval for troops' },
  militaryDirect: { zh: '紧急情况直接请求部队', en: 'urgent direct request to troops' },
  crossRegion: { zh: '跨区域增援申请', en: 'cross-region request' },
};

/** Capability labels; a capability not listed shows as "其他力量" / "other forces". */
export const CAPABILITY_LABELS: Record<string, Bilingual> = {
  fire: { zh: '消防救援', en: 'fire rescue' },
  medical: { zh: '医疗急救', en: 'medical' },
  police: { zh: '公安', en: 'police' },
  forestry: { zh: '林业扑火', en: 'forestry fire crew' },
  militia: { zh: '民兵', en: 'militia' },
  military: { zh: '驻军部队', en: 'troops' },
  waterRescue: { zh: '水域救援', en: 'water rescue' },
  rescue: { zh: '抢险救援', en: 'rescue' },
  gas: { zh: '燃气抢修', en: 'gas repair' },
  hazmat: { zh: '危化品处置', en: 'hazmat' },
  expert: { zh: '专家', en: 'experts' },
  publicity: { zh: '宣传', en: 'public information' },
  power: { zh: '电力抢修', en: 'power repair' },
  water: { zh: '供水抢修', en: 'water-main repair' },
  search: { zh: '搜寻', en: 'search' },
  engineering: { zh: '工程抢险', en: 'engineering' },
  welfare: { zh: '民政救助', en: 'welfare' },
  drainage: { zh: '排涝', en: 'drainage' },
  township: { zh: '乡镇（街道）', en: 'township' },
  flood: { zh: '防汛抢险', en: 'flood fighting' },
  geology: { zh: '地质灾害', en: 'geology' },
  roadRepair: { zh: '道路抢修', en: 'road repair' },
  maritimeSAR: { zh: '海上搜救', en: 'maritime SAR' },
  fisheryRescue: { zh: '渔业救助', en: 'fishery rescue' },
  oilSpill: { zh: '溢油处置', en: 'oil-spill response' },
  monitoring: { zh: '环境监测', en: 'monitoring' },
  tourism: { zh: '文旅', en: 'tourism' },
  transport: { zh: '交通运输', en: 'transport' },
  labour: { zh: '人社劳动监察', en: 'labour inspection' },
  stability: { zh: '维稳力量', en: 'stability team' },
  crowdControl: { zh: '处突力量', en: 'crowd control' },
  traffic: { zh: '交警', en: 'traffic police' },
  safety: { zh: '应急管理（安监）', en: 'work safety' },
  volunteer: { zh: '社会救援队', en: 'volunteer rescue' },
  any: { zh: '处置力量', en: 'responders' },
  utility: { zh: '公用事业抢修', en: 'utility repair' },
  evacuation: { zh: '转移安置', en: 'evacuation' },
  weather: { zh: '气象', en: 'weather service' },
};

export function capabilityLabel(capability: string): Bilingual {
  return CAPABILITY_LABELS[capability] ?? { zh: '其他力量', en: 'other forces' };
}

/** Rounds seconds for a sentence: "2 分 05 秒" / "2 min 05 s"; "1 小时 05 分" / "1 h 05 min". */
export function duration(seconds: number, lang: Lang): string {
  const s = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? '−' : '';
  const m = Math.floor(s / 60);
  const rest = String(s % 60).padStart(2, '0');
  if (s >= 3600) {
    const totalMinutes = Math.round(s / 60);
    const h = Math.floor(totalMinutes / 60);
    const minutes = String(totalMinutes % 60).padStart(2, '0');
    return lang === 'zh' ? `${sign}${h} 小时 ${minutes} 分` : `${sign}${h} h ${minutes} min`;
  }
  if (lang === 'zh') return m > 0 ? `${sign}${m} 分 ${rest} 秒` : `${sign}${s} 秒`;
  return m > 0 ? `${sign}${m} min ${rest} s` : `${sign}${s} s`;
}
