import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  detectCrs,
  gcj02ToBd09,
  gcj02ToWgs84,
  outOfChina,
  toWgs84,
  wgs84ToGcj02,
} from '../../src/scenarios/importGeo.ts';
import { haversineMetres } from '../../src/lib/geo.ts';

/**
 * Published reference points: each city's WGS-84, GCJ-02 and BD-09 coordinates as given in the
 * gcoord library's test table (7 decimals), and the (116.404, 39.915) results of the widely
 * used coordtransform library.
 */
const CITIES: {
  name: string;
  wgs84: [number, number];
  gcj02: [number, number];
  bd09: [number, number];
}[] = [
  {
    name: '郑州',
    wgs84: [113.6192856, 34.7478004],
    gcj02: [113.6253334, 34.7466173],
    bd09: [113.6317519, 34.7528605],
  },
  {
    name: '沈阳',
    wgs84: [123.4253306, 41.8032629],
    gcj02: [123.4314787, 41.8057023],
    bd09: [123.438095, 41.8114013],
  },
  {
    name: '泉州',
    wgs84: [118.6711365, 24.8770487],
    gcj02: [118.6756787, 24.8741363],
    bd09: [118.6821251, 24.8804872],
  },
  {
    name: '那曲',
    wgs84: [92.0499619, 31.4784436],
    gcj02: [92.0512438, 31.4762063],
    bd09: [92.0576832, 31.4824421],
  },
];

describe('coordinate systems', () => {
  it('shifts WGS-84 to GCJ-02 as the published formula does', () => {
    const [lon, lat] = wgs84ToGcj02([116.404, 39.915]);
    expect(lon).toBeCloseTo(116.41024449916938, 10);
    expect(lat).toBeCloseTo(39.91640428150164, 10);
    // The table was taken from the providers' own services: within a metre of the formula.
    for (const city of CITIES) {
      expect(haversineMetres(wgs84ToGcj02(city.wgs84), city.gcj02), city.name).toBeLessThan(1);
      const bd = gcj02ToBd09(wgs84ToGcj02(city.wgs84));
      expect(haversineMetres(bd, city.bd09), city.name).toBeLessThan(1);
    }
  });

  it('converts BD-09 and GCJ-02 into each other as Baidu publishes', () => {
    const gcj = bd09ToGcj02([116.404, 39.915]);
    expect(gcj[0]).toBeCloseTo(116.39762729119315, 10);
    expect(gcj[1]).toBeCloseTo(39.90865673957631, 10);
    const bd = gcj02ToBd09([116.404, 39.915]);
    expect(bd[0]).toBeCloseTo(116.41036949371029, 10);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 10);
  });

  it('brings GCJ-02 and BD-09 back to WGS-84 within a metre of the reference points', () => {
    for (const city of CITIES) {
      expect(haversineMetres(toWgs84(city.gcj02, 'gcj02'), city.wgs84), city.name).toBeLessThan(1);
      expect(haversineMetres(toWgs84(city.bd09, 'bd09'), city.wgs84), city.name).toBeLessThan(1);
    }
  });

  it('inverts GCJ-02 exactly enough that the forward shift lands back within a millimetre', () => {
    for (const point of [
      [116.404, 39.915],
      [121.4737, 31.2304],
      [113.2644, 23.1291],
      [87.6168, 43.8256],
    ] as [number, number][]) {
      const back = wgs84ToGcj02(gcj02ToWgs84(point));
      expect(haversineMetres(back, point)).toBeLessThan(0.001);
      // The one-step inverse many tools use is off by a metre or two; ours is not that.
      expect(haversineMetres(gcj02ToWgs84(point), point)).toBeGreaterThan(100);
    }
  });

  it('never shifts points outside China', () => {
    for (const point of [
      [-122.45, 37.74],
      [139.69, 35.69],
      [2.35, 48.86],
    ] as [number, number][]) {
      expect(outOfChina(point)).toBe(true);
      expect(toWgs84(point, 'gcj02')).toEqual(point);
      expect(toWgs84(point, 'bd09')).toEqual(point);
    }
  });

  it('detects the system from a .prj, a GeoJSON crs or a file name where they tell', () => {
    expect(detectCrs({ crsText: 'urn:ogc:def:crs:OGC:1.3:CRS84' })).toBe('wgs84');
    expect(detectCrs({ crsText: 'EPSG:4490' })).toBe('wgs84');
    expect(detectCrs({ crsText: 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]' })).toBe(
      'wgs84',
    );
    expect(detectCrs({ name: 'roads-gcj02.geojson' })).toBe('gcj02');
    expect(detectCrs({ name: '百度路网.json' })).toBe('bd09');
    expect(detectCrs({ name: 'roads.geojson' })).toBeUndefined();
  });
});
