/**
 * Import of map data into a scenario: a road network from GeoJSON lines or OpenStreetMap XML,
 * and district boundaries from GeoJSON polygons. Pure functions (no DOM: the OSM reader is a
 * small tokenizer, so it runs in Node tests and in the worker alike). Every problem names where
 * it is (a feature, an OSM way, a line of the file) in the planner's language; nothing read is
 * ever executed, and sizes are bounded by the scenario's LIMITS.
 *
 * One-way streets are imported as two-way roads (OSM `oneway` tags and GeoJSON directions are
 * ignored): a planner who needs them sets `oneWay` on the edges afterwards.
 */
import { haversineMetres, type LonLat } from '../lib/geo.ts';
import { cut, loaderText, type Language } from './messages.ts';
import { crossingMessage } from './ringCheck.ts';
import { LIMITS } from './schema.ts';
import { ringCrossing } from '../lib/ringCrossing.ts';

export interface GeoProblem {
  /** Where: `features[3].geometry`, `way 1234`, `line 17` (empty: the whole file). */
  path: string;
  message: string;
}

export type GeoResult<T> =
  { ok: true; value: T; warnings?: GeoProblem[] } | { ok: false; errors: GeoProblem[] };

/** A road read from a file, before it becomes nodes and edges. */
export interface RoadLine {
  points: LonLat[];
  /** The class value in the file (OSM `highway`, a GeoJSON property); '' when it has none. */
  sourceClass: string;
  /**
   * Ids of the points where the file itself says they are shared (OSM node ids). GeoJSON has
   * none: its points are merged where their coordinates are equal.
   */
  pointIds?: string[];
}

export interface RoadLines {
  lines: RoadLine[];
  /** Ways or features left out because they are not for vehicles (footways, rivers…). */
  skipped: number;
}

export interface RoadClassSpeed {
  speedKmh: number;
}

/** The road-graph part of a scenario's `travel`, as the schema wants it. */
export interface RoadGraphPart<Class = RoadClassSpeed> {
  nodes: [number, number][];
  edges: { from: number; to: number; roadClass: string }[];
  roadClasses: Record<string, Class>;
}

export interface RoadGraphImport<Class = RoadClassSpeed> {
  graph: RoadGraphPart<Class>;
  /** Sum of the edges' great-circle lengths. */
  totalLengthM: number;
}

export interface DistrictImport {
  id: string;
  name: string;
  area: 'urban' | 'rural';
  polygon?: [number, number][];
  polygons?: [number, number][][];
}

export interface DistrictMapping {
  /** Property holding the district id; undefined: numbered `district-1`, `district-2`… */
  idProperty?: string;
  nameProperty?: string;
  area: 'urban' | 'rural';
}

