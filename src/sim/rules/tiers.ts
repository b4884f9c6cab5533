/**
 * Rule 1, tiers of partner agencies (004): tier 1 on duty around the clock, tier 2 with a
 * liaison who calls staff in (a longer mobilisation), tier 3 in office hours only. With the rule
 * on, a unit without its own schedule keeps its tier's hours, and every unit adds its tier's
 * extra mobilisation. Arrival targets by tier are in the scenario's `targets`.
 */
import type { Distribution, DutySchedule, Rules } from '../../scenarios/schema.ts';

const ALWAYS: DutySchedule = { type: 'always' };

function profile(rules: Rules, tier: 1 | 2 | 3) {
  return rules.tiers[`tier${tier}`];
}

export function dutyOf(rules: Rules, tier: 1 | 2 | 3, own: DutySchedule | undefined): DutySchedule {
  if (own) return own;
  return rules.tiers.enabled ? profile(rules, tier).schedule : ALWAYS;
}

/** The tier's added mobilisation, or null when the rule is off or adds nothing. */
export function extraMobilisationOf(rules: Rules, tier: 1 | 2 | 3): Distribution | null {
  if (!rules.tiers.enabled) return null;
  const extra = profile(rules, tier).extraMobilisation;
  return extra.type === 'fixed' && extra.value === 0 ? null : extra;
}
