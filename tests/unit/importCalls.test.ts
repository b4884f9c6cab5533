import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/scenarios/decode.ts';
import {
  type CallImportProblem,
  CSV_LIMITS,
  importCalls,
  parseCsv,
  readCsv,
  secondsFromStart,
} from '../../src/scenarios/importCalls.ts';

/** Problems as said (line and message), without their grouping key. */
const bare = (problems: CallImportProblem[]) =>
  problems.map(({ line, message }) => ({ line, message }));

describe('CSV call history', () => {
  it('parses quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });

  it('converts local date-times to seconds from the scenario start', () => {
    expect(secondsFromStart('2026-07-06 01:00', '2026-07-06T00:00')).toBe(3600);
    expect(secondsFromStart('2026-07-07T00:00:30', '2026-07-06T00:00')).toBe(86_430);
    expect(secondsFromStart('90', '2026-07-06T00:00')).toBe(90);
    expect(secondsFromStart('yesterday', '2026-07-06T00:00')).toBeNaN();
  });

  it('maps columns and kind values, and reports bad rows by line without losing good ones', () => {
    const csv = [
      '\uFEFF接警时间,类型,经度,纬度',
      '2026-07-06 08:00,火灾,120.1,30.2',
      '2026-07-06 09:00,交通事故,120.2,30.3',
      'not a time,火灾,120.1,30.2',
      '2026-07-06 10:00,地震,120.1,30.2',
      '2026-07-06 11:00,火灾,abc,30.2',
    ].join('\n');
    const { incidents, problems } = importCalls(
      csv,
      {
        time: '接警时间',
        kind: '类型',
        lon: '经度',
        lat: '纬度',
        kindValues: { 火灾: 'fire', 交通事故: 'traffic' },
      },
      '2026-07-06T00:00',
      new Set(['fire', 'traffic']),
    );
    expect(incidents).toEqual([
      { time: 8 * 3600, kind: 'fire', location: [120.1, 30.2] },
      { time: 9 * 3600, kind: 'traffic', location: [120.2, 30.3] },
    ]);
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6]);
    expect(problems[1].message).toContain('地震');
  });

  it('refuses a mapping whose columns are missing, naming the columns it has', () => {
    const { problems } = importCalls(
      'time,kind\n1,fire',
      { time: 'time', kind: 'type', district: 'd' },
      '2026-07-06T00:00',
      new Set(['fire']),
    );
    expect(problems[0].message).toBe('no column "type" (columns: time, kind)');
  });

  it('speaks the page’s language when asked', () => {
    const { problems } = importCalls(
      'time,kind\n1,fire',
      { time: 'time', kind: 'type', district: 'd' },
      '2026-07-06T00:00',
      new Set(['fire']),
      'zh',
    );
    expect(problems.map((p) => p.message)).toEqual([
      '没有名为“type”的列（现有列：time, kind）',
      '请选择经度和纬度列、坐标点列，或辖区列',
    ]);
  });

  it('a row with a longitude but no latitude is refused, not put on the equator', () => {
    const { incidents, problems } = importCalls(
      'time,kind,lon,lat\n60,fire,121.5,\n',
      { time: 'time', kind: 'kind', lon: 'lon', lat: 'lat' },
      '2026-07-06T00:00',
      new Set(['fire']),
    );
    expect(incidents).toEqual([]);
    expect(bare(problems)).toEqual([
      { line: 2, message: '"121.5", "" is not a longitude, latitude' },
    ]);
  });
});

