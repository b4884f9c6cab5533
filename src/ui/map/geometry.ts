/**
 * What the map draws, read from the scenario as the editor holds it (plain JSON that may be
 * invalid mid-edit): whatever is well formed is drawn, the rest is skipped, so a typo in one
 * base does not blank the map.
 */
import { displayName, type Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export type LonLat = readonly [number, number];

export interface MapDistrict {
  id: string;
  name: string;
  area: 'urban' | 'rural';
  /** Outer rings: one for a plain district, several for islands. */
  rings: LonLat[][];
}

export interface MapUnit {
  id: string;
  name: string;
  agencyName: string;
  tier: number;
  count: number;
}

export interface MapBase {
  id: string;
  name: string;
  location: LonLat;
  units: MapUnit[];
}

export interface MapRoads {
  nodes: LonLat[];
  /** `oneWay`: drivable only from `from` to `to` (drawn with arrowheads). */
  edges: Array<{ from: number; to: number; roadClass: string; oneWay?: boolean }>;
  /** Road classes, fastest first (the order the map draws them in, slowest underneath). */
  classes: string[];
}

/** A hospital that units carry patients to. */
export interface MapHospital {
  id: string;
  name: string;
  location: LonLat;
}

export interface MapGeometry {
  districts: MapDistrict[];
  bases: MapBase[];
  /** The scenario's hospitals (none when it has no patient transport). */
  hospitals?: MapHospital[];
  /** Null when the scenario's travel model has no road network ('matrix', 'distance'). */
  roads: MapRoads | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isLonLat(value: unknown): value is LonLat {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

function ringOf(value: unknown): LonLat[] | null {
  if (!Array.isArray(value)) return null;
  const ring = value.filter(isLonLat);
  return ring.length >= 3 ? ring : null;
}

function listOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function readDistricts(doc: ScenarioDoc, named: Named): MapDistrict[] {
  return listOf(doc.districts).flatMap((district) => {
    const parts = Array.isArray(district.polygons) ? district.polygons : [district.polygon];
    const rings = parts.map(ringOf).filter((ring): ring is LonLat[] => ring !== null);
    if (!text(district.id) || rings.length === 0) return [];
    const area: MapDistrict['area'] = district.area === 'rural' ? 'rural' : 'urban';
    return [
      {
        id: text(district.id),
        name: named(text(district.id), text(district.name), text(district.nameEn)),
        area,
        rings,
      },
    ];
  });
}

function readBases(doc: ScenarioDoc, named: Named): MapBase[] {
  const agencies = new Map(
    listOf(doc.agencies).map((agency) => [
      text(agency.id),
      {
        name: named(text(agency.id), text(agency.name), text(agency.nameEn)),
        tier: Number(agency.tier ?? 1) || 1,
      },
    ]),
  );
  const unitsByBase = new Map<string, MapUnit[]>();
  for (const unit of listOf(doc.units)) {
    const agency = agencies.get(text(unit.agency));
    const entry: MapUnit = {
      id: text(unit.id),
      name: named(text(unit.id), text(unit.name), text(unit.nameEn) || undefined),
      agencyName: agency?.name ?? text(unit.agency),
      tier: agency?.tier ?? 1,
      count: Number.isInteger(unit.count) ? (unit.count as number) : 1,
    };
    const base = text(unit.base);
    unitsByBase.set(base, [...(unitsByBase.get(base) ?? []), entry]);
  }
  return listOf(doc.bases).flatMap((base) =>
    text(base.id) && isLonLat(base.location)
      ? [
          {
            id: text(base.id),
            name: named(text(base.id), text(base.name), text(base.nameEn)),
            location: base.location,
            units: unitsByBase.get(text(base.id)) ?? [],
          },
        ]
      : [],
  );
}

function readHospitals(doc: ScenarioDoc, named: Named): MapHospital[] {
  return listOf(doc.hospitals).flatMap((hospital) =>
    text(hospital.id) && isLonLat(hospital.location)
      ? [
          {
            id: text(hospital.id),
            name: named(text(hospital.id), text(hospital.name), text(hospital.nameEn)),
            location: hospital.location,
          },
        ]
      : [],
  );
}

function readRoads(doc: ScenarioDoc): MapRoads | null {
  const travel = doc.travel;
  if (!isObject(travel) || travel.model !== 'roadGraph' || !Array.isArray(travel.nodes)) {
    return null;
  }
  const nodes = travel.nodes as unknown[];
  const usable = (index: unknown): index is number =>
    Number.isInteger(index) && isLonLat(nodes[index as number]);
  const edges = listOf(travel.edges).flatMap((edge) =>
    usable(edge.from) && usable(edge.to)
      ? [
          {
            from: edge.from,
            to: edge.to,
            roadClass: text(edge.roadClass),
            ...(edge.oneWay === true && { oneWay: true }),
          },
        ]
      : [],
  );
  const classSpecs = isObject(travel.roadClasses) ? travel.roadClasses : {};
  const speedOf = (roadClass: string) => {
    const spec = classSpecs[roadClass];
    return isObject(spec) && typeof spec.speedKmh === 'number' ? spec.speedKmh : 0;
  };
  const classes = [...new Set(edges.map((edge) => edge.roadClass))].sort(
    (a, b) => speedOf(b) - speedOf(a),
  );
  // Nodes that are not points keep their index (edges name nodes by index) but are never drawn.
  const points = nodes.map((node) => (isLonLat(node) ? node : ([NaN, NaN] as const)));
  return { nodes: points, edges, classes };
}

/**
 * What the map draws of a scenario. Names are shown in the page's language: on the English page
 * the English name where the scenario gives one, else the name as written (see displayName).
 */
export function mapGeometry(doc: ScenarioDoc, language: Language = 'zh'): MapGeometry {
  // Documents are never changed in place (an edit makes a new one), so the geometry of one is
  // worked out once for all the maps that show it.
  let byLanguage = geometries.get(doc);
  if (!byLanguage) geometries.set(doc, (byLanguage = new Map()));
  let geometry = byLanguage.get(language);
  if (!geometry) {
    const named: Named = (id, name, nameEn) => displayName(id, name, language, nameEn);
    geometry = {
      districts: readDistricts(doc, named),
      bases: readBases(doc, named),
      hospitals: readHospitals(doc, named),
      roads: readRoads(doc),
    };
    byLanguage.set(language, geometry);
  }
  return geometry;
}

const geometries = new WeakMap<ScenarioDoc, Map<Language, MapGeometry>>();

type Named = (id: string, name: string, nameEn?: string) => string;

/** Every point the map must show, to fit the projection to. */
export function extentPoints(geometry: MapGeometry): LonLat[] {
  const points: LonLat[] = geometry.districts.flatMap((district) => district.rings.flat());
  for (const base of geometry.bases) points.push(base.location);
  for (const hospital of geometry.hospitals ?? []) points.push(hospital.location);
  // A loop, not push(...nodes): a spread of 500,000 road nodes overflows the call stack.
  for (const node of geometry.roads?.nodes ?? []) if (isLonLat(node)) points.push(node);
  return points;
}
