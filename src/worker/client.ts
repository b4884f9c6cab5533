/**
 * The page's handle on the simulation workers: a pool of one worker per core (at most 8),
 * started on first use. Replications are handed out one seed at a time to whichever worker is
 * free, so a slow seed does not hold the others back; the report is built (in a worker: it takes
 * more than a frame) from the replications in seed order, so it is the same whatever the number
 * of workers.
 * Single calls (checking a scenario, a replay) go to the first worker.
 */
import * as Comlink from 'comlink';
import type { Language } from '../scenarios/messages.ts';
import type { ScenarioInput } from '../scenarios/schema.ts';
import type { ReplicationMetrics } from '../sim/analysis/metrics.ts';
import type { Report } from '../sim/analysis/report.ts';
import type { ScenarioInfo, ScenarioSource, SimWorkerApi } from './simWorker.ts';
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { SessionOptions } from '../sim/session.ts';

export type { ScenarioInfo, ScenarioSource } from './simWorker.ts';

const MAX_WORKERS = 8;

interface PoolWorker {
  remote: Comlink.Remote<SimWorkerApi>;
  /** Rejects if the worker script itself fails (fails to load, or throws outside a call). */
  failure: Promise<never>;
}

const workers: PoolWorker[] = [];

/** Workers the pool runs: one per core the browser reports, at least 1 and at most 8. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(cores, MAX_WORKERS));
}

function poolWorker(index: number): PoolWorker {
  while (workers.length <= index) {
    const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
    const failure = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        reject(new Error(event.message || 'the simulation worker could not start'));
      });
    });
    // Only a pending call observes the failure; do not report it as unhandled otherwise.
    failure.catch(() => {});
    workers.push({ remote: Comlink.wrap<SimWorkerApi>(worker), failure });
  }
  return workers[index];
}

/** A call to a worker that also ends if the worker dies, instead of waiting forever. */
export function callWorker<T>(
  call: (worker: Comlink.Remote<SimWorkerApi>) => Promise<T>,
  index = 0,
): Promise<T> {
  const worker = poolWorker(index);
  return Promise.race([call(worker.remote), worker.failure]);
}

/** The outcome of a set of replications. */
export type RunOutcome =
  | { report: Report }
  | { errors: Extract<ScenarioInfo, { ok: false }>['errors'] }
  | { cancelled: true };

export interface RunProgress {
  /** Share of the whole run done, 0..1 (replications in progress count by their part done). */
  done: number;
  /** Replications finished. */
  finished: number;
  total: number;
}

export interface RunHandle {
  outcome: Promise<RunOutcome>;
  /** Stops every worker at its next slice; `outcome` then resolves to `{ cancelled: true }`. */
  cancel(): void;
}

let runsStarted = 0;

/** Runs one replication per seed over the pool. */
export function runReplications(
  source: ScenarioSource,
  seeds: readonly number[],
  onProgress: (progress: RunProgress) => void,
  language: Language,
): RunHandle {
  const key = `run-${++runsStarted}`;
  const used = Array.from({ length: Math.min(poolSize(), seeds.length) }, (_, i) => i);
  const waiting = seeds.slice();
  const partial = new Float64Array(used.length);
  const finished: ReplicationMetrics[] = [];
  let cancelled = false;

  const tell = () => {
    const inProgress = partial.reduce((sum, share) => sum + share, 0);
    onProgress({
      done: (finished.length + inProgress) / seeds.length,
      finished: finished.length,
      total: seeds.length,
    });
  };

  const work = async (index: number) => {
    while (!cancelled && waiting.length > 0) {
      const seed = waiting.shift()!;
      const metrics = await callWorker(
        (worker) =>
          worker.runSeed(
            key,
            seed,
            Comlink.proxy((share: number) => {
              if (cancelled) return;
              partial[index] = share;
              tell();
            }),
          ),
        index,
      );
      partial[index] = 0;
      if (metrics === null) {
        if (cancelled) return;
        throw new Error(`replication ${seed} stopped without a cancel`);
      }
      finished.push(metrics);
      await callWorker((worker) => worker.collect(key, metrics));
      tell();
    }
  };

  const stopWorkers = () => {
    for (const index of used) void poolWorker(index).remote.cancel(key);
  };
  /** Every worker lets go of the run (its scenario and what it collected), however it ended. */
  const forgetRun = () => {
    for (const index of used) {
      void callWorker((worker) => worker.forget(key), index).catch(() => {});
    }
  };

  const outcome = (async (): Promise<RunOutcome> => {
    try {
      const infos = await Promise.all(
        used.map((index) =>
          callWorker<ScenarioInfo>((worker) => worker.prepare(key, source, language), index),
        ),
      );
      const info = infos[0];
      if (!info.ok) return { errors: info.errors };
      try {
        await Promise.all(used.map(work));
      } catch (error) {
        cancelled = true;
        stopWorkers();
        throw error;
      }
      if (cancelled) return { cancelled: true };
      // Worker 0 collected the replications and ran the first seed (work(0) takes it before
      // any other worker starts), so it has a trace header to label the report with.
      const summary = await callWorker((worker) => worker.summarise(key));
      const replications = finished.slice().sort((a, b) => a.seed - b.seed);
      return { report: { ...summary, replications } };
    } finally {
      forgetRun();
    }
  })();

  return {
    outcome,
    cancel() {
      cancelled = true;
      stopWorkers();
    },
  };
}

/** Checks a scenario; tells its description and agency names, or its errors. */
export function scenarioInfo(source: ScenarioSource, language: Language): Promise<ScenarioInfo> {
  return callWorker<ScenarioInfo>((worker) => worker.scenarioInfo(source, language));
}

/** The data of a built-in scenario, for the editor. */
export async function builtinScenarioInput(id: string): Promise<ScenarioInput> {
  const input = await callWorker((worker) => worker.builtinScenarioInput(id));
  if (input === undefined) throw new Error(`no built-in scenario "${id}"`);
  return input;
}

/** The digest of a run's trace in the worker (a session replayed from its command log, if given). */
export function traceDigest(
  source: ScenarioSource,
  seed: number,
  commands: LoggedCommand[] = [],
  options: SessionOptions = {},
): Promise<string> {
  return callWorker((worker) => worker.traceDigest(source, seed, commands, options));
}
