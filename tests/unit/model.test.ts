import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../../src/lib/geo.ts';
import { Session } from '../../src/sim/session.ts';
import { run } from '../../src/sim/run.ts';
import { traceDigest, traceToNdjson } from '../../src/sim/trace.ts';
import { lineScenario, records, runRecords, scenario } from './fixtures.ts';

const westBase = [0.01, 0.05] as const;
const seconds = (a: readonly [number, number], b: readonly [number, number]) =>
  haversineMetres(a, b) / 10;

describe('unit cycle', () => {
  it('traces every step of one call with the expected times', () => {
    const place = [0.05, 0.05] as const;
    const log = runRecords(
      lineScenario({
        arrivals: { incidents: [{ time: 100, kind: 'fire', location: [0.05, 0.05] }] },
      }),
    );
    const travel = seconds(westBase, place);
    expect(log.map((r) => [r.ev, r.unit, r.cause])).toEqual([
      ['callReceived', null, 'listedCall'],
      ['dispatched', 'fireWest', 'nearest'],
      ['enRoute', 'fireWest', 'none'],
      ['arrived', 'fireWest', 'none'],
      ['cleared', 'fireWest', 'none'],
      ['closed', null, 'none'],
      ['available', 'fireWest', 'none'],
    ]);
    const [call, dispatched, enRoute, arrived, cleared, closed, available] = log;
    expect(call.t).toBe(100);
    expect(dispatched.t).toBe(130); // 30 s call handling
    expect(enRoute.t).toBe(190); // 60 s mobilisation
    expect(arrived.t).toBeCloseTo(190 + travel, 6);
    expect(arrived.value).toBeCloseTo(travel, 6);
    expect(cleared.t).toBeCloseTo(190 + travel + 1800, 6);
    expect(closed.value).toBeCloseTo(cleared.t - 100, 6);
    expect(available.t).toBeCloseTo(cleared.t + travel, 6);
  });

  it('sends the nearest capable unit, or the run card’s unit first', () => {
    const call = { time: 0, kind: 'fire', location: [0.15, 0.05] as [number, number] };
    expect(runRecords(lineScenario({ arrivals: { incidents: [call] } }))[1].unit).toBe('fireEast');
    const withCard = runRecords(
      lineScenario({
        arrivals: { incidents: [call] },
        dispatch: {
          callHandling: { type: 'fixed', value: 30 },
          runCards: [{ district: 'east', units: ['fireWest'] }],
        },
      }),
    );
    expect([withCard[1].unit, withCard[1].cause]).toEqual(['fireWest', 'runCard']);
  });

  it('queues by priority then time, and a freed unit takes the first waiting call it can serve', () => {
    const log = runRecords(
      lineScenario({
        units: [
          {
            id: 'fireWest',
            agency: 'fire',
            base: 'westBase',
            capabilities: ['fire'],
            mobilisation: { type: 'fixed', value: 0 },
          },
        ],
        incidentKinds: [
          {
            id: 'fire',
            priority: 2,
            needs: [{ capability: 'fire', units: 1 }],
            workTime: { type: 'fixed', value: 1000 },
          },
          {
            id: 'urgent',
            priority: 1,
            needs: [{ capability: 'fire', units: 1 }],
            workTime: { type: 'fixed', value: 1000 },
          },
        ],
        dispatch: { callHandling: { type: 'fixed', value: 0 } },
        arrivals: {
          incidents: [
            { time: 0, kind: 'fire', location: [0.01, 0.05] },
            { time: 10, kind: 'fire', location: [0.01, 0.05] },
            { time: 20, kind: 'urgent', location: [0.01, 0.05] },
          ],
        },
      }),
    );
    const dispatches = log.filter((r) => r.ev === 'dispatched').map((r) => [r.incident, r.cause]);
    expect(dispatches).toEqual([
      [0, 'nearest'],
      [2, 'queue'],
      [1, 'queue'],
    ]);
    expect(log.filter((r) => r.ev === 'queued').map((r) => r.incident)).toEqual([1, 2]);
  });

  it('a returning unit is redispatched from where it is, without mobilising again', () => {
    const log = runRecords(
      lineScenario({
        units: [
          {
            id: 'fireWest',
            agency: 'fire',
            base: 'westBase',
            capabilities: ['fire'],
            mobilisation: { type: 'fixed', value: 60 },
          },
        ],
        arrivals: {
          incidents: [
            { time: 0, kind: 'fire', location: [0.19, 0.05] },
            // Arrives while the unit drives back west from the east end.
            { time: 4000, kind: 'fire', location: [0.1, 0.05] },
          ],
        },
      }),
    );
    const second = log.filter((r) => r.incident === 1);
    const dispatched = second.find((r) => r.ev === 'dispatched')!;
    const enRoute = second.find((r) => r.ev === 'enRoute')!;
    expect(dispatched.cause).toBe('redispatch');
    expect(enRoute.t).toBe(dispatched.t);
    const arrived = second.find((r) => r.ev === 'arrived')!;
    // Faster than going home first and coming back.
    expect(arrived.t - dispatched.t).toBeLessThan(seconds(westBase, [0.1, 0.05]));
  });

  it('overflow after a delay passes the call to outside help', () => {
    const log = runRecords(
      lineScenario({
        units: [
          {
            id: 'fireWest',
            agency: 'fire',
            base: 'westBase',
            capabilities: ['fire'],
            mobilisation: { type: 'fixed', value: 0 },
          },
        ],
        dispatch: {
          callHandling: { type: 'fixed', value: 0 },
          whenNoUnit: 'overflow',
          overflowDelay: 300,
          outsideHelpResponse: { type: 'fixed', value: 1200 },
        },
        arrivals: {
          incidents: [
            { time: 0, kind: 'fire', location: [0.01, 0.05] },
            { time: 10, kind: 'fire', location: [0.01, 0.05] },
          ],
        },
      }),
    );
    const second = log.filter((r) => r.incident === 1).map((r) => [r.ev, r.t, r.cause]);
    expect(second).toEqual([
      ['callReceived', 10, 'listedCall'],
      ['queued', 10, 'noUnitFree'],
      ['overflowed', 310, 'overflowPolicy'],
      ['outsideArrived', 1510, 'overflowPolicy'],
      ['closed', 1510 + 1800, 'none'],
    ]);
  });

  it('a call still waiting after maxQueueWait is recorded as unanswered', () => {
    const log = runRecords(
      lineScenario({
        units: [
          {
            id: 'fireWest',
            agency: 'fire',
            base: 'westBase',
            capabilities: ['fire'],
            mobilisation: { type: 'fixed', value: 0 },
          },
        ],
        dispatch: { callHandling: { type: 'fixed', value: 0 }, maxQueueWait: 600 },
        arrivals: {
          incidents: [
            { time: 0, kind: 'fire', location: [0.01, 0.05] },
            { time: 10, kind: 'fire', location: [0.01, 0.05] },
          ],
        },
      }),
    );
    expect(log.find((r) => r.incident === 1 && r.ev === 'unanswered')).toMatchObject({
      t: 610,
      cause: 'maxQueueWait',
      value: 1,
    });
  });

  it('a call needing several capabilities gets them all, from different agencies and tiers', () => {
    const log = runRecords(
      lineScenario({
        arrivals: { incidents: [{ time: 0, kind: 'bigFire', location: [0.1, 0.05] }] },
      }),
    );
    const dispatched = log
      .filter((r) => r.ev === 'dispatched')
      .map((r) => r.unit)
      .sort();
    expect(dispatched).toEqual(['civilEast', 'fireEast', 'fireWest']);
    const closed = log.find((r) => r.ev === 'closed')!;
    // Closed when the slowest unit (tier 2, 20 min mobilisation) has finished its hour.
    const civilArrived = log.find((r) => r.ev === 'arrived' && r.unit === 'civilEast')!;
    expect(closed.t).toBeCloseTo(civilArrived.t + 3600, 6);
  });

  it('non-emergency calls go to 12345 and use no unit', () => {
    const input = lineScenario({
      incidentKinds: [
        { id: 'fire', needs: [{ capability: 'fire', units: 1 }], nonEmergencyShare: 0.4 },
      ],
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 2000 }] },
    });
    const log = runRecords(input);
    const calls = log.filter((r) => r.ev === 'callReceived').length;
    const triaged = log.filter((r) => r.ev === 'sentTo12345').length;
    expect(triaged / calls).toBeGreaterThan(0.36);
    expect(triaged / calls).toBeLessThan(0.44);
    const dispatchedIncidents = new Set(
      log.filter((r) => r.ev === 'dispatched').map((r) => r.incident),
    );
    for (const r of log.filter((x) => x.ev === 'sentTo12345'))
      expect(dispatchedIncidents.has(r.incident)).toBe(false);
  });
});

