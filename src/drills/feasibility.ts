/**
 * Can an expected action happen in time at all? The fastest the capable units could be there:
 * the emergency driving time from each unit's base to the incident, in the simulator's own
 * travel model at the hour of the inject — before any mobilisation, approval or noise, so a
 * lower bound. An arrival whose deadline is shorter than that cannot be met, whatever the
 * dispatchers do.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { Calendar } from '../sim/calendar.ts';
import { makeTravelModel, type TravelModel } from '../sim/travel.ts';
import { Districts } from '../sim/world/places.ts';
import type { ExpectedAction } from './schema.ts';

export interface FastestUnit {
  /** Driving seconds of the unit that decides it (null: no unit reaches). */
  seconds: number | null;
  /** The unit that decides it (the last one needed, for a count). */
  unit: string | null;
}

/** Travel from the scenario's bases, built once for all the actions of a drill. */
export class FastestUnits {
  private readonly travel: TravelModel;
  private readonly districts: Districts;
  private readonly basePlaces = new Map<string, number>();

  constructor(private readonly scenario: Scenario) {
    this.travel = makeTravelModel(
      scenario.travel,
      scenario.districts.map((d) => d.id),
      new Calendar(scenario.start),
    );
    this.districts = new Districts(scenario);
  }

  private placeOf(point: [number, number], district?: string): number {
    let index = district ? this.scenario.districts.findIndex((d) => d.id === district) : -1;
    if (index < 0) index = Math.max(0, this.districts.indexOf(point));
    return this.travel.placeOf(point, index);
  }

  /**
   * For arrivals and first arrivals (and dispatches, which need no travel): the earliest the
   * action can be done after a call at `point`, received at scenario time `time`.
   */
  fastest(
    action: ExpectedAction,
    point: [number, number],
    district: string | undefined,
    time: number,
  ): FastestUnit {
    const scene = this.placeOf(point, district);
    const candidates: Array<{ seconds: number; unit: string; weight: number }> = [];
    for (const unit of this.scenario.units) {
      if (action.agency !== undefined && unit.agency !== action.agency) continue;
      if (action.capability !== undefined && !unit.capabilities.includes(action.capability))
        continue;
      const base = this.scenario.bases.find((b) => b.id === unit.base);
      if (!base) continue;
      let from = this.basePlaces.get(base.id);
      if (from === undefined) {
        from = this.placeOf(base.location);
        this.basePlaces.set(base.id, from);
      }
      const seconds =
        action.what === 'dispatched' ? 0 : this.travel.seconds(from, scene, time, true);
      const weight = action.countOf === 'people' ? unit.crew : 1;
      for (let copy = 1; copy <= unit.count; copy++) {
        candidates.push({ seconds, unit: copy === 1 ? unit.id : `${unit.id}#${copy}`, weight });
      }
    }
    candidates.sort((a, b) => a.seconds - b.seconds || a.unit.localeCompare(b.unit));
    const needed = action.what === 'arrivals' ? action.count : 1;
    let sum = 0;
    for (const candidate of candidates) {
      if (!Number.isFinite(candidate.seconds)) break;
      sum += candidate.weight;
      if (sum >= needed) return { seconds: candidate.seconds, unit: candidate.unit };
    }
    return { seconds: null, unit: null };
  }
}
