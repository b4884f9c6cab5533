/**
 * The typed decoder of trace records (src/sim/records.ts): every record of real runs decodes and
 * encodes back to the same columns, with a cause its kind can have; every kind has a decoder.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenarios/schema.ts';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { CALL_BACK_RATINGS, RECORD_CAUSES, type TraceRecord } from '../../src/sim/records.ts';
import { decodeRecord, records } from '../../src/sim/decodeRecord.ts';
import { run } from '../../src/sim/run.ts';
import { Session } from '../../src/sim/session.ts';
import {
  Cause,
  CAUSES,
  RECORD_KINDS,
  RecordKind,
  TraceBuilder,
  type CauseName,
  type RecordKindName,
  type Trace,
  type TraceHeader,
} from '../../src/sim/trace.ts';
import { lineScenario, scenario } from './fixtures.ts';

/** One record's columns. */
interface Columns {
  t: number;
  kind: number;
  incident: number;
  unit: number;
  place: number;
  cause: number;
  value: number;
  command: number;
}

const columns = (trace: Trace, i: number): Columns => ({
  t: trace.time[i],
  kind: trace.kind[i],
  incident: trace.incident[i],
  unit: trace.unit[i],
  place: trace.place[i],
  cause: trace.cause[i],
  value: trace.value[i],
  command: trace.command[i],
});

