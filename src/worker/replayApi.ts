/**
 * Worker functions behind the replay of one run (its trace, the routes units drove, the
 * dispatch explanations). Spread into the worker's Comlink api by simWorker.ts.
 *
 * A replay opened here (run now, or read from a saved file) stays in the worker under a key, with
 * its scenario and travel model: the page asks for routes of the legs it is about to show, and
 * for the "why" of a dispatch, without sending the trace back. The page shows one replay at a
 * time, so opening one lets go of the one before (its trace, travel model, routes and caches).
 */
import * as Comlink from 'comlink';
import { builtinInput } from '../scenarios/builtin/lazy.ts';
import { loadScenario, type LoadResult, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { Calendar, WeeklyDuty } from '../sim/calendar.ts';
import { explainIncident, type IncidentExplanation } from '../sim/explain.ts';
import { districtRings, pointInPolygon, type LonLat } from '../lib/geo.ts';
import {
  buildReplayIndex,
  unitStateBefore,
  type ReplayIndex,
  type UnitHomes,
} from '../sim/replay.ts';
import { RoadRouter, closedEdgesAt } from '../sim/replayRoutes.ts';
import { run } from '../sim/run.ts';
import { CAUSES, RecordKind, type CauseName, type Trace } from '../sim/trace.ts';
import { makeTravelModel, type TravelModel } from '../sim/travel.ts';
import type { ScenarioSource } from './simWorker.ts';

/** Routes computed in one call at most: the page asks again for what it still lacks. */
const MAX_ROUTES_PER_CALL = 400;

/** Names the page shows, from the scenario as it ran. */
export interface ReplayNames {
  units: string[];
  agencies: Record<string, string>;
  kinds: string[];
  districts: string[];
}

export type ReplayOpened =
  | {
      ok: true;
      key: string;
      seed: number;
      trace: Trace;
      homes: UnitHomes;
      names: ReplayNames;
      /** Legs follow roads (road graph) or are straight lines (matrix, distance models). */
      roads: boolean;
    }
  | { ok: false; errors: ScenarioProblem[] };

interface LoadedReplay {
  scenario: Scenario;
  trace: Trace;
  index: ReplayIndex;
  homes: UnitHomes;
  /** Per unit: its spec's capabilities, tier and duty (from the scenario). */
  units: Array<{ capabilities: string[]; duty: WeeklyDuty; reserve: boolean }>;
  calendar: Calendar;
  router: RoadRouter | null;
  /**
   * One travel model for every "why" (building one costs the whole road graph), with the road
   * closures of the time last asked about, and its places of trace places (distance model).
   */
  travel: TravelModel;
  closedEdges: number[];
  modelPlaces: Map<number, number>;
}

/** The open replay (at most one: see above), by key. */
const replays = new Map<string, LoadedReplay>();
let opened = 0;

async function loadSource(source: ScenarioSource, language: Language): Promise<LoadResult> {
  const input = 'input' in source ? source.input : await builtinInput(source.builtin);
  if (input === undefined) {
    const builtin = 'builtin' in source ? source.builtin : '';
    return {
      ok: false,
      errors: [{ path: '', message: `no built-in scenario "${builtin}"` }],
      warnings: [],
    };
  }
  return loadScenario(input, language);
}

/** Runs a scenario with a seed and opens its trace for replay. */
async function replayRun(
  source: ScenarioSource,
  seed: number,
  language: Language = 'en',
): Promise<ReplayOpened> {
  const loaded = await loadSource(source, language);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  return open(loaded.scenario, run(loaded.scenario, seed).trace, seed);
}

/** Opens a saved trace with the scenario it came from, without running anything. */
function replayOpen(
  doc: unknown,
  trace: Trace,
  seed: number,
  language: Language = 'en',
): ReplayOpened {
  const loaded = loadScenario(doc, language);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const expected = unitIdsOf(loaded.scenario);
  const units = trace.header.units;
  if (
    trace.header.scenario !== loaded.scenario.id ||
    expected.length !== units.length ||
    expected.some((id, i) => id !== units[i])
  ) {
    const message =
      language === 'zh'
        ? `轨迹与情景不符（情景 ${loaded.scenario.id}，${expected.length} 支力量；轨迹 ${trace.header.scenario}，${units.length} 支力量）`
        : `the trace does not belong to this scenario (scenario ${loaded.scenario.id} with ${expected.length} units; trace of ${trace.header.scenario} with ${units.length} units)`;
    return { ok: false, errors: [{ path: 'trace', message }] };
  }
  return open(loaded.scenario, trace, seed);
}

function open(scenario: Scenario, trace: Trace, seed: number): ReplayOpened {
  const calendar = new Calendar(scenario.start);
  const travel = makeTravelModel(
    scenario.travel,
    scenario.districts.map((d) => d.id),
    calendar,
  );
  const homes = unitHomes(scenario, travel);
  const replay: LoadedReplay = {
    scenario,
    trace,
    index: buildReplayIndex(trace, homes),
    homes,
    units: unitSpecs(scenario),
    calendar,
    router:
      scenario.travel.model === 'roadGraph'
        ? new RoadRouter(scenario.travel, calendar, scenario.events)
        : null,
    travel,
    closedEdges: [],
    modelPlaces: new Map(),
  };
  const key = `replay-${++opened}`;
  replays.clear();
  replays.set(key, replay);
  const copy = copyTrace(trace);
  const names: ReplayNames = {
    units: unitLabels(scenario),
    agencies: Object.fromEntries(scenario.agencies.map((a) => [a.id, a.name || a.id])),
    kinds: trace.header.incidentKinds.map(
      (id) => scenario.incidentKinds.find((kind) => kind.id === id)?.name || id,
    ),
    districts: trace.header.districts.map(
      (id) => scenario.districts.find((district) => district.id === id)?.name || id,
    ),
  };
  const result: ReplayOpened = {
    ok: true,
    key,
    seed,
    trace: copy,
    homes: { homes: homes.homes.slice(), basePlaces: homes.basePlaces.slice() },
    names,
    roads: replay.router !== null,
  };
  return Comlink.transfer(result, transferablesOf(copy));
}

/** Unit ids in the simulator's order: each unit spec's copies, then reinforcement pools. */
function unitIdsOf(scenario: Scenario): string[] {
  return expandedUnits(scenario).map(({ id, copy }) => (copy === 1 ? id : `${id}#${copy}`));
}

function expandedUnits(scenario: Scenario) {
  const list: Array<{ id: string; name: string; copy: number }> = [];
  for (const spec of scenario.units) {
    for (let copy = 1; copy <= spec.count; copy++)
      list.push({ id: spec.id, name: spec.name, copy });
  }
  const pools = scenario.rules.reinforcement.enabled ? scenario.rules.reinforcement.pools : [];
  for (const pool of pools) {
    for (let copy = 1; copy <= pool.count; copy++)
      list.push({ id: pool.id, name: pool.name, copy });
  }
  return list;
}

function unitLabels(scenario: Scenario): string[] {
  return expandedUnits(scenario).map(({ id, name, copy }) => {
    const label = name || id;
    return copy === 1 ? label : `${label} #${copy}`;
  });
}

function unitSpecs(scenario: Scenario): LoadedReplay['units'] {
  const tierOf = new Map(scenario.agencies.map((a) => [a.id, a.tier]));
  const list: LoadedReplay['units'] = [];
  for (const spec of scenario.units) {
    const duty = new WeeklyDuty(
      spec.schedule ??
        (scenario.rules.tiers.enabled
          ? scenario.rules.tiers[`tier${tierOf.get(spec.agency) ?? 1}`].schedule
          : { type: 'always' }),
    );
    for (let copy = 1; copy <= spec.count; copy++) {
      list.push({ capabilities: spec.capabilities, duty, reserve: false });
    }
  }
  const pools = scenario.rules.reinforcement.enabled ? scenario.rules.reinforcement.pools : [];
  for (const pool of pools) {
    const duty = new WeeklyDuty({ type: 'always' });
    for (let copy = 1; copy <= pool.count; copy++) {
      list.push({ capabilities: pool.capabilities, duty, reserve: true });
    }
  }
  return list;
}

/** Where each unit's base is, and its place in the travel model, as the simulator set them. */
function unitHomes(scenario: Scenario, travel: TravelModel): UnitHomes {
  const basePlace = new Map<string, { place: number; location: LonLat }>();
  for (const base of scenario.bases) {
    const district = Math.max(
      0,
      scenario.districts.findIndex((d) =>
        districtRings(d).some((ring) => pointInPolygon(base.location, ring)),
      ),
    );
    basePlace.set(base.id, {
      place: travel.placeOf(base.location, district),
      location: base.location,
    });
  }
  const count = expandedUnits(scenario).length;
  const homes = new Float64Array(2 * count).fill(NaN);
  const basePlaces = new Int32Array(count).fill(-1);
  let index = 0;
  for (const spec of scenario.units) {
    const base = basePlace.get(spec.base) ?? basePlace.get(scenario.bases[0]?.id ?? '');
    for (let copy = 1; copy <= spec.count; copy++, index++) {
      if (!base) continue;
      homes[2 * index] = base.location[0];
      homes[2 * index + 1] = base.location[1];
      basePlaces[index] = base.place;
    }
  }
  return { homes, basePlaces };
}

function copyTrace(trace: Trace): Trace {
  return {
    ...trace,
    time: trace.time.slice(),
    kind: trace.kind.slice(),
    incident: trace.incident.slice(),
    unit: trace.unit.slice(),
    place: trace.place.slice(),
    cause: trace.cause.slice(),
    value: trace.value.slice(),
    incidentKind: trace.incidentKind.slice(),
    incidentDistrict: trace.incidentDistrict.slice(),
    incidentPlace: trace.incidentPlace.slice(),
    places: trace.places.slice(),
  };
}

function transferablesOf(trace: Trace): Transferable[] {
  return [
    trace.time,
    trace.kind,
    trace.incident,
    trace.unit,
    trace.place,
    trace.cause,
    trace.value,
    trace.incidentKind,
    trace.incidentDistrict,
    trace.incidentPlace,
    trace.places,
  ].map((array) => array.buffer);
}

function replayOf(key: string): LoadedReplay {
  const replay = replays.get(key);
  if (!replay) throw new Error(`replay "${key}" is no longer open in this worker`);
  return replay;
}

/** Route polylines of legs: `offsets[k]..offsets[k+1]` are leg k's lon, lat pairs in `points`. */
export interface LegRoutes {
  legs: number[];
  offsets: Int32Array;
  points: Float64Array;
}

/** Road routes of the legs asked for (at most MAX_ROUTES_PER_CALL of them). */
function replayRoutes(key: string, legs: number[]): LegRoutes {
  const replay = replayOf(key);
  const { trace, index, router } = replay;
  const done = legs
    .slice(0, MAX_ROUTES_PER_CALL)
    .filter((leg) => leg >= 0 && leg < index.legs.length);
  const points: number[] = [];
  const offsets = new Int32Array(done.length + 1);
  done.forEach((legIndex, k) => {
    const leg = index.legs[legIndex];
    if (router) points.push(...router.polyline(leg.from, leg.to, leg.start));
    else {
      const places = trace.places;
      points.push(
        places[2 * leg.from],
        places[2 * leg.from + 1],
        places[2 * leg.to],
        places[2 * leg.to + 1],
      );
    }
    offsets[k + 1] = points.length;
  });
  const result = { legs: done, offsets, points: Float64Array.from(points) };
  return Comlink.transfer(result, [result.offsets.buffer, result.points.buffer]);
}

/** A unit that could have been sent, with the drive the travel model gives it from where it was. */
export interface DispatchCandidate {
  unit: number;
  status: 'atBase' | 'free' | 'returning';
  travelSeconds: number;
  chosen: boolean;
}

export interface DispatchWhy {
  record: number;
  time: number;
  unit: number;
  /** The rule applied: nearest, runCard, queue, redispatch, decision, crossRegion… */
  rule: CauseName;
  /** The need the unit met (the first of the kind's needs it is capable of). */
  capability: string | null;
  /** The travel estimate the dispatcher used (s). */
  estimate: number;
  /** Free capable units at that moment, fastest first (at most 12, and the chosen one). */
  candidates: DispatchCandidate[];
  candidateCount: number;
  /** Returning units could be sent (dispatch.redispatchReturning). */
  redispatchReturning: boolean;
}

export interface ReplayExplanation {
  explanation: IncidentExplanation;
  dispatch: DispatchWhy | null;
  /** Dispatch records of this incident, for choosing among them. */
  dispatches: number[];
}

const MAX_CANDIDATES = 12;

/** The "why" of an incident, and of one of its dispatches (record −1: its first). */
function replayExplain(key: string, incident: number, record: number): ReplayExplanation {
  const replay = replayOf(key);
  const { trace } = replay;
  const explanation = explainIncident(trace, incident);
  const dispatches: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    if (trace.incident[i] === incident && trace.kind[i] === RecordKind.dispatched)
      dispatches.push(i);
  }
  const chosen = dispatches.includes(record) ? record : (dispatches[0] ?? -1);
  return {
    explanation,
    dispatch: chosen >= 0 ? explainDispatch(replay, chosen) : null,
    dispatches,
  };
}

