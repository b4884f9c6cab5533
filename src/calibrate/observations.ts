/**
 * What the imported history shows, read out of a scenario's listed incidents (`observed`): each
 * unit's trip (from its base to the incident, with the observed travel), its mobilisation, its
 * time on scene, the call handling of each incident and its response (call → first arrival).
 * A trip with no en-route time counts from the order plus the agency's mean mobilisation.
 * A unit is matched to the scenario's units by id or name (a copy's "#n" suffix dropped); a unit
 * the scenario does not know, but whose agency it knows, is taken to come from the nearest base
 * of that agency.
 */
import { distributionMean } from '../lib/distributions.ts';
import type { LonLat } from '../lib/geo.ts';
import { haversineMetres, pointInPolygon } from '../lib/geo.ts';
import type { ListedIncident, ObservedUnit, Scenario } from '../scenarios/schema.ts';
import { MIN_SAMPLE } from './fitDistributions.ts';

export interface ObservedTrip {
  /** Index of the listed incident. */
  incident: number;
  base: string;
  from: LonLat;
  to: LonLat;
  /** Departure, s from the scenario start (for the hour's speeds). */
  departure: number;
  emergency: boolean;
  /** onScene − enRoute, s. */
  travel: number;
  district: string | null;
}

export interface Observations {
  trips: ObservedTrip[];
  /** enRoute − dispatched, by agency id. */
  mobilisation: Map<string, number[]>;
  /** cleared − onScene, by kind id, then capability. */
  onScene: Map<string, Map<string, number[]>>;
  /** First order − call, by kind id. */
  handling: Map<string, number[]>;
  /** Call → first arrival, per listed incident that has one (index → seconds). */
  response: Map<number, number>;
  /** Listed incidents with something observed. */
  incidents: number;
  /** Observed units that matched no unit nor agency of the scenario. */
  unmatchedUnits: number;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The district an incident is in: its own, else the one whose boundary holds its point. */
export function districtOf(scenario: Scenario, incident: ListedIncident): string | null {
  if (incident.district) return incident.district;
  const point = incident.location;
  if (!point) return null;
  for (const district of scenario.districts) {
    const rings = district.polygons ?? (district.polygon ? [district.polygon] : []);
    if (rings.some((ring) => pointInPolygon(point, ring))) return district.id;
  }
  return null;
}

export function readObservations(scenario: Scenario): Observations {
  const unitByKey = new Map<string, Scenario['units'][number]>();
  for (const unit of scenario.units) if (unit.name) unitByKey.set(unit.name, unit);
  for (const unit of scenario.units) unitByKey.set(unit.id, unit);
  const baseById = new Map(scenario.bases.map((b) => [b.id, b]));
  const basesOfAgency = new Map<string, Set<string>>();
  for (const unit of scenario.units) {
    const set = basesOfAgency.get(unit.agency) ?? new Set<string>();
    set.add(unit.base);
    basesOfAgency.set(unit.agency, set);
  }
  const kinds = new Map(scenario.incidentKinds.map((k) => [k.id, k]));
  const result: Observations = {
    trips: [],
    mobilisation: new Map(),
    onScene: new Map(),
    handling: new Map(),
    response: new Map(),
    incidents: 0,
    unmatchedUnits: 0,
  };

  const matchUnit = (observed: ObservedUnit) => {
    if (!observed.unit) return undefined;
    return unitByKey.get(observed.unit) ?? unitByKey.get(observed.unit.replace(/#\d+$/, ''));
  };
  const nearestBase = (agency: string, point: LonLat | undefined) => {
    const bases = [...(basesOfAgency.get(agency) ?? [])].map((id) => baseById.get(id)!);
    if (bases.length === 0 || !point) return undefined;
    let best = bases[0];
    for (const base of bases)
      if (haversineMetres(base.location, point) < haversineMetres(best.location, point))
        best = base;
    return best;
  };

  /** Trips whose departure was not recorded: ordered + the agency's mean mobilisation. */
  const withoutEnRoute: Array<{
    trip: ObservedTrip;
    agency: string;
    left: number;
    seen: ObservedUnit;
  }> = [];
  scenario.arrivals.incidents.forEach((incident, index) => {
    const observed = incident.observed;
    if (!observed?.units?.length && observed?.handledAfter === undefined) return;
    result.incidents++;
    const kind = kinds.get(incident.kind);
    if (observed.handledAfter !== undefined)
      push(result.handling, incident.kind, observed.handledAfter);
    let first = Infinity;
    const district = districtOf(scenario, incident);
    for (const seen of observed.units ?? []) {
      if (seen.onScene !== undefined) first = Math.min(first, seen.onScene);
      const unit = matchUnit(seen);
      const agency = unit?.agency ?? seen.agency;
      if (!unit && !(agency && basesOfAgency.has(agency))) {
        result.unmatchedUnits++;
        continue;
      }
      if (seen.cleared !== undefined && seen.onScene !== undefined && kind) {
        const capability =
          seen.capability ??
          kind.needs.find((need) => unit?.capabilities.includes(need.capability))?.capability ??
          kind.needs[0].capability;
        const byCapability = result.onScene.get(kind.id) ?? new Map<string, number[]>();
        result.onScene.set(kind.id, byCapability);
        push(byCapability, capability, seen.cleared - seen.onScene);
      }
      // Leaving the moment it was ordered: a unit already on the road (sent on its way home),
      // which neither mobilised nor started from its base.
      const onTheRoad = seen.enRoute !== undefined && seen.enRoute === seen.dispatched;
      if (onTheRoad) continue;
      if (seen.enRoute !== undefined && seen.dispatched !== undefined)
        push(result.mobilisation, agency!, seen.enRoute - seen.dispatched);
      const base = unit ? baseById.get(unit.base) : nearestBase(agency!, incident.location);
      if (seen.onScene === undefined || !base || !incident.location) continue;
      const trip = {
        incident: index,
        base: base.id,
        from: base.location,
        to: incident.location,
        departure: 0,
        emergency: kind?.responseMode !== 'nonEmergency',
        travel: 0,
        district,
      };
      if (seen.enRoute !== undefined)
        result.trips.push({
          ...trip,
          departure: incident.time + seen.enRoute,
          travel: seen.onScene - seen.enRoute,
        });
      else if (seen.dispatched !== undefined)
        withoutEnRoute.push({ trip, agency: agency!, left: incident.time, seen });
    }
    if (first < Infinity) result.response.set(index, first);
  });
  // Without an en-route time, travel is onScene − dispatched − the agency's mean mobilisation:
  // the mean of those observed, else of its units in the scenario.
  for (const { trip, agency, left, seen } of withoutEnRoute) {
    const sample = result.mobilisation.get(agency) ?? [];
    const units = scenario.units.filter((u) => u.agency === agency);
    const mobilisation =
      sample.length >= MIN_SAMPLE
        ? sample.reduce((a, b) => a + b, 0) / sample.length
        : units.reduce((sum, u) => sum + distributionMean(u.mobilisation), 0) / units.length;
    const travel = seen.onScene! - seen.dispatched! - mobilisation;
    if (travel > 0)
      result.trips.push({ ...trip, departure: left + seen.dispatched! + mobilisation, travel });
  }
  return result;
}
