/**
 * What a fix is worth: each of the drill's remedies written as a scenario variant (the Compare
 * view's operations) is applied to the scenario document and the prediction re-run with the
 * same seeds (common random numbers), so the 问题整改清单 says how much each corrective action
 * raises the chance of meeting the standard.
 */
import { loadScenario } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import { applyVariant, type ScenarioDoc, type VariantOperation } from '../scenarios/variants.ts';
import { aggregatePrediction } from './aggregate.ts';
import { simulateDrillOnce } from './outcome.ts';
import type { Drill } from './schema.ts';
import type { DrillPrediction, RemedyEffect } from './types.ts';

export type RemedyPricing =
  { ok: true; effect: RemedyEffect } | { ok: false; remedy: string; problems: string[] };

/** Prices each remedy with a variant; a variant that does not apply says why and is skipped. */
export function priceRemediesWithProblems(
  drill: Drill,
  scenarioDoc: ScenarioDoc,
  base: DrillPrediction,
  lang: Language,
): RemedyPricing[] {
  const results: RemedyPricing[] = [];
  for (const remedy of drill.remedies) {
    if (remedy.variant.length === 0) continue;
    const applied = applyVariant(
      scenarioDoc,
      remedy.variant as unknown as VariantOperation[],
      lang,
    );
    if (!applied.ok) {
      results.push({
        ok: false,
        remedy: remedy.id,
        problems: applied.problems.map((p) => `[${p.operation}] ${p.message}`),
      });
      continue;
    }
    const loaded = loadScenario(applied.doc, lang);
    if (!loaded.ok) {
      results.push({
        ok: false,
        remedy: remedy.id,
        problems: loaded.errors.map((e) => `${e.path}: ${e.message}`),
      });
      continue;
    }
    const outcomes = base.seeds.map((seed) => simulateDrillOnce(drill, loaded.scenario, seed));
    const after = aggregatePrediction(drill, loaded.scenario, outcomes);
    const before = base.actions.find((a) => a.action === remedy.action);
    const now = after.actions.find((a) => a.action === remedy.action);
    if (!before || !now) continue;
    results.push({
      ok: true,
      effect: {
        remedy: remedy.id,
        action: remedy.action,
        before: { probability: before.probability, median: before.seconds?.median ?? null },
        after: { probability: now.probability, median: now.seconds?.median ?? null },
      },
    });
  }
  return results;
}

export function priceRemedies(
  drill: Drill,
  scenarioDoc: ScenarioDoc,
  base: DrillPrediction,
  lang: Language,
): RemedyEffect[] {
  return priceRemediesWithProblems(drill, scenarioDoc, base, lang).flatMap((r) =>
    r.ok ? [r.effect] : [],
  );
}
