/**
 * Call times written as numbers: Excel serial dates (1900 system, with its 29 February 1900),
 * Unix seconds and milliseconds on the scenario's clock; detected from the column, or given.
 */
import { describe, expect, it } from 'vitest';
import { importCalls } from '../../src/scenarios/importCalls.ts';
import { detectNumericClock, excelSerialMs, zoneClock } from '../../src/scenarios/callClock.ts';
import type { TimeFormat } from '../../src/scenarios/callTimes.ts';

const START = '2016-12-31T00:00';
const kinds = new Set(['fire']);
const csv = (times: string[]) =>
  ['time,kind,lon,lat', ...times.map((t) => `${t},fire,120.1,30.2`)].join('\n');
const mapping = (timeFormat?: TimeFormat) => ({
  time: 'time',
  kind: 'kind',
  lon: 'lon',
  lat: 'lat',
  timeFormat,
});
const iso = (ms: number | 'leap' | null) =>
  typeof ms === 'number' ? new Date(ms).toISOString() : ms;

describe('Excel serial dates', () => {
  it('reads the 1900 system: serial 1 is 1 January 1900, 61 is 1 March, fractions are the time', () => {
    expect(iso(excelSerialMs(1))).toBe('1900-01-01T00:00:00.000Z');
    expect(iso(excelSerialMs(59))).toBe('1900-02-28T00:00:00.000Z');
    expect(excelSerialMs(60)).toBe('leap');
    expect(iso(excelSerialMs(61))).toBe('1900-03-01T00:00:00.000Z');
    // 2016-12-31 23:57:56 as Excel stores it (a float that is not exact).
    expect(iso(excelSerialMs(42735.99856481481))).toBe('2016-12-31T23:57:56.000Z');
    expect(iso(excelSerialMs(43831.5))).toBe('2020-01-01T12:00:00.000Z');
    expect(excelSerialMs(0)).toBeNull();
  });

  it('is detected from a column of fractional serials, and the calls are placed on the clock', () => {
    const r = importCalls(csv(['42735.99856481481', '42736.25']), mapping(), START, kinds);
    expect(r.problems).toEqual([]);
    expect(r.times).toEqual({ order: 'ymd', detected: true, clock: 'excel' });
    expect(r.incidents.map((i) => i.time)).toEqual([86_276, 86_400 + 6 * 3600]);
  });

  it("refuses Excel's 29 February 1900 when told the column is Excel serials", () => {
    const r = importCalls(csv(['60.5']), mapping('excel'), '1900-01-01T00:00', kinds);
    expect(r.problems[0].message).toMatch(/29 February 1900/);
    const zh = importCalls(csv(['60.5']), mapping('excel'), '1900-01-01T00:00', kinds, {
      language: 'zh',
    });
    expect(zh.problems[0].message).toMatch(/1900 年 2 月 29 日/);
  });
});

describe('Unix times', () => {
  it('detects seconds and milliseconds by size and shows them on the scenario clock', () => {
    // 2016-12-31T16:00:00Z is 2017-01-01 00:00 in Shanghai.
    const s = importCalls(csv(['1483200000', '1483200060']), mapping(), START, kinds);
    expect(s.times.clock).toBe('unix');
    expect(s.incidents.map((i) => i.time)).toEqual([86_400, 86_460]);
    const ms = importCalls(csv(['1483200000500']), mapping(), START, kinds);
    expect(ms.times.clock).toBe('unix-ms');
    expect(ms.incidents[0].time).toBe(86_400.5);
  });

  it('uses the time zone given (with its summer time)', () => {
    const r = importCalls(csv(['1483200000']), mapping(), START, kinds, {
      timeZone: 'America/Los_Angeles',
    });
    // 16:00 UTC is 08:00 in Los Angeles in December.
    expect(r.incidents[0].time).toBe(8 * 3600);
    const la = zoneClock('America/Los_Angeles');
    expect(new Date(la(Date.UTC(2016, 6, 1, 16))).toISOString()).toBe('2016-07-01T09:00:00.000Z');
  });

  it('names the bad value and the clock when a cell is not a number', () => {
    const r = importCalls(csv(['1483200000', 'soon']), mapping('unix'), START, kinds);
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 3, message: 'time "soon" is not a number (Unix seconds)' }),
    ]);
  });
});

describe('detecting a numeric clock', () => {
  it('keeps seconds from the start for small or whole numbers, and dates for text', () => {
    expect(detectNumericClock(['0', '3600', '7200'])).toBe('seconds');
    expect(detectNumericClock(['42735', '42736'])).toBe('seconds');
    expect(detectNumericClock(['2016-12-31 10:00'])).toBeNull();
    const r = importCalls(csv(['60', '3600']), mapping(), START, kinds);
    expect(r.times.clock).toBe('date');
    expect(r.incidents.map((i) => i.time)).toEqual([60, 3600]);
  });

  it('lets the format be given: whole serials read as Excel dates', () => {
    const r = importCalls(csv(['42736']), mapping('excel'), START, kinds);
    expect(r.incidents[0].time).toBe(86_400);
    expect(r.times).toEqual({ order: 'ymd', detected: false, clock: 'excel' });
  });
});
