/**
 * Exercises: the level presets (见习 / 初级 / 中级), the built-in exercises (at least one per
 * level, on the seeds' cities), checking exercise and course files, and preparing an exercise
 * into the scenario that is run: the window resolved to seconds, the run cut after the window's
 * follow-up, and the difficulty applied as data (more calls, extra incidents together or needing
 * linkage, units out of service) drawn from streams of the exercise's seed.
 */
import type { z } from 'zod';
import { formatPath, loadScenario } from '../scenarios/load.ts';
import { translate } from '../scenarios/messages.ts';
import type { ListedIncident, Scenario } from '../scenarios/schema.ts';
import { makeStream } from '../sim/random.ts';
import { rosterOf } from '../sim/session.ts';
import {
  Course,
  Difficulty,
  Exercise,
  EXERCISE_FORMAT,
  Pace,
  type ExerciseInput,
  type Level,
  type Moment,
} from './schema.ts';
import type { Lang, Parsed, PreparedExercise, Problem } from './api.ts';
import { trainingText } from './messages.ts';
import { builtinScenarioNow, isBuiltinScenarioId } from './scenarios.ts';

export const LEVELS: readonly Level[] = ['trainee', 'junior', 'intermediate'];

/** What a level sets: pace, difficulty, whether the run card's suggestion shows. */
export const LEVEL_PRESETS: Record<Level, { pace: Pace; difficulty: Difficulty }> = {
  trainee: {
    pace: { speed: 'step', whileDeciding: 'wait' },
    difficulty: Difficulty.parse({ suggestion: 'shown' }),
  },
  junior: {
    pace: { speed: '2x', whileDeciding: 'wait' },
    difficulty: Difficulty.parse({
      simultaneousIncidents: 1,
      duplicateCallShare: 0.1,
      incompleteInfoShare: 0.1,
      unitsOutOfService: 1,
      linkageIncidents: 1,
      suggestion: 'hidden',
    }),
  },
  intermediate: {
    pace: { speed: '5x', whileDeciding: 'clockRuns' },
    difficulty: Difficulty.parse({
      callRateFactor: 1.3,
      simultaneousIncidents: 2,
      duplicateCallShare: 0.2,
      incompleteInfoShare: 0.2,
      wrongInfoShare: 0.1,
      unitsOutOfService: 2,
      linkageIncidents: 2,
      suggestion: 'hidden',
    }),
  },
};

export function exerciseForLevel(
  base: Pick<Exercise, 'id' | 'title' | 'scenario' | 'window' | 'seed'>,
  level: Level,
): Exercise {
  const preset = LEVEL_PRESETS[level];
  return Exercise.parse({
    format: EXERCISE_FORMAT,
    ...base,
    level,
    pace: { ...preset.pace },
    difficulty: { ...preset.difficulty },
  } satisfies ExerciseInput);
}

/** The built-in exercises, in course order. */
const BUILTIN: Array<Pick<Exercise, 'id' | 'title' | 'scenario' | 'window' | 'seed' | 'level'>> = [
  {
    id: 'lincheng-morning',
    level: 'trainee',
    title: { zh: '临城：工作日上午接警', en: 'Lincheng: a weekday morning' },
    scenario: { builtin: 'default-city' },
    window: { start: '09:00', end: '09:40' },
    seed: 7,
  },
  {
    id: 'zhoushan-morning',
    level: 'junior',
    title: {
      zh: '舟山：海岛城市工作日上午',
      en: 'Zhoushan: an island weekday morning',
    },
    scenario: { builtin: 'zhoushan-islands' },
    window: { start: '08:00', end: '09:00' },
    seed: 11,
  },
  {
    id: 'huzhou-typhoon-night',
    level: 'intermediate',
    title: { zh: '湖州：台风暴雨之夜', en: 'Huzhou: the typhoon night' },
    scenario: { builtin: 'huzhou-flood' },
    window: { start: 'd1 22:00', end: 'd1 22:30' },
    seed: 3,
  },
];

export function builtinExercises(): Exercise[] {
  return BUILTIN.map(({ level, ...base }) => exerciseForLevel(base, level));
}

export function builtinExercise(id: string): Exercise | undefined {
  return builtinExercises().find((e) => e.id === id);
}

