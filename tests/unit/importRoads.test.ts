import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildRoadGraph,
  defaultRoadSpeed,
  districtsFromGeoJson,
  featurePropertyNames,
  featuresToWgs84,
  guessRoadProperties,
  linesToWgs84,
  maxSpeedKmh,
  oneWayValue,
  parseGeoJson,
  readShapefile,
  roadLinesFromGeoJson,
  roadLinesFromOsm,
  sourceClassCounts,
  type GeoResult,
  type RoadLine,
} from '../../src/scenarios/importGeo.ts';
import { haversineMetres } from '../../src/lib/geo.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';

const fixture = (name: string) => new URL(`../fixtures/geo/${name}`, import.meta.url);
const bytes = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(fixture(name))) });

function ok<T>(result: GeoResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function defaultClasses(lines: readonly RoadLine[]) {
  return Object.fromEntries(
    sourceClassCounts(lines).map(([c]) => [c, { speedKmh: defaultRoadSpeed(c) }]),
  );
}

function osmGraph() {
  const read = roadLinesFromOsm(readFileSync(fixture('oneway.osm'), 'utf8'), 'en');
  const { lines } = ok(read);
  return { read, graph: ok(buildRoadGraph(lines, (c) => c, defaultClasses(lines), 'en')).graph };
}

/** The node index of a point of the fixture. */
const at = (nodes: [number, number][], lon: number, lat: number) =>
  nodes.findIndex(([x, y]) => x === lon && y === lat);

describe('OpenStreetMap roads', () => {
  it('keeps one-way streets one-way, in their direction, and reversed for oneway=-1', () => {
    const { graph } = osmGraph();
    const [n1, n4, n5, n6] = [
      at(graph.nodes, 120.1, 30.25),
      at(graph.nodes, 120.112, 30.25),
      at(graph.nodes, 120.1121, 30.255),
      at(graph.nodes, 120.112, 30.26),
    ];
    // 解放路 (oneway=yes) drawn 1→2→3→4: one edge 1→4, its shape points joined away.
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: n1, to: n4, oneWay: true }));
    // 中山路 (oneway=-1) drawn 4→5→6: drivable 6→5→4 only.
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: n6, to: n5, oneWay: true }));
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: n5, to: n4, oneWay: true }));
    expect(graph.edges.filter((e) => e.from === n4 && e.to === n5)).toEqual([]);
    // Two-way roads carry no oneWay.
    const twoWay = graph.edges.filter((e) => e.roadClass === 'residential');
    expect(twoWay.length).toBeGreaterThan(0);
    for (const edge of twoWay) expect(edge.oneWay).toBeUndefined();
  });

  it('treats roundabouts and motorways as one-way, and oneway=no as two-way', () => {
    const { graph } = osmGraph();
    const roundabout = graph.edges.filter((e) => e.roadClass === 'tertiary');
    // A ring back to its entry: split in two edges, both one-way, going round.
    expect(roundabout).toHaveLength(2);
    expect(roundabout.every((e) => e.oneWay)).toBe(true);
    expect(roundabout[0].to).toBe(roundabout[1].from);
    expect(roundabout[1].to).toBe(roundabout[0].from);
    expect(graph.edges.find((e) => e.roadClass === 'motorway@100')?.oneWay).toBe(true);
    expect(graph.edges.find((e) => e.roadClass === 'primary@60')?.oneWay).toBeUndefined();
  });

  it('makes a class per highway and speed limit, km/h and mph, and counts the limits it cannot read', () => {
    const { read } = osmGraph();
    expect(sourceClassCounts(ok(read).lines).map(([c]) => c)).toEqual([
      'residential',
      'motorway@100',
      'primary@50',
      'primary@60',
      'secondary@48',
      'service',
      'tertiary',
    ]);
    expect(defaultRoadSpeed('secondary@48')).toBe(48);
    expect(read.ok && read.warnings?.map((w) => [w.path, w.kind])).toEqual([
      ['way 105', 'maxspeed'],
      ['way 107', 'oneway'],
    ]);
    expect(maxSpeedKmh('30 mph')).toBe(48);
    expect(maxSpeedKmh('60 km/h')).toBe(60);
    for (const value of ['none', 'CN:urban', '50;70', '0', '999'])
      expect(maxSpeedKmh(value)).toBeNull();
  });

  it('measures each edge along all of its way’s points and contracts only like through nodes', () => {
    const { graph } = osmGraph();
    const edge = graph.edges.find((e) => e.roadClass === 'primary@50')!;
    const along =
      haversineMetres([120.1, 30.25], [120.104, 30.2502]) +
      haversineMetres([120.104, 30.2502], [120.108, 30.2501]) +
      haversineMetres([120.108, 30.2501], [120.112, 30.25]);
    expect(edge.lengthM).toBeCloseTo(along, 1);
    expect(edge.lengthM).toBeGreaterThan(haversineMetres([120.1, 30.25], [120.112, 30.25]));
    // 16 points on vehicle roads; 6 are only shape (2, 3 of 解放路; 7 of 平海路; 9, 11 of the
    // roundabout; 17 of the motorway). The roundabout's middle point 10 stays.
    expect(graph.nodes).toHaveLength(10);
    // Without contraction every segment is an edge.
    const { lines } = ok(roadLinesFromOsm(readFileSync(fixture('oneway.osm'), 'utf8'), 'en'));
    const full = ok(
      buildRoadGraph(lines, (c) => c, defaultClasses(lines), 'en', { contract: false }),
    );
    expect(full.graph.nodes).toHaveLength(16);
    expect(full.graph.edges).toHaveLength(17);
    expect(full.totalLengthM).toBeCloseTo(
      graph.edges.reduce((sum, e) => sum + e.lengthM, 0),
      0,
    );
  });

  it('gives a scenario that loads and routes only along the one-way direction', () => {
    const scenario = builtinScenario('default-city');
    const { graph } = osmGraph();
    const loaded = loadScenario({
      ...scenario,
      events: [],
      travel: { model: 'roadGraph', ...graph },
    });
    expect(loaded.ok, JSON.stringify(!loaded.ok && loaded.errors)).toBe(true);
  });
});

