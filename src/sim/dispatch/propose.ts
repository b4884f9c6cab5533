/**
 * The built-in proposals: for an incident's open slots, run-card units first, then the nearest
 * capable free unit by travel time plus the expected wait before its order arrives; for a unit
 * come free, the first waiting incident it can serve. Also the candidates a person (or the
 * replay's "why") sees, with the same estimates.
 */
import type { Drive } from '../drive.ts';
import { Cause } from '../trace.ts';
import { SLOT_OPEN, UnitState, type Incident, type Unit } from '../world/types.ts';
import type { World } from '../world/world.ts';

export interface Proposal {
  slot: number;
  unit: number;
  cause: number;
}

export interface CandidateLimits {
  keep?: number;
  within?: number;
  exclude?: ReadonlySet<number>;
}

const NONE: ReadonlySet<number> = new Set();

export interface Candidate {
  unit: number;
  travel: number;
  orderDelay: number;
}

/** The bases in order of travel time to one place in one epoch of the travel model. */
interface BasesByTravel {
  order: Int32Array;
  seconds: Float64Array;
}

/**
 * Base orders kept (a road graph's nodes × speed bands fit); past it the cache starts again
 * (the distance model makes a new place per call; closures start new epochs).
 */
const MAX_ORDERED_PLACES = 16_384;

export class Proposer {
  /** Scratch space of `nearest`: travel time from each base to the incident being weighed. */
  private readonly baseTravel: Float64Array;
  /** Per capability, per base: the capable units based there, in roster order. */
  private readonly capableAt: number[][][];
  /** Per epoch of the travel model (speed band, closures), per place: its bases by travel time. */
  private readonly basesByTravel = new Map<number, Map<number, BasesByTravel>>();
  private orderedPlaces = 0;
  /** The epoch `basesFor` last looked up, and its orders (undefined: none yet). */
  private orderedEpoch = NaN;
  private orderedNow: Map<number, BasesByTravel> | undefined = undefined;
  /** The last order `basesFor` gave, and for which epoch and key (calls come back to a place). */
  private lastEpoch = NaN;
  private lastKey = NaN;
  private lastBases: BasesByTravel | null = null;
  /** Scratch space of `forIncident`: the units proposed so far for the incident's slots. */
  private taken = new Int32Array(16);
  private takenCount = 0;
  private readonly noSteps: boolean;

  constructor(
    private readonly world: World,
    private readonly expectedOrderDelay: (
      unit: Unit,
      incident: Incident,
      capability: number,
    ) => number,
  ) {
    // No rule puts steps before an order: every unit's expected delay is 0 (as the dispatcher's).
    this.noSteps = world.hooks.orderSteps.length === 0;
    this.baseTravel = new Float64Array(world.scenario.bases.length);
    const bases = world.scenario.bases.length;
    this.capableAt = world.roster.unitsByCapability.map((units) => {
      const byBase: number[][] = Array.from({ length: bases }, () => []);
      for (const u of units) if (world.units[u].base >= 0) byBase[world.units[u].base].push(u);
      return byBase;
    });
  }