export function builtinCourse(): Course {
  return Course.parse({
    format: 'drill-planner/course',
    id: 'operator-basics',
    title: { zh: '接警调度员基础训练', en: 'Operator basics' },
    exercises: builtinExercises(),
  });
}

// ---------------------------------------------------------------------------------------------
// Checking files

/** zod issues as problems with paths, in the user's language. */
export function problemsOf(error: z.ZodError, lang: Lang, prefix: PropertyKey[] = []): Problem[] {
  return error.issues.slice(0, 100).map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: translate(issue.message, lang),
  }));
}

function parseJson(data: unknown, lang: Lang): { ok: true; value: unknown } | Parsed<never> {
  if (typeof data !== 'string') return { ok: true, value: data };
  const text = data.startsWith('\uFEFF') ? data.slice(1) : data;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: trainingText.notJson[lang](reason) }] };
  }
}

export function parseExercise(data: unknown, lang: Lang = 'en'): Parsed<Exercise> {
  const json = parseJson(data, lang);
  if (!json.ok) return json;
  const parsed = Exercise.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, lang) };
  const problems = checkExercise(parsed.data, lang);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

export function parseCourse(data: unknown, lang: Lang = 'en'): Parsed<Course> {
  const json = parseJson(data, lang);
  if (!json.ok) return json;
  const parsed = Course.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, lang) };
  const problems = parsed.data.exercises.flatMap((exercise, i) =>
    checkExercise(exercise, lang).map((p) => ({
      ...p,
      path: `exercises[${i}]${p.path ? `.${p.path}` : ''}`,
    })),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/**
 * What the schema alone cannot say: the scenario exists and the window lies in it. (A built-in
 * scenario not loaded yet in the browser is checked when the exercise is prepared.)
 */
function checkExercise(exercise: Exercise, lang: Lang): Problem[] {
  const source = exercise.scenario;
  if (
    'builtin' in source &&
    isBuiltinScenarioId(source.builtin) &&
    !builtinScenarioNow(source.builtin)
  )
    return [];
  try {
    prepareExercise(exercise, exercise.seed, lang, { checkOnly: true });
    return [];
  } catch (error) {
    if (error instanceof ExerciseError) return error.problems;
    throw error;
  }
}

/** An exercise that cannot be prepared, with its problems. */
export class ExerciseError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n'));
  }
}

// ---------------------------------------------------------------------------------------------
// Preparing

/** Scenarios by exercise, so that a class's sessions do not rebuild a city each. */
const scenarioCache = new WeakMap<Exercise['scenario'], Scenario>();

function scenarioOf(exercise: Exercise, lang: Lang): Scenario {
  const cached = scenarioCache.get(exercise.scenario);
  if (cached) return cached;
  let scenario: Scenario;
  const source = exercise.scenario;
  if ('builtin' in source) {
    if (!isBuiltinScenarioId(source.builtin)) {
      throw new ExerciseError([
        { path: 'scenario.builtin', message: trainingText.noBuiltin[lang](source.builtin) },
      ]);
    }
    const builtin = builtinScenarioNow(source.builtin);
    if (!builtin) {
      throw new Error(
        `the built-in scenario "${source.builtin}" is not loaded yet (loadExerciseScenario)`,
      );
    }
    scenario = builtin;
  } else {
    const loaded = loadScenario(source.embedded, lang);
    if (!loaded.ok) {
      throw new ExerciseError(
        loaded.errors.map((e) => ({
          path: `scenario.embedded${e.path ? `.${e.path}` : ''}`,
          message: e.message,
        })),
      );
    }
    scenario = loaded.scenario;
  }
  scenarioCache.set(exercise.scenario, scenario);
  return scenario;
}

/** A moment of the scenario in seconds from its start (clock times: the first at or after). */
export function momentSeconds(moment: Moment, scenarioStart: string): number {
  if (typeof moment === 'number') return moment;
  const match = /^(?:d(\d+) )?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(moment)!;
  const clock = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  const startMatch = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(scenarioStart);
  const startClock = startMatch
    ? Number(startMatch[1]) * 3600 + Number(startMatch[2]) * 60 + Number(startMatch[3] ?? 0)
    : 0;
  if (match[1] !== undefined) return (Number(match[1]) - 1) * 86_400 + clock - startClock;
  return (((clock - startClock) % 86_400) + 86_400) % 86_400;
}

