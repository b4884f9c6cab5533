/**
 * The built-in scenarios' descriptions are read by planners and printed: documents are cited by
 * title (and number where they have one), never by the file they were read from, and no working
 * note about the source material is left in them.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';

/** Document titles (with their numbers) that the city scenarios rest on. */
const CITED: Record<string, string> = {
  'zhoushan-islands':
    '《舟山市人民政府办公室关于进一步加强社会应急联动工作的意见》（舟政办发〔2016〕94号）',
  'huzhou-flood': '《湖州市突发事件军地应急联动工作机制》',
  'weihai-forest-fire':
    '《威海市人民政府办公室关于建立健全应急救援力量联调联战工作机制的实施意见》',
  'jinhua-hazmat-drill': '《全省应急联动工作现场会筹备工作方案》',
  'township-group-incident': '《乡镇应急处置联动工作实施方案》',
};

describe('built-in descriptions', () => {
  it.each(builtinScenarios.map((entry) => [entry.id, entry]))(
    '%s names no file and keeps no working note',
    (_id, entry) => {
      const text = String(entry.input.description ?? '');
      expect(text).not.toMatch(/\.txt\b/);
      expect(text).not.toMatch(/\b\d{3}_[0-9a-f]{8,}/);
      expect(text).not.toMatch(/种子|seed \d|该文本|the text itself|第[一二三四五]篇/);
      expect(text).not.toMatch(/\b\d{3}号文件/);
    },
  );

  it.each(Object.entries(CITED))('%s cites its document by title', (id, citation) => {
    const entry = builtinScenarios.find((e) => e.id === id)!;
    expect(String(entry.input.description)).toContain(citation);
  });
});
