/**
 * RingIndex (src/sim/world/places.ts) must answer exactly as pointInPolygon does, for every
 * point: calls are placed by rejection sampling, so one different answer changes a run.
 */
import { describe, expect, it } from 'vitest';
import { boundingBox, districtRings, pointInPolygon, type LonLat } from '../../src/lib/geo.ts';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { RingIndex } from '../../src/sim/world/places.ts';

function numbers(seed: number) {
  let x = seed;
  return () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647;
  };
}

/** Points over and around the ring's box, and on its vertices' latitudes and longitudes. */
function probes(ring: readonly LonLat[], count: number, next: () => number): LonLat[] {
  const box = boundingBox(ring);
  const width = box.maxLon - box.minLon || 1e-3;
  const height = box.maxLat - box.minLat || 1e-3;
  const points: LonLat[] = [];
  for (let i = 0; i < count; i++) {
    const lon = box.minLon - 0.1 * width + 1.2 * width * next();
    const lat = box.minLat - 0.1 * height + 1.2 * height * next();
    points.push([lon, lat]);
  }
  for (const [lon, lat] of ring) {
    points.push(
      [lon, lat],
      [box.minLon + width * next(), lat],
      [lon, box.minLat + height * next()],
    );
  }
  points.push([NaN, box.minLat], [box.minLon, NaN], [box.maxLon, box.maxLat]);
  return points;
}

describe('RingIndex answers as pointInPolygon', () => {
  it('on every built-in district', () => {
    const next = numbers(5);
    let checked = 0;
    for (const { id } of builtinScenarios) {
      for (const district of builtinScenario(id).districts) {
        for (const ring of districtRings(district)) {
          const index = new RingIndex(ring);
          for (const point of probes(ring, 2000, next)) {
            expect(index.contains(point)).toBe(pointInPolygon(point, ring));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('on random rings, crossing themselves, flat, tiny or empty', () => {
    const next = numbers(17);
    const rings: LonLat[][] = [
      [],
      [[120, 30]],
      [
        [120, 30],
        [121, 30],
        [122, 30],
      ],
    ];
    for (let r = 0; r < 40; r++) {
      const n = 3 + Math.floor(next() * 60);
      rings.push(Array.from({ length: n }, () => [120 + next(), 30 + next()] as LonLat));
    }
    // A star with many spikes (many edges across each band), closed explicitly.
    const star: LonLat[] = Array.from({ length: 301 }, (_, k) => {
      const angle = (2 * Math.PI * k) / 300;
      const radius = k % 2 === 0 ? 1 : 0.3;
      return [120 + radius * Math.cos(angle), 30 + radius * Math.sin(angle)] as LonLat;
    });
    rings.push(star);
    let inside = 0;
    for (const ring of rings) {
      const index = new RingIndex(ring);
      for (const point of probes(ring, 500, next)) {
        const expected = pointInPolygon(point, ring);
        expect(index.contains(point)).toBe(expected);
        if (expected) inside++;
      }
    }
    expect(inside).toBeGreaterThan(1000);
  });
});
