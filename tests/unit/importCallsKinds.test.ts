/** Kind mapping from a file (CSV or JSON), checked against the scenario; unmapped values counted. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { readKindMap } from '../../src/scenarios/callKinds.ts';
import { importCalls } from '../../src/scenarios/importCalls.ts';
import { lineScenario } from './fixtures.ts';

const kinds = new Set(['fire', 'traffic']);

describe('a kind mapping file', () => {
  it('reads CSV with or without a header, and JSON', () => {
    expect(
      readKindMap('value,kind\nStructure Fire,fire\n"Traffic, Collision",traffic\n', kinds),
    ).toEqual({
      values: { 'Structure Fire': 'fire', 'Traffic, Collision': 'traffic' },
      problems: [],
    });
    expect(readKindMap('火灾,fire\n', kinds).values).toEqual({ 火灾: 'fire' });
    expect(readKindMap('{"Alarms": "fire", "Vehicle Fire": "fire"}', kinds).values).toEqual({
      Alarms: 'fire',
      'Vehicle Fire': 'fire',
    });
  });

  it('names every row that maps to no kind of the scenario, in the language asked', () => {
    const map = readKindMap('value,kind\nA,fire\nB,flood\nC\n', kinds, 'zh');
    expect(map.values).toEqual({ A: 'fire' });
    expect(map.problems).toEqual([
      { line: 3, message: '值“B”对应的“flood”不是本情景的事件类型' },
      { line: 4, message: '类型对应文件每行两列：先是值，再是事件类型' },
    ]);
    expect(readKindMap('{"A": 1}', kinds).problems[0].message).toBe(
      'the kind of value "A" is not text',
    );
    expect(readKindMap('{"A": ', kinds).problems[0].message).toContain('not valid JSON');
  });

  it('lists the values that map to no kind, most frequent first', () => {
    const rows = [
      'time,kind,lon,lat',
      ...['Medical', 'Medical', 'Fire', 'Other'].map((k) => `60,${k},120,30`),
    ];
    const { unmappedKinds, incidents } = importCalls(
      rows.join('\n'),
      { time: 'time', kind: 'kind', lon: 'lon', lat: 'lat', kindValues: { Fire: 'fire' } },
      '2016-12-31T00:00',
      kinds,
    );
    expect(incidents).toHaveLength(1);
    expect(unmappedKinds).toEqual([
      { value: 'Medical', count: 2 },
      { value: 'Other', count: 1 },
    ]);
  });
});

describe('sim import-calls --kind-map-file', () => {
  let err: string[];
  beforeEach(() => {
    err = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  const dir = mkdtempSync(join(tmpdir(), 'drill-kinds-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const scenario = file('line.json', JSON.stringify(lineScenario()));
  const csv = file(
    'calls.csv',
    'time,type,district\n60,Structure Fire,west\n90,Alarms,west\n120,Medical,west\n130,Medical,west\n',
  );
  const args = (map: string, out: string) => [
    'import-calls',
    csv,
    '--scenario',
    scenario,
    '--time',
    'time',
    '--kind',
    'type',
    '--district',
    'district',
    '--kind-map-file',
    map,
    '--out',
    out,
  ];

  it('maps from the file and lists what stays unmapped with counts', () => {
    const out = join(dir, 'out.json');
    expect(main(args(file('map.csv', 'value,kind\nStructure Fire,fire\nAlarms,fire\n'), out))).toBe(
      0,
    );
    expect(err).toContain('values of the kind column that map to no incident kind: "Medical" (2)');
    expect(err.at(-1)).toBe('2 call(s) imported, 2 row(s) skipped');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.arrivals.incidents.map((i: { kind: string }) => i.kind)).toEqual([
      'fire',
      'fire',
    ]);
  });

  it('a mapping to a kind the scenario lacks stops before importing', () => {
    const map = file('bad.json', '{"Structure Fire": "blaze"}');
    expect(main(args(map, join(dir, 'bad.json.out')))).toBe(1);
    expect(err).toContain(
      `${map}:1: value "Structure Fire" is mapped to "blaze", which is not an incident kind of the scenario`,
    );
  });
});
