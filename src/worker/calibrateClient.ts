/**
 * The page's side of calibration: one call to a pool worker (slot 1, so that worker 0 stays free
 * for the editor's checks), with progress per replication.
 */
import * as Comlink from 'comlink';
import type { Language } from '../scenarios/messages.ts';
import type { CalibrationAnswer } from './calibrateApi.ts';
import { callWorker } from './client.ts';

export type { CalibrationAnswer } from './calibrateApi.ts';

export function calibrateInWorker(
  doc: object,
  replications: number,
  language: Language,
  onProgress: (done: number, total: number) => void,
): Promise<CalibrationAnswer> {
  return callWorker<CalibrationAnswer>(
    (worker) =>
      worker.calibrateScenario(
        doc,
        replications,
        language,
        Comlink.proxy((done: number, total: number) => onProgress(done, total)),
      ),
    1,
  );
}
