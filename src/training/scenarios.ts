/**
 * Where an exercise's built-in scenario comes from. The page must not carry the cities (each is a
 * chunk of its own, fetched when chosen), so the training code does not import them: in the
 * browser `loadExerciseScenario` fetches the exercise's city before it is prepared; in Node (the
 * CLI, tests) `provideBuiltinScenarios` hands over the synchronous maker once.
 */
import { BUILTIN_CATALOGUE } from '../scenarios/builtin/catalogue.ts';
import { loadScenario } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Exercise } from './schema.ts';

const loaded = new Map<string, Scenario>();
let synchronous: ((id: string) => Scenario) | null = null;

export function isBuiltinScenarioId(id: string): boolean {
  return BUILTIN_CATALOGUE.some((entry) => entry.id === id);
}

/** For Node: built-in scenarios made on demand (src/scenarios/builtin/index.ts `builtinScenario`). */
export function provideBuiltinScenarios(make: (id: string) => Scenario): void {
  synchronous = make;
}

/** Fetches and checks the exercise's built-in scenario, if it has one, so it can be prepared. */
export async function loadExerciseScenario(exercise: Pick<Exercise, 'scenario'>): Promise<void> {
  const source = exercise.scenario;
  if (!('builtin' in source) || loaded.has(source.builtin) || !isBuiltinScenarioId(source.builtin))
    return;
  const { builtinInput } = await import('../scenarios/builtin/lazy.ts');
  const input = await builtinInput(source.builtin);
  const result = loadScenario(input);
  if (!result.ok) throw new Error(`built-in scenario "${source.builtin}" is invalid`);
  loaded.set(source.builtin, result.scenario);
}

/** A built-in scenario, loaded or made now; null when neither is possible yet. */
export function builtinScenarioNow(id: string): Scenario | null {
  const have = loaded.get(id);
  if (have) return have;
  if (!synchronous) return null;
  const made = synchronous(id);
  loaded.set(id, made);
  return made;
}
