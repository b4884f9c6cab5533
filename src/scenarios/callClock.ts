/**
 * Call times written as numbers: Excel serial dates (days since 1900-01-00 on the local clock,
 * the time of day as the fraction; Excel's 1900 system counts a 29 February 1900 that never was,
 * so serials from 61 on are one day ahead of the calendar), Unix seconds or milliseconds (an
 * instant, shown on the scenario's local clock in its time zone), or seconds from the scenario
 * start. Which one a column holds is detected from its values, or given.
 */

/** How a numeric time column is read. */
export type NumericClock = 'excel' | 'unix' | 'unix-ms' | 'seconds';
export const NUMERIC_CLOCKS: readonly NumericClock[] = ['excel', 'unix', 'unix-ms', 'seconds'];

const DAY_MS = 86_400_000;
/** Serials taken for dates when detecting: 1950-01-01 to 2099-12-31. */
const EXCEL_DETECT = { from: 18_264, to: 73_050 } as const;
/** Unix seconds taken for dates when detecting: from March 1973 (no run is that long) on. */
const UNIX_S_FROM = 1e8;
/** Unix milliseconds: from March 1973 on, before the year 5138. */
const UNIX_MS = { from: 1e11, to: 1e14 } as const;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * The clock of a column whose every non-blank value is a plain number (null if one is not):
 * Unix milliseconds or seconds by their size, Excel serials when all fall in 1950–2099 and some
 * have a time of day (a fraction), else seconds from the start.
 */
export function detectNumericClock(values: Iterable<string>): NumericClock | null {
  let min = Infinity;
  let max = -Infinity;
  let fractions = false;
  let seen = false;
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    if (!NUMBER.test(value)) return null;
    const n = Number(value);
    seen = true;
    if (n < min) min = n;
    if (n > max) max = n;
    if (!Number.isInteger(n)) fractions = true;
  }
  if (!seen) return null;
  if (min >= UNIX_MS.from && max < UNIX_MS.to) return 'unix-ms';
  if (min >= UNIX_S_FROM && max < UNIX_MS.from) return 'unix';
  if (fractions && min >= EXCEL_DETECT.from && max <= EXCEL_DETECT.to) return 'excel';
  return 'seconds';
}

/**
 * Local clock milliseconds (as if UTC) of an Excel serial in the 1900 date system, rounded to
 * the second as Excel shows it; 'leap' for serial 60, Excel's 29 February 1900, which no
 * calendar has; null below 1 (day 0 is no date).
 */
export function excelSerialMs(serial: number): number | 'leap' | null {
  if (!(serial >= 1)) return null;
  const day = Math.floor(serial);
  if (day === 60) return 'leap';
  // Serial 1 is 1900-01-01; from 61 (1 March 1900) on, one day less for the day that never was.
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return Math.round((epoch + serial * DAY_MS) / 1000) * 1000;
}

/**
 * A converter of instants (Unix milliseconds) to the clock of an IANA time zone, as local clock
 * milliseconds (as if UTC). Offsets are looked up once per hour of the instants and kept.
 */
export function zoneClock(timeZone: string): (instantMs: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hourCycle: 'h23' });
  }
  const offsets = new Map<number, number>();
  const offsetAt = (hourMs: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(hourMs))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    if (parts.year === undefined) return 0;
    const local = Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
    );
    return local - hourMs;
  };
  return (instant) => {
    // Offsets change on the hour or half-hour; a quarter-hour bucket is exact for every zone.
    const bucket = Math.floor(instant / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = offsetAt(bucket * 900_000);
      offsets.set(bucket, offset);
    }
    return instant + offset;
  };
}
