/**
 * The drill's evaluation, computed on the page from the console's record, the prediction (when
 * it is of this version of the drill) and the remedies' priced effects (`evaluateDrill`), with
 * the evaluator's edits on top: confirmed scores and grades, the report's paragraphs and the
 * improvement list's rows. The edits are saved in IndexedDB per drill, at each keystroke.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { evaluateDrill, type DrillEvaluation, type RemedyEffect } from '../../../drills/api.ts';
import { useLanguage } from '../../i18n.ts';
import { toDrillLog } from '../consoleLog.ts';
import { useConsole } from '../console/ConsoleContext.tsx';
import { tabletopNotes } from '../console/Tabletop.tsx';
import { useDrill } from '../DrillContext.tsx';
import { readDrillStore, writeDrillStore } from '../drillStore.ts';
import { usePrediction } from '../predict/PredictionContext.tsx';
import { applyEdits, emptyEdits, isEdits, type EvaluationEdits } from './evaluationEdits.ts';

export interface EvaluationApi {
  /** The computed evaluation with the evaluator's edits applied; null without a valid drill or a record. */
  evaluation: DrillEvaluation | null;
  /** As computed, before edits (for "restore the draft"). */
  computed: DrillEvaluation | null;
  edits: EvaluationEdits;
  setEdits(change: (edits: EvaluationEdits) => EvaluationEdits): void;
  effects: RemedyEffect[] | null;
  setEffects(effects: RemedyEffect[] | null): void;
}

const EvaluationContext = createContext<EvaluationApi | null>(null);

export function useEvaluation(): EvaluationApi {
  const api = useContext(EvaluationContext);
  if (!api) throw new Error('useEvaluation outside <EvaluationProvider>');
  return api;
}

export function EvaluationProvider({ children }: { children: ReactNode }) {
  const language = useLanguage();
  const { check } = useDrill();
  const { state } = useConsole();
  const prediction = usePrediction();
  const [book, setBook] = useState<Record<string, EvaluationEdits> | null>(null);
  const [effects, setEffects] = useState<RemedyEffect[] | null>(null);
  const drillId = check?.ok ? check.drill.id : '';

  useEffect(() => {
    void readDrillStore<unknown>('evaluation').then(
      (stored) => {
        const restored: Record<string, EvaluationEdits> = {};
        if (stored && typeof stored === 'object')
          for (const [id, edits] of Object.entries(stored))
            if (isEdits(edits)) restored[id] = edits;
        setBook((current) => current ?? restored);
      },
      () => setBook((current) => current ?? {}),
    );
  }, []);

  const edits = (book && book[drillId]) || emptyEdits();
  const setEdits = useCallback(
    (change: (edits: EvaluationEdits) => EvaluationEdits) =>
      setBook((current) => {
        const base = current ?? {};
        const next = { ...base, [drillId]: change(base[drillId] ?? emptyEdits()) };
        void writeDrillStore('evaluation', next).catch(() => undefined);
        return next;
      }),
    [drillId],
  );

  const predicted = prediction.result && !prediction.stale ? prediction.result.prediction : null;
  const computed = useMemo(() => {
    const recorded = state && (state.records.length > 0 || state.releases.length > 0);
    if (!check?.ok || !state || (state.status === 'ready' && !recorded)) return null;
    const log = toDrillLog(state, check.drill.id, tabletopNotes(check.drill, state, language));
    return evaluateDrill(
      check.drill,
      check.scenario,
      log,
      predicted,
      language,
      effects ?? undefined,
    );
  }, [check, state, predicted, language, effects]);
  const evaluation = useMemo(
    () => (computed ? applyEdits(computed, edits) : null),
    [computed, edits],
  );

  const api = useMemo<EvaluationApi>(
    () => ({ evaluation, computed, edits, setEdits, effects, setEffects }),
    [evaluation, computed, edits, setEdits, effects],
  );
  return <EvaluationContext.Provider value={api}>{children}</EvaluationContext.Provider>;
}
