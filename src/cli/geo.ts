/**
 * `sim import-roads` and `sim import-districts`: a road network (OpenStreetMap XML, GeoJSON or
 * a shapefile) or district boundaries (GeoJSON or a shapefile) into a scenario, in WGS-84,
 * CGCS2000, GCJ-02 or BD-09 coordinates, with a summary of what came in and the warnings
 * counted by kind. What is written is what the loader accepts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  buildRoadGraph,
  CRS_CHOICES,
  defaultRoadSpeed,
  detectCrs,
  districtsFromGeoJson,
  featurePropertyNames,
  featuresToWgs84,
  groupWarnings,
  guessRoadProperties,
  hasPrj,
  isCrs,
  isShapefileName,
  linesToWgs84,
  mergeDistricts,
  parseGeoJson,
  readShapefile,
  roadEventCount,
  roadLinesFromGeoJson,
  roadLinesFromOsm,
  sourceClassCounts,
  withRoadGraph,
  type BinaryFile,
  type Crs,
  type GeoJsonFeature,
  type GeoProblem,
  type GeoResult,
  type RoadLines,
  type RoadPropertyMapping,
} from '../scenarios/importGeo.ts';
import { loadScenario, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';

export const GEO_USAGE = `  import-roads FILE --scenario FILE|ID [--crs wgs84|gcj02|bd09] [--out FILE]
               [--class-field F] [--oneway-field F] [--length-field F] [--speed-field F]
               [--speed class=km/h,…] [--no-contract]
                               replace the scenario's travel model by the roads of an
                               OpenStreetMap XML, GeoJSON or shapefile (.shp or .zip) file
  import-districts FILE --scenario FILE|ID [--crs …] [--id-field F] [--name-field F]
               [--area urban|rural] [--add] [--out FILE]
                               district boundaries from GeoJSON or a shapefile, instead of
                               the scenario's (--add: added to them, same ids replaced)`;

/** What the commands need of the command line (given by cli.ts). */
export interface GeoIo {
  positional: string[];
  option(name: string): string | undefined;
  has(name: string): boolean;
  readBytes(path: string): Uint8Array;
  readText(path: string): string;
  scenario(): Scenario;
  write(path: string | undefined, text: string): void;
  printProblems(problems: ScenarioProblem[], label: string): void;
  usage(message: string): never;
  exit(code: number): never;
}

