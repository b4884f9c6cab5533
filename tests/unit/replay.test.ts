import { describe, expect, it } from 'vitest';
import { builtinInput } from '../../src/scenarios/builtin/lazy.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { Scenario } from '../../src/scenarios/schema.ts';
import { Calendar } from '../../src/sim/calendar.ts';
import {
  incidentsAt,
  incidentStateAt,
  legsBetween,
  makeRoute,
  pointAlong,
  recordAt,
  unitsAt,
} from '../../src/sim/analysis/replay.ts';
import { buildReplayIndex } from '../../src/sim/analysis/replayIndex.ts';
import { RoadRouter } from '../../src/sim/analysis/replayRoutes.ts';
import { run } from '../../src/sim/run.ts';
import { Cause, RecordKind, traceDigest } from '../../src/sim/trace.ts';
import { amountText, makeClock, minutesText } from '../../src/ui/replay/format.ts';
import { parseReplayFile, replayFileText } from '../../src/ui/replay/replayFile.ts';
import { replayApi } from '../../src/worker/replayApi.ts';
import { lineScenario } from './fixtures.ts';

async function defaultCity() {
  const loaded = loadScenario(await builtinInput('default-city'), 'en');
  if (!loaded.ok) throw new Error('default-city does not load');
  return loaded.scenario;
}

