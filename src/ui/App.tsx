/**
 * First page: pick a built-in scenario, run replications in the worker, read the summary.
 */
import { useEffect, useRef, useState } from 'react';
import { BUILTIN_CATALOGUE, DEFAULT_SCENARIO_ID } from '../scenarios/builtin/catalogue.ts';
import type { ScenarioProblem } from '../scenarios/load.ts';
import type { Report } from '../sim/metrics.ts';
import { cancelRun, runReplications, scenarioInfo, type ScenarioInfo } from '../worker/client.ts';
import { initialLanguage, rememberLanguage, strings, type Language } from './i18n.ts';
import { SummaryTable } from './SummaryTable.tsx';

const MAX_SEED = 2 ** 32 - 1;
const MAX_REPLICATIONS = 1000;

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: number; replications: number }
  | { kind: 'cancelling'; progress: number; replications: number }
  | { kind: 'done'; report: Report }
  | { kind: 'cancelled'; progress: number }
  | { kind: 'invalid'; errors: ScenarioProblem[] }
  | { kind: 'failed'; message: string };

function parseWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * The paragraphs of a scenario's description written in the page's language (scenarios give
 * one paragraph per language); the whole text when none is.
 */
function descriptionIn(description: string, language: Language): string {
  const isChinese = (paragraph: string) =>
    (paragraph.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > paragraph.length / 4;
  const wanted = description
    .split(/\n\s*\n/)
    .filter((paragraph) => isChinese(paragraph) === (language === 'zh'));
  return wanted.length > 0 ? wanted.join('\n\n') : description;
}

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [scenarioId, setScenarioId] = useState(DEFAULT_SCENARIO_ID);
  const [seedText, setSeedText] = useState('1');
  const [replicationsText, setReplicationsText] = useState('10');
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  // The worker builds the chosen scenario and tells its description and agency names.
  const [info, setInfo] = useState<{ id: string; info: ScenarioInfo } | null>(null);
  // Progress messages travel on their own channel and may land after the result: only the
  // current run may move the bar.
  const currentRun = useRef(0);
  const t = strings[language];

  useEffect(() => {
    document.documentElement.lang = t.htmlLang;
  }, [t.htmlLang]);

  const entry = BUILTIN_CATALOGUE.find((s) => s.id === scenarioId) ?? BUILTIN_CATALOGUE[0];
  const entryInfo = info?.id === entry.id ? info.info : null;

  useEffect(() => {
    let wanted = true;
    scenarioInfo({ builtin: entry.id }, language).then(
      (answer) => {
        if (wanted) setInfo({ id: entry.id, info: answer });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (wanted) setInfo({ id: entry.id, info: { ok: false, errors: [{ path: '', message }] } });
      },
    );
    return () => {
      wanted = false;
    };
  }, [entry.id, language]);
  const seed = parseWholeNumber(seedText, 0, MAX_SEED);
  const replications = parseWholeNumber(replicationsText, 1, MAX_REPLICATIONS);
  const busy = state.kind === 'running' || state.kind === 'cancelling';
  const canRun = !busy && seed !== null && replications !== null;

  const switchLanguage = () => {
    const next = language === 'zh' ? 'en' : 'zh';
    setLanguage(next);
    rememberLanguage(next);
  };

  const start = async () => {
    if (seed === null || replications === null) return;
    const run = ++currentRun.current;
    const seeds = Array.from({ length: replications }, (_, i) => seed + i);
    setState({ kind: 'running', progress: 0, replications });
    try {
      const outcome = await runReplications(
        { builtin: entry.id },
        seeds,
        (progress) => {
          if (currentRun.current !== run) return;
          setState((previous) =>
            previous.kind === 'running' || previous.kind === 'cancelling'
              ? { ...previous, progress }
              : previous,
          );
        },
        language,
      );
      if (currentRun.current !== run) return;
      if ('cancelled' in outcome) {
        setState((previous) => ({
          kind: 'cancelled',
          progress: previous.kind === 'cancelling' ? previous.progress : 0,
        }));
      } else if ('errors' in outcome) setState({ kind: 'invalid', errors: outcome.errors });
      else setState({ kind: 'done', report: outcome });
    } catch (error) {
      if (currentRun.current !== run) return;
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const cancel = () => {
    setState((previous) =>
      previous.kind === 'running' ? { ...previous, kind: 'cancelling' } : previous,
    );
    void cancelRun();
  };

  const progress =
    state.kind === 'done'
      ? 1
      : state.kind === 'running' || state.kind === 'cancelling' || state.kind === 'cancelled'
        ? state.progress
        : 0;
  const percent = new Intl.NumberFormat(t.htmlLang, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(progress);
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
          Math.min(state.replications, Math.floor(progress * state.replications) + 1),
          state.replications,
          percent,
        )
      : statusText[state.kind];

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1 data-testid="app-title">{t.appTitle}</h1>
          <p className="subtitle">{t.appSubtitle}</p>
        </div>
        <button
          type="button"
          className="language"
          data-testid="language-switch"
          aria-label={t.switchLanguageLabel}
          lang={language === 'zh' ? 'en' : 'zh-CN'}
          onClick={switchLanguage}
        >
          {t.switchLanguage}
        </button>
      </header>

      <main className="layout">
        <div className="side">
          <section className="card" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading">{t.scenario}</h2>
            <label className="visually-hidden" htmlFor="scenario">
              {t.scenario}
            </label>
            <select
              id="scenario"
              data-testid="scenario-select"
              value={entry.id}
              disabled={busy}
              onChange={(event) => {
                setScenarioId(event.target.value);
                setState({ kind: 'idle' });
              }}
            >
              {BUILTIN_CATALOGUE.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title[language]}
                </option>
              ))}
            </select>
            <h3 className="scenario-title" data-testid="scenario-title">
              {entry.title[language]}
            </h3>
            <p
              className="scenario-description"
              data-testid="scenario-description"
              aria-busy={entryInfo === null}
            >
              {entryInfo === null
                ? t.buildingScenario
                : entryInfo.ok
                  ? descriptionIn(entryInfo.description, language)
                  : entryInfo.errors.map((problem) => problem.message).join('\n')}
            </p>
          </section>

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
            <p
              className={`status status-${state.kind}`}
              role="status"
              data-testid="status"
              data-state={state.kind}
            >
              {status}
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
            <SummaryTable
              report={state.report}
              agencyNames={entryInfo?.ok ? entryInfo.agencyNames : {}}
              t={t}
            />
          ) : (
            <p className="placeholder">{t.noResults}</p>
          )}
        </section>
      </main>
    </div>
  );
}
