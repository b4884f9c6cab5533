/**
 * Call times as real exports write them: US month/day/year with AM/PM, year-first with slashes,
 * ISO with a T, Chinese dates; day/month order detected from the file or given.
 */
import { describe, expect, it } from 'vitest';
import { importCalls, secondsFromStart } from '../../src/scenarios/importCalls.ts';
import type { TimeFormat } from '../../src/scenarios/callTimes.ts';

const START = '2016-12-31T00:00';
const at = (h: number, m: number, s = 0) => h * 3600 + m * 60 + s;
const kinds = new Set(['fire']);
const one = (time: string, timeFormat?: TimeFormat, language?: 'en' | 'zh') =>
  importCalls(
    `time,kind,lon,lat\n"${time}",fire,120.1,30.2\n`,
    { time: 'time', kind: 'kind', lon: 'lon', lat: 'lat', timeFormat },
    START,
    kinds,
    { language },
  );

describe('call times in the formats exports use', () => {
  it.each([
    ['12/31/2016 11:57:56 PM', at(23, 57, 56)],
    ['12/31/2016 12:05:00 AM', at(0, 5)],
    ['12/31/2016 12:05 PM', at(12, 5)],
    ['2016/12/31 23:57:56', at(23, 57, 56)],
    ['2016-12-31T23:57:56', at(23, 57, 56)],
    ['2016-12-31T23:57:56.250', at(23, 57, 56)],
    ['2016.12.31 08:01', at(8, 1)],
    ['2016年12月31日 23时57分', at(23, 57)],
    ['2016年12月31日 23时57分56秒', at(23, 57, 56)],
    ['2016年12月31日 下午3:05', at(15, 5)],
  ])('reads %s', (text, seconds) => {
    const { incidents, problems } = one(text);
    expect(problems).toEqual([]);
    expect(incidents[0].time).toBe(seconds);
  });

  it('detects day/month from a day over 12, and month/day from the other side', () => {
    const csv = (rows: string[]) =>
      ['time,kind,lon,lat', ...rows.map((r) => `${r},fire,120.1,30.2`)].join('\n');
    const mapping = { time: 'time', kind: 'kind', lon: 'lon', lat: 'lat' };
    const dmy = importCalls(csv(['01/02/2017 10:00', '31/12/2016 10:00']), mapping, START, kinds);
    expect(dmy.times).toMatchObject({ order: 'dmy', detected: true });
    expect(dmy.incidents.map((i) => i.time)).toEqual([32 * 86_400 + at(10, 0), at(10, 0)]);
    const mdy = importCalls(csv(['01/02/2017 10:00', '12/31/2016 10:00']), mapping, START, kinds);
    expect(mdy.times).toMatchObject({ order: 'mdy', detected: true });
    expect(mdy.incidents.map((i) => i.time)).toEqual([2 * 86_400 + at(10, 0), at(10, 0)]);
  });

  it('an undecidable order asks for the format; given, it is used', () => {
    const undecided = one('01/02/2017 10:00');
    expect(undecided.times.order).toBe('undecided');
    expect(undecided.incidents).toEqual([]);
    expect(undecided.problems[0].message).toContain('give the time format (mdy or dmy)');
    expect(one('01/02/2017 10:00', 'dmy').incidents[0].time).toBe(32 * 86_400 + at(10, 0));
    expect(one('01/02/2017 10:00', 'mdy').incidents[0].time).toBe(2 * 86_400 + at(10, 0));
    expect(one('01/02/2017 10:00', 'ymd').problems[0].message).toContain('is not a date-time');
  });

  it('refuses impossible times and names why, in the language asked', () => {
    expect(one('13/13/2016 10:00', 'mdy').problems[0].message).toContain('there is no month 13');
    expect(one('02/30/2017 10:00 PM').problems[0].message).toContain('February has 28 days');
    expect(one('12/31/2016 13:00 PM').problems[0].message).toContain('from 1 to 12');
    expect(one('2016年12月31日 25时00分', undefined, 'zh').problems[0].message).toBe(
      '时间“2016年12月31日 25时00分”不是真实存在的日期时间：小时最大为 23，分钟和秒最大为 59',
    );
    expect(one('31/12/16 10:00').problems[0].message).toContain('is not a date-time');
  });

  it('secondsFromStart keeps reading ISO and seconds', () => {
    expect(secondsFromStart('12/31/2016 11:57:56 PM', START)).toBe(at(23, 57, 56));
    expect(secondsFromStart('90', START)).toBe(90);
  });
});