function explainDispatch(replay: LoadedReplay, record: number): DispatchWhy {
  const { trace, scenario, index, units } = replay;
  const time = trace.time[record];
  const chosenUnit = trace.unit[record];
  const incident = trace.incident[record];
  const kind = scenario.incidentKinds.find(
    (k) => k.id === trace.header.incidentKinds[trace.incidentKind[incident]],
  );
  const needs = [
    ...(kind?.needs ?? []),
    ...(kind?.growth?.steps.flatMap((step) => step.addNeeds ?? []) ?? []),
  ].map((need) => need.capability);
  const capability = needs.find((need) => units[chosenUnit].capabilities.includes(need)) ?? null;
  const travel = travelModelAt(replay, time);
  const placeOf = modelPlaces(replay);
  const target = placeOf(trace.incidentPlace[incident]);
  const weekSecond = replay.calendar.weekSecond(time);
  const redispatchReturning = scenario.dispatch.redispatchReturning;
  const candidates: DispatchCandidate[] = [];
  units.forEach((spec, unit) => {
    const isChosen = unit === chosenUnit;
    if (
      !isChosen &&
      (spec.reserve || capability === null || !spec.capabilities.includes(capability))
    )
      return;
    const state = unitStateBefore(index, unit, record);
    const free =
      state.status === 'atBase' ||
      state.status === 'free' ||
      (state.status === 'returning' && redispatchReturning);
    if (!isChosen && (!free || !(spec.duty.always || spec.duty.onDuty(weekSecond)))) return;
    let from = placeOf(state.place);
    if (state.status === 'returning' && state.leg >= 0) {
      const leg = index.legs[state.leg];
      from = travel.positionAfter(placeOf(leg.from), placeOf(leg.to), leg.start, time - leg.start);
    }
    const travelSeconds =
      isChosen && !free
        ? trace.value[record]
        : from >= 0 && target >= 0
          ? travel.seconds(from, target, time, true)
          : NaN;
    candidates.push({
      unit,
      status:
        state.status === 'returning' ? 'returning' : state.status === 'free' ? 'free' : 'atBase',
      travelSeconds,
      chosen: isChosen,
    });
  });
  candidates.sort((a, b) => order(a.travelSeconds) - order(b.travelSeconds) || a.unit - b.unit);
  const shown = candidates.slice(0, MAX_CANDIDATES);
  const chosenEntry = candidates.find((c) => c.chosen);
  if (chosenEntry && !shown.includes(chosenEntry)) shown.push(chosenEntry);
  return {
    record,
    time,
    unit: chosenUnit,
    rule: CAUSES[trace.cause[record]],
    capability,
    estimate: trace.value[record],
    candidates: shown,
    candidateCount: candidates.length,
    redispatchReturning: redispatchReturning,
  };
}