describe('external events and duty', () => {
  it('a unit out of service is not sent, and is sent again once back in service', () => {
    const log = runRecords(
      lineScenario({
        events: [
          { type: 'unitOutOfService', at: 0, unit: 'fireWest' },
          { type: 'unitInService', at: 5000, unit: 'fireWest' },
        ],
        arrivals: {
          incidents: [
            { time: 100, kind: 'fire', location: [0.02, 0.05] },
            { time: 6000, kind: 'fire', location: [0.02, 0.05] },
          ],
        },
      }),
    );
    const sent = log.filter((r) => r.ev === 'dispatched').map((r) => r.unit);
    expect(sent).toEqual(['fireEast', 'fireWest']);
    expect(log.some((r) => r.ev === 'outOfService' && r.unit === 'fireWest')).toBe(true);
    expect(log.some((r) => r.ev === 'inService' && r.unit === 'fireWest')).toBe(true);
  });

  it('an office-hours unit is not sent at night; a waiting call is served when its duty starts', () => {
    const log = runRecords(
      lineScenario({
        units: [
          {
            id: 'fireWest',
            agency: 'fire',
            base: 'westBase',
            capabilities: ['fire'],
            mobilisation: { type: 'fixed', value: 0 },
            schedule: {
              type: 'weekly',
              windows: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }],
            },
          },
        ],
        arrivals: { incidents: [{ time: 3600, kind: 'fire', location: [0.02, 0.05] }] },
      }),
    );
    expect(log.find((r) => r.ev === 'queued')!.t).toBe(3630);
    expect(log.find((r) => r.ev === 'dispatched')!.t).toBe(8.5 * 3600);
  });

  it('a surge of calls multiplies the rate from its time on', () => {
    const input = lineScenario({
      duration: 4 * 86_400,
      events: [{ type: 'callRateFactor', at: 2 * 86_400, factor: 3 }],
      incidentKinds: [
        { id: 'fire', needs: [{ capability: 'fire', units: 1 }], nonEmergencyShare: 1 },
      ],
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 500 }] },
    });
    const calls = runRecords(input).filter((r) => r.ev === 'callReceived');
    const before = calls.filter((r) => r.t < 2 * 86_400).length;
    const after = calls.length - before;
    expect(after / before).toBeGreaterThan(2.6);
    expect(after / before).toBeLessThan(3.4);
  });
});

