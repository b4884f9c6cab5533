/**
 * The page's handle on the simulation worker. One worker per page, started on first use.
 */
import * as Comlink from 'comlink';
import type { Language } from '../scenarios/messages.ts';
import type { RunOutcome, ScenarioInfo, ScenarioSource, SimWorkerApi } from './simWorker.ts';

export type { RunOutcome, ScenarioInfo, ScenarioSource } from './simWorker.ts';

let remote: Comlink.Remote<SimWorkerApi> | null = null;
/** Rejects if the worker script itself fails (fails to load, or throws outside a call). */
let workerFailure: Promise<never> | null = null;

function simWorker(): Comlink.Remote<SimWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
    workerFailure = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        reject(new Error(event.message || 'the simulation worker could not start'));
      });
    });
    // Only a pending call observes the failure; do not report it as unhandled otherwise.
    workerFailure.catch(() => {});
    remote = Comlink.wrap<SimWorkerApi>(worker);
  }
  return remote;
}

/** A call to the worker that also ends if the worker dies, instead of waiting forever. */
function guarded<T>(call: (worker: Comlink.Remote<SimWorkerApi>) => Promise<T>): Promise<T> {
  const worker = simWorker();
  return Promise.race([call(worker), workerFailure!]);
}

/** Runs one replication per seed; `onProgress` gets the share done (0..1) over all of them. */
export function runReplications(
  source: ScenarioSource,
  seeds: number[],
  onProgress: (done: number) => void,
  language: Language,
): Promise<RunOutcome> {
  return guarded<RunOutcome>((worker) =>
    worker.runReplications(source, seeds, Comlink.proxy(onProgress), language),
  );
}

/** Asks the running replications to stop; their promise then resolves to `{ cancelled: true }`. */
export function cancelRun(): Promise<void> {
  return simWorker().cancel();
}

/** The scenario's description and agency names, once the worker has built and checked it. */
export function scenarioInfo(source: ScenarioSource, language: Language): Promise<ScenarioInfo> {
  return guarded<ScenarioInfo>((worker) => worker.scenarioInfo(source, language));
}

export function traceDigest(source: ScenarioSource, seed: number): Promise<string> {
  return guarded((worker) => worker.traceDigest(source, seed));
}
