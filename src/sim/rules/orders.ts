/**
 * What must happen before a dispatch order reaches a unit: approvals, as a list of steps, each
 * with its cause and its delay distribution. Rule 6 (fire rescue dispatching other forces, 001)
 * and rule 8 (military support through the joint office, 000). Pure: the model draws the
 * delays and traces each step as it completes.
 */
import type { Distribution, Rules } from '../../scenarios/schema.ts';
import type { CauseName } from '../trace.ts';

export interface OrderStep {
  cause: Extract<
    CauseName,
    | 'fireRescueApproval'
    | 'seasonalApproval'
    | 'militaryApproval'
    | 'directRequest'
    | 'sarRequest'
    | 'neighbourRequest'
  >;
  delay: Distribution;
}

export interface OrderContext {
  kind: string;
  agency: string;
  sector: 'government' | 'enterprise' | 'social' | 'military';
  /** Seasons switched on now (flood, forestFire). */
  seasons: ReadonlySet<string>;
  /** The incident's severity now, 1 (catastrophic) to 4 (general). */
  severity: number;
  /** The capability the unit is sent for. */
  capability: string;
  /** Whether the unit's base lies in another district than the incident. */
  fromAnotherDistrict: boolean;
  /** Whether the incident is a group incident (its kind has participants). */
  groupIncident: boolean;
}

export function orderSteps(rules: Rules, context: OrderContext): OrderStep[] {
  const steps: OrderStep[] = [];
  // Rule 4: at sea the SAR centre commands; a land unit goes when it asks.
  const maritime = rules.maritime;
  if (
    maritime.enabled &&
    maritime.kinds.includes(context.kind) &&
    !maritime.sarCapabilities.includes(context.capability)
  ) {
    steps.push({ cause: 'sarRequest', delay: maritime.landRequest });
  }
  const approval = rules.fireRescueApproval;
  if (
    approval.enabled &&
    approval.kinds.includes(context.kind) &&
    !approval.directAgencies.includes(context.agency)
  ) {
    steps.push({ cause: 'fireRescueApproval', delay: approval.approval });
    if (approval.seasons.some((season) => context.seasons.has(season))) {
      steps.push({ cause: 'seasonalApproval', delay: approval.seasonalApproval });
    }
  }
  // Rule 9: a village or town team of another district is a neighbour asked for help.
  const group = rules.groupIncidents;
  if (
    group.enabled &&
    context.groupIncident &&
    context.fromAnotherDistrict &&
    group.supportCapabilities.includes(context.capability)
  ) {
    steps.push({ cause: 'neighbourRequest', delay: group.neighbourAnswer });
  }
  const military = rules.military;
  if (military.enabled && context.sector === 'military') {
    steps.push(
      military.urgentKinds.includes(context.kind) || context.severity <= military.urgentAtSeverity
        ? { cause: 'directRequest', delay: military.directRequest }
        : { cause: 'militaryApproval', delay: military.approval },
    );
  }
  return steps;
}

/** Whether troops are pre-positioned at this response level (1 = level I, 0 = none). */
export function troopsPrepositioned(rules: Rules, responseLevel: number): boolean {
  return (
    rules.military.enabled &&
    responseLevel >= 1 &&
    responseLevel <= rules.military.prepositionAtLevel
  );
}
