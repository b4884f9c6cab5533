/**
 * District boundaries that cross themselves are named (district, the two edges, where) by the
 * loader and the district import, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { ringCrossing } from '../../src/lib/ringCrossing.ts';
import { districtsFromGeoJson, parseGeoJson } from '../../src/scenarios/importGeo.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { lineScenario } from './fixtures.ts';

const square: [number, number][] = [
  [0, 0],
  [0.1, 0],
  [0.1, 0.1],
  [0, 0.1],
];

/** A ring of n points round a circle (no crossing). */
function circle(n: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => [
    120 + 0.1 * Math.cos((2 * Math.PI * i) / n),
    30 + 0.1 * Math.sin((2 * Math.PI * i) / n),
  ]);
}

describe('ringCrossing', () => {
  it('finds no crossing in simple rings, closed or not, with repeated points', () => {
    expect(ringCrossing(square)).toBeNull();
    expect(ringCrossing([...square, [0, 0]])).toBeNull();
    expect(ringCrossing([square[0], square[1], square[1], square[2], square[3]])).toBeNull();
    // A concave ring (an L) is fine.
    expect(
      ringCrossing([
        [0, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
      ]),
    ).toBeNull();
  });

  it('names the two edges of a bow tie (two points swapped) and where they cross', () => {
    const bowTie: [number, number][] = [square[0], square[1], square[3], square[2]];
    expect(ringCrossing(bowTie)).toEqual({
      first: 1,
      firstTo: 2,
      second: 3,
      secondTo: 0,
      at: [0.05, 0.05],
    });
    const swapped: [number, number][] = [square[0], square[2], square[1], square[3]];
    const crossing = ringCrossing(swapped)!;
    expect([crossing.first, crossing.firstTo, crossing.second, crossing.secondTo]).toEqual([
      0, 1, 2, 3,
    ]);
    expect(crossing.at[0]).toBeCloseTo(0.05, 12);
    expect(crossing.at[1]).toBeCloseTo(0.05, 12);
  });

  it('a spike folding back on itself, and a ring touching itself, are crossings', () => {
    const spike: [number, number][] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [1.5, 0],
      [1, 1],
    ];
    expect(ringCrossing(spike)).toMatchObject({ first: 1, second: 2 });
    const pinched: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
    ];
    expect(ringCrossing(pinched)).not.toBeNull();
  });

  it('a 50,000-point boundary is checked, and one swap in it found', () => {
    const ring = circle(50_000);
    expect(ringCrossing(ring)).toBeNull();
    [ring[30_000], ring[30_001]] = [ring[30_001], ring[30_000]];
    const crossing = ringCrossing(ring)!;
    expect([crossing.first, crossing.second]).toEqual([29_999, 30_001]);
  });
});

describe('a district boundary that crosses itself', () => {
  const bowTie: [number, number][] = [square[0], square[1], square[3], square[2]];

  it('is a warning of the loader naming the district and the edges, in both languages', () => {
    const doc = lineScenario();
    const districts = doc.districts as Array<Record<string, unknown>>;
    districts[0] = { ...districts[0], name: '西区', polygon: bowTie };
    const en = loadScenario(doc, 'en');
    expect(en.warnings).toContainEqual({
      path: 'districts[0].polygon',
      message:
        'the boundary of district 西区 (west) crosses itself: the edge polygon[1]–[2] crosses the edge polygon[3]–[0] near (0.05000, 0.05000); a boundary that crosses itself has no clear inside (were two points swapped?)',
    });
    const zh = loadScenario(doc, 'zh');
    expect(zh.warnings).toContainEqual({
      path: 'districts[0].polygon',
      message:
        '辖区 西区 (west) 的边界自相交：边 polygon[1]–[2] 与边 polygon[3]–[0] 在 (0.05000, 0.05000) 附近相交；自相交的边界无法确定内外（是否有两个点顺序颠倒？）',
    });
  });

  it('is a warning of the district import at the feature’s ring', () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'a', name: '甲区' },
          geometry: { type: 'Polygon', coordinates: [[...square, square[0]]] },
        },
        {
          type: 'Feature',
          properties: { code: 'b', name: '乙区' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [[[...square, square[0]]], [[...bowTie, bowTie[0]]]],
          },
        },
      ],
    });
    const features = parseGeoJson(geojson, 'zh');
    if (!features.ok) throw new Error('not GeoJSON');
    const result = districtsFromGeoJson(
      features.value,
      { idProperty: 'code', nameProperty: 'name', area: 'urban' },
      'zh',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map((d) => d.id)).toEqual(['a', 'b']);
    expect(result.warnings).toEqual([
      {
        path: 'features[1].geometry.coordinates[1][0]',
        message:
          '辖区 乙区 (b) 的边界自相交：边 coordinates[1][0][1]–[2] 与边 coordinates[1][0][3]–[0] 在 (0.05000, 0.05000) 附近相交；自相交的边界无法确定内外（是否有两个点顺序颠倒？）',
      },
    ]);
  });
});
