/** `--lang zh` reaches every line of an import: per-row problems, groups, counts and the summary. */
import { mkdtempSync, writeFileSync } from 'node:fs';
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

describe('sim import-calls --lang zh', () => {
  it('says every per-row problem, the detected format and the summary in Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-zh-'));
    const scenario = join(dir, 'line.json');
    writeFileSync(scenario, JSON.stringify(lineScenario()));
    const csv = join(dir, 'calls.csv');
    writeFileSync(
      csv,
      [
        '编号,时间,类型,坐标',
        'A1,07/06/2026 08:15:00 AM,火灾,"(0.05, 0.01)"',
        'A1,07/06/2026 08:20:00 AM,火灾,"(0.05, 0.01)"',
        'A2,07/06/2026 13:00:00 PM,地震,"nowhere"',
        'A3,07/20/2026 09:00:00 AM,地震,"(0.05, 0.12)"',
      ].join('\n'),
    );
    const code = main([
      'import-calls',
      csv,
      '--scenario',
      scenario,
      '--time',
      '时间',
      '--kind',
      '类型',
      '--point',
      '坐标',
      '--point-order',
      'latlon',
      '--group-by',
      '编号',
      '--kind-map',
      '火灾=fire',
      '--out',
      join(dir, 'out.json'),
      '--lang',
      'zh',
    ]);
    expect(code).toBe(0);
    expect(err).toEqual([
      '已按 UTF-8 编码读取',
      `${csv}:4: 时间“07/06/2026 13:00:00 PM”不是真实存在的日期时间：带上午/下午（AM/PM）时，小时为 1 至 12`,
      `${csv}:4,5: 类型“地震”不是本情景的事件类型（请在类型对应中选择）（共 2 行）`,
      `${csv}:4: “nowhere”不是有效的坐标点：应为 (纬度, 经度)、经度 纬度 或 POINT (经度 纬度)，经度在 ±180、纬度在 ±90 以内`,
      '日期按“月/日/年”读取（自动判断）',
      '类型列中未对应到事件类型的值：“地震”（2 行）',
      '已导入 1 起来电（1 行按“编号”并入同一事件），2 行跳过',
    ]);
  });
});
