/**
 * Worker functions behind the map views (isochrones from bases, …). Spread into the worker's
 * Comlink api by simWorker.ts.
 */
export const mapApi = {};
