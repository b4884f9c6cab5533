/**
 * The prediction (仿真预演): seeds and replications, run with progress and cancel, then the
 * conclusions (total duration, dead air, overload), each step's predicted release, each expected
 * action's predicted time and probability of meeting its standard, the feasibility flags with
 * their reasons, and the objective × agency × step coverage matrix.
 */
import { useMemo, useState } from 'react';
import type { DrillPrediction } from '../../../drills/api.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { drillClock } from '../consoleModel.ts';
import { useDrill } from '../DrillContext.tsx';
import { Timeline } from '../editor/Timeline.tsx';
import { deadlineText } from '../describe.ts';
import { nameOf, scenarioLists } from '../scenarioLists.ts';
import { plannedTimes } from '../schedule.ts';
import { actionName, conclusions, flagText, spreadText, type DrillNames } from './flagText.ts';
import { usePrediction } from './PredictionContext.tsx';
import { predictStrings } from './strings.ts';

export function useDrillNames(): DrillNames | null {
  const { check, scenarioDoc } = useDrill();
  const language = useLanguage();
  return useMemo(() => {
    if (!check?.ok) return null;
    return {
      steps: check.drill.steps,
      objectives: check.drill.objectives,
      lists: scenarioLists(scenarioDoc, language),
    };
  }, [check, scenarioDoc, language]);
}

export function PredictView() {
  const t = useStrings(predictStrings);
  const { status, progress, message, result, stale, run, cancel } = usePrediction();
  const { check } = useDrill();
  const [firstSeed, setFirstSeed] = useState('1');
  const [replications, setReplications] = useState('50');
  const seedOk = /^\d+$/.test(firstSeed.trim());
  const replicationsOk =
    /^\d+$/.test(replications.trim()) && Number(replications) >= 1 && Number(replications) <= 1000;
  const running = status === 'running';
  return (
    <section className="card drill-card" aria-labelledby="drill-predict-heading">
      <h3 id="drill-predict-heading">{t.title}</h3>
      <p className="hint">{t.intro}</p>
      <div className="drill-grid drill-run-controls">
        <div className="drill-field">
          <label htmlFor="drill-seed">{t.firstSeed}</label>
          <input
            id="drill-seed"
            data-testid="predict-seed"
            value={firstSeed}
            aria-invalid={!seedOk || undefined}
            onChange={(event) => setFirstSeed(event.target.value)}
          />
          {!seedOk && <span className="field-error">{t.seedInvalid}</span>}
        </div>
        <div className="drill-field">
          <label htmlFor="drill-replications">{t.replications}</label>
          <input
            id="drill-replications"
            data-testid="predict-replications"
            value={replications}
            aria-invalid={!replicationsOk || undefined}
            onChange={(event) => setReplications(event.target.value)}
          />
          {!replicationsOk && <span className="field-error">{t.replicationsInvalid}</span>}
        </div>
        <div className="buttons">
          <button
            type="button"
            className="primary"
            data-testid="predict-run"
            disabled={running || !seedOk || !replicationsOk || check === null}
            onClick={() => run(Number(firstSeed), Number(replications))}
          >
            {t.run}
          </button>
          <button type="button" data-testid="predict-cancel" disabled={!running} onClick={cancel}>
            {t.cancel}
          </button>
        </div>
      </div>
      <p
        className={`status status-${status}`}
        data-testid="predict-status"
        data-state={status}
        role="status"
      >
        {status === 'idle' && !result && t.idle}
        {running && t.running(progress.finished, progress.total)}
        {status === 'done' &&
          result &&
          t.done(result.prediction.seeds.length, (result.elapsedMs / 1000).toFixed(1))}
        {status === 'cancelled' && t.cancelled}
        {status === 'failed' && `${t.failed} ${message ?? ''}`}
        {status === 'invalid' && t.invalid}
      </p>
      {running && (
        <progress max={progress.total} value={progress.finished} data-testid="predict-progress" />
      )}
      {result && (
        <>
          {stale && (
            <p className="workspace-notice" data-testid="predict-stale">
              {t.stale}
            </p>
          )}
          <PredictionReport prediction={result.prediction} />
        </>
      )}
    </section>
  );
}

