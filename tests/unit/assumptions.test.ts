import { describe, expect, it } from 'vitest';
import { assumptionsOf } from '../../src/ui/results/assumptions.ts';

describe('the assumptions of a run', () => {
  it('marks the settings a file leaves to their defaults', () => {
    const doc = {
      start: '2026-09-21T00:00',
      duration: 7 * 86_400,
      units: [{ id: 'a', mobilisation: { type: 'fixed', value: 90 } }, { id: 'b' }],
      travel: { model: 'distance', speedKmh: 40 },
      dispatch: { callHandling: { type: 'fixed', value: 45 } },
      rules: { tiers: { enabled: true }, traffic: { enabled: false } },
    };
    const zh = Object.fromEntries(assumptionsOf(doc, 'zh').map((a) => [a.label, a]));
    expect(zh['模拟时长（含预热期）']).toMatchObject({ value: '7 天', defaulted: false });
    expect(zh['预热期（不计入统计）']).toMatchObject({ value: '无', defaulted: true });
    expect(zh['启用的联动规则'].value).toBe('联动单位分级（规则 1）');
    expect(zh['接警研判时间']).toMatchObject({ value: '固定 45 秒', defaulted: false });
    expect(zh['出动准备时间']).toMatchObject({
      value: '1/2 支力量未写出，按 60 秒计',
      defaulted: true,
    });
    expect(zh['紧急通行车速系数']).toMatchObject({ value: '1.2', defaulted: true });
    expect(zh['绕行系数']).toMatchObject({ value: '1.3', defaulted: true });
    expect(zh['返程力量可改派']).toMatchObject({ value: '是', defaulted: true });
    const en = assumptionsOf({ ...doc, dispatch: {} }, 'en');
    expect(en.find((a) => a.label === 'Call taking and assessment')).toMatchObject({
      value: 'fixed 60 s',
      defaulted: true,
    });
  });
});
