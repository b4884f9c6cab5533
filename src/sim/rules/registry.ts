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
import { militaryRule } from './military.ts';
import { rearSupply } from './rearSupply.ts';
import { reinforcement } from './reinforcement.ts';
import type { AnalysisOnly, RuleHooks, RuleModule } from './rule.ts';
import { tiers } from './tiers.ts';
import { traffic } from './traffic.ts';
import { triage } from './triage.ts';

/** The rules of the file format (src/scenarios/rules/), each with its behaviour here. */

/** Hooks called as lists, in rule order. */
type ListHook = Exclude<keyof RuleHooks, 'duty' | 'extraMobilisation' | 'reserves'>;

export type Hooks = { [K in ListHook]: Array<NonNullable<RuleHooks[K]>> } & {
  duty(tier: 1 | 2 | 3): DutySchedule;
  extraMobilisation(unit: Unit): Sampler | null;
  reserves: ReserveSpec[];
  /** The stream of a rule (by id), for draws the world makes on its behalf (order steps). */
  streamOf(rule: string): Stream;
};

const ALWAYS: DutySchedule = { type: 'always' };

function registry(world: World): { [K in RuleId]: RuleModule<K> | AnalysisOnly } {
  return {
    tiers,
    command,
    firstReceiver,
    maritime,
    triage,
    fireRescueApproval,
    reinforcement,
    military: militaryRule(world.streams.mobilisation),
    groupIncidents,
    rearSupply,
    traffic,
    growth,
    feedback,
    assessment: { analysisOnly: true },
  };
}

/** Before streams of their own, the rules drew from these shared streams. */
const SHARED_STREAM: { [K in RuleId]: string } = {
  tiers: 'mobilisation',
  command: 'approvals',
  firstReceiver: 'handover',
  maritime: 'approvals',
  triage: 'triage',
  fireRescueApproval: 'approvals',
  reinforcement: 'approvals',
  military: 'approvals',
  groupIncidents: 'participants',
  rearSupply: 'approvals',
  traffic: 'approvals',
  growth: 'growth',
  feedback: 'feedback',
  assessment: 'assessment',
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
    streamOf: (rule) => streams.get(SHARED_STREAM[rule as RuleId])!,
  };
  const streams = new Map<string, Stream>([['mobilisation', world.streams.mobilisation]]);
  const shared = (name: string) => {
    let stream = streams.get(name);
    if (!stream) streams.set(name, (stream = makeStream(world.seed, name)));
    return stream;
  };
  shared('approvals');
  const modules = registry(world);
  for (const id of Object.keys(modules) as RuleId[]) {
    const module = modules[id];
    if ('analysisOnly' in module) continue;
    const params = world.scenario.rules[id] as { enabled: boolean };
    if (!params.enabled) continue;
    const installed = (module as RuleModule<typeof id>).install({
      world,
      params: params as never,
      stream: shared(SHARED_STREAM[id]),
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
