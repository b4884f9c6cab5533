/**
 * A new drill to start from: on a built-in scenario (by id) or on the scenario being edited
 * (embedded whole), with one phase and one step — a call of the scenario's first incident kind
 * at T0 and the first arrival expected within 15 minutes — so that it is valid, predicts and
 * prints from the first moment, and the planner changes it from there.
 */
import { DRILL_FORMAT, DRILL_FORMAT_VERSION } from '../../drills/schema.ts';
import type { Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import type { DrillDoc } from './drillHistory.ts';

function firstId(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const first = list.find(
    (entry): entry is { id: string } =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { id?: unknown }).id === 'string',
  );
  return first?.id;
}

export function newDrillDoc(
  scenario: string | ScenarioDoc,
  scenarioDoc: ScenarioDoc | null,
  language: Language,
  date: string,
): DrillDoc {
  const kind = firstId(scenarioDoc?.incidentKinds);
  const district = firstId(scenarioDoc?.districts);
  const zh = language === 'zh';
  return {
    format: DRILL_FORMAT,
    version: DRILL_FORMAT_VERSION,
    id: 'new-drill',
    scenario,
    description: '',
    header: {
      name: zh ? '新建演练' : 'New drill',
      organiser: '',
      date,
      place: '',
      mode: 'live',
      scope: 'combined',
      purpose: 'test',
      scripted: true,
      version: '1.0',
      preparedBy: '',
      reviewedBy: '',
      approvedBy: '',
    },
    clock: { start: 0, horizon: 7200, deadAir: 600, keepScenarioIncidents: false },
    objectives: [],
    participants: [],
    phases: [{ id: 'p1', name: zh ? '应急处置' : 'Response', brief: '' }],
    steps: [
      {
        id: 's1',
        phase: 'p1',
        title: zh ? '接警与调度' : 'Call and dispatch',
        timing: { type: 'at', at: 0 },
        duration: 900,
        inject: { method: 'phone', from: '', to: [], text: '' },
        ...(kind ? { command: { type: 'call', kind, ...(district ? { district } : {}) } } : {}),
        expected: kind
          ? [
              {
                id: 's1-a1',
                what: 'firstArrival',
                description: zh ? '首支力量到场' : 'First unit on scene',
                deadline: 900,
                from: 'inject',
                points: 10,
              },
            ]
          : [],
        notes: '',
      },
    ],
    evaluation: [],
    remedies: [],
  };
}
