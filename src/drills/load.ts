/**
 * Loading a drill: JSON text → checked Drill and its scenario, or every problem with its path
 * and a reason in the planner's language — the schema's, then the cross-checks against the
 * scenario (agencies, kinds, districts, units, road edges, phases, steps, objectives) and
 * between the steps (a step cannot wait for itself, nor steps for each other in a circle).
 */
import { describeIssue, loadScenario, reservedKeys } from '../scenarios/load.ts';
import { cut, type Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { RECORD_CAUSES } from '../sim/records.ts';
import { drillText, translateDrillMessage } from './messages.ts';
import { Drill, DRILL_FORMAT, DRILL_LIMITS, type DrillCommand, type Measure } from './schema.ts';
import type { DrillLoadResult, DrillProblem, ScenarioResolver } from './types.ts';

/** The built-in scenario id a drill document names (null: embedded, or not a drill). */
export function drillScenarioRef(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const scenario = (data as Record<string, unknown>).scenario;
  return typeof scenario === 'string' ? scenario : null;
}

export function loadDrill(
  text: string,
  lang: Language,
  resolve: ScenarioResolver,
): DrillLoadResult {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > DRILL_LIMITS.fileBytes) {
    const message = drillText.tooLarge[lang](bytes, DRILL_LIMITS.fileBytes);
    return { ok: false, errors: [{ path: '', message }], warnings: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = cut(error instanceof Error ? error.message : String(error), 200);
    const position = /position (\d+)/.exec(reason);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = lang === 'zh' ? `第 ${line} 行第 ${column} 列` : `at line ${line}, column ${column}`;
    }
    return {
      ok: false,
      errors: [{ path: '', message: drillText.notJson[lang](where, reason) }],
      warnings: [],
    };
  }
  return loadDrillData(data, lang, resolve);
}

export function loadDrillData(
  data: unknown,
  lang: Language,
  resolve: ScenarioResolver,
): DrillLoadResult {
  if (
    data === null ||
    typeof data !== 'object' ||
    (data as Record<string, unknown>).format !== DRILL_FORMAT
  ) {
    return {
      ok: false,
      errors: [{ path: 'format', message: drillText.notADrill[lang]() }],
      warnings: [],
    };
  }
  const reserved = reservedKeys(data, lang);
  const parsed = Drill.safeParse(data);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const problem = describeIssue(issue, data, lang);
      return { ...problem, message: translateDrillMessage(problem.message, lang) };
    });
    return { ok: false, errors: [...errors, ...reserved], warnings: [] };
  }
  if (reserved.length > 0) return { ok: false, errors: reserved, warnings: [] };
  const drill = parsed.data;
  let scenario: Scenario | undefined;
  if (typeof drill.scenario === 'string') {
    scenario = resolve(drill.scenario);
    if (!scenario) {
      const message = drillText.unknownRef[lang]('built-in scenario', drill.scenario);
      return { ok: false, errors: [{ path: 'scenario', message }], warnings: [] };
    }
  } else {
    const loaded = loadScenario(drill.scenario, lang);
    if (!loaded.ok) {
      const errors = loaded.errors.map((e) => ({
        path: e.path ? `scenario.${e.path}` : 'scenario',
        message: e.message,
      }));
      return { ok: false, errors, warnings: [] };
    }
    scenario = loaded.scenario;
  }
  const { errors, warnings } = crossCheck(drill, scenario, lang);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, drill, scenario, warnings };
}

/** The unit ids a run of the scenario has: each unit, and `id#n` for its copies. */
function unitIds(scenario: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const unit of scenario.units)
    for (let copy = 1; copy <= unit.count; copy++)
      ids.add(copy === 1 ? unit.id : `${unit.id}#${copy}`);
  return ids;
}

/** The causes a measure may name (from the trace's record kinds). */
const CAUSES_OF: Partial<Record<Measure['what'], readonly string[]>> = {
  approved: RECORD_CAUSES.approved,
  requested: RECORD_CAUSES.requested,
  reported: RECORD_CAUSES.reported,
  commandHandedOver: RECORD_CAUSES.commandHandedOver,
  graded: RECORD_CAUSES.graded,
};