const text = {
  notJson: {
    en: (reason: string) => `the file is not valid JSON: ${reason}`,
    zh: (reason: string) => `文件不是有效的 JSON：${reason}`,
  },
  notGeoJson: {
    en: () => 'not GeoJSON: expected a FeatureCollection (or a Feature) with "features"',
    zh: () => '不是 GeoJSON：应为含 "features" 的 FeatureCollection（或单个 Feature）',
  },
  notFeature: {
    en: () => 'not a GeoJSON Feature (needs "type": "Feature" and a "geometry")',
    zh: () => '不是 GeoJSON Feature（需要 "type": "Feature" 和 "geometry"）',
  },
  badPosition: {
    en: (value: string) =>
      value === 'undefined'
        ? 'the coordinates are missing: expected a [longitude, latitude] position'
        : `${value} is not a [longitude, latitude] position`,
    zh: (value: string) =>
      value === 'undefined' ? '缺少坐标：应为 [经度, 纬度]' : `${value} 不是 [经度, 纬度] 坐标`,
  },
  tooFewPoints: {
    en: (minimum: number) => `needs at least ${minimum} points`,
    zh: (minimum: number) => `至少需要 ${minimum} 个点`,
  },
  noRoads: {
    en: () => 'no roads found (LineString or MultiLineString features, or OSM ways with highway)',
    zh: () => '未找到道路（应为 LineString / MultiLineString 要素，或带 highway 标签的 OSM way）',
  },
  noPolygons: {
    en: () => 'no district boundaries found (Polygon or MultiPolygon features)',
    zh: () => '未找到辖区边界（应为 Polygon / MultiPolygon 要素）',
  },
  tooMany: {
    en: (what: string, count: number, limit: number) =>
      `${count} ${what}; a scenario holds at most ${limit}`,
    zh: (what: string, count: number, limit: number) =>
      `${whatZh[what] ?? what}共 ${count} 个，情景最多允许 ${limit} 个`,
  },
  notOsm: {
    en: () => 'not OpenStreetMap XML: expected an <osm> element with <node> and <way> elements',
    zh: () => '不是 OpenStreetMap XML：应为含 <node> 和 <way> 元素的 <osm> 文件',
  },
  badXml: {
    en: (what: string) => `unreadable XML: ${what}`,
    zh: (what: string) => `无法读取的 XML：${what}`,
  },
  badNode: {
    en: (id: string) => `node ${id} has no valid lat and lon`,
    zh: (id: string) => `节点 ${id} 缺少有效的 lat 和 lon`,
  },
  missingNode: {
    en: (id: string) => `refers to node ${id}, which is not in the file`,
    zh: (id: string) => `引用的节点 ${id} 不在文件中`,
  },
  noId: {
    en: (property: string) => `has no property "${property}" for the district id`,
    zh: (property: string) => `缺少作为辖区 id 的属性“${property}”`,
  },
  badId: {
    en: (id: string) => `district id "${id}" may use only letters, digits and _ - . : (at most 64)`,
    zh: (id: string) => `辖区 id“${id}”只能使用字母、数字和 _ - . :（最多 64 个字符）`,
  },
  duplicateId: {
    en: (id: string) => `the district id "${id}" is used twice`,
    zh: (id: string) => `辖区 id“${id}”重复`,
  },
};

const whatZh: Record<string, string> = {
  'road nodes': '路网节点',
  'road edges': '路段',
  districts: '辖区',
  points: '边界点',
  rings: '边界环',
};

/**
 * Free-flow speeds (km/h) for OSM highway values, used for classes the scenario does not have
 * yet; rough Chinese urban values (城市快速路 80, 主干路 50…), to be tuned in the editor.
 */
export const DEFAULT_ROAD_SPEEDS: Readonly<Record<string, number>> = {
  motorway: 90,
  trunk: 70,
  primary: 50,
  secondary: 45,
  tertiary: 40,
  unclassified: 30,
  residential: 25,
  living_street: 15,
  service: 15,
  road: 30,
  track: 15,
};

/** Speed of a class with no default (a GeoJSON class such as 主干路). */
export const FALLBACK_ROAD_SPEED_KMH = 30;

/** The default speed for a source class; `primary_link` drives like `primary`. */
export function defaultRoadSpeed(sourceClass: string): number {
  const base = sourceClass.replace(/_link$/, '');
  return Object.hasOwn(DEFAULT_ROAD_SPEEDS, base)
    ? DEFAULT_ROAD_SPEEDS[base]
    : FALLBACK_ROAD_SPEED_KMH;
}

/** OSM highway values that are not roads for emergency vehicles. */
const NOT_FOR_VEHICLES = new Set([
  'footway',
  'path',
  'pedestrian',
  'cycleway',
  'steps',
  'bridleway',
  'corridor',
  'elevator',
  'platform',
  'bus_stop',
  'construction',
  'proposed',
  'abandoned',
  'disused',
  'raceway',
  'escape',
  'via_ferrata',
  'crossing',
  'street_lamp',
]);

