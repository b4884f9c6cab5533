/**
 * Shapefiles as GIS departments hand them out: a .shp with its .dbf (attributes), often a .prj
 * (coordinate system) and a .cpg (text encoding), as loose files or one .zip. Read with shpjs
 * (geometry of every shape type, the .prj through proj4, so projected systems such as CGCS2000
 * Gauss–Krüger come out as longitude/latitude) and fflate for the zip; the .dbf text is GBK
 * when the .cpg or the .dbf's language byte says so or when it is not valid UTF-8, decoded by
 * the platform's TextDecoder. The result is GeoJSON features, for the road and district steps.
 */
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import type { Language } from '../messages.ts';
import { LIMITS } from '../schema.ts';
import { detectCrs, type Crs } from './crs.ts';
import { geoJsonFeatures, type GeoJsonFeature } from './geoJson.ts';
import { failure, geoText, tooLargeMessage, type GeoResult } from './problems.ts';

export interface BinaryFile {
  name: string;
  bytes: Uint8Array;
}

export interface ShapefileRead {
  features: GeoJsonFeature[];
  /** The .dbf's text encoding as used: 'utf-8' or 'gb18030'. */
  encoding: string;
  /** What the .prj says, when it names WGS-84 or CGCS2000 (a projected .prj is converted). */
  crs?: Crs;
  /** Whether a .prj converted the coordinates. */
  projected: boolean;
}

const GBK_NAMES = /^(gbk|gb2312|gb18030|936|cp936|ansi 936|windows-936|chinese)$/i;
const UTF8_NAMES = /^(utf-?8|65001)$/i;
/** The .dbf header's language driver byte for code page 936 (GBK). */
const DBF_DRIVER_GBK = 0x4d;

/** Whether these are shapefile parts (or a zip of them) rather than a text file. */
export function isShapefileName(name: string): boolean {
  return /\.(shp|dbf|prj|cpg|shx|zip)$/i.test(name);
}

/** The text encoding of a .dbf: from its .cpg, its language byte, or whether it is UTF-8. */
export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined): string {
  const named = cpg?.trim();
  if (named && GBK_NAMES.test(named)) return 'gb18030';
  if (named && UTF8_NAMES.test(named)) return 'utf-8';
  if (dbf.length > 29 && dbf[29] === DBF_DRIVER_GBK) return 'gb18030';
  const headerLength = dbf.length > 10 ? dbf[8] | (dbf[9] << 8) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function unzip(file: BinaryFile): BinaryFile[] {
  const entries = unzipSync(file.bytes, {
    filter: (entry) => !entry.name.includes('__MACOSX') && /\.(shp|dbf|prj|cpg)$/i.test(entry.name),
  });
  return Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
}

/** Whether the parts (or a zip among them) hold a .prj; the zip's entries are not unpacked. */
export function hasPrj(files: readonly BinaryFile[]): boolean {
  return files.some((file) => {
    if (/\.prj$/i.test(file.name)) return true;
    if (!/\.zip$/i.test(file.name)) return false;
    let found = false;
    try {
      unzipSync(file.bytes, {
        filter: (entry) => {
          if (/\.prj$/i.test(entry.name) && !entry.name.includes('__MACOSX')) found = true;
          return false;
        },
      });
    } catch {
      return false;
    }
    return found;
  });
}

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
const baseOf = (name: string) => name.slice(0, name.lastIndexOf('.')).toLowerCase();

/** Reads one layer from shapefile parts; every problem says what is wrong in the planner's words. */
export function readShapefile(
  given: readonly BinaryFile[],
  language: Language,
): GeoResult<ShapefileRead> {
  const total = given.reduce((sum, file) => sum + file.bytes.length, 0);
  if (total > LIMITS.fileBytes) return failure('', tooLargeMessage(total, language));
  let files: BinaryFile[];
  try {
    files = given.flatMap((file) => (extensionOf(file.name) === 'zip' ? unzip(file) : [file]));
  } catch (error) {
    return failure('', geoText.notShapefile[language](String((error as Error).message ?? error)));
  }
  const shps = files.filter((file) => extensionOf(file.name) === 'shp');
  if (shps.length === 0) return failure('', geoText.noShp[language]());
  if (shps.length > 1) {
    return failure('', geoText.manyShp[language](shps.map((file) => file.name).join(', ')));
  }
  const shp = shps[0];
  const header = shpHeaderProblem(shp.bytes, language);
  if (header) return failure(shp.name, header);
  const part = (extension: string) =>
    files.find(
      (file) => extensionOf(file.name) === extension && baseOf(file.name) === baseOf(shp.name),
    ) ?? files.find((file) => extensionOf(file.name) === extension);
  const dbf = part('dbf');
  const prj = part('prj');
  const cpg = part('cpg');
  const decode = (file: BinaryFile | undefined) =>
    file ? new TextDecoder().decode(file.bytes).trim() : undefined;
  const prjText = decode(prj);
  let geometries: unknown[];
  let rows: Record<string, unknown>[] = [];
  const encoding = dbf ? dbfEncoding(dbf.bytes, decode(cpg)) : 'utf-8';
  const projected = prjText !== undefined && /^\s*PROJCS/i.test(prjText);
  try {
    // shpjs converts with the .prj when proj4 understands it, and leaves the numbers as they are
    // when not: a projected system left unconverted is caught below by its coordinates.
    geometries = parseShp(shp.bytes, prjText);
    if (dbf) rows = parseDbf(dbf.bytes, encoding) as Record<string, unknown>[];
  } catch (error) {
    return failure(
      shp.name,
      geoText.notShapefile[language](String((error as Error).message ?? error)),
    );
  }
  const collection = {
    type: 'FeatureCollection',
    features: geometries.map((geometry, i) => ({
      type: 'Feature',
      geometry,
      properties: rows[i] ?? {},
    })),
  };
  const features = geoJsonFeatures(collection, language);
  if (!features.ok) return features;
  if (!withinLonLat(features.value)) {
    return failure(shp.name, geoText.projected[language]());
  }
  return {
    ok: true,
    value: {
      features: features.value,
      encoding,
      crs: prjText ? detectCrs({ crsText: prjText }) : undefined,
      projected,
    },
    warnings: [],
  };
}

/** Whether the first coordinates found look like longitude/latitude. */
function withinLonLat(features: readonly GeoJsonFeature[]): boolean {
  for (const feature of features) {
    let value: unknown = feature.geometry?.coordinates;
    while (Array.isArray(value) && Array.isArray(value[0])) value = value[0];
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number')
      return Math.abs(value[0]) <= 180 && Math.abs(value[1]) <= 90;
  }
  return true;
}

/** What is wrong with a .shp's header (the reader's own errors are in English). */
function shpHeaderProblem(bytes: Uint8Array, language: Language): string | undefined {
  if (bytes.length < 100) return geoText.shpCut[language](bytes.length, 100);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0) !== 9994) return geoText.shpHeader[language]();
  const declared = view.getInt32(24) * 2;
  if (declared > bytes.length) return geoText.shpCut[language](bytes.length, declared);
  return undefined;
}
