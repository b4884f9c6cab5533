/**
 * Putting imported roads and districts into a scenario document, the same way in the app (one
 * undoable edit) and in `sim import-roads` / `sim import-districts`.
 */
import type { DistrictImport } from './districts.ts';
import type { RoadGraphPart } from './roadGraph.ts';

type Doc = Record<string, unknown>;

/** Road events name edges by their index: a new network makes those indices meaningless. */
export const ROAD_EVENT_TYPES = new Set(['closeRoad', 'openRoad', 'damageRoad']);

/** Road events of a scenario's event list. */
export function roadEventCount(events: unknown): number {
  return Array.isArray(events)
    ? events.filter((event) => ROAD_EVENT_TYPES.has((event as { type?: string })?.type ?? ''))
        .length
    : 0;
}

/**
 * The scenario's travel model replaced by the road graph; the settings that are not about the
 * roads themselves carry over from the old model. Road events are dropped.
 */
export function withRoadGraph<D extends Doc>(doc: D, graph: RoadGraphPart<unknown>): D {
  const old = (doc.travel ?? {}) as Doc;
  const kept = Object.fromEntries(
    ['emergencySpeedFactor', 'noiseCv']
      .filter((key) => old[key] !== undefined)
      .map((key) => [key, old[key]]),
  );
  const events = Array.isArray(doc.events)
    ? doc.events.filter((event) => !ROAD_EVENT_TYPES.has((event as { type?: string })?.type ?? ''))
    : doc.events;
  return {
    ...doc,
    travel: { model: 'roadGraph', ...graph, ...kept },
    ...(events !== undefined && { events }),
  };
}

export type DistrictMode = 'replace' | 'add';

/**
 * The scenario's districts with the imported ones: instead of them, or added (an imported
 * district with an existing id replaces its boundary and name, keeping what the file does not
 * say, such as call weight).
 */
export function mergeDistricts(
  current: readonly Doc[],
  imported: readonly DistrictImport[],
  mode: DistrictMode,
): Doc[] {
  if (mode === 'replace') return [...imported] as unknown as Doc[];
  const byId = new Map(imported.map((district) => [district.id, district]));
  const updated = current.map((district) => {
    const replacement = byId.get(district.id as string);
    if (!replacement) return district;
    byId.delete(replacement.id);
    // An English name was of the old name: a district the file renames loses it.
    const { polygon: _polygon, polygons: _polygons, nameEn, ...rest } = district;
    const renamed = replacement.name !== '' && replacement.name !== district.name;
    const english = nameEn === undefined || renamed ? {} : { nameEn };
    return { ...rest, ...english, ...replacement, area: district.area ?? replacement.area };
  });
  return [...updated, ...(byId.values() as Iterable<Doc>)];
}