describe('replay index', () => {
  it('follows a unit through dispatch, travel, work and return on the line scenario', () => {
    const scenario = Scenario.parse(
      lineScenario({
        arrivals: { incidents: [{ time: 100, kind: 'fire', location: [0.05, 0.05] }] },
      }),
    );
    const { trace } = run(scenario, 3);
    const homes = {
      homes: Float64Array.from({ length: 2 * trace.header.units.length }, (_, k) =>
        k % 2 ? 0.05 : 0.01,
      ),
      basePlaces: new Int32Array(trace.header.units.length).fill(-1),
    };
    const index = buildReplayIndex(trace, homes);
    const first = trace.kind.findIndex((kind) => kind === RecordKind.enRoute);
    const arrived = trace.kind.findIndex(
      (kind, i) => kind === RecordKind.arrived && trace.unit[i] === trace.unit[first],
    );
    const unit = trace.unit[first];
    const middle = (trace.time[first] + trace.time[arrived]) / 2;
    const view = unitsAt(index, middle, () => undefined)[unit];
    expect(view.status).toBe('enRoute');
    // Half the leg's time: half way along the straight line from where it left to the scene.
    const from = trace.place[first];
    const to = trace.place[arrived];
    const expected = [
      (trace.places[2 * from] + trace.places[2 * to]) / 2,
      (trace.places[2 * from + 1] + trace.places[2 * to + 1]) / 2,
    ];
    expect(view.position![0]).toBeCloseTo(expected[0], 9);
    expect(view.position![1]).toBeCloseTo(expected[1], 9);
    expect(unitsAt(index, trace.time[arrived] + 1, () => undefined)[unit].status).toBe('onScene');
  });

  it('agrees with the trace at every record of a week of the default city', async () => {
    const scenario = await defaultCity();
    const opened = await replayApi.replayRun({ builtin: 'default-city' }, 1, 'en');
    if (!opened.ok) throw new Error('no replay');
    const { trace } = opened;
    expect(trace.length).toBeGreaterThan(5000);
    const index = buildReplayIndex(trace, opened.homes);
    const statusAfter = new Map<number, string>([
      [RecordKind.dispatched, 'dispatched'],
      [RecordKind.arrived, 'onScene'],
      [RecordKind.cleared, 'returning'],
    ]);
    let checked = 0;
    for (let i = 0; i < trace.length; i++) {
      const expected = statusAfter.get(trace.kind[i]);
      if (!expected || trace.time[i + 1] === trace.time[i]) continue;
      const view = unitsAt(index, trace.time[i], () => undefined)[trace.unit[i]];
      expect(view.status, `record ${i}`).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
    // Every unit is home at the start; incidents closed in the trace are closed in the replay.
    expect(unitsAt(index, 0, () => undefined).every((u) => u.status === 'atBase')).toBe(true);
    for (let i = 0; i < trace.length; i++) {
      if (trace.kind[i] !== RecordKind.closed) continue;
      expect(incidentStateAt(index, trace.incident[i], trace.time[i])?.state).toBe('closed');
    }
    // Incidents shown at t are exactly those called by t and not finished long before.
    const t = 2.5 * 86_400;
    const shown = new Set(incidentsAt(index, t).map((view) => view.incident));
    for (let k = 0; k < trace.incidentCount; k++) {
      const alive = index.incidentCalledAt[k] <= t && index.incidentFinishedAt[k] + 1800 >= t;
      expect(shown.has(k), `incident ${k}`).toBe(alive);
    }
    expect(scenario.units.length).toBeGreaterThan(0);
  });

  it('finds the current record by binary search and the legs of a window', async () => {
    const opened = await replayApi.replayRun({ builtin: 'default-city' }, 2, 'en');
    if (!opened.ok) throw new Error('no replay');
    const { trace } = opened;
    const index = buildReplayIndex(trace, opened.homes);
    expect(recordAt(trace, -1)).toBe(-1);
    const i = 500;
    expect(trace.time[recordAt(trace, trace.time[i])]).toBe(trace.time[i]);
    expect(recordAt(trace, Infinity)).toBe(trace.length - 1);
    const from = 86_400;
    const to = from + 3600;
    const expected = index.legs
      .map((leg, k) => ({ leg, k }))
      .filter(({ leg }) => leg.start <= to && leg.end >= from)
      .map(({ k }) => k);
    expect(legsBetween(index, from, to)).toEqual(expected);
  });
});

describe('routes', () => {
  it('places a point along a polyline by share of its length', () => {
    const route = makeRoute(Float64Array.of(0, 0, 0, 1, 0, 3));
    expect(pointAlong(route, 0)).toEqual([0, 0]);
    expect(pointAlong(route, 0.5)[1]).toBeCloseTo(1.5, 9);
    expect(pointAlong(route, 1)).toEqual([0, 3]);
  });

  it('follows roads between connected nodes of the default city and honours closures', async () => {
    const scenario = await defaultCity();
    if (scenario.travel.model !== 'roadGraph') throw new Error('expected a road graph');
    const travel = scenario.travel;
    const router = new RoadRouter(travel, new Calendar(scenario.start), []);
    const path = router.route(0, travel.nodes.length - 1, 0);
    expect(path[0]).toBe(0);
    expect(path[path.length - 1]).toBe(travel.nodes.length - 1);
    const linked = new Set(travel.edges.flatMap((e) => [`${e.from}-${e.to}`, `${e.to}-${e.from}`]));
    for (let k = 1; k < path.length; k++)
      expect(linked.has(`${path[k - 1]}-${path[k]}`)).toBe(true);
    // Close the first edge of that path: the route after the closure avoids it.
    const edge = travel.edges.findIndex(
      (e) => (e.from === path[0] && e.to === path[1]) || (e.to === path[0] && e.from === path[1]),
    );
    const closed = new RoadRouter(travel, new Calendar(scenario.start), [
      { type: 'closeRoad', at: 100, edges: [edge] },
    ]);
    expect(closed.route(0, travel.nodes.length - 1, 0)).toEqual(path);
    expect(closed.route(0, travel.nodes.length - 1, 200).slice(0, 2)).not.toEqual(path.slice(0, 2));
  });
});

describe('why of a dispatch', () => {
  it('recomputes the chosen unit’s estimate and finds no faster free unit for nearest dispatches', async () => {
    const opened = await replayApi.replayRun({ builtin: 'default-city' }, 1, 'en');
    if (!opened.ok) throw new Error('no replay');
    const { trace } = opened;
    let checked = 0;
    for (let i = 0; i < trace.length && checked < 60; i++) {
      if (trace.kind[i] !== RecordKind.dispatched || trace.cause[i] !== Cause.nearest) continue;
      const { dispatch } = replayApi.replayExplain(opened.key, trace.incident[i], i);
      expect(dispatch!.rule).toBe('nearest');
      const chosen = dispatch!.candidates.find((c) => c.chosen)!;
      expect(chosen.travelSeconds).toBeCloseTo(trace.value[i], 6);
      for (const candidate of dispatch!.candidates) {
        expect(candidate.travelSeconds).toBeGreaterThanOrEqual(chosen.travelSeconds - 1e-6);
      }
      checked++;
    }
    expect(checked).toBe(60);
  });
});

describe('the worker keeps one replay and one travel model for it', () => {
  it('explains the same in any order, across road closures, as a replay opened afresh', async () => {
    const scenario = loadScenario(await builtinInput('huzhou-flood'), 'en');
    if (!scenario.ok) throw new Error('huzhou-flood does not load');
    const closures = scenario.scenario.events.filter(
      (event) => event.type === 'closeRoad' || event.type === 'damageRoad',
    );
    expect(closures.length).toBeGreaterThan(0);
    const firstClosure = Math.min(...closures.map((event) => event.at));
    const explainAll = async (order: (records: number[]) => number[]) => {
      const opened = await replayApi.replayRun({ builtin: 'huzhou-flood' }, 1, 'en');
      if (!opened.ok) throw new Error('no replay');
      const { trace } = opened;
      const dispatches: number[] = [];
      for (let i = 0; i < trace.length; i++)
        if (trace.kind[i] === RecordKind.dispatched) dispatches.push(i);
      // Some before the roads close, some while they are closed, spread over the run.
      const step = Math.max(1, Math.floor(dispatches.length / 30));
      const picked = dispatches.filter((_, k) => k % step === 0);
      expect(picked.some((record) => trace.time[record] < firstClosure)).toBe(true);
      expect(picked.some((record) => trace.time[record] > firstClosure)).toBe(true);
      const answers = new Map<number, unknown>();
      for (const record of order(picked))
        answers.set(record, replayApi.replayExplain(opened.key, trace.incident[record], record));
      return { key: opened.key, answers: picked.map((record) => answers.get(record)) };
    };
    const inOrder = await explainAll((records) => records);
    const shuffled = await explainAll((records) => [
      ...records.filter((_, k) => k % 2 === 1).reverse(),
      ...records.filter((_, k) => k % 2 === 0),
    ]);
    expect(shuffled.answers).toEqual(inOrder.answers);
    // Opening the second replay let go of the first.
    expect(() => replayApi.replayExplain(inOrder.key, 0, -1)).toThrow(/no longer open/);
    expect(() => replayApi.replayRoutes(inOrder.key, [0])).toThrow(/no longer open/);
  });
});

describe('replay formats', () => {
  it('formats minutes, amounts and the clock in each language', () => {
    expect(minutesText(90, 'en-US')).toBe('1.5');
    expect(minutesText(Infinity, 'zh-CN')).toBe('—');
    expect(amountText(1234.567, 'en-US')).toBe('1,234.57');
    expect(amountText(1234.567, 'zh-CN')).toBe('1,234.57');
    const clock = makeClock('2026-03-02T08:30', 'zh-CN');
    expect(clock.short(86_400 + 60)).toEqual({ day: 2, text: '08:31:00' });
    expect(makeClock('2026-03-02T08:30', 'en-US').long(0).text).toContain('Mar');
  });
});

describe('replay files', () => {
  it('saves and reopens a trace exactly, and refuses damaged or foreign files', async () => {
    const scenario = await defaultCity();
    const doc = (await builtinInput('default-city')) as Record<string, unknown>;
    // As the replay runs it: kept to be explained, with its decisions.
    const { trace } = run(scenario, 1, [], { explain: true });
    const text = replayFileText({ doc, seed: 1, trace });
    const parsed = parseReplayFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.saved.seed).toBe(1);
    expect(traceDigest(parsed.saved.trace)).toBe(traceDigest(trace));
    expect(parsed.saved.trace.decisions?.count).toBe(trace.decisions!.count);
    expect(Array.from(parsed.saved.trace.command)).toEqual(Array.from(trace.command));
    expect(parsed.saved.trace.length).toBe(trace.length);
    expect(Array.from(parsed.saved.trace.value)).toEqual(Array.from(trace.value));
    expect(Array.from(parsed.saved.trace.time)).toEqual(Array.from(trace.time));

    expect(parseReplayFile('{not json')).toMatchObject({ ok: false, problem: { code: 'notJson' } });
    expect(parseReplayFile('{"format":"other"}')).toMatchObject({
      ok: false,
      problem: { code: 'notReplay' },
    });
    const json = JSON.parse(text);
    json.trace.value[3] = 12345;
    expect(parseReplayFile(JSON.stringify(json))).toMatchObject({
      ok: false,
      problem: { code: 'damaged' },
    });
    const short = JSON.parse(text);
    short.trace.kind.pop();
    expect(parseReplayFile(JSON.stringify(short))).toMatchObject({
      ok: false,
      problem: { code: 'damaged', detail: expect.stringContaining('trace.kind') },
    });
    const newer = JSON.parse(text);
    newer.version = 99;
    expect(parseReplayFile(JSON.stringify(newer))).toMatchObject({
      ok: false,
      problem: { code: 'newerVersion' },
    });
    // A file saved before traces kept their decisions: run again, says the message.
    const older = JSON.parse(text);
    older.version = 1;
    expect(parseReplayFile(JSON.stringify(older))).toMatchObject({
      ok: false,
      problem: { code: 'olderVersion' },
    });
    // A trace opened with another scenario is refused by the worker.
    const other = (await builtinInput('mmc-3-queue')) as Record<string, unknown>;
    const opened = replayApi.replayOpen(other, parsed.saved.trace, 1, 'en');
    expect(opened.ok).toBe(false);
  });
});
