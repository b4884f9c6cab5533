/**
 * Patient transport (a kind's `transport`): a unit of the carrying capability that leaves the
 * scene with a patient drives to the nearest hospital by travel time, hands the patient over,
 * and only then heads home. Its draws (who carries a patient, the hand-over, the trips' noise)
 * come from the `transport` stream, so that a scenario without transport draws nothing new.
 */
import { exp, log } from '../../lib/detmath.ts';
import { makeStream, standardNormal, type Stream } from '../random.ts';
import { Cause, RecordKind } from '../trace.ts';
import { UnitState, type Kind, type KindTransport, type Unit } from './types.ts';
import type { World } from './world.ts';

/** A lognormal factor of mean 1 and coefficient of variation `cv`, drawn from `stream`. */
export function lognormalNoise(cv: number, stream: Stream): (() => number) | null {
  if (!(cv > 0)) return null;
  const sigma = Math.sqrt(log(1 + cv * cv));
  return () => exp(-sigma * sigma * 0.5 + sigma * standardNormal(stream));
}

export class PatientTransport {
  /** The hospitals' places in the travel model, in the scenario's order. */
  readonly hospitalPlaces: number[];
  private readonly stream: Stream;
  private readonly noise: (() => number) | null;
  private readonly atHospitalEvent: number;
  private readonly handedOverEvent: number;
  /** Per unit: the hand-over drawn for its patient. */
  private readonly handover: Float64Array;

  constructor(private readonly world: World) {
    const hospitals = world.scenario.hospitals ?? [];
    this.hospitalPlaces = hospitals.map((hospital) => {
      const district = Math.max(0, world.districts.indexOf(hospital.location));
      const place = world.travel.placeOf(hospital.location, district);
      world.travel.anchor(place);
      return place;
    });
    this.stream = makeStream(world.seed, 'transport');
    this.noise = lognormalNoise(world.travel.noiseCv, this.stream);
    this.handover = new Float64Array(world.units.length);
    this.atHospitalEvent = world.event((unit) => this.onAtHospital(world.units[unit]));
    this.handedOverEvent = world.event((unit) => this.onHandedOver(world.units[unit]));
  }

  /** Whether a scenario needs transport at all: some kind carries patients. */
  static needed(world: World): boolean {
    return world.kinds.some((kind) => kind.transport !== null);
  }

  /**
   * The unit has just left the scene of an incident of `kind`, where it filled a slot of
   * `capability`: if it carries a patient (drawn), it sets off for the nearest hospital and
   * this returns true; otherwise (or with no hospital reachable) false, and it heads home.
   */
  begin(unit: Unit, kind: Kind, capability: number, incident: number): boolean {
    const transport = kind.transport;
    if (!transport || transport.capability !== capability || unit.approach) return false;
    if (!(this.stream.next() < transport.share)) return false;
    const { hospital, seconds } = this.nearestHospital(unit.place, transport);
    if (hospital < 0) return false;
    const world = this.world;
    const now = world.now;
    const place = this.hospitalPlaces[hospital];
    this.handover[unit.index] = transport.handover(this.stream);
    unit.state = UnitState.Transporting;
    world.cycle.away.refresh(unit);
    unit.tripTo = place;
    unit.tripDeparture = now;
    world.record(RecordKind.transportStarted, incident, unit.index, place, Cause.none, hospital);
    const trip = this.noise && seconds > 0 ? seconds * this.noise() : seconds;
    if (trip === 0) this.onAtHospital(unit);
    else unit.pending = world.engine.schedule(now + trip, this.atHospitalEvent, unit.index);
    return true;
  }

  private nearestHospital(from: number, transport: KindTransport) {
    const world = this.world;
    let hospital = -1;
    let seconds = Infinity;
    this.hospitalPlaces.forEach((place, h) => {
      const trip = world.travel.seconds(from, place, world.now, transport.drive, seconds);
      if (trip < seconds) {
        seconds = trip;
        hospital = h;
      }
    });
    return { hospital, seconds };
  }

  private onAtHospital(unit: Unit): void {
    const world = this.world;
    const now = world.now;
    unit.place = unit.tripTo;
    world.record(
      RecordKind.atHospital,
      -1,
      unit.index,
      unit.place,
      Cause.none,
      now - unit.tripDeparture,
    );
    const handover = this.handover[unit.index];
    if (handover > 0)
      unit.pending = world.engine.schedule(now + handover, this.handedOverEvent, unit.index);
    else this.onHandedOver(unit);
  }

  private onHandedOver(unit: Unit): void {
    const world = this.world;
    world.record(
      RecordKind.handedOver,
      -1,
      unit.index,
      unit.place,
      Cause.none,
      this.handover[unit.index],
    );
    world.cycle.headHome(unit, this.noise);
  }
}
