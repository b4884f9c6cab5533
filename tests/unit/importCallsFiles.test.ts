/**
 * Call files as exported: GBK CSV (detected or told), UTF-8 with a BOM, an .xlsx workbook whose
 * dates arrive as dates or as serial numbers; the kind from two columns; the columns' types
 * detected and used by the CLI where an option is left out.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { decodeCalls, readCallFile } from '../../src/scenarios/callFile.ts';
import { detectColumns, suggestMapping } from '../../src/scenarios/callColumns.ts';
import { importRows } from '../../src/scenarios/importCalls.ts';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);
const bytes = (name: string) => new Uint8Array(readFileSync(fixture(name)));

let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('encodings', () => {
  it('detects GBK (what Excel on Chinese Windows writes) and reads its Chinese intact', async () => {
    const file = await readCallFile(bytes('calls-gbk-us-dates.csv'));
    expect(file.ok && file.encoding).toBe('GB18030 (GBK)');
    expect(file.ok && file.parsed.rows[0].cells).toEqual([
      '警情编号',
      '接警时间',
      '案件类型',
      '案件子类',
      '辖区',
      '处警单位',
    ]);
  });

  it('reads UTF-8 with and without a BOM, and refuses GBK read as UTF-8 when told so', () => {
    const text = '时间,类型\n2026-07-06 08:00,火灾\n';
    const utf8 = new TextEncoder().encode(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeCalls(utf8, 'auto', 'en')).toEqual({ ok: true, text, encoding: 'UTF-8' });
    expect(decodeCalls(bom, 'auto', 'en')).toEqual({ ok: true, text, encoding: 'UTF-8 with BOM' });
    expect(decodeCalls(bom, 'utf8', 'en')).toEqual({ ok: true, text, encoding: 'UTF-8 with BOM' });
    const gbk = decodeCalls(bytes('calls-gbk-us-dates.csv'), 'utf8', 'zh');
    expect(gbk).toEqual({ ok: false, message: expect.stringContaining('无法按 UTF-8 编码读取') });
    expect(decodeCalls(bytes('calls-gbk-us-dates.csv'), 'gbk', 'en').ok).toBe(true);
  });
});

describe('.xlsx workbooks', () => {
  it('reads the first sheet: date cells as dates, General cells as the serial numbers they are', async () => {
    const file = await readCallFile(bytes('calls-serial-dates.xlsx'));
    expect(file.ok && file.format).toBe('xlsx');
    if (!file.ok) return;
    expect(file.parsed.rows[1]).toEqual({
      line: 2,
      cells: ['2024-07-01 08:15:30', '45474.34409722222', '火灾', '120.155', '30.274', 'JQ001'],
    });
    const kinds = new Set(['fire', 'medical', 'trafficAccident']);
    const kindValues = { 火灾: 'fire', 医疗救护: 'medical', 交通事故: 'trafficAccident' };
    const place = { kind: '案件类型', lon: '经度', lat: '纬度', groupBy: '警情编号', kindValues };
    const byDate = importRows(
      file.parsed,
      { time: '接警时间', ...place },
      '2024-07-01T00:00',
      kinds,
    );
    const bySerial = importRows(
      file.parsed,
      { time: '序列时间', ...place },
      '2024-07-01T00:00',
      kinds,
    );
    expect(bySerial.times.clock).toBe('excel');
    expect(byDate.problems).toEqual([]);
    const seconds = [8 * 3600 + 15 * 60 + 30, 9 * 3600 + 2 * 60, 86_399];
    expect(byDate.incidents.map((i) => i.time)).toEqual(seconds);
    expect(bySerial.incidents.map((i) => i.time)).toEqual(seconds);
    expect(byDate.groupedRows).toBe(1);
  });

  it('a damaged workbook is named as one, in the language asked', async () => {
    const file = await readCallFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), {
      language: 'zh',
    });
    expect(file).toEqual({
      ok: false,
      message: expect.stringContaining('无法读取此 Excel 工作簿'),
    });
  });
});

describe('detected column types', () => {
  it('tells time (and its format), kind, district and incident number in a GBK export', async () => {
    const file = await readCallFile(bytes('calls-gbk-us-dates.csv'));
    if (!file.ok) throw new Error(file.message);
    const districts = [
      { id: 'lincheng', name: '临城区' },
      { id: 'donghu', name: '东湖区' },
    ];
    const columns = detectColumns(file.parsed.rows, districts);
    expect(columns.map((c) => [c.name, c.type, c.timeFormat])).toEqual([
      ['警情编号', 'incidentNumber', undefined],
      ['接警时间', 'time', 'mdy'],
      ['案件类型', 'kind', undefined],
      ['案件子类', 'text', undefined],
      ['辖区', 'district', undefined],
      ['处警单位', 'text', undefined],
    ]);
    expect(suggestMapping(columns)).toEqual({
      time: '接警时间',
      kind: '案件类型',
      district: '辖区',
      incidentNumber: '警情编号',
    });
  });

  it('tells Unix seconds, longitude and latitude by their values', async () => {
    const file = await readCallFile(bytes('calls-unix-seconds.csv'));
    if (!file.ok) throw new Error(file.message);
    const types = detectColumns(file.parsed.rows).map((c) => [c.type, c.timeFormat]);
    expect(types).toEqual([
      ['text', undefined],
      ['time', 'unix'],
      ['kind', undefined],
      ['lon', undefined],
      ['lat', undefined],
    ]);
  });
});

describe('sim import-calls on real export shapes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drill-files-'));

  it('a GBK export with US dates, one row per unit, the kind from two columns and a map file', () => {
    const out = join(dir, 'gbk.json');
    const code = main([
      'import-calls',
      fixture('calls-gbk-us-dates.csv'),
      '--scenario',
      'default-city',
      '--kind',
      '案件类型,案件子类',
      '--kind-map-file',
      fixture('calls-gbk-kind-map.csv'),
      '--group-by',
      '警情编号',
      '--lang',
      'zh',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(err).toContain('时间：“接警时间”列（自动判断；用 --time 可另选）');
    expect(err).toContain('辖区：“辖区”列（自动判断；用 --district 可另选）');
    expect(err).toContain('已按 GB18030 (GBK) 编码读取');
    expect(err).toContain('日期按“月/日/年”读取（自动判断）');
    expect(err.at(-1)).toBe('已导入 8 起来电（4 行按“警情编号”并入同一事件），0 行跳过');
    const incidents = JSON.parse(readFileSync(out, 'utf8')).arrivals.incidents;
    expect(incidents[0]).toEqual({
      time: 8 * 3600 + 15 * 60 + 30,
      kind: 'fire',
      district: 'lincheng',
    });
    expect(incidents.map((i: { kind: string }) => i.kind)).toEqual([
      'fire',
      'medical',
      'trafficAccident',
      'elevator',
      'drowning',
      'assistance',
      'forestFire',
      'medical',
    ]);
  });

  it('an .xlsx workbook with the run fitted to its day, every column detected', async () => {
    const out = join(dir, 'xlsx.json');
    const code = await main([
      'import-calls',
      fixture('calls-serial-dates.xlsx'),
      '--scenario',
      'default-city',
      '--kind-map',
      '火灾=fire,医疗救护=medical,交通事故=trafficAccident',
      '--group-by',
      '警情编号',
      '--fit-run',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(err).toContain('read as an Excel workbook (first sheet)');
    expect(err).toContain('time: column "接警时间" (detected; --time to choose another)');
    const scenario = JSON.parse(readFileSync(out, 'utf8'));
    // A day's warm-up before the first call's hour (08:00 on 1 July 2024).
    expect(scenario.start).toBe('2024-06-30T08:00');
    expect(scenario.arrivals.incidents.length).toBeGreaterThanOrEqual(3);
  });

  it('--encoding names a wrong choice, --time-format a value it does not know', () => {
    const csv = fixture('calls-gbk-us-dates.csv');
    const args = ['import-calls', csv, '--scenario', 'default-city', '--out', join(dir, 'x.json')];
    expect(main([...args, '--encoding', 'utf8'])).toBe(2);
    expect(err.join('\n')).toContain('the file cannot be read as UTF-8');
    expect(main([...args, '--encoding', 'latin1'])).toBe(2);
    expect(err.join('\n')).toContain('--encoding is one of auto, utf8, gbk');
    writeFileSync(join(dir, 'unused'), '');
  });
});
