/**
 * Pure helpers of the scenario editors: paths into the document as the loader writes them
 * (`units[3].crew`), reading and writing at a path, the editor tab a path belongs to, list
 * fields, fresh ids and a district's expected call load.
 */
import type { ScenarioDoc } from '../workspace/history.ts';

export type PathSegment = string | number;

/** A path as the loader formats it: `units[3].mobilisation.median`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${segment}` : segment;
  }
  return text;
}

/** The segments of a loader path: `units[3].crew` → ['units', 3, 'crew']. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return segments;
}

export function getIn(data: unknown, segments: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/**
 * Sets a value in a draft, creating the objects on the way (a rule absent from the file, so
 * on its defaults, becomes `{}` with the one field set). `undefined` removes the field.
 */
export function setIn(draft: ScenarioDoc, segments: readonly PathSegment[], value: unknown): void {
  if (segments.length === 0) throw new Error('setIn needs a path');
  let node = draft as Record<PathSegment, unknown>;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (next === null || typeof next !== 'object') node[segment] = {};
    // Items of long arrays are shared, frozen, between versions (history.ts): copy on the way.
    else if (Object.isFrozen(next)) node[segment] = Array.isArray(next) ? [...next] : { ...next };
    node = node[segment] as Record<PathSegment, unknown>;
  }
  const last = segments[segments.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

/** The editor tabs, in the order shown. */
export const EDITOR_TABS = [
  'overview',
  'agencies',
  'units',
  'incidents',
  'districts',
  'roads',
  'dispatch',
  'targets',
  'events',
  'rules',
  'calibrate',
  'raw',
] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];

/** The error list's request to show a field (a new object for each click). */
export interface FocusRequest {
  path: string;
}

/** The tab whose form holds the field at `path`; parts without a form open the raw JSON. */
export function tabOfPath(path: string): EditorTab {
  const [top, second, third] = parsePath(path);
  switch (top) {
    case 'name':
    case 'description':
    case 'start':
    case 'timeZone':
    case 'duration':
    case 'warmup':
      return 'overview';
    case 'agencies':
      return 'agencies';
    case 'units':
    case 'bases':
      return 'units';
    case 'incidentKinds':
    case 'arrivals':
      return 'incidents';
    case 'districts':
      // Boundaries are imported or edited as JSON.
      return third === 'polygon' || third === 'polygons' ? 'raw' : 'districts';
    case 'travel':
      // Matrices and node lists have no form.
      return second === 'edges' || second === 'roadClasses' || second === 'emergencySpeedFactor'
        ? 'roads'
        : 'raw';
    case 'dispatch':
      return 'dispatch';
    case 'targets':
      return 'targets';
    case 'rules':
      return 'rules';
    case 'events':
      return 'events';
    default:
      return 'raw';
  }
}

/** Items of a list typed as text: separated by commas (also 、 and ，) or spaces. */
export function parseList(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An id not yet taken: `stem`, else `stem-2`, `stem-3` … */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The paragraphs of a bilingual description in the wanted language (all if none match). */
export function descriptionIn(description: string, language: 'zh' | 'en'): string {
  const isChinese = (paragraph: string) =>
    (paragraph.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > paragraph.length / 4;
  const wanted = description
    .split(/\n\s*\n/)
    .filter((paragraph) => isChinese(paragraph) === (language === 'zh'));
  return wanted.length > 0 ? wanted.join('\n\n') : description;
}

export interface KindLoad {
  kind: string;
  callsPerDay: number;
}

/**
 * Calls a day expected in one district from the generated streams: each stream's rate times
 * the district's share of the stream's district weights (or of the districts' callWeight,
 * the default the simulator uses).
 */
export function districtCallLoad(doc: ScenarioDoc, districtId: string): KindLoad[] {
  const districts = asArray(doc.districts);
  const defaultWeights: Record<string, number> = {};
  for (const district of districts) {
    const weight = (district as { callWeight?: unknown }).callWeight;
    defaultWeights[String((district as { id?: unknown }).id)] =
      typeof weight === 'number' ? weight : 1;
  }
  const streams = asArray(getIn(doc, ['arrivals', 'streams']));
  const loads: KindLoad[] = [];
  for (const stream of streams) {
    const {
      kind,
      callsPerDay,
      districts: weights,
    } = stream as {
      kind?: unknown;
      callsPerDay?: unknown;
      districts?: Record<string, unknown>;
    };
    if (typeof callsPerDay !== 'number') continue;
    const used = weights && typeof weights === 'object' ? weights : defaultWeights;
    const total = Object.values(used).reduce<number>(
      (sum, weight) => sum + (typeof weight === 'number' ? weight : 0),
      0,
    );
    const own = used[districtId];
    if (total <= 0 || typeof own !== 'number' || own <= 0) continue;
    loads.push({ kind: String(kind), callsPerDay: (callsPerDay * own) / total });
  }
  return loads.sort((a, b) => b.callsPerDay - a.callsPerDay);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A record's field as text, for labels ('' when missing). */
export function textOf(record: unknown, key: string): string {
  const value = getIn(record, [key]);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * JSON indented by two spaces, with lists of plain values (coordinates, hour profiles) on one
 * line: a city's boundaries and road nodes stay readable and the text a fraction of the size.
 */
export function prettyJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object'))
      return JSON.stringify(value);
    if (value.every(isPoint)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((item) => inner + prettyJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    const lines = entries.map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${prettyJson(item, inner)}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A [longitude, latitude] pair. */
function isPoint(item: unknown): boolean {
  return Array.isArray(item) && item.length === 2 && item.every((n) => typeof n === 'number');
}