const words = {
  en: {
    needsFile: (command: string) => `${command} needs a file`,
    badCrs: `--crs is one of ${CRS_CHOICES.join(', ')}`,
    crsNames: {
      wgs84: 'WGS-84 / CGCS2000',
      gcj02: 'GCJ-02 (AMap, Tencent)',
      bd09: 'BD-09 (Baidu)',
    },
    crsHow: {
      given: 'as given',
      detected: 'detected',
      osm: 'OpenStreetMap is WGS-84',
      assumed: 'assumed; give --crs if not',
      prj: 'from the .prj',
    },
    format: { osm: 'OpenStreetMap XML', geojson: 'GeoJSON', shapefile: 'shapefile' },
    read: (file: string, format: string, crs: string, how: string) =>
      `${file}: ${format}, coordinates ${crs} (${how})`,
    encoding: (encoding: string) => `attribute text: ${encoding === 'gb18030' ? 'GBK' : 'UTF-8'}`,
    fields: (list: string) => `fields: ${list}`,
    field: {
      classProperty: 'class',
      oneWayProperty: 'one-way',
      lengthProperty: 'length',
      speedProperty: 'speed limit',
    },
    none: 'none',
    badSpeed: (pair: string) => `--speed takes class=km/h pairs (km/h > 0), got "${pair}"`,
    roads: (
      nodes: string,
      joined: string,
      edges: string,
      oneWay: string,
      share: string,
      km: string,
      skipped: number,
    ) =>
      `${nodes} nodes (${joined} shape points joined into edges), ${edges} edges, ${oneWay} one-way (${share}), ${km} km; ${skipped} non-road features left out`,
    classLine: (name: string, edges: string, speed: string, existing: boolean) =>
      `  ${name}: ${edges} edge(s), ${speed} km/h${existing ? ' (the scenario’s class)' : ''}`,
    classes: 'classes:',
    warnings: (count: number) => `warnings (${count}):`,
    warningLine: (count: number, first: GeoProblem) =>
      `  ${count} × ${first.message}${count > 1 ? ` (first: ${first.path})` : ` (${first.path})`}`,
    roadEvents: (count: number) =>
      `${count} road event(s) dropped: they named edges of the old network`,
    invalid: 'the scenario with this import is not valid; not written',
    moreProblems: (count: number) => `… and ${count} more`,
    replacedHint:
      'the scenario still names districts that the file does not have: use the same ids, or --add to keep the scenario’s districts',
    districts: (count: number, list: string) => `${count} district(s): ${list}`,
    error: 'error',
    warning: 'warning',
  },
  zh: {
    needsFile: (command: string) => `${command} 需要一个文件`,
    badCrs: `--crs 可取 ${CRS_CHOICES.join('、')}`,
    crsNames: { wgs84: 'WGS-84 / CGCS2000', gcj02: 'GCJ-02（高德、腾讯）', bd09: 'BD-09（百度）' },
    crsHow: {
      given: '按参数',
      detected: '自动识别',
      osm: 'OpenStreetMap 均为 WGS-84',
      assumed: '默认；如不是请用 --crs 指定',
      prj: '据 .prj 文件',
    },
    format: { osm: 'OpenStreetMap XML', geojson: 'GeoJSON', shapefile: 'Shapefile' },
    read: (file: string, format: string, crs: string, how: string) =>
      `${file}：${format}，坐标系 ${crs}（${how}）`,
    encoding: (encoding: string) => `属性文字编码：${encoding === 'gb18030' ? 'GBK' : 'UTF-8'}`,
    fields: (list: string) => `字段：${list}`,
    field: {
      classProperty: '等级',
      oneWayProperty: '单行',
      lengthProperty: '长度',
      speedProperty: '限速',
    },
    none: '无',
    badSpeed: (pair: string) => `--speed 应为“等级=km/h”（km/h > 0），收到“${pair}”`,
    roads: (
      nodes: string,
      joined: string,
      edges: string,
      oneWay: string,
      share: string,
      km: string,
      skipped: number,
    ) =>
      `节点 ${nodes} 个（${joined} 个形状点已并入路段），路段 ${edges} 条，其中单行 ${oneWay} 条（${share}），总长 ${km} 公里；${skipped} 个非道路要素未导入`,
    classLine: (name: string, edges: string, speed: string, existing: boolean) =>
      `  ${name}：${edges} 条，${speed} km/h${existing ? '（沿用情景中的等级）' : ''}`,
    classes: '道路等级：',
    warnings: (count: number) => `警告（${count} 条）：`,
    warningLine: (count: number, first: GeoProblem) =>
      `  ${count} 处：${first.message}（${count > 1 ? '首处 ' : ''}${first.path}）`,
    roadEvents: (count: number) => `已删除 ${count} 个道路事件：它们引用的是旧路网的路段`,
    invalid: '导入后的情景无效，未写出',
    moreProblems: (count: number) => `……另有 ${count} 条`,
    replacedHint: '情景中仍引用文件里没有的辖区：请使用相同的辖区 id，或加 --add 保留情景原有辖区',
    districts: (count: number, list: string) => `辖区 ${count} 个：${list}`,
    error: '错误',
    warning: '警告',
  },
};

type Format = 'osm' | 'geojson' | 'shapefile';

interface MapFile {
  format: Format;
  name: string;
  text?: string;
  parts?: BinaryFile[];
}

/** The file(s) named on the command line; a .shp brings its .dbf, .prj and .cpg along. */
function mapFile(io: GeoIo, command: string, language: Language): MapFile {
  const files = io.positional;
  if (files.length === 0) io.usage(words[language].needsFile(command));
  if (files.some(isShapefileName)) {
    const paths = new Set(files);
    for (const file of files) {
      if (!/\.shp$/i.test(file)) continue;
      const base = basename(file).slice(0, -4).toLowerCase();
      const folder = dirname(file);
      for (const sibling of existsSync(folder) ? readdirSync(folder) : []) {
        const match = /^(.*)\.(dbf|prj|cpg)$/i.exec(sibling);
        if (match && match[1].toLowerCase() === base) paths.add(join(folder, sibling));
      }
    }
    const parts = [...paths].map((path) => ({ name: basename(path), bytes: io.readBytes(path) }));
    return { format: 'shapefile', name: basename(files[0]), parts };
  }
  const text = io.readText(files[0]);
  const osm = text
    .trimStart()
    .replace(/^\uFEFF/, '')
    .startsWith('<');
  return { format: osm ? 'osm' : 'geojson', name: basename(files[0]), text };
}