function crossCheck(drill: Drill, scenario: Scenario, lang: Language) {
  const errors: DrillProblem[] = [];
  const warnings: DrillProblem[] = [];
  const t = drillText;
  const error = (path: string, message: string) => errors.push({ path, message });
  const ref = (set: ReadonlySet<string>, value: string | undefined, what: string, path: string) => {
    if (value !== undefined && !set.has(value)) error(path, t.unknownRef[lang](what, value));
  };
  const idSet = (
    items: ReadonlyArray<{ id: string }>,
    what: string,
    path: string,
    into = new Set<string>(),
  ) => {
    items.forEach((item, i) => {
      if (into.has(item.id)) error(`${path}[${i}].id`, t.duplicateId[lang](what, item.id));
      into.add(item.id);
    });
    return into;
  };

  const agencies = new Set(scenario.agencies.map((a) => a.id));
  const kinds = new Set(scenario.incidentKinds.map((k) => k.id));
  const districts = new Set(scenario.districts.map((d) => d.id));
  const capabilities = new Set(scenario.units.flatMap((u) => u.capabilities));
  const units = unitIds(scenario);
  const edges = scenario.travel.model === 'roadGraph' ? scenario.travel.edges.length : 0;

  if (drill.clock.start >= scenario.duration)
    error('clock.start', t.startAfterEnd[lang](scenario.duration));
  const calls = expectedCalls(drill, scenario);
  if (calls > DRILL_LIMITS.callsPerRun)
    error('clock.horizon', t.tooManyCalls[lang](Math.round(calls), DRILL_LIMITS.callsPerRun));

  const objectives = idSet(drill.objectives, 'objective', 'objectives');
  drill.objectives.forEach((o, i) =>
    o.agencies.forEach((a, j) => ref(agencies, a, 'agency', `objectives[${i}].agencies[${j}]`)),
  );
  const seenParticipants = new Set<string>();
  drill.participants.forEach((p, i) => {
    ref(agencies, p.agency, 'agency', `participants[${i}].agency`);
    if (seenParticipants.has(p.agency))
      error(`participants[${i}].agency`, t.duplicateId[lang]('participant', p.agency));
    seenParticipants.add(p.agency);
  });
  const phases = idSet(drill.phases, 'phase', 'phases');
  const steps = idSet(drill.steps, 'step', 'steps');
  const actions = new Set<string>();
  drill.steps.forEach((step, i) =>
    idSet(step.expected, 'expected action', `steps[${i}].expected`, actions),
  );

  const checkMeasure = (m: Measure, path: string) => {
    ref(agencies, m.agency, 'agency', `${path}.agency`);
    ref(capabilities, m.capability, 'capability', `${path}.capability`);
    const causes = CAUSES_OF[m.what];
    if (m.cause !== undefined) {
      if (!causes) error(`${path}.cause`, t.noCause[lang](m.what));
      else if (!causes.includes(m.cause))
        error(`${path}.cause`, t.causeFor[lang](m.what, causes.join(', ')));
    }
  };
  const checkCommand = (c: DrillCommand, path: string) => {
    switch (c.type) {
      case 'call':
        ref(kinds, c.kind, 'incident kind', `${path}.kind`);
        ref(districts, c.district, 'district', `${path}.district`);
        return;
      case 'unitOutOfService':
      case 'unitInService':
        ref(units, c.unit, 'unit', `${path}.unit`);
        return;
      case 'closeRoad':
      case 'openRoad':
      case 'damageRoad':
        c.edges.forEach((edge, j) => {
          if (edge >= edges) error(`${path}.edges[${j}]`, t.edgeOutOfRange[lang](edge, edges));
        });
        return;
      default:
        return;
    }
  };

  drill.steps.forEach((step, i) => {
    const path = `steps[${i}]`;
    ref(phases, step.phase, 'phase', `${path}.phase`);
    const timing = step.timing;
    if (timing.type === 'after' || timing.type === 'when') {
      if (timing.step === step.id) error(`${path}.timing.step`, t.selfReference[lang]());
      else ref(steps, timing.step, 'step', `${path}.timing.step`);
      if (timing.type === 'when') checkMeasure(timing.condition, `${path}.timing.condition`);
    }
    if (timing.type === 'manual')
      warnings.push({ path: `${path}.timing`, message: t.manualNever[lang]() });
    step.inject.to.forEach((a, j) => ref(agencies, a, 'agency', `${path}.inject.to[${j}]`));
    if (step.command) checkCommand(step.command, `${path}.command`);
    step.expected.forEach((action, j) => {
      const at = `${path}.expected[${j}]`;
      checkMeasure(action, at);
      ref(objectives, action.objective, 'objective', `${at}.objective`);
      ref(steps, action.incidentOf, 'step', `${at}.incidentOf`);
      action.contingency?.inject.to.forEach((a, k) =>
        ref(agencies, a, 'agency', `${at}.contingency.inject.to[${k}]`),
      );
      if (action.contingency?.command)
        checkCommand(action.contingency.command, `${at}.contingency.command`);
    });
  });
  checkCycles(drill, lang, error);

  drill.evaluation.forEach((item, i) => {
    item.actions.forEach((a, j) =>
      ref(actions, a, 'expected action', `evaluation[${i}].actions[${j}]`),
    );
  });
  idSet(drill.evaluation, 'evaluation item', 'evaluation');
  idSet(drill.remedies, 'remedy', 'remedies');
  drill.remedies.forEach((r, i) => {
    ref(actions, r.action, 'expected action', `remedies[${i}].action`);
    ref(agencies, r.owner, 'agency', `remedies[${i}].owner`);
    ref(agencies, r.partner, 'agency', `remedies[${i}].partner`);
  });
  return { errors, warnings };
}

/** Calls a run of the drill simulates at most: generated ones at the highest rate factor, plus listed ones. */
function expectedCalls(drill: Drill, scenario: Scenario): number {
  const end = drill.clock.start + drill.clock.horizon;
  const factors = [1];
  for (const event of scenario.events)
    if (event.type === 'callRateFactor') factors.push(event.factor);
  for (const step of drill.steps) {
    const commands = [step.command, ...step.expected.map((a) => a.contingency?.command)];
    for (const c of commands) if (c?.type === 'callRateFactor') factors.push(c.factor);
  }
  const perDay = scenario.arrivals.streams.reduce((sum, s) => sum + s.callsPerDay, 0);
  return (perDay * end * Math.max(...factors)) / 86_400 + drill.steps.length;
}

/** Steps that wait (after / when) for each other in a circle would never be released. */
function checkCycles(
  drill: Drill,
  lang: Language,
  error: (path: string, message: string) => void,
): void {
  const parent = new Map<string, string>();
  for (const step of drill.steps) {
    if (step.timing.type === 'after' || step.timing.type === 'when')
      parent.set(step.id, step.timing.step);
  }
  const reported = new Set<string>();
  drill.steps.forEach((step, i) => {
    const chain: string[] = [step.id];
    let next = parent.get(step.id);
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = parent.get(next);
    }
    if (next === step.id && next !== parent.get(step.id) && !reported.has(step.id)) {
      chain.forEach((id) => reported.add(id));
      error(`steps[${i}].timing.step`, drillText.cycle[lang]([...chain, step.id].join(' → ')));
    }
  });
}
