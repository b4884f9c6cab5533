/**
 * The feasibility flags of a prediction as sentences with their reason (pure): an expected action
 * that cannot happen in time, an agency with no role, an objective nothing exercises, a unit
 * committed to two steps at once. Names from the scenario and the script; no ids on the page.
 */
import type { DrillPrediction, FeasibilityFlag, Spread, Step } from '../../../drills/api.ts';
import type { Language } from '../../i18n.ts';
import { stepName } from '../describe.ts';
import { nameOf, type ScenarioLists } from '../scenarioLists.ts';

export interface DrillNames {
  steps: readonly Step[];
  objectives: ReadonlyArray<{ id: string; text: string }>;
  lists: ScenarioLists;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const minutes = (seconds: number, language: Language) =>
  language === 'zh' ? `${(seconds / 60).toFixed(1)} 分钟` : `${(seconds / 60).toFixed(1)} min`;

/** An expected action by id: its description (else "期望行动 2.1"), and its step. */
export function actionName(names: DrillNames, id: string, language: Language): string {
  for (const [s, step] of names.steps.entries()) {
    const a = step.expected.findIndex((action) => action.id === id);
    if (a >= 0) {
      const description = step.expected[a].description;
      const number = `${s + 1}.${a + 1}`;
      return description
        ? `${number} ${description}`
        : language === 'zh'
          ? `期望行动 ${number}`
          : `expected action ${number}`;
    }
  }
  return id;
}

function unitName(names: DrillNames, unit: string | null): string {
  if (!unit) return '';
  const [spec, copy] = unit.split('#');
  const name = nameOf(names.lists.units, spec);
  return copy ? `${name} #${copy}` : name;
}

export function flagText(flag: FeasibilityFlag, names: DrillNames, language: Language): string {
  const zh = language === 'zh';
  switch (flag.kind) {
    case 'cannotMeetDeadline': {
      const action = actionName(names, flag.action, language);
      const fastest =
        flag.fastestSeconds === null
          ? zh
            ? '没有可出动的相应力量'
            : 'no capable unit can go'
          : zh
            ? `最快的相应力量（${unitName(names, flag.unit)}）出动准备加行驶需 ${minutes(flag.fastestSeconds, language)}`
            : `the fastest capable unit (${unitName(names, flag.unit)}) needs ${minutes(flag.fastestSeconds, language)} to mobilise and drive`;
      return zh
        ? `${action}：时限 ${minutes(flag.deadline, language)}，达标概率 ${percent(flag.probability)}；${fastest}。`
        : `${action}: deadline ${minutes(flag.deadline, language)}, met in ${percent(flag.probability)} of runs; ${fastest}.`;
    }
    case 'agencyWithoutRole': {
      const agency = nameOf(names.lists.agencies, flag.agency);
      return zh
        ? `${agency}列为参演单位，但没有任何环节向其注入信息或要求其行动。`
        : `${agency} takes part but no step sends it an inject or expects an action of it.`;
    }
    case 'objectiveUnexercised': {
      const index = names.objectives.findIndex((o) => o.id === flag.objective);
      const text = index >= 0 ? `${index + 1}. ${names.objectives[index].text}` : flag.objective;
      return zh
        ? `目标“${text}”没有任何期望行动检验。`
        : `Objective “${text}” is exercised by no expected action.`;
    }
    case 'unitDoubleBooked': {
      const [a, b] = flag.steps;
      return zh
        ? `${unitName(names, flag.unit)}在 ${percent(flag.share)} 的预演中同时被派往${stepName(names.steps, a, language)}和${stepName(names.steps, b, language)}。`
        : `${unitName(names, flag.unit)} is sent to both ${stepName(names.steps, a, language)} and ${stepName(names.steps, b, language)} at once in ${percent(flag.share)} of runs.`;
    }
  }
}

/** "12.5 分钟" of a median, "P10–P90" of a spread. */
export function spreadText(
  spread: Spread | null,
  language: Language,
): { median: string; range: string } {
  if (!spread) return { median: '—', range: '—' };
  return {
    median: minutes(spread.median, language),
    range: `${(spread.p10 / 60).toFixed(1)}–${(spread.p90 / 60).toFixed(1)}`,
  };
}

/** The prediction's conclusions as sentences (for the screen and the 演练方案). */
export function conclusions(
  prediction: DrillPrediction,
  names: DrillNames,
  deadAirThreshold: number,
  language: Language,
  t: {
    duration(m: string, p10: string, p90: string, planned: string): string;
    deadAir(share: string, longest: string, threshold: string): string;
    noDeadAir(threshold: string): string;
    overload(agencies: string): string;
    noOverload: string;
    queued(median: string): string;
  },
): string[] {
  const m = (s: number) => minutes(s, language);
  const lines = [
    t.duration(
      m(prediction.duration.median),
      m(prediction.duration.p10),
      m(prediction.duration.p90),
      m(prediction.plannedDuration),
    ),
    prediction.deadAir.share > 0
      ? t.deadAir(
          percent(prediction.deadAir.share),
          m(prediction.deadAir.longest.median),
          m(deadAirThreshold),
        )
      : t.noDeadAir(m(deadAirThreshold)),
    prediction.overload.saturated.length > 0
      ? t.overload(
          prediction.overload.saturated
            .map((s) =>
              language === 'zh'
                ? `${nameOf(names.lists.agencies, s.agency)}（${percent(s.share)}）`
                : `${nameOf(names.lists.agencies, s.agency)} (${percent(s.share)})`,
            )
            .join(language === 'zh' ? '、' : ', '),
        )
      : t.noOverload,
  ];
  if (prediction.overload.queued.median > 0)
    lines.push(t.queued(String(prediction.overload.queued.median)));
  return lines;
}
