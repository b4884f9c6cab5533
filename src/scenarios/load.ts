/**
 * Loading a scenario: JSON text → checked Scenario, or every problem with its path and a reason
 * a planner understands. Nothing from the file is ever executed; sizes and counts are bounded.
 */
import type { z } from 'zod';
import { districtRings, NearestPointIndex, pointInPolygon } from '../lib/geo.ts';
import { LIMITS, Scenario, type ListedIncident, type Travel } from './schema.ts';
import { cut, loaderText, translate, type Language } from './messages.ts';
import { expandIncidentTable, IncidentTable, tablePath } from './incidentTable.ts';
import { districtCrossing } from './ringCheck.ts';
import { realismChecks } from './realismChecks.ts';

export interface ScenarioProblem {
  /** Where, as a path into the file, e.g. `units[3].mobilisation.mean` (empty: the whole file). */
  path: string;
  message: string;
}

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioProblem[] }
  | { ok: false; errors: ScenarioProblem[]; warnings: ScenarioProblem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

/** Parses and checks scenario text (the content of a .json file). */
export function loadScenarioText(text: string, language: Language = 'en'): LoadResult {
  // A byte-order mark left by the decoding (see decode.ts) is not part of the JSON.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const bytes = utf8Length(text);
  if (bytes > LIMITS.fileBytes) {
    return {
      ok: false,
      errors: [{ path: '', message: loaderText.tooLarge[language](bytes, LIMITS.fileBytes) }],
      warnings: [],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '', message: jsonErrorMessage(text, error, language) }],
      warnings: [],
    };
  }
  return loadScenario(data, language);
}

/** The UTF-8 size of a text, without encoding it (a file near the limit is hundreds of MB). */
function utf8Length(text: string): number {
  if (text.length * 3 <= LIMITS.fileBytes) return text.length; // under the limit however encoded
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Checks already-parsed data against the schema and the cross-references between its parts. */
export function loadScenario(input: unknown, language: Language = 'en'): LoadResult {
  // Listed incidents in columns are expanded first: everything after reads one list.
  const expanded = withTableExpanded(input, language);
  if ('errors' in expanded) return { ok: false, errors: expanded.errors, warnings: [] };
  const { data, first, rows } = expanded;
  const inFile = (problem: ScenarioProblem) => ({
    ...problem,
    path: tablePath(problem.path, first),
  });
  const result = checkScenario(data, language, rows);
  if (first === Infinity) return result;
  return result.ok
    ? { ...result, warnings: result.warnings.map(inFile) }
    : { ...result, errors: result.errors.map(inFile), warnings: result.warnings.map(inFile) };
}

/**
 * The data without `arrivals.incidentTable`, the table's rows as listed incidents (checked
 * already by the table's schema: they are added after the rest is parsed, not parsed again, which
 * for millions of rows is most of the time of a load) and the index of its first row among the
 * incidents (Infinity without a table); or the table's problems.
 */
function withTableExpanded(
  data: unknown,
  language: Language,
): { data: unknown; first: number; rows: ListedIncident[] } | { errors: ScenarioProblem[] } {
  const none = { data, first: Infinity, rows: [] };
  const arrivals = (data as { arrivals?: unknown } | null)?.arrivals;
  if (arrivals === null || typeof arrivals !== 'object' || !('incidentTable' in arrivals))
    return none;
  const { incidentTable, ...rest } = arrivals as Record<string, unknown>;
  if (incidentTable === undefined) return none;
  const table = IncidentTable.safeParse(incidentTable);
  if (!table.success) {
    const errors = table.error.issues.map((issue) =>
      describeIssue(
        { ...issue, path: ['arrivals', 'incidentTable', ...issue.path] },
        data,
        language,
      ),
    );
    return { errors };
  }
  const expanded = expandIncidentTable(table.data, language);
  if ('problems' in expanded) return { errors: expanded.problems };
  if (rest.incidents !== undefined && !Array.isArray(rest.incidents)) return none;
  const listed = Array.isArray(rest.incidents) ? rest.incidents.length : 0;
  if (listed + expanded.incidents.length > LIMITS.listedIncidents)
    return {
      errors: [
        {
          path: 'arrivals.incidentTable',
          message: loaderText.tooManyListed[language](
            listed + expanded.incidents.length,
            LIMITS.listedIncidents,
          ),
        },
      ],
    };
  return {
    data: { ...(data as object), arrivals: rest },
    first: listed,
    rows: expanded.incidents,
  };
}

function checkScenario(data: unknown, language: Language, rows: ListedIncident[]): LoadResult {
  const reserved = reservedKeys(data, language);
  const parsed = Scenario.safeParse(data);
  if (parsed.success && rows.length > 0)
    parsed.data.arrivals.incidents = parsed.data.arrivals.incidents.concat(rows);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => describeIssue(issue, data, language));
    // A strict object already names "__proto__" among its unknown fields.
    const named = new Set(
      errors.filter((e) => e.message.includes('"__proto__"')).map((e) => e.path),
    );
    const extra = reserved.filter((e) => !named.has(e.path.replace(/\.?__proto__$/, '')));
    return { ok: false, errors: [...errors, ...extra], warnings: [] };
  }
  if (reserved.length > 0) return { ok: false, errors: reserved, warnings: [] };
  const { errors, warnings } = crossCheck(parsed.data, language);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, scenario: parsed.data, warnings };
}

