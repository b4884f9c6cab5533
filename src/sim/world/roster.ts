/**
 * The roster, made once at the start of a run: units (one per vehicle or team, copies numbered
 * id#2, id#3…), their bases and duty, the incident kinds as slots of capabilities, and the run
 * cards. Capabilities are numbered as they are met.
 */
import type { Distribution, DutySchedule, Scenario } from '../../scenarios/schema.ts';
import { WeeklyDuty } from '../calendar.ts';
import { sampler, type Stream } from '../random.ts';
import type { TravelModel } from '../travel.ts';
import type { Districts } from './places.ts';
import { UnitState, type Kind, type Unit } from './types.ts';

/** Capability names and their numbers. */
export class Capabilities {
  readonly names: string[] = [];

  index(name: string): number {
    let index = this.names.indexOf(name);
    if (index < 0) index = this.names.push(name) - 1;
    return index;
  }
}

/** Units of other districts or cities that only a rule sends (rule 7's pools). */
export interface ReserveSpec {
  id: string;
  agency: string;
  capabilities: string[];
  count: number;
  approach: Distribution;
}

export interface RosterHooks {
  duty(tier: 1 | 2 | 3, own: DutySchedule | undefined): DutySchedule;
  extraMobilisation(unit: Unit): ((stream: Stream) => number) | null;
  reserves: ReserveSpec[];
}

export interface Roster {
  units: Unit[];
  kinds: Kind[];
  /** Per capability: the (non-reserve) units that have it, in roster order. */
  unitsByCapability: number[][];
  /** Per base: its district (for neighbours) and its place in the travel model. */
  baseDistricts: number[];
  basePlaces: number[];
  /** Run cards by "district|kind" (kind empty: every kind): unit indices in order. */
  runCards: Map<string, number[]>;
}

export function buildRoster(
  scenario: Scenario,
  travel: TravelModel,
  districts: Districts,
  capabilities: Capabilities,
  hooks: RosterHooks,
): Roster {
  const agencyIndex = new Map(scenario.agencies.map((a, i) => [a.id, i]));
  const baseIndex = new Map(scenario.bases.map((b, i) => [b.id, i]));
  const baseDistricts = scenario.bases.map((base) => Math.max(0, districts.indexOf(base.location)));
  const basePlaces = scenario.bases.map((base, i) => {
    const place = travel.placeOf(base.location, baseDistricts[i]);
    travel.anchor(place);
    return place;
  });
  const units: Unit[] = [];
  const unit = (
    spec: string,
    copy: number,
    agency: number,
    base: number,
    capabilityNames: string[],
  ): Unit => ({
    index: units.length,
    id: copy === 1 ? spec : `${spec}#${copy}`,
    spec,
    copy,
    agency,
    tier: scenario.agencies[agency].tier,
    base,
    basePlace: base >= 0 ? basePlaces[base] : -1,
    capabilities: new Set(capabilityNames.map((name) => capabilities.index(name))),
    mobilisation: () => 0,
    duty: ALWAYS,
    sector: scenario.agencies[agency].sector,
    state: UnitState.Available,
    incident: -1,
    slot: -1,
    place: base >= 0 ? basePlaces[base] : -1,
    tripTo: -1,
    tripDeparture: 0,
    pending: -1,
    outOfServiceAfterJob: false,
    steps: [],
    step: 0,
    stepStarted: 0,
    orderReceivedAt: 0,
    onTheRoad: false,
    arrivedAt: 0,
    clearAt: 0,
    clearCause: 0,
    reserve: base < 0,
    approach: null,
  });
  const extras: Array<((stream: Stream) => number) | null> = [];
  for (const spec of scenario.units) {
    const agency = agencyIndex.get(spec.agency) ?? 0;
    const tier = scenario.agencies[agency].tier;
    const duty = new WeeklyDuty(hooks.duty(tier, spec.schedule));
    for (let copy = 1; copy <= spec.count; copy++) {
      const made = unit(spec.id, copy, agency, baseIndex.get(spec.base) ?? 0, spec.capabilities);
      made.mobilisation = sampler(spec.mobilisation);
      made.duty = duty;
      units.push(made);
      extras.push(hooks.extraMobilisation(made));
    }
  }
  for (const pool of hooks.reserves) {
    const agency = agencyIndex.get(pool.agency) ?? 0;
    for (let copy = 1; copy <= pool.count; copy++) {
      const made = unit(pool.id, copy, agency, -1, pool.capabilities);
      made.approach = sampler(pool.approach);
      units.push(made);
    }
  }
  // The tier's added mobilisation (rule 1) rides on the unit's own sampler.
  units.forEach((u, i) => {
    const extra = extras[i];
    if (!extra) return;
    const own = u.mobilisation;
    u.mobilisation = (stream) => own(stream) + extra(stream);
  });
  const kinds: Kind[] = scenario.incidentKinds.map((kind) => {
    const slots: number[] = [];
    for (const need of kind.needs) {
      for (let i = 0; i < need.units; i++) slots.push(capabilities.index(need.capability));
    }
    const work = sampler(kind.workTime);
    const workByCapability = kind.workTimeByCapability
      ? new Map(
          Object.entries(kind.workTimeByCapability).map(([capability, distribution]) => [
            capabilities.index(capability),
            sampler(distribution),
          ]),
        )
      : null;
    return {
      id: kind.id,
      priority: kind.priority,
      participants: kind.participants && sampler(kind.participants),
      supplies: kind.supplies,
      severity: kind.severity,
      growth: kind.growth,
      slotCapability: Int32Array.from(slots),
      work,
      workByCapability,
      slotWork: slots.map((capability) => workByCapability?.get(capability) ?? work),
      handling: kind.callHandling ? sampler(kind.callHandling) : null,
      drive: kind.responseMode === 'nonEmergency' ? 'nonEmergency' : true,
      transport: kind.transport
        ? {
            capability: capabilities.index(kind.transport.capability),
            share: kind.transport.share,
            handover: sampler(kind.transport.handover),
            drive: kind.transport.emergency,
          }
        : null,
      nonEmergencyShare: kind.nonEmergencyShare,
    };
  });
  // Capabilities that incidents may come to need later (growth) get a number too.
  for (const kind of scenario.incidentKinds) {
    for (const step of kind.growth?.steps ?? [])
      step.addNeeds.forEach((n) => capabilities.index(n.capability));
  }
  const unitsByCapability = capabilities.names.map((_, capability) =>
    units.filter((u) => !u.reserve && u.capabilities.has(capability)).map((u) => u.index),
  );
  const unitIndex = new Map(units.map((u) => [u.id, u.index]));
  const runCards = new Map<string, number[]>();
  for (const card of scenario.dispatch.runCards) {
    runCards.set(
      `${card.district}|${card.kind ?? ''}`,
      card.units.map((id) => unitIndex.get(id) ?? -1).filter((i) => i >= 0),
    );
  }
  return { units, kinds, unitsByCapability, baseDistricts, basePlaces, runCards };
}

const ALWAYS = new WeeklyDuty({ type: 'always' });
