/**
 * The registry of the coordination rules (../shared/domain.md §3): their ids, and the schema of
 * each rule's parameters, one file per rule named by its id. The file format's `rules` object is
 * built from `ruleSchemas`. Whatever must cover every rule (the UI's rule names, the simulator's
 * handlers) is typed by `RuleId`, so a rule added here and not there fails the typecheck.
 */
import type { z } from 'zod';
import { AssessmentRule } from './assessment.ts';
import { CommandRule } from './command.ts';
import { FeedbackRule } from './feedback.ts';
import { FireRescueApprovalRule } from './fireRescueApproval.ts';
import { FirstReceiverRule } from './firstReceiver.ts';
import { GroupIncidentsRule } from './groupIncidents.ts';
import { GrowthRule } from './growth.ts';
import { MaritimeRule } from './maritime.ts';
import { MilitaryRule } from './military.ts';
import { RearSupplyRule } from './rearSupply.ts';
import { ReinforcementRule } from './reinforcement.ts';
import { TiersRule } from './tiers.ts';
import { TrafficRule } from './traffic.ts';
import { TriageRule } from './triage.ts';

/** The rules' ids, numbered 1–14 as in the README and the seed documents. */
export const RULE_IDS = [
  'tiers',
  'command',
  'firstReceiver',
  'maritime',
  'triage',
  'fireRescueApproval',
  'reinforcement',
  'military',
  'groupIncidents',
  'rearSupply',
  'traffic',
  'growth',
  'feedback',
  'assessment',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(key: string): key is RuleId {
  return (RULE_IDS as readonly string[]).includes(key);
}

/**
 * Each rule's parameters. Listed in the order the file format has always had (not rule 1–14):
 * the order of the keys of a parsed scenario and of the JSON Schema's properties follows it.
 */
export const ruleSchemas = {
  tiers: TiersRule,
  fireRescueApproval: FireRescueApprovalRule,
  military: MilitaryRule,
  feedback: FeedbackRule,
  growth: GrowthRule,
  reinforcement: ReinforcementRule,
  triage: TriageRule,
  command: CommandRule,
  firstReceiver: FirstReceiverRule,
  maritime: MaritimeRule,
  traffic: TrafficRule,
  rearSupply: RearSupplyRule,
  groupIncidents: GroupIncidentsRule,
  assessment: AssessmentRule,
} as const satisfies { [K in RuleId]: z.ZodType };
