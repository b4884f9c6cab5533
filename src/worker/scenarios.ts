/**
 * Scenarios the worker has loaded and checked, by the key the page gave them: a run prepares its
 * scenario once and every seed after uses it. A few are kept (a comparison runs two at once).
 */
import type { Scenario } from '../scenarios/schema.ts';

const KEEP = 4;
const prepared = new Map<string, Scenario>();

export function rememberScenario(key: string, scenario: Scenario): void {
  prepared.delete(key);
  prepared.set(key, scenario);
  while (prepared.size > KEEP) prepared.delete(prepared.keys().next().value!);
}

export function scenarioFor(key: string): Scenario {
  const scenario = prepared.get(key);
  if (!scenario) throw new Error(`scenario "${key}" was not prepared in this worker`);
  return scenario;
}