/** Whether a class value names a road that vehicles drive on ('' — no class — counts as one). */
export function isVehicleRoad(sourceClass: string): boolean {
  return !NOT_FOR_VEHICLES.has(sourceClass);
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface GeoJsonFeature {
  geometry: JsonObject | null;
  properties: JsonObject;
}

/** Parses GeoJSON text into its features (a FeatureCollection, a Feature, or a bare geometry). */
export function parseGeoJson(source: string, language: Language): GeoResult<GeoJsonFeature[]> {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > LIMITS.fileBytes) return failure('', tooLargeMessage(bytes, language));
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    return failure('', text.notJson[language](loaderText.jsonReason[language](cut(reason, 200))));
  }
  if (!isObject(data)) return failure('', text.notGeoJson[language]());
  if (data.type === 'Feature') data = { type: 'FeatureCollection', features: [data] };
  else if (typeof data.type === 'string' && 'coordinates' in data)
    data = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: data }] };
  if (!isObject(data) || !Array.isArray(data.features)) {
    return failure('', text.notGeoJson[language]());
  }
  const errors: GeoProblem[] = [];
  const features: GeoJsonFeature[] = [];
  data.features.forEach((feature: unknown, i: number) => {
    if (!isObject(feature) || feature.type !== 'Feature' || !('geometry' in feature)) {
      errors.push({ path: `features[${i}]`, message: text.notFeature[language]() });
      return;
    }
    features.push({
      geometry: isObject(feature.geometry) ? feature.geometry : null,
      properties: isObject(feature.properties) ? feature.properties : {},
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: features };
}

/** The property names the features have, in first-seen order, for the mapping step. */
export function featurePropertyNames(features: readonly GeoJsonFeature[]): string[] {
  const names = new Set<string>();
  for (const feature of features)
    for (const name of Object.keys(feature.properties)) names.add(name);
  return [...names];
}

/** Property names that usually hold a road class, in order of preference. */
const ROAD_CLASS_PROPERTIES = ['roadClass', 'highway', 'fclass', 'class', 'type'];

export function guessRoadClassProperty(names: readonly string[]): string | undefined {
  return ROAD_CLASS_PROPERTIES.find((name) => names.includes(name));
}

function propertyText(properties: JsonObject, name: string | undefined): string {
  if (name === undefined) return '';
  const value = properties[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Reads a position, or says what is wrong with it. */
function position(value: unknown): LonLat | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [lon, lat] = value;
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
  return [lon, lat];
}

function positions(
  value: unknown,
  path: string,
  minimum: number,
  language: Language,
  errors: GeoProblem[],
): LonLat[] | null {
  if (!Array.isArray(value)) {
    errors.push({ path, message: text.badPosition[language](shortJson(value)) });
    return null;
  }
  const points: LonLat[] = [];
  for (let i = 0; i < value.length; i++) {
    const point = position(value[i]);
    if (!point) {
      errors.push({
        path: `${path}[${i}]`,
        message: text.badPosition[language](shortJson(value[i])),
      });
      return null;
    }
    points.push(point);
  }
  if (points.length < minimum) {
    errors.push({ path, message: text.tooFewPoints[language](minimum) });
    return null;
  }
  return points;
}

/**
 * The roads among GeoJSON features: LineString and MultiLineString geometries, with their class
 * from `classProperty`. Other geometries (points, polygons) and non-road classes are skipped.
 */
export function roadLinesFromGeoJson(
  features: readonly GeoJsonFeature[],
  classProperty: string | undefined,
  language: Language,
): GeoResult<RoadLines> {
  const errors: GeoProblem[] = [];
  const lines: RoadLine[] = [];
  let skipped = 0;
  features.forEach((feature, i) => {
    const geometry = feature.geometry;
    const path = `features[${i}].geometry.coordinates`;
    const sourceClass = propertyText(feature.properties, classProperty);
    const isLine = geometry?.type === 'LineString' || geometry?.type === 'MultiLineString';
    if (!geometry || !isLine || !isVehicleRoad(sourceClass)) {
      skipped++;
      return;
    }
    const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    if (!Array.isArray(parts)) {
      errors.push({ path, message: text.badPosition[language](shortJson(parts)) });
      return;
    }
    parts.forEach((part: unknown, j: number) => {
      const partPath = geometry.type === 'LineString' ? path : `${path}[${j}]`;
      const points = positions(part, partPath, 2, language, errors);
      if (points) lines.push({ points, sourceClass });
    });
  });
  if (errors.length) return { ok: false, errors };
  if (lines.length === 0) return failure('', text.noRoads[language]());
  return { ok: true, value: { lines, skipped } };
}

/**
 * District boundaries from Polygon and MultiPolygon features: the outer ring of each polygon
 * (holes are left out: the scenario's districts have none), id and name from the chosen
 * properties.
 */
export function districtsFromGeoJson(
  features: readonly GeoJsonFeature[],
  mapping: DistrictMapping,
  language: Language,
): GeoResult<DistrictImport[]> {
  const errors: GeoProblem[] = [];
  const warnings: GeoProblem[] = [];
  const districts: DistrictImport[] = [];
  const seen = new Set<string>();
  features.forEach((feature, i) => {
    const geometry = feature.geometry;
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return;
    const path = `features[${i}]`;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) {
      errors.push({
        path: `${path}.geometry.coordinates`,
        message: text.badPosition[language](shortJson(polygons)),
      });
      return;
    }
    const rings: [number, number][][] = [];
    const ringPaths: string[] = [];
    polygons.forEach((polygon: unknown, j: number) => {
      const ringPath =
        geometry.type === 'Polygon'
          ? `${path}.geometry.coordinates[0]`
          : `${path}.geometry.coordinates[${j}][0]`;
      const outer = Array.isArray(polygon) ? polygon[0] : undefined;
      const points = positions(outer, ringPath, 4, language, errors);
      if (!points) return;
      if (points.length > LIMITS.polygonPoints + 1) {
        errors.push({
          path: ringPath,
          message: text.tooMany[language]('points', points.length, LIMITS.polygonPoints),
        });
        return;
      }
      rings.push(openRing(points));
      ringPaths.push(ringPath);
    });
    const id = mapping.idProperty
      ? propertyText(feature.properties, mapping.idProperty)
      : `district-${districts.length + 1}`;
    if (!id) {
      errors.push({
        path: `${path}.properties`,
        message: text.noId[language](mapping.idProperty!),
      });
      return;
    }
    if (!/^[A-Za-z0-9_\-.:]{1,64}$/.test(id)) {
      errors.push({ path: `${path}.properties`, message: text.badId[language](id) });
      return;
    }
    if (seen.has(id)) {
      errors.push({ path: `${path}.properties`, message: text.duplicateId[language](id) });
      return;
    }
    seen.add(id);
    if (rings.length !== polygons.length) return;
    const name = propertyText(feature.properties, mapping.nameProperty).slice(0, 200);
    // Imported as drawn, with a warning: the planner decides whether to fix the file.
    rings.forEach((ring, j) => {
      const crossing = ringCrossing(ring);
      if (!crossing) return;
      const label = ringPaths[j].slice(`${path}.geometry.`.length);
      warnings.push({
        path: ringPaths[j],
        message: crossingMessage({ id, name }, crossing, label, language),
      });
    });
    districts.push({
      id,
      name,
      area: mapping.area,
      ...(rings.length === 1 ? { polygon: rings[0] } : { polygons: rings }),
    });
  });
  if (errors.length) return { ok: false, errors };
  if (districts.length === 0) return failure('', text.noPolygons[language]());
  if (districts.length > LIMITS.districts) {
    return failure('', text.tooMany[language]('districts', districts.length, LIMITS.districts));
  }
  return { ok: true, value: districts, warnings };
}

/** GeoJSON rings repeat their first point at the end; the scenario's rings need not. */
function openRing(points: LonLat[]): [number, number][] {
  const ring = points.map(([lon, lat]) => [lon, lat] as [number, number]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 3 && first[0] === last[0] && first[1] === last[1]) ring.pop();
  return ring;
}

// ---------------------------------------------------------------------------------------------
// OpenStreetMap XML

interface XmlTag {
  name: string;
  attributes: Record<string, string>;
  /** `</way>` */
  closing: boolean;
  /** `<nd ref="1"/>` */
  selfClosing: boolean;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities of an attribute value (named and numeric). */
export function decodeXmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (entity, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16), entity);
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10), entity);
    return ENTITIES[body] ?? entity;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const XML_NAME = /^[A-Za-z_][\w:.-]*/;
