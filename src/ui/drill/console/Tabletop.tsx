/**
 * A tabletop drill (桌面推演) step by step: 注入信息 → 提出问题 → 分析决策 → 表达结果, with the
 * questions, decisions and results typed in (each keystroke saved with the console's record).
 * Moving to a step's first stage releases its inject.
 */
import type { Drill } from '../../../drills/api.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { TABLETOP_STAGES, type ConsoleState, type TabletopEntry } from '../consoleModel.ts';
import { commandText } from '../describe.ts';
import { label } from '../labels.ts';
import type { ScenarioLists } from '../scenarioLists.ts';
import { useConsole } from './ConsoleContext.tsx';
import { consoleStrings } from './strings.ts';

const FIELDS: Array<keyof TabletopEntry> = ['question', 'decision', 'result'];

/** The typed decisions as notes of the log, at the time the step went out. */
export function tabletopNotes(
  drill: Drill,
  state: ConsoleState,
  language: 'zh' | 'en',
): Array<{ at: number; text: string }> {
  const t = consoleStrings[language];
  return drill.steps.flatMap((step, index) => {
    const entry = state.tabletop[step.id];
    if (!entry) return [];
    const at = state.releases.find((r) => r.stepId === step.id)?.at ?? 0;
    return FIELDS.filter((field) => entry[field].trim()).map((field) => ({
      at,
      text: t.tabletopNote(
        `${index + 1}. ${step.title}`,
        t.tabletopStages[FIELDS.indexOf(field) + 1],
        entry[field].trim(),
      ),
    }));
  });
}

export function Tabletop({
  drill,
  lists,
  clock,
}: {
  drill: Drill;
  lists: ScenarioLists;
  clock: number;
}) {
  const t = useStrings(consoleStrings);
  const language = useLanguage();
  const { state, dispatch } = useConsole();
  if (!state) return null;
  const stepIndex = Math.min(state.tabletopStep, drill.steps.length - 1);
  const step = drill.steps[stepIndex];
  const stage = state.tabletopStage;
  const entry = state.tabletop[step.id] ?? { question: '', decision: '', result: '' };
  const started = state.status === 'running' || state.status === 'paused';
  const go = (by: 1 | -1) => {
    let nextStep = stepIndex;
    let nextStage = stage + by;
    if (nextStage >= TABLETOP_STAGES.length) {
      nextStep = Math.min(drill.steps.length - 1, stepIndex + 1);
      nextStage = nextStep === stepIndex ? stage : 0;
    } else if (nextStage < 0) {
      nextStep = Math.max(0, stepIndex - 1);
      nextStage = nextStep === stepIndex ? 0 : TABLETOP_STAGES.length - 1;
    }
    dispatch({ type: 'tabletopStage', step: nextStep, stage: nextStage });
    if (nextStage === 0)
      dispatch({
        type: 'release',
        stepId: drill.steps[nextStep].id,
        now: Date.now(),
        manual: true,
      });
  };
  void clock;
  return (
    <div className="drill-tabletop" data-testid="tabletop">
      <h4>
        {label('mode', 'tabletop', language)} · {t.stepOf(stepIndex + 1, drill.steps.length)}：
        {step.title}
      </h4>
      <div className="drill-tabletop-stages">
        {t.tabletopStages.map((name, index) => (
          <span key={name} aria-current={index === stage ? 'step' : undefined}>
            {name}
          </span>
        ))}
      </div>
      <p>
        <strong>{t.tabletopStages[0]}：</strong>
        {step.inject.text || commandText(step.command, lists, language)}
      </p>
      {stage >= 1 &&
        FIELDS.slice(0, stage).map((field) => (
          <label key={field} className="drill-field">
            {t[field]}
            <textarea
              rows={2}
              value={entry[field]}
              data-testid={`tabletop-${field}`}
              onChange={(event) =>
                dispatch({ type: 'tabletopText', stepId: step.id, field, text: event.target.value })
              }
            />
          </label>
        ))}
      <div className="buttons">
        <button
          type="button"
          disabled={!started || (stepIndex === 0 && stage === 0)}
          onClick={() => go(-1)}
        >
          {t.previous}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="tabletop-next"
          disabled={!started}
          onClick={() => go(1)}
        >
          {t.next}
        </button>
      </div>
    </div>
  );
}
