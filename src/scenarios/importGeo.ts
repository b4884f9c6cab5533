/**
 * Import of map data into a scenario: a road network from GeoJSON lines, OpenStreetMap XML or a
 * shapefile, and district boundaries from GeoJSON or shapefile polygons, in WGS-84, CGCS2000,
 * GCJ-02 or BD-09 coordinates. Pure functions (no DOM), for the app's dialogs, the worker and
 * `sim import-roads` / `sim import-districts`. Every problem names where it is in the planner's
 * language; nothing read is ever executed, and sizes are bounded by the scenario's LIMITS.
 * The parts live in ./geo/.
 */
export * from './geo/problems.ts';
export * from './geo/roads.ts';
export * from './geo/geoJson.ts';
export * from './geo/districts.ts';
export * from './geo/osm.ts';
export * from './geo/roadGraph.ts';
export * from './geo/crs.ts';
export * from './geo/shapefile.ts';
export { decodeXmlEntities } from './geo/xml.ts';
export * from './geo/apply.ts';
