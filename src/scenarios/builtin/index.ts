/**
 * The built-in scenarios, so that the app and the CLI work with no input.
 */
import { loadScenario } from '../load.ts';
import type { Scenario, ScenarioInput } from '../schema.ts';
import { queueScenarioInput } from '../theory.ts';

export interface BuiltinScenario {
  id: string;
  /** Title in English and Chinese. */
  title: { en: string; zh: string };
  input: ScenarioInput;
}

export const DEFAULT_SCENARIO_ID = 'mmc-3-queue';

export const builtinScenarios: BuiltinScenario[] = [
  {
    id: 'mmc-3-queue',
    title: { en: 'Reference queue M/M/3', zh: '参考排队模型 M/M/3' },
    input: queueScenarioInput({
      servers: 3,
      arrivalRatePerMinute: 1.5,
      serviceRatePerMinute: 1,
      whenNoUnit: 'queue',
      durationMinutes: 7 * 1440,
    }),
  },
];

/** A built-in scenario, checked; throws if the id is unknown or the scenario is invalid. */
export function builtinScenario(id: string = DEFAULT_SCENARIO_ID): Scenario {
  const entry = builtinScenarios.find((s) => s.id === id);
  if (!entry) throw new Error(`no built-in scenario "${id}"`);
  const result = loadScenario(entry.input);
  if (!result.ok) throw new Error(`built-in scenario "${id}" is invalid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}
