/**
 * Big documents stay cheap to edit: an edit copies the small parts and shares the items of long
 * arrays (frozen, so no version changes another), the check is sent only what changed, and the
 * raw JSON view of a big scenario shows its beginning without writing the rest.
 */
import { describe, expect, it } from 'vitest';
import { setIn } from '../../src/ui/editors/model.ts';
import { isLargeDoc, previewJson } from '../../src/ui/editors/rawPreview.ts';
import { prettyJson } from '../../src/ui/editors/model.ts';
import {
  applyEdit,
  copyForEdit,
  openDoc,
  sameJson,
  SHARED_ARRAY_LENGTH,
  sourceOfCopy,
  undo,
  type ScenarioDoc,
} from '../../src/ui/workspace/history.ts';
import { applyPatches, diffDocs, PATCH_LIMIT } from '../../src/worker/docPatch.ts';
import { applyVariant } from '../../src/scenarios/variants.ts';

/** A scenario-like document with `count` listed incidents. */
function bigDoc(count: number): ScenarioDoc {
  return {
    name: 'big',
    units: [{ id: 'u1', crew: 4, count: 1 }],
    arrivals: {
      streams: [{ kind: 'fire', callsPerDay: 3 }],
      incidents: Array.from({ length: count }, (_, i) => ({
        time: i,
        kind: 'fire',
        location: [120 + i / 1e6, 30],
      })),
    },
  };
}

const incidentsOf = (doc: ScenarioDoc) =>
  (doc.arrivals as { incidents: Array<Record<string, unknown>> }).incidents;

describe('an edit of a big document', () => {
  it('shares the items of long arrays between versions, frozen, and keeps every version intact', () => {
    const before = bigDoc(50_000);
    const workspace = openDoc(before, { kind: 'file', name: 'big.json' });
    const edited = applyEdit(workspace, 'name', (draft) => setIn(draft, ['name'], 'bigger'));
    expect(edited.doc.name).toBe('bigger');
    expect(before.name).toBe('big');
    const [a, b] = [incidentsOf(before), incidentsOf(edited.doc)];
    expect(b).not.toBe(a);
    expect(b[123]).toBe(a[123]);
    expect(Object.isFrozen(b[123])).toBe(true);
    expect(Object.isFrozen(b[123].location)).toBe(true);
    expect(sourceOfCopy(b)).toBe(a);
    // Nothing can change a shared item in place: the version it belongs to stays as it was.
    expect(() => {
      (b[5] as { time: number }).time = -1;
    }).toThrow(TypeError);

    // setIn copies the frozen item on its way: the new version changes, the old does not.
    const moved = applyEdit(edited, 'time', (draft) =>
      setIn(draft, ['arrivals', 'incidents', 7, 'time'], 99),
    );
    expect(incidentsOf(moved.doc)[7].time).toBe(99);
    expect(a[7].time).toBe(7);
    expect(incidentsOf(moved.doc)[8]).toBe(a[8]);
    // Adding to a long array adds to this version's array only.
    const added = applyEdit(moved, 'add', (draft) => {
      incidentsOf(draft).push({ time: 1, kind: 'fire' });
    });
    expect(incidentsOf(added.doc)).toHaveLength(50_001);
    expect(incidentsOf(moved.doc)).toHaveLength(50_000);
    expect(undo(added).doc).toBe(moved.doc);
  });

  it('an edit that changes nothing leaves the history alone, as JSON would say', () => {
    const workspace = openDoc(bigDoc(SHARED_ARRAY_LENGTH + 5), { kind: 'file', name: 'a' });
    const same = applyEdit(workspace, 'same', (draft) => setIn(draft, ['name'], 'big'));
    expect(same).toBe(workspace);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, undefined], [1, null])).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameJson({ a: { b: 1 } }, { a: { b: '1' } })).toBe(false);
  });

  it('copies a "__proto__" key as a key', () => {
    const doc = JSON.parse('{"rules":{"__proto__":{"x":1}}}') as ScenarioDoc;
    const copy = copyForEdit(doc);
    expect(Object.keys(copy.rules as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(copy.rules)).toBe(Object.prototype);
  });

  it('variants of a big scenario share what they do not change', () => {
    const doc = bigDoc(20_000);
    const result = applyVariant(doc, [{ type: 'unitCrew', unit: 'u1', crew: 6 }], 'en');
    if (!result.ok) throw new Error('variant refused');
    expect(incidentsOf(result.doc)).toBe(incidentsOf(doc));
    expect((result.doc.units as Array<{ crew: number }>)[0].crew).toBe(6);
    expect((doc.units as Array<{ crew: number }>)[0].crew).toBe(4);
  });
});

describe('the check is sent what changed', () => {
  it('a field, an item, items added at the end, a key removed: a few patches', () => {
    const v0 = bigDoc(30_000);
    const v1 = applyEdit(openDoc(v0, { kind: 'file', name: 'a' }), 'e', (draft) => {
      setIn(draft, ['name'], 'renamed');
      setIn(draft, ['arrivals', 'incidents', 10, 'kind'], 'flood');
      incidentsOf(draft).push({ time: 5, kind: 'fire' });
      delete draft.units;
    }).doc;
    const patches = diffDocs(v0, v1)!;
    expect(patches).toEqual([
      { path: ['name'], set: 'renamed' },
      { path: ['arrivals', 'incidents'], set: incidentsOf(v1) },
      { path: ['units'], remove: true },
    ]);
    // In the worker, on its own copy: the same document as the page's.
    const copy = structuredClone(v0);
    expect(applyPatches(copy, structuredClone(patches))).toEqual(v1);

    const v2 = applyEdit(openDoc(v1, { kind: 'file', name: 'a' }), 'add', (draft) => {
      incidentsOf(draft).push({ time: 6, kind: 'fire' }, { time: 7, kind: 'fire' });
    }).doc;
    const appended = diffDocs(v1, v2)!;
    expect(appended).toEqual([
      {
        path: ['arrivals', 'incidents'],
        append: [
          { time: 6, kind: 'fire' },
          { time: 7, kind: 'fire' },
        ],
      },
    ]);
    const worker = structuredClone(v1);
    expect(applyPatches(worker, appended)).toEqual(v2);
    expect(diffDocs(v2, v2)).toEqual([]);
  });

  it('many changes: the whole document instead', () => {
    const before = { list: Array.from({ length: 500 }, (_, i) => ({ v: i })) };
    const after = { list: before.list.map((item) => ({ v: item.v + 1 })) };
    expect(diffDocs(before, after)).toBeNull();
    expect(PATCH_LIMIT).toBeLessThan(500);
  });
});

describe('the raw JSON of a big scenario', () => {
  it('is known to be big without walking all of it', () => {
    expect(isLargeDoc(bigDoc(100))).toBe(false);
    expect(isLargeDoc(bigDoc(200_000))).toBe(true);
  });

  it('is shown from its beginning, in the layout of the whole text', () => {
    const small = bigDoc(3);
    expect(previewJson(small)).toEqual({ text: prettyJson(small), complete: true });
    const big = bigDoc(200_000);
    const { text, complete } = previewJson(big, 20_000);
    expect(complete).toBe(false);
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(prettyJson(big).startsWith(`${text}\n`)).toBe(true);
  });
});
