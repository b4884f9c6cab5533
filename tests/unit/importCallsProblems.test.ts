/** Every problem of a row at once, and identical problems grouped with counts and first lines. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { groupProblems, importCalls } from '../../src/scenarios/importCalls.ts';
import { lineScenario } from './fixtures.ts';

describe('problems of a call file', () => {
  it('a row with a bad time, an unknown kind and a bad place gets all three', () => {
    const { incidents, problems } = importCalls(
      'time,kind,lon,lat\nsoon,quake,abc,30\n60,fire,120,30\n',
      { time: 'time', kind: 'kind', lon: 'lon', lat: 'lat' },
      '2016-12-31T00:00',
      new Set(['fire']),
    );
    expect(incidents).toHaveLength(1);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringContaining('time "soon" is not a date-time')],
      [2, 'kind "quake" is not an incident kind of the scenario'],
      [2, '"abc", "30" is not a longitude, latitude'],
    ]);
  });

  it('groups identical problems: same reason, and the same value for kinds and districts', () => {
    const groups = groupProblems(
      [
        { line: 2, message: 'time "a"', group: 'time' },
        { line: 3, message: 'kind "x"', group: 'kind:x' },
        { line: 4, message: 'time "b"', group: 'time' },
        { line: 5, message: 'kind "y"', group: 'kind:y' },
        { line: 6, message: 'time "c"', group: 'time' },
        { line: 7, message: 'kind "x"', group: 'kind:x' },
      ],
      2,
    );
    expect(groups).toEqual([
      { message: 'time "a"', count: 3, lines: [2, 4] },
      { message: 'kind "x"', count: 2, lines: [3, 7] },
      { message: 'kind "y"', count: 1, lines: [5] },
    ]);
  });
});

describe('sim import-calls prints each kind of problem once', () => {
  let err: string[];
  beforeEach(() => {
    err = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it('a thousand bad rows give three lines with counts, and the summary counts rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-problems-'));
    const scenario = join(dir, 'line.json');
    writeFileSync(scenario, JSON.stringify(lineScenario()));
    const rows = ['time,kind,district'];
    for (let i = 0; i < 1000; i++) rows.push(i % 2 ? `later,quake,west` : `60,fire,north`);
    rows.push('60,fire,west');
    const csv = join(dir, 'calls.csv');
    writeFileSync(csv, rows.join('\n'));
    const out = join(dir, 'out.json');
    const args = ['import-calls', csv, '--scenario', scenario, '--time', 'time', '--kind', 'kind'];
    expect(main([...args, '--district', 'district', '--out', out])).toBe(0);
    expect(err.slice(-5)).toEqual([
      `${csv}:2,4,6,8,10…: district "north" is not a district of the scenario (by id or name) (500 rows)`,
      `${csv}:3,5,7,9,11…: time "later" is not a date-time (YYYY-MM-DD HH:MM, YYYY/MM/DD, M/D/YYYY h:mm AM/PM, YYYY年M月D日 H时M分) or seconds (500 rows)`,
      `${csv}:3,5,7,9,11…: kind "quake" is not an incident kind of the scenario (500 rows)`,
      'values of the kind column that map to no incident kind: "quake" (500)',
      '1 call(s) imported, 1000 row(s) skipped',
    ]);
  });
});
