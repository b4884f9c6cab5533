/**
 * Worker functions behind the trainee's seat (src/ui/training): the training session lives here,
 * under a key, so that the simulation never runs on the page's thread. The page sends each of
 * the trainee's actions and gets back what the seat shows. Every action goes into a journal the
 * page keeps (and autosaves): opening a session with a journal replays it, wall-clock stamps
 * included, so a reload — or "take the seat from here" with a journal cut short — gives the
 * same session.
 *
 * Spread into the worker's Comlink api by simWorker.ts.
 */
import { builtinInput } from '../scenarios/builtin/lazy.ts';
import type { Language } from '../scenarios/messages.ts';
import {
  builtinCourse,
  builtinExercises,
  classTable,
  classTableCsv,
  exerciseForLevel,
  exportSessionFile,
  importSessionFile,
  loadExerciseScenario,
  parseCourse,
  parseExercise,
  prepareExercise,
  scoreSession,
  startTraining,
  type Bilingual,
  type ClassTable,
  type Course,
  type DecisionView,
  type Exercise,
  type Level,
  type Problem,
  type ScoreSheet,
  type SessionFile,
  type TrainingCall,
  type TrainingSession,
  type TrainingStop,
} from '../training/api.ts';
import type { ApprovalPath, TriageJudgement } from '../training/schema.ts';
import type { DispatchAnswer } from '../sim/dispatch/policy.ts';
import { rosterOf } from '../sim/session.ts';
import { unitViews } from '../training/seat.ts';
import { IncidentTracking, type TrackingEvent } from './trainingTracking.ts';
import { trainingDebriefApi } from './trainingDebrief.ts';
import { kindLabel } from '../training/caller.ts';
import { referenceRun } from '../training/reference.ts';

/** One thing the trainee did, as the journal keeps it. */
export type SeatAction =
  | { type: 'step' }
  | { type: 'advanceTo'; time: number; stopAtCalls: boolean }
  | { type: 'pickUp'; call: number }
  | { type: 'triage'; call: number; judgement: TriageJudgement }
  | { type: 'linkage'; incident: number; agencies: string[]; approvalPath: ApprovalPath }
  | { type: 'note'; note: 'callBack' | 'closed'; incident: number }
  /** `incident` is the decision's (for the seat's record of what was done; not replayed). */
  | { type: 'answer'; decision: number; incident: number; answer: DispatchAnswer; at?: number };

/** What the page keeps to resume a session: the exercise, the seed, the trainee and the journal. */
export interface SeatJournal {
  exercise: Exercise;
  seed: number;
  trainee: { name: string; id: string };
  actions: SeatAction[];
  /**
   * The wall clock's readings (ms) the session asked for: `wall[0]` while it started,
   * `wall[i + 1]` while it did `actions[i]` (answer times are differences of these).
   */
  wall: number[][];
}

/** A unit as the seat's map and lists show it. */
export interface SeatUnit {
  id: string;
  /** Its name (and base), for people. */
  label: Bilingual;
  /** Its base, or null for a unit without one (a reserve pool's). */
  home: [number, number] | null;
}

/** What the seat needs once: the scenario's map and units, the window. */
export interface SeatSetup {
  key: string;
  /** The scenario as the map draws it (the scenario file, before the exercise's changes). */
  doc: Record<string, unknown>;
  window: { start: number; end: number };
  start: string;
  units: SeatUnit[];
  outOfService: string[];
  /** Agency ids and names, for the linkage step. */
  agencies: Array<{ id: string; name: Bilingual }>;
  /** Incident kinds (id and name) for the triage step. */
  kinds: Array<{ id: string; label: Bilingual }>;
}

export type { TrackingEvent } from './trainingTracking.ts';

/** What the seat shows after each action. */
export interface SeatState {
  time: number;
  stop: TrainingStop['status'];
  /** The call that rang at this stop, if it is a call. */
  ringing: number | null;
  calls: TrainingCall[];
  openDecision: DecisionView | null;
  /** Where each incident of a call is, by incident number (for the map). */
  incidentPlaces: Record<number, [number, number]>;
  /** What happened to the incidents of the calls rung so far, in order. */
  tracking: TrackingEvent[];
  /** When each call appeared on the desk (ms since 1970; a resumed session: when resumed). */
  ringingSince: Record<number, number>;
  actions: number;
}

export type SeatOpened =
  | { ok: true; setup: SeatSetup; state: SeatState; journal: SeatJournal }
  | { ok: false; problems: Problem[] };

export type SeatResult =
  | { ok: true; state: SeatState; journal: SeatJournal }
  | { ok: false; message: string; state: SeatState };

interface OpenSeat {
  session: TrainingSession;
  journal: SeatJournal;
  last: TrainingStop;
  /** The journal's slot of wall readings being filled (0: the start, i + 1: action i). */
  slot: number;
  /** Applying the journal it was opened with (its recorded wall readings are given back). */
  replaying: boolean;
  /** What happened to the incidents of the calls rung (set when the session starts). */
  tracking: IncidentTracking | null;
  places: Map<number, [number, number]>;
  ringingSince: Record<number, number>;
}

