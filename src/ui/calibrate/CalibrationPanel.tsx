/**
 * 校准 / Calibration: the scenario fitted to its imported call history in a worker, the fitted
 * values beside the current ones, observed against simulated response (median and p90 overall,
 * by district and by kind) before and after the fit, a scatter of observed against predicted
 * travel and the travel residuals by district on the map. "Apply fitted values" writes them
 * into the scenario as one edit, which undo takes back.
 */
import { useMemo, useState } from 'react';
import { applyFit } from '../../calibrate/calibrate.ts';
import type { GroupRow } from '../../calibrate/compare.ts';
import { names, rowCells, seconds } from '../../calibrate/words.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { calibrateInWorker, type CalibrationAnswer } from '../../worker/calibrateClient.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { CityMap } from '../map/CityMap.tsx';
import type { DistrictFill } from '../map/types.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { calibrationStrings } from './strings.ts';
import { TravelScatter } from './TravelScatter.tsx';
import './calibrate.css';

type State =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'failed'; message: string }
  | { phase: 'done'; answer: CalibrationAnswer; doc: ScenarioDoc; applied: boolean };

export function CalibrationPanel() {
  const t = useStrings(calibrationStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const [replications, setReplications] = useState(5);
  const [state, setState] = useState<State>({ phase: 'idle' });
  if (!workspace) return null;
  const doc = workspace.doc;

  const start = () => {
    setState({ phase: 'running', done: 0, total: 2 * replications });
    calibrateInWorker(doc, replications, language, (done, total) =>
      setState({ phase: 'running', done, total }),
    ).then(
      (answer) => setState({ phase: 'done', answer, doc, applied: false }),
      (error: unknown) => setState({ phase: 'failed', message: String(error) }),
    );
  };

  return (
    <div className="calibration-panel" data-testid="calibration-panel">
      <p className="hint">{t.intro}</p>
      <div className="calibration-controls">
        <label>
          {t.replications}{' '}
          <input
            type="number"
            min={1}
            max={100}
            value={replications}
            data-testid="calibration-replications"
            onChange={(event) =>
              setReplications(Math.max(1, Math.min(100, Math.round(+event.target.value) || 1)))
            }
          />
        </label>
        <button
          type="button"
          data-testid="calibration-start"
          disabled={state.phase === 'running'}
          onClick={start}
        >
          {t.start}
        </button>
        {state.phase === 'running' && (
          <span role="status" data-testid="calibration-progress">
            {t.running(state.done, state.total)}
          </span>
        )}
      </div>
      {state.phase === 'failed' && (
        <p className="error" role="alert">
          {t.failed} {state.message}
        </p>
      )}
      {state.phase === 'done' && (
        <Answer
          state={state}
          currentDoc={doc}
          onApply={() => {
            const answer = state.answer;
            if (!answer.ok) return;
            edit(t.applyLabel, (draft) => applyFit(draft, answer.result.fit));
            setState({ ...state, applied: true });
          }}
        />
      )}
    </div>
  );
}

function Answer(props: {
  state: Extract<State, { phase: 'done' }>;
  currentDoc: ScenarioDoc;
  onApply(): void;
}) {
  const t = useStrings(calibrationStrings);
  const language = useLanguage();
  const { answer, doc } = props.state;
  // Applied while the scenario is not back to the calibrated version (undo brings it back).
  const applied = props.state.applied && props.currentDoc !== doc;
  const locale = localeOf(language);
  const name = useMemo(() => names(doc as unknown as Scenario, language), [doc, language]);
  const residualFill = useMemo((): DistrictFill | undefined => {
    if (!answer.ok) return undefined;
    const rows = answer.result.travelResidualByDistrict;
    const format = (value: number) =>
      `${value >= 0 ? '+' : '−'}${seconds(Math.abs(value), language)}`;
    return {
      scale: 'difference',
      legend: t.residualLegend,
      format,
      values: Object.fromEntries(rows.map((r) => [r.district, r.median])),
      details: Object.fromEntries(rows.map((r) => [r.district, t.trips(r.n)])),
    };
  }, [answer, language, t]);

  if (!answer.ok) {
    return answer.reason === 'noObserved' ? (
      <p className="placeholder" data-testid="calibration-none">
        {t.noObserved}
      </p>
    ) : (
      <div className="error" role="alert">
        {t.invalid}
        <ul>
          {answer.errors.slice(0, 10).map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const { result } = answer;
  const lines = answer.lines[language];
  const responseRow = (label: string, row: GroupRow, key: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      {rowCells(row, language).map((cell, i) => (
        <td key={i} className="number">
          {cell}
        </td>
      ))}
      <td className="number">{row.observed.n.toLocaleString(locale)}</td>
    </tr>
  );
  const sections = [...new Set(lines.map((l) => l.section))];
  return (
    <>
      {props.currentDoc !== doc && !applied && (
        <p className="hint" data-testid="calibration-stale">
          {t.stale}
        </p>
      )}
      <h3>{t.response}</h3>
      <table data-testid="calibration-response">
        <thead>
          <tr>
            <th>{t.group}</th>
            <th>
              {t.observed}
              <br />
              <small>{t.medianP90}</small>
            </th>
            <th>
              {t.simBefore}
              <br />
              <small>{t.medianP90}</small>
            </th>
            <th>
              {t.simAfter}
              <br />
              <small>{t.medianP90}</small>
            </th>
            <th>{t.incidents}</th>
          </tr>
        </thead>
        <tbody>
          {responseRow(t.overall, result.comparison.overall, '')}
          <tr className="section-row">
            <th colSpan={5}>{t.byDistrict}</th>
          </tr>
          {result.comparison.byDistrict.map((row) =>
            responseRow(name.district(row.key), row, `d:${row.key}`),
          )}
          <tr className="section-row">
            <th colSpan={5}>{t.byKind}</th>
          </tr>
          {result.comparison.byKind.map((row) =>
            responseRow(name.kind(row.key), row, `k:${row.key}`),
          )}
        </tbody>
      </table>
      <h3>{t.fitted}</h3>
      <div className="calibration-controls">
        <button
          type="button"
          data-testid="calibration-apply"
          disabled={applied}
          onClick={props.onApply}
        >
          {t.apply}
        </button>
        {applied && (
          <span role="status" data-testid="calibration-applied">
            {t.applied}
          </span>
        )}
      </div>
      <table data-testid="calibration-fit">
        <thead>
          <tr>
            <th>{t.what}</th>
            <th>{t.before}</th>
            <th>{t.after}</th>
            <th>{t.sample}</th>
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section}>
            <tr className="section-row">
              <th colSpan={4}>{section}</th>
            </tr>
            {lines
              .filter((l) => l.section === section)
              .map((l, i) => (
                <tr key={i}>
                  <td>{l.what}</td>
                  <td>{l.before}</td>
                  <td>{l.after}</td>
                  <td className="number">{l.n?.toLocaleString(locale) ?? ''}</td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
      <div className="calibration-figures">
        <figure>
          <figcaption>{t.scatter}</figcaption>
          <TravelScatter
            trips={result.trips}
            label={t.scatter}
            xLabel={t.scatterX}
            yLabel={t.scatterY}
          />
          <p className="hint">{t.scatterHint}</p>
        </figure>
        <figure className="calibration-residuals">
          <figcaption>{t.residualMap}</figcaption>
          <CityMap
            doc={doc}
            ariaLabel={t.residualMap}
            districtFill={residualFill}
            layers={{ roads: true }}
            height={320}
            testId="calibration-map"
          />
        </figure>
      </div>
    </>
  );
}
