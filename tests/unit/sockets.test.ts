/**
 * The simulator's three sockets: rules with streams of their own (common random numbers hold
 * across rule switches), one dispatch policy whose decisions the "why" reads, and a session
 * whose command log replays to the same trace.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { dispatchReasons } from '../../src/sim/dispatch/why.ts';
import { run } from '../../src/sim/run.ts';
import { replaySession, Session } from '../../src/sim/session.ts';
import { playSession } from '../trainee.ts';
import { lineScenario, ONE_ROAD as ONE_ROAD_TRAVEL, scenario as parsed } from './fixtures.ts';
import { Cause, RecordKind, traceDigest, type Trace } from '../../src/sim/trace.ts';

/** Approval waits of one cause, by incident and unit. */
function waits(trace: Trace, cause: number): Map<string, number> {
  const byPair = new Map<string, number>();
  for (let i = 0; i < trace.length; i++) {
    if (trace.kind[i] !== RecordKind.approved || trace.cause[i] !== cause) continue;
    byPair.set(`${trace.incident[i]}/${trace.unit[i]}`, trace.value[i]);
  }
  return byPair;
}

function withTraffic(scenario: Scenario): Scenario {
  return {
    ...scenario,
    rules: {
      ...scenario.rules,
      traffic: {
        ...scenario.rules.traffic,
        enabled: true,
        atSeverity: 4,
        setup: { type: 'lognormalMedianP90', median: 600, p90: 1200 },
      },
    },
  };
}

const shortened = (scenario: Scenario, days: number): Scenario => ({
  ...scenario,
  duration: Math.min(scenario.duration, days * 86_400),
});

describe('rules draw from streams of their own', () => {
  it('switching traffic control on leaves the fire-rescue approval waits as they were', () => {
    const base = builtinScenario('weihai-forest-fire');
    for (const seed of [1, 2]) {
      const before = waits(run(base, seed).trace, Cause.fireRescueApproval);
      const after = run(withTraffic(base), seed).trace;
      const changed = waits(after, Cause.fireRescueApproval);
      // Traffic control did act: some drives were faster.
      let controlled = 0;
      for (let i = 0; i < after.length; i++)
        if (after.kind[i] === RecordKind.enRoute && after.cause[i] === Cause.trafficControl)
          controlled++;
      expect(controlled).toBeGreaterThan(0);
      let matched = 0;
      for (const [pair, seconds] of before) {
        if (!changed.has(pair)) continue;
        matched++;
        expect(changed.get(pair), pair).toBe(seconds);
      }
      expect(matched).toBeGreaterThan(20);
    }
  });
});

describe('one dispatch policy', () => {
  it('a run kept to be explained writes the same records as a plain run', () => {
    const scenario = builtinScenario('huzhou-flood');
    const plain = run(scenario, 3).trace;
    const explained = run(scenario, 3, [], { explain: true }).trace;
    expect(explained.decisions!.count).toBeGreaterThan(100);
    const { decisions: _kept, ...records } = explained;
    expect(traceDigest(records)).toBe(traceDigest(plain));
    // Straight-line travel, where weighing a unit on its way home must not add places.
    const line = parsed(
      lineScenario({ arrivals: { streams: [{ kind: 'fire', callsPerDay: 60 }] } }),
    );
    const { decisions: _lineKept, ...lineRecords } = run(line, 2, [], { explain: true }).trace;
    expect(traceDigest(lineRecords)).toBe(traceDigest(run(line, 2).trace));
  });

  const cities: Array<[string, number]> = [
    ['default-city', 2],
    ['benchmark-city', 2],
    ['huzhou-flood', 3],
    ['zhoushan-islands', 3],
    ['jinhua-hazmat-drill', 1],
    ['township-group-incident', 2],
    ['weihai-forest-fire', 3],
  ];
  for (const [id, days] of cities) {
    it(`the "why" of every dispatch is the decision the policy made (${id})`, () => {
      const trace = run(shortened(builtinScenario(id), days), 1, [], { explain: true }).trace;
      let dispatches = 0;
      for (let i = 0; i < trace.length; i++) {
        if (trace.kind[i] !== RecordKind.dispatched) continue;
        dispatches++;
        const reasons = dispatchReasons(trace, i);
        expect(reasons, `record ${i}`).not.toBeNull();
        const chosen = reasons!.candidates.filter((c) => c.chosen);
        expect(chosen.map((c) => c.unit)).toEqual([trace.unit[i]]);
        if (trace.header.unitReserves[trace.unit[i]]) continue;
        // The estimate written with the dispatch is the one the decision weighed.
        expect(chosen[0].travelSeconds).toBe(trace.value[i]);
        if (trace.cause[i] !== Cause.nearest) continue;
        // Nearest: no candidate shown was faster, approvals included.
        const weighed = (c: (typeof chosen)[number]) => c.travelSeconds + c.orderDelaySeconds;
        for (const other of reasons!.candidates) {
          expect(weighed(other)).toBeGreaterThanOrEqual(weighed(chosen[0]));
        }
      }
      expect(dispatches).toBeGreaterThan(0);
    }, 60_000);
  }

  it('asked for every assignment, answering with the proposal gives the built-in run', () => {
    const scenario = builtinScenario('huzhou-flood');
    const session = new Session(scenario, 2, { policy: 'ask' });
    let decisions = 0;
    let answered = 0;
    for (let r = session.advance(); r.status !== 'finished'; r = session.advance()) {
      if (r.status !== 'decision') continue;
      decisions++;
      answered += r.decision.proposal.filter((p) => p.unit !== null).length;
      session.answer(r.decision.proposal);
    }
    const trace = session.finishTrace();
    const builtIn = run(scenario, 2).trace;
    let dispatched = 0;
    for (let i = 0; i < builtIn.length; i++)
      if (builtIn.kind[i] === RecordKind.dispatched) dispatched++;
    // Every unit sent was sent by an answer: no assignment bypassed the decision-maker.
    expect(answered).toBe(dispatched);
    expect(decisions).toBeGreaterThan(1000);
    // Byte for byte: an answer that is the policy's proposal changes nothing.
    expect(traceDigest(trace)).toBe(traceDigest(builtIn));
  }, 60_000);
});