const seats = new Map<string, OpenSeat>();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
let opened = 0;

function apply(seat: OpenSeat, action: SeatAction): void {
  const session = seat.session;
  switch (action.type) {
    case 'step':
      seat.last = session.step();
      return;
    case 'advanceTo':
      seat.last = session.advanceTo(action.time, { stopAtCalls: action.stopAtCalls });
      return;
    case 'pickUp':
      session.pickUp(action.call);
      return;
    case 'triage':
      session.triage(action.call, action.judgement);
      return;
    case 'linkage':
      session.linkage(action.incident, action.agencies, action.approvalPath);
      return;
    case 'note':
      session.note(action.note, action.incident);
      return;
    case 'answer':
      session.answer(
        action.decision,
        action.answer,
        action.at === undefined ? {} : { at: action.at },
      );
      return;
  }
}

function stateOf(seat: OpenSeat): SeatState {
  const { session, last } = seat;
  const incidentPlaces: Record<number, [number, number]> = {};
  const openDecision = session.openDecision;
  const incidents = session.calls.map((call) => call.incident);
  if (openDecision) incidents.push(openDecision.decision.incident);
  for (const incident of incidents) {
    const place = seat.places.get(incident);
    if (place) incidentPlaces[incident] = place;
  }
  seat.tracking?.follow();
  const now = Date.now();
  for (const call of session.calls) seat.ringingSince[call.id] ??= now;
  return {
    // A paced clock runs on between events: the time asked for, not the last event's.
    time: Math.max(session.time, last.time),
    stop: last.status,
    ringing: last.status === 'call' ? last.call.id : null,
    calls: session.calls.slice(),
    openDecision,
    incidentPlaces,
    tracking: seat.tracking?.events.slice() ?? [],
    ringingSince: { ...seat.ringingSince },
    actions: seat.journal.actions.length,
  };
}

/**
 * Opens a seat on an exercise: a fresh session, or one resumed from its journal (every action
 * applied again, with the wall-clock readings it had). With `rebase`, the readings are moved so
 * that the last of them is now: taking the seat again from a call, that call rings from now.
 */
async function seatOpen(
  journal: SeatJournal,
  language: Language = 'zh',
  { rebase = false }: { rebase?: boolean } = {},
): Promise<SeatOpened> {
  const checked = parseExercise(journal.exercise, language);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const exercise = checked.value;
  try {
    await loadExerciseScenario(exercise);
  } catch (error) {
    return { ok: false, problems: [{ path: 'scenario', message: messageOf(error) }] };
  }
  const recorded = journal.wall;
  let latest = -Infinity;
  for (const readings of recorded)
    for (const reading of readings) latest = Math.max(latest, reading);
  const offset = rebase && Number.isFinite(latest) ? Date.now() - latest : 0;
  const seat: OpenSeat = {
    session: null as unknown as TrainingSession,
    journal: { ...journal, exercise, actions: [], wall: [[]] },
    last: { status: 'running', time: 0 },
    slot: 0,
    replaying: true,
    tracking: null,
    places: new Map(),
    ringingSince: {},
  };
  const wallClock = () => {
    const readings = seat.journal.wall[seat.slot];
    const old = seat.replaying ? recorded[seat.slot]?.[readings.length] : undefined;
    const now = old !== undefined ? old + offset : Date.now();
    readings.push(now);
    return now;
  };
  try {
    seat.session = startTraining(exercise, {
      seed: journal.seed,
      trainee: journal.trainee,
      wallClock,
    });
    const { scenario } = seat.session.prepared;
    seat.tracking = new IncidentTracking(seat.session, scenario);
    // The incidents are the same whoever dispatches: where each is, from the reference run.
    for (const outcome of referenceRun(seat.session.prepared).outcomes)
      seat.places.set(outcome.incident, [outcome.location[0], outcome.location[1]]);
    for (const action of journal.actions) {
      seat.slot = seat.journal.actions.length + 1;
      seat.journal.wall[seat.slot] = [];
      apply(seat, action);
      seat.journal.actions.push(action);
    }
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: messageOf(error) }] };
  }
  // Past the journal: the clock is the wall's again.
  seat.replaying = false;
  const { prepared } = seat.session;
  const key = `seat-${++opened}`;
  seats.clear();
  seats.set(key, seat);
  const source = exercise.scenario;
  const doc =
    'builtin' in source
      ? ((await builtinInput(source.builtin)) as unknown as Record<string, unknown>)
      : source.embedded;
  const scenario = prepared.scenario;
  const roster = rosterOf(scenario);
  const labels = unitViews(scenario);
  const kinds = scenario.incidentKinds.map((kind) => ({
    id: kind.id,
    label: kindLabel(scenario, kind.id),
  }));
  const setup: SeatSetup = {
    key,
    doc,
    window: prepared.window,
    start: scenario.start,
    units: roster.map((unit) => ({
      id: unit.id,
      label: labels.get(unit.id)?.label ?? { zh: unit.id, en: unit.id },
      home: unit.home ? [unit.home[0], unit.home[1]] : null,
    })),
    outOfService: prepared.outOfService,
    agencies: scenario.agencies.map((agency) => ({
      id: agency.id,
      name: {
        zh: agency.name || agency.nameEn || agency.id,
        en: agency.nameEn || agency.name || agency.id,
      },
    })),
    kinds,
  };
  return { ok: true, setup, state: stateOf(seat), journal: seat.journal };
}

