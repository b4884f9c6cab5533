/**
 * The page's handle on a drill prediction: the seeds spread over the simulation pool (one worker
 * per core, src/worker/client.ts), supervised as runs are (src/worker/supervisor.ts: a lost worker
 * is replaced and its seed run again), with progress and cancel. The outcomes come back in seed
 * order; the page aggregates them (`aggregatePrediction`), so the figures are the same whatever
 * the number of workers.
 */
import * as Comlink from 'comlink';
import type {
  DrillOutcome,
  DrillPlayOptions,
  DrillPrediction,
  DrillProblem,
  RemedyEffect,
} from '../drills/api.ts';
import type { Language } from '../scenarios/messages.ts';
import {
  callWorker,
  poolSize,
  poolWorker,
  RunFailedError,
  WorkerLostError,
  type PoolWorker,
} from './client.ts';
import { supervise, type RunWorker, type SupervisedRun } from './supervisor.ts';

const HEARTBEAT_MS = 20_000;
const CANCEL_GRACE_MS = 500;

export type DrillRunOutcome =
  { outcomes: DrillOutcome[] } | { errors: DrillProblem[] } | { cancelled: true };

export interface DrillRunHandle {
  outcome: Promise<DrillRunOutcome>;
  cancel(): void;
}

let drillRunsStarted = 0;

class InvalidDrill extends Error {
  constructor(readonly errors: DrillProblem[]) {
    super('invalid drill');
  }
}

/** Plays the drill once per seed over the pool; `onProgress` gets the seeds finished. */
export function runDrillSeeds(
  data: unknown,
  seeds: readonly number[],
  onProgress: (finished: number, total: number) => void,
  language: Language,
  options: DrillPlayOptions = {},
): DrillRunHandle {
  const key = `drill-${++drillRunsStarted}`;
  const slots = Math.max(1, Math.min(poolSize(), seeds.length));
  const outcomes: DrillOutcome[] = [];
  const touched = new Set<PoolWorker>();
  let cancelled = false;
  let supervised: SupervisedRun | null = null;

  const prepare = async (slot: number): Promise<PoolWorker> => {
    for (let attempt = 0; ; attempt++) {
      const entry = poolWorker(slot);
      touched.add(entry);
      if (entry.prepared.has(key)) return entry;
      try {
        const prepared = await Promise.race([
          entry.remote.drillPrepare(key, data, language, options),
          entry.failure,
        ]);
        if (!prepared.ok) throw new InvalidDrill(prepared.errors);
        entry.prepared.add(key);
        return entry;
      } catch (error) {
        if (!(error instanceof WorkerLostError) || attempt > 0) throw error;
      }
    }
  };

  const asRunWorker = (entry: PoolWorker): RunWorker<DrillOutcome> => ({
    runSeed: (seed, progress) =>
      Promise.race([
        entry.remote.drillSeed(
          key,
          seed,
          Comlink.proxy((share: number) => progress(share)),
        ),
        entry.failure,
      ]),
    cancel: () => void entry.remote.drillCancel(key).catch(() => {}),
    terminate: () => entry.retire('terminated by the pool'),
    died: entry.failure,
  });

  const outcome = (async (): Promise<DrillRunOutcome> => {
    try {
      await prepare(0);
      if (cancelled) return { cancelled: true };
      supervised = supervise<DrillOutcome>({
        seeds,
        slots,
        start: async (slot) => asRunWorker(await prepare(slot)),
        onFinished: (_seed, result) => outcomes.push(result),
        onProgress: (_done, finished) => {
          if (!cancelled) onProgress(finished, seeds.length);
        },
        heartbeatMs: HEARTBEAT_MS,
        cancelGraceMs: CANCEL_GRACE_MS,
      });
      if (cancelled) supervised.cancel();
      const ended = await supervised.outcome;
      if (ended.kind === 'cancelled') return { cancelled: true };
      if (ended.kind === 'failed') {
        throw new RunFailedError(
          language === 'zh'
            ? `种子 ${ended.seed} 两次使计算线程停止，预演已中止。`
            : `Seed ${ended.seed} stopped a worker twice; the prediction was stopped.`,
        );
      }
      if (ended.kind === 'error') throw ended.error;
      return { outcomes: outcomes.slice().sort((a, b) => a.seed - b.seed) };
    } catch (error) {
      if (error instanceof InvalidDrill) return { errors: error.errors };
      throw error;
    } finally {
      for (const entry of touched) {
        entry.prepared.delete(key);
        if (!entry.retired) void entry.remote.drillForget(key).catch(() => {});
      }
    }
  })();

  return {
    outcome,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      supervised?.cancel();
    },
  };
}

/** Each remedy of the drill priced by re-predicting its scenario variant (in one worker). */
export function priceDrillRemedies(
  data: unknown,
  base: DrillPrediction,
  language: Language,
): Promise<RemedyEffect[]> {
  return callWorker((worker) => worker.drillRemedies(data, base, language));
}
