import { describe, expect, it } from 'vitest';
import {
  buildRoadGraph,
  decodeXmlEntities,
  defaultRoadSpeed,
  districtsFromGeoJson,
  featurePropertyNames,
  parseGeoJson,
  roadLinesFromGeoJson,
  roadLinesFromOsm,
  sourceClassCounts,
  type GeoResult,
} from '../../src/scenarios/importGeo.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { haversineMetres } from '../../src/lib/geo.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';

function ok<T>(result: GeoResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** A T junction: a primary road A–B–C and a residential road B–D; plus a footway and a point. */
const junction = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { highway: 'primary', name: '人民路' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [120.0, 30.0],
          [120.01, 30.0],
          [120.02, 30.0],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { highway: 'residential' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [120.01, 30.0],
            [120.01, 30.01],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { highway: 'footway' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [120.0, 30.0],
          [120.0, 30.01],
        ],
      },
    },
    { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120, 30] } },
  ],
});

const speeds = { primary: { speedKmh: 50 }, residential: { speedKmh: 25 } };

describe('road network from GeoJSON', () => {
  it('merges shared vertices, splits lines into edges and drops non-roads', () => {
    const features = ok(parseGeoJson(junction, 'en'));
    expect(featurePropertyNames(features)).toEqual(['highway', 'name']);
    const { lines, skipped } = ok(roadLinesFromGeoJson(features, 'highway', 'en'));
    expect(skipped).toBe(2);
    expect(sourceClassCounts(lines)).toEqual([
      ['primary', 1],
      ['residential', 1],
    ]);
    const { graph, totalLengthM } = ok(buildRoadGraph(lines, (c) => c, speeds, 'en'));
    expect(graph.nodes).toHaveLength(4);
    // Each edge carries its length along the line, to the decimetre.
    const dm = (a: [number, number], b: [number, number]) =>
      Math.round(haversineMetres(a, b) * 10) / 10;
    expect(graph.edges).toEqual([
      { from: 0, to: 1, roadClass: 'primary', lengthM: dm([120, 30], [120.01, 30]) },
      { from: 1, to: 2, roadClass: 'primary', lengthM: dm([120.01, 30], [120.02, 30]) },
      { from: 1, to: 3, roadClass: 'residential', lengthM: dm([120.01, 30], [120.01, 30.01]) },
    ]);
    const expected =
      haversineMetres([120, 30], [120.02, 30]) + haversineMetres([120.01, 30], [120.01, 30.01]);
    expect(totalLengthM).toBeCloseTo(expected, 3);
    // 0.02° of longitude at 30°N ≈ 1926 m, 0.01° of latitude ≈ 1112 m.
    expect(totalLengthM).toBeGreaterThan(3030);
    expect(totalLengthM).toBeLessThan(3045);
  });

  it('maps source classes to the scenario’s classes and keeps only the classes used', () => {
    const { lines } = ok(roadLinesFromGeoJson(ok(parseGeoJson(junction, 'en')), 'highway', 'en'));
    const { graph } = ok(
      buildRoadGraph(
        lines,
        () => 'local',
        { local: { speedKmh: 30 }, expressway: { speedKmh: 80 } },
        'en',
      ),
    );
    expect(new Set(graph.edges.map((e) => e.roadClass))).toEqual(new Set(['local']));
    expect(graph.roadClasses).toEqual({ local: { speedKmh: 30 } });
  });

  it('gives the imported network to a scenario that then loads', () => {
    const scenario = builtinScenario('default-city');
    const [lon, lat] = scenario.bases[0].location;
    const roads = {
      type: 'FeatureCollection',
      features: scenario.bases.map((base) => ({
        type: 'Feature',
        properties: { roadClass: 'arterial' },
        geometry: { type: 'LineString', coordinates: [[lon, lat], base.location] },
      })),
    };
    const { lines } = ok(
      roadLinesFromGeoJson(ok(parseGeoJson(JSON.stringify(roads), 'en')), 'roadClass', 'en'),
    );
    const { graph } = ok(buildRoadGraph(lines, (c) => c, { arterial: { speedKmh: 50 } }, 'en'));
    const loaded = loadScenario({
      ...scenario,
      events: [],
      travel: { model: 'roadGraph', ...graph },
    });
    expect(loaded.ok).toBe(true);
  });

  it('reports malformed input with the place of the problem', () => {
    expect(parseGeoJson('{"type":', 'en')).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringContaining('not valid JSON') }],
    });
    expect(parseGeoJson('[1,2]', 'zh')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('不是 GeoJSON') }],
    });
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [120, 30],
              [200, 30],
            ],
          },
        },
      ],
    });
    expect(roadLinesFromGeoJson(ok(parseGeoJson(bad, 'en')), undefined, 'en')).toEqual({
      ok: false,
      errors: [
        {
          path: 'features[0].geometry.coordinates[1]',
          message: '[200,30] is not a [longitude, latitude] position',
        },
      ],
    });
    const onlyPoints = '{"type":"Point","coordinates":[120,30]}';
    expect(roadLinesFromGeoJson(ok(parseGeoJson(onlyPoints, 'en')), undefined, 'en').ok).toBe(
      false,
    );
  });
});