function seatOf(key: string): OpenSeat {
  const seat = seats.get(key);
  if (!seat) throw new Error(`training session "${key}" is no longer open in this worker`);
  return seat;
}

/**
 * Applies one of the trainee's actions. One the session refuses (a unit that cannot go) changes
 * nothing and is not journalled; its message goes back to the seat.
 */
function seatAct(key: string, action: SeatAction): SeatResult {
  const seat = seatOf(key);
  const { actions, wall } = seat.journal;
  seat.slot = actions.length + 1;
  wall[seat.slot] = [];
  try {
    apply(seat, action);
  } catch (error) {
    wall.length = actions.length + 1;
    return { ok: false, message: messageOf(error), state: stateOf(seat) };
  }
  // Successive clock advances with nothing between them are one: the journal stays short.
  const previous = actions[actions.length - 1];
  if (action.type === 'advanceTo' && previous?.type === 'advanceTo') {
    actions.pop();
    const readings = wall.pop()!;
    wall[wall.length - 1].push(...readings);
  }
  actions.push(action);
  return { ok: true, state: stateOf(seat), journal: seat.journal };
}

/** Ends the session and scores it: the session file and its score sheet. */
function seatFinish(key: string): {
  file: SessionFile;
  text: string;
  sheet: ScoreSheet;
  start: string;
} {
  const seat = seatOf(key);
  const file = seat.session.finish();
  seats.delete(key);
  return {
    file,
    text: exportSessionFile(file),
    sheet: scoreSession(file),
    start: seat.session.prepared.scenario.start,
  };
}

/** The built-in exercises and course, for the trainer's list. */
function trainingCatalogue(): { exercises: Exercise[]; course: Course } {
  return { exercises: builtinExercises(), course: builtinCourse() };
}

/** An exercise with a level's preset. */
function trainingForLevel(
  base: Pick<Exercise, 'id' | 'title' | 'scenario' | 'window' | 'seed'>,
  level: Level,
): Exercise {
  return exerciseForLevel(base, level);
}

export type ExerciseChecked =
  | { ok: true; kind: 'exercise'; exercises: Exercise[] }
  | { ok: true; kind: 'course'; course: Course; exercises: Exercise[] }
  | { ok: false; problems: Problem[] };

/** Reads an exercise or a course file (parsed JSON), and checks that its scenario can be had. */
async function trainingCheckFile(
  data: unknown,
  language: Language = 'zh',
): Promise<ExerciseChecked> {
  const isCourse =
    typeof data === 'object' &&
    data !== null &&
    (data as { format?: unknown }).format === 'drill-planner/course';
  if (isCourse) {
    const course = parseCourse(data, language);
    if (!course.ok) return course;
    return { ok: true, kind: 'course', course: course.value, exercises: course.value.exercises };
  }
  const exercise = parseExercise(data, language);
  if (!exercise.ok) return exercise;
  try {
    await loadExerciseScenario(exercise.value);
    prepareExercise(exercise.value, undefined, language);
  } catch (error) {
    return { ok: false, problems: [{ path: 'scenario', message: messageOf(error) }] };
  }
  return { ok: true, kind: 'exercise', exercises: [exercise.value] };
}

export type SessionImported =
  | { ok: true; file: SessionFile; sheet: ScoreSheet; start: string }
  | { ok: false; problems: Problem[] };

/** Reads a session file (replayed: a tampered or mismatched one is refused) and scores it. */
async function trainingImportSession(
  data: unknown,
  language: Language = 'zh',
): Promise<SessionImported> {
  // The exercise's city is fetched first (the file is checked by replaying it there).
  const exercise =
    typeof data === 'object' && data !== null
      ? parseExercise((data as { exercise?: unknown }).exercise, language)
      : null;
  if (exercise?.ok) {
    try {
      await loadExerciseScenario(exercise.value);
    } catch (error) {
      return { ok: false, problems: [{ path: 'exercise.scenario', message: messageOf(error) }] };
    }
  }
  const imported = importSessionFile(data, language);
  if (!imported.ok) return imported;
  const file = imported.value;
  const { scenario } = prepareExercise(file.exercise, file.seed, language);
  return { ok: true, file, sheet: scoreSession(file), start: scenario.start };
}

/** The class table of scored sessions, and its CSV. */
function trainingClass(
  sheets: ScoreSheet[],
  language: Language = 'zh',
): { table: ClassTable; csv: string } {
  const table = classTable(sheets);
  return { table, csv: classTableCsv(table, language) };
}

export const trainingApi = {
  seatOpen,
  seatAct,
  seatFinish,
  trainingCatalogue,
  trainingForLevel,
  trainingCheckFile,
  trainingImportSession,
  trainingClass,
  ...trainingDebriefApi,
};