function jsonErrorMessage(text: string, error: unknown, language: Language): string {
  const reason = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(reason);
  let where = '';
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where =
      language === 'zh' ? `第 ${line} 行第 ${column} 列` : `at line ${line}, column ${column}`;
  }
  return loaderText.notJson[language](where, loaderText.jsonReason[language](cut(reason, 200)));
}

/**
 * Keys that JavaScript gives a meaning: zod drops "__proto__" from records without a word, so
 * an id like that would silently vanish. Found in the raw data, with their paths.
 */
export function reservedKeys(data: unknown, language: Language): ScenarioProblem[] {
  // Paths as linked lists, built into text only for a problem: a road graph has 10⁶ points.
  type Path = { up: Path; key: PropertyKey } | null;
  const toArray = (path: Path): PropertyKey[] => {
    const keys: PropertyKey[] = [];
    for (let p = path; p; p = p.up) keys.unshift(p.key);
    return keys;
  };
  const problems: ScenarioProblem[] = [];
  if (data === null || typeof data !== 'object') return [];
  const stack: Array<[unknown, Path]> = [[data, null]];
  while (stack.length > 0 && problems.length < 100) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push([item, { up: path, key: i }]);
      }
      continue;
    }
    for (const key of Object.keys(value as object)) {
      if (key === '__proto__') {
        problems.push({
          path: formatPath([...toArray(path), key]),
          message: loaderText.reservedKey[language](key),
        });
        continue;
      }
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push([item, { up: path, key }]);
    }
  }
  return problems;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function describeIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  language: Language,
): ScenarioProblem {
  const path = formatPath(issue.path);
  const text = loaderText;
  let message: string;
  switch (issue.code) {
    case 'invalid_type': {
      const received = valueAt(data, issue.path);
      message =
        received === undefined
          ? text.missing[language]()
          : typeof received === 'number' && !Number.isFinite(received)
            ? text.notFinite[language]()
            : text.expectedType[language](issue.expected, describeType(received));
      break;
    }
    case 'unrecognized_keys':
      message = text.unknownKeys[language](
        cut(issue.keys.map((k) => `"${cut(k, 40)}"`).join(', '), 200),
      );
      break;
    case 'invalid_value':
      message = text.oneOf[language](
        cut(issue.values.map((v) => JSON.stringify(v)).join(', '), 200),
      );
      break;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options)
        message = text.oneOf[language](cut(options.map((o) => JSON.stringify(o)).join(', '), 200));
      else {
        const values = issue.errors.flatMap((errors) =>
          errors.flatMap((e) => (e.code === 'invalid_value' ? e.values : [])),
        );
        message = values.length
          ? text.oneOf[language](values.map((v) => JSON.stringify(v)).join(', '))
          : text.invalid[language]();
      }
      break;
    }
    case 'too_small':
    case 'too_big': {
      const custom = issue.message && !issue.message.startsWith('Too ');
      if (custom) message = translate(issue.message, language);
      else if (issue.code === 'too_small')
        message = text.tooSmall[language](String(issue.minimum), issue.origin);
      else message = text.tooBig[language](String(issue.maximum), issue.origin);
      break;
    }
    default:
      message = translate(issue.message, language);
  }
  return { path, message };
}

