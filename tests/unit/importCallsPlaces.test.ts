/** A call's place from one column holding both coordinates, in the shapes exports write. */
import { describe, expect, it } from 'vitest';
import { importCalls } from '../../src/scenarios/importCalls.ts';
import type { PointOrder } from '../../src/scenarios/callPlaces.ts';

const kinds = new Set(['fire']);
const withPoints = (points: string[], pointOrder?: PointOrder, extra = '') =>
  importCalls(
    [
      'time,kind,place' + (extra ? ',district' : ''),
      ...points.map((p) => `60,fire,"${p}"${extra}`),
    ].join('\n'),
    {
      time: 'time',
      kind: 'kind',
      point: 'place',
      pointOrder,
      district: extra ? 'district' : undefined,
    },
    '2016-12-31T00:00',
    kinds,
    { districts: [{ id: 'west', name: '西区' }] },
  );

describe('a point column', () => {
  it('reads (lat, lon), lat,lon and WKT POINT (lon lat) into [lon, lat]', () => {
    const { incidents, problems } = withPoints([
      '(37.74, -122.45)',
      '37.75,-122.41',
      'POINT (-122.43 37.78)',
    ]);
    expect(problems).toEqual([]);
    expect(incidents.map((i) => i.location)).toEqual([
      [-122.45, 37.74],
      [-122.41, 37.75],
      [-122.43, 37.78],
    ]);
  });

  it('detects longitude first from a number beyond ±90', () => {
    const { incidents } = withPoints(['120.1 30.2', '120.2,30.3']);
    expect(incidents.map((i) => i.location)).toEqual([
      [120.1, 30.2],
      [120.2, 30.3],
    ]);
  });

  it('an undecidable order asks for it; given, it is used', () => {
    const undecided = withPoints(['(48.85, 2.35)']);
    expect(undecided.incidents).toEqual([]);
    expect(undecided.problems[0].message).toContain('give the point order (lonlat or latlon)');
    expect(withPoints(['(48.85, 2.35)'], 'latlon').incidents[0].location).toEqual([2.35, 48.85]);
  });

  it('a cell that is no point, or off the globe, is a problem naming the value', () => {
    const { incidents, problems } = withPoints(['(37.74, -122.45)', 'unknown', '(95, -200)']);
    expect(incidents).toHaveLength(1);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, '"unknown" is not a point: (lat, lon), lon lat or POINT (lon lat) within ±180, ±90'],
      [4, '"(95, -200)" is not a point: (lat, lon), lon lat or POINT (lon lat) within ±180, ±90'],
    ]);
  });

  it('an empty point beside a district places the call by district', () => {
    const { incidents } = withPoints(['', '(37.74, -122.45)'], undefined, ',西区');
    expect(incidents).toEqual([
      { time: 60, kind: 'fire', district: 'west' },
      { time: 60, kind: 'fire', location: [-122.45, 37.74], district: 'west' },
    ]);
  });
});
