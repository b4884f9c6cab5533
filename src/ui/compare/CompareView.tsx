/**
 * What-if comparison (方案比较): the current scenario as the base and up to 3 variants of it,
 * run with the same seeds (common random numbers) and compared figure by figure with paired
 * confidence intervals, a map of where tier-1 coverage changes, and a CSV export.
 */
import { formatDuration, secondsLeft } from '../duration.ts';
import { useMemo, useState } from 'react';
import type { Variant } from '../../scenarios/variants.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { freshness } from '../results/freshness.ts';
import { StaleNotice } from '../results/StaleNotice.tsx';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { CompareResults } from './CompareResults.tsx';
import { compareStrings, type CompareStrings } from './strings.ts';
import { useComparisonRun, type ComparisonState } from './useComparisonRun.ts';
import { VariantCard } from './VariantCard.tsx';
import './compare.css';

const MAX_VARIANTS = 3;
const MAX_SEED = 2 ** 32 - 1;
const MAX_REPLICATIONS = 1000;

interface KeyedVariant extends Variant {
  /** Stable React key: names change and variants are removed. */
  key: number;
}

function parseWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function CompareView() {
  const t = useStrings(compareStrings);
  const language = useLanguage();
  const { workspace } = useWorkspace();
  const [variants, setVariants] = useState<KeyedVariant[]>([
    { key: 1, name: t.defaultVariantName(1), operations: [] },
  ]);
  const [nextKey, setNextKey] = useState(2);
  const [seedText, setSeedText] = useState('1');
  const [replicationsText, setReplicationsText] = useState('30');
  const { state, start, cancel } = useComparisonRun(language, t);

  const seed = parseWholeNumber(seedText, 0, MAX_SEED);
  const replications = parseWholeNumber(replicationsText, 2, MAX_REPLICATIONS);
  const busy = state.kind === 'checking' || state.kind === 'running' || state.kind === 'cancelling';
  const doc = workspace?.doc;
  const canRun = !busy && seed !== null && replications !== null && doc !== undefined;

  // A comparison of another scenario, or of this one before its latest edits, says so.
  const ranDoc = state.kind === 'done' ? state.result.doc : null;
  const fresh = useMemo(
    () => (ranDoc && doc ? freshness(ranDoc, doc) : ({ kind: 'current' } as const)),
    [ranDoc, doc],
  );

  const addVariant = () => {
    setVariants((list) => [
      ...list,
      { key: nextKey, name: t.defaultVariantName(list.length + 1), operations: [] },
    ]);
    setNextKey((key) => key + 1);
  };

  const run = () => {
    if (!canRun || !doc || seed === null || replications === null) return;
    const seeds = Array.from({ length: replications }, (_, i) => seed + i);
    void start(doc, variants, seeds);
  };

  return (
    <div className="layout compare-layout">
      <div className="side">
        <section className="card" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t.title}</h2>
          <p className="hint">{t.intro}</p>
          <p className="compare-base" data-testid="compare-base">
            <strong>{t.baseName}</strong>
          </p>
        </section>
        <RunSettings
          t={t}
          seedText={seedText}
          replicationsText={replicationsText}
          seedValid={seed !== null}
          replicationsValid={replications !== null}
          busy={busy}
          canRun={canRun && variants.length > 0}
          state={state}
          onSeed={setSeedText}
          onReplications={setReplicationsText}
          onRun={run}
          onCancel={cancel}
        />
        {doc &&
          variants.map((variant, index) => (
            <VariantCard
              key={variant.key}
              index={index}
              doc={doc}
              variant={variant}
              disabled={busy}
              onChange={(changed) =>
                setVariants((list) =>
                  list.map((v) => (v.key === variant.key ? { ...changed, key: v.key } : v)),
                )
              }
              onRemove={() => setVariants((list) => list.filter((v) => v.key !== variant.key))}
            />
          ))}
        <div className="compare-add-variant">
          <button
            type="button"
            data-testid="add-variant"
            disabled={busy || variants.length >= MAX_VARIANTS}
            onClick={addVariant}
          >
            {t.addVariant}
          </button>
          {variants.length >= MAX_VARIANTS && <span className="hint">{t.maxVariants}</span>}
        </div>
      </div>

      <section className="card compare-main" aria-labelledby="compare-results-heading">
        <h2 id="compare-results-heading">{t.results}</h2>
        <Problems state={state} t={t} />
        {state.kind === 'done' ? (
          <CompareResults
            result={state.result}
            notice={
              <StaleNotice
                freshness={fresh}
                testId="compare-stale"
                runAgainDisabled={!canRun || variants.length === 0}
                onRunAgain={run}
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

function RunSettings(props: {
  t: CompareStrings;
  seedText: string;
  replicationsText: string;
  seedValid: boolean;
  replicationsValid: boolean;
  busy: boolean;
  canRun: boolean;
  state: ComparisonState;
  onSeed(text: string): void;
  onReplications(text: string): void;
  onRun(): void;
  onCancel(): void;
}) {
  const { t, state, busy } = props;
  const locale = localeOf(useLanguage());
  const progress = state.kind === 'done' ? 1 : 'progress' in state ? state.progress.done : 0;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const status = (() => {
    switch (state.kind) {
      case 'idle':
        return t.idle;
      case 'checking':
        return t.checking;
      case 'running': {
        const p = state.progress;
        const left = secondsLeft(p.done, p.elapsedMs);
        const eta = left === null ? '' : ` · ${t.eta(formatDuration(left, locale, t))}`;
        return t.running(p.running, p.replication, p.replications, percent.format(p.done)) + eta;
      }
      case 'cancelling':
        return t.cancelling;
      case 'cancelled':
        return t.cancelled;
      case 'done':
        return t.done(formatDuration(state.seconds, locale, t));
      case 'invalid':
        return t.baseInvalid;
      case 'failed':
        return t.failed;
    }
  })();
  return (
    <section className="card" aria-labelledby="compare-settings-heading">
      <h2 id="compare-settings-heading">{t.runSettings}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onRun();
        }}
      >
        <div className="fields">
          <label>
            <span>{t.seed}</span>
            <input
              data-testid="compare-seed"
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={props.seedText}
              disabled={busy}
              aria-invalid={!props.seedValid}
              aria-describedby="compare-seed-hint"
              onChange={(e) => props.onSeed(e.target.value)}
            />
          </label>
          <label>
            <span>{t.replications}</span>
            <input
              data-testid="compare-replications"
              type="number"
              inputMode="numeric"
              min={2}
              max={MAX_REPLICATIONS}
              step={1}
              value={props.replicationsText}
              disabled={busy}
              aria-invalid={!props.replicationsValid}
              onChange={(e) => props.onReplications(e.target.value)}
            />
          </label>
        </div>
        <p id="compare-seed-hint" className="hint">
          {t.seedHint}
        </p>
        {!props.seedValid && <p className="field-error">{t.seedInvalid(MAX_SEED)}</p>}
        {!props.replicationsValid && (
          <p className="field-error">{t.replicationsInvalid(MAX_REPLICATIONS)}</p>
        )}
        <div className="buttons">
          <button
            type="submit"
            className="primary"
            data-testid="compare-run"
            disabled={!props.canRun}
          >
            {t.run}
          </button>
          <button
            type="button"
            data-testid="compare-cancel"
            disabled={state.kind !== 'running' && state.kind !== 'checking'}
            onClick={props.onCancel}
          >
            {t.cancel}
          </button>
        </div>
      </form>
      <progress data-testid="compare-progress" aria-label={t.progress} max={1} value={progress} />
      <p
        className={`status status-${state.kind}`}
        role="status"
        data-testid="compare-status"
        data-state={state.kind}
      >
        {status}
      </p>
    </section>
  );
}

/** Why the base or a variant was not run. */
function Problems({ state, t }: { state: ComparisonState; t: CompareStrings }) {
  const language = useLanguage();
  if (state.kind === 'invalid') {
    return (
      <ul className="problems" role="alert" data-testid="compare-error">
        {state.problems.map((problem, i) => (
          <li key={i}>
            {problem.path && <code>{problem.path}</code>} {problem.message}
          </li>
        ))}
      </ul>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="problems" role="alert" data-testid="compare-error">
        {state.message}
      </p>
    );
  }
  if (state.kind !== 'done') return null;
  return (
    <>
      {state.result.variants.map((variant, i) =>
        'problems' in variant ? (
          <div key={i} className="problems" role="alert" data-testid={`variant-problems-${i}`}>
            <p>{t.variantInvalid(variant.name)}</p>
            <ul>
              {variant.problems[language].map((problem, j) => (
                <li key={j}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </>
  );
}