/** A decoded record back to the columns: decodeRecord's inverse, written from the README's table. */
function encode(r: TraceRecord): Columns {
  const raw = (cause: CauseName, value: number): Columns => ({
    t: r.t,
    kind: RecordKind[r.kind],
    incident: r.incident ?? -1,
    unit: r.unit ?? -1,
    place: r.place ?? -1,
    cause: Cause[cause],
    value,
    command: r.command ?? -1,
  });
  switch (r.kind) {
    case 'callReceived':
      return raw(r.cause, r.incidentKind);
    case 'sentTo12345':
      return raw('triage', 0);
    case 'dispatched':
      return raw(r.why, r.estimatedTravelSeconds);
    case 'enRoute':
      return raw(r.spedUpBy ?? 'none', r.mobilisationSeconds);
    case 'arrived':
      return raw('none', r.travelSeconds);
    case 'cleared':
      return raw(r.endMovedBy ?? 'none', r.onSceneSeconds);
    case 'available':
      return raw(r.strandedBy ?? 'none', r.returnTravelSeconds);
    case 'queued':
      return raw(r.why, r.unitsMissing);
    case 'overflowed':
      return raw(r.why, r.unitsPassed);
    case 'outsideArrived':
      return raw('overflowPolicy', 0);
    case 'closed':
      return raw('none', r.secondsSinceCall);
    case 'unanswered':
      return raw(r.why, r.unitsMissing);
    case 'external':
      switch (r.event) {
        case 'closeRoad':
        case 'openRoad':
        case 'roadDamage':
          return raw(r.event, r.edges);
        case 'unitOutOfService':
        case 'unitInService':
          return raw(r.event, 0);
        case 'season':
          return raw(r.event, r.active ? 1 : 0);
        case 'responseLevel':
          return raw(r.event, r.level);
        case 'callRateFactor':
          return raw(r.event, r.factor);
      }
      throw new Error('unreachable');
    case 'outOfService':
      return raw('unitOutOfService', 0);
    case 'inService':
      return raw('unitInService', 0);
    case 'decision':
      return raw('decision', r.unitsChosen);
    case 'approved':
      return raw(r.step, r.seconds);
    case 'prepositioned':
      return raw('responseLevel', r.level);
    case 'reported':
    case 'reportedLate':
      return raw(r.report, r.delaySeconds);
    case 'reportMissing':
      return raw(r.report, 0);
    case 'callBack':
      return raw('none', { satisfied: 0, basicallySatisfied: 1, unsatisfied: 2 }[r.rating]);
    case 'requested':
      return r.cause === 'crossRegion'
        ? raw(r.cause, r.unitsWanted)
        : raw(r.cause, r.suppliesWanted);
    case 'grew':
      return raw('growth', r.severity);
    case 'planActivated':
      return raw('specialPlan', r.plan);
    case 'commandHandedOver':
      return raw(r.cause, r.secondsWaited);
    case 'firstReceiverActing':
      return raw('firstReceiver', 0);
    case 'supplied':
      return raw(r.cause, r.secondsSinceRequest);
    case 'graded':
      return raw(r.level, r.participants);
    case 'transportStarted':
      return raw('none', r.hospital);
    case 'atHospital':
      return raw('none', r.travelSeconds);
    case 'handedOver':
      return raw('none', r.handoverSeconds);
    default: {
      const unknown: never = r;
      throw new Error(`no encoder for ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Decodes every record: what does not encode back to its columns, has a cause its kind cannot
 * have, or a negative index instead of null. Returns the problems and the kinds seen.
 */
function check(trace: Trace): { problems: string[]; kinds: Set<RecordKindName> } {
  const problems: string[] = [];
  const kinds = new Set<RecordKindName>();
  let i = 0;
  for (const record of records(trace)) {
    kinds.add(record.kind);
    const raw = columns(trace, i);
    const back = encode(record);
    if (!sameColumns(back, raw)) {
      problems.push(`record ${i}: ${JSON.stringify(raw)} decodes as ${JSON.stringify(record)}`);
    }
    const causes: readonly CauseName[] = RECORD_CAUSES[record.kind];
    if (!causes.includes(CAUSES[raw.cause])) {
      problems.push(`record ${i}: ${record.kind} with cause ${CAUSES[raw.cause]}`);
    }
    for (const index of [record.incident, record.unit, record.place]) {
      if (index !== null && !(index >= 0)) problems.push(`record ${i}: index ${index}`);
    }
    i++;
  }
  if (i !== trace.length) problems.push(`records() gave ${i} of ${trace.length}`);
  return { problems, kinds };
}

const sameColumns = (a: Columns, b: Columns) =>
  (Object.keys(a) as Array<keyof Columns>).every((key) => Object.is(a[key], b[key]));

describe('decoding the records of the built-in scenarios', () => {
  it.each(builtinScenarios.map(({ id }) => [id]))(
    '%s (two days at most): every record round-trips to its columns',
    (id) => {
      const s = builtinScenario(id);
      const { trace } = run({ ...s, duration: Math.min(s.duration, 2 * 86_400) }, 1);
      const { problems, kinds } = check(trace);
      expect(problems).toEqual([]);
      expect(kinds.size).toBeGreaterThan(3);
    },
  );

  it('records(trace, from, to) are the records from `from` up to `to`, by index', () => {
    const s = builtinScenario('default-city');
    const { trace } = run({ ...s, duration: 86_400 }, 1);
    const some = [...records(trace, 10, 20)];
    expect(some).toHaveLength(10);
    expect(some).toEqual(Array.from({ length: 10 }, (_, k) => decodeRecord(trace, 10 + k)));
    expect([...records(trace, trace.length - 2, trace.length + 5)]).toHaveLength(2);
  });
});

const fixed = (value: number) => ({ type: 'fixed' as const, value });
const west = [0.02, 0.05] as [number, number];
const fireAt = (time: number, location = west) => ({ time, kind: 'fire', location });

/** Runs of small scenarios for the kinds (and causes) that the built-ins do not write. */
const ruleRuns: Array<{ name: string; input: ScenarioInput; writes: RecordKindName[] }> = [
  {
    name: 'overflow to outside help',
    input: lineScenario({
      units: [lineScenario().units![0]],
      dispatch: {
        callHandling: fixed(0),
        whenNoUnit: 'overflow',
        overflowDelay: 300,
        outsideHelpResponse: fixed(1200),
      },
      arrivals: { incidents: [fireAt(0), fireAt(10)] },
    }),
    writes: ['queued', 'overflowed', 'outsideArrived'],
  },
  {
    name: 'growth while the units are out of service',
    input: lineScenario({
      rules: { growth: { enabled: true } },
      events: [
        { type: 'unitOutOfService', at: 0, unit: 'fireWest' },
        { type: 'unitOutOfService', at: 0, unit: 'fireEast' },
        { type: 'unitInService', at: 2000, unit: 'fireWest' },
        { type: 'unitInService', at: 2000, unit: 'fireEast' },
      ],
      incidentKinds: [
        {
          id: 'fire',
          severity: 4,
          needs: [{ capability: 'fire', units: 1 }],
          growth: { afterSeconds: 600, steps: [{ severity: 3, addNeeds: [] }] },
        },
      ],
      arrivals: { incidents: [fireAt(0)] },
    }),
    writes: ['external', 'outOfService', 'inService', 'grew'],
  },
  {
    name: 'first receiver hands over',
    input: lineScenario({
      rules: {
        firstReceiver: { enabled: true, responsible: { fire: 'civil' }, handover: fixed(300) },
      },
      units: [
        lineScenario().units![0],
        { id: 'civilTeam', agency: 'civil', base: 'eastBase', capabilities: ['fire'] },
      ],
      incidentKinds: [
        { id: 'fire', needs: [{ capability: 'fire', units: 2 }], workTime: fixed(7200) },
      ],
      arrivals: { incidents: [fireAt(0)] },
    }),
    writes: ['firstReceiverActing', 'commandHandedOver', 'cleared'],
  },
  {
    name: 'cross-region reinforcement and the rear HQ',
    input: lineScenario({
      units: [lineScenario().units![0]],
      rules: {
        reinforcement: {
          enabled: true,
          approval: fixed(1800),
          pools: [
            {
              id: 'provincial',
              agency: 'fire',
              capabilities: ['fire'],
              count: 2,
              approach: fixed(3600),
            },
          ],
        },
        rearSupply: {
          enabled: true,
          stocks: { sandbags: 1500 },
          fulfilment: fixed(3600),
          stockOutDelay: 7200,
        },
      },
      incidentKinds: [
        {
          id: 'fire',
          needs: [{ capability: 'fire', units: 1 }],
          workTime: fixed(20_000),
          supplies: { sandbags: 1000 },
        },
      ],
      arrivals: { incidents: [fireAt(0), fireAt(60, [0.03, 0.05])] },
    }),
    writes: ['requested', 'approved', 'supplied'],
  },
];

describe('decoding the records of rules the built-ins do not use', () => {
  it.each(ruleRuns.map((r) => [r.name, r]))('%s', (_name, { input, writes }) => {
    const { trace } = run(scenario(input), 1);
    const { problems, kinds } = check(trace);
    expect(problems).toEqual([]);
    expect(writes.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it('an outside decision that differs from the policy', () => {
    const s = scenario(lineScenario({ arrivals: { incidents: [fireAt(0)] } }));
    const session = new Session(s, 1, { policy: 'ask' });
    const asked = session.advance();
    expect(asked.status).toBe('decision');
    session.answer([{ slot: 0, unit: 'fireEast' }]);
    while (session.advance().status !== 'finished');
    const trace = session.finishTrace();
    const { problems, kinds } = check(trace);
    expect(problems).toEqual([]);
    expect(kinds.has('decision')).toBe(true);
    // The call is the scenario's first listed call (the command after its events); answers to
    // dispatch decisions are not numbered (src/sim/world/commands.ts).
    const decided = [...records(trace)].filter(
      (r) =>
        r.kind === 'callReceived' ||
        r.kind === 'decision' ||
        (r.kind === 'dispatched' && r.why === 'decision'),
    );
    expect(decided.map((r) => [r.kind, r.command])).toEqual([
      ['callReceived', trace.header.commands.scenarioEvents],
      ['decision', null],
      ['dispatched', null],
    ]);
  });
});

describe('every kind of record has a decoder', () => {
  /** The indexes a record of the kind (and cause) has: which of incident, unit and place. */
  function has(kind: RecordKindName, cause: CauseName) {
    const noIncident = [
      'available',
      'external',
      'outOfService',
      'inService',
      'prepositioned',
      'atHospital',
      'handedOver',
    ];
    const withUnit = [
      'dispatched',
      'enRoute',
      'arrived',
      'cleared',
      'available',
      'outOfService',
      'inService',
      'prepositioned',
      'reported',
      'reportedLate',
      'reportMissing',
      'firstReceiverActing',
      'transportStarted',
      'atHospital',
      'handedOver',
    ];
    return {
      incident: !noIncident.includes(kind),
      unit:
        withUnit.includes(kind) ||
        (kind === 'approved' && cause !== 'crossRegion') ||
        (kind === 'commandHandedOver' && cause === 'firstReceiver') ||
        (kind === 'external' && (cause === 'unitOutOfService' || cause === 'unitInService')),
      place: kind !== 'external',
    };
  }
  /** A value the kind (and cause) can have. */
  function valueOf(kind: RecordKindName, cause: CauseName): number {
    if (kind === 'callBack') return CALL_BACK_RATINGS.indexOf('basicallySatisfied');
    if (kind === 'external' && cause === 'season') return 1;
    const zero: RecordKindName[] = [
      'sentTo12345',
      'outsideArrived',
      'outOfService',
      'inService',
      'reportMissing',
      'firstReceiverActing',
    ];
    if (zero.includes(kind)) return 0;
    if (kind === 'external' && (cause === 'unitOutOfService' || cause === 'unitInService'))
      return 0;
    return 42.5;
  }

  // One record of every kind with every cause it can have, half of them written by a command.
  const builder = new TraceBuilder();
  const written: Array<{ kind: RecordKindName; cause: CauseName }> = [];
  RECORD_KINDS.forEach(([kind], code) => {
    for (const cause of RECORD_CAUSES[kind] as readonly CauseName[]) {
      const { incident, unit, place } = has(kind, cause);
      builder.currentCommand = written.length % 2 === 0 ? -1 : written.length;
      builder.record(
        10 * written.length,
        code,
        incident ? 3 : -1,
        unit ? 7 : -1,
        place ? 11 : -1,
        Cause[cause],
        valueOf(kind, cause),
      );
      written.push({ kind, cause });
    }
  });
  const trace = builder.finish({} as TraceHeader, new Float64Array(0));

  it('each kind, with each of its causes, decodes to a record of that kind', () => {
    const decoded = [...records(trace)];
    expect(decoded.map((r) => r.kind)).toEqual(written.map((w) => w.kind));
    expect(new Set(decoded.map((r) => r.kind)).size).toBe(RECORD_KINDS.length);
  });

  it('and encodes back to the same columns', () => {
    expect(check(trace).problems).toEqual([]);
  });

  it('a kind code with no kind is an error', () => {
    const odd = new TraceBuilder();
    odd.record(0, RECORD_KINDS.length, -1, -1, -1, 0, 0);
    expect(() => decodeRecord(odd.finish({} as TraceHeader, new Float64Array(0)), 0)).toThrow(
      `kind code ${RECORD_KINDS.length}`,
    );
  });
});
