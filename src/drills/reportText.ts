/** Sentences of the draft 总结报告 and the 问题整改清单, in Chinese and English. */
import type { Language } from '../scenarios/messages.ts';

interface ReportText {
  timeAndPlace(date: string, place: string, organiser: string): string;
  people(n: number): string;
  kind(mode: string, scope: string): string;
  counts(steps: number, actions: number, met: number, points: number, total: number): string;
  paused(span: string): string;
  predicted(seeds: number, median: string): string;
  note(at: string, note: string): string;
  problem(step: string, action: string, standard: string, actual: string | null): string;
  causeGap(percent: number): string;
  causeSlow(p90: string): string;
  causeNotDone(): string;
  causeLate(): string;
  causeOverStandard(): string;
  measureGap(): string;
  measureTrain(): string;
  lesson(step: string, action: string, faster: string): string;
  recommendWithEffect(measure: string, before: number, after: number): string;
}

export const REPORT_TEXT: Record<Language, ReportText> = {
  zh: {
    timeAndPlace: (date, place, organiser) =>
      `${date}，${place || '（地点未填）'}${organiser ? `，由${organiser}组织` : ''}。`,
    people: (n) => `，${n} 名`,
    kind: (mode, scope) => `本次为${scope}${mode}。`,
    counts: (steps, actions, met, points, total) =>
      `共 ${steps} 个环节、${actions} 项期望行动，按标准完成 ${met} 项，得分 ${points}/${total}。`,
    paused: (span) => `演练中断共计 ${span}，已从各项用时中扣除。`,
    predicted: (seeds, median) => `仿真预演（${seeds} 次）预测总时长中位数 ${median}。`,
    note: (at, note) => `记录（${at}）：${note}`,
    problem: (step, action, standard, actual) =>
      `环节“${step}”：${action}，标准 ${standard} 内，${actual === null ? '未完成或未记录' : `实际 ${actual}`}。`,
    causeGap: (percent) =>
      `仿真预演中按标准完成的概率仅 ${percent}%，属于力量配置或路程造成的能力缺口，非临场处置问题。`,
    causeSlow: (p90) => `慢于仿真基准的 P90（${p90}）：通知、出动或集结环节存在临场延误。`,
    causeNotDone: () => '现场未见该行动或记录缺失。',
    causeLate: () => '略超标准，在仿真预测范围内：需压缩通知与出动时间。',
    causeOverStandard: () => '超过标准时限（无仿真基准可比），需现场核查原因。',
    measureGap: () => '调整力量部署（前置或增配相应力量），并修订联动预案中的时限要求。',
    measureTrain: () => '开展专项训练，规范接警、通知与出动流程，缩短响应时间。',
    lesson: (step, action, faster) =>
      `环节“${step}”：${action}，比仿真基准中位数快 ${faster}，经验可推广。`,
    recommendWithEffect: (measure, before, after) =>
      `${measure}（仿真预估：按标准完成的概率由 ${before}% 提高到 ${after}%）`,
  },
  en: {
    timeAndPlace: (date, place, organiser) =>
      `${date}, ${place || '(place not given)'}${organiser ? `, organised by ${organiser}` : ''}.`,
    people: (n) => `, ${n} people`,
    kind: (mode, scope) => `A ${scope} ${mode}.`,
    counts: (steps, actions, met, points, total) =>
      `${steps} steps and ${actions} expected actions; ${met} met their standard; ${points}/${total} points.`,
    paused: (span) => `The drill was paused for ${span} in all; the times leave it out.`,
    predicted: (seeds, median) =>
      `The prediction (${seeds} runs) gave a median total duration of ${median}.`,
    note: (at, note) => `Recorded (${at}): ${note}`,
    problem: (step, action, standard, actual) =>
      `Step “${step}”: ${action}, standard within ${standard}, ${actual === null ? 'not done or not recorded' : `actual ${actual}`}.`,
    causeGap: (percent) =>
      `In the prediction it met its standard in only ${percent}% of runs: a capability gap (units or distance), not the players’ handling.`,
    causeSlow: (p90) =>
      `Slower than the simulated reference’s P90 (${p90}): a delay on the day (notification, turnout or assembly).`,
    causeNotDone: () => 'Not seen on the day, or not recorded.',
    causeLate: () =>
      'Just over the standard, within the predicted range: shorten notification and turnout.',
    causeOverStandard: () =>
      'Over the standard (no simulated reference to compare with): find the cause on the ground.',
    measureGap: () =>
      'Change the deployment (pre-position or add the units needed) and revise the time limits of the plan.',
    measureTrain: () =>
      'Hold targeted training on call-taking, notification and turnout to shorten the response.',
    lesson: (step, action, faster) =>
      `Step “${step}”: ${action}, ${faster} faster than the simulated median — worth spreading.`,
    recommendWithEffect: (measure, before, after) =>
      `${measure} (predicted: meets its standard in ${after}% of runs instead of ${before}%)`,
  },
};
