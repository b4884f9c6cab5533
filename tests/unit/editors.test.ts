import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem } from '../../src/ui/editors/jsonSyntax.ts';
import {
  descriptionIn,
  districtCallLoad,
  formatPath,
  freshId,
  getIn,
  parseList,
  prettyJson,
  parsePath,
  setIn,
  tabOfPath,
} from '../../src/ui/editors/model.ts';
import { formatNeeds, parseNeeds } from '../../src/ui/editors/IncidentsEditor.tsx';

describe('paths as the loader writes them', () => {
  it('round-trips between text and segments', () => {
    const path = 'arrivals.streams[2].hourProfile[23]';
    expect(parsePath(path)).toEqual(['arrivals', 'streams', 2, 'hourProfile', 23]);
    expect(formatPath(parsePath(path))).toBe(path);
    expect(formatPath(['units', 3, 'crew'])).toBe('units[3].crew');
  });

  it('reads and writes, creating objects absent from the file', () => {
    const doc: Record<string, unknown> = { units: [{ crew: 4 }] };
    expect(getIn(doc, ['units', 0, 'crew'])).toBe(4);
    expect(getIn(doc, ['rules', 'tiers', 'enabled'])).toBeUndefined();
    setIn(doc, ['rules', 'tiers', 'enabled'], true);
    expect(doc.rules).toEqual({ tiers: { enabled: true } });
    setIn(doc, ['units', 0, 'crew'], undefined);
    expect(doc.units).toEqual([{}]);
  });

  it('does not read inherited properties', () => {
    expect(getIn({}, ['constructor'])).toBeUndefined();
  });

  it('sends each path to the tab with its field', () => {
    expect(tabOfPath('agencies[2].tier')).toBe('agencies');
    expect(tabOfPath('units[3].crew')).toBe('units');
    expect(tabOfPath('bases[0].location[1]')).toBe('units');
    expect(tabOfPath('arrivals.streams[0].callsPerDay')).toBe('incidents');
    expect(tabOfPath('rules.tiers.tier2.extraMobilisation.median')).toBe('rules');
    expect(tabOfPath('duration')).toBe('overview');
    expect(tabOfPath('districts[0].polygon')).toBe('raw');
    expect(tabOfPath('')).toBe('raw');
  });
});

describe('list and id helpers', () => {
  it('splits lists on Latin and Chinese commas', () => {
    expect(parseList('fire, rescue，hazmat、 medical')).toEqual([
      'fire',
      'rescue',
      'hazmat',
      'medical',
    ]);
    expect(parseList('  ')).toEqual([]);
  });

  it('finds an id not taken', () => {
    expect(freshId('a', [])).toBe('a');
    expect(freshId('a', ['a', 'a-2'])).toBe('a-3');
  });

  it('reads and writes needs as capability×count', () => {
    expect(parseNeeds('fire×2, medical, police:3')).toEqual([
      { capability: 'fire', units: 2 },
      { capability: 'medical', units: 1 },
      { capability: 'police', units: 3 },
    ]);
    expect(parseNeeds('fire×two')).toBeNull();
    expect(formatNeeds([{ capability: 'fire', units: 2 }, { capability: 'medical' }])).toBe(
      'fire×2, medical×1',
    );
  });

  it('picks the description paragraphs in the page language', () => {
    const text = 'An illustrative city.\n\n一个示例城市。';
    expect(descriptionIn(text, 'zh')).toBe('一个示例城市。');
    expect(descriptionIn(text, 'en')).toBe('An illustrative city.');
  });
});

describe('a district’s call load', () => {
  const doc = {
    districts: [
      { id: 'a', callWeight: 3 },
      { id: 'b', callWeight: 1 },
    ],
    arrivals: {
      streams: [
        { kind: 'fire', callsPerDay: 8 },
        { kind: 'flood', callsPerDay: 10, districts: { a: 0, b: 5 } },
      ],
    },
  };

  it('shares each stream by its district weights, else the districts’ call weights', () => {
    expect(districtCallLoad(doc, 'a')).toEqual([{ kind: 'fire', callsPerDay: 6 }]);
    expect(districtCallLoad(doc, 'b')).toEqual([
      { kind: 'flood', callsPerDay: 10 },
      { kind: 'fire', callsPerDay: 2 },
    ]);
    expect(districtCallLoad(doc, 'nowhere')).toEqual([]);
  });
});

describe('JSON syntax problems', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[1, -2.5e3, "a\\n\\u00e9", true, null]', ' {"a": {"b": []}} ']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxProblem(text)).toBeNull();
    }
  });

  it('finds the line and column of the first problem', () => {
    expect(findJsonSyntaxProblem('{\n  "a": 1,,\n}')).toMatchObject({
      reason: 'expectedKey',
      line: 2,
      column: 10,
      found: ',',
    });
    expect(findJsonSyntaxProblem('{"a": 1 "b": 2}')).toMatchObject({
      reason: 'expectedCommaOrBrace',
      line: 1,
      column: 9,
    });
    expect(findJsonSyntaxProblem('{"a": [1, 2}')).toMatchObject({
      reason: 'expectedCommaOrBracket',
    });
    expect(findJsonSyntaxProblem('{"a": "open')).toMatchObject({ reason: 'unterminatedString' });
    expect(findJsonSyntaxProblem('{"a": tru}')).toMatchObject({ reason: 'unexpectedCharacter' });
    expect(findJsonSyntaxProblem('{"a": 1')).toMatchObject({ reason: 'unexpectedEnd' });
    expect(findJsonSyntaxProblem('{} x')).toMatchObject({ reason: 'trailingText', column: 4 });
    expect(findJsonSyntaxProblem('{"a": "\\q"}')).toMatchObject({ reason: 'badEscape' });
  });
});

describe('raw JSON text', () => {
  it('keeps lists of plain values and points on one line and parses back', () => {
    const doc = {
      a: [1, 2, 3],
      polygon: [
        [120.1, 30.2],
        [120.3, 30.4],
      ],
      units: [{ id: 'x', capabilities: ['fire'] }],
      empty: {},
    };
    const text = prettyJson(doc);
    expect(JSON.parse(text)).toEqual(doc);
    expect(text).toContain('"a": [1,2,3]');
    expect(text).toContain('"polygon": [[120.1,30.2], [120.3,30.4]]');
    expect(text.split('\n')[1]).toBe('  "a": [1,2,3],');
  });
});