export function prepareExercise(
  exercise: Exercise,
  seed = exercise.seed,
  lang: Lang = 'en',
  { checkOnly = false }: { checkOnly?: boolean } = {},
): PreparedExercise {
  const base = scenarioOf(exercise, lang);
  const start = momentSeconds(exercise.window.start, base.start);
  const end = momentSeconds(exercise.window.end, base.start);
  const problems: Problem[] = [];
  if (start < 0) problems.push({ path: 'window.start', message: trainingText.beforeStart[lang] });
  if (!(end > start))
    problems.push({ path: 'window.end', message: trainingText.endBeforeStart[lang] });
  if (end > base.duration) {
    problems.push({ path: 'window.end', message: trainingText.afterScenario[lang](base.duration) });
  }
  if (problems.length > 0) throw new ExerciseError(problems);
  const window = { start, end };
  if (checkOnly) return { exercise, seed, scenario: base, window, outOfService: [] };
  const difficulty = exercise.difficulty;
  const scenario: Scenario = {
    ...base,
    duration: end + exercise.followUpSeconds,
    arrivals: {
      streams: base.arrivals.streams.map((s) => ({
        ...s,
        callsPerDay: s.callsPerDay * difficulty.callRateFactor,
      })),
      incidents: [...base.arrivals.incidents, ...extraIncidents(base, seed, window, difficulty)],
    },
  };
  const outOfService = unitsOutOfService(base, seed, difficulty.unitsOutOfService);
  scenario.events = [
    ...outOfService.map((unit) => ({ type: 'unitOutOfService' as const, at: 0, unit })),
    ...base.events,
  ];
  return { exercise, seed, scenario, window, outOfService };
}

/** Kinds the scenario's calls come as, weighted by how often they come. */
function callKinds(scenario: Scenario): string[] {
  const kinds = scenario.arrivals.streams.filter((s) => s.callsPerDay > 0).map((s) => s.kind);
  return kinds.length > 0 ? [...new Set(kinds)] : scenario.incidentKinds.map((k) => k.id);
}

/**
 * The difficulty's extra incidents: some together a minute into the window, and some of the
 * kinds that need several agencies spread over it. Districts are drawn; the place within the
 * district is the simulation's (its places stream).
 */
function extraIncidents(
  scenario: Scenario,
  seed: number,
  window: { start: number; end: number },
  difficulty: Difficulty,
): ListedIncident[] {
  const stream = makeStream(seed, 'training:incidents');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(stream.next() * list.length)];
  const districts = scenario.districts.map((d) => d.id);
  const incidents: ListedIncident[] = [];
  const kinds = callKinds(scenario);
  for (let i = 0; i < difficulty.simultaneousIncidents; i++) {
    incidents.push({ time: window.start + 60, kind: pick(kinds), district: pick(districts) });
  }
  const agenciesOf = (kindId: string) => {
    const kind = scenario.incidentKinds.find((k) => k.id === kindId)!;
    const agencies = new Set<string>();
    for (const need of kind.needs)
      for (const unit of scenario.units)
        if (unit.capabilities.includes(need.capability)) agencies.add(unit.agency);
    return agencies.size;
  };
  const linkage = kinds.filter((k) => agenciesOf(k) >= 3);
  const pool = linkage.length > 0 ? linkage : kinds;
  const n = difficulty.linkageIncidents;
  for (let i = 0; i < n; i++) {
    const time = window.start + ((i + 1) * (window.end - window.start)) / (n + 1);
    incidents.push({ time: Math.round(time), kind: pick(pool), district: pick(districts) });
  }
  return incidents;
}

/** Units out of service for the whole exercise: drawn from the units based in the city. */
function unitsOutOfService(scenario: Scenario, seed: number, count: number): string[] {
  if (count === 0) return [];
  const stream = makeStream(seed, 'training:outOfService');
  const candidates = rosterOf(scenario)
    .filter((u) => !u.reserve && u.home !== null)
    .map((u) => u.id);
  const chosen: string[] = [];
  while (chosen.length < count && candidates.length > 0) {
    const index = Math.floor(stream.next() * candidates.length);
    chosen.push(candidates.splice(index, 1)[0]);
  }
  return chosen;
}
