/**
 * District boundaries from GeoJSON Polygon and MultiPolygon features (or a shapefile read as
 * such): the outer ring of each polygon, id and name from the chosen properties.
 */
import type { LonLat } from '../../lib/geo.ts';
import { ringCrossing } from '../../lib/ringCrossing.ts';
import type { Language } from '../messages.ts';
import { crossingMessage } from '../ringCheck.ts';
import { LIMITS } from '../schema.ts';
import { propertyText, positions, type GeoJsonFeature } from './geoJson.ts';
import { failure, geoText, shortJson, type GeoProblem, type GeoResult } from './problems.ts';

export interface DistrictImport {
  id: string;
  name: string;
  area: 'urban' | 'rural';
  polygon?: [number, number][];
  polygons?: [number, number][][];
}

export interface DistrictMapping {
  /** Property holding the district id; undefined: numbered `district-1`, `district-2`… */
  idProperty?: string;
  nameProperty?: string;
  area: 'urban' | 'rural';
}

/**
 * District boundaries from Polygon and MultiPolygon features: the outer ring of each polygon
 * (holes are left out: the scenario's districts have none), id and name from the chosen
 * properties.
 */
export function districtsFromGeoJson(
  features: readonly GeoJsonFeature[],
  mapping: DistrictMapping,
  language: Language,
): GeoResult<DistrictImport[]> {
  const errors: GeoProblem[] = [];
  const warnings: GeoProblem[] = [];
  const districts: DistrictImport[] = [];
  const seen = new Set<string>();
  features.forEach((feature, i) => {
    const geometry = feature.geometry;
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return;
    const path = `features[${i}]`;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) {
      errors.push({
        path: `${path}.geometry.coordinates`,
        message: geoText.badPosition[language](shortJson(polygons)),
      });
      return;
    }
    const rings: [number, number][][] = [];
    const ringPaths: string[] = [];
    polygons.forEach((polygon: unknown, j: number) => {
      const ringPath =
        geometry.type === 'Polygon'
          ? `${path}.geometry.coordinates[0]`
          : `${path}.geometry.coordinates[${j}][0]`;
      const outer = Array.isArray(polygon) ? polygon[0] : undefined;
      const points = positions(outer, ringPath, 4, language, errors);
      if (!points) return;
      if (points.length > LIMITS.polygonPoints + 1) {
        errors.push({
          path: ringPath,
          message: geoText.tooMany[language]('points', points.length, LIMITS.polygonPoints),
        });
        return;
      }
      rings.push(openRing(points));
      ringPaths.push(ringPath);
    });
    const id = mapping.idProperty
      ? propertyText(feature.properties, mapping.idProperty)
      : `district-${districts.length + 1}`;
    if (!id) {
      errors.push({
        path: `${path}.properties`,
        message: geoText.noId[language](mapping.idProperty!),
      });
      return;
    }
    if (!/^[A-Za-z0-9_\-.:]{1,64}$/.test(id)) {
      errors.push({ path: `${path}.properties`, message: geoText.badId[language](id) });
      return;
    }
    if (seen.has(id)) {
      errors.push({ path: `${path}.properties`, message: geoText.duplicateId[language](id) });
      return;
    }
    seen.add(id);
    if (rings.length !== polygons.length) return;
    const name = propertyText(feature.properties, mapping.nameProperty).slice(0, 200);
    // Imported as drawn, with a warning: the planner decides whether to fix the file.
    rings.forEach((ring, j) => {
      const crossing = ringCrossing(ring);
      if (!crossing) return;
      const label = ringPaths[j].slice(`${path}.geometry.`.length);
      warnings.push({
        path: ringPaths[j],
        message: crossingMessage({ id, name }, crossing, label, language),
      });
    });
    districts.push({
      id,
      name,
      area: mapping.area,
      ...(rings.length === 1 ? { polygon: rings[0] } : { polygons: rings }),
    });
  });
  if (errors.length) return { ok: false, errors };
  if (districts.length === 0) return failure('', geoText.noPolygons[language]());
  if (districts.length > LIMITS.districts) {
    return failure('', geoText.tooMany[language]('districts', districts.length, LIMITS.districts));
  }
  return { ok: true, value: districts, warnings };
}

/** GeoJSON rings repeat their first point at the end; the scenario's rings need not. */
function openRing(points: LonLat[]): [number, number][] {
  const ring = points.map(([lon, lat]) => [lon, lat] as [number, number]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 3 && first[0] === last[0] && first[1] === last[1]) ring.pop();
  return ring;
}
