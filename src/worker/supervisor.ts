/**
 * Supervision of one run over a pool of workers, kept apart from Web Workers and Comlink so that
 * it can be tested in Node with stand-ins (tests/unit/supervisor.test.ts).
 *
 * Seeds wait in a queue; each slot of the pool takes the next seed when its worker is free. A
 * worker is watched while it has work: if it dies (an uncaught error), or stops sending progress
 * for `heartbeatMs` (hung in a loop, or terminated from outside, which tells nobody), it is
 * terminated, its seed goes back to the front of the queue and the slot starts a fresh worker.
 * A seed that has taken down two workers is not tried a third time: the run fails, naming it.
 * A cancelled run waits `cancelGraceMs` for the workers to stop at their next slice, then
 * terminates those that did not. After a failure every busy worker is terminated, so nothing of
 * a failed run lives on in the pool.
 */

/** One worker as the supervisor sees it, prepared for the run. */
export interface RunWorker<Result> {
  /** Runs one seed; `onProgress` doubles as the heartbeat. Resolves to null when cancelled. */
  runSeed(seed: number, onProgress: (share: number) => void): Promise<Result | null>;
  /** Asks the worker to stop at its next slice. */
  cancel(): void;
  /** Ends the worker at once; the pool replaces it. */
  terminate(): void;
  /** Rejects when the worker dies on its own (an uncaught error in it); never resolves. */
  died: Promise<never>;
}

/** Why a worker was replaced. */
export type WorkerLoss = 'died' | 'hung';

export interface Recovery {
  slot: number;
  seed: number;
  reason: WorkerLoss;
  /** When the loss was detected (the supervisor's clock, ms). */
  detectedAt: number;
}

export interface SuperviseOptions<Result> {
  seeds: readonly number[];
  /** How many workers run at once (at most one per seed). */
  slots: number;
  /** A worker for a slot, prepared for the run; a fresh one after the slot's worker was lost. */
  start(slot: number): Promise<RunWorker<Result>>;
  /** Called for each finished replication, in the order they finish. */
  onFinished(seed: number, result: Result): void;
  /** Share of the run done (0..1) and the replications finished. */
  onProgress(done: number, finished: number): void;
  onRecovery?(recovery: Recovery): void;
  heartbeatMs: number;
  cancelGraceMs: number;
  /** Clock in ms, for the recoveries' times. */
  now?: () => number;
}

/** How a run under supervision ended; a failure carries the seed that killed two workers. */
export type SupervisedOutcome =
  | { kind: 'finished' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; seed: number; reason: WorkerLoss }
  | { kind: 'error'; error: unknown };

export interface SupervisedRun {
  outcome: Promise<SupervisedOutcome>;
  cancel(): void;
}

/** A worker that took down this many workers with the same seed fails the run. */
export const KILLS_PER_SEED = 2;

type Watched<T> =
  | { kind: 'value'; value: T }
  | { kind: 'lost'; reason: WorkerLoss }
  | { kind: 'stopped' }
  | { kind: 'error'; error: unknown };

