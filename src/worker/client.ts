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
import type { CheckUpdate, ScenarioInfo, ScenarioSource, SimWorkerApi } from './simWorker.ts';
import { diffDocs } from './docPatch.ts';
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { SessionOptions } from '../sim/session.ts';
import { supervise, type RunWorker, type SupervisedRun } from './supervisor.ts';

export type { ScenarioInfo, ScenarioSource } from './simWorker.ts';

const MAX_WORKERS = 8;
/** A worker with a seed that sends no progress for this long is taken to be hung. */
const HEARTBEAT_MS = 4000;
/** How long a cancelled run waits for its workers to stop before it terminates them. */
const CANCEL_GRACE_MS = 500;
/** Loading a scenario sends no progress; a worker that takes longer than this is replaced. */
const PREPARE_MS = 30_000;

export interface PoolWorker {
  worker: Worker;
  remote: Comlink.Remote<SimWorkerApi>;
  /**
   * Rejects when the worker is gone: its script failed or threw outside a call, or the pool
   * retired it (hung, or ended by a cancel). Pending calls end with it instead of waiting.
   */
  failure: Promise<never>;
  retired: boolean;
  /** The runs this worker has loaded, by key. */
  prepared: Set<string>;
  retire(reason: string): void;
}

/** What the user reads when a worker is lost under a call (the details go to the console). */
export class WorkerLostError extends Error {}

const workers: (PoolWorker | undefined)[] = [];

/** Workers the pool runs: one per core the browser reports, at least 1 and at most 8. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(cores, MAX_WORKERS));
}

function startWorker(index: number): PoolWorker {
  const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
  let reject: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, rejectFailure) => (reject = rejectFailure));
  // Only a pending call observes the failure; do not report it as unhandled otherwise.
  failure.catch(() => {});
  const entry: PoolWorker = {
    worker,
    remote: Comlink.wrap<SimWorkerApi>(worker),
    failure,
    retired: false,
    prepared: new Set(),
    retire(reason) {
      if (entry.retired) return;
      entry.retired = true;
      worker.terminate();
      // The next call to this slot starts a fresh worker: no state of the lost one carries over.
      if (workers[index] === entry) workers[index] = undefined;
      reject(new WorkerLostError(reason));
    },
  };
  worker.addEventListener('error', (event) => {
    // Handled here: the worker is replaced, and the page's console is not the place for it.
    event.preventDefault();
    console.warn('simulation worker failed:', event.message);
    entry.retire(event.message || 'the simulation worker failed');
  });
  return entry;
}

/** The pool's worker in slot `index` (started if need be), for other kinds of runs (drillClient.ts). */
export function poolWorker(index: number): PoolWorker {
  let entry = workers[index];
  if (!entry) {
    entry = startWorker(index);
    workers[index] = entry;
  }
  return entry;
}

/**
 * A call to a worker that also ends if the worker dies, instead of waiting forever. A call cut
 * short by the loss of its worker is tried once more on the fresh worker that replaces it.
 */
export async function callWorker<T>(
  call: (worker: Comlink.Remote<SimWorkerApi>) => Promise<T>,
  index = 0,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const worker = poolWorker(index);
    try {
      return await Promise.race([call(worker.remote), worker.failure]);
    } catch (error) {
      if (!(error instanceof WorkerLostError) || attempt > 0) throw error;
    }
  }
}

/** A promise that rejects after `ms` unless `promise` settles first. */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WorkerLostError(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
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
  /**
   * Stops every worker at its next slice (or terminates it after half a second);
   * `outcome` then resolves to `{ cancelled: true }`.
   */
  cancel(): void;
}

/**
 * A run that could not complete; `message` is for people (no stack, no internal ids), in the
 * run's language.
 */
export class RunFailedError extends Error {}

const failureMessages = {
  zh: {
    seed: (seed: number) =>
      `种子 ${seed} 的重复运行两次使计算线程崩溃或停止响应，运行已中止。请换用其他种子，或检查情景设置。`,
    other: '计算线程意外停止，运行未能完成。请重试；如再次出现，请刷新页面。',
  },
  en: {
    seed: (seed: number) =>
      `The replication with seed ${seed} crashed or stalled a worker twice, so the run was stopped. Try other seeds, or check the scenario.`,
    other:
      'A simulation worker stopped unexpectedly and the run could not finish. Try again; if it happens again, reload the page.',
  },
} satisfies Record<Language, unknown>;

/** What the end-to-end tests read of the pool's recoveries (see `poolTestHooks`). */
export interface PoolEvent {
  kind: 'lost' | 'run-ended';
  /** `performance.now()` when it happened. */
  at: number;
  reason?: string;
  seed?: number;
  slot?: number;
}
const poolEvents: PoolEvent[] = [];
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

let runsStarted = 0;