const osm = `<?xml version="1.0" encoding="UTF-8"?>
<!-- an extract -->
<osm version="0.6" generator="test">
  <bounds minlat="30" minlon="120" maxlat="30.01" maxlon="120.02"/>
  <node id="1" lat="30.0" lon="120.0"/>
  <node id="2" lat="30.0" lon="120.01"/>
  <node id="3" lat="30.0" lon="120.02"/>
  <node id="4" lat="30.01" lon="120.01"><tag k="amenity" v="hospital"/></node>
  <node id="5" lat="30.01" lon="120.0"/>
  <way id="10">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="primary"/>
    <tag k="name" v="解放路 &amp; &#x4E1C;段"/>
    <tag k="oneway" v="yes"/>
  </way>
  <way id="11">
    <nd ref='2'/><nd ref='4'/>
    <tag k='highway' v='residential'/>
  </way>
  <way id="12"><nd ref="1"/><nd ref="5"/><tag k="highway" v="footway"/></way>
  <way id="13"><nd ref="4"/><nd ref="5"/><tag k="waterway" v="river"/></way>
</osm>`;

describe('road network from OpenStreetMap XML', () => {
  it('reads nodes and ways, merges shared nodes by id and drops non-road ways', () => {
    const { lines, skipped } = ok(roadLinesFromOsm(osm, 'en'));
    expect(skipped).toBe(2);
    expect(lines.map((l) => l.sourceClass)).toEqual(['primary', 'residential']);
    const { graph, totalLengthM } = ok(buildRoadGraph(lines, (c) => c, speeds, 'en'));
    expect(graph.nodes).toEqual([
      [120, 30],
      [120.01, 30],
      [120.02, 30],
      [120.01, 30.01],
    ]);
    expect(graph.edges).toHaveLength(3);
    expect(totalLengthM).toBeCloseTo(
      haversineMetres([120, 30], [120.02, 30]) + haversineMetres([120.01, 30], [120.01, 30.01]),
      3,
    );
  });

  it('decodes XML entities', () => {
    expect(decodeXmlEntities('解放路 &amp; &#x4E1C;段 &lt;&#65;&gt; &bogus;')).toBe(
      '解放路 & 东段 <A> &bogus;',
    );
  });

  it('rejects what is not OSM, and ways that refer to missing nodes', () => {
    expect(roadLinesFromOsm('<html><body>hi</body></html>', 'en')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('not OpenStreetMap XML') }],
    });
    expect(roadLinesFromOsm('{"type":"FeatureCollection"}', 'zh')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('不是 OpenStreetMap XML') }],
    });
    const missing = osm.replace('<nd ref="3"/>', '<nd ref="99"/>');
    expect(roadLinesFromOsm(missing, 'en')).toEqual({
      ok: false,
      errors: [{ path: 'way 10', message: 'refers to node 99, which is not in the file' }],
    });
    const badNode = osm.replace('lat="30.01" lon="120.0"', 'lat="north" lon="120.0"');
    expect(roadLinesFromOsm(badNode, 'en')).toMatchObject({
      ok: false,
      errors: [{ path: 'line 9', message: 'node 5 has no valid lat and lon' }],
    });
    expect(roadLinesFromOsm('<osm><node id="1" lat="1"', 'en').ok).toBe(false);
  });

  it('gives link roads the speed of their road, Chinese grades theirs, unknown classes a fallback', () => {
    expect(defaultRoadSpeed('primary_link')).toBe(defaultRoadSpeed('primary'));
    expect(defaultRoadSpeed('主干路')).toBe(50);
    expect(defaultRoadSpeed('支路')).toBe(30);
    expect(defaultRoadSpeed('乡道')).toBe(30);
    // A class with a speed limit: the limit.
    expect(defaultRoadSpeed('primary@60')).toBe(60);
  });
});

