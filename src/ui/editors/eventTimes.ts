/**
 * The scenario's external events as a planner reads them: at a clock time on a day of the run
 * ("第2天 14:30") instead of seconds after the start, a road segment by the places it joins
 * ("临城消防站 → 距东湖派出所 1.2 km") instead of its index alone, a unit by its name. Pure: tested in Node.
 *
 * Day 1 is the start's date; the clock is the local time of the scenario's `start` plus the
 * time after it (the simulator's calendar counts the same way: no daylight-saving shift).
 */
import { haversineMetres, type LonLat } from '../../lib/geo.ts';
import type { Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { asArray, getIn, textOf } from './model.ts';

const DAY = 86_400;

/** Seconds after local midnight of the start ("2026-07-06T12:00" → 43 200); 0 when unreadable. */
export function startSecondOfDay(start: unknown): number {
  const match = typeof start === 'string' ? /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(start) : null;
  if (!match) return 0;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

export interface EventClock {
  /** 1 = the start's date. */
  day: number;
  /** Local time "HH:MM". */
  time: string;
}

/** When an event `at` seconds after the start happens, as day and local clock time. */
export function clockOf(start: unknown, at: number): EventClock {
  const local = startSecondOfDay(start) + Math.max(0, at);
  const ofDay = Math.floor(local % DAY);
  const hh = String(Math.floor(ofDay / 3600)).padStart(2, '0');
  const mm = String(Math.floor((ofDay % 3600) / 60)).padStart(2, '0');
  return { day: Math.floor(local / DAY) + 1, time: `${hh}:${mm}` };
}

/**
 * Seconds after the start of a day and clock time (to the minute); a reason (why not) instead
 * when the time is malformed or before the start.
 */
export function secondsOf(
  start: unknown,
  clock: EventClock,
): { ok: true; at: number } | { ok: false; reason: 'format' | 'beforeStart' } {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(clock.time.trim());
  if (!match || !Number.isInteger(clock.day) || clock.day < 1)
    return { ok: false, reason: 'format' };
  const [hh, mm] = [Number(match[1]), Number(match[2])];
  if (hh > 23 || mm > 59) return { ok: false, reason: 'format' };
  const at = (clock.day - 1) * DAY + hh * 3600 + mm * 60 - startSecondOfDay(start);
  return at < 0 ? { ok: false, reason: 'beforeStart' } : { ok: true, at };
}

/** "第2天 14:30" / "day 2, 14:30". */
export function formatClock(clock: EventClock, language: Language): string {
  return language === 'zh' ? `第${clock.day}天 ${clock.time}` : `day ${clock.day}, ${clock.time}`;
}

/** Segments found by a place: those with an end within this distance of it. */
const NEAR_METRES = 3_000;

/** The nearest base to a road node, and how far it is. */
function nearestBase(
  doc: ScenarioDoc,
  node: LonLat,
  language: Language,
): { name: string; metres: number } | null {
  let best: { name: string; metres: number } | null = null;
  for (const base of asArray(doc.bases)) {
    const location = getIn(base, ['location']);
    if (!Array.isArray(location)) continue;
    const metres = haversineMetres(node, location as unknown as LonLat);
    if (!best || metres < best.metres) {
      const name = textOf(base, 'name');
      const english = language === 'en' ? textOf(base, 'nameEn') : '';
      best = { name: english || name || textOf(base, 'id'), metres };
    }
  }
  return best;
}

/** Where a road node is, in words: at a base (within 500 m), else how far from the nearest one. */
function placeWords(doc: ScenarioDoc, node: LonLat, language: Language): string {
  const base = nearestBase(doc, node, language);
  if (!base) return `${node[1].toFixed(3)}°N ${node[0].toFixed(3)}°E`;
  if (base.metres <= 500) return base.name;
  const km = (base.metres / 1000).toFixed(1);
  return language === 'zh' ? `距${base.name} ${km} km` : `${km} km from ${base.name}`;
}

export interface RoadChoice {
  index: number;
  /** "#12 临城消防站 → 距东湖派出所 1.2 km（0.8 km）": the places it joins and its length. */
  label: string;
}

/**
 * A road segment of the scenario's road graph by the places it joins; null when the scenario
 * has no road graph or no such segment.
 */
export function roadLabel(doc: ScenarioDoc, index: number, language: Language): string | null {
  const travel = getIn(doc, ['travel']);
  if (getIn(travel, ['model']) !== 'roadGraph') return null;
  const nodes = asArray(getIn(travel, ['nodes'])) as unknown as LonLat[];
  const edge = asArray(getIn(travel, ['edges']))[index];
  if (!edge) return null;
  const from = nodes[Number(getIn(edge, ['from']))];
  const to = nodes[Number(getIn(edge, ['to']))];
  if (!Array.isArray(from) || !Array.isArray(to)) return null;
  const km = (haversineMetres(from, to) / 1000).toFixed(1);
  const ends = `${placeWords(doc, from, language)} → ${placeWords(doc, to, language)}`;
  return language === 'zh' ? `#${index} ${ends}（${km} km）` : `#${index} ${ends} (${km} km)`;
}

/** Segments whose ends are near a place whose name contains `text` (for finding a road by name). */
export function roadsNear(
  doc: ScenarioDoc,
  text: string,
  language: Language,
  limit = 12,
): RoadChoice[] {
  const wanted = text.trim();
  if (wanted === '') return [];
  const travel = getIn(doc, ['travel']);
  if (getIn(travel, ['model']) !== 'roadGraph') return [];
  const nodes = asArray(getIn(travel, ['nodes'])) as unknown as LonLat[];
  const places = asArray(doc.bases).filter((base) =>
    (textOf(base, 'name') || textOf(base, 'id')).includes(wanted),
  );
  const spots = places
    .map((base) => getIn(base, ['location']))
    .filter((location): location is LonLat => Array.isArray(location));
  if (spots.length === 0) return [];
  const found: Array<RoadChoice & { metres: number }> = [];
  asArray(getIn(travel, ['edges'])).forEach((edge, index) => {
    const ends = [nodes[Number(getIn(edge, ['from']))], nodes[Number(getIn(edge, ['to']))]];
    if (!ends.every(Array.isArray)) return;
    const metres = Math.min(
      ...spots.flatMap((spot) => ends.map((end) => haversineMetres(spot, end))),
    );
    if (metres <= NEAR_METRES) found.push({ index, label: '', metres });
  });
  return found
    .sort((a, b) => a.metres - b.metres || a.index - b.index)
    .slice(0, limit)
    .map(({ index }) => ({ index, label: roadLabel(doc, index, language) ?? `#${index}` }));
}
