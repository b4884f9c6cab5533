/**
 * What a map file given to the road or district import is: OpenStreetMap XML, GeoJSON or a
 * shapefile (its parts as bytes), its features, and the coordinate system it tells.
 */
import {
  detectCrs,
  hasPrj,
  parseGeoJson,
  readShapefile,
  type Crs,
  type GeoJsonFeature,
  type BinaryFile,
  type GeoResult,
  type ShapefileRead,
} from '../../scenarios/importGeo.ts';
import type { Language } from '../i18n.ts';
import type { TextFile } from './files.ts';

export type MapFormat = 'osm' | 'geojson' | 'shapefile';
export type CrsHow = 'detected' | 'osm' | 'prj' | 'assumed';

export function formatOf(file: TextFile): MapFormat {
  if (file.parts) return 'shapefile';
  return file.text
    .trimStart()
    .replace(/^\uFEFF/, '')
    .startsWith('<')
    ? 'osm'
    : 'geojson';
}

/** The coordinate system a file tells (a .prj has been applied by the reader), else WGS-84. */
export function initialCrs(file: TextFile, format: MapFormat): { crs: Crs; how: CrsHow } {
  if (format === 'osm') return { crs: 'wgs84', how: 'osm' };
  if (file.parts && hasPrj(file.parts)) return { crs: 'wgs84', how: 'prj' };
  const member = /"crs"\s*:\s*\{[^}]*"name"\s*:\s*"([^"]{1,200})"/.exec(file.text.slice(0, 4000));
  const detected = detectCrs({ name: file.name, crsText: member?.[1] });
  return detected ? { crs: detected, how: 'detected' } : { crs: 'wgs84', how: 'assumed' };
}

/** The features of a GeoJSON file or a shapefile, with the shapefile's reading. */
export function mapFeatures(
  file: TextFile,
  language: Language,
): { features: GeoResult<GeoJsonFeature[]>; shapefile: ShapefileRead | null } {
  if (!file.parts) return { features: parseGeoJson(file.text, language), shapefile: null };
  const read = readShapefile(file.parts, language);
  return read.ok
    ? { features: { ok: true, value: read.value.features }, shapefile: read.value }
    : { features: read, shapefile: null };
}

/** What a dropped .zip is for: districts if its shapefile holds polygons, else roads. */
export function zippedMapKind(parts: BinaryFile[], language: Language): 'roads' | 'districts' {
  const read = readShapefile(parts, language);
  const polygons =
    read.ok &&
    read.value.features.some((feature) => /Polygon$/.test(String(feature.geometry?.type)));
  return polygons ? 'districts' : 'roads';
}
