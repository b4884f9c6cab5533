/**
 * The training module's sentences in both languages: problems with exercise and session files,
 * deduction reasons, durations. Capabilities are the shared words of src/sim/analysis/terms.ts.
 */
import { capabilityWords } from '../sim/analysis/terms.ts';
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

/** A capability in both languages: the words every view uses (src/sim/analysis/terms.ts). */
export function capabilityLabel(capability: string): Bilingual {
  return { zh: capabilityWords(capability, 'zh'), en: capabilityWords(capability, 'en') };
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