describe('GeoJSON roads with one-way, length and speed properties', () => {
  it('detects the property names in English and Chinese, any case', () => {
    expect(guessRoadProperties(['fclass', 'ONEWAY', 'LENGTH'])).toEqual({
      classProperty: 'fclass',
      oneWayProperty: 'ONEWAY',
      lengthProperty: 'LENGTH',
      speedProperty: undefined,
    });
    expect(guessRoadProperties(['道路等级', '单行', '长度', '限速'])).toEqual({
      classProperty: '道路等级',
      oneWayProperty: '单行',
      lengthProperty: '长度',
      speedProperty: '限速',
    });
    expect(['yes', 'T', 'FT', '1', '是'].map(oneWayValue)).toEqual(Array(5).fill('forward'));
    expect(['-1', 'TF'].map(oneWayValue)).toEqual(['backward', 'backward']);
    expect(['no', 'F', 'B', '0', '否'].map(oneWayValue)).toEqual(Array(5).fill('both'));
    expect(oneWayValue('alternating')).toBeNull();
  });

  it('converts GCJ-02 roads to WGS-84 and keeps their one-way and given lengths', () => {
    const features = ok(parseGeoJson(readFileSync(fixture('roads-gcj02.geojson'), 'utf8'), 'en'));
    const mapping = guessRoadProperties(featurePropertyNames(features));
    const roads = ok(roadLinesFromGeoJson(features, mapping, 'en'));
    const lines = linesToWgs84(roads.lines, 'gcj02');
    const { graph } = ok(buildRoadGraph(lines, (c) => c, defaultClasses(lines), 'en'));
    // 郑州's reference point, GCJ-02 → WGS-84, within a metre.
    expect(haversineMetres(graph.nodes[0], [113.6192856, 34.7478004])).toBeLessThan(1);
    expect(graph.edges).toEqual([
      { from: 0, to: 1, roadClass: 'primary', lengthM: 620, oneWay: true },
      { from: 0, to: 2, roadClass: 'residential', lengthM: 1200 },
    ]);
  });

  it('reads BD-09 roads with Chinese properties; an empty length is the drawn one', () => {
    const features = ok(parseGeoJson(readFileSync(fixture('roads-bd09.geojson'), 'utf8'), 'zh'));
    const mapping = guessRoadProperties(featurePropertyNames(features));
    const roads = roadLinesFromGeoJson(featuresToWgs84(features, 'bd09'), mapping, 'zh');
    const lines = ok(roads).lines;
    expect(haversineMetres(lines[0].points[0], [113.6192856, 34.7478004])).toBeLessThan(1);
    const { graph } = ok(buildRoadGraph(lines, (c) => c, defaultClasses(lines), 'zh'));
    expect(graph.edges[0]).toMatchObject({ roadClass: '主干路', lengthM: 650, oneWay: true });
    expect(graph.edges[1].oneWay).toBeUndefined();
    expect(graph.edges[1].lengthM).toBeCloseTo(
      haversineMetres(lines[1].points[0], lines[1].points[1]),
      0,
    );
  });

  it('warns, with counts by kind, about values it cannot read and lengths in another unit', () => {
    const features = [
      { properties: { oneway: 'sometimes', len: '0.5' }, geometry: line([120, 30], [120.01, 30]) },
      { properties: { oneway: 'yes', len: 'abc' }, geometry: line([120, 30], [120, 30.01]) },
    ];
    const result = roadLinesFromGeoJson(
      features,
      { oneWayProperty: 'oneway', lengthProperty: 'len' },
      'en',
    );
    expect(result.ok && result.warnings?.map((w) => w.kind)).toEqual([
      'oneway',
      'length-far',
      'length',
    ]);
  });
});