describe('generated calls', () => {
  it('follow the hour-of-day and day-of-week profiles (thinning)', () => {
    const hourProfile = Array.from({ length: 24 }, (_, h) => (h < 6 ? 1 : 3));
    const dayProfile = [1, 1, 1, 1, 1, 2, 2];
    const input = lineScenario({
      duration: 28 * 86_400,
      incidentKinds: [
        { id: 'fire', needs: [{ capability: 'fire', units: 1 }], nonEmergencyShare: 1 },
      ],
      arrivals: {
        streams: [
          {
            kind: 'fire',
            callsPerDay: 300,
            hourProfile,
            dayProfile,
            districts: { west: 3, east: 1 },
          },
        ],
      },
    });
    const result = run(scenario(input), 4);
    const calls = records(result.trace).filter((r) => r.ev === 'callReceived');
    // Expected: 300/day on average over the week; 4 weeks.
    expect(calls.length / (300 * 28)).toBeCloseTo(1, 1);
    const night = calls.filter((r) => r.t % 86_400 < 6 * 3600).length;
    // Night share: 6 h at weight 1 against 18 h at weight 3 → 6/60 = 0.1.
    expect(night / calls.length).toBeCloseTo(0.1, 1);
    const weekend = calls.filter((r) => Math.floor(r.t / 86_400) % 7 >= 5).length;
    expect(weekend / calls.length).toBeCloseTo(4 / 9, 1);
    const west = Array.from(result.trace.incidentDistrict).filter((d) => d === 0).length;
    expect(west / calls.length).toBeCloseTo(0.75, 1);
  });
});

