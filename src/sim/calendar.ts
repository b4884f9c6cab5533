/**
 * Local clock time from simulated seconds. The scenario's start is a local date and time, so
 * hour of day and day of week follow from arithmetic alone (no wall clock, no time-zone
 * database). Time zones without daylight saving, such as Asia/Shanghai, are exact.
 */
import type { DutySchedule } from '../scenarios/schema.ts';

export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

export class Calendar {
  /** Seconds since Monday 00:00 local at simulated time 0. */
  readonly startWeekSecond: number;
  /** Milliseconds of the local start as if it were UTC, for formatting. */
  private readonly startLocalMs: number;

  constructor(startLocal: string) {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(startLocal);
    if (!match) throw new RangeError(`start must be YYYY-MM-DDTHH:MM, got "${startLocal}"`);
    const [, year, month, day, hour, minute, second] = match.map(Number);
    this.startLocalMs = Date.UTC(year, month - 1, day, hour, minute, second || 0);
    const isoDay = ((new Date(this.startLocalMs).getUTCDay() + 6) % 7) + 1; // 1 = Monday
    this.startWeekSecond =
      (isoDay - 1) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + (second || 0);
  }

  weekSecond(time: number): number {
    return (this.startWeekSecond + time) % SECONDS_PER_WEEK;
  }

  /** Hour of the day, 0–23. */
  hourOfDay(time: number): number {
    return Math.floor((this.weekSecond(time) % SECONDS_PER_DAY) / 3600);
  }

  /** Hour of the week, 0 (Monday 00:00–01:00) to 167. */
  hourOfWeek(time: number): number {
    return Math.floor(this.weekSecond(time) / 3600);
  }

  /** Simulated time at which the next whole local hour starts. */
  nextHourStart(time: number): number {
    return time + 3600 - (this.weekSecond(time) % 3600);
  }

  /** Local date and time as YYYY-MM-DD HH:MM:SS. */
  format(time: number): string {
    return new Date(this.startLocalMs + Math.round(time * 1000))
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
  }
}

/** A duty schedule as sorted on-duty intervals of the week, in seconds since Monday 00:00. */
export class WeeklyDuty {
  readonly always: boolean;
  private readonly intervals: Array<[number, number]>;

  constructor(schedule: DutySchedule) {
    this.always = schedule.type === 'always';
    const intervals: Array<[number, number]> = [];
    if (schedule.type === 'weekly') {
      for (const window of schedule.windows) {
        const from = clockSeconds(window.from);
        let to = clockSeconds(window.to);
        if (to <= from) to += SECONDS_PER_DAY;
        for (const day of window.days) {
          const start = (day - 1) * SECONDS_PER_DAY + from;
          const end = (day - 1) * SECONDS_PER_DAY + to;
          if (end <= SECONDS_PER_WEEK) intervals.push([start, end]);
          else intervals.push([start, SECONDS_PER_WEEK], [0, end - SECONDS_PER_WEEK]);
        }
      }
    }
    this.intervals = intervals.sort((a, b) => a[0] - b[0]);
  }

  onDuty(weekSecond: number): boolean {
    if (this.always) return true;
    for (const [start, end] of this.intervals) {
      if (weekSecond >= start && weekSecond < end) return true;
    }
    return false;
  }

  /**
   * The on-duty intervals from `from` to `to` (simulated seconds, the week's second at time 0
   * given), merged where windows touch or overlap, in order: for readers of a finished run.
   */
  onDutyBetween(from: number, to: number, startWeekSecond: number): Array<[number, number]> {
    if (this.always) return to > from ? [[from, to]] : [];
    const merged: Array<[number, number]> = [];
    // Week by week, from the Monday 00:00 at or before `from`.
    const weekZero = -startWeekSecond;
    let week = weekZero + Math.floor((from - weekZero) / SECONDS_PER_WEEK) * SECONDS_PER_WEEK;
    for (; week < to; week += SECONDS_PER_WEEK) {
      for (const [start, end] of this.intervals) {
        const a = Math.max(from, week + start);
        const b = Math.min(to, week + end);
        if (b <= a) continue;
        const last = merged[merged.length - 1];
        if (last && a <= last[1]) last[1] = Math.max(last[1], b);
        else merged.push([a, b]);
      }
    }
    return merged;
  }

  /** Seconds from `weekSecond` until the next start of an on-duty window (Infinity if none). */
  untilNextStart(weekSecond: number): number {
    let best = Infinity;
    for (const [start] of this.intervals) {
      const wait = (start - weekSecond + SECONDS_PER_WEEK) % SECONDS_PER_WEEK;
      best = Math.min(best, wait === 0 ? SECONDS_PER_WEEK : wait);
    }
    return best;
  }
}

function clockSeconds(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 3600 + minutes * 60;
}
