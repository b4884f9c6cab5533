/**
 * Isochrones from bases (等时线): for every road node, the shortest emergency driving time from
 * the nearest base, at a given hour of the week. It asks the simulator's own road model
 * (RoadGraphTravel): the same nearest node for a base, the same speed bands by hour and road
 * class, the same emergency-lane factor and the same shortest-path trees, so the map shows the
 * times the simulation drives.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { Calendar, SECONDS_PER_WEEK } from './calendar.ts';
import { RoadGraphTravel } from './roadGraph.ts';

export interface IsochroneRequest {
  /** Hour of the week, 0 (Monday 00:00–01:00) to 167: it picks the speed band. */
  hourOfWeek: number;
  /** Only bases with a unit of an agency of this tier. */
  tier?: 1 | 2 | 3;
  /** Only bases with a unit of this agency. */
  agency?: string;
}

export type IsochroneResult =
  | {
      ok: true;
      /** Per road node: seconds from the nearest chosen base; Infinity where none reaches. */
      seconds: Float64Array;
      /** How many bases the times are measured from. */
      baseCount: number;
    }
  | { ok: false; reason: 'noRoadGraph' | 'noBases' };

/** Ids of the bases that house a unit matching the request (every base with no filter). */
export function isochroneBases(scenario: Scenario, request: IsochroneRequest): string[] {
  if (request.tier === undefined && request.agency === undefined) {
    return scenario.bases.map((base) => base.id);
  }
  const tierOf = new Map(scenario.agencies.map((agency) => [agency.id, agency.tier]));
  const chosen = new Set(
    scenario.units
      .filter(
        (unit) =>
          (request.tier === undefined || tierOf.get(unit.agency) === request.tier) &&
          (request.agency === undefined || unit.agency === request.agency),
      )
      .map((unit) => unit.base),
  );
  return scenario.bases.filter((base) => chosen.has(base.id)).map((base) => base.id);
}

/** The first simulated time (within the first week) that falls in the given hour of the week. */
export function timeAtHourOfWeek(calendar: Calendar, hourOfWeek: number): number {
  const wanted = (((Math.floor(hourOfWeek) % 168) + 168) % 168) * 3600;
  return (
    (((wanted - calendar.startWeekSecond) % SECONDS_PER_WEEK) + SECONDS_PER_WEEK) % SECONDS_PER_WEEK
  );
}

export function isochrones(scenario: Scenario, request: IsochroneRequest): IsochroneResult {
  if (scenario.travel.model !== 'roadGraph') return { ok: false, reason: 'noRoadGraph' };
  const calendar = new Calendar(scenario.start);
  const travel = new RoadGraphTravel(scenario.travel, calendar);
  const chosen = new Set(isochroneBases(scenario, request));
  // A base drives from its nearest road node, as in the simulation (model.ts).
  const origins = [
    ...new Set(
      scenario.bases
        .filter((base) => chosen.has(base.id))
        .map((base) => travel.placeOf(base.location)),
    ),
  ];
  if (origins.length === 0) return { ok: false, reason: 'noBases' };
  // Anchored places get whole shortest-path trees, cached: one tree per base, not per node.
  for (const origin of origins) travel.anchor(origin);
  const time = timeAtHourOfWeek(calendar, request.hourOfWeek);
  const seconds = new Float64Array(scenario.travel.nodes.length).fill(Infinity);
  for (const origin of origins) {
    for (let node = 0; node < seconds.length; node++) {
      const trip = travel.seconds(origin, node, time, true);
      if (trip < seconds[node]) seconds[node] = trip;
    }
  }
  return { ok: true, seconds, baseCount: chosen.size };
}