/** Runs one replication per seed over the pool, supervised (src/worker/supervisor.ts). */
export function runReplications(
  source: ScenarioSource,
  seeds: readonly number[],
  onProgress: (progress: RunProgress) => void,
  language: Language,
): RunHandle {
  const key = `run-${++runsStarted}`;
  const slots = Math.max(1, Math.min(poolSize(), seeds.length));
  const finished: ReplicationMetrics[] = [];
  const touched = new Set<PoolWorker>();
  let cancelled = false;
  let supervised: SupervisedRun | null = null;
  let cancelGraceOver: () => void = () => {};
  const graceOver = new Promise<null>((resolve) => (cancelGraceOver = () => resolve(null)));
  /** `promise`, or null if the run is cancelled and it has not settled within the grace. */
  const untilCancelled = <T>(promise: Promise<T>) => Promise.race([promise, graceOver]);

  /** Loads the run's scenario into a slot's worker (once per worker); its errors, if any. */
  const prepareSlot = async (slot: number): Promise<PoolWorker> => {
    for (let attempt = 0; ; attempt++) {
      const entry = poolWorker(slot);
      touched.add(entry);
      if (entry.prepared.has(key)) return entry;
      try {
        const info = await within(
          Promise.race([entry.remote.prepare(key, source, language), entry.failure]),
          PREPARE_MS,
          'the worker did not load the scenario in time',
        );
        if (!info.ok) throw new InvalidScenario(info.errors);
        entry.prepared.add(key);
        return entry;
      } catch (error) {
        if (!(error instanceof WorkerLostError) || attempt > 0) throw error;
        entry.retire(error.message);
      }
    }
  };

  const asRunWorker = (entry: PoolWorker): RunWorker<ReplicationMetrics> => ({
    runSeed: (seed, progress) => {
      if (seed === poolTestHooks.crashOnSeed) void entry.remote.testThrow();
      return Promise.race([
        entry.remote.runSeed(
          key,
          seed,
          Comlink.proxy((share: number) => progress(share)),
        ),
        entry.failure,
      ]);
    },
    cancel: () => void entry.remote.cancel(key).catch(() => {}),
    terminate: () => entry.retire('terminated by the pool'),
    died: entry.failure,
  });

  /** The report, built by worker 0 from everything finished (sent again if worker 0 changed). */
  const summarise = async () => {
    for (let attempt = 0; ; attempt++) {
      const entry = await prepareSlot(0);
      try {
        const summary = await Promise.race([
          (async () => {
            if (entry !== collector) {
              await entry.remote.collectMany(key, finished);
              collector = entry;
            }
            return entry.remote.summarise(key, seeds[0]);
          })(),
          entry.failure,
        ]);
        return summary;
      } catch (error) {
        if (!(error instanceof WorkerLostError) || attempt > 0) throw error;
      }
    }
  };

  // Replications go to worker 0 as they finish, so that it can build the report off the page's
  // thread. The page keeps them too: a new worker 0 gets them all again.
  let collector: PoolWorker | null = null;
  const collect = (metrics: ReplicationMetrics) => {
    const entry = workers[0];
    if (entry && entry === collector && !entry.retired) {
      void entry.remote.collect(key, metrics).catch(() => {});
    }
  };

  const outcome = (async (): Promise<RunOutcome> => {
    try {
      collector = await untilCancelled(prepareSlot(0));
      if (!collector || cancelled) {
        // A worker still loading when the cancel's grace ran out is hung: it is replaced.
        if (!collector) workers[0]?.retire('cancelled while loading');
        return { cancelled: true };
      }
      supervised = supervise<ReplicationMetrics>({
        seeds,
        slots,
        start: async (slot) => asRunWorker(await prepareSlot(slot)),
        onFinished: (_seed, metrics) => {
          finished.push(metrics);
          collect(metrics);
        },
        onProgress: (done, count) => {
          if (!cancelled) onProgress({ done, finished: count, total: seeds.length });
        },
        onRecovery: (recovery) => {
          poolEvents.push({ kind: 'lost', at: clock(), ...recovery });
          console.warn(`simulation worker ${recovery.reason}; its seed runs again`);
        },
        heartbeatMs: HEARTBEAT_MS,
        cancelGraceMs: CANCEL_GRACE_MS,
        now: clock,
      });
      if (cancelled) supervised.cancel();
      const ended = await supervised.outcome;
      if (ended.kind === 'cancelled') return { cancelled: true };
      if (ended.kind === 'failed')
        throw new RunFailedError(failureMessages[language].seed(ended.seed));
      if (ended.kind === 'error') throw ended.error;
      const summary = await untilCancelled(summarise());
      if (!summary) {
        workers[0]?.retire('cancelled while building the report');
        return { cancelled: true };
      }
      const replications = finished.slice().sort((a, b) => a.seed - b.seed);
      return { report: { ...summary, replications } };
    } catch (error) {
      if (error instanceof InvalidScenario) return { errors: error.errors };
      if (error instanceof RunFailedError) throw error;
      console.warn('run failed:', error);
      // A worker that failed under this run may hold its state: it is replaced.
      for (const entry of touched) if (entry.prepared.has(key)) entry.retire('run failed');
      throw new RunFailedError(failureMessages[language].other);
    } finally {
      poolEvents.push({ kind: 'run-ended', at: clock() });
      // Every worker lets go of the run (its scenario and what it collected), however it ended.
      for (const entry of touched) {
        entry.prepared.delete(key);
        if (!entry.retired) void entry.remote.forget(key).catch(() => {});
      }
    }
  })();

  return {
    outcome,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      supervised?.cancel();
      setTimeout(cancelGraceOver, CANCEL_GRACE_MS);
    },
  };
}