  /** Run-card units first, then the nearest capable unit, for each open slot in order. */
  forIncident(incident: Incident): Proposal[] {
    const world = this.world;
    this.takenCount = 0;
    let proposal: Proposal[] | null = null;
    let first: Proposal | null = null;
    const card = world.roster.runCards.size > 0 ? this.runCardFor(incident) : undefined;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      const capability = incident.slotCapability[slot];
      let chosen = -1;
      let cause = Cause.nearest;
      if (card) {
        for (const u of card) {
          const unit = world.units[u];
          if (
            !this.isTaken(u) &&
            unit.capabilities.has(capability) &&
            world.dispatchable(unit) &&
            world.travelEstimate(unit, incident) < Infinity
          ) {
            chosen = u;
            cause = Cause.runCard;
            break;
          }
        }
      }
      if (chosen < 0) chosen = this.nearest(incident, capability);
      if (chosen >= 0) {
        this.take(chosen);
        const proposed = { slot, unit: chosen, cause };
        // One proposal (most calls) as a literal: a pushed-to empty array takes room for 17.
        if (first === null) first = proposed;
        else (proposal ??= [first]).push(proposed);
      }
    }
    return proposal ?? (first ? [first] : []);
  }

  /**
   * The capable free unit with the shortest travel time. Units at their base are weighed first,
   * base by base in order of travel time (from cached trees), until the bases left are farther
   * than the best so far; units on their way home only need to be known if they beat the best
   * of those, which bounds the search from where they are. Ties go to a unit at its base, then
   * to the unit listed first (the lowest index: the roster's order).
   */
  private nearest(incident: Incident, capability: number): number {
    const world = this.world;
    const bases = this.basesFor(incident.place, world.kinds[incident.kind].drive);
    const capableAt = this.capableAt[capability];
    let chosen = -1;
    let best = Infinity;
    for (let k = 0; k < bases.order.length; k++) {
      const travel = bases.seconds[k];
      if (travel > best) break; // this base and the rest are farther than the best
      const here = capableAt[bases.order[k]];
      for (let i = 0; i < here.length; i++) {
        const u = here[i];
        const unit = world.units[u];
        if (!world.atBase(unit) || this.isTaken(u) || !world.dispatchable(unit)) continue;
        // A unit whose order needs approval first is as far away as that wait (rules 6 and 8).
        const estimate =
          travel + (this.noSteps ? 0 : this.expectedOrderDelay(unit, incident, capability));
        if (estimate < best || (estimate === best && u < chosen)) {
          best = estimate;
          chosen = u;
        }
      }
    }
    const away = world.cycle.away.of(capability);
    for (let i = 0; i < away.length; i++) {
      const u = away[i];
      const unit = world.units[u];
      // Units on their way home, or stranded away from base by a closed road.
      if (this.isTaken(u) || !world.dispatchable(unit)) continue;
      const delay = this.noSteps ? 0 : this.expectedOrderDelay(unit, incident, capability);
      const estimate = world.travelEstimate(unit, incident, best - delay) + delay;
      if (estimate < best) {
        best = estimate;
        chosen = u;
      }
    }
    return chosen;
  }

  private isTaken(unit: number): boolean {
    for (let i = 0; i < this.takenCount; i++) if (this.taken[i] === unit) return true;
    return false;
  }

  private take(unit: number): void {
    if (this.takenCount === this.taken.length) {
      const grown = new Int32Array(this.taken.length * 2);
      grown.set(this.taken);
      this.taken = grown;
    }
    this.taken[this.takenCount++] = unit;
  }

  /** The bases by travel time from each to the place, now (ordered once per place and epoch). */
  private basesFor(place: number, drive: Drive): BasesByTravel {
    const world = this.world;
    const epoch = world.travel.epoch(world.now);
    // Emergency and non-emergency trips to the same place are known apart.
    const cacheKey = drive === true ? place * 2 : place * 2 + 1;
    if (cacheKey === this.lastKey && epoch === this.lastEpoch) return this.lastBases!;
    // Calls come in time order: the epoch's orders are looked up once while it lasts.
    if (epoch !== this.orderedEpoch) {
      this.orderedEpoch = epoch;
      this.orderedNow = this.basesByTravel.get(epoch);
    }
    let ordered = this.orderedNow;
    let known = ordered?.get(cacheKey);
    if (known) return this.remember(epoch, cacheKey, known);
    const places = world.roster.basePlaces;
    const travel = places.map((from) => world.travel.seconds(from, place, world.now, drive));
    // Unknown times (NaN) sort last, with the unreachable; they are never chosen either way.
    const key = (base: number) => (travel[base] < Infinity ? travel[base] : Infinity);
    const order = Int32Array.from(places.keys()).sort((a, b) => key(a) - key(b) || a - b);
    known = { order, seconds: Float64Array.from(order, (base) => travel[base]) };
    if (this.orderedPlaces >= MAX_ORDERED_PLACES || !ordered) {
      if (this.orderedPlaces >= MAX_ORDERED_PLACES) {
        this.basesByTravel.clear();
        this.orderedPlaces = 0;
      }
      ordered = new Map();
      this.basesByTravel.set(epoch, ordered);
      this.orderedNow = ordered;
    }
    ordered.set(cacheKey, known);
    this.orderedPlaces++;
    return this.remember(epoch, cacheKey, known);
  }

  private remember(epoch: number, cacheKey: number, known: BasesByTravel): BasesByTravel {
    this.lastEpoch = epoch;
    this.lastKey = cacheKey;
    this.lastBases = known;
    return known;
  }

  /** Travel from the unit's base, weighed once per base for the incident being weighed. */
  private fromBase(unit: Unit, incident: Incident): number {
    let travel = this.baseTravel[unit.base];
    if (Number.isNaN(travel)) {
      const world = this.world;
      travel = this.baseTravel[unit.base] = world.travel.seconds(
        unit.basePlace,
        incident.place,
        world.now,
        world.kinds[incident.kind].drive,
      );
    }
    return travel;
  }

  /** Per district, per kind of incident: its run card (null: none), looked up once. */
  private readonly cards: Array<Array<number[] | null>> = [];

  private runCardFor(incident: Incident): number[] | undefined {
    const byKind = (this.cards[incident.district] ??= []);
    let card = byKind[incident.kind];
    if (card === undefined) card = byKind[incident.kind] = this.lookUpRunCard(incident) ?? null;
    return card ?? undefined;
  }

  /** The run card for the incident's district and kind, else the district's card for any kind. */
  private lookUpRunCard(incident: Incident): number[] | undefined {
    const world = this.world;
    const districtId = world.scenario.districts[incident.district].id;
    const cards = world.roster.runCards;
    return cards.get(`${districtId}|${world.kindId(incident)}`) ?? cards.get(`${districtId}|`);
  }

  /** The first waiting incident (and slot) a unit come free can serve, or null. */
  queueTarget(unit: Unit): { incident: Incident; slot: number } | null {
    const world = this.world;
    if (world.waiting.length === 0 || !world.dispatchable(unit)) return null;
    // Only the waiting incidents with a need this unit has, in queue order (the queue's index).
    this.offered = unit;
    this.targetSlot = -1;
    this.targetIncident = null;
    world.waiting.servable(unit.capabilities, this.serves);
    this.offered = null;
    const incident = this.targetIncident as Incident | null;
    this.targetIncident = null;
    return incident ? { incident, slot: this.targetSlot } : null;
  }

  /** Scratch of `queueTarget` (one visitor made once, not a closure per unit come free). */
  private offered: Unit | null = null;
  private targetIncident: Incident | null = null;
  private targetSlot = -1;
  private readonly serves = (incident: Incident): boolean => {
    const unit = this.offered!;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (
        incident.slotUnit[slot] !== SLOT_OPEN ||
        !unit.capabilities.has(incident.slotCapability[slot])
      )
        continue;
      if (!(this.world.travelEstimate(unit, incident) < Infinity)) return false;
      this.targetIncident = incident;
      this.targetSlot = slot;
      return true;
    }
    return false;
  };

  /**
   * The units that could fill the slot now, with the estimates the policy weighs: free, capable,
   * on duty and able to reach the incident (reserves: free and capable), best first, but for
   * those in `exclude` (sent to the incident's other slots). With `keep`, only the best `keep`;
   * with `within`, only those whose estimate is within it (units away from base are searched
   * no farther than either). `total` is how many were free and capable.
   */
  candidates(
    incident: Incident,
    slot: number,
    reserves: boolean,
    { keep = Infinity, within = Infinity, exclude = NONE }: CandidateLimits = {},
  ): { list: Candidate[]; total: number } {
    const world = this.world;
    const capability = incident.slotCapability[slot];
    const list: Candidate[] = [];
    if (reserves) {
      for (const unit of world.units) {
        if (
          unit.reserve &&
          unit.state === UnitState.Available &&
          unit.capabilities.has(capability) &&
          !exclude.has(unit.index)
        )
          list.push({ unit: unit.index, travel: NaN, orderDelay: 0 });
      }
      return { list, total: list.length };
    }
    this.baseTravel.fill(NaN);
    const away: Unit[] = [];
    let total = 0;
    for (const u of world.roster.unitsByCapability[capability]) {
      const unit = world.units[u];
      if (!world.dispatchable(unit) || exclude.has(u)) continue;
      total++;
      if (!world.atBase(unit)) {
        away.push(unit);
        continue;
      }
      const travel = this.fromBase(unit, incident);
      const orderDelay = this.expectedOrderDelay(unit, incident, capability);
      if (travel + orderDelay <= within) list.push({ unit: u, travel, orderDelay });
    }
    const best = (a: Candidate, b: Candidate) =>
      a.travel + a.orderDelay - (b.travel + b.orderDelay) || a.unit - b.unit;
    list.sort(best);
    const limit = Math.min(
      within,
      list.length >= keep ? list[keep - 1].travel + list[keep - 1].orderDelay : Infinity,
    );
    for (const unit of away) {
      const orderDelay = this.expectedOrderDelay(unit, incident, capability);
      const travel = world.travelEstimate(unit, incident, limit - orderDelay);
      if (travel + orderDelay <= limit) list.push({ unit: unit.index, travel, orderDelay });
    }
    list.sort(best);
    return { list: list.length > keep ? list.slice(0, keep) : list, total };
  }
}
