/**
 * The drill editor (方案与脚本): the check's errors listed at the top (each takes the planner to
 * its field), then the cover, objectives, participants, phases, the script with its timeline and
 * map, and the evaluation sheet. Errors also show at their fields.
 */
import { useMemo } from 'react';
import { ProblemsContext, problemsByPath } from '../../editors/fields.tsx';
import { useLanguage, useStrings } from '../../i18n.ts';
import { useDrill } from '../DrillContext.tsx';
import { scenarioLists } from '../scenarioLists.ts';
import { drillStrings } from '../strings.ts';
import { EvaluationCard } from './EvaluationCard.tsx';
import { HeaderCard, ObjectivesCard, ParticipantsCard, PhasesCard } from './HeaderCards.tsx';
import { StepsCard } from './StepsCard.tsx';

export function DrillEditor() {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { check, scenarioDoc } = useDrill();
  const lists = useMemo(() => scenarioLists(scenarioDoc, language), [scenarioDoc, language]);
  const problems = useMemo(() => problemsByPath(check && !check.ok ? check.errors : []), [check]);
  return (
    <ProblemsContext.Provider value={problems}>
      <CheckSummary />
      <div className="drill-editor" data-testid="drill-editor">
        <HeaderCard />
        <ObjectivesCard lists={lists} />
        <ParticipantsCard lists={lists} />
        <PhasesCard />
        <StepsCard lists={lists} scenarioDoc={scenarioDoc} />
        <EvaluationCard />
      </div>
      {!scenarioDoc && <p className="placeholder">{t.scenarioLoading}</p>}
    </ProblemsContext.Provider>
  );
}

/** The check's verdict: valid, or each error with its path as a link to its field. */
function CheckSummary() {
  const t = useStrings(drillStrings);
  const { check } = useDrill();
  if (!check)
    return (
      <p className="status" data-testid="drill-check" data-state="checking">
        {t.checking}
      </p>
    );
  if (check.ok) {
    return (
      <div className="status status-done" data-testid="drill-check" data-state="valid">
        {t.valid}
        {check.warnings.length > 0 && (
          <details>
            <summary>{t.warningsTitle(check.warnings.length)}</summary>
            <ul>
              {check.warnings.map((warning, index) => (
                <li key={index}>{warning.message}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    );
  }
  const focus = (path: string) => {
    const field = document.querySelector(`[data-path="${CSS.escape(path)}"]`);
    field?.scrollIntoView({ block: 'center' });
    field?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  };
  return (
    <div
      className="problems drill-errors"
      role="alert"
      data-testid="drill-check"
      data-state="invalid"
    >
      <p>{t.errorsTitle(check.errors.length)}</p>
      <ul>
        {check.errors.map((error, index) => (
          <li key={index} data-testid="drill-error">
            <button type="button" className="drill-link" onClick={() => focus(error.path)}>
              {error.path || '—'}
            </button>
            ：{error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