class InvalidScenario extends Error {
  constructor(readonly errors: Extract<ScenarioInfo, { ok: false }>['errors']) {
    super('invalid scenario');
  }
}

/**
 * For the end-to-end tests only (installed on `window.__drillPlanner` when the browser is driven
 * by automation): ways to lose a worker as a crash, a hang or an uncaught error would, and the
 * pool's record of its recoveries.
 */
export const poolTestHooks = {
  /** Ends worker `index` behind the pool's back, as a crash would: nobody is told. */
  terminate(index: number): number {
    workers[index]?.worker.terminate();
    return clock();
  },
  /** Worker `index` spins forever and answers nothing. */
  hang(index: number): number {
    void workers[index]?.remote.testHang();
    return clock();
  },
  /** Worker `index` throws an uncaught error at its next turn of the event loop. */
  throwOnce(index: number): number {
    void workers[index]?.remote.testThrow();
    return clock();
  },
  /** Every worker given this seed throws an uncaught error while running it (null: none). */
  crashOnSeed: null as number | null,
  /** How long a check of the edited scenario may go unanswered (shortened by the tests). */
  checkTimeoutMs: 60_000,
  events: (): PoolEvent[] => poolEvents.slice(),
  now: clock,
};

/** Checks a scenario; tells its description and agency names, or its errors. */
export function scenarioInfo(source: ScenarioSource, language: Language): Promise<ScenarioInfo> {
  return callWorker<ScenarioInfo>((worker) => worker.scenarioInfo(source, language));
}

/** The version of the edited document that worker 0 holds (see checkEditedScenario). */
let checkedInWorker: { entry: PoolWorker; key: number; doc: object } | null = null;
let checkKeys = 0;

/**
 * Checks the document being edited, as `scenarioInfo` does, sending worker 0 only what changed
 * since the version it checked last (a whole 50 MB scenario is sent once, not on every edit).
 * A new worker, or one that lost track, is sent the whole document.
 */
export async function checkEditedScenario(doc: object, language: Language): Promise<ScenarioInfo> {
  for (let attempt = 0; ; attempt++) {
    const entry = poolWorker(0);
    const key = ++checkKeys;
    const base = checkedInWorker?.entry === entry ? checkedInWorker : null;
    const patches = base && attempt === 0 ? diffDocs(base.doc, doc) : null;
    const update: CheckUpdate =
      base && patches ? { key, base: base.key, patches } : { key, full: doc };
    // Set before the answer: an edit made meanwhile is sent as patches to this version.
    checkedInWorker = { entry, key, doc };
    // Outside a run nobody watches worker 0: a check unanswered for long means it is gone
    // (ended without a word, or hung), and a fresh worker is asked instead.
    const watchdog = setTimeout(() => {
      poolEvents.push({ kind: 'lost', at: clock(), reason: 'unanswered check', slot: 0 });
      entry.retire('the scenario check went unanswered');
    }, poolTestHooks.checkTimeoutMs);
    try {
      const result = await Promise.race([
        entry.remote.checkEdited(update, language),
        entry.failure,
      ]);
      if (!('stale' in result)) return result;
      if (checkedInWorker?.key === key) checkedInWorker = null;
    } catch (error) {
      if (checkedInWorker?.key === key) checkedInWorker = null;
      if (!(error instanceof WorkerLostError) || attempt > 0) throw error;
    } finally {
      clearTimeout(watchdog);
    }
    if (attempt > 1) throw new WorkerLostError('the scenario check lost track of the document');
  }
}

/**
 * Checks a scenario file as `scenarioInfo` does, from its text; `doc` is the page's reading of
 * the same text, which the worker keeps as the version the next `checkEditedScenario` diffs to.
 */
export async function checkScenarioText(
  text: string,
  doc: object,
  language: Language,
): Promise<ScenarioInfo> {
  const entry = poolWorker(0);
  const key = ++checkKeys;
  checkedInWorker = { entry, key, doc };
  try {
    return await Promise.race([entry.remote.checkText(key, text, language), entry.failure]);
  } catch (error) {
    if (checkedInWorker?.key === key) checkedInWorker = null;
    if (!(error instanceof WorkerLostError)) throw error;
    return scenarioInfo({ input: doc }, language);
  }
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