describe('determinism', () => {
  const input = lineScenario({
    duration: 3 * 86_400,
    travel: { model: 'distance', speedKmh: 40, noiseCv: 0.3 },
    units: [
      {
        id: 'fireWest',
        agency: 'fire',
        base: 'westBase',
        capabilities: ['fire'],
        mobilisation: { type: 'lognormalMedianP90', median: 60, p90: 150 },
      },
      {
        id: 'fireEast',
        agency: 'fire',
        base: 'eastBase',
        capabilities: ['fire'],
        mobilisation: { type: 'exponential', mean: 90 },
      },
      {
        id: 'civilEast',
        agency: 'civil',
        base: 'eastBase',
        capabilities: ['shelter'],
        mobilisation: { type: 'gamma', shape: 2, mean: 900 },
      },
    ],
    arrivals: {
      streams: [
        { kind: 'fire', callsPerDay: 60 },
        { kind: 'bigFire', callsPerDay: 5 },
      ],
    },
  });

  it('the same scenario and seed give the same trace, byte for byte', () => {
    const a = run(scenario(input), 9);
    const b = run(scenario(input), 9);
    expect(traceDigest(a.trace)).toBe(traceDigest(b.trace));
    expect([...traceToNdjson(a.trace)].join('\n')).toBe([...traceToNdjson(b.trace)].join('\n'));
    expect(traceDigest(run(scenario(input), 10).trace)).not.toBe(traceDigest(a.trace));
  });

  it('variants see the same calls (common random numbers)', () => {
    const fewer = { ...input, units: input.units!.slice(1) };
    const calls = (i: typeof input) =>
      records(run(scenario(i), 3).trace)
        .filter((r) => r.ev === 'callReceived')
        .map((r) => [r.t, r.value]);
    expect(calls(fewer)).toEqual(calls(input));
  });

  it('an outside decision-maker that answers with the proposal reproduces the built-in run', () => {
    const s = scenario(input);
    const simulation = new Session(s, 5, { policy: 'ask' });
    let decisions = 0;
    for (
      let result = simulation.advance();
      result.status !== 'finished';
      result = simulation.advance()
    ) {
      if (result.status === 'decision') {
        decisions++;
        simulation.answer(result.decision.proposal);
      }
    }
    const withDecisions = records(simulation.finishTrace()).filter((r) => r.ev !== 'decision');
    const builtIn = records(run(s, 5).trace);
    expect(decisions).toBeGreaterThan(100);
    // Identical but for the cause of each dispatch: the policy's reason, or "decision".
    const policyCauses = ['nearest', 'runCard', 'redispatch'];
    const normalise = (r: (typeof builtIn)[number]) =>
      r.ev === 'dispatched' && (policyCauses.includes(r.cause) || r.cause === 'decision')
        ? { ...r, cause: 'chosen' }
        : r;
    expect(withDecisions.map(normalise)).toEqual(builtIn.map(normalise));
  });

  it('an outside decision can differ from the policy, and bad answers are refused', () => {
    const s = scenario(
      lineScenario({
        arrivals: { incidents: [{ time: 0, kind: 'fire', location: [0.02, 0.05] }] },
      }),
    );
    const simulation = new Session(s, 1, { policy: 'ask' });
    const result = simulation.advance();
    expect(result.status).toBe('decision');
    if (result.status !== 'decision') return;
    expect(result.decision.proposal).toEqual([{ slot: 0, unit: 'fireWest' }]);
    expect(result.decision.slots[0].candidates.map((c) => c.unit)).toEqual([
      'fireWest',
      'fireEast',
    ]);
    expect(() => simulation.answer([{ slot: 0, unit: 'civilEast' }])).toThrow(/capability/);
    expect(() => simulation.answer([{ slot: 0, unit: 'nobody' }])).toThrow(/unknown unit/);
    simulation.answer([{ slot: 0, unit: 'fireEast' }]);
    while (simulation.advance().status !== 'finished');
    const log = records(simulation.finishTrace());
    expect(log.find((r) => r.ev === 'dispatched')).toMatchObject({
      unit: 'fireEast',
      cause: 'decision',
    });
  });
});

