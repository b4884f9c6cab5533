/**
 * Feasibility flags and expected actions in words, for the CLI, the app and printouts, with the
 * reason from the simulation (no ids where a name exists).
 */
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { agencyName, span } from './labels.ts';
import type { Drill } from './schema.ts';
import type { FeasibilityFlag } from './types.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A step's title (its id if unknown). */
export function stepTitle(drill: Drill, id: string): string {
  return drill.steps.find((s) => s.id === id)?.title ?? id;
}

/** An expected action's description (its id if none is written). */
export function actionText(drill: Drill, id: string): string {
  for (const step of drill.steps) {
    const action = step.expected.find((a) => a.id === id);
    if (action) return action.description || id;
  }
  return id;
}

/** A unit's name for people: the scenario unit's name in the language, with its copy number. */
export function unitName(scenario: Scenario, id: string, lang: Language): string {
  const [spec, copy] = id.split('#');
  const unit = scenario.units.find((u) => u.id === spec);
  const name = (lang === 'en' && unit?.nameEn) || unit?.name || unit?.nameEn || spec;
  return copy ? `${name} #${copy}` : name;
}

export function describeFlag(
  flag: FeasibilityFlag,
  drill: Drill,
  scenario: Scenario,
  lang: Language,
): string {
  const zh = lang === 'zh';
  switch (flag.kind) {
    case 'cannotMeetDeadline': {
      const what = `${stepTitle(drill, flag.step)} · ${actionText(drill, flag.action)}`;
      const standard = span(flag.deadline);
      if (flag.fastestSeconds !== null && flag.fastestSeconds > flag.deadline) {
        const unit = flag.unit ? unitName(scenario, flag.unit, lang) : '';
        return zh
          ? `${what}：无法按时完成——最近的可用力量（${unit}）仅路程就需 ${span(flag.fastestSeconds)}，标准为 ${standard}。`
          : `${what}: cannot be done in time — the nearest capable unit (${unit}) is ${span(flag.fastestSeconds)} away by road; the standard is ${standard}.`;
      }
      if (flag.unit === null && flag.fastestSeconds === null && flag.probability === 0) {
        return zh
          ? `${what}：仿真预演中从未按标准完成（0%），且没有可到达现场的相应力量。`
          : `${what}: never met in the prediction (0%), and no capable unit can reach the scene.`;
      }
      return zh
        ? `${what}：仿真预演中从未在标准 ${standard} 内完成（0%）。`
        : `${what}: never done within the standard of ${standard} in the prediction (0%).`;
    }
    case 'agencyWithoutRole': {
      const name = agencyName(scenario, flag.agency, lang);
      return zh
        ? `${name}：列为参演单位，但没有任何环节向其注入信息、对其提出期望行动，仿真中也未调派其力量。`
        : `${name}: listed as taking part, but no step sends it an inject or expects an action of it, and the simulation never sent its units.`;
    }
    case 'objectiveUnexercised': {
      const text = drill.objectives.find((o) => o.id === flag.objective)?.text ?? flag.objective;
      return zh
        ? `演练目标“${text}”没有任何期望行动检验。`
        : `Objective “${text}” is served by no expected action.`;
    }
    case 'unitDoubleBooked': {
      const unit = unitName(scenario, flag.unit, lang);
      const [a, b] = flag.steps.map((s) => stepTitle(drill, s));
      return zh
        ? `${unit}：在 ${percent(flag.share)} 的预演中同时承担“${a}”和“${b}”两个环节的任务。`
        : `${unit}: committed to both “${a}” and “${b}” at once in ${percent(flag.share)} of the runs.`;
    }
  }
}