const order = (seconds: number) => (Number.isNaN(seconds) ? Infinity : seconds);

/**
 * The replay's travel model with the roads closed at time t as they were in the run. Closures
 * are changed only when they differ from the last time asked about, as changing them empties
 * the model's cached paths.
 */
function travelModelAt(replay: LoadedReplay, t: number): TravelModel {
  const { scenario, travel } = replay;
  if (scenario.travel.model !== 'roadGraph') return travel;
  const closed = closedEdgesAt(scenario.events, scenario.travel.edges.length, t);
  const edges: number[] = [];
  closed.forEach((count, edge) => {
    for (let k = 0; k < count; k++) edges.push(edge);
  });
  const same =
    edges.length === replay.closedEdges.length &&
    edges.every((edge, k) => edge === replay.closedEdges[k]);
  if (!same) {
    if (replay.closedEdges.length > 0) travel.setEdgesClosed(replay.closedEdges, false);
    if (edges.length > 0) travel.setEdgesClosed(edges, true);
    replay.closedEdges = edges;
  }
  return travel;
}

/**
 * The travel model's place of a trace place. Road nodes and zones are the same numbers; the
 * distance model numbers points as it meets them, so the point is placed again (once a replay).
 */
function modelPlaces(replay: LoadedReplay): (place: number) => number {
  if (replay.scenario.travel.model !== 'distance') return (place) => place;
  const { travel, modelPlaces: known } = replay;
  const places = replay.trace.places;
  return (place) => {
    if (place < 0 || 2 * place + 1 >= places.length) return -1;
    let mapped = known.get(place);
    if (mapped === undefined) {
      mapped = travel.placeOf([places[2 * place], places[2 * place + 1]], 0);
      known.set(place, mapped);
    }
    return mapped;
  };
}

export const replayApi = { replayRun, replayOpen, replayRoutes, replayExplain };