describe('CSV call history: what is imported is what the loader accepts', () => {
  const mapping = { time: 'time', kind: 'kind', lon: 'lon', lat: 'lat' };
  const start = '2026-07-06T00:00';
  const fire = new Set(['fire']);

  it('refuses impossible dates instead of shifting them (2026-07-32 is not 1 August)', () => {
    const csv = [
      'time,kind,lon,lat',
      '2026-07-32 08:00,fire,120,30',
      '2026-13-01 08:00,fire,120,30',
      '2027-02-29 08:00,fire,120,30',
      '2026-07-06 24:00,fire,120,30',
      '2026-07-06 08:60,fire,120,30',
      '2028-02-29 08:00,fire,120,30',
    ].join('\n');
    const { incidents, problems } = importCalls(csv, mapping, start, fire);
    expect(incidents.map((i) => i.time)).toEqual([
      (Date.UTC(2028, 1, 29, 8) - Date.UTC(2026, 6, 6)) / 1000,
    ]);
    expect(bare(problems)).toEqual([
      { line: 2, message: 'time "2026-07-32 08:00" is not a real date-time: July has 31 days' },
      { line: 3, message: 'time "2026-13-01 08:00" is not a real date-time: there is no month 13' },
      { line: 4, message: 'time "2027-02-29 08:00" is not a real date-time: February has 28 days' },
      {
        line: 5,
        message:
          'time "2026-07-06 24:00" is not a real date-time: hours go to 23, minutes and seconds to 59',
      },
      {
        line: 6,
        message:
          'time "2026-07-06 08:60" is not a real date-time: hours go to 23, minutes and seconds to 59',
      },
    ]);
    const zh = importCalls(csv, mapping, start, fire, 'zh').problems;
    expect(zh[0].message).toBe('时间“2026-07-32 08:00”不是真实存在的日期时间：7 月只有 31 天');
    expect(zh[1].message).toContain('没有 13 月');
  });

  it('gives the line a row starts on when a quoted field spans lines', () => {
    const csv = [
      'time,kind,lon,lat,note',
      '2026-07-06 08:00,fire,120,30,"caller said:',
      'smoke on the ""third"" floor',
      'second storey too"',
      'later,fire,120,30,',
      '2026-07-06 09:00,fire,120,30,"one line"',
      '2026-07-06 10:00,flood,120,30,',
    ].join('\r\n');
    const { rows } = readCsv(csv);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5, 6, 7]);
    expect(rows[1].cells[4]).toBe(
      'caller said:\r\nsmoke on the "third" floor\r\nsecond storey too',
    );
    const { incidents, problems } = importCalls(csv, mapping, start, fire);
    expect(incidents).toHaveLength(2);
    expect(problems.map((p) => p.line)).toEqual([5, 7]);
  });

  it('an unclosed quote is named at its row; the rows after it are still read', () => {
    const rest = Array.from({ length: 500 }, (_, i) => `${60 * (i + 1)},fire,120,30`);
    const csv = ['time,kind,lon,lat', '30,fire,"120,30', ...rest].join('\n');
    const { incidents, problems } = importCalls(csv, mapping, start, fire);
    expect(incidents).toHaveLength(500);
    expect(problems).toEqual([
      {
        line: 2,
        message:
          'a quote opened in this row is never closed (it would swallow 500 more line(s) to the end of the file): the row is skipped and reading goes on at the next line',
      },
    ]);
    // Stray quotes on many lines: every message stays short, however much text they pair up.
    const note = 'x'.repeat(10_000);
    const stray = ['time,kind,lon,lat', ...Array.from({ length: 51 }, () => `30,fire,"${note},30`)];
    const many = importCalls(stray.join('\n'), mapping, start, fire, 'zh').problems;
    expect(many.at(-1)).toEqual({ line: 52, message: '此行有一个引号没有闭合：此行跳过' });
    for (const problem of many) expect(problem.message.length).toBeLessThan(200);
  });

  it('a header without rows says so', () => {
    expect(importCalls('time,kind,lon,lat\n', mapping, start, fire).problems).toEqual([
      { line: 2, message: 'the file has a header line but no calls below it' },
    ]);
    expect(importCalls('', mapping, start, fire, 'zh').problems).toEqual([
      { line: 1, message: '文件为空' },
    ]);
  });

  it('districts are matched by id or name; an unknown or empty one is a problem, not an import', () => {
    const csv = 'time,kind,d\n60,fire,west\n120,fire,东区\n180,fire,north\n240,fire,\n';
    const { incidents, problems } = importCalls(
      csv,
      { time: 'time', kind: 'kind', district: 'd' },
      start,
      fire,
      {
        districts: [
          { id: 'west', name: '西区' },
          { id: 'east', name: '东区' },
        ],
      },
    );
    expect(incidents).toEqual([
      { time: 60, kind: 'fire', district: 'west' },
      { time: 120, kind: 'fire', district: 'east' },
    ]);
    expect(bare(problems)).toEqual([
      {
        line: 4,
        message: 'district "north" is not a district of the scenario (by id or name)',
      },
      { line: 5, message: 'the district is empty' },
    ]);
  });

  it('bounds the rows, the columns and what the scenario already lists', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const wide = readCsv(`${header}\n${header}\n`, 'zh');
    expect(wide.rows).toEqual([]);
    expect(wide.problems).toEqual([
      { line: 1, message: '列名行有 100,000 列，来电记录文件最多 1,000 列（这是来电记录吗？）' },
    ]);

    const rows = CSV_LIMITS.rows + 1;
    const long = readCsv(`t,k\n${'1,f\n'.repeat(rows)}`);
    expect(long.rows.length - 1).toBe(CSV_LIMITS.rows);
    expect(long.problems).toEqual([
      {
        line: CSV_LIMITS.rows + 2,
        message:
          'more than 2,000,000 calls: a scenario holds at most 2,000,000 listed incidents; the rest of the file was not read',
      },
    ]);

    const { incidents, problems } = importCalls(
      'time,kind,lon,lat\n1,fire,1,1\n',
      mapping,
      start,
      fire,
      {
        existing: CSV_LIMITS.rows,
      },
    );
    expect(incidents).toEqual([]);
    expect(problems[0].message).toContain('lists 2,000,000 incidents already');
  });
});

describe('a file that is not text', () => {
  it('is named for what it is, in both languages, never decoded as GBK garbage', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const xlsx = decodeText(zip);
    expect(xlsx).toMatchObject({ ok: false, encoding: 'binary' });
    if (!xlsx.ok) expect(xlsx.message).toContain('an Excel workbook (.xlsx)');
    const png = decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'zh');
    if (!png.ok)
      expect(png.message).toBe(
        '这不是文本文件（PNG 图片）：请把数据另存为文本，如 UTF-8 编码的 CSV 或 JSON',
      );
    expect(png.ok).toBe(false);
    // Unknown binary: control bytes throughout (seeded, not random: a fixed pattern).
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const other = decodeText(bytes);
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.message).toMatch(/^this is not a text file/);
    // Text with one stray control character is still text: the reader names where it is.
    expect(decodeText(new TextEncoder().encode('time,kind\n1,\u0001fire\n')).ok).toBe(true);
  });
});