export function supervise<Result>(options: SuperviseOptions<Result>): SupervisedRun {
  const now = options.now ?? (() => Date.now());
  const queue = options.seeds.slice();
  const kills = new Map<number, number>();
  const slots = Math.max(1, Math.min(options.slots, options.seeds.length));
  const partial = new Float64Array(slots);
  const current: (RunWorker<Result> | null)[] = Array.from({ length: slots }, () => null);
  let finished = 0;
  let ended: SupervisedOutcome | null = null;
  let cancelled = false;

  /** Resolves when the run must stop at once: a failure, or a cancel's grace running out. */
  let stopNow: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stopNow = resolve));

  const tell = () => {
    const inProgress = partial.reduce((sum, share) => sum + share, 0);
    options.onProgress((finished + inProgress) / options.seeds.length, finished);
  };

  /** `call`'s result, unless the worker dies, misses its heartbeat or the run must stop. */
  const watch = <T>(
    worker: RunWorker<Result>,
    call: (beat: () => void) => Promise<T>,
  ): Promise<Watched<T>> =>
    new Promise((resolve) => {
      let lastBeat = now();
      const beat = () => (lastBeat = now());
      const timer = setInterval(
        () => {
          if (now() - lastBeat >= options.heartbeatMs) settle({ kind: 'lost', reason: 'hung' });
        },
        Math.max(5, Math.min(250, options.heartbeatMs / 4)),
      );
      const settle = (watched: Watched<T>) => {
        clearInterval(timer);
        resolve(watched);
      };
      call(beat).then(
        (value) => settle({ kind: 'value', value }),
        (error: unknown) => settle({ kind: 'error', error }),
      );
      worker.died.catch(() => settle({ kind: 'lost', reason: 'died' }));
      void stopped.then(() => settle({ kind: 'stopped' }));
    });

  const end = (outcome: SupervisedOutcome) => {
    if (ended) return;
    ended = outcome;
    if (outcome.kind !== 'finished' && outcome.kind !== 'cancelled') {
      // Nothing of a failed run stays: every worker still at it is ended and replaced.
      stopNow();
    }
  };

  const loseWorker = (slot: number) => {
    current[slot]?.terminate();
    current[slot] = null;
    partial[slot] = 0;
  };

  const runSlot = async (slot: number): Promise<void> => {
    while (!ended && !cancelled && queue.length > 0) {
      let worker = current[slot];
      if (!worker) {
        let started: RunWorker<Result> | null;
        try {
          started = await Promise.race([options.start(slot), stopped.then(() => null)]);
        } catch (error) {
          end({ kind: 'error', error });
          return;
        }
        if (!started) return;
        current[slot] = started;
        worker = started;
        if (ended || cancelled) return;
      }
      // The other slots may have taken the last seeds while this slot's worker was starting.
      if (queue.length === 0) return;
      const seed = queue.shift()!;
      const watched = await watch(worker, (beat) =>
        worker.runSeed(seed, (share) => {
          beat();
          if (ended || cancelled) return;
          partial[slot] = share;
          tell();
        }),
      );
      partial[slot] = 0;
      if (watched.kind === 'lost') {
        loseWorker(slot);
        const times = (kills.get(seed) ?? 0) + 1;
        kills.set(seed, times);
        options.onRecovery?.({ slot, seed, reason: watched.reason, detectedAt: now() });
        if (times >= KILLS_PER_SEED) end({ kind: 'failed', seed, reason: watched.reason });
        else queue.unshift(seed);
        continue;
      }
      if (watched.kind === 'stopped') {
        loseWorker(slot);
        return;
      }
      if (watched.kind === 'error') {
        loseWorker(slot);
        end({ kind: 'error', error: watched.error });
        return;
      }
      if (watched.value === null) {
        if (!cancelled)
          end({ kind: 'error', error: new Error(`seed ${seed} stopped uncancelled`) });
        return;
      }
      finished += 1;
      options.onFinished(seed, watched.value);
      tell();
    }
  };

  const outcome = (async (): Promise<SupervisedOutcome> => {
    // A slot whose loop ended while seeds still wait (its worker was lost on the last seed of
    // its turn) is restarted, so that requeued seeds always find a worker.
    while (!ended && !cancelled && queue.length > 0) {
      await Promise.all(Array.from({ length: slots }, (_, slot) => runSlot(slot)));
    }
    if (ended) return ended;
    if (cancelled) return { kind: 'cancelled' };
    return { kind: 'finished' };
  })();

  return {
    outcome,
    cancel() {
      if (cancelled || ended) return;
      cancelled = true;
      for (const worker of current) worker?.cancel();
      // Workers that do not stop at their next slice (hung, or a very long slice) are ended.
      setTimeout(stopNow, options.cancelGraceMs);
    },
  };
}