/** The coordinate system: --crs, else what the file tells, else WGS-84 (said so). */
function crsOf(
  io: GeoIo,
  file: MapFile,
  language: Language,
): { crs: Crs; how: keyof typeof words.en.crsHow } {
  const given = io.option('crs');
  if (given !== undefined) {
    if (!isCrs(given)) io.usage(words[language].badCrs);
    return { crs: given, how: 'given' };
  }
  if (file.format === 'osm') return { crs: 'wgs84', how: 'osm' };
  // A .prj has been applied by the reader (to longitude/latitude on its own datum).
  if (file.parts && hasPrj(file.parts)) return { crs: 'wgs84', how: 'prj' };
  const member =
    file.text && /"crs"\s*:\s*\{[^}]*"name"\s*:\s*"([^"]{1,200})"/.exec(file.text.slice(0, 4000));
  const detected = detectCrs({ name: file.name, crsText: member ? member[1] : undefined });
  return detected ? { crs: detected, how: 'detected' } : { crs: 'wgs84', how: 'assumed' };
}

/** Prints a file's errors and stops, or gives its value with its warnings collected. */
function must<T>(io: GeoIo, result: GeoResult<T>, file: string, warnings: GeoProblem[]): T {
  if (!result.ok) {
    for (const problem of result.errors)
      console.error(`${file}${problem.path ? ` ${problem.path}` : ''}: ${problem.message}`);
    io.exit(1);
  }
  warnings.push(...(result.warnings ?? []));
  return result.value;
}

function features(
  io: GeoIo,
  file: MapFile,
  crs: Crs,
  warnings: GeoProblem[],
  language: Language,
): GeoJsonFeature[] {
  const t = words[language];
  if (file.format === 'shapefile') {
    const read = must(io, readShapefile(file.parts!, language), file.name, warnings);
    console.error(t.encoding(read.encoding));
    return featuresToWgs84(read.features, crs);
  }
  return featuresToWgs84(must(io, parseGeoJson(file.text!, language), file.name, warnings), crs);
}

function printWarnings(warnings: GeoProblem[], language: Language): void {
  if (warnings.length === 0) return;
  const t = words[language];
  console.error(t.warnings(warnings.length));
  for (const group of groupWarnings(warnings))
    console.error(t.warningLine(group.count, group.first));
}

/** Errors printed of a scenario the import made invalid; the rest are counted. */
const SHOWN_PROBLEMS = 12;

function writeChecked(
  io: GeoIo,
  updated: Record<string, unknown>,
  language: Language,
  hint?: string,
): void {
  const t = words[language];
  const checked = loadScenario(updated, language);
  if (!checked.ok) {
    io.printProblems(checked.errors.slice(0, SHOWN_PROBLEMS), t.error);
    if (checked.errors.length > SHOWN_PROBLEMS)
      console.error(t.moreProblems(checked.errors.length - SHOWN_PROBLEMS));
    if (hint) console.error(hint);
    console.error(t.invalid);
    io.exit(1);
  }
  io.printProblems(checked.warnings, t.warning);
  io.write(io.option('out'), JSON.stringify(updated, null, 1));
}

/** --speed primary=45,residential=20 */
function speedOverrides(io: GeoIo, language: Language): Map<string, number> {
  const speeds = new Map<string, number>();
  for (const pair of (io.option('speed') ?? '').split(',').filter(Boolean)) {
    const [name, value = ''] = pair.split('=', 2);
    const speed = Number(value);
    if (!name || !(speed > 0) || !Number.isFinite(speed)) io.usage(words[language].badSpeed(pair));
    speeds.set(name, speed);
  }
  return speeds;
}