describe('districts from GeoJSON', () => {
  const square = (x: number) => [
    [x, 30],
    [x + 0.1, 30],
    [x + 0.1, 30.1],
    [x, 30.1],
    [x, 30],
  ];
  const collection = (features: unknown[]) =>
    ok(parseGeoJson(JSON.stringify({ type: 'FeatureCollection', features }), 'en'));

  it('takes outer rings, ids and names from the chosen properties', () => {
    const features = collection([
      {
        type: 'Feature',
        properties: { code: 'north', 名称: '北区' },
        geometry: { type: 'Polygon', coordinates: [square(120), square(120.02)] },
      },
      {
        type: 'Feature',
        properties: { code: 'islands', 名称: '海岛' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(121)], [square(122)]] },
      },
    ]);
    const districts = ok(
      districtsFromGeoJson(
        features,
        { idProperty: 'code', nameProperty: '名称', area: 'rural' },
        'en',
      ),
    );
    expect(districts).toHaveLength(2);
    expect(districts[0]).toEqual({
      id: 'north',
      name: '北区',
      area: 'rural',
      polygon: square(120).slice(0, 4),
    });
    expect(districts[1].polygons).toHaveLength(2);
    const numbered = ok(districtsFromGeoJson(features, { area: 'urban' }, 'en'));
    expect(numbered.map((d) => d.id)).toEqual(['district-1', 'district-2']);
  });

  it('refuses ids the scenario cannot hold, and duplicates', () => {
    const features = collection([
      {
        type: 'Feature',
        properties: { name: '临城区' },
        geometry: { type: 'Polygon', coordinates: [square(120)] },
      },
      {
        type: 'Feature',
        properties: { name: '临城区' },
        geometry: { type: 'Polygon', coordinates: [square(121)] },
      },
    ]);
    const result = districtsFromGeoJson(features, { idProperty: 'name', area: 'urban' }, 'zh');
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { path: 'features[0].properties', message: expect.stringContaining('只能使用字母') },
        { path: 'features[1].properties' },
      ],
    });
    const tooSmall = collection([
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [120, 30],
              [121, 30],
              [120, 30],
            ],
          ],
        },
      },
    ]);
    expect(districtsFromGeoJson(tooSmall, { area: 'urban' }, 'en')).toEqual({
      ok: false,
      errors: [{ path: 'features[0].geometry.coordinates[0]', message: 'needs at least 4 points' }],
    });
  });
});

describe('hostile road files', () => {
  it('an OSM file cut short or with mismatched tags says where, not "no roads"', () => {
    const cut = osm.slice(0, osm.indexOf('<way id="11">'));
    expect(roadLinesFromOsm(cut, 'en')).toEqual({
      ok: false,
      errors: [{ path: 'line 3', message: 'unreadable XML: <osm> …' }],
    });
    const mismatched = osm.replace('  </way>\n  <way id="11">', '  </node>\n  <way id="11">');
    expect(roadLinesFromOsm(mismatched, 'zh')).toMatchObject({
      ok: false,
      errors: [{ path: 'line 15', message: expect.stringContaining('</node> ≠ <way> (line 10)') }],
    });
  });

  it('long attributes are read, and a tag of 200,000 stray characters is refused (in linear time)', () => {
    const long = osm.replace(
      '<tag k="oneway" v="yes"/>',
      `<tag k="note" v="${'x'.repeat(200_000)}"/>`,
    );
    expect(ok(roadLinesFromOsm(long, 'en')).lines).toHaveLength(2);
    // Before, the attribute pattern was searched from every one of these characters.
    const stray = osm.replace('<tag k="oneway" v="yes"/>', `<tag k="a" ${'x'.repeat(200_000)}/>`);
    expect(roadLinesFromOsm(stray, 'en')).toMatchObject({
      ok: false,
      errors: [{ path: 'line 14', message: expect.stringContaining('unreadable XML: <tag k="a"') }],
    });
  });

  it('deeply nested GeoJSON coordinates are an error at their path, not a crash', () => {
    let nested: unknown = [120, 30];
    for (let depth = 0; depth < 20_000; depth++) nested = [nested];
    const features = [
      { geometry: { type: 'LineString', coordinates: [nested, [120.01, 30]] }, properties: {} },
    ];
    const result = roadLinesFromGeoJson(features, undefined, 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].path).toMatch(/^features\[0\]/);
  });
});