/** Checks that ids are unique and that every reference points at something that exists. */
function crossCheck(scenario: Scenario, language: Language) {
  const errors: ScenarioProblem[] = [];
  const warnings: ScenarioProblem[] = [];
  const t = loaderText;
  const error = (path: string, message: string) => errors.push({ path, message });

  const idSet = (items: ReadonlyArray<{ id: string }>, what: string, path: string) => {
    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (ids.has(item.id)) error(`${path}[${i}].id`, t.duplicateId[language](what, item.id));
      ids.add(item.id);
    });
    return ids;
  };
  const districts = idSet(scenario.districts, 'district', 'districts');
  // A boundary that crosses itself is said, not refused: files drawn so have always loaded, and
  // their runs must stay as they were.
  scenario.districts.forEach((district, i) => {
    const crossing = districtCrossing(district, language);
    if (crossing)
      warnings.push({ path: `districts[${i}].${crossing.path}`, message: crossing.message });
  });
  const bases = idSet(scenario.bases, 'base', 'bases');
  const agencies = idSet(scenario.agencies, 'agency', 'agencies');
  const kinds = idSet(scenario.incidentKinds, 'incident kind', 'incidentKinds');
  const expandedUnits = new Set<string>();
  scenario.units.forEach((unit, i) => {
    for (let copy = 1; copy <= unit.count; copy++) {
      const id = copy === 1 ? unit.id : `${unit.id}#${copy}`;
      if (expandedUnits.has(id)) error(`units[${i}].id`, t.duplicateId[language]('unit', id));
      expandedUnits.add(id);
    }
    if (!agencies.has(unit.agency))
      error(`units[${i}].agency`, t.unknownRef[language]('agency', unit.agency));
    if (!bases.has(unit.base)) error(`units[${i}].base`, t.unknownRef[language]('base', unit.base));
  });
  const unitsAlone = expandedUnits.size;
  if (unitsAlone > LIMITS.expandedUnits) {
    error('units', t.tooManyUnits[language](unitsAlone, LIMITS.expandedUnits));
  }

  const travel = scenario.travel;
  if (travel.model === 'roadGraph') {
    const nodeCount = travel.nodes.length;
    travel.edges.forEach((edge, i) => {
      for (const end of ['from', 'to'] as const) {
        if (edge[end] >= nodeCount)
          error(`travel.edges[${i}].${end}`, t.nodeOutOfRange[language](edge[end], nodeCount));
      }
      if (!Object.hasOwn(travel.roadClasses, edge.roadClass)) {
        error(`travel.edges[${i}].roadClass`, t.unknownRef[language]('road class', edge.roadClass));
      }
    });
  } else if (travel.model === 'matrix') {
    const n = travel.zones.length;
    travel.zones.forEach((zone, i) => {
      if (!districts.has(zone))
        error(`travel.zones[${i}]`, t.unknownRef[language]('district', zone));
    });
    if (travel.seconds.length !== n || travel.seconds.some((row) => row.length !== n)) {
      error('travel.seconds', t.matrixShape[language](n));
    }
    for (const district of scenario.districts) {
      if (!travel.zones.includes(district.id))
        error('travel.zones', t.districtNotInMatrix[language](district.id));
    }
  }

  let expectedCalls = scenario.arrivals.incidents.length;
  scenario.arrivals.streams.forEach((stream, i) => {
    const path = `arrivals.streams[${i}]`;
    if (!kinds.has(stream.kind))
      error(`${path}.kind`, t.unknownRef[language]('incident kind', stream.kind));
    for (const id of Object.keys(stream.districts ?? {})) {
      if (!districts.has(id))
        error(`${path}.districts.${id}`, t.unknownRef[language]('district', id));
    }
    const weights = stream.districts
      ? Object.values(stream.districts)
      : scenario.districts.map((d) => d.callWeight);
    if (stream.callsPerDay > 0 && !weights.some((w) => w > 0)) {
      error(stream.districts ? `${path}.districts` : 'districts', t.allWeightsZero[language]());
    }
    if (!weightsFinite(weights))
      error(stream.districts ? `${path}.districts` : 'districts', t.weightsInfinite[language]());
    for (const profile of ['hourProfile', 'dayProfile'] as const) {
      if (stream[profile]?.every((w) => w === 0))
        error(`${path}.${profile}`, t.allWeightsZero[language]());
      else if (stream[profile] && !weightsFinite(stream[profile]))
        error(`${path}.${profile}`, t.weightsInfinite[language]());
    }
    expectedCalls += (stream.callsPerDay * scenario.duration) / 86_400;
  });
  // The run as it will happen: callRateFactor events scale the generated calls from their time on.
  const generated = expectedCalls - scenario.arrivals.incidents.length;
  const surged =
    scenario.arrivals.incidents.length +
    generated * meanRateFactor(scenario.events, scenario.duration);
  if (expectedCalls > LIMITS.callsPerRun) {
    error('arrivals', t.tooManyCalls[language](Math.round(expectedCalls), LIMITS.callsPerRun));
  } else if (!(surged <= LIMITS.callsPerRun)) {
    const last = scenario.events.findLastIndex((e) => e.type === 'callRateFactor');
    error(
      `events[${last}].factor`,
      t.tooManyCallsWithEvents[language](Math.round(surged), LIMITS.callsPerRun),
    );
  }

  // Calls past the end are said once, with their count and the first (not one line per call).
  let lateCalls = 0;
  let firstLate = -1;
  scenario.arrivals.incidents.forEach((incident, i) => {
    const path = `arrivals.incidents[${i}]`;
    if (!kinds.has(incident.kind))
      error(`${path}.kind`, t.unknownRef[language]('incident kind', incident.kind));
    if (incident.district !== undefined && !districts.has(incident.district)) {
      error(`${path}.district`, t.unknownRef[language]('district', incident.district));
    }
    if (!incident.location && incident.district === undefined)
      error(path, t.placeNeeded[language]());
    if (incident.time > scenario.duration) {
      lateCalls++;
      if (firstLate < 0) firstLate = i;
    }
  });
  if (lateCalls > 0) {
    warnings.push({
      path: `arrivals.incidents[${firstLate}].time`,
      message: lateCalls === 1 ? t.afterEnd[language]() : t.manyAfterEnd[language](lateCalls),
    });
  }
  scenario.dispatch.runCards.forEach((card, i) => {
    const path = `dispatch.runCards[${i}]`;
    if (!districts.has(card.district))
      error(`${path}.district`, t.unknownRef[language]('district', card.district));
    if (card.kind !== undefined && !kinds.has(card.kind))
      error(`${path}.kind`, t.unknownRef[language]('incident kind', card.kind));
    card.units.forEach((unit, j) => {
      if (!expandedUnits.has(unit))
        error(`${path}.units[${j}]`, t.unknownRef[language]('unit', unit));
    });
  });
  scenario.events.forEach((event, i) => {
    const path = `events[${i}]`;
    if (event.type === 'closeRoad' || event.type === 'openRoad' || event.type === 'damageRoad') {
      if (travel.model !== 'roadGraph') error(`${path}.type`, t.edgesNeedGraph[language]());
      else {
        event.edges.forEach((edge, j) => {
          if (edge >= travel.edges.length)
            error(`${path}.edges[${j}]`, t.edgeOutOfRange[language](edge, travel.edges.length));
        });
      }
    }
    if (
      (event.type === 'unitOutOfService' || event.type === 'unitInService') &&
      !expandedUnits.has(event.unit)
    ) {
      error(`${path}.unit`, t.unknownRef[language]('unit', event.unit));
    }
  });
  if (scenario.warmup >= scenario.duration) error('warmup', t.warmupTooLong[language]());

  // References inside the rules.
  const rules = scenario.rules;
  const kindRef = (path: string, kind: string) => {
    if (!kinds.has(kind)) error(path, t.unknownRef[language]('incident kind', kind));
  };
  const agencyRef = (path: string, agency: string) => {
    if (!agencies.has(agency)) error(path, t.unknownRef[language]('agency', agency));
  };
  rules.reinforcement.pools.forEach((pool, i) => {
    const path = `rules.reinforcement.pools[${i}]`;
    agencyRef(`${path}.agency`, pool.agency);
    for (let copy = 1; copy <= pool.count; copy++) {
      const unitId = copy === 1 ? pool.id : `${pool.id}#${copy}`;
      if (expandedUnits.has(unitId)) error(`${path}.id`, t.duplicateId[language]('unit', unitId));
      expandedUnits.add(unitId);
    }
  });
  if (unitsAlone <= LIMITS.expandedUnits && expandedUnits.size > LIMITS.expandedUnits) {
    error(
      'rules.reinforcement.pools',
      t.tooManyUnitsWithPools[language](expandedUnits.size, LIMITS.expandedUnits),
    );
  }
  rules.fireRescueApproval.kinds.forEach((k, i) =>
    kindRef(`rules.fireRescueApproval.kinds[${i}]`, k),
  );
  rules.fireRescueApproval.directAgencies.forEach((a, i) =>
    agencyRef(`rules.fireRescueApproval.directAgencies[${i}]`, a),
  );
  rules.military.urgentKinds.forEach((k, i) => kindRef(`rules.military.urgentKinds[${i}]`, k));
  rules.maritime.kinds.forEach((k, i) => kindRef(`rules.maritime.kinds[${i}]`, k));
  rules.command.plans.forEach((plan, i) =>
    plan.kinds.forEach((k, j) => kindRef(`rules.command.plans[${i}].kinds[${j}]`, k)),
  );
  for (const [kind, agency] of Object.entries(rules.firstReceiver.responsible)) {
    kindRef(`rules.firstReceiver.responsible.${kind}`, kind);
    agencyRef(`rules.firstReceiver.responsible.${kind}`, agency);
  }

  try {
    new Intl.DateTimeFormat('en', { timeZone: scenario.timeZone });
  } catch {
    error('timeZone', t.unknownTimeZone[language](scenario.timeZone));
  }

  // Warnings: the scenario runs, but probably not as meant.
  scenario.bases.forEach((base, i) => {
    const inside = scenario.districts.some((d) =>
      districtRings(d).some((ring) => pointInPolygon(base.location, ring)),
    );
    if (!inside)
      warnings.push({ path: `bases[${i}].location`, message: t.baseOutside[language]() });
  });
  if (scenario.rules.groupIncidents.enabled) {
    // Rule 9's standby: each village ≥ 20 people, each town ≥ 30 militia.
    scenario.units.forEach((unit, i) => {
      const minimum = unit.capabilities.includes('militia')
        ? 30
        : unit.capabilities.includes('stability')
          ? 20
          : 0;
      if (unit.crew < minimum) {
        warnings.push({
          path: `units[${i}].crew`,
          message: t.standbyTooSmall[language](unit.crew, minimum),
        });
      }
    });
  }
  if (travel.model === 'roadGraph' && errors.length === 0) {
    const unreached = nodesUnreachedFromBases(travel, scenario.bases);
    if (unreached > 0) {
      warnings.push({ path: 'travel.edges', message: t.disconnected[language](unreached) });
    }
  }
  scenario.incidentKinds.forEach((kind, i) => {
    const needed =
      kind.needs.reduce((sum, need) => sum + need.units, 0) +
      (kind.growth?.steps ?? []).reduce(
        (sum, step) => sum + step.addNeeds.reduce((s, need) => s + need.units, 0),
        0,
      );
    if (needed > LIMITS.neededUnitsPerIncident)
      error(
        `incidentKinds[${i}].needs`,
        t.tooManyNeededUnits[language](needed, LIMITS.neededUnitsPerIncident),
      );
  });
  const capabilities = new Set(scenario.units.flatMap((u) => u.capabilities));
  scenario.incidentKinds.forEach((kind, i) => {
    kind.needs.forEach((need, j) => {
      if (!capabilities.has(need.capability)) {
        warnings.push({
          path: `incidentKinds[${i}].needs[${j}].capability`,
          message: t.noCapableUnit[language](need.capability),
        });
      }
    });
  });
  if (
    scenario.arrivals.streams.every((s) => s.callsPerDay === 0) &&
    scenario.arrivals.incidents.length === 0
  ) {
    warnings.push({ path: 'arrivals', message: t.noDemand[language]() });
  }
  const realism = realismChecks(scenario, language);
  errors.push(...realism.errors);
  warnings.push(...realism.warnings);
  return { errors, warnings };
}

