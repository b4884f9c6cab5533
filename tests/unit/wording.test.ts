/**
 * Wording a planner reads (issue 12, item 8): units counted with the measure word that fits
 * them, and a significant but tiny difference called what it is.
 */
import { describe, expect, it } from 'vitest';
import { measureWord } from '../../src/scenarios/variants.ts';
import { practicallySmall } from '../../src/ui/compare/rows.ts';
import { compareStrings } from '../../src/ui/compare/strings.ts';

describe('measure words', () => {
  it('counts boats in 艘, teams in 支 and vehicles in 辆', () => {
    expect(measureWord('定海海事巡逻艇')).toBe('艘');
    expect(measureWord('渔政救助船')).toBe('艘');
    expect(measureWord('森林消防专业队')).toBe('支');
    expect(measureWord('民兵应急分队')).toBe('支');
    expect(measureWord('临城站水罐车')).toBe('辆');
  });
});

describe('significant and small', () => {
  it('flags differences too small to matter', () => {
    expect(practicallySmall(-12, 'minutes', 600)).toBe(true); // −0.2 min
    expect(practicallySmall(-120, 'minutes', 600)).toBe(false);
    expect(practicallySmall(0.004, 'share', 0.8)).toBe(true);
    expect(practicallySmall(0.03, 'share', 0.8)).toBe(false);
    expect(practicallySmall(1, 'count', 1000)).toBe(true);
  });

  it('says "statistically significant", not "clearly"', () => {
    expect(compareStrings.zh.better).toContain('统计上显著');
    expect(compareStrings.zh.better).not.toContain('明显');
    expect(compareStrings.zh.smallEffect('−0.2 分钟')).toContain('幅度很小');
  });
});
