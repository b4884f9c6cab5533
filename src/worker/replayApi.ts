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
import { Calendar } from '../sim/calendar.ts';
import { dispatchReasons } from '../sim/dispatch/why.ts';
import { explainIncident, type IncidentExplanation } from '../sim/analysis/explain.ts';
import { unitStateBefore } from '../sim/analysis/replay.ts';
import { incidentKindWords } from '../sim/analysis/terms.ts';
import { buildReplayIndex, type ReplayIndex, type UnitHomes } from '../sim/analysis/replayIndex.ts';
import { RoadRouter } from '../sim/analysis/replayRoutes.ts';
import { run } from '../sim/run.ts';
import { rosterOf, type RosterUnit } from '../sim/session.ts';
import {
  CAUSES,
  copyTrace,
  RecordKind,
  traceColumns,
  type CauseName,
  type Trace,
} from '../sim/trace.ts';
import { makeTravelModel } from '../sim/travel.ts';
import type { ScenarioSource } from './simWorker.ts';

/** Routes computed in one call at most: the page asks again for what it still lacks. */
const MAX_ROUTES_PER_CALL = 400;

/** Names the page shows, from the scenario as it ran. */
export interface ReplayNames {
  units: string[];
  agencies: Record<string, string>;
  kinds: string[];
  districts: string[];
  /** The scenario's hospitals (a transport record's value is an index into them). */
  hospitals: string[];
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
  router: RoadRouter | null;
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

/** An agency's or district's name in a language: its English one on the English page where it has one. */
function nameIn(entry: { id: string; name?: string; nameEn?: string }, language: Language): string {
  if (language === 'en' && entry.nameEn) return entry.nameEn;
  return entry.name || entry.nameEn || entry.id;
}

/** Runs a scenario with a seed and opens its trace for replay. */
async function replayRun(
  source: ScenarioSource,
  seed: number,
  language: Language = 'en',
): Promise<ReplayOpened> {
  const loaded = await loadSource(source, language);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  // Run to be explained: the trace keeps every dispatch decision with its candidates.
  const { trace } = run(loaded.scenario, seed, [], { explain: true });
  return open(loaded.scenario, trace, seed, language);
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
  return open(loaded.scenario, trace, seed, language);
}

/**
 * Opens a trace run here (or by a training session) for replay, with the scenario as it ran: the
 * routes and explanations the page asks for come from this replay.
 */
export function openReplay(
  scenario: Scenario,
  trace: Trace,
  seed: number,
  language: Language,
): ReplayOpened {
  return open(scenario, trace, seed, language);
}

function open(scenario: Scenario, trace: Trace, seed: number, language: Language): ReplayOpened {
  const calendar = new Calendar(scenario.start);
  const travel = makeTravelModel(
    scenario.travel,
    scenario.districts.map((d) => d.id),
    calendar,
  );
  // The units as the simulator numbers them, with their bases in this travel model.
  const roster = rosterOf(scenario, travel);
  const units = trace.header.units;
  if (
    trace.header.scenario !== scenario.id ||
    roster.length !== units.length ||
    roster.some((unit, i) => unit.id !== units[i])
  ) {
    const message =
      language === 'zh'
        ? `轨迹与情景不符（情景 ${scenario.id}，${roster.length} 支力量；轨迹 ${trace.header.scenario}，${units.length} 支力量）`
        : `the trace does not belong to this scenario (scenario ${scenario.id} with ${roster.length} units; trace of ${trace.header.scenario} with ${units.length} units)`;
    return { ok: false, errors: [{ path: 'trace', message }] };
  }
  const homes = unitHomes(roster);
  const replay: LoadedReplay = {
    scenario,
    trace,
    index: buildReplayIndex(trace, homes),
    router:
      scenario.travel.model === 'roadGraph'
        ? new RoadRouter(scenario.travel, calendar, scenario.events)
        : null,
  };
  const key = `replay-${++opened}`;
  replays.clear();
  replays.set(key, replay);
  const copy = copyTrace(trace);
  const specNames = new Map<string, string>();
  for (const spec of [...scenario.units, ...scenario.rules.reinforcement.pools])
    specNames.set(spec.id, spec.name || spec.id);
  for (const unit of scenario.units) specNames.set(unit.id, nameIn(unit, language));
  const names: ReplayNames = {
    units: roster.map(({ spec, copy }) => {
      const label = specNames.get(spec) ?? spec;
      return copy === 1 ? label : `${label} #${copy}`;
    }),
    agencies: Object.fromEntries(scenario.agencies.map((a) => [a.id, nameIn(a, language)])),
    kinds: trace.header.incidentKinds.map((id) => {
      const kind = scenario.incidentKinds.find((k) => k.id === id);
      return incidentKindWords(id, kind?.name, language, kind?.nameEn);
    }),
    districts: trace.header.districts.map((id) =>
      nameIn(scenario.districts.find((district) => district.id === id) ?? { id }, language),
    ),
    hospitals: (scenario.hospitals ?? []).map((hospital) => nameIn(hospital, language)),
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

/** Where each unit's base is, and its place in the travel model, as the simulator set them. */
function unitHomes(roster: RosterUnit[]): UnitHomes {
  const homes = new Float64Array(2 * roster.length).fill(NaN);
  const basePlaces = new Int32Array(roster.length).fill(-1);
  roster.forEach((unit, index) => {
    if (!unit.home) return;
    homes[2 * index] = unit.home[0];
    homes[2 * index + 1] = unit.home[1];
    basePlaces[index] = unit.basePlace;
  });
  return { homes, basePlaces };
}

function transferablesOf(trace: Trace): Transferable[] {
  return traceColumns(trace).map((array) => array.buffer);
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

/** A unit that could have been sent, with the estimates the dispatcher weighed. */
export interface DispatchCandidate {
  unit: number;
  status: 'atBase' | 'free' | 'returning';
  travelSeconds: number;
  /** Expected wait before its order would arrive (approvals), s. */
  orderDelaySeconds: number;
  chosen: boolean;
}

export interface DispatchWhy {
  record: number;
  time: number;
  unit: number;
  /** The rule applied: nearest, runCard, queue, redispatch, decision, crossRegion… */
  rule: CauseName;
  /** The need the unit met. */
  capability: string | null;
  /** The travel estimate the dispatcher used (s). */
  estimate: number;
  /** The units that could have filled the slot, best first (at most 12, and the chosen one). */
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

/** The decision behind a dispatch, as the run made it (kept in the trace), not recomputed. */
function explainDispatch(replay: LoadedReplay, record: number): DispatchWhy {
  const { trace, scenario, index } = replay;
  const reasons = dispatchReasons(trace, record);
  const candidates: DispatchCandidate[] = (reasons?.candidates ?? []).map((candidate) => {
    const state = unitStateBefore(index, candidate.unit, record);
    return {
      unit: candidate.unit,
      status:
        state.status === 'returning' ? 'returning' : state.status === 'free' ? 'free' : 'atBase',
      travelSeconds: candidate.travelSeconds,
      orderDelaySeconds: candidate.orderDelaySeconds,
      chosen: candidate.chosen,
    };
  });
  return {
    record,
    time: trace.time[record],
    unit: trace.unit[record],
    rule: CAUSES[trace.cause[record]],
    capability: reasons?.capability ?? null,
    estimate: trace.value[record],
    candidates,
    candidateCount: Math.max(reasons?.total ?? 0, candidates.length),
    redispatchReturning: scenario.dispatch.redispatchReturning,
  };
}

export const replayApi = { replayRun, replayOpen, replayRoutes, replayExplain };