/** Whether weights can be summed and normalised (w × count / total) without overflow. */
function weightsFinite(weights: readonly number[]): boolean {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return Number.isFinite(total * weights.length);
}

/** The time-average over the run of the call-rate factor set by callRateFactor events (1 before). */
function meanRateFactor(events: Scenario['events'], duration: number): number {
  const changes = events
    .filter((e) => e.type === 'callRateFactor')
    .map((e) => ({ at: e.at, factor: e.factor }))
    .sort((a, b) => a.at - b.at);
  let factor = 1;
  let since = 0;
  let sum = 0;
  for (const change of changes) {
    const at = Math.min(change.at, duration);
    sum += factor * (at - since);
    since = at;
    factor = change.factor;
  }
  sum += factor * (duration - since);
  return sum / duration;
}

/** Road nodes that no base can reach, roads taken both ways (one-way streets aside). */
function nodesUnreachedFromBases(
  travel: Extract<Travel, { model: 'roadGraph' }>,
  bases: Scenario['bases'],
): number {
  const neighbours: number[][] = travel.nodes.map(() => []);
  for (const edge of travel.edges) {
    neighbours[edge.from].push(edge.to);
    neighbours[edge.to].push(edge.from);
  }
  const index = new NearestPointIndex(travel.nodes);
  const seen = new Uint8Array(travel.nodes.length);
  const stack = bases.map((base) => index.nearest(base.location));
  for (const start of stack) seen[start] = 1;
  while (stack.length > 0) {
    for (const next of neighbours[stack.pop()!]) {
      if (!seen[next]) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return seen.length - seen.reduce((sum, v) => sum + v, 0);
}
