import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenarios/schema.ts';
import { Calendar } from '../../src/sim/calendar.ts';
import { isochroneBases, isochrones, timeAtHourOfWeek } from '../../src/sim/isochrones.ts';
import { lineScenario, scenario } from './fixtures.ts';

/**
 * The line of fixtures.ts with a road along it: node 0 is at the west base, node 4 at the east
 * base, and node 5 can only drive away (a one-way edge out of it), so no base reaches it.
 * 36 km/h is 10 m/s; the emergency factor 1.25 makes it 12.5 m/s: 0.08 s a metre, twice
 * that from 08:00 to 09:00 when the road runs at half speed.
 */
const rushHour = Array.from({ length: 24 }, (_, hour) => (hour === 8 ? 0.5 : 1));
const LINE_ROAD: ScenarioInput['travel'] = {
  model: 'roadGraph',
  nodes: [
    [0.01, 0.05],
    [0.06, 0.05],
    [0.1, 0.05],
    [0.14, 0.05],
    [0.19, 0.05],
    [0.1, 0.09],
  ],
  edges: [
    { from: 0, to: 1, roadClass: 'road', lengthM: 1000 },
    { from: 1, to: 2, roadClass: 'road', lengthM: 2000 },
    { from: 2, to: 3, roadClass: 'road', lengthM: 3000 },
    { from: 3, to: 4, roadClass: 'road', lengthM: 1000 },
    { from: 5, to: 2, roadClass: 'road', lengthM: 500, oneWay: true },
  ],
  roadClasses: { road: { speedKmh: 36, hourFactors: rushHour } },
  emergencySpeedFactor: 1.25,
};

const lineWithRoad = (start = '2026-07-06T00:00') =>
  scenario(lineScenario({ travel: LINE_ROAD, start }));

function secondsOf(result: ReturnType<typeof isochrones>): number[] {
  if (!result.ok) throw new Error(result.reason);
  return Array.from(result.seconds);
}

describe('isochrones from bases', () => {
  it('gives each node the emergency time from the nearest base', () => {
    // West: 0, 80, 240, 480, 560; east: 560, 480, 320, 80, 0 — the smaller of each pair.
    const result = isochrones(lineWithRoad(), { hourOfWeek: 0 });
    expect(secondsOf(result).map((s) => Math.round(s * 1e6) / 1e6)).toEqual([
      0,
      80,
      240,
      80,
      0,
      Infinity,
    ]);
    expect(result.ok && result.baseCount).toBe(2);
  });

  it('drives at the speeds of the hour asked for, on any day of the week', () => {
    const monday = secondsOf(isochrones(lineWithRoad(), { hourOfWeek: 8 }));
    expect(monday.slice(0, 5).map(Math.round)).toEqual([0, 160, 480, 160, 0]);
    const tuesday = secondsOf(isochrones(lineWithRoad(), { hourOfWeek: 24 + 8 }));
    expect(tuesday).toEqual(monday);
    const tuesdayNight = secondsOf(isochrones(lineWithRoad(), { hourOfWeek: 24 + 23 }));
    expect(tuesdayNight.slice(0, 5).map(Math.round)).toEqual([0, 80, 240, 80, 0]);
  });

  it('measures from the bases of one tier or agency only', () => {
    // Only the east base houses a tier-2 unit (civilEast).
    const tierTwo = isochrones(lineWithRoad(), { hourOfWeek: 0, tier: 2 });
    expect(secondsOf(tierTwo).slice(0, 5).map(Math.round)).toEqual([560, 480, 320, 80, 0]);
    expect(tierTwo.ok && tierTwo.baseCount).toBe(1);
    expect(isochroneBases(lineWithRoad(), { hourOfWeek: 0, agency: 'fire' })).toEqual([
      'westBase',
      'eastBase',
    ]);
    expect(isochrones(lineWithRoad(), { hourOfWeek: 0, tier: 3 })).toEqual({
      ok: false,
      reason: 'noBases',
    });
  });

  it('needs a road graph', () => {
    expect(isochrones(scenario(lineScenario()), { hourOfWeek: 0 })).toEqual({
      ok: false,
      reason: 'noRoadGraph',
    });
  });

  it('finds a time in the asked hour whatever the scenario starts on', () => {
    const calendar = new Calendar('2026-07-08T10:30'); // a Wednesday
    for (const hour of [0, 8, 58, 59, 167]) {
      const time = timeAtHourOfWeek(calendar, hour);
      expect(time).toBeGreaterThanOrEqual(0);
      expect(calendar.hourOfWeek(time)).toBe(hour);
    }
    // Started mid-week, the scenario's Wednesday 08:00 rush hour is still found.
    const wednesday = secondsOf(isochrones(lineWithRoad('2026-07-08T10:30'), { hourOfWeek: 56 }));
    expect(wednesday.slice(0, 5).map(Math.round)).toEqual([0, 160, 480, 160, 0]);
  });
});
