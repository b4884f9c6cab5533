/**
 * The page's side of the road import's worker (roadImportWorker.ts): a worker per file read,
 * started by the first call and ended by `close()` (the dialog closed, another file chosen),
 * which also stops a reading under way. A call on a closed or failed worker rejects instead of
 * waiting; a call after `close()` starts a fresh worker (which knows no file until told one).
 */
import * as Comlink from 'comlink';
import type { RoadImportApi } from './roadImportApi.ts';

export type {
  ClassChoice,
  GraphAnswer,
  LinesAnswer,
  OpenAnswer,
  RoadClassData,
  RoadImportApi,
  RoadSource,
} from './roadImportApi.ts';
export { newClassName } from './roadImportApi.ts';

export interface RoadImportWorker {
  /** Runs one call; rejects if the worker is closed or fails under it. */
  call<T>(run: (remote: Comlink.Remote<RoadImportApi>) => Promise<T>): Promise<T>;
  close(): void;
}

/** Thrown for calls cut off by `close()`: the dialog is gone, nothing to show. */
export class RoadImportClosed extends Error {}

interface Running {
  worker: Worker;
  remote: Comlink.Remote<RoadImportApi>;
  /** Rejects when the worker fails or is closed. */
  stopped: Promise<never>;
  stop(error: Error): void;
}

function start(): Running {
  const worker = new Worker(new URL('./roadImportWorker.ts', import.meta.url), { type: 'module' });
  let stop: (error: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  // Only a pending call observes it; not an unhandled rejection otherwise.
  stopped.catch(() => {});
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    console.warn('road import worker failed:', event.message);
    stop(new Error(event.message || 'the road import worker failed'));
  });
  return { worker, remote: Comlink.wrap<RoadImportApi>(worker), stopped, stop };
}

export function roadImportWorker(): RoadImportWorker {
  let running: Running | null = null;
  return {
    call(run) {
      running ??= start();
      return Promise.race([run(running.remote), running.stopped]);
    },
    close() {
      if (!running) return;
      running.worker.terminate();
      running.stop(new RoadImportClosed('closed'));
      running = null;
    },
  };
}
