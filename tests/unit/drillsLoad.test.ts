/* eslint-disable @typescript-eslint/no-explicit-any -- the tests break drill files on purpose, field by field */
import { describe, expect, it } from 'vitest';
import { loadDrill, loadDrillData, drillScenarioRef } from '../../src/drills/api.ts';
import { BUILTIN_DRILLS } from '../../src/drills/builtin/index.ts';
import { jinhuaHazmatDrill } from '../../src/drills/builtin/jinhua.ts';
import { scenarioOf } from './drillsFixtures.ts';

const clone = <T>(value: T): T => structuredClone(value);

/** The Jinhua drill with every kind of cross-reference broken once. */
function brokenDrill() {
  const drill = clone(jinhuaHazmatDrill) as Record<string, any>;
  drill.objectives[0].agencies.push('nobody');
  drill.participants.push({ agency: 'police', roles: ['observe'] });
  drill.steps[0].command.kind = 'volcano';
  drill.steps[0].expected[0].agency = 'army';
  drill.steps[0].expected[1].capability = 'teleport';
  drill.steps[0].expected[2].objective = 'o-none';
  drill.steps[1].timing.step = 's9';
  drill.steps[2].expected[0].cause = 'militaryApproval';
  drill.steps[3].expected[1].cause = 'weather';
  drill.steps[3].id = 's1';
  drill.steps[4].command = { type: 'unitOutOfService', unit: 'fire-special-engine#7' };
  drill.evaluation[0].actions.push('a-ghost');
  drill.remedies[0].owner = 'nobody';
  return drill;
}

