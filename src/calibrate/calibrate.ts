/**
 * Calibration against the city's own history: from the observed times of the listed incidents,
 * fit the travel model (speeds per road class and the per-trip overhead, travelFit.ts), the
 * mobilisation per agency, the time on scene per kind and capability and the call handling per
 * kind (lognormals by moments, fitDistributions.ts); then run the history before and after the
 * fit and compare the response with the one observed (compare.ts). `applyFit` writes the fitted
 * values into a scenario: the one edit the app's "apply" makes.
 */
import type { Distribution, Scenario } from '../scenarios/schema.ts';
import { compareResponses, simulatedResponses, type Comparison } from './compare.ts';
import { fitLognormal, type FittedDuration } from './fitDistributions.ts';
import { districtOf, readObservations, type Observations } from './observations.ts';
import { fitTravel, type TravelFit } from './travelFit.ts';

export interface CalibrationFit {
  travel: TravelFit | null;
  mobilisation: Array<{ agency: string; fit: FittedDuration }>;
  onScene: Array<{ kind: string; capability: string; fit: FittedDuration }>;
  /** All of a kind's on-scene times together: the kind's `workTime`. */
  onSceneByKind: Array<{ kind: string; fit: FittedDuration }>;
  handling: Array<{ kind: string; fit: FittedDuration }>;
  /** Every call's handling together: the centre's `dispatch.callHandling`. */
  handlingAll: FittedDuration | null;
}

export interface TripPoint {
  observed: number;
  before: number;
  after: number;
  district: string | null;
}

export interface CalibrationResult {
  fit: CalibrationFit;
  counts: { incidents: number; trips: number; unmatchedUnits: number; responses: number };
  comparison: Comparison;
  /** Observed against predicted travel, per trip (the scatter). */
  trips: TripPoint[];
  /** Per district: median of observed − predicted travel after the fit, s (the map). */
  travelResidualByDistrict: Array<{ district: string; median: number; n: number }>;
  replications: number;
}

export function fitObservations(scenario: Scenario, seen: Observations): CalibrationFit {
  const fits = <K>(map: Map<K, number[]>) =>
    [...map].flatMap(([key, values]) => {
      const fit = fitLognormal(values);
      return fit ? [{ key, fit }] : [];
    });
  const onScene = [...seen.onScene].flatMap(([kind, byCapability]) =>
    fits(byCapability).map(({ key, fit }) => ({ kind, capability: key, fit })),
  );
  const onSceneByKind = [...seen.onScene].flatMap(([kind, byCapability]) => {
    const fit = fitLognormal([...byCapability.values()].flat());
    return fit ? [{ kind, fit }] : [];
  });
  return {
    travel: fitTravel(scenario, seen.trips),
    mobilisation: fits(seen.mobilisation).map(({ key, fit }) => ({ agency: key, fit })),
    onScene,
    onSceneByKind,
    handling: fits(seen.handling).map(({ key, fit }) => ({ kind: key, fit })),
    handlingAll: fitLognormal([...seen.handling.values()].flat()),
  };
}

const tenth = (x: number) => Math.round(x * 10) / 10;

/**
 * The scenario with the fitted values written in (a new object; the input is not changed, and
 * its long arrays — roads, listed incidents — are shared, not copied). It takes the loaded
 * scenario or the document as the editor holds it (defaults left out): what it writes is
 * complete either way.
 */
export function applyFit<T extends object>(document: T, fit: CalibrationFit): T {
  return applyToScenario(document as unknown as Scenario, fit) as unknown as T;
}

function applyToScenario(scenario: Scenario, fit: CalibrationFit): Scenario {
  let travel = scenario.travel;
  const t = fit.travel;
  if (t && travel.model === 'roadGraph') {
    const roadClasses = { ...travel.roadClasses };
    for (const c of t.fittedClasses)
      roadClasses[c] = { ...roadClasses[c], speedKmh: tenth(t.speeds[c]) };
    travel = { ...travel, roadClasses, tripOverheadSeconds: tenth(t.overheadSeconds) };
  } else if (t && travel.model === 'distance')
    travel = {
      ...travel,
      speedKmh: tenth(t.speeds.speedKmh),
      tripOverheadSeconds: tenth(t.overheadSeconds),
    };
  const mobilisation = new Map(fit.mobilisation.map((m) => [m.agency, m.fit.distribution]));
  const units = scenario.units.map((unit) => {
    const fitted = mobilisation.get(unit.agency);
    return fitted ? { ...unit, mobilisation: fitted } : unit;
  });
  const handlingByKind = new Map(fit.handling.map((h) => [h.kind, h.fit.distribution]));
  const workByKind = new Map(fit.onSceneByKind.map((w) => [w.kind, w.fit.distribution]));
  const incidentKinds = scenario.incidentKinds.map((kind) => {
    const byCapability: Record<string, Distribution> = {};
    for (const w of fit.onScene)
      if (w.kind === kind.id) byCapability[w.capability] = w.fit.distribution;
    const changed = { ...kind };
    const work = workByKind.get(kind.id);
    if (work) changed.workTime = work;
    if (Object.keys(byCapability).length > 1)
      changed.workTimeByCapability = { ...kind.workTimeByCapability, ...byCapability };
    const handling = handlingByKind.get(kind.id);
    if (handling) changed.callHandling = handling;
    return changed;
  });
  const dispatch = fit.handlingAll
    ? { ...scenario.dispatch, callHandling: fit.handlingAll.distribution }
    : scenario.dispatch;
  return { ...scenario, travel, units, incidentKinds, dispatch };
}

export interface CalibrateOptions {
  replications?: number;
  /** After each replication: how many of the 2R (before and after) are done. */
  onProgress?: (done: number, total: number) => void;
}

export function calibrate(scenario: Scenario, options: CalibrateOptions = {}): CalibrationResult {
  const replications = options.replications ?? 10;
  const seen = readObservations(scenario);
  const fit = fitObservations(scenario, seen);
  const fitted = applyFit(scenario, fit);
  const progress = (offset: number) => (done: number) =>
    options.onProgress?.(offset + done, 2 * replications);
  const before = simulatedResponses(scenario, replications, progress(0));
  const after = simulatedResponses(fitted, replications, progress(replications));
  const listed = scenario.arrivals.incidents;
  const comparison = compareResponses(
    seen.response,
    { district: (i) => districtOf(scenario, listed[i]), kind: (i) => listed[i].kind },
    before,
    after,
  );
  const trips: TripPoint[] = seen.trips.map((trip, i) => ({
    observed: trip.travel,
    before: fit.travel?.predictedBefore[i] ?? NaN,
    after: fit.travel?.predictedAfter[i] ?? NaN,
    district: trip.district,
  }));
  const residuals = new Map<string, number[]>();
  for (const trip of trips) {
    if (trip.district === null || Number.isNaN(trip.after)) continue;
    const list = residuals.get(trip.district) ?? [];
    list.push(trip.observed - trip.after);
    residuals.set(trip.district, list);
  }
  const travelResidualByDistrict = [...residuals].map(([district, values]) => {
    const sorted = values.sort((a, b) => a - b);
    return { district, median: sorted[Math.floor(sorted.length / 2)], n: sorted.length };
  });
  return {
    fit,
    counts: {
      incidents: seen.incidents,
      trips: seen.trips.length,
      unmatchedUnits: seen.unmatchedUnits,
      responses: seen.response.size,
    },
    comparison,
    trips,
    travelResidualByDistrict,
    replications,
  };
}
