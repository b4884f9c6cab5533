import { describe, expect, it } from 'vitest';
import { freshness } from '../../src/ui/results/freshness.ts';
import { applyEdit, openDoc, undo } from '../../src/ui/workspace/history.ts';

const zhoushan = {
  id: 'zhoushan-islands',
  name: '舟山：海岛城市',
  agencies: [{ id: 'a', tier: 2 }],
};
const huzhou = { id: 'huzhou-flood', name: '湖州：台风洪涝', agencies: [] };

describe('freshness of results', () => {
  it('is current for the document that ran, and for an equal copy', () => {
    expect(freshness(zhoushan, zhoushan)).toEqual({ kind: 'current' });
    expect(freshness(zhoushan, structuredClone(zhoushan))).toEqual({ kind: 'current' });
  });

  it('names both scenarios when another one is open', () => {
    expect(freshness(zhoushan, huzhou)).toEqual({
      kind: 'other',
      ranName: '舟山：海岛城市',
      openName: '湖州：台风洪涝',
    });
  });

  it('tells an edit since the run, and is current again after undoing it', () => {
    const opened = openDoc(zhoushan, { kind: 'builtin', id: 'zhoushan-islands' });
    const edited = applyEdit(opened, 'tier', (doc) => {
      (doc.agencies as Array<{ tier: number }>)[0].tier = 1;
    });
    expect(freshness(opened.doc, edited.doc)).toEqual({
      kind: 'edited',
      ranName: '舟山：海岛城市',
    });
    expect(freshness(opened.doc, undo(edited).doc)).toEqual({ kind: 'current' });
  });

  it('falls back to the id for a scenario without a name', () => {
    expect(freshness({ id: 'x' }, { id: 'y', name: '' })).toMatchObject({
      ranName: 'x',
      openName: 'y',
    });
  });
});

describe('seed ranges', () => {
  it('writes consecutive seeds as one range', async () => {
    const { seedRanges } = await import('../../src/ui/replay/format.ts');
    expect(seedRanges(Array.from({ length: 200 }, (_, i) => i + 1))).toBe('1–200');
    expect(seedRanges([9, 1, 2, 3, 7, 10])).toBe('1–3, 7, 9–10');
    expect(seedRanges([5])).toBe('5');
  });
});
