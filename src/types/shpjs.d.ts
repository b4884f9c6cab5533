// shpjs ships no types; these are the two parsers src/scenarios/geo/shapefile.ts uses.
declare module 'shpjs' {
  /** GeoJSON geometries of a .shp, converted to longitude/latitude by the .prj's text if given. */
  export function parseShp(shp: Uint8Array | ArrayBuffer, prj?: string): unknown[];
  /** The attribute rows of a .dbf, its text decoded with the named encoding. */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer, encoding?: string): unknown[];
}