describe('districts in several parts', () => {
  it('places calls on every island in proportion to its area, and never in the sea between', () => {
    const small: Array<[number, number]> = [
      [0.3, 0],
      [0.32, 0],
      [0.32, 0.02],
      [0.3, 0.02],
    ];
    const large: Array<[number, number]> = [
      [0, 0],
      [0.06, 0],
      [0.06, 0.06],
      [0, 0.06],
    ];
    const input = lineScenario({
      districts: [{ id: 'islands', polygons: [large, small] }],
      bases: [
        { id: 'westBase', location: [0.01, 0.01] },
        { id: 'eastBase', location: [0.31, 0.01] },
      ],
      incidentKinds: [
        { id: 'fire', needs: [{ capability: 'fire', units: 1 }], nonEmergencyShare: 1 },
      ],
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 5000 }] },
    });
    const { trace } = run(scenario(input), 2);
    const onSmall = Array.from(
      { length: trace.incidentCount },
      (_, i) => trace.places[2 * trace.incidentPlace[i]],
    ).filter((lon) => lon >= 0.3).length;
    const inSea = Array.from(
      { length: trace.incidentCount },
      (_, i) => trace.places[2 * trace.incidentPlace[i]],
    ).filter((lon) => lon > 0.06 && lon < 0.3).length;
    // Areas 36 : 4, so a tenth of the calls on the small island.
    expect(onSmall / trace.incidentCount).toBeCloseTo(0.1, 1);
    expect(inSea).toBe(0);
  });

  it('refuses a district with neither or both of polygon and polygons', () => {
    const input = lineScenario();
    const both = {
      ...input,
      districts: [
        {
          id: 'x',
          polygon: [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
          polygons: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
            ],
          ],
        },
      ],
    };
    expect(() => scenario(both as never)).toThrow(/not both/);
    const neither = { ...input, districts: [{ id: 'x' }] };
    expect(() => scenario(neither as never)).toThrow(/give a polygon or polygons/);
  });
});

