import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cityOsm } from '../../scripts/cityOsm.ts';
import {
  buildRoadGraph,
  featuresToWgs84,
  guessRoadProperties,
  parseGeoJson,
  roadLinesFromGeoJson,
  roadLinesFromOsm,
  sourceClassCounts,
  type GeoResult,
} from '../../src/scenarios/importGeo.ts';
import { roadImportApi, type ClassChoice } from '../../src/worker/roadImportApi.ts';

const { openRoadFile, roadsFor, graphFor, builtGraph } = roadImportApi;
const text = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

function ok<T>(result: GeoResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('the road import worker', () => {
  it('reads an OSM extract and builds the same graph as the readers called directly', () => {
    const source = cityOsm(30);
    expect(openRoadFile({ format: 'osm', text: source }, 'zh')).toEqual({
      ok: true,
      propertyNames: [],
    });
    const lines = roadsFor('wgs84', {}, 'zh');
    const direct = roadLinesFromOsm(source, 'zh');
    const roads = ok(direct);
    expect(lines).toEqual({
      ok: true,
      counts: sourceClassCounts(roads.lines),
      skipped: roads.skipped,
      warnings: direct.ok ? direct.warnings : [],
    });
    // Primary roads to a new class at 60 km/h, the rest to an existing class.
    const existing = { local: { speedKmh: 30 } };
    const choices: Record<string, ClassChoice> = Object.fromEntries(
      lines.ok
        ? lines.counts.map(([name]) => [
            name,
            name === 'primary' ? { newSpeed: '60' } : { existing: 'local' },
          ])
        : [],
    );
    const graph = graphFor(choices, existing, 'zh');
    const expected = ok(
      buildRoadGraph(
        roads.lines,
        (name) => (name === 'primary' ? 'primary' : 'local'),
        { local: { speedKmh: 30 }, primary: { speedKmh: 60 } },
        'zh',
      ),
    );
    expect(graph).toEqual({
      ok: true,
      nodes: expected.graph.nodes.length,
      edges: expected.graph.edges.length,
      totalLengthM: expected.totalLengthM,
      oneWayEdges: expected.oneWayEdges,
      contractedNodes: expected.contractedNodes,
    });
    // A 30 × 30 grid of junctions: the shape points between them are merged into the edges.
    expect(graph.ok && graph.nodes).toBeGreaterThan(890);
    expect(graph.ok && graph.contractedNodes).toBeGreaterThan(1700);
    expect(builtGraph()).toEqual(expected.graph);
  });

  it('reads GeoJSON with a property mapping and a coordinate system', () => {
    const source = text('../fixtures/geo/roads-gcj02.geojson');
    const opened = openRoadFile({ format: 'geojson', text: source }, 'en');
    expect(opened.ok).toBe(true);
    const names = opened.ok ? opened.propertyNames : [];
    const mapping = guessRoadProperties(names);
    const lines = roadsFor('gcj02', mapping, 'en');
    const direct = ok(
      roadLinesFromGeoJson(featuresToWgs84(ok(parseGeoJson(source, 'en')), 'gcj02'), mapping, 'en'),
    );
    expect(lines.ok && lines.counts).toEqual(sourceClassCounts(direct.lines));
  });

  it('says what is wrong with a broken file in the planner’s language, and builds nothing', () => {
    const zh = openRoadFile({ format: 'geojson', text: '{"type": ' }, 'zh');
    expect(zh.ok).toBe(false);
    expect(!zh.ok && zh.errors[0].message).toMatch(/^文件不是有效的 JSON/);
    const en = openRoadFile({ format: 'osm', text: '<osm><way id="1">' }, 'en');
    expect(en).toEqual(roadLinesFromOsm('<osm><way id="1">', 'en'));
    expect(roadsFor('wgs84', {}, 'en')).toEqual({ ok: false, errors: [] });
    expect(graphFor({}, {}, 'en')).toEqual({ ok: false, errors: [] });
    expect(builtGraph()).toBeNull();
  });
});