function PredictionReport({ prediction }: { prediction: DrillPrediction }) {
  const t = useStrings(predictStrings);
  const language = useLanguage();
  const names = useDrillNames();
  const { check } = useDrill();
  if (!names || !check?.ok) return null;
  const { drill } = check;
  const planned = plannedTimes(drill.steps);
  const seeds = prediction.seeds;
  return (
    <div className="drill-prediction" data-testid="prediction-report">
      <h4>
        {t.summary} <span className="hint">{t.seedsNote(seeds[0], seeds[seeds.length - 1])}</span>
      </h4>
      <ul data-testid="prediction-conclusions">
        {conclusions(prediction, names, drill.clock.deadAir, language, t).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <h4>{t.flags}</h4>
      {prediction.flags.length === 0 ? (
        <p>{t.noFlags}</p>
      ) : (
        <ul className="drill-flags" data-testid="prediction-flags">
          {prediction.flags.map((flag, i) => (
            <li key={i} data-kind={flag.kind}>
              {flagText(flag, names, language)}
            </li>
          ))}
        </ul>
      )}
      <Timeline steps={drill.steps} planned={planned} predicted={prediction.steps} />
      <h4>{t.steps}</h4>
      <table className="drill-table" data-testid="prediction-steps">
        <thead>
          <tr>
            <th>{t.stepCol}</th>
            <th>{t.plannedCol}</th>
            <th>{t.releasedCol}</th>
            <th>{t.rangeCol}</th>
            <th>{t.closedCol}</th>
            <th>{t.releasedShare}</th>
          </tr>
        </thead>
        <tbody>
          {drill.steps.map((step, index) => {
            const p = prediction.steps.find((entry) => entry.step === step.id);
            const at = planned.get(step.id);
            return (
              <tr key={step.id}>
                <td>{`${index + 1}. ${step.title}`}</td>
                <td>{at === null || at === undefined ? '—' : drillClock(at)}</td>
                <td>{p?.releasedAt ? drillClock(p.releasedAt.median) : t.notReleased}</td>
                <td>
                  {p?.releasedAt
                    ? `${drillClock(p.releasedAt.p10)}–${drillClock(p.releasedAt.p90)}`
                    : '—'}
                </td>
                <td>{p?.closedAt ? drillClock(p.closedAt.median) : '—'}</td>
                <td>{p ? `${Math.round(p.released * 100)}%` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t.actions}</h4>
      <table className="drill-table" data-testid="prediction-actions">
        <thead>
          <tr>
            <th>{t.actionCol}</th>
            <th>{t.standardCol}</th>
            <th>{t.predictedCol}</th>
            <th>{t.rangeCol}</th>
            <th>{t.probabilityCol}</th>
            <th>{t.happenedCol}</th>
          </tr>
        </thead>
        <tbody>
          {prediction.actions.map((action) => {
            const spread = spreadText(action.seconds, language);
            const spec = drill.steps.flatMap((s) => s.expected).find((a) => a.id === action.action);
            return (
              <tr
                key={action.action}
                data-testid="prediction-action"
                className={
                  action.manual
                    ? undefined
                    : action.probability < 0.5
                      ? 'drill-bad'
                      : action.probability < 0.9
                        ? 'drill-warn'
                        : undefined
                }
              >
                <td>{actionName(names, action.action, language)}</td>
                <td>{deadlineText(action.deadline, spec?.from ?? 'inject', language)}</td>
                {action.manual ? (
                  <td colSpan={4} data-testid="prediction-manual">
                    {t.manual}
                  </td>
                ) : (
                  <>
                    <td>{action.seconds ? spread.median : t.never}</td>
                    <td>{spread.range}</td>
                    <td>{`${Math.round(action.probability * 100)}%`}</td>
                    <td>{`${Math.round(action.happened * 100)}%`}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <CoverageMatrix prediction={prediction} names={names} />
    </div>
  );
}

function CoverageMatrix({ prediction, names }: { prediction: DrillPrediction; names: DrillNames }) {
  const t = useStrings(predictStrings);
  const rows = new Map<string, { objective: string | null; agency: string }>();
  for (const cell of prediction.coverage)
    rows.set(`${cell.objective ?? ''}|${cell.agency}`, {
      objective: cell.objective,
      agency: cell.agency,
    });
  const objectiveText = (id: string | null) => {
    if (id === null) return t.noObjective;
    const index = names.objectives.findIndex((o) => o.id === id);
    return index >= 0 ? `${index + 1}. ${names.objectives[index].text.slice(0, 24)}` : id;
  };
  return (
    <>
      <h4>{t.coverage}</h4>
      <p className="hint">{t.coverageNote}</p>
      <div className="drill-scroll">
        <table className="drill-table drill-coverage" data-testid="coverage-matrix">
          <thead>
            <tr>
              <th />
              <th />
              {names.steps.map((step, i) => (
                <th key={step.id} title={step.title}>
                  {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...rows.values()].map(({ objective, agency }) => (
              <tr key={`${objective}|${agency}`}>
                <th scope="row">{objectiveText(objective)}</th>
                <th scope="row">{nameOf(names.lists.agencies, agency)}</th>
                {names.steps.map((step) => {
                  const cell = prediction.coverage.find(
                    (c) => c.objective === objective && c.agency === agency && c.step === step.id,
                  );
                  return (
                    <td
                      key={step.id}
                      className={cell && (cell.actions > 0 || cell.dispatched > 0) ? 'covered' : ''}
                    >
                      {cell && (cell.actions > 0 || cell.dispatched > 0)
                        ? `${cell.actions > 0 ? t.actionsIn(cell.actions) : ''}${cell.actions > 0 ? ' · ' : ''}${Math.round(cell.dispatched * 100)}%`
                        : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
