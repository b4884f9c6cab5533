/**
 * Call times as dispatch systems export them: ISO (2016-12-31T23:57:56), year first with
 * slashes or dots (2016/12/31 23:57:56), US month/day/year with AM/PM (12/31/2016 11:57:56 PM),
 * day/month/year (31/12/2016 23:57), Chinese (2016年12月31日 23时57分), or seconds from the
 * scenario start. Where the year comes last, the day/month order is the format's (given, or
 * detected from the file: a first number over 12 is a day, a second one over 12 is a day).
 */
import type { CallText } from './callImportText.ts';
import type { NumericClock } from './callClock.ts';

/**
 * How call times are read: `auto` detects it from the column; `ymd`, `mdy`, `dmy` are dates
 * (year first, or the year last with month/day or day/month); `excel` serial days, `unix`
 * seconds, `unix-ms` milliseconds, `seconds` from the scenario start (see `callClock.ts`).
 */
export type TimeFormat = 'auto' | 'ymd' | 'mdy' | 'dmy' | NumericClock;
export const TIME_FORMATS: readonly TimeFormat[] = [
  'auto',
  'ymd',
  'mdy',
  'dmy',
  'excel',
  'unix',
  'unix-ms',
  'seconds',
];

/** Day/month order found in a file: decided, or not decidable (every number ≤ 12), or no such dates. */
export type DetectedOrder = 'mdy' | 'dmy' | 'undecided' | 'none';

const PARTS =
  /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T]+|\s*T?)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

/** Chinese date and time words, and 上午/下午 before the time, rewritten as digits and separators. */
function normalise(value: string): string {
  let text = value.trim();
  if (!/[年月日号时点分秒午]/.test(text)) return text;
  let meridiem = '';
  text = text.replace(/\s*(上午|下午)\s*/, (_, word: string) => {
    meridiem = word === '上午' ? ' AM' : ' PM';
    return ' ';
  });
  text = text
    .replace(/(\d)\s*年\s*/, '$1-')
    .replace(/(\d)\s*月\s*/, '$1-')
    .replace(/(\d)\s*[日号]\s*/, '$1 ')
    .replace(/(\d)\s*[时点]\s*/, '$1:')
    .replace(/(\d)\s*分\s*(?=\d)/, '$1:')
    .replace(/(\d)\s*[分秒]\s*$/, '$1')
    .replace(/:$/, ':00');
  return text.trim() + meridiem;
}

interface Fields {
  a: number;
  b: number;
  c: number;
  yearFirst: boolean;
  hour: number;
  minute: number;
  second: number;
  meridiem: string;
}

function fields(value: string): Fields | null {
  const m = PARTS.exec(normalise(value));
  if (!m) return null;
  const yearFirst = m[1].length === 4;
  if (!yearFirst && m[3].length !== 4) return null; // two-digit years are not guessed
  return {
    a: +m[1],
    b: +m[2],
    c: +m[3],
    yearFirst,
    hour: +m[4],
    minute: +m[5],
    second: +(m[6] ?? 0),
    meridiem: (m[7] ?? '').toLowerCase().replace(/\./g, ''),
  };
}

/** Whether a value is written as a date-time of one of the forms read (not checked to exist). */
export function looksLikeDate(value: string): boolean {
  return fields(value) !== null;
}

/** The day/month order of the year-last dates among `values` (a sample or the whole column). */
export function detectOrder(values: Iterable<string>): DetectedOrder {
  let seen = false;
  let firstIsDay = false;
  let secondIsDay = false;
  for (const value of values) {
    const f = fields(value);
    if (!f || f.yearFirst) continue;
    seen = true;
    if (f.a > 12) firstIsDay = true;
    if (f.b > 12) secondIsDay = true;
  }
  if (!seen) return 'none';
  if (firstIsDay === secondIsDay) return 'undecided';
  return firstIsDay ? 'dmy' : 'mdy';
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A read time: local clock milliseconds (as if UTC), or seconds from the start; or why not. */
export type ReadTime =
  { ok: true; ms: number } | { ok: true; seconds: number } | { ok: false; message: string };

/**
 * Reads one call time. `order` is how a year-last date is read ('ymd' refuses them; 'undecided'
 * asks for the format). Impossible dates are refused (2016-02-30 is not 1 March).
 */
export function readTime(
  value: string,
  order: 'ymd' | 'mdy' | 'dmy' | 'undecided',
  t: CallText,
  show: (value: string) => string,
): ReadTime {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return { ok: true, seconds: Number(trimmed) };
  const f = fields(trimmed);
  if (!f || (!f.yearFirst && order === 'ymd'))
    return { ok: false, message: t.badTime(show(value)) };
  if (!f.yearFirst && order === 'undecided')
    return { ok: false, message: t.undecidedOrder(show(value)) };
  const [year, month, day] = f.yearFirst
    ? [f.a, f.b, f.c]
    : order === 'dmy'
      ? [f.c, f.b, f.a]
      : [f.c, f.a, f.b];
  let hour = f.hour;
  const why = (reason: string) => ({
    ok: false as const,
    message: t.noSuchDate(show(value), reason),
  });
  if (month < 1 || month > 12) return why(t.monthRange(month));
  if (day < 1 || day > daysIn(year, month)) return why(t.dayRange(month, daysIn(year, month)));
  if (f.meridiem) {
    if (hour < 1 || hour > 12) return why(t.meridiemRange());
    hour = (hour % 12) + (f.meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || f.minute > 59 || f.second > 59) return why(t.clockRange());
  return { ok: true, ms: Date.UTC(year, month - 1, day, hour, f.minute, f.second) };
}

/** The scenario start (YYYY-MM-DDTHH:MM[:SS]) as local clock milliseconds. */
export function startMs(startLocal: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(startLocal);
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
}

/** Local clock milliseconds as the scenario's start format (YYYY-MM-DDTHH:MM[:SS]). */
export function localText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
}