/** One attribute exactly where the scan is (sticky): no search, so no quadratic backtracking. */
const ATTRIBUTE = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const SPACE_TO_END = /\s*$/y;

/** The attributes of a tag's body after its name, or null when something else is there. */
function xmlAttributes(body: string, from: number): Record<string, string> | null {
  const attributes: Record<string, string> = {};
  let at = from;
  for (;;) {
    SPACE_TO_END.lastIndex = at;
    if (SPACE_TO_END.test(body)) return attributes;
    ATTRIBUTE.lastIndex = at;
    const attribute = ATTRIBUTE.exec(body);
    if (!attribute) return null;
    attributes[attribute[1]] = decodeXmlEntities(attribute[2] ?? attribute[3] ?? '');
    at = ATTRIBUTE.lastIndex;
  }
}

/**
 * The element tags of an XML document in order, skipping the prolog, comments, CDATA and text.
 * Enough XML for OSM files, which are flat lists of elements with attributes.
 */
function* xmlTags(source: string): Generator<XmlTag | { error: string; line: number }> {
  let line = 1;
  let at = 0;
  const advanceTo = (end: number) => {
    for (let i = at; i < end; i++) if (source.charCodeAt(i) === 10) line++;
    at = end;
  };
  for (;;) {
    const open = source.indexOf('<', at);
    if (open < 0) return;
    advanceTo(open);
    for (const [start, end] of [
      ['<!--', '-->'],
      ['<![CDATA[', ']]>'],
      ['<?', '?>'],
      ['<!', '>'],
    ]) {
      if (source.startsWith(start, open)) {
        const close = source.indexOf(end, open + start.length);
        if (close < 0) {
          yield { error: `${start} …`, line };
          return;
        }
        advanceTo(close + end.length);
        break;
      }
    }
    if (at !== open) continue;
    const close = source.indexOf('>', open);
    if (close < 0) {
      yield { error: source.slice(open, open + 40), line };
      return;
    }
    // By hand, not one regular expression: a lazy match over a long tag backtracks (a tag with
    // 200,000 characters of attributes took 20 s).
    let body = source.slice(open + 1, close).trim();
    const closing = body.startsWith('/');
    if (closing) body = body.slice(1);
    const selfClosing = body.endsWith('/');
    if (selfClosing) body = body.slice(0, -1);
    const name = XML_NAME.exec(body)?.[0];
    if (!name) {
      yield { error: `<${body.slice(0, 40)}>`, line };
      return;
    }
    const attributes = xmlAttributes(body, name.length);
    if (!attributes) {
      yield { error: `<${body.slice(0, 40)}…>`, line };
      return;
    }
    yield { name, attributes, closing, selfClosing, line };
    advanceTo(close + 1);
  }
}