describe('a session and its command log', () => {
  it('replays to the same trace, byte for byte, from its log (also after JSON)', () => {
    const scenario = shortened(builtinScenario('huzhou-flood'), 1);
    const played = playSession(scenario, 4);
    const trace = played.finishTrace();
    const log = JSON.parse(JSON.stringify(played.commandLog));
    expect(log.length).toBeGreaterThan(50);
    const replayed = replaySession(scenario, 4, log, { policy: 'ask' });
    while (replayed.advance().status !== 'finished');
    expect(traceDigest(replayed.finishTrace())).toBe(traceDigest(trace));
    // The trace says which command caused what: the drill's call and the level change.
    const header = trace.header.commands;
    const inject =
      header.scenarioEvents +
      header.listedCalls +
      header.submitted.findIndex((c) => c.id === 'inject-1');
    const causedByInject = [...trace.command.keys()].filter((i) => trace.command[i] === inject);
    expect(causedByInject.map((i) => trace.kind[i])).toContain(RecordKind.callReceived);
    expect(header.submitted.filter((c) => c.source === 'drill')).toHaveLength(2);
    // Someone chose differently from the policy at least once, and it shows.
    expect([...trace.kind].filter((k) => k === RecordKind.decision).length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a command that cannot apply and does not log it', () => {
    const scenario = shortened(builtinScenario('huzhou-flood'), 1);
    const session = new Session(scenario, 1, { policy: 'ask' });
    const r = session.advance();
    expect(r.status).toBe('decision');
    expect(() => session.submit({ type: 'dispatch', decision: 99, answer: [] })).toThrow(
      /decision 0 is open/,
    );
    expect(session.commandLog).toHaveLength(0);
  });

  /** Answers every decision with its proposal; `inject` may submit commands on the way. */
  function askedRun(s: Scenario, seed: number, inject?: (session: Session, step: number) => void) {
    const session = new Session(s, seed, { policy: 'ask' });
    let step = 0;
    for (let r = session.advance(); r.status !== 'finished'; r = session.advance()) {
      if (r.status !== 'decision') continue;
      inject?.(session, step++);
      session.answer(r.decision.proposal);
    }
    return session;
  }

  it('answered with its proposals, an asked run equals the built-in run in every column', () => {
    // Calls judged at once (no call handling) and events at the same times (fixed delays):
    // what a call sets off must keep its place in the event queue while a person decides.
    const s = parsed(
      lineScenario({
        dispatch: { callHandling: { type: 'fixed', value: 0 } },
        arrivals: {
          incidents: [0, 100, 160, 160, 220, 400].map((time, k) => ({
            time,
            kind: k % 3 === 2 ? 'bigFire' : 'fire',
            location: [0.02 + 0.03 * k, 0.05] as [number, number],
          })),
        },
        events: [
          { type: 'unitOutOfService', at: 50, unit: 'fireEast' },
          { type: 'unitInService', at: 160, unit: 'fireEast' },
        ],
      }),
    );
    const asked = askedRun(s, 1).finishTrace();
    const builtIn = run(s, 1).trace;
    expect([...builtIn.command].filter((c) => c >= 0).length).toBeGreaterThan(10);
    expect(traceDigest(asked)).toBe(traceDigest(builtIn));
  });

  it('a command sent while a decision is open acts after it, as in a run that did not stop', () => {
    const s = parsed(
      lineScenario({
        dispatch: { callHandling: { type: 'fixed', value: 0 } },
        arrivals: {
          incidents: [0, 130, 600].map((time) => ({
            time,
            kind: 'fire',
            location: [0.05, 0.05] as [number, number],
          })),
        },
      }),
    );
    const asked = askedRun(s, 1, (session, step) => {
      if (step === 1) {
        session.submit({ type: 'call', kind: 'fire', district: 'east' }, { source: 'drill' });
        session.submit({ type: 'unitOutOfService', unit: 'fireWest' }, { source: 'drill' });
      }
    });
    // The same injects, after the same number of events, with nobody asked.
    const injects = asked.commandLog.filter((c) => c.command.type !== 'dispatch');
    expect(injects).toHaveLength(2);
    const builtIn = run(s, 1, injects).trace;
    expect(traceDigest(asked.finishTrace())).toBe(traceDigest(builtIn));
  });

  it('a command that cannot act is refused before it changes anything', () => {
    const s = parsed(lineScenario({ travel: ONE_ROAD_TRAVEL }));
    const session = new Session(s, 1);
    expect(() =>
      session.submit({ type: 'damageRoad', edges: [0], repairSeconds: -5 }, { source: 'drill' }),
    ).toThrow(/repairSeconds/);
    expect(() => session.submit({ type: 'closeRoad', edges: [7] }, { source: 'drill' })).toThrow(
      /no road edge 7/,
    );
    expect(() => session.submit({ type: 'unitInService', unit: 'nobody' })).toThrow(/nobody/);
    expect(session.commandLog).toHaveLength(0);
    while (session.advance().status !== 'finished');
    const trace = session.finishTrace();
    expect(trace.header.commands.submitted).toHaveLength(0);
    expect([...trace.kind].includes(RecordKind.external)).toBe(false);
  });
});
