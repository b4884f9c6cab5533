/**
 * Worker functions behind the map views (isochrones from bases, …). Spread into the worker's
 * Comlink api by simWorker.ts.
 */
import * as Comlink from 'comlink';
import { loadScenario, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import { isochrones, type IsochroneRequest, type IsochroneResult } from '../sim/isochrones.ts';

export type IsochroneAnswer =
  IsochroneResult | { ok: false; reason: 'invalid'; errors: ScenarioProblem[] };

/**
 * Emergency travel seconds from the nearest chosen base to every road node of a scenario (as
 * the editor holds it); the times come back as a transferred Float64Array.
 */
async function isochroneSeconds(
  input: unknown,
  request: IsochroneRequest,
  language: Language = 'en',
): Promise<IsochroneAnswer> {
  const loaded = loadScenario(input, language);
  if (!loaded.ok) return { ok: false, reason: 'invalid', errors: loaded.errors };
  const result = isochrones(loaded.scenario, request);
  return result.ok ? Comlink.transfer(result, [result.seconds.buffer]) : result;
}

export const mapApi = { isochroneSeconds };
