import { describe, expect, it } from 'vitest';
import { importCalls, parseCsv, secondsFromStart } from '../../src/scenarios/importCalls.ts';

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
      '请选择经度和纬度列，或辖区列',
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
    expect(problems).toEqual([{ line: 2, message: '"121.5", "" is not a longitude, latitude' }]);
  });
});
