import { describe, expect, it } from 'vitest';
import { Calendar, SECONDS_PER_DAY, WeeklyDuty } from '../../src/sim/calendar.ts';

describe('Calendar', () => {
  // 2026-07-06 is a Monday.
  const calendar = new Calendar('2026-07-08T22:30');

  it('knows the hour of the day and of the week from the local start', () => {
    expect(calendar.hourOfDay(0)).toBe(22);
    expect(calendar.hourOfDay(3600 * 2)).toBe(0); // 00:30 Thursday
    expect(calendar.hourOfWeek(0)).toBe(2 * 24 + 22); // Wednesday 22:00
    expect(calendar.hourOfWeek(5 * SECONDS_PER_DAY)).toBe(0 * 24 + 22); // next Monday 22:00
    expect(calendar.nextHourStart(0)).toBe(1800);
  });

  it('formats local time', () => {
    expect(calendar.format(3600 * 2)).toBe('2026-07-09 00:30:00');
  });
});

describe('WeeklyDuty', () => {
  const hour = 3600;
  it('office hours: Monday to Friday 08:30–17:30', () => {
    const duty = new WeeklyDuty({
      type: 'weekly',
      windows: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }],
    });
    expect(duty.onDuty(8 * hour)).toBe(false);
    expect(duty.onDuty(9 * hour)).toBe(true);
    expect(duty.onDuty(17.5 * hour)).toBe(false);
    expect(duty.onDuty(5 * SECONDS_PER_DAY + 10 * hour)).toBe(false); // Saturday
    expect(duty.untilNextStart(17.5 * hour)).toBe(15 * hour); // to Tuesday 08:30
    expect(duty.untilNextStart(4 * SECONDS_PER_DAY + 18 * hour)).toBe(
      2 * SECONDS_PER_DAY + 14.5 * hour,
    );
  });

  it('a night shift crosses midnight and the end of the week', () => {
    const duty = new WeeklyDuty({
      type: 'weekly',
      windows: [{ days: [7], from: '20:00', to: '08:00' }],
    });
    expect(duty.onDuty(6 * SECONDS_PER_DAY + 21 * hour)).toBe(true); // Sunday 21:00
    expect(duty.onDuty(7 * hour)).toBe(true); // Monday 07:00
    expect(duty.onDuty(9 * hour)).toBe(false);
  });

  it('always on duty', () => {
    const duty = new WeeklyDuty({ type: 'always' });
    expect(duty.always).toBe(true);
    expect(duty.onDuty(123)).toBe(true);
  });
});