interface OsmWay {
  id: string;
  line: number;
  refs: string[];
  tags: Record<string, string>;
}

/**
 * The roads of an OpenStreetMap XML extract (as from the OSM website's export or Overpass):
 * ways with a `highway` tag for vehicles, their class the highway value. Relations are ignored.
 */
export function roadLinesFromOsm(source: string, language: Language): GeoResult<RoadLines> {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > LIMITS.fileBytes) return failure('', tooLargeMessage(bytes, language));
  const nodes = new Map<string, LonLat>();
  const ways: OsmWay[] = [];
  const errors: GeoProblem[] = [];
  let sawOsm = false;
  let way: OsmWay | null = null;
  // Open elements, to catch a file cut short or with mismatched tags (say so, not "no roads").
  const open: Array<{ name: string; line: number }> = [];
  for (const tag of xmlTags(source)) {
    if ('error' in tag) return failure(`line ${tag.line}`, text.badXml[language](tag.error));
    if (tag.closing) {
      const top = open.pop();
      if (top?.name !== tag.name) {
        const what = top ? `</${tag.name}> ≠ <${top.name}> (line ${top.line})` : `</${tag.name}>`;
        return failure(`line ${tag.line}`, text.badXml[language](what));
      }
    } else if (!tag.selfClosing) open.push({ name: tag.name, line: tag.line });
    if (tag.closing) {
      if (tag.name === 'way' && way) {
        ways.push(way);
        way = null;
      }
      continue;
    }
    const { attributes } = tag;
    if (tag.name === 'osm') sawOsm = true;
    else if (tag.name === 'node') {
      const lat = Number(attributes.lat);
      const lon = Number(attributes.lon);
      const id = attributes.id ?? '?';
      if (!(attributes.lat && attributes.lon && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
        errors.push({ path: `line ${tag.line}`, message: text.badNode[language](id) });
      } else nodes.set(id, [lon, lat]);
    } else if (tag.name === 'way') {
      const current: OsmWay = { id: attributes.id ?? '?', line: tag.line, refs: [], tags: {} };
      if (tag.selfClosing) ways.push(current);
      else way = current;
    } else if (tag.name === 'nd' && way && attributes.ref) way.refs.push(attributes.ref);
    else if (tag.name === 'tag' && way && attributes.k) way.tags[attributes.k] = attributes.v ?? '';
  }
  if (!sawOsm) return failure('', text.notOsm[language]());
  const unclosed = open.pop();
  if (unclosed) {
    return failure(`line ${unclosed.line}`, text.badXml[language](`<${unclosed.name}> …`));
  }
  if (errors.length) return { ok: false, errors };

  const lines: RoadLine[] = [];
  let skipped = 0;
  for (const { id, refs, tags } of ways) {
    const highway = tags.highway;
    if (highway === undefined || !isVehicleRoad(highway) || tags.area === 'yes') {
      skipped++;
      continue;
    }
    const missing = refs.find((ref) => !nodes.has(ref));
    if (missing !== undefined) {
      errors.push({ path: `way ${id}`, message: text.missingNode[language](missing) });
      continue;
    }
    if (refs.length < 2) {
      errors.push({ path: `way ${id}`, message: text.tooFewPoints[language](2) });
      continue;
    }
    lines.push({
      points: refs.map((ref) => nodes.get(ref)!),
      pointIds: refs,
      sourceClass: highway,
    });
  }
  if (errors.length) return { ok: false, errors };
  if (lines.length === 0) return failure('', text.noRoads[language]());
  return { ok: true, value: { lines, skipped } };
}

