/**
 * Calibration in the worker: the scenario as the editor holds it, fitted to the observed times
 * of its listed incidents and run before and after the fit (src/calibrate/). Spread into the
 * worker's Comlink api by simWorker.ts.
 */
import { calibrate, type CalibrationResult } from '../calibrate/calibrate.ts';
import { fitLines, type FitLine } from '../calibrate/words.ts';
import { loadScenario, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';

export type CalibrationAnswer =
  | { ok: true; result: CalibrationResult; lines: Record<Language, FitLine[]> }
  | { ok: false; reason: 'invalid'; errors: ScenarioProblem[] }
  | { ok: false; reason: 'noObserved' };

async function calibrateScenario(
  input: unknown,
  replications: number,
  language: Language,
  onProgress?: (done: number, total: number) => void,
): Promise<CalibrationAnswer> {
  const loaded = loadScenario(input, language);
  if (!loaded.ok) return { ok: false, reason: 'invalid', errors: loaded.errors };
  if (!loaded.scenario.arrivals.incidents.some((incident) => incident.observed))
    return { ok: false, reason: 'noObserved' };
  const result = calibrate(loaded.scenario, { replications, onProgress });
  // The values before the fit are the loaded scenario's (defaults filled in): described here.
  const lines = {
    zh: fitLines(loaded.scenario, result.fit, 'zh'),
    en: fitLines(loaded.scenario, result.fit, 'en'),
  };
  return { ok: true, result, lines };
}

export const calibrateApi = { calibrateScenario };
