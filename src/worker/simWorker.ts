/**
 * The Comlink face of the simulator, run in a Web Worker. Thin on purpose: it validates the
 * scenario, runs the pure core in slices, reports progress and honours cancellation between
 * slices. Everything worth testing lives in src/sim and src/scenarios.
 */
import * as Comlink from 'comlink';
import { loadScenario, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import { makeReport, type ReplicationMetrics, type Report } from '../sim/metrics.ts';
import { run, runInSlices } from '../sim/run.ts';
import { traceDigest } from '../sim/trace.ts';

/** Events simulated between two looks at the message queue: short enough for a prompt cancel. */
const EVENTS_PER_SLICE = 50_000;

export type RunOutcome = Report | { errors: ScenarioProblem[] } | { cancelled: true };

/** The run in progress; `cancel()` marks it, the run loop notices at its next slice. */
let current: { cancelled: boolean } | null = null;

/** Lets the worker's event loop handle waiting messages (such as `cancel`). */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function runReplications(
  scenarioInput: unknown,
  seeds: number[],
  onProgress: (done: number) => void,
  language: Language = 'en',
): Promise<RunOutcome> {
  const loaded = loadScenario(scenarioInput, language);
  if (!loaded.ok) return { errors: loaded.errors };
  const token = { cancelled: false };
  current = token;
  try {
    const replications: ReplicationMetrics[] = [];
    for (const [index, seed] of seeds.entries()) {
      const slices = runInSlices(loaded.scenario, seed, EVENTS_PER_SLICE);
      for (;;) {
        await yieldToMessages();
        if (token.cancelled) return { cancelled: true };
        const step = slices.next();
        if (step.done) {
          replications.push(step.value.summary);
          break;
        }
        void onProgress((index + step.value) / seeds.length);
      }
      void onProgress((index + 1) / seeds.length);
    }
    return makeReport(loaded.scenario.id, replications);
  } finally {
    if (current === token) current = null;
  }
}

function cancel(): void {
  if (current) current.cancelled = true;
}

/** Digest of one run's trace; the end-to-end test compares it with the digest computed in Node. */
function digest(scenarioInput: unknown, seed: number): string {
  const loaded = loadScenario(scenarioInput);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return traceDigest(run(loaded.scenario, seed).trace);
}

const api = {
  runReplications,
  cancel,
  traceDigest: async (scenarioInput: unknown, seed: number) => digest(scenarioInput, seed),
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
