/** Clock time and durations of the replay, in the page's locale. */

export interface ReplayClock {
  /** Day of the run (1 = the start's date) and the local date and time. */
  long(t: number): { day: number; text: string };
  /** Day of the run and the local time of day (HH:MM:SS), for log rows. */
  short(t: number): { day: number; text: string };
}

/**
 * Formats simulated times as the scenario's local clock: the start is a local date and time, so
 * the clock is that date plus t (exact for zones without daylight saving, such as Asia/Shanghai),
 * formatted as if in UTC so the browser's own zone plays no part.
 */
export function makeClock(startLocal: string, locale: string): ReplayClock {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(startLocal);
  const [year, month, day, hour, minute, second] = match
    ? match.slice(1).map((part) => Number(part ?? 0))
    : [2026, 1, 1, 0, 0, 0];
  const startMs = Date.UTC(year, month - 1, day, hour, minute, second || 0);
  const firstDayMs = Date.UTC(year, month - 1, day);
  const { longFormat, timeFormat } = formatsOf(locale);
  const at = (t: number) => startMs + Math.floor(t) * 1000;
  const dayOf = (t: number) => Math.floor((at(t) - firstDayMs) / 86_400_000) + 1;
  return {
    long: (t) => ({ day: dayOf(t), text: longFormat.format(at(t)) }),
    short: (t) => ({ day: dayOf(t), text: timeFormat.format(at(t)) }),
  };
}

/** Seconds as minutes with one decimal, in the locale. */
export function minutesText(seconds: number, locale: string): string {
  if (!Number.isFinite(seconds)) return '—';
  return formatsOf(locale).minutes.format(seconds / 60);
}

/** A count or amount with at most two decimals, in the locale. */
export function amountText(value: number, locale: string): string {
  return formatsOf(locale).amount.format(value);
}

interface LocaleFormats {
  longFormat: Intl.DateTimeFormat;
  timeFormat: Intl.DateTimeFormat;
  minutes: Intl.NumberFormat;
  amount: Intl.NumberFormat;
}

/**
 * Formatters by locale, made once: making an Intl formatter costs about a hundred times more
 * than using one, and a long run's log formats hundreds of thousands of values.
 */
const formatsByLocale = new Map<string, LocaleFormats>();

function formatsOf(locale: string): LocaleFormats {
  let formats = formatsByLocale.get(locale);
  if (!formats) {
    const clock = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
    formats = {
      longFormat: new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        month: 'short',
        day: 'numeric',
        weekday: 'short',
        ...clock,
        hourCycle: 'h23',
      }),
      timeFormat: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...clock, hourCycle: 'h23' }),
      minutes: new Intl.NumberFormat(locale, {
        maximumFractionDigits: 1,
        minimumFractionDigits: 1,
      }),
      amount: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    };
    formatsByLocale.set(locale, formats);
  }
  return formats;
}

/** Seeds as runs of consecutive numbers: 1–200, or 1–3, 7, 9–10; a long run stays one line. */
export function seedRanges(seeds: readonly number[]): string {
  const sorted = [...new Set(seeds)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
