/**
 * Worker functions behind the drill's prediction (仿真预演): a drill is loaded once per run under a
 * key (with the built-in scenario it names, built here), then the pool hands out seeds, each
 * played by `simulateDrillOnce` into a small outcome. The page aggregates the outcomes
 * (`aggregatePrediction`). Spread into the worker's Comlink api by simWorker.ts.
 */
import {
  drillScenarioRef,
  loadDrillData,
  priceRemedies,
  simulateDrillOnce,
  type Drill,
  type DrillOutcome,
  type DrillPlayOptions,
  type DrillPrediction,
  type DrillProblem,
  type RemedyEffect,
} from '../drills/api.ts';
import { builtinInput } from '../scenarios/builtin/lazy.ts';
import { loadScenario } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';

export type DrillPrepared = { ok: true } | { ok: false; errors: DrillProblem[] };

interface DrillRun {
  drill: Drill;
  scenario: Scenario;
  options: DrillPlayOptions;
  cancelled: boolean;
}

const drillRuns = new Map<string, DrillRun>();

/** Loads a drill document with the built-in scenario it names (if it names one). */
export async function loadDrillInWorker(data: unknown, language: Language) {
  const ref = drillScenarioRef(data);
  let builtin: Scenario | undefined;
  if (ref) {
    const input = await builtinInput(ref);
    const loaded = input === undefined ? null : loadScenario(input, language);
    if (loaded?.ok) builtin = loaded.scenario;
  }
  return loadDrillData(data, language, (id) => (id === ref ? builtin : undefined));
}

async function drillPrepare(
  key: string,
  data: unknown,
  language: Language,
  options: DrillPlayOptions = {},
): Promise<DrillPrepared> {
  const loaded = await loadDrillInWorker(data, language);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  drillRuns.set(key, { drill: loaded.drill, scenario: loaded.scenario, options, cancelled: false });
  return { ok: true };
}

/** One seed of a prepared prediction; null when the run was cancelled. */
async function drillSeed(
  key: string,
  seed: number,
  onProgress: (share: number) => void,
): Promise<DrillOutcome | null> {
  const run = drillRuns.get(key);
  if (!run) throw new Error(`drill run "${key}" was not prepared in this worker`);
  // Let a waiting cancel through before the seed starts (a seed is one short call).
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (run.cancelled) return null;
  void onProgress(0);
  const outcome = simulateDrillOnce(run.drill, run.scenario, seed, run.options);
  void onProgress(1);
  return outcome;
}

function drillCancel(key: string): void {
  const run = drillRuns.get(key);
  if (run) run.cancelled = true;
}

function drillForget(key: string): void {
  drillRuns.delete(key);
}

/** Each remedy's predicted effect (its scenario variant re-predicted with the same seeds). */
async function drillRemedies(
  data: unknown,
  base: DrillPrediction,
  language: Language,
): Promise<RemedyEffect[]> {
  const loaded = await loadDrillInWorker(data, language);
  if (!loaded.ok) return [];
  const ref = drillScenarioRef(data);
  const scenarioDoc = ref ? await builtinInput(ref) : (data as { scenario?: unknown }).scenario;
  if (typeof scenarioDoc !== 'object' || scenarioDoc === null) return [];
  return priceRemedies(loaded.drill, scenarioDoc as Record<string, unknown>, base, language);
}

export const drillApi = { drillPrepare, drillSeed, drillCancel, drillForget, drillRemedies };