describe('drill loader', () => {
  it('loads every built-in drill without errors or warnings on its scenario', () => {
    for (const builtin of BUILTIN_DRILLS) {
      const result = loadDrillData(builtin.drill, 'zh', scenarioOf);
      expect(result.ok, builtin.id).toBe(true);
      expect(result.warnings).toEqual([]);
      expect(drillScenarioRef(builtin.drill)).toBe(builtin.scenario);
    }
  });

  it('lists every cross-reference error at its path, in English and in Chinese', () => {
    const en = loadDrillData(brokenDrill(), 'en', scenarioOf);
    const zh = loadDrillData(brokenDrill(), 'zh', scenarioOf);
    expect(en.ok || zh.ok).toBe(false);
    if (en.ok || zh.ok) return;
    const byPath = (errors: Array<{ path: string; message: string }>) =>
      Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath(en.errors)).toEqual({
      'objectives[0].agencies[2]': 'no agency has the id "nobody"',
      'participants[6].agency': 'the participant id "police" is used twice',
      'steps[3].id': 'the step id "s1" is used twice',
      'steps[0].command.kind': 'no incident kind has the id "volcano"',
      'steps[0].expected[0].agency': 'no agency has the id "army"',
      'steps[0].expected[1].capability': 'no capability has the id "teleport"',
      'steps[0].expected[2].objective': 'no objective has the id "o-none"',
      'steps[1].timing.step': 'no step has the id "s9"',
      'steps[2].expected[0].cause': 'firstArrival takes no cause',
      'steps[3].expected[1].cause':
        'for commandHandedOver, cause must be one of specialPlan, maritimeSAR, firstReceiver',
      'steps[4].command.unit': 'no unit has the id "fire-special-engine#7"',
      'evaluation[0].actions[2]': 'no expected action has the id "a-ghost"',
      'remedies[0].owner': 'no agency has the id "nobody"',
    });
    expect(byPath(zh.errors)).toMatchObject({
      'objectives[0].agencies[2]': '找不到 id 为“nobody”的联动单位',
      'steps[3].id': '环节 id“s1”重复',
      'steps[0].command.kind': '找不到 id 为“volcano”的事件类型',
      'steps[1].timing.step': '找不到 id 为“s9”的环节',
      'steps[4].command.unit': '找不到 id 为“fire-special-engine#7”的力量',
      'evaluation[0].actions[2]': '找不到 id 为“a-ghost”的期望行动',
    });
    expect(zh.errors).toHaveLength(en.errors.length);
  });

  it('finds steps that wait for each other in a circle, and a step waiting for itself', () => {
    const drill = clone(jinhuaHazmatDrill) as Record<string, any>;
    drill.steps[2].timing = { type: 'after', step: 's4', delay: 0 };
    drill.steps[3].timing = { type: 'after', step: 's3', delay: 60 };
    drill.steps[4].timing = { type: 'after', step: 's5' };
    const result = loadDrillData(drill, 'en', scenarioOf);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: 'steps[4].timing.step', message: 'a step cannot wait for itself' },
      {
        path: 'steps[2].timing.step',
        message: 'the steps wait for each other in a circle: s3 → s4 → s3',
      },
    ]);
  });

  it('gives schema errors at their paths in both languages', () => {
    const drill = clone(jinhuaHazmatDrill) as Record<string, any>;
    delete drill.header.name;
    drill.steps[0].timing = { type: 'sometime' };
    drill.steps[1].expected[0].deadline = -5;
    drill.steps[2].inject.method = 'pigeon';
    drill.participants[0].roles = [];
    const en = loadDrillData(drill, 'en', scenarioOf);
    const zh = loadDrillData(drill, 'zh', scenarioOf);
    if (en.ok || zh.ok) throw new Error('should fail');
    const paths = en.errors.map((e) => e.path).sort();
    expect(paths).toEqual([
      'header.name',
      'participants[0].roles',
      'steps[0].timing.type',
      'steps[1].expected[0].deadline',
      'steps[2].inject.method',
    ]);
    const zhOf = Object.fromEntries(zh.errors.map((e) => [e.path, e.message]));
    expect(zhOf['header.name']).toBe('缺少必填字段');
    expect(zhOf['steps[1].expected[0].deadline']).toBe('必须 ≥ 0');
    expect(zhOf['participants[0].roles']).toBe('至少需要一个角色');
    expect(zhOf['steps[2].inject.method']).toContain('必须是以下之一');
  });

  it('reports bad JSON with its line, an unknown built-in scenario, and an embedded scenario’s errors under scenario.', () => {
    const text = JSON.stringify(jinhuaHazmatDrill, null, 1).replace(
      '"version": 1',
      '"version": 1,,',
    );
    const bad = loadDrill(text, 'zh', scenarioOf);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].message).toMatch(/^文件不是有效的 JSON（第 3 行/);

    const unknown = loadDrillData({ ...jinhuaHazmatDrill, scenario: 'atlantis' }, 'en', scenarioOf);
    expect(unknown).toMatchObject({
      ok: false,
      errors: [{ path: 'scenario', message: 'no built-in scenario has the id "atlantis"' }],
    });

    const embedded = loadDrillData(
      { ...jinhuaHazmatDrill, scenario: { ...scenarioOf('jinhua-hazmat-drill'), duration: -1 } },
      'en',
      scenarioOf,
    );
    expect(embedded.ok).toBe(false);
    if (!embedded.ok) expect(embedded.errors.map((e) => e.path)).toContain('scenario.duration');

    const notADrill = loadDrillData({ format: 'drill-planner/scenario' }, 'zh', scenarioOf);
    expect(notADrill).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
  });

  it('bounds the calls a run of the drill simulates (horizon and surges)', () => {
    const drill = clone(jinhuaHazmatDrill) as Record<string, any>;
    drill.clock.horizon = 30 * 86_400;
    drill.steps[4].command = { type: 'callRateFactor', factor: 100 };
    const result = loadDrillData(drill, 'zh', scenarioOf);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0].path).toBe('clock.horizon');
      expect(result.errors[0].message).toMatch(
        /^从情景开始到演练结束约 \d+ 起警情，超过上限 200000/,
      );
    }
    drill.steps[4].command = { type: 'callRateFactor', factor: 2 };
    expect(loadDrillData(drill, 'zh', scenarioOf).ok).toBe(true);
  });

  it('accepts an embedded scenario document', () => {
    const result = loadDrillData(
      { ...jinhuaHazmatDrill, scenario: scenarioOf('jinhua-hazmat-drill') },
      'en',
      scenarioOf,
    );
    expect(result.ok).toBe(true);
  });
});
