/**
 * The realism knobs real records need (issue 14, item 3), each on its own: trip overhead in
 * every travel model, the square-root law of short trips, the non-emergency response mode,
 * call handling and on-scene time per kind, patient transport to the nearest hospital, and the
 * loader's checks of them.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load.ts';
import { defaultsInEffect } from '../../src/scenarios/defaultsInEffect.ts';
import type { ScenarioInput } from '../../src/scenarios/schema.ts';
import { buildReplayIndex } from '../../src/sim/analysis/replayIndex.ts';
import { decodeRecord } from '../../src/sim/decodeRecord.ts';
import { run } from '../../src/sim/run.ts';
import { traceDigest } from '../../src/sim/trace.ts';
import { lineScenario, ONE_ROAD, records, runRecords, scenario } from './fixtures.ts';

/** One fire call at the middle of the west district at t = 0 (9 km from the west base). */
const oneFire = (overrides: Partial<ScenarioInput> = {}) =>
  lineScenario({
    arrivals: { incidents: [{ time: 0, kind: 'fire', location: [0.1, 0.05] }] },
    ...overrides,
  });

const travelOf = (input: ScenarioInput, kind = 'arrived') =>
  runRecords(input).filter((r) => r.ev === kind);

describe('trip overhead', () => {
  it('adds the same seconds to every trip of the distance model, there and back', () => {
    const plain = runRecords(oneFire());
    const withOverhead = runRecords(
      oneFire({ travel: { ...lineScenario().travel, tripOverheadSeconds: 39 } as never }),
    );
    const value = (rs: typeof plain, ev: string) => rs.find((r) => r.ev === ev)!.value;
    expect(value(withOverhead, 'arrived')).toBeCloseTo(value(plain, 'arrived') + 39, 9);
    expect(value(withOverhead, 'available')).toBeCloseTo(value(plain, 'available') + 39, 9);
  });

  it('adds to road-graph and matrix trips too', () => {
    const road = (tripOverheadSeconds: number) =>
      travelOf(
        oneFire({
          travel: { ...ONE_ROAD, tripOverheadSeconds } as never,
          // Only the west base's engine: it drives the one road from node 0 to node 1.
          units: lineScenario().units.filter((u) => u.id !== 'fireEast'),
        }),
      )[0].value;
    expect(road(0)).toBeGreaterThan(800);
    expect(road(120)).toBeCloseTo(road(0) + 120, 9);
    const matrix = (tripOverheadSeconds: number) =>
      travelOf(
        oneFire({
          travel: {
            model: 'matrix',
            zones: ['west', 'east'],
            seconds: [
              [300, 900],
              [900, 300],
            ],
            tripOverheadSeconds,
          },
        }),
      )[0].value;
    expect(matrix(0)).toBe(300);
    expect(matrix(45)).toBe(345);
  });
});

describe('non-emergency response mode', () => {
  it('drives to a non-emergency kind at the non-emergency speed, home at normal speed', () => {
    const travel = {
      ...lineScenario().travel,
      emergencySpeedFactor: 1.5,
      nonEmergencySpeedFactor: 1,
    } as ScenarioInput['travel'];
    const emergency = runRecords(oneFire({ travel }));
    const kinds = lineScenario().incidentKinds.map((k) =>
      k.id === 'fire' ? { ...k, responseMode: 'nonEmergency' as const } : k,
    );
    const calm = runRecords(oneFire({ travel, incidentKinds: kinds }));
    const value = (rs: typeof calm, ev: string) => rs.find((r) => r.ev === ev)!.value;
    expect(value(calm, 'arrived')).toBeCloseTo(value(emergency, 'arrived') * 1.5, 9);
    // The estimate the dispatcher wrote is the non-emergency one as well.
    expect(value(calm, 'dispatched')).toBeCloseTo(value(calm, 'arrived'), 9);
    expect(value(calm, 'available')).toBeCloseTo(value(emergency, 'available'), 9);
  });

  it('lists the non-emergency speed among the defaults in effect when a kind uses it', () => {
    const input = {
      travel: { model: 'distance' },
      incidentKinds: [{ id: 'k', responseMode: 'nonEmergency' }],
    };
    expect(defaultsInEffect(input).map((d) => d.path)).toContain('travel.nonEmergencySpeedFactor');
    expect(
      defaultsInEffect({ ...input, incidentKinds: [{ id: 'k' }] }).map((d) => d.path),
    ).not.toContain('travel.nonEmergencySpeedFactor');
  });
});

describe('call handling and on-scene time per kind', () => {
  it('takes the kind’s own call handling instead of the centre’s', () => {
    const kinds = lineScenario().incidentKinds.map((k) =>
      k.id === 'fire' ? { ...k, callHandling: { type: 'fixed' as const, value: 200 } } : k,
    );
    const dispatched = (input: ScenarioInput) =>
      runRecords(input).find((r) => r.ev === 'dispatched')!.t;
    expect(dispatched(oneFire())).toBe(30);
    expect(dispatched(oneFire({ incidentKinds: kinds }))).toBe(200);
  });

  it('works each slot for its capability’s time, others for workTime', () => {
    const kinds = lineScenario().incidentKinds.map((k) =>
      k.id === 'bigFire'
        ? { ...k, workTimeByCapability: { shelter: { type: 'fixed' as const, value: 5400 } } }
        : k,
    );
    const cleared = runRecords(
      lineScenario({
        incidentKinds: kinds,
        arrivals: { incidents: [{ time: 0, kind: 'bigFire', location: [0.1, 0.05] }] },
      }),
    ).filter((r) => r.ev === 'cleared');
    expect(cleared.map((r) => [r.unit, r.value]).sort()).toEqual([
      ['civilEast', 5400],
      ['fireEast', 3600],
      ['fireWest', 3600],
    ]);
  });
});