export function importRoadsMain(io: GeoIo, language: Language): void {
  const t = words[language];
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  const number = (value: number, digits = 0) =>
    value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const scenario = io.scenario();
  const file = mapFile(io, 'import-roads', language);
  const { crs, how } = crsOf(io, file, language);
  console.error(t.read(file.name, t.format[file.format], t.crsNames[crs], t.crsHow[how]));
  const warnings: GeoProblem[] = [];
  let roads: RoadLines;
  if (file.format === 'osm') {
    roads = must(io, roadLinesFromOsm(file.text!, language), file.name, warnings);
    roads = { ...roads, lines: linesToWgs84(roads.lines, crs) };
  } else {
    const read = features(io, file, crs, warnings, language);
    const guessed = guessRoadProperties(featurePropertyNames(read));
    const mapping: RoadPropertyMapping = {
      classProperty: io.option('class-field') ?? guessed.classProperty,
      oneWayProperty: io.option('oneway-field') ?? guessed.oneWayProperty,
      lengthProperty: io.option('length-field') ?? guessed.lengthProperty,
      speedProperty: io.option('speed-field') ?? guessed.speedProperty,
    };
    console.error(
      t.fields(
        (Object.keys(t.field) as (keyof RoadPropertyMapping)[])
          .map((key) => `${t.field[key]} = ${mapping[key] ?? t.none}`)
          .join(language === 'zh' ? '，' : ', '),
      ),
    );
    roads = must(io, roadLinesFromGeoJson(read, mapping, language), file.name, warnings);
  }
  const existing =
    scenario.travel.model === 'roadGraph'
      ? scenario.travel.roadClasses
      : ({} as Record<string, never>);
  const overrides = speedOverrides(io, language);
  const counts = sourceClassCounts(roads.lines);
  const classes: Record<string, { speedKmh: number; hourFactors?: number[] }> = {};
  const className = (source: string) => source || 'road';
  for (const [source] of counts) {
    const name = className(source);
    const speed = overrides.get(name);
    classes[name] =
      speed !== undefined
        ? { ...existing[name], speedKmh: speed }
        : (existing[name] ?? { speedKmh: defaultRoadSpeed(source) });
  }
  const built = must(
    io,
    buildRoadGraph(roads.lines, className, classes, language, { contract: !io.has('no-contract') }),
    file.name,
    warnings,
  );
  const { graph } = built;
  const edgesByClass = new Map<string, number>();
  for (const edge of graph.edges)
    edgesByClass.set(edge.roadClass, (edgesByClass.get(edge.roadClass) ?? 0) + 1);
  console.error(
    t.roads(
      number(graph.nodes.length),
      number(built.contractedNodes),
      number(graph.edges.length),
      number(built.oneWayEdges),
      `${number((100 * built.oneWayEdges) / graph.edges.length, 1)}%`,
      number(built.totalLengthM / 1000, 1),
      roads.skipped,
    ),
  );
  console.error(t.classes);
  for (const [name, count] of [...edgesByClass].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  ))
    console.error(
      t.classLine(
        name,
        number(count),
        number(graph.roadClasses[name].speedKmh),
        Object.hasOwn(existing, name) && !overrides.has(name),
      ),
    );
  printWarnings(warnings, language);
  const dropped = roadEventCount(scenario.events);
  if (dropped > 0) console.error(t.roadEvents(dropped));
  writeChecked(io, withRoadGraph(scenario as unknown as Record<string, unknown>, graph), language);
}

const ID_FIELDS = /^(id|code|adcode|district_?id|编码|代码|行政区划代码)$/i;
const NAME_FIELDS = /^(name|name_zh|名称|名字|district_?name|区名)$/i;

export function importDistrictsMain(io: GeoIo, language: Language): void {
  const t = words[language];
  const scenario = io.scenario();
  const file = mapFile(io, 'import-districts', language);
  if (file.format === 'osm') io.usage(t.format.osm);
  const { crs, how } = crsOf(io, file, language);
  console.error(t.read(file.name, t.format[file.format], t.crsNames[crs], t.crsHow[how]));
  const warnings: GeoProblem[] = [];
  const read = features(io, file, crs, warnings, language);
  const names = featurePropertyNames(read);
  const area = io.option('area') ?? 'urban';
  if (area !== 'urban' && area !== 'rural') io.usage('--area is urban or rural');
  const mapping = {
    idProperty: io.option('id-field') ?? names.find((n) => ID_FIELDS.test(n)),
    nameProperty: io.option('name-field') ?? names.find((n) => NAME_FIELDS.test(n)),
    area: area as 'urban' | 'rural',
  };
  console.error(
    t.fields(
      `id = ${mapping.idProperty ?? t.none}${language === 'zh' ? '，' : ', '}name = ${mapping.nameProperty ?? t.none}`,
    ),
  );
  const districts = must(io, districtsFromGeoJson(read, mapping, language), file.name, warnings);
  const list = districts.slice(0, 12).map((d) => (d.name ? `${d.name} (${d.id})` : d.id));
  console.error(
    t.districts(
      districts.length,
      list.join(language === 'zh' ? '、' : ', ') + (districts.length > 12 ? '…' : ''),
    ),
  );
  printWarnings(warnings, language);
  const current = scenario.districts as unknown as Record<string, unknown>[];
  const merged = mergeDistricts(current, districts, io.has('add') ? 'add' : 'replace');
  writeChecked(
    io,
    { ...(scenario as unknown as Record<string, unknown>), districts: merged },
    language,
    io.has('add') ? undefined : t.replacedHint,
  );
}