// ---------------------------------------------------------------------------------------------
// Road graph

/** How many roads of each source class, most common first, for the class-mapping step. */
export function sourceClassCounts(lines: readonly RoadLine[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.sourceClass, (counts.get(line.sourceClass) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Nodes and edges from road lines: points shared by several lines become one node (by OSM node
 * id, else by equal coordinates), and each line becomes one edge per pair of consecutive points.
 * `classOf` maps a source class to the scenario's road class; `roadClasses` must name every
 * class it returns.
 */
export function buildRoadGraph<Class extends RoadClassSpeed>(
  lines: readonly RoadLine[],
  classOf: (sourceClass: string) => string,
  roadClasses: Record<string, Class>,
  language: Language,
): GeoResult<RoadGraphImport<Class>> {
  const nodes: [number, number][] = [];
  const nodeIndex = new Map<string, number>();
  const edges: RoadGraphPart['edges'] = [];
  const edgeKeys = new Set<string>();
  let totalLengthM = 0;
  const indexOf = (point: LonLat, id: string | undefined) => {
    const key = id !== undefined ? `osm:${id}` : `${point[0]},${point[1]}`;
    let index = nodeIndex.get(key);
    if (index === undefined) {
      index = nodes.length;
      nodeIndex.set(key, index);
      nodes.push([point[0], point[1]]);
    }
    return index;
  };
  for (const line of lines) {
    const roadClass = classOf(line.sourceClass);
    let previous = indexOf(line.points[0], line.pointIds?.[0]);
    for (let i = 1; i < line.points.length; i++) {
      const next = indexOf(line.points[i], line.pointIds?.[i]);
      // A repeated point is no road; a segment drawn twice (two lines overlapping) is one road.
      const key = previous < next ? `${previous}-${next}` : `${next}-${previous}`;
      if (next !== previous && !edgeKeys.has(key)) {
        edgeKeys.add(key);
        edges.push({ from: previous, to: next, roadClass });
        totalLengthM += haversineMetres(nodes[previous], nodes[next]);
      }
      previous = next;
    }
  }
  if (nodes.length > LIMITS.roadNodes) {
    return failure('', text.tooMany[language]('road nodes', nodes.length, LIMITS.roadNodes));
  }
  if (edges.length > LIMITS.roadEdges) {
    return failure('', text.tooMany[language]('road edges', edges.length, LIMITS.roadEdges));
  }
  if (edges.length === 0) return failure('', text.noRoads[language]());
  // Only the classes the new roads use: the old network's other classes would be clutter.
  const used = new Set(edges.map((edge) => edge.roadClass));
  const classes = Object.fromEntries(
    Object.entries(roadClasses).filter(([name]) => used.has(name)),
  );
  return { ok: true, value: { graph: { nodes, edges, roadClasses: classes }, totalLengthM } };
}

// ---------------------------------------------------------------------------------------------

function failure<T>(path: string, message: string): GeoResult<T> {
  return { ok: false, errors: [{ path, message }] };
}

function tooLargeMessage(bytes: number, language: Language): string {
  return language === 'zh'
    ? `文件大小 ${bytes} 字节，超过上限 ${LIMITS.fileBytes} 字节`
    : `the file is ${bytes} bytes; the limit is ${LIMITS.fileBytes} bytes`;
}

/** A value as the start of its JSON, for messages; a value nested too deep to write is "[…]". */
function shortJson(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
