/**
 * What the map importers say about a file: problems with where they are (a feature, an OSM way,
 * a line of the file) in the planner's language, and the words they use.
 */
import type { Language } from '../messages.ts';
import { LIMITS } from '../schema.ts';

export interface GeoProblem {
  /** Where: `features[3].geometry`, `way 1234`, `line 17` (empty: the whole file). */
  path: string;
  message: string;
  /** For warnings: what kind of warning, so that a summary can count them by kind. */
  kind?: string;
}

export type GeoResult<T> =
  { ok: true; value: T; warnings?: GeoProblem[] } | { ok: false; errors: GeoProblem[] };

export const geoText = {
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
  badMaxSpeed: {
    en: (value: string) =>
      `maxspeed "${value}" is not a speed in km/h or mph; the road class's speed is used`,
    zh: (value: string) => `限速“${value}”不是以 km/h 或 mph 表示的速度，改用道路等级的速度`,
  },
  badOneWay: {
    en: (value: string) => `one-way value "${value}" is not understood; the road is two-way`,
    zh: (value: string) => `单行取值“${value}”无法识别，按双向道路导入`,
  },
  badLength: {
    en: (value: string) =>
      `length "${value}" is not a number of metres > 0; the drawn length is used`,
    zh: (value: string) => `长度“${value}”不是大于 0 的米数，改用图上量得的长度`,
  },
  lengthFar: {
    en: (given: number, drawn: number) =>
      `length ${given} m is far from the drawn ${drawn} m (kept; check the unit)`,
    zh: (given: number, drawn: number) =>
      `长度 ${given} 米与图上量得的 ${drawn} 米相差很大（已保留，请核对单位）`,
  },
  notShapefile: {
    en: (reason: string) => `not a readable shapefile: ${reason}`,
    zh: (reason: string) => `无法读取的 Shapefile：${reason}`,
  },
  shpHeader: {
    en: () => 'the .shp does not start as a shapefile does (file code 9994)',
    zh: () => '.shp 文件头不是 Shapefile 格式（文件代码应为 9994）',
  },
  shpCut: {
    en: (actual: number, declared: number) =>
      `the .shp is cut short: ${actual} of its ${declared} bytes`,
    zh: (actual: number, declared: number) =>
      `.shp 文件不完整：只有 ${actual} 字节，应为 ${declared} 字节`,
  },
  noShp: {
    en: () =>
      'no .shp file: a shapefile needs its .shp and .dbf (and .prj, .cpg) files, or a .zip of them',
    zh: () =>
      '缺少 .shp 文件：Shapefile 需要 .shp 和 .dbf（以及 .prj、.cpg）文件，或它们的 .zip 压缩包',
  },
  manyShp: {
    en: (names: string) => `more than one layer (${names}): give one .shp with its .dbf`,
    zh: (names: string) => `包含多个图层（${names}）：请只提供一个 .shp 及其 .dbf`,
  },
  projected: {
    en: () =>
      'the coordinates are not longitude/latitude (a projected system?) and no .prj file converts them: add the .prj the data came with',
    zh: () =>
      '坐标不是经纬度（可能是投影坐标），且没有可据以换算的 .prj 文件：请一并提供数据附带的 .prj',
  },
};

const whatZh: Record<string, string> = {
  'road nodes': '路网节点',
  'road edges': '路段',
  districts: '辖区',
  points: '边界点',
  rings: '边界环',
};

export function failure<T>(path: string, message: string): GeoResult<T> {
  return { ok: false, errors: [{ path, message }] };
}

export function tooLargeMessage(bytes: number, language: Language): string {
  return language === 'zh'
    ? `文件大小 ${bytes} 字节，超过上限 ${LIMITS.fileBytes} 字节`
    : `the file is ${bytes} bytes; the limit is ${LIMITS.fileBytes} bytes`;
}

/** A value as the start of its JSON, for messages; a value nested too deep to write is "[…]". */
export function shortJson(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

/** Warnings of one kind counted, with the first one's place and words as the example. */
export interface WarningGroup {
  kind: string;
  count: number;
  first: GeoProblem;
}

export function groupWarnings(warnings: readonly GeoProblem[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const warning of warnings) {
    const kind = warning.kind ?? warning.message;
    const group = groups.get(kind);
    if (group) group.count++;
    else groups.set(kind, { kind, count: 1, first: warning });
  }
  return [...groups.values()];
}
