/**
 * The built-in scenarios for the simulation worker: the same as index.ts, but each real city
 * (with the district boundaries, ~290 KB) is fetched by a dynamic import only when chosen, so
 * that the bundler gives the cities chunks of their own.
 */
import type { ScenarioInput } from '../schema.ts';
import { BUILTIN_CATALOGUE, type BuiltinId } from './catalogue.ts';
import { withEnglishNames } from './english.ts';
import { SYNTHETIC_MAKERS } from './synthetic.ts';

type Maker = () => ScenarioInput;

const LOADERS: Record<BuiltinId, () => Promise<Maker>> = {
  'default-city': async () => SYNTHETIC_MAKERS['default-city'],
  'benchmark-city': async () => SYNTHETIC_MAKERS['benchmark-city'],
  'mmc-3-queue': async () => SYNTHETIC_MAKERS['mmc-3-queue'],
  'huzhou-flood': async () => (await import('../cities/huzhou.ts')).huzhouFlood,
  'zhoushan-islands': async () => (await import('../cities/zhoushan.ts')).zhoushanIslands,
  'jinhua-hazmat-drill': async () => (await import('../cities/jinhua.ts')).jinhuaHazmatDrill,
  'township-group-incident': async () =>
    (await import('../cities/pujiang.ts')).townshipGroupIncident,
  'weihai-forest-fire': async () => (await import('../cities/weihai.ts')).weihaiForestFire,
};

function isBuiltinId(id: string): id is BuiltinId {
  return BUILTIN_CATALOGUE.some((entry) => entry.id === id);
}

/** The input of a built-in scenario (not yet checked), or undefined for an unknown id. */
export async function builtinInput(id: string): Promise<ScenarioInput | undefined> {
  if (!isBuiltinId(id)) return undefined;
  const make = await LOADERS[id]();
  return withEnglishNames(make());
}
