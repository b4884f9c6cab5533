/**
 * Write-through saving: a value asked to be saved is written at once; while a write is under
 * way, only the newest value waits (older ones are superseded, never written out of order).
 * Nothing waits for typing to pause, so the gap between an edit and its being on disk is one
 * IndexedDB transaction.
 */

export interface SaveOutcome<T> {
  value: T;
  ok: boolean;
  /** When the oldest edit this write carries was made (ms, the caller's clock). */
  since: number;
  /** When the write finished (ms, the caller's clock). */
  at: number;
}

export interface SaveScheduler<T> {
  /** Saves `value` now, or as soon as the write under way ends. `since`: when it was changed. */
  request(value: T, since?: number): void;
  /** True while a write is under way or waiting. */
  busy(): boolean;
  /** Resolves when everything asked for so far has been written (or has failed). */
  flushed(): Promise<void>;
}

export function createSaveScheduler<T>(
  write: (value: T) => Promise<void>,
  onSettled: (outcome: SaveOutcome<T>) => void,
  now: () => number = () => performance.now(),
): SaveScheduler<T> {
  let writing = false;
  let waiting: { value: T; since: number } | null = null;
  let idleWaiters: (() => void)[] = [];

  const next = () => {
    const job = waiting;
    if (!job) {
      writing = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    waiting = null;
    writing = true;
    const settle = (ok: boolean) => {
      onSettled({ value: job.value, ok, since: job.since, at: now() });
      next();
    };
    write(job.value).then(
      () => settle(true),
      () => settle(false),
    );
  };

  return {
    request(value, since = now()) {
      // A superseded value's edits are carried by the newer one: keep the older start time.
      waiting = { value, since: waiting ? Math.min(waiting.since, since) : since };
      if (!writing) next();
    },
    busy: () => writing || waiting !== null,
    flushed: () =>
      writing || waiting
        ? new Promise<void>((resolve) => idleWaiters.push(resolve))
        : Promise.resolve(),
  };
}
