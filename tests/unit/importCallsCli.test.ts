/**
 * `sim import-calls` writes only a scenario the loader accepts, and says why when it writes none.
 */
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { lineScenario } from './fixtures.ts';

let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'drill-calls-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const scenario = file('line.json', JSON.stringify(lineScenario()));
const importArgs = (csv: string, out: string, ...more: string[]) => [
  'import-calls',
  csv,
  '--scenario',
  scenario,
  '--time',
  'time',
  '--kind',
  'kind',
  '--district',
  'district',
  '--out',
  out,
  ...more,
];

describe('sim import-calls', () => {
  it('an unknown district is a skipped row, never written into a scenario that then fails', () => {
    const csv = file('districts.csv', 'time,kind,district\n60,fire,west\n120,fire,north\n');
    const out = join(dir, 'districts.json');
    expect(main(importArgs(csv, out))).toBe(0);
    expect(err).toContain(
      `${csv}:3: district "north" is not a district of the scenario (by id or name)`,
    );
    expect(err.at(-1)).toBe('1 call(s) imported, 1 row(s) skipped');
    expect(main(['validate', out])).toBe(0);
  });

  it('a header-only file exits 1 saying so, in the language asked', () => {
    const csv = file('header.csv', 'time,kind,district\n');
    const out = join(dir, 'header.json');
    expect(main(importArgs(csv, out, '--lang', 'zh'))).toBe(1);
    expect(err.slice(-3)).toEqual([
      `${csv}:2: 文件只有列名一行，下面没有来电记录`,
      '已导入 0 起来电，1 行跳过',
      '未导入任何来电，未写出情景',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('a file over the size limit is refused before it is read', () => {
    const csv = file('huge.csv', 'time,kind,district\n');
    truncateSync(csv, 2_362_232_013); // sparse: 2.2 GB on paper, nothing on disk
    expect(main(importArgs(csv, join(dir, 'huge.json')))).toBe(2);
    expect(err.join('\n')).toContain('the file has 2252.8 MB; a call file may have at most 256 MB');
  });

  it('a damaged workbook (even saved with a .csv name) is read as one, and said to be unreadable', async () => {
    const csv = file('calls.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]));
    expect(await main(importArgs(csv, join(dir, 'xlsx.json')))).toBe(1);
    expect(err.join('\n')).toContain('the Excel workbook cannot be read');
  });
});
