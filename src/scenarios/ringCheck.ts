/**
 * District boundaries that cross themselves, said in the planner's language with the district's
 * name and the two edges that cross (by the indices of their points in the ring), for the loader
 * and the district import alike.
 */
import { districtRings } from '../lib/geo.ts';
import { ringCrossing, type RingCrossing } from '../lib/ringCrossing.ts';
import { cut, loaderText, type Language } from './messages.ts';

/** The sentence for a crossing in a ring called `ring` (`polygon`, `coordinates[0]`, …). */
export function crossingMessage(
  district: { id: string; name?: string },
  crossing: RingCrossing,
  ring: string,
  language: Language,
): string {
  const edge = (from: number, to: number) => `${ring}[${from}]–[${to}]`;
  const at = `(${crossing.at.map((v) => v.toFixed(5)).join(', ')})`;
  const name = district.name ? `${cut(district.name, 40)} (${cut(district.id, 64)})` : district.id;
  return loaderText.ringCrosses[language](
    name,
    edge(crossing.first, crossing.firstTo),
    edge(crossing.second, crossing.secondTo),
    at,
  );
}

/** The first ring of a district that crosses itself: its path in the district and the sentence. */
export function districtCrossing(
  district: {
    id: string;
    name?: string;
    polygon?: Array<[number, number]>;
    polygons?: Array<Array<[number, number]>>;
  },
  language: Language,
): { path: string; message: string } | null {
  const rings = districtRings(district);
  for (let r = 0; r < rings.length; r++) {
    const crossing = ringCrossing(rings[r]);
    if (!crossing) continue;
    const ring = district.polygons ? `polygons[${r}]` : 'polygon';
    return { path: ring, message: crossingMessage(district, crossing, ring, language) };
  }
  return null;
}