/** The line with an ambulance at the west base and two hospitals; medical calls carry patients. */
function withAmbulance(transport: Record<string, unknown>): ScenarioInput {
  const line = lineScenario();
  return {
    ...line,
    hospitals: [
      { id: 'westHospital', name: '西区医院', location: [0.02, 0.05] },
      { id: 'eastHospital', name: '东区医院', location: [0.18, 0.05] },
    ],
    units: [
      ...line.units,
      {
        id: 'ambulance',
        agency: 'fire',
        base: 'westBase',
        capabilities: ['medical'],
        mobilisation: { type: 'fixed', value: 60 },
      },
    ],
    incidentKinds: [
      ...line.incidentKinds,
      {
        id: 'medical',
        needs: [{ capability: 'medical', units: 1 }],
        workTime: { type: 'fixed', value: 900 },
        transport: {
          capability: 'medical',
          share: 1,
          handover: { type: 'fixed', value: 600 },
          ...transport,
        },
      },
    ],
    arrivals: { incidents: [{ time: 0, kind: 'medical', location: [0.15, 0.05] }] },
  } as ScenarioInput;
}

describe('patient transport', () => {
  it('carries the patient to the nearest hospital, hands over, then drives home', () => {
    const input = withAmbulance({});
    const { trace } = run(scenario(input), 1);
    const plain = records(trace);
    const ambulance = plain.filter((r) => r.unit === 'ambulance').map((r) => r.ev);
    expect(ambulance).toEqual([
      'dispatched',
      'enRoute',
      'arrived',
      'cleared',
      'transportStarted',
      'atHospital',
      'handedOver',
      'available',
    ]);
    const at = (ev: string) => plain.find((r) => r.ev === ev && r.unit === 'ambulance')!;
    // East hospital: 0.03° from the scene, 0.17° from home; 10 m/s, normal speed (factor 1).
    expect(at('transportStarted').value).toBe(1);
    const metresPerDegree = 111_194.93;
    expect(at('atHospital').value / ((0.03 * metresPerDegree) / 10)).toBeCloseTo(1, 3);
    expect(at('handedOver').t - at('atHospital').t).toBe(600);
    expect(at('handedOver').value).toBe(600);
    expect(at('available').value / ((0.17 * metresPerDegree) / 10)).toBeCloseTo(1, 3);
    // Decoded, and the replay shows the unit carrying the patient, then at the hospital.
    const started = plain.indexOf(at('transportStarted'));
    expect(decodeRecord(trace, started)).toMatchObject({ kind: 'transportStarted', hospital: 1 });
    const unitCount = trace.header.units.length;
    const index = buildReplayIndex(trace, {
      homes: new Float64Array(2 * unitCount).fill(NaN),
      basePlaces: new Int32Array(unitCount).fill(-1),
    });
    const unit = trace.header.units.indexOf('ambulance');
    const statuses = index.unitSegments[unit].map((segment) => segment.status);
    expect(statuses).toContain('transporting');
    expect(statuses).toContain('atHospital');
  });

  it('with share 0 no one is carried, and lights and sirens speed the transport', () => {
    const none = runRecords(withAmbulance({ share: 0 }));
    expect(none.some((r) => r.ev === 'transportStarted')).toBe(false);
    const fast = withAmbulance({ emergency: true });
    (fast.travel as { emergencySpeedFactor: number }).emergencySpeedFactor = 2;
    const slow = withAmbulance({});
    (slow.travel as { emergencySpeedFactor: number }).emergencySpeedFactor = 2;
    const leg = (input: ScenarioInput) =>
      runRecords(input).find((r) => r.ev === 'atHospital')!.value;
    expect(leg(fast)).toBeCloseTo(leg(slow) / 2, 9);
  });

  it('is refused without hospitals, and warns of capabilities the kind never needs', () => {
    const input = withAmbulance({ capability: 'medical' });
    delete input.hospitals;
    const result = loadScenario(input, 'zh');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      path: 'incidentKinds[2].transport',
      message: '送医需要在 `hospitals` 中至少列出一家医院',
    });
    const odd = withAmbulance({ capability: 'fire' });
    const kind = odd.incidentKinds[2] as { workTimeByCapability?: unknown };
    kind.workTimeByCapability = { police: { type: 'fixed', value: 60 } };
    const loaded = loadScenario(odd, 'en');
    expect(loaded.ok).toBe(true);
    const paths = loaded.warnings.map((w) => w.path);
    expect(paths).toContain('incidentKinds[2].transport.capability');
    expect(paths).toContain('incidentKinds[2].workTimeByCapability.police');
    expect(loaded.warnings.find((w) => w.path.endsWith('police'))!.message).toContain(
      'never needs the capability "police"',
    );
  });

  it('leaves a scenario without the knobs as it was: the defaults written out change nothing', () => {
    const plain = lineScenario({ arrivals: { streams: [{ kind: 'fire', callsPerDay: 30 }] } });
    const explicit = {
      ...plain,
      travel: { ...plain.travel, tripOverheadSeconds: 0, nonEmergencySpeedFactor: 1 },
      incidentKinds: plain.incidentKinds.map((k) => ({ ...k, responseMode: 'emergency' })),
      hospitals: [],
    } as ScenarioInput;
    expect(traceDigest(run(scenario(explicit), 3).trace)).toBe(
      traceDigest(run(scenario(plain), 3).trace),
    );
  });
});
