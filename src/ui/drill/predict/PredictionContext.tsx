/**
 * The drill's prediction (仿真预演), shared by the sections that show it: the prediction view,
 * the printouts (their 仿真预测 column), the console (predicted times) and the evaluation. Seeds
 * run in the worker pool (src/worker/drillClient.ts); the outcomes are aggregated here on the
 * page with `aggregatePrediction`. The last prediction is kept in IndexedDB with the drill it was
 * made for: it is shown after a reload, and marked stale once the drill has changed.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { aggregatePrediction, predictionSeeds, type DrillPrediction } from '../../../drills/api.ts';
import { runDrillSeeds, type DrillRunHandle } from '../../../worker/drillClient.ts';
import { useLanguage } from '../../i18n.ts';
import { useDrill } from '../DrillContext.tsx';
import type { DrillDoc } from '../drillHistory.ts';
import { readDrillStore, writeDrillStore } from '../drillStore.ts';

export type PredictionStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed' | 'invalid';

export interface StoredPrediction {
  /** The drill document it was made for (JSON). */
  docJson: string;
  prediction: DrillPrediction;
  /** Wall-clock time it took, ms. */
  elapsedMs: number;
}

export interface PredictionApi {
  status: PredictionStatus;
  progress: { finished: number; total: number };
  message: string | null;
  /** The last prediction (possibly of an older version of the drill: see `stale`). */
  result: StoredPrediction | null;
  stale: boolean;
  run(firstSeed: number, replications: number): void;
  cancel(): void;
}

const PredictionContext = createContext<PredictionApi | null>(null);

export function usePrediction(): PredictionApi {
  const api = useContext(PredictionContext);
  if (!api) throw new Error('usePrediction outside <PredictionProvider>');
  return api;
}

export function PredictionProvider({ children }: { children: ReactNode }) {
  const language = useLanguage();
  const { workspace, check } = useDrill();
  const [status, setStatus] = useState<PredictionStatus>('idle');
  const [progress, setProgress] = useState({ finished: 0, total: 0 });
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<StoredPrediction | null>(null);
  const handle = useRef<DrillRunHandle | null>(null);

  useEffect(() => {
    void readDrillStore<StoredPrediction>('prediction').then(
      (stored) => {
        if (stored && typeof stored.docJson === 'string' && stored.prediction)
          setResult((current) => current ?? stored);
      },
      () => undefined,
    );
  }, []);

  const doc: DrillDoc | undefined = workspace?.doc;
  const docJson = useMemo(() => (doc ? JSON.stringify(doc) : ''), [doc]);

  const run = useCallback(
    (firstSeed: number, replications: number) => {
      if (!doc || !check || handle.current) return;
      if (!check.ok) {
        setStatus('invalid');
        return;
      }
      const { drill, scenario } = check;
      const seeds = predictionSeeds(firstSeed, replications);
      const startedAt = performance.now();
      const ranJson = JSON.stringify(doc);
      setStatus('running');
      setMessage(null);
      setProgress({ finished: 0, total: seeds.length });
      const started = runDrillSeeds(
        doc,
        seeds,
        (finished, total) => setProgress({ finished, total }),
        language,
      );
      handle.current = started;
      started.outcome
        .then((outcome) => {
          if ('cancelled' in outcome) {
            setStatus('cancelled');
            return;
          }
          if ('errors' in outcome) {
            setStatus('invalid');
            setMessage(outcome.errors.map((e) => `${e.path} ${e.message}`).join('; '));
            return;
          }
          const prediction = aggregatePrediction(drill, scenario, outcome.outcomes);
          const stored: StoredPrediction = {
            docJson: ranJson,
            prediction,
            elapsedMs: performance.now() - startedAt,
          };
          setResult(stored);
          setStatus('done');
          void writeDrillStore('prediction', stored).catch(() => undefined);
        })
        .catch((error: unknown) => {
          setStatus('failed');
          setMessage(error instanceof Error ? error.message : String(error));
        })
        .finally(() => {
          handle.current = null;
        });
    },
    [doc, check, language],
  );

  const api = useMemo<PredictionApi>(
    () => ({
      status,
      progress,
      message,
      result,
      stale: result !== null && result.docJson !== docJson,
      run,
      cancel: () => handle.current?.cancel(),
    }),
    [status, progress, message, result, docJson, run],
  );
  return <PredictionContext.Provider value={api}>{children}</PredictionContext.Provider>;
}
