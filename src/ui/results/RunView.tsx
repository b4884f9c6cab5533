/**
 * Run and results: seed and replications, a run over the worker pool with progress, ETA and
 * cancel, and the readiness report of the scenario as it is in the editor.
 */
import { useMemo, useRef, useState } from 'react';
import type { ScenarioProblem } from '../../scenarios/load.ts';
import {
  poolSize,
  runReplications,
  type RunHandle,
  type RunProgress,
} from '../../worker/client.ts';
import { formatDuration, secondsLeft } from '../duration.ts';
import { strings, useLanguage } from '../i18n.ts';
import { useNavigation, type LastRun } from '../shell/navigation.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { freshness } from './freshness.ts';
import { ReportView } from './ReportView.tsx';
import { StaleNotice } from './StaleNotice.tsx';
import { clearRunMarker, markRunStarted } from './runMarker.ts';

const MAX_SEED = 2 ** 32 - 1;
const MAX_REPLICATIONS = 1000;

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: RunProgress; startedAt: number; elapsed: number }
  | { kind: 'cancelling'; progress: RunProgress }
  | { kind: 'done'; run: LastRun; seconds: number; edits: string[] }
  | { kind: 'cancelled'; progress: RunProgress }
  | { kind: 'invalid'; errors: ScenarioProblem[] }
  | { kind: 'failed'; message: string };

function parseWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function RunView() {
  const language = useLanguage();
  const t = strings[language];
  const { workspace } = useWorkspace();
  const { setLastRun } = useNavigation();
  const [seedText, setSeedText] = useState('1');
  const [replicationsText, setReplicationsText] = useState('20');
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const handle = useRef<RunHandle | null>(null);

  const seed = parseWholeNumber(seedText, 0, MAX_SEED);
  const replications = parseWholeNumber(replicationsText, 1, MAX_REPLICATIONS);
  const busy = state.kind === 'running' || state.kind === 'cancelling';
  const canRun = !busy && seed !== null && replications !== null && workspace !== null;

  const start = async () => {
    if (seed === null || replications === null || !workspace) return;
    const doc = workspace.doc;
    // The edits since the scenario was opened, as the undo list names them, for the report.
    const edits = [...workspace.past.map((s) => s.label), workspace.label].filter(Boolean);
    const seeds = Array.from({ length: replications }, (_, i) => seed + i);
    const startedAt = performance.now();
    const zero = { done: 0, finished: 0, total: replications };
    setState({ kind: 'running', progress: zero, startedAt, elapsed: 0 });
    const name = typeof doc.name === 'string' && doc.name ? doc.name : doc.id;
    markRunStarted({
      scenario: typeof name === 'string' ? name : '',
      firstSeed: seed,
      replications,
      startedAt: Date.now(),
    });
    const run = runReplications(
      { input: doc },
      seeds,
      (progress) => {
        if (handle.current !== run) return;
        setState((previous) =>
          previous.kind === 'running'
            ? { ...previous, progress, elapsed: performance.now() - previous.startedAt }
            : previous.kind === 'cancelling'
              ? { ...previous, progress }
              : previous,
        );
      },
      language,
    );
    handle.current = run;
    try {
      const outcome = await run.outcome;
      if (handle.current !== run) return;
      if ('cancelled' in outcome) {
        setState((previous) => ({
          kind: 'cancelled',
          progress: 'progress' in previous ? previous.progress : zero,
        }));
      } else if ('errors' in outcome) {
        setState({ kind: 'invalid', errors: outcome.errors });
      } else {
        const lastRun = { report: outcome.report, doc };
        setState({
          kind: 'done',
          run: lastRun,
          seconds: (performance.now() - startedAt) / 1000,
          edits,
        });
        setLastRun(lastRun);
      }
    } catch (error) {
      if (handle.current !== run) return;
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearRunMarker();
      if (handle.current === run) handle.current = null;
    }
  };

  const cancel = () => {
    setState((previous) =>
      previous.kind === 'running' ? { kind: 'cancelling', progress: previous.progress } : previous,
    );
    handle.current?.cancel();
  };

  // Results of another scenario, or of this one before its latest edits, say so.
  const ranDoc = state.kind === 'done' ? state.run.doc : null;
  const openDoc = workspace?.doc ?? null;
  const fresh = useMemo(
    () => (ranDoc && openDoc ? freshness(ranDoc, openDoc) : ({ kind: 'current' } as const)),
    [ranDoc, openDoc],
  );

  const progress = state.kind === 'done' ? 1 : 'progress' in state ? state.progress.done : 0;
  const percent = new Intl.NumberFormat(t.htmlLang, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(progress);
  // ETA from the pace so far, once there is enough of it to mean something.
  const eta = state.kind === 'running' ? secondsLeft(state.progress.done, state.elapsed) : null;
  const statusText: Record<Exclude<RunState['kind'], 'running'>, string> = {
    idle: t.idle,
    cancelling: t.cancelling,
    cancelled: t.cancelled,
    done: t.done,
    invalid: t.invalidScenario,
    failed: t.runFailed,
  };
  const status =
    state.kind === 'running'
      ? t.running(
          Math.min(state.progress.total, state.progress.finished + 1),
          state.progress.total,
          percent,
        ) + (eta === null ? '' : ` · ${t.eta(formatDuration(eta, t.htmlLang, t))}`)
      : state.kind === 'done'
        ? t.doneIn(formatDuration(state.seconds, t.htmlLang, t), poolSize())
        : statusText[state.kind];

  return (
    <div className="layout">
      <div className="side">
        <section className="card" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t.runSettings}</h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (canRun) void start();
            }}
          >
            <div className="fields">
              <label>
                <span>{t.seed}</span>
                <input
                  data-testid="seed-input"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_SEED}
                  step={1}
                  value={seedText}
                  disabled={busy}
                  aria-invalid={seed === null}
                  aria-describedby="seed-hint"
                  onChange={(event) => setSeedText(event.target.value)}
                />
              </label>
              <label>
                <span>{t.replications}</span>
                <input
                  data-testid="replications-input"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_REPLICATIONS}
                  step={1}
                  value={replicationsText}
                  disabled={busy}
                  aria-invalid={replications === null}
                  onChange={(event) => setReplicationsText(event.target.value)}
                />
              </label>
            </div>
            <p id="seed-hint" className="hint">
              {t.seedHint}
            </p>
            {seed === null && (
              <p className="field-error" data-testid="seed-error">
                {t.seedInvalid(MAX_SEED)}
              </p>
            )}
            {replications === null && (
              <p className="field-error" data-testid="replications-error">
                {t.replicationsInvalid(MAX_REPLICATIONS)}
              </p>
            )}
            <div className="buttons">
              <button type="submit" className="primary" data-testid="run" disabled={!canRun}>
                {t.run}
              </button>
              <button
                type="button"
                data-testid="cancel"
                disabled={state.kind !== 'running'}
                onClick={cancel}
              >
                {t.cancel}
              </button>
            </div>
          </form>
          <progress data-testid="progress" aria-label={t.progress} max={1} value={progress} />
          <p className={`status status-${state.kind}`} data-testid="status" data-state={state.kind}>
            {status}
          </p>
          {/* Screen readers hear when the state changes, not every tick of the progress. */}
          <p className="visually-hidden" role="status">
            {state.kind === 'running' ? t.runningAnnouncement : status}
          </p>
          {state.kind === 'invalid' && (
            <ul className="problems" role="alert" data-testid="error">
              {state.errors.map((problem, i) => (
                <li key={i}>
                  {problem.path && <code>{problem.path}</code>} {problem.message}
                </li>
              ))}
            </ul>
          )}
          {state.kind === 'failed' && (
            <p className="problems" role="alert" data-testid="error">
              {state.message}
            </p>
          )}
        </section>
      </div>

      <section className="card results" aria-labelledby="results-heading">
        <h2 id="results-heading">{t.results}</h2>
        {state.kind === 'done' ? (
          // A new run starts the report afresh (selected group, replay seed).
          <ReportView
            key={state.run.report.seeds.join(',') + state.seconds}
            run={state.run}
            edits={state.edits}
            notice={
              <StaleNotice
                freshness={fresh}
                runAgainDisabled={!canRun}
                onRunAgain={() => {
                  if (canRun) void start();
                }}
              />
            }
          />
        ) : (
          <p className="placeholder">{t.noResults}</p>
        )}
      </section>
    </div>
  );
}
