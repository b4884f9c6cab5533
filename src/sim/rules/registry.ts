/**
 * The rules, in the order of the README's table (their hooks are called in this order), each
 * paired with its parameters in the scenario's `rules`. A rule with parameters but no
 * behaviour here fails to compile; `assessment` is read from the trace after the run.
 */
import type { RuleId } from '../../scenarios/rules/index.ts';
import type { DutySchedule } from '../../scenarios/schema.ts';
import { makeStream, type Sampler, type Stream } from '../random.ts';
import type { ReserveSpec } from '../world/roster.ts';
import type { Unit } from '../world/types.ts';
import type { World } from '../world/world.ts';
import { command } from './command.ts';
import { feedback } from './feedback.ts';
import { fireRescueApproval } from './fireRescueApproval.ts';
import { firstReceiver } from './firstReceiver.ts';
import { groupIncidents } from './groupIncidents.ts';
import { growth } from './growth.ts';
import { maritime } from './maritime.ts';
import { military } from './military.ts';
import { rearSupply } from './rearSupply.ts';
import { reinforcement } from './reinforcement.ts';
import type { AnalysisOnly, RuleHooks, RuleModule } from './rule.ts';
import { tiers } from './tiers.ts';
import { traffic } from './traffic.ts';
import { triage } from './triage.ts';

/** Hooks called as lists, in rule order. */
type ListHook = Exclude<keyof RuleHooks, 'duty' | 'extraMobilisation' | 'reserves'>;

export type Hooks = { [K in ListHook]: Array<NonNullable<RuleHooks[K]>> } & {
  duty(tier: 1 | 2 | 3): DutySchedule;
  extraMobilisation(unit: Unit): Sampler | null;
  reserves: ReserveSpec[];
  /** A rule's stream for one key (incident, slot…), for draws the world makes on its behalf. */
  streamFor(rule: string, ...key: number[]): Stream;
};

const ALWAYS: DutySchedule = { type: 'always' };

/** The rules of the file format (src/scenarios/rules/), each with its behaviour here. */
const REGISTRY: { [K in RuleId]: RuleModule<K> | AnalysisOnly } = {
  tiers,
  command,
  firstReceiver,
  maritime,
  triage,
  fireRescueApproval,
  reinforcement,
  military,
  groupIncidents,
  rearSupply,
  traffic,
  growth,
  feedback,
  assessment: { analysisOnly: true },
};

/** Installs the enabled rules on the world and returns their hooks. */
export function installRules(world: World): Hooks {
  const hooks: Hooks = {
    callReceived: [],
    screen: [],
    incidentJudged: [],
    orderSteps: [],
    speedUp: [],
    shortfall: [],
    slotsAdded: [],
    unitArrived: [],
    clearNotBefore: [],
    unitCleared: [],
    unitBack: [],
    incidentClosed: [],
    responseLevelChanged: [],
    mobilisationInstead: [],
    duty: () => ALWAYS,
    extraMobilisation: () => null,
    reserves: [],
    streamFor: (rule, ...key) => makeStream(world.seed, `rule:${rule}/${key.join('/')}`),
  };
  for (const id of Object.keys(REGISTRY) as RuleId[]) {
    const module = REGISTRY[id];
    if ('analysisOnly' in module) continue;
    const params = world.scenario.rules[id] as { enabled: boolean };
    if (!params.enabled) continue;
    const installed = (module as RuleModule<typeof id>).install({
      world,
      params: params as never,
      stream: makeStream(world.seed, `rule:${id}`),
      streamFor: (...key) => hooks.streamFor(id, ...key),
    });
    for (const [name, hook] of Object.entries(installed) as Array<[keyof RuleHooks, never]>) {
      if (name === 'duty') hooks.duty = hook;
      else if (name === 'extraMobilisation') hooks.extraMobilisation = hook;
      else if (name === 'reserves') hooks.reserves = (hook as () => ReserveSpec[])();
      else (hooks[name] as unknown[]).push(hook);
    }
  }
  return hooks;
}
