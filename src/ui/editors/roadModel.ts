/**
 * The road graph as the roads form shows it: road classes by name in the planner's language,
 * a segment's length, and the segment nearest a point clicked on the map. Pure: tested in Node.
 */
import { haversineMetres, type LonLat } from '../../lib/geo.ts';
import type { Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { roadLabel } from './eventTimes.ts';
import { asArray, getIn } from './model.ts';

/**
 * A segment by the places it joins and its length (as written, else straight), without its
 * number: "临城消防站 → 距东湖派出所 1.2 km（0.8 km）".
 */
export function segmentWords(doc: ScenarioDoc, index: number, language: Language): string {
  const label = roadLabel(doc, index, language);
  const metres = segmentMetres(doc, index);
  if (label === null || metres === null) return '';
  const km = (metres / 1000).toFixed(1);
  const ends = label.replace(/^#\d+ /, '').replace(/\s*[（(][\d.]+ km[）)]$/, '');
  return language === 'zh' ? `${ends}（${km} km）` : `${ends} (${km} km)`;
}

/** Words for the road classes the built-in cities and the importers use. */
const ROAD_CLASS_WORDS: Record<string, Record<Language, string>> = {
  expressway: { zh: '高速公路 / 快速路', en: 'expressway' },
  arterial: { zh: '主干道', en: 'arterial road' },
  local: { zh: '支路', en: 'local road' },
  county: { zh: '县道', en: 'county road' },
  village: { zh: '村道', en: 'village road' },
  bridge: { zh: '桥梁', en: 'bridge' },
  ferry: { zh: '轮渡', en: 'ferry' },
};

/** A road class in words; a class the planner named in the file shows as written. */
export function roadClassWords(roadClass: string, language: Language): string {
  return ROAD_CLASS_WORDS[roadClass]?.[language] ?? roadClass;
}

/** A road class key, from words typed or chosen ("主干道" → arterial); the text itself otherwise. */
export function roadClassKey(text: string): string {
  const wanted = text.trim();
  for (const [key, words] of Object.entries(ROAD_CLASS_WORDS)) {
    if (words.zh === wanted || words.en === wanted) return key;
  }
  return wanted;
}

export function hasRoadGraph(doc: ScenarioDoc): boolean {
  return getIn(doc, ['travel', 'model']) === 'roadGraph';
}

/** The road classes of the graph with the number of segments of each, in the file's order. */
export function roadClassUse(doc: ScenarioDoc): Array<{ key: string; segments: number }> {
  const classes = getIn(doc, ['travel', 'roadClasses']);
  const keys = classes && typeof classes === 'object' ? Object.keys(classes) : [];
  const counts = new Map<string, number>(keys.map((key) => [key, 0]));
  for (const edge of asArray(getIn(doc, ['travel', 'edges']))) {
    const key = String(getIn(edge, ['roadClass']));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return keys.map((key) => ({ key, segments: counts.get(key) ?? 0 }));
}

/** A segment's length in metres: as written in the file, else the great-circle distance. */
export function segmentMetres(doc: ScenarioDoc, index: number): number | null {
  const nodes = asArray(getIn(doc, ['travel', 'nodes'])) as unknown as LonLat[];
  const edge = asArray(getIn(doc, ['travel', 'edges']))[index];
  if (!edge) return null;
  const written = getIn(edge, ['lengthM']);
  if (typeof written === 'number') return written;
  const from = nodes[Number(getIn(edge, ['from']))];
  const to = nodes[Number(getIn(edge, ['to']))];
  return Array.isArray(from) && Array.isArray(to) ? haversineMetres(from, to) : null;
}

/** Segments set one by one: one-way, or with a length written (ferries, bridges, tunnels). */
export function segmentsSetByHand(doc: ScenarioDoc): number[] {
  const found: number[] = [];
  asArray(getIn(doc, ['travel', 'edges'])).forEach((edge, index) => {
    if (getIn(edge, ['oneWay']) === true || typeof getIn(edge, ['lengthM']) === 'number')
      found.push(index);
  });
  return found;
}

/** Metres per degree of latitude (and of longitude at the equator). */
const METRES_PER_DEGREE = 111_320;

/**
 * The segment of the road graph nearest `point` ([lon, lat]) and how far it is, in metres; null
 * when the scenario has no road graph or no segment lies within `withinMetres`. Distances are
 * measured on a local flat projection: enough to tell which line a click was on.
 */
export function nearestSegment(
  doc: ScenarioDoc,
  point: LonLat,
  withinMetres: number,
): { index: number; metres: number } | null {
  if (!hasRoadGraph(doc)) return null;
  const nodes = asArray(getIn(doc, ['travel', 'nodes'])) as unknown as LonLat[];
  const xScale = METRES_PER_DEGREE * Math.cos((point[1] * Math.PI) / 180);
  const local = (p: LonLat) => [(p[0] - point[0]) * xScale, (p[1] - point[1]) * METRES_PER_DEGREE];
  let best: { index: number; metres: number } | null = null;
  asArray(getIn(doc, ['travel', 'edges'])).forEach((edge, index) => {
    const from = nodes[Number(getIn(edge, ['from']))];
    const to = nodes[Number(getIn(edge, ['to']))];
    if (!Array.isArray(from) || !Array.isArray(to)) return;
    const metres = distanceToSegment(local(from), local(to));
    if (metres <= withinMetres && (!best || metres < best.metres)) best = { index, metres };
  });
  return best;
}

/** Distance from the origin to the segment a–b, in the plane. */
function distanceToSegment(a: number[], b: number[]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / lengthSquared));
  return Math.hypot(a[0] + t * dx, a[1] + t * dy);
}

/** How near a click must be to a segment to pick it: a fixed share of the map's span, ≥ 50 m. */
export function pickRadiusMetres(doc: ScenarioDoc): number {
  const nodes = asArray(getIn(doc, ['travel', 'nodes'])) as unknown as LonLat[];
  if (nodes.length < 2) return 500;
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of nodes) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const span = haversineMetres([west, south], [east, north]);
  return Math.max(50, span / 150);
}
