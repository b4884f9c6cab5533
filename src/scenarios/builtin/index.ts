/**
 * The built-in scenarios, so that the app and the CLI work with no input. Their ids and titles
 * are in catalogue.ts (all the page needs); this module builds them synchronously, for the CLI
 * and the tests. The simulation worker uses lazy.ts instead, which loads a city only when asked.
 */
import { loadScenario } from '../load.ts';
import {
  huzhouFlood,
  jinhuaHazmatDrill,
  townshipGroupIncident,
  weihaiForestFire,
  zhoushanIslands,
} from '../cities/index.ts';
import type { Scenario, ScenarioInput } from '../schema.ts';
import {
  BUILTIN_CATALOGUE,
  DEFAULT_SCENARIO_ID,
  type BuiltinEntry,
  type BuiltinId,
} from './catalogue.ts';
import { withEnglishNames } from './english.ts';
import { SYNTHETIC_MAKERS } from './synthetic.ts';

export { DEFAULT_SCENARIO_ID } from './catalogue.ts';
export { BENCHMARK_CITY_OPTIONS, DEFAULT_CITY_OPTIONS } from './synthetic.ts';

export interface BuiltinScenario extends BuiltinEntry {
  /** The scenario, generated on first use. */
  readonly input: ScenarioInput;
}

/** A built-in whose scenario is made only when first asked for (the cities take time to build). */
function builtin(
  id: string,
  title: BuiltinScenario['title'],
  make: () => ScenarioInput,
): BuiltinScenario {
  let made: ScenarioInput | undefined;
  return {
    id,
    title,
    get input() {
      return (made ??= withEnglishNames(make()));
    },
  };
}

/** How each built-in is made; the catalogue gives their order and titles. */
const MAKERS: Record<BuiltinId, () => ScenarioInput> = {
  ...SYNTHETIC_MAKERS,
  'huzhou-flood': huzhouFlood,
  'zhoushan-islands': zhoushanIslands,
  'jinhua-hazmat-drill': jinhuaHazmatDrill,
  'township-group-incident': townshipGroupIncident,
  'weihai-forest-fire': weihaiForestFire,
};

export const builtinScenarios: BuiltinScenario[] = BUILTIN_CATALOGUE.map(({ id, title }) =>
  builtin(id, title, MAKERS[id]),
);

/** A built-in scenario, checked; throws if the id is unknown or the scenario is invalid. */
export function builtinScenario(id: string = DEFAULT_SCENARIO_ID): Scenario {
  const entry = builtinScenarios.find((s) => s.id === id);
  if (!entry) throw new Error(`no built-in scenario "${id}"`);
  const result = loadScenario(entry.input);
  if (!result.ok)
    throw new Error(`built-in scenario "${id}" is invalid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}
