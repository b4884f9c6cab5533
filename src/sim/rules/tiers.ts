/**
 * Rule 1, tiers of partner agencies (004): tier 1 on duty around the clock, tier 2 with a
 * liaison who calls staff in (a longer mobilisation), tier 3 in office hours only. A unit without
 * its own schedule keeps its tier's hours, and every unit adds its tier's extra mobilisation.
 * Arrival targets by tier are in the scenario's `targets`.
 */
import { sampler } from '../random.ts';
import type { RuleModule } from './rule.ts';

export const tiers: RuleModule<'tiers'> = {
  install({ params, stream }) {
    return {
      duty: (tier) => params[`tier${tier}`].schedule,
      extraMobilisation(unit) {
        const extra = params[`tier${unit.tier}`].extraMobilisation;
        if (extra.type === 'fixed' && extra.value === 0) return null;
        const draw = sampler(extra);
        return () => draw(stream);
      },
    };
  },
};
