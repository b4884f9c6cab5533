/**
 * The built-in drills, from the seeds, each with an illustrative record of a live run (not a
 * real drill's record: made up to show the evaluation). Plain data: the scenario each plays on
 * is named by its built-in id and loaded by whoever plays it.
 */
import type { DrillInput } from '../schema.ts';
import { deqingGroupIncidentDrill, deqingGroupIncidentLog } from './deqing.ts';
import { huzhouRapidAssemblyDrill, huzhouRapidAssemblyLog } from './huzhou.ts';
import { jinhuaHazmatDrill, jinhuaHazmatLog } from './jinhua.ts';
import { weihaiForestFireDrill, weihaiForestFireLog } from './weihai.ts';

export interface BuiltinDrill {
  id: string;
  title: { zh: string; en: string };
  /** The built-in scenario it plays on. */
  scenario: string;
  drill: DrillInput;
  /** An illustrative 记录表 of a live run, as CSV. */
  log: string;
}

export const BUILTIN_DRILLS: readonly BuiltinDrill[] = [
  {
    id: jinhuaHazmatDrill.id,
    title: { zh: '金华：危化物品泄露处置演练（一小时）', en: 'Jinhua: one-hour hazmat leak drill' },
    scenario: 'jinhua-hazmat-drill',
    drill: jinhuaHazmatDrill,
    log: jinhuaHazmatLog,
  },
  {
    id: huzhouRapidAssemblyDrill.id,
    title: {
      zh: '湖州：军地应急联动快速集结演练',
      en: 'Huzhou: military–civil rapid assembly drill',
    },
    scenario: 'huzhou-flood',
    drill: huzhouRapidAssemblyDrill,
    log: huzhouRapidAssemblyLog,
  },
  {
    id: deqingGroupIncidentDrill.id,
    title: { zh: '德清：突发群体性事件应急处置实战演练', en: 'Deqing: group-incident live drill' },
    scenario: 'township-group-incident',
    drill: deqingGroupIncidentDrill,
    log: deqingGroupIncidentLog,
  },
  {
    id: weihaiForestFireDrill.id,
    title: {
      zh: '威海：森林防火期联调联战演练',
      en: 'Weihai: forest-fire season joint-dispatch drill',
    },
    scenario: 'weihai-forest-fire',
    drill: weihaiForestFireDrill,
    log: weihaiForestFireLog,
  },
];

export function builtinDrill(id: string): BuiltinDrill | undefined {
  return BUILTIN_DRILLS.find((d) => d.id === id);
}