function line(a: [number, number], b: [number, number]) {
  return { type: 'LineString', coordinates: [a, b] };
}

describe('shapefiles', () => {
  it('reads roads with GBK attributes (.cpg), a CGCS2000 .prj and ESRI one-way codes', () => {
    const read = ok(
      readShapefile(['roads.shp', 'roads.dbf', 'roads.prj', 'roads.cpg'].map(bytes), 'zh'),
    );
    expect(read.encoding).toBe('gb18030');
    expect(read.crs).toBe('wgs84');
    expect(read.features.map((f) => f.properties['名称'])).toEqual(['人民路', '解放路', '中山路']);
    const mapping = guessRoadProperties(featurePropertyNames(read.features));
    expect(mapping).toMatchObject({
      classProperty: 'CLASS',
      oneWayProperty: '单行',
      lengthProperty: '长度',
    });
    const roads = roadLinesFromGeoJson(read.features, mapping, 'zh');
    // 中山路's length is 0: not a length, so the drawn one, with a warning.
    expect(roads.ok && roads.warnings?.map((w) => w.kind)).toEqual(['length']);
    const { lines } = ok(roads);
    const { graph } = ok(buildRoadGraph(lines, (c) => c, defaultClasses(lines), 'zh'));
    expect(graph.edges).toHaveLength(3);
    expect(graph.edges[0]).toMatchObject({ roadClass: 'primary', lengthM: 1000, oneWay: true });
    expect(graph.edges[1]).toMatchObject({ roadClass: 'secondary', lengthM: 1200 });
    expect(graph.edges[1].oneWay).toBeUndefined();
    // TF: drivable against the drawing, from (120.17, 30.25) to the junction.
    const junction = graph.edges[0].to;
    expect(graph.edges[2]).toMatchObject({ to: junction, oneWay: true });
  });

  it('reads districts from a zip in Gauss–Krüger metres, GBK by the .dbf’s language byte', () => {
    const zip = zipSync(
      Object.fromEntries(
        ['districts.shp', 'districts.dbf', 'districts.prj', 'districts.shx'].map((name) => [
          `区划/${name}`,
          bytes(name).bytes,
        ]),
      ),
    );
    const read = ok(readShapefile([{ name: '区划.zip', bytes: zip }], 'zh'));
    expect(read.projected).toBe(true);
    expect(read.encoding).toBe('gb18030');
    const districts = ok(
      districtsFromGeoJson(
        read.features,
        { idProperty: 'CODE', nameProperty: '名称', area: 'urban' },
        'zh',
      ),
    );
    expect(districts.map((d) => [d.id, d.name])).toEqual([
      ['330106', '西湖区'],
      ['330102', '上城区'],
    ]);
    const corner = districts[0].polygon![1];
    expect(corner[0]).toBeCloseTo(120.1, 6);
    expect(corner[1]).toBeCloseTo(30.3, 6);
  });

  it('says what is missing or wrong, in the planner’s language', () => {
    expect(readShapefile([bytes('roads.dbf')], 'zh')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('缺少 .shp 文件') }],
    });
    // Gauss–Krüger metres without their .prj cannot be placed.
    expect(readShapefile([bytes('districts.shp'), bytes('districts.dbf')], 'en')).toMatchObject({
      ok: false,
      errors: [{ path: 'districts.shp', message: expect.stringContaining('.prj') }],
    });
    const broken = { name: 'roads.shp', bytes: bytes('roads.shp').bytes.slice(0, 120) };
    expect(readShapefile([broken], 'zh')).toMatchObject({
      ok: false,
      errors: [
        { path: 'roads.shp', message: expect.stringMatching(/^\.shp 文件不完整：只有 120 字节/) },
      ],
    });
    expect(
      readShapefile([{ name: 'x.zip', bytes: new Uint8Array([1, 2, 3]) }], 'en'),
    ).toMatchObject({
      ok: false,
    });
  });
});
