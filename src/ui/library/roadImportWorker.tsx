/**
 * The road import dialog's side of its worker (src/worker/roadImportClient.ts): the worker of
 * the file shown, ended when the dialog closes or another file is chosen; each question asked
 * again when what it depends on changes, its answer kept with what it was asked for; the
 * "reading…" line shown meanwhile.
 */
import type * as Comlink from 'comlink';
import { useEffect, useState } from 'react';
import type { GeoProblem } from '../../scenarios/importGeo.ts';
import {
  RoadImportClosed,
  roadImportWorker,
  type RoadImportApi,
  type RoadImportWorker,
} from '../../worker/roadImportClient.ts';
import type { LibraryStrings } from './strings.ts';

/**
 * One answer of the worker, with the inputs it was asked for: an answer for other inputs (the
 * planner changed something since) is shown as "reading…" until the answer for these arrives.
 */
export interface Answer<T> {
  key: string;
  answer: T;
}

/** Where a call to the worker failed (it ran out of memory, its script failed) as a problem. */
export function lostProblem(
  reason: unknown,
  t: LibraryStrings,
): { ok: false; errors: GeoProblem[] } {
  return {
    ok: false,
    errors: [
      {
        path: '',
        message: t.notReadable(reason instanceof Error ? reason.message : String(reason)),
      },
    ],
  };
}

/**
 * Asks the worker `ask` whenever `key` changes (and `ask` is given), keeping the answer with the
 * key it is for. A closed worker's calls (the dialog is gone) are dropped.
 */
export function useWorkerAnswer<T>(
  worker: RoadImportWorker,
  key: string,
  ask: ((remote: Comlink.Remote<RoadImportApi>) => Promise<T>) | null,
  failed: (reason: unknown) => T,
): Answer<T> | null {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  useEffect(() => {
    if (!ask) return;
    let live = true;
    worker.call(ask).then(
      (value) => live && setAnswer({ key, answer: value }),
      (reason) => {
        if (live && !(reason instanceof RoadImportClosed))
          setAnswer({ key, answer: failed(reason) });
      },
    );
    return () => {
      live = false;
    };
    // `ask` and `failed` are made anew each render; `key` says all that they depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, key]);
  return answer;
}

/** This file's own worker, ended when the dialog closes or another file is chosen. */
export function useRoadImportWorker(): RoadImportWorker {
  const [worker] = useState(roadImportWorker);
  useEffect(() => () => worker.close(), [worker]);
  return worker;
}

export function Reading({ text }: { text: string }) {
  return (
    <p
      className="hint library-reading"
      role="status"
      aria-busy="true"
      data-testid="road-import-reading"
    >
      {text}
    </p>
  );
}
