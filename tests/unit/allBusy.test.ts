/**
 * The probability that every unit with a capability is unavailable (issue 12, item 10), taken
 * apart: committed units, the way home with and without redispatch, duty hours, out of service,
 * capabilities shared between units, and the overall figure for the kinds' needs.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { Scenario, type ScenarioInput } from '../../src/scenarios/schema.ts';
import { queueScenarioInput } from '../../src/scenarios/theory.ts';
import { run } from '../../src/sim/run.ts';
import { WeeklyDuty } from '../../src/sim/calendar.ts';

const DAY = 86_400;

function queue(servers: number, perMinute: number, minutes: number): ScenarioInput {
  return queueScenarioInput({
    servers,
    arrivalRatePerMinute: perMinute,
    serviceRatePerMinute: 1,
    whenNoUnit: 'queue',
    durationMinutes: minutes,
  });
}

describe('probability that all capable units are busy', () => {
  it('is the utilisation of a single unit that never waits on the way home', () => {
    const summary = run(Scenario.parse(queue(1, 0.5, 3000)), 3).summary;
    expect(summary.allUnitsBusy.byCapability.any).toBeCloseTo(summary.utilisation.overall, 12);
    expect(summary.allUnitsBusy.overall).toBe(summary.allUnitsBusy.byCapability.any);
    expect(summary.allUnitsBusy.overall).toBeGreaterThan(0.3);
  });

  it('counts the way home as busy only when returning units may not be redispatched', () => {
    const input = queue(1, 0.02, 20_000);
    const travelling = { ...input, travel: { model: 'matrix', zones: ['d'], seconds: [[300]] } };
    const shares = [true, false].map((redispatchReturning) => {
      const scenario = Scenario.parse({
        ...travelling,
        dispatch: { ...input.dispatch, redispatchReturning },
      });
      return run(scenario, 5).summary;
    });
    const [redispatch, noRedispatch] = shares;
    // Without redispatch the unit is unavailable exactly while committed (dispatch to base).
    expect(noRedispatch.allUnitsBusy.byCapability.any).toBeCloseTo(
      noRedispatch.utilisation.overall,
      12,
    );
    // With it, the way home (5 min of every job, about 0.02 × 5 = 10% of the time) is
    // available time.
    expect(redispatch.allUnitsBusy.byCapability.any).toBeLessThan(
      redispatch.utilisation.overall - 0.05,
    );
    expect(redispatch.allUnitsBusy.byCapability.any).toBeGreaterThan(0.05);
  });

  it('counts hours off duty and out of service as unavailable', () => {
    const input = queue(1, 0, 14 * 1440);
    const scenario = Scenario.parse({
      ...input,
      start: '2024-01-01T00:00', // a Monday
      units: [
        {
          ...input.units![0],
          // On duty 08:00–20:00 every day: off half the time.
          schedule: {
            type: 'weekly',
            windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }],
          },
        },
      ],
    });
    expect(run(scenario, 1).summary.allUnitsBusy.overall).toBeCloseTo(0.5, 12);
    const outOfService = Scenario.parse({
      ...input,
      events: [
        { type: 'unitOutOfService', at: 2 * DAY, unit: 'u' },
        { type: 'unitInService', at: 5.5 * DAY, unit: 'u' },
      ],
    });
    expect(run(outOfService, 1).summary.allUnitsBusy.byCapability.any).toBeCloseTo(3.5 / 14, 12);
  });

  it('needs every unit with the capability unavailable, whichever other capabilities they have', () => {
    const input = queue(1, 0, 10 * 1440);
    const scenario = Scenario.parse({
      ...input,
      units: [
        { ...input.units![0], id: 'a', capabilities: ['any', 'boat'] },
        { ...input.units![0], id: 'b', capabilities: ['any'] },
      ],
      events: [
        { type: 'unitOutOfService', at: 1 * DAY, unit: 'a' },
        { type: 'unitOutOfService', at: 2 * DAY, unit: 'b' },
        { type: 'unitInService', at: 4 * DAY, unit: 'a' },
        { type: 'unitInService', at: 6 * DAY, unit: 'b' },
      ],
    });
    const shares = run(scenario, 1).summary.allUnitsBusy;
    expect(shares.byCapability.any).toBeCloseTo(2 / 10, 12); // both out: days 2–4
    expect(shares.byCapability.boat).toBeCloseTo(3 / 10, 12); // a out: days 1–4
    // Only `any` is needed by the kind: the boat is no one's need.
    expect(shares.overall).toBeCloseTo(2 / 10, 12);
  });

  it('covers every capability of the city’s own units, as shares, after the warm-up', () => {
    const scenario = { ...builtinScenario('default-city'), duration: 3 * DAY };
    const { summary } = run(scenario, 2);
    const own = new Set(scenario.units.flatMap((unit) => unit.capabilities));
    expect(Object.keys(summary.allUnitsBusy.byCapability).sort()).toEqual([...own].sort());
    for (const share of Object.values(summary.allUnitsBusy.byCapability)) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    const needed = new Set(
      scenario.incidentKinds.flatMap((kind) => kind.needs.map((n) => n.capability)),
    );
    const neededShares = Object.entries(summary.allUnitsBusy.byCapability)
      .filter(([capability]) => needed.has(capability))
      .map(([, share]) => share);
    // Any needed capability with none free: at least the worst of them, at most their sum.
    expect(summary.allUnitsBusy.overall).toBeGreaterThanOrEqual(Math.max(...neededShares) - 1e-12);
    expect(summary.allUnitsBusy.overall).toBeLessThanOrEqual(
      neededShares.reduce((a, b) => a + b, 0) + 1e-12,
    );
  });

  it('reads duty windows over a run, across midnight and the end of the week', () => {
    const H = 3600;
    const duty = new WeeklyDuty({
      type: 'weekly',
      windows: [
        { days: [5], from: '20:00', to: '08:00' }, // Friday night
        { days: [7], from: '22:00', to: '06:00' }, // Sunday night into Monday
        { days: [1], from: '05:00', to: '07:00' }, // overlaps the Sunday night window
      ],
    });
    // The run starts on a Wednesday at 00:00: Monday 00:00 was two days before.
    expect(duty.onDutyBetween(0, 14 * DAY, 2 * DAY)).toEqual([
      [2 * DAY + 20 * H, 3 * DAY + 8 * H],
      [4 * DAY + 22 * H, 5 * DAY + 7 * H],
      [9 * DAY + 20 * H, 10 * DAY + 8 * H],
      [11 * DAY + 22 * H, 12 * DAY + 7 * H],
    ]);
    expect(duty.onDutyBetween(3 * DAY, 5 * DAY, 2 * DAY)).toEqual([
      [3 * DAY, 3 * DAY + 8 * H],
      [4 * DAY + 22 * H, 5 * DAY],
    ]);
  });

  it('counts the way home of a unit ordered out of service on scene, even where returning units are free', () => {
    const H = 3600;
    const input = queue(1, 0, 10 * 1440);
    const oneCall = (events: ScenarioInput['events']) =>
      Scenario.parse({
        ...input,
        travel: { model: 'matrix', zones: ['d'], seconds: [[H]] },
        incidentKinds: [{ ...input.incidentKinds![0], workTime: { type: 'fixed', value: DAY } }],
        arrivals: { streams: [], incidents: [{ time: DAY, kind: 'call', district: 'd' }] },
        events,
      });
    // Dispatched on day 1, an hour's drive, a day's work, an hour home: the way home is free.
    const plain = run(oneCall([]), 1).summary.allUnitsBusy.overall;
    expect(plain).toBeCloseTo((DAY + H) / (10 * DAY), 12);
    // Ordered out of service on scene (day 1.5): out once back (day 2 + 2 h), in again on day 4.
    const ordered = run(
      oneCall([
        { type: 'unitOutOfService', at: 1.5 * DAY, unit: 'u' },
        { type: 'unitInService', at: 4 * DAY, unit: 'u' },
      ]),
      1,
    ).summary.allUnitsBusy.overall;
    expect(ordered).toBeCloseTo((3 * DAY) / (10 * DAY), 12);
  });
});
