/**
 * The Comlink face of the simulator, run in a Web Worker. Thin on purpose: it builds built-in
 * scenarios (so the page need not carry their generators and district boundaries), validates
 * the scenario, runs the pure core in slices, reports progress and honours cancellation between
 * slices. Everything worth testing lives in src/sim and src/scenarios.
 */
import * as Comlink from 'comlink';
import { builtinInput } from '../scenarios/builtin/lazy.ts';
import { loadScenario, type LoadResult, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { makeReport, type ReplicationMetrics, type Report } from '../sim/metrics.ts';
import { run, runInSlices } from '../sim/run.ts';
import { traceDigest } from '../sim/trace.ts';

/** Events simulated between two looks at the message queue: short enough for a prompt cancel. */
const EVENTS_PER_SLICE = 50_000;

/** What to run: a built-in scenario by its id, or scenario data (as read from a file). */
export type ScenarioSource = { builtin: string } | { input: unknown };

export type RunOutcome = Report | { errors: ScenarioProblem[] } | { cancelled: true };

/** What the page shows of a scenario before it runs, and the names its report needs. */
export type ScenarioInfo =
  | { ok: true; description: string; agencyNames: Record<string, string> }
  | { ok: false; errors: ScenarioProblem[] };

/** Built-in scenarios already built and checked: a city takes a few hundred ms to build. */
const checkedBuiltins = new Map<string, Scenario>();

async function load(source: ScenarioSource, language: Language): Promise<LoadResult> {
  if ('input' in source) return loadScenario(source.input, language);
  const id = source.builtin;
  const cached = checkedBuiltins.get(id);
  if (cached) return { ok: true, scenario: cached, warnings: [] };
  const input = await builtinInput(id);
  if (input === undefined) {
    return {
      ok: false,
      errors: [{ path: '', message: `no built-in scenario "${id}"` }],
      warnings: [],
    };
  }
  const loaded = loadScenario(input, language);
  if (loaded.ok) checkedBuiltins.set(id, loaded.scenario);
  return loaded;
}

/** The run in progress; `cancel()` marks it, the run loop notices at its next slice. */
let current: { cancelled: boolean } | null = null;

/** Lets the worker's event loop handle waiting messages (such as `cancel`). */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function runReplications(
  source: ScenarioSource,
  seeds: number[],
  onProgress: (done: number) => void,
  language: Language = 'en',
): Promise<RunOutcome> {
  const loaded = await load(source, language);
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

async function scenarioInfo(
  source: ScenarioSource,
  language: Language = 'en',
): Promise<ScenarioInfo> {
  const loaded = await load(source, language);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const { description, agencies } = loaded.scenario;
  return {
    ok: true,
    description,
    agencyNames: Object.fromEntries(agencies.map((agency) => [agency.id, agency.name])),
  };
}

/** Digest of one run's trace; the end-to-end test compares it with the digest computed in Node. */
async function digest(source: ScenarioSource, seed: number): Promise<string> {
  const loaded = await load(source, 'en');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return traceDigest(run(loaded.scenario, seed).trace);
}

const api = {
  runReplications,
  cancel,
  scenarioInfo,
  traceDigest: digest,
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