describe('roads closing and reopening under the units', () => {
  // A straight road west–east: node 0 at the west base, node 1 in the middle, node 2 east.
  const roadInput = (events: unknown[], incidents: unknown[]) =>
    lineScenario({
      travel: {
        model: 'roadGraph',
        nodes: [
          [0.01, 0.05],
          [0.1, 0.05],
          [0.19, 0.05],
        ],
        edges: [
          { from: 0, to: 1, roadClass: 'road' },
          { from: 1, to: 2, roadClass: 'road' },
        ],
        roadClasses: { road: { speedKmh: 36 } },
        emergencySpeedFactor: 1,
      },
      units: [
        {
          id: 'fireWest',
          agency: 'fire',
          base: 'westBase',
          capabilities: ['fire'],
          mobilisation: { type: 'fixed', value: 60 },
        },
      ],
      events: events as never,
      arrivals: { incidents: incidents as never },
    });

  it('a call cut off when it comes waits, and is served once the road reopens', () => {
    const log = runRecords(
      roadInput(
        [
          { type: 'closeRoad', at: 0, edges: [0] },
          { type: 'openRoad', at: 5000, edges: [0] },
        ],
        [{ time: 100, kind: 'fire', location: [0.1, 0.05] }],
      ),
    );
    expect(log.find((r) => r.ev === 'queued')!.t).toBe(130);
    const dispatched = log.find((r) => r.ev === 'dispatched')!;
    expect([dispatched.t, dispatched.cause]).toEqual([5000, 'queue']);
    expect(log.some((r) => r.ev === 'closed')).toBe(true);
  });

  it('a road closed while the unit mobilises sends the call back to dispatch; the unit stays free', () => {
    const log = runRecords(
      roadInput(
        [
          { type: 'closeRoad', at: 150, edges: [0] },
          { type: 'openRoad', at: 3000, edges: [0] },
        ],
        [{ time: 100, kind: 'fire', location: [0.1, 0.05] }],
      ),
    );
    const sequence = log
      .filter((r) => r.unit === 'fireWest' || r.ev === 'queued')
      .map((r) => [r.ev, r.t, r.cause]);
    expect(sequence.slice(0, 4)).toEqual([
      ['dispatched', 130, 'nearest'],
      ['available', 190, 'closeRoad'],
      ['queued', 190, 'noUnitFree'],
      ['dispatched', 3000, 'queue'],
    ]);
    expect(log.some((r) => r.ev === 'closed')).toBe(true);
  });

  it('a unit whose way home is cut waits on scene, free, and heads home when the road reopens', () => {
    const log = runRecords(
      roadInput(
        [
          { type: 'closeRoad', at: 1000, edges: [0] },
          { type: 'openRoad', at: 6000, edges: [0] },
        ],
        [{ time: 0, kind: 'fire', location: [0.1, 0.05] }],
      ),
    );
    const unit = log.filter((r) => r.unit === 'fireWest').map((r) => [r.ev, r.cause]);
    expect(unit.slice(-2)).toEqual([
      ['available', 'closeRoad'],
      ['available', 'none'],
    ]);
    expect(log[log.length - 1].t).toBeGreaterThan(6000);
  });

  it('an outside decision may not pick an unreachable unit, nor fill one slot twice', () => {
    const cut = new Session(
      scenario(
        roadInput(
          [{ type: 'closeRoad', at: 0, edges: [0] }],
          [{ time: 10, kind: 'fire', location: [0.1, 0.05] }],
        ),
      ),
      1,
      { policy: 'ask' },
    );
    const asked = cut.advance();
    expect(asked.status).toBe('decision');
    if (asked.status === 'decision')
      expect(asked.decision.proposal).toEqual([{ slot: 0, unit: null }]);
    expect(() => cut.answer([{ slot: 0, unit: 'fireWest' }])).toThrow(/cannot reach/);
    const s = scenario(
      lineScenario({
        arrivals: { incidents: [{ time: 0, kind: 'bigFire', location: [0.1, 0.05] }] },
      }),
    );
    const simulation = new Session(s, 1, { policy: 'ask' });
    expect(simulation.advance().status).toBe('decision');
    expect(() =>
      simulation.answer([
        { slot: 0, unit: 'fireWest' },
        { slot: 0, unit: 'fireEast' },
      ]),
    ).toThrow(/slot 0 is not open/);
  });
});

describe('distribution edge cases', () => {
  it('an Erlang with many phases stays finite', () => {
    const log = runRecords(
      lineScenario({
        incidentKinds: [
          {
            id: 'fire',
            needs: [{ capability: 'fire', units: 1 }],
            workTime: { type: 'erlang', phases: 1000, mean: 1800 },
          },
        ],
        arrivals: { incidents: [{ time: 0, kind: 'fire', location: [0.05, 0.05] }] },
      }),
    );
    const cleared = log.find((r) => r.ev === 'cleared')!;
    expect(cleared.value).toBeGreaterThan(1600);
    expect(cleared.value).toBeLessThan(2000);
  });
});
