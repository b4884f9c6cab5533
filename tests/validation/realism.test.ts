/**
 * Validation of the realism knobs (issue 14, item 3) against numbers known without the
 * simulator: the mean response of a distance model with a trip overhead (geometry), the
 * square-root law of short trips (Kolesar's published New York fit), the non-emergency speed,
 * and the busy time patient transport adds (utilisation λ·E[S]/c, as for any M/G/c queue).
 */
import { describe, expect, it } from 'vitest';
import { manhattanMetres } from '../../src/lib/geo.ts';
import { Scenario, type ScenarioInput } from '../../src/scenarios/schema.ts';
import { estimate } from '../../src/sim/analysis/report.ts';
import { Calendar } from '../../src/sim/calendar.ts';
import { run } from '../../src/sim/run.ts';
import { RecordKind, type Trace } from '../../src/sim/trace.ts';
import { makeTravelModel, squareRootLawSeconds } from '../../src/sim/travel.ts';

const DAY = 86_400;
const CENTRE: [number, number] = [0.05, 0.05];
/** Mean Manhattan distance from the centre of the 0.1° square to a uniform point in it. */
const MEAN_METRES = manhattanMetres(CENTRE, [0.075, 0.075]);

/** One 0.1° square district, one base at its centre, Manhattan distance at 36 km/h (10 m/s). */
function square(overrides: Partial<ScenarioInput>): Scenario {
  return Scenario.parse({
    id: 'square',
    start: '2026-07-06T00:00',
    duration: 30 * DAY,
    districts: [
      {
        id: 'd',
        polygon: [
          [0, 0],
          [0.1, 0],
          [0.1, 0.1],
          [0, 0.1],
        ],
      },
    ],
    bases: [{ id: 'base', location: CENTRE }],
    travel: {
      model: 'distance',
      metric: 'manhattan',
      speedKmh: 36,
      detourFactor: 1,
      emergencySpeedFactor: 1,
    },
    agencies: [{ id: 'a' }],
    units: [
      {
        id: 'u',
        agency: 'a',
        base: 'base',
        count: 40,
        capabilities: ['x'],
        mobilisation: { type: 'fixed', value: 60 },
      },
    ],
    incidentKinds: [
      { id: 'k', needs: [{ capability: 'x' }], workTime: { type: 'fixed', value: 600 } },
    ],
    arrivals: { streams: [{ kind: 'k', callsPerDay: 40 }] },
    dispatch: { callHandling: { type: 'fixed', value: 30 }, redispatchReturning: false },
    ...overrides,
  });
}

/** Per incident: the first arrival's travel seconds. */
function travelTimes(trace: Trace): Map<number, number> {
  const times = new Map<number, number>();
  for (let i = 0; i < trace.length; i++)
    if (trace.kind[i] === RecordKind.arrived && !times.has(trace.incident[i]))
      times.set(trace.incident[i], trace.value[i]);
  return times;
}

function responseTimes(trace: Trace): number[] {
  const called = new Map<number, number>();
  const times: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    if (trace.kind[i] === RecordKind.callReceived) called.set(trace.incident[i], trace.time[i]);
    if (trace.kind[i] === RecordKind.arrived)
      times.push(trace.time[i] - called.get(trace.incident[i])!);
  }
  return times;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function expectInInterval(values: number[], exact: number) {
  const { low, high, mean } = estimate(values);
  expect(low, `mean ${mean}, CI ${low}–${high}, exact ${exact}`).toBeLessThanOrEqual(exact);
  expect(high, `mean ${mean}, CI ${low}–${high}, exact ${exact}`).toBeGreaterThanOrEqual(exact);
  expect(high - low).toBeLessThan(0.05 * exact);
}

describe('a trip overhead on the distance model', () => {
  it('gives the analytic mean response: handling + mobilisation + overhead + E[D] / v', () => {
    const scenario = square({
      travel: {
        model: 'distance',
        metric: 'manhattan',
        speedKmh: 36,
        detourFactor: 1,
        emergencySpeedFactor: 1,
        tripOverheadSeconds: 39,
      },
    });
    const means = Array.from({ length: 12 }, (_, i) =>
      mean(responseTimes(run(scenario, 100 + i).trace)),
    );
    expectInInterval(means, 30 + 60 + 39 + MEAN_METRES / 10);
  }, 120_000);
});

