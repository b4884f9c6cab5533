/**
 * Runs a comparison: checks every variant first (its operations, then the loader's full check in
 * the worker), then runs the base and each valid variant one after another over the worker pool
 * with the same seeds, with one overall progress and one cancel.
 */
import { useRef, useState } from 'react';
import type { ScenarioProblem } from '../../scenarios/load.ts';
import { isRuleId } from '../../scenarios/rules/index.ts';
import { RULE_NAMES } from '../../scenarios/ruleNames.ts';
import { applyVariant, describeOperation, type Variant } from '../../scenarios/variants.ts';
import { asArray, textOf } from '../editors/model.ts';
import { agenciesNoKindNeeds, rulesWithoutKinds } from '../editors/scope.ts';
import { resultsStrings } from '../results/strings.ts';
import type { Report } from '../../sim/analysis/report.ts';
import { runReplications, scenarioInfo, type RunHandle } from '../../worker/client.ts';
import { displayName, type Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { buildResult, type Bilingual, type ComparisonResult } from './result.ts';
import { compareStrings, type CompareStrings } from './strings.ts';

export interface ComparisonProgress {
  /** Share of all the replications done, 0..1. */
  done: number;
  /** Name of the scenario running (the base or a variant). */
  running: string;
  replication: number;
  replications: number;
  elapsedMs: number;
}

export type ComparisonState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'running'; progress: ComparisonProgress }
  | { kind: 'cancelling'; progress: ComparisonProgress }
  | { kind: 'cancelled'; progress: ComparisonProgress }
  | { kind: 'done'; result: ComparisonResult; seconds: number }
  | { kind: 'invalid'; problems: ScenarioProblem[] }
  | { kind: 'failed'; message: string };

interface Planned {
  name: string;
  changes: Bilingual;
  /** Why some of its changes cannot change a result (a rule with no kind, an idle agency). */
  notes?: Bilingual;
  doc?: ScenarioDoc;
  problems?: Bilingual;
}

const LANGUAGES: Language[] = ['zh', 'en'];
const problemText = (p: ScenarioProblem) => (p.path ? `${p.path}: ${p.message}` : p.message);

/** The base with the variant's changes, or what is wrong with them, in both languages. */
async function planVariant(doc: ScenarioDoc, variant: Variant): Promise<Planned> {
  const changes = bilingual((language) =>
    variant.operations.map((op) => describeOperation(op, doc, language)),
  );
  const applied = applyVariant(doc, variant.operations, 'en');
  if (!applied.ok) {
    const problems = bilingual((language) => {
      const result = applyVariant(doc, variant.operations, language);
      const t = compareStrings[language];
      return result.ok
        ? []
        : result.problems.map((p) => t.operationProblem(p.operation + 1, p.message));
    });
    return { name: variant.name, changes, problems };
  }
  const infos = await Promise.all(
    LANGUAGES.map((language) => scenarioInfo({ input: applied.doc }, language)),
  );
  if (infos.some((info) => !info.ok)) {
    const [zh, en] = infos.map((info) => (info.ok ? [] : info.errors.map(problemText)));
    return { name: variant.name, changes, problems: { zh, en } };
  }
  return { name: variant.name, changes, doc: applied.doc, notes: inertNotes(variant, applied.doc) };
}

/** Changes of a variant that cannot change a result, and why, in both languages. */
function inertNotes(variant: Variant, doc: ScenarioDoc): Bilingual {
  const idle = agenciesNoKindNeeds(doc);
  const agencyName = (id: string, language: Language) => {
    const agency = asArray(doc.agencies).find((a) => textOf(a, 'id') === id);
    return displayName(id, textOf(agency, 'name'), language, textOf(agency, 'nameEn'));
  };
  return bilingual((language) => {
    const t = resultsStrings[language];
    const notes = rulesWithoutKinds(doc).map((rule) =>
      t.ruleNoKinds(isRuleId(rule) ? RULE_NAMES[rule][language] : rule),
    );
    for (const operation of variant.operations) {
      if (operation.type === 'agencyTier' && idle.has(operation.agency)) {
        notes.push(t.agenciesIdle(agencyName(operation.agency, language)));
      }
    }
    return notes;
  });
}

function bilingual(make: (language: Language) => string[]): Bilingual {
  return { zh: make('zh'), en: make('en') };
}

export function useComparisonRun(language: Language, t: CompareStrings) {
  const [state, setState] = useState<ComparisonState>({ kind: 'idle' });
  const current = useRef<{ handle: RunHandle | null; cancelled: boolean } | null>(null);

  const start = async (doc: ScenarioDoc, variants: readonly Variant[], seeds: number[]) => {
    const run = { handle: null as RunHandle | null, cancelled: false };
    current.current = run;
    const startedAt = performance.now();
    setState({ kind: 'checking' });
    try {
      const planned = await Promise.all(variants.map((variant) => planVariant(doc, variant)));
      const runs = [{ name: t.baseName, doc }, ...planned.filter((p) => p.doc)] as Array<{
        name: string;
        doc: ScenarioDoc;
      }>;
      const reports: Report[] = [];
      for (const [index, scenario] of runs.entries()) {
        if (run.cancelled) return;
        const handle = runReplications(
          { input: scenario.doc },
          seeds,
          (progress) => {
            if (current.current !== run || run.cancelled) return;
            const next: ComparisonProgress = {
              done: (index + progress.done) / runs.length,
              running: scenario.name,
              replication: Math.min(progress.total, progress.finished + 1),
              replications: progress.total,
              elapsedMs: performance.now() - startedAt,
            };
            setState((previous) =>
              previous.kind === 'running' || previous.kind === 'checking'
                ? { kind: 'running', progress: next }
                : previous,
            );
          },
          language,
        );
        run.handle = handle;
        const outcome = await handle.outcome;
        if ('cancelled' in outcome) return;
        if ('errors' in outcome) {
          // Only the base can get here: the variants were checked before.
          setState({ kind: 'invalid', problems: outcome.errors });
          return;
        }
        reports.push(outcome.report);
      }
      if (run.cancelled) return;
      let ran = 0;
      const variantsOut = planned.map((p) =>
        p.doc
          ? { name: p.name, changes: p.changes, notes: p.notes, report: reports[1 + ran++] }
          : { name: p.name, changes: p.changes, problems: p.problems },
      );
      setState({
        kind: 'done',
        result: buildResult(doc, reports[0], variantsOut),
        seconds: (performance.now() - startedAt) / 1000,
      });
    } catch (error) {
      if (current.current !== run) return;
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (current.current === run && run.cancelled) {
        setState((previous) =>
          'progress' in previous ? { kind: 'cancelled', progress: previous.progress } : previous,
        );
      }
    }
  };

  const cancel = () => {
    const run = current.current;
    if (!run) return;
    run.cancelled = true;
    run.handle?.cancel();
    setState((previous) =>
      previous.kind === 'running'
        ? { kind: 'cancelling', progress: previous.progress }
        : previous.kind === 'checking'
          ? { kind: 'idle' }
          : previous,
    );
  };

  return { state, start, cancel };
}
