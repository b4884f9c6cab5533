/**
 * Coverage left behind: a unit sent away may leave its home district with no free unit of that
 * capability. For a decision's slot, the district a choice strips of its last free unit able to
 * fill the slot (the decision's candidates that stand free at a base), if any.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { DispatchDecision } from '../sim/dispatch/policy.ts';
import { rosterOf } from '../sim/session.ts';
import { Districts } from '../sim/world/places.ts';

/** Each unit's home district (index), for units with a base inside a district. */
export function homeDistricts(scenario: Scenario): Map<string, number> {
  const districts = new Districts(scenario);
  const homes = new Map<string, number>();
  for (const unit of rosterOf(scenario)) {
    if (!unit.home) continue;
    const district = districts.indexOf(unit.home);
    if (district >= 0) homes.set(unit.id, district);
  }
  return homes;
}

/** The district left without a free unit of the slot's capability by sending `unit`, or null. */
export function districtUncovered(
  slot: DispatchDecision['slots'][number],
  unit: string | null,
  homes: ReadonlyMap<string, number>,
): number | null {
  if (unit === null) return null;
  const home = homes.get(unit);
  if (home === undefined) return null;
  const others = slot.candidates.filter(
    (c) => c.unit !== unit && c.state === 'available' && homes.get(c.unit) === home,
  );
  return others.length === 0 ? home : null;
}