describe('the square-root law of short trips', () => {
  // Kolesar (1975), New York fire engines, minutes and miles: T = 2.1·√D up to 0.38 mi,
  // T = 0.65 + 1.7·D beyond. Its acceleration and cruising speed: 2/√a = 2.1, 1/v = 1.7.
  const MILE = 1609.344;
  const acceleration = ((2 / 2.1) ** 2 * MILE) / 3600; // m/s²
  const cruising = MILE / 1.7 / 60; // m/s
  const published = (miles: number) =>
    miles <= 0.38 ? 2.1 * Math.sqrt(miles) : 0.65 + 1.7 * miles;

  it('reproduces the published fit at sample distances, within its rounding (0.2 %)', () => {
    for (const miles of [0.05, 0.1, 0.2, 0.3, 0.38, 0.5, 1, 2, 4]) {
      const minutes = squareRootLawSeconds(miles * MILE, cruising, acceleration) / 60;
      expect(Math.abs(minutes / published(miles) - 1), `${miles} mi`).toBeLessThan(0.002);
    }
    // The two branches meet at v²/a, the published 0.38 mi.
    expect((cruising * cruising) / acceleration / MILE).toBeCloseTo(0.38, 2);
  });

  it('is what the distance model drives with shortTrip set', () => {
    const model = makeTravelModel(
      {
        model: 'distance',
        metric: 'straight',
        speedKmh: cruising * 3.6,
        detourFactor: 1,
        emergencySpeedFactor: 1,
        nonEmergencySpeedFactor: 1,
        tripOverheadSeconds: 0,
        shortTrip: { model: 'squareRoot', accelerationMps2: acceleration },
        noiseCv: 0,
      },
      ['d'],
      new Calendar('2026-07-06T00:00'),
    );
    const origin = model.placeOf([120, 30], 0);
    for (const miles of [0.1, 0.3, 1, 3]) {
      const degrees = (miles * MILE) / 111_194.93;
      const there = model.placeOf([120, 30 + degrees], 0);
      const minutes = model.seconds(origin, there, 0, true) / 60;
      expect(minutes / published(miles), `${miles} mi`).toBeCloseTo(1, 2);
    }
  });
});

describe('the non-emergency response mode', () => {
  it('makes every trip to a non-emergency kind emergencySpeedFactor times longer', () => {
    const travel = {
      model: 'distance' as const,
      metric: 'manhattan' as const,
      speedKmh: 36,
      detourFactor: 1,
      emergencySpeedFactor: 1.4,
    };
    const kind = {
      id: 'k',
      needs: [{ capability: 'x' }],
      workTime: { type: 'fixed' as const, value: 600 },
    };
    const urgent = travelTimes(run(square({ travel, incidentKinds: [kind] }), 7).trace);
    const calm = travelTimes(
      run(square({ travel, incidentKinds: [{ ...kind, responseMode: 'nonEmergency' }] }), 7).trace,
    );
    expect(calm.size).toBe(urgent.size);
    expect(calm.size).toBeGreaterThan(1000);
    for (const [incident, seconds] of calm)
      expect(seconds / urgent.get(incident)!).toBeCloseTo(1.4, 9);
  });
});

describe('patient transport', () => {
  it('adds its busy time: utilisation λ·E[S]/c with E[S] including transport and hand-over', () => {
    const servers = 3;
    const callsPerDay = 48;
    const share = 0.6;
    const overhead = 30;
    const handover = 600;
    const work = 1200;
    const scenario = square({
      duration: 120 * DAY,
      warmup: DAY,
      travel: {
        model: 'distance',
        metric: 'manhattan',
        speedKmh: 36,
        detourFactor: 1,
        emergencySpeedFactor: 1.2,
        tripOverheadSeconds: overhead,
      },
      // The hospital stands at the base: after the hand-over the unit is home.
      hospitals: [{ id: 'h', location: CENTRE }],
      units: [
        {
          id: 'ambulance',
          agency: 'a',
          base: 'base',
          count: servers,
          capabilities: ['medical'],
          mobilisation: { type: 'fixed', value: 60 },
        },
      ],
      incidentKinds: [
        {
          id: 'k',
          needs: [{ capability: 'medical' }],
          workTime: { type: 'exponential', mean: work },
          transport: {
            capability: 'medical',
            share,
            handover: { type: 'exponential', mean: handover },
          },
        },
      ],
      arrivals: { streams: [{ kind: 'k', callsPerDay }] },
    });
    const toScene = MEAN_METRES / (10 * 1.2) + overhead;
    const atNormalSpeed = MEAN_METRES / 10 + overhead;
    const service =
      60 + toScene + work + share * (atNormalSpeed + handover) + (1 - share) * atNormalSpeed;
    const expected = ((callsPerDay / DAY) * service) / servers;
    expect(expected).toBeGreaterThan(0.4);
    const utilisation = Array.from(
      { length: 10 },
      (_, i) => run(scenario, 200 + i).summary.utilisation.overall,
    );
    expectInInterval(utilisation, expected);
    // Without transport the same calls keep the units less busy, by λ·share·E[handover]/c.
    const without = square({
      ...scenario,
      incidentKinds: [{ ...scenario.incidentKinds[0], transport: undefined }],
    });
    const withoutExpected = ((callsPerDay / DAY) * (service - share * handover)) / servers;
    const measured = run(without, 200).summary.utilisation.overall;
    expect(Math.abs(measured / withoutExpected - 1)).toBeLessThan(0.03);
  }, 120_000);
});
