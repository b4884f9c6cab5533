/**
 * The Comlink face of the simulator, run in a Web Worker. Thin on purpose: it builds built-in
 * scenarios (so the page need not carry their generators and district boundaries), validates
 * scenarios, runs the pure core in slices, reports progress and honours cancellation between
 * slices. Everything worth testing lives in src/sim and src/scenarios.
 *
 * A page runs one of these per core (src/worker/pool.ts): each loads the scenario once under a
 * key (`prepare`) and then runs the seeds the pool hands it (`runSeed`).
 */
import * as Comlink from 'comlink';
import { builtinInput } from '../scenarios/builtin/lazy.ts';
import { loadScenario, type LoadResult, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario, ScenarioInput } from '../scenarios/schema.ts';
import type { ReplicationMetrics } from '../sim/analysis/metrics.ts';
import { makeReport, type Report } from '../sim/analysis/report.ts';
import { reportLabels } from '../sim/analysis/reportLabels.ts';
import { run, runInSlices } from '../sim/run.ts';
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { SessionOptions } from '../sim/session.ts';
import { traceDigest, type TraceHeader } from '../sim/trace.ts';
import { applyPatches, type DocPatch } from './docPatch.ts';
import { calibrateApi } from './calibrateApi.ts';
import { drillApi } from './drillApi.ts';
import { mapApi } from './mapApi.ts';
import { replayApi } from './replayApi.ts';
import { trainingApi } from './trainingApi.ts';

/** Events simulated between two looks at the message queue: short enough for a prompt cancel. */
const EVENTS_PER_SLICE = 50_000;

/** What to run: a built-in scenario by its id, or scenario data (as edited or read from a file). */
export type ScenarioSource = { builtin: string } | { input: unknown };

/** What the page shows of a scenario before it runs (its report carries its own labels). */
export type ScenarioInfo =
  | {
      ok: true;
      id: string;
      description: string;
      warnings: ScenarioProblem[];
    }
  | { ok: false; errors: ScenarioProblem[]; warnings: ScenarioProblem[] };

async function load(source: ScenarioSource, language: Language): Promise<LoadResult> {
  if ('input' in source) return loadScenario(source.input, language);
  const input = await builtinInput(source.builtin);
  if (input === undefined) {
    return {
      ok: false,
      errors: [{ path: '', message: `no built-in scenario "${source.builtin}"` }],
      warnings: [],
    };
  }
  return loadScenario(input, language);
}

function infoOf(loaded: LoadResult): ScenarioInfo {
  if (!loaded.ok) return { ok: false, errors: loaded.errors, warnings: loaded.warnings };
  const { id, description } = loaded.scenario;
  return { ok: true, id, description, warnings: loaded.warnings };
}

/** Checks a scenario (as the editor holds it) and tells what the page shows of it. */
async function scenarioInfo(
  source: ScenarioSource,
  language: Language = 'en',
): Promise<ScenarioInfo> {
  return infoOf(await load(source, language));
}

/** The document the editor checks, kept between edits: the page sends only what changed. */
let edited: { key: number; doc: unknown } | null = null;

export type CheckUpdate =
  { key: number; full: unknown } | { key: number; base: number; patches: DocPatch[] };

/**
 * Checks the edited document after an edit: the whole of it, or the patches to the version
 * this worker holds. `stale` if it holds another version (the page then sends the whole).
 */
function checkEdited(
  update: CheckUpdate,
  language: Language = 'en',
): ScenarioInfo | { stale: true } {
  if ('full' in update) edited = { key: update.key, doc: update.full };
  else if (edited?.key === update.base) {
    edited = { key: update.key, doc: applyPatches(edited.doc, update.patches) };
  } else {
    edited = null;
    return { stale: true };
  }
  return infoOf(loadScenario(edited.doc, language));
}

/**
 * Checks a scenario file's text (posting text costs the page a copy of bytes, not a walk of
 * every object) and keeps what it read as the edited document under `key`: the page opens the
 * same document, and its first check after opening sends no more than what changed since.
 */
function checkText(key: number, text: string, language: Language = 'en'): ScenarioInfo {
  const doc: unknown = JSON.parse(text);
  edited = { key, doc };
  return infoOf(loadScenario(doc, language));
}

/** The data of a built-in scenario, to open in the editor; undefined for an unknown id. */
function builtinScenarioInput(id: string): Promise<ScenarioInput | undefined> {
  return builtinInput(id);
}

/**
 * The runs this worker takes part in, by the key the page gave them: the scenario, loaded and
 * checked once for all their seeds; whether the page cancelled the run; the header of the first
 * trace it ran (the report's labels list the units as the traces do); and (in the worker that
 * builds the report) the replications finished so far. A run is forgotten when its report is
 * built or when the page says so, so nothing stays behind in the worker.
 */
interface RunEntry {
  scenario: Scenario;
  cancelled: boolean;
  header: TraceHeader | null;
  collected: ReplicationMetrics[];
}

const runs = new Map<string, RunEntry>();

function runEntry(key: string): RunEntry {
  const entry = runs.get(key);
  if (!entry) throw new Error(`run "${key}" was not prepared in this worker`);
  return entry;
}

/** Loads and checks a scenario once and keeps it under `key` for the seeds that follow. */
async function prepare(
  key: string,
  source: ScenarioSource,
  language: Language = 'en',
): Promise<ScenarioInfo> {
  const loaded = await load(source, language);
  if (loaded.ok) {
    runs.set(key, { scenario: loaded.scenario, cancelled: false, header: null, collected: [] });
  }
  return infoOf(loaded);
}

/** Lets the worker's event loop handle waiting messages (such as `cancel`). */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs one replication of a prepared run; `onProgress` gets the share of it done (0..1).
 * Resolves to null when that run was cancelled.
 */
async function runSeed(
  key: string,
  seed: number,
  onProgress: (done: number) => void,
): Promise<ReplicationMetrics | null> {
  const entry = runEntry(key);
  const slices = runInSlices(entry.scenario, seed, EVENTS_PER_SLICE);
  for (;;) {
    await yieldToMessages();
    if (entry.cancelled) return null;
    const step = slices.next();
    if (step.done) {
      entry.header ??= step.value.trace.header;
      return step.value.summary;
    }
    void onProgress(step.value);
  }
}

/** Stops a run's seeds at their next slice; other runs go on. */
function cancel(key: string): void {
  const entry = runs.get(key);
  if (entry) entry.cancelled = true;
}

/**
 * Replications are collected in one worker as they finish, so that the report (which takes
 * longer than a frame for a few hundred replications) is built off the page's thread, and the
 * page never has to send them all at once (a large message blocks the thread that sends it).
 */
function collect(key: string, replication: ReplicationMetrics): void {
  runs.get(key)?.collected.push(replication);
}

/** Every replication finished so far, at once: for a worker that takes over the report. */
function collectMany(key: string, replications: ReplicationMetrics[]): void {
  const entry = runs.get(key);
  if (entry) entry.collected = replications.slice();
}

/**
 * The report of the collected replications (in seed order, whichever worker ran them), without
 * them (the page has them already), labelled by the scenario as this worker ran it. A worker
 * that ran no seed of the run (it replaced a lost one) runs `firstSeed` for the trace's header.
 */
function summarise(key: string, firstSeed: number): Omit<Report, 'replications'> {
  const { scenario, header, collected } = runEntry(key);
  runs.delete(key);
  const labels = reportLabels(scenario, header ?? run(scenario, firstSeed).trace.header);
  const inSeedOrder = collected.slice().sort((a, b) => a.seed - b.seed);
  const { replications: _kept, ...summary } = makeReport(scenario.id, inSeedOrder, labels);
  return summary;
}

/** Forgets a run: its scenario and anything collected (once it is over, however it ended). */
function forget(key: string): void {
  runs.delete(key);
}

/**
 * Digest of one run's trace (a session replayed from its command log, if given); the end-to-end
 * tests compare it with the digest computed in Node.
 */
async function digest(
  source: ScenarioSource,
  seed: number,
  commands: LoggedCommand[] = [],
  options: SessionOptions = {},
): Promise<string> {
  const loaded = await load(source, 'en');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return traceDigest(run(loaded.scenario, seed, commands, options).trace);
}

/**
 * For the end-to-end tests of the pool's supervision (src/worker/client.ts `poolTestHooks`):
 * a worker that hangs, and one that throws outside any call.
 */
function testHang(): void {
  for (;;) {
    // Spins: answers nothing, as a worker stuck in a loop would.
  }
}
function testThrow(): void {
  setTimeout(() => {
    throw new Error('injected by a test');
  }, 0);
}

const api = {
  prepare,
  runSeed,
  collect,
  collectMany,
  testHang,
  testThrow,
  summarise,
  forget,
  cancel,
  scenarioInfo,
  checkEdited,
  checkText,
  builtinScenarioInput,
  traceDigest: digest,
  ...mapApi,
  ...replayApi,
  ...drillApi,
  ...trainingApi,
  ...calibrateApi,
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
