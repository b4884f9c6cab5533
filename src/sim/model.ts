/**
 * The domain model of an emergency coordination system on top of the engine: calls arrive,
 * are assessed, sent to 12345 or dispatched; units mobilise, travel, work, return; what cannot
 * be served waits in a queue or passes to outside help. Every state change goes to the trace.
 *
 * The model can stop at a dispatch decision and hand it to an outside decision-maker (a trainee
 * operator), then resume with the answer: the run stays deterministic given the answers.
 */
import type { Distribution, IncidentKind, Scenario } from '../scenarios/schema.ts';
import { orderSteps, troopsPrepositioned, type OrderStep } from './rules/orders.ts';
import { dutyOf, extraMobilisationOf } from './rules/tiers.ts';
import { Calendar, WeeklyDuty } from './calendar.ts';
import { Engine, type EventHandle } from './engine.ts';
import {
  boundingBox,
  districtRings,
  pointInPolygon,
  type BoundingBox,
  type LonLat,
} from './geo.ts';
import {
  cumulativeWeights,
  distributionMean,
  exponential,
  makeStream,
  pickIndex,
  sampler,
  standardNormal,
  type Sampler,
  type Stream,
} from './random.ts';
import {
  Cause,
  RecordKind,
  TraceBuilder,
  TRACE_FORMAT,
  TRACE_FORMAT_VERSION,
  type Trace,
} from './trace.ts';
import { makeTravelModel, type TravelModel } from './travel.ts';
import { exp, log } from './detmath.ts';

// Event kinds of this model (the engine only sees integers).
const EV_NEXT_GENERATED_CALL = 0;
const EV_NEXT_LISTED_CALL = 1;
const EV_ASSESSED = 2;
const EV_EN_ROUTE = 3;
const EV_ARRIVED = 4;
const EV_CLEARED = 5;
const EV_AVAILABLE = 6;
const EV_OVERFLOW_DEADLINE = 7;
const EV_OUTSIDE_ARRIVED = 8;
const EV_OUTSIDE_CLEARED = 9;
const EV_QUEUE_DEADLINE = 10;
const EV_EXTERNAL = 11;
const EV_DUTY_START = 12;
const EV_ORDER_STEP = 13;
const EV_REPORT = 14;
const EV_GROWTH = 15;
const EV_REINFORCEMENT = 16;
const EV_COMMAND_HANDOVER = 17;
const EV_ROAD_REPAIRED = 18;
const EV_SUPPLIED = 19;

const NO_STEPS: OrderStep[] = [];

const enum UnitState {
  Available,
  Notified,
  EnRoute,
  OnScene,
  Returning,
  OutOfService,
}

const SLOT_OPEN = -1;
const SLOT_OUTSIDE = -2;

interface UnitRuntime {
  index: number;
  id: string;
  agency: number;
  tier: 1 | 2 | 3;
  base: number;
  basePlace: number;
  capabilities: Set<number>;
  mobilisation: Sampler;
  duty: WeeklyDuty;
  state: UnitState;
  incident: number;
  slot: number;
  /** Where the unit is, or where its current trip started. */
  place: number;
  tripTo: number;
  tripDeparture: number;
  notifiedAt: number;
  pending: EventHandle | -1;
  outOfServiceAfterJob: boolean;
  sector: 'government' | 'enterprise' | 'social' | 'military';
  /** The tier's added mobilisation (rule 1), if any. */
  extraMobilisation: Sampler | null;
  /** Steps before the current order reaches the unit (approvals), and where it is in them. */
  steps: OrderStep[];
  step: number;
  stepStarted: number;
  orderReceivedAt: number;
  /** Sent while on its way home: no mobilisation once the order arrives. */
  onTheRoad: boolean;
  /** When the unit on scene arrived, and when it will clear. */
  arrivedAt: number;
  clearAt: number;
  /** A unit of another district or city, sent only through rule 7, and its approach time. */
  reserve: boolean;
  approach: Sampler | null;
}

interface KindRuntime {
  priority: number;
  participants: Sampler | undefined;
  supplies: Record<string, number> | undefined;
  severity: number;
  growth: IncidentKind['growth'];
  /** Capability index of each unit slot the kind needs. */
  slotCapability: Int32Array;
  work: Sampler;
  nonEmergencyShare: number;
}

interface IncidentRuntime {
  index: number;
  kind: number;
  district: number;
  place: number;
  callTime: number;
  /** Per slot: the capability it needs (the kind's, until the incident grows). */
  slotCapability: ArrayLike<number>;
  /** Per slot: the unit assigned, SLOT_OPEN or SLOT_OUTSIDE. */
  slotUnit: number[];
  work: number[];
  triage: number;
  handling: number;
  open: number;
  active: number;
  queued: boolean;
  queuedAt: number;
  deadline: EventHandle | -1;
  severity: number;
  arrivals: number;
  growthStep: number;
  reinforcementRequestedAt: number;
  /** The level above agreed to send units (rule 7): returning reserves may serve it. */
  reinforcementApproved: boolean;
  /** Special plans activated for this incident (rule 2): plan index → activation time. */
  plans: Map<number, number> | null;
  /** When traffic control is in place on the way to it (rule 11); Infinity when none. */
  trafficControlFrom: number;
  /** The first unit on scene acting as first receiver (rule 3), or −1. */
  firstReceiver: number;
  firstReceiverSince: number;
  /** Rule 10: when supplies were asked for and when they are on scene (work ends no sooner). */
  suppliesRequestedAt: number;
  suppliesAt: number;
  /** Outside help on scene (counts as resourced for growth). */
  outsideOnScene: boolean;
}

/** A dispatch decision handed to an outside decision-maker. */
export interface DispatchDecision {
  time: number;
  incident: number;
  kind: string;
  district: string;
  /** For each open slot: the capability and the candidate units with their travel estimate. */
  slots: Array<{
    slot: number;
    capability: string;
    candidates: Array<{ unit: string; travelSeconds: number; state: 'available' | 'returning' }>;
  }>;
  /** What the built-in policy would do: a unit id per slot, or null to leave it open. */
  proposal: Array<{ slot: number; unit: string | null }>;
}

/** The answer: a unit id per slot, or null to leave the slot open (queue or overflow). */
export type DispatchAnswer = Array<{ slot: number; unit: string | null }>;

export interface SimulationOptions {
  /** Hand dispatch decisions to the caller instead of applying the built-in policy. */
  externalDispatch?: boolean;
}

export type AdvanceResult =
  | { status: 'running'; time: number }
  | { status: 'decision'; time: number; decision: DispatchDecision }
  | { status: 'finished'; time: number };

interface DistrictRuntime {
  /** The district's parts (one ring each), their bounding boxes, and their shares of its area. */
  rings: LonLat[][];
  boxes: BoundingBox[];
  cumulativeArea: Float64Array;
}

interface Proposal {
  slot: number;
  unit: number;
  cause: number;
}

export class Simulation {
  readonly engine = new Engine();
  readonly trace: TraceBuilder;
  readonly calendar: Calendar;
  private readonly travel: TravelModel;
  private readonly units: UnitRuntime[];
  private readonly unitsByCapability: number[][];
  private readonly kinds: KindRuntime[];
  private readonly districts: DistrictRuntime[];
  private readonly capabilityNames: string[];
  private readonly incidents: Array<IncidentRuntime | undefined> = [];
  /** Incidents waiting for units, ordered by (priority, time queued, index). */
  private readonly waiting: IncidentRuntime[] = [];
  private readonly runCards = new Map<string, number[]>();
  /** District of each base (for rule 9's neighbours). */
  private readonly baseDistricts: number[];
  /** Scratch space of `nearest`: travel time from each base to the incident being weighed. */
  private readonly baseTravel: Float64Array;
  private readonly streams: Record<
    | 'arrivals'
    | 'kinds'
    | 'places'
    | 'callHandling'
    | 'mobilisation'
    | 'work'
    | 'travel'
    | 'triage'
    | 'outsideHelp'
    | 'approvals'
    | 'feedback'
    | 'participants'
    | 'addedWork'
    | 'handover'
    | 'approach',
    Stream
  >;
  private readonly callHandling: Sampler;
  private readonly outsideHelp: Sampler;
  private readonly travelNoise: (() => number) | null;
  // Generated calls: rate per hour of the week (calls/s), and the kinds' cumulative shares.
  private readonly ratePerHourOfWeek = new Float64Array(168);
  private readonly kindCumulativeByHour: Float64Array[] = [];
  private readonly kindOfStream: number[] = [];
  private readonly districtCumulativeByStream: Float64Array[] = [];
  private maxRate = 0;
  private rateFactor = 1;
  private nextGeneratedCall: EventHandle | -1 = -1;
  private readonly listed: Scenario['arrivals']['incidents'];
  private listedCursor = 0;
  private pendingDecision: { incident: IncidentRuntime; decision: DispatchDecision } | null = null;
  private finished = false;

  /** Seasons switched on by external events, and the current response level (for rules). */
  readonly seasons = new Set<string>();
  responseLevel = 0;
  /** Troops pre-positioned at a raised response level (rule 8). */
  private prepositioned = false;
  /** Whether any rule can put steps before an order. */
  private readonly approvalsApply: boolean;
  /** Whether any rule acts on incidents as they are judged (rules 2, 4, 9, 11). */
  private readonly incidentRulesApply: boolean;
  private readonly samplers = new Map<Distribution, Sampler>();
  /** The rear HQ's stocks by item (rule 10). */
  private readonly stocks: Map<string, number>;
  /** Reports on their way to the centre (rule 13). */
  private readonly reports: Array<
    | {
        incident: number;
        unit: number;
        place: number;
        cause: number;
        delay: number;
        missing: boolean;
      }
    | undefined
  > = [];

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    private readonly options: SimulationOptions = {},
  ) {
    this.calendar = new Calendar(scenario.start);
    this.trace = new TraceBuilder(expectedRecords(scenario));
    const districtIds = scenario.districts.map((d) => d.id);
    this.travel = makeTravelModel(scenario.travel, districtIds, this.calendar);
    this.streams = {
      arrivals: makeStream(seed, 'arrivals'),
      kinds: makeStream(seed, 'kinds'),
      places: makeStream(seed, 'places'),
      callHandling: makeStream(seed, 'callHandling'),
      mobilisation: makeStream(seed, 'mobilisation'),
      work: makeStream(seed, 'work'),
      travel: makeStream(seed, 'travel'),
      triage: makeStream(seed, 'triage'),
      outsideHelp: makeStream(seed, 'outsideHelp'),
      approvals: makeStream(seed, 'approvals'),
      feedback: makeStream(seed, 'feedback'),
      participants: makeStream(seed, 'participants'),
      addedWork: makeStream(seed, 'addedWork'),
      handover: makeStream(seed, 'handover'),
      approach: makeStream(seed, 'approach'),
    };
    this.callHandling = sampler(scenario.dispatch.callHandling);
    this.stocks = new Map(Object.entries(scenario.rules.rearSupply.stocks));
    const rules = scenario.rules;
    this.incidentRulesApply =
      rules.maritime.enabled ||
      rules.command.enabled ||
      rules.traffic.enabled ||
      rules.groupIncidents.enabled;
    this.approvalsApply =
      scenario.rules.fireRescueApproval.enabled ||
      scenario.rules.military.enabled ||
      scenario.rules.maritime.enabled ||
      scenario.rules.groupIncidents.enabled;
    this.outsideHelp = sampler(scenario.dispatch.outsideHelpResponse);
    const cv = this.travel.noiseCv;
    if (cv > 0) {
      const sigma = Math.sqrt(log(1 + cv * cv));
      const travelStream = this.streams.travel;
      this.travelNoise = () => exp(-sigma * sigma * 0.5 + sigma * standardNormal(travelStream));
    } else {
      this.travelNoise = null;
    }

    this.districts = scenario.districts.map((d) => {
      const rings = districtRings(d);
      return {
        rings,
        boxes: rings.map(boundingBox),
        cumulativeArea: cumulativeWeights(rings.map(planarArea)),
      };
    });

    this.capabilityNames = [];
    const capabilityIndex = (name: string) => {
      let index = this.capabilityNames.indexOf(name);
      if (index < 0) index = this.capabilityNames.push(name) - 1;
      return index;
    };
    const agencyIndex = new Map(scenario.agencies.map((a, i) => [a.id, i]));
    const baseIndex = new Map(scenario.bases.map((b, i) => [b.id, i]));
    const baseDistricts = scenario.bases.map((base) =>
      Math.max(
        0,
        this.districts.findIndex((d) => inDistrict(base.location, d)),
      ),
    );
    this.baseDistricts = baseDistricts;
    const basePlaces = scenario.bases.map((base, i) => {
      const place = this.travel.placeOf(base.location, baseDistricts[i]);
      this.travel.anchor(place);
      return place;
    });
    this.baseTravel = new Float64Array(scenario.bases.length);
    this.units = [];
    for (const spec of scenario.units) {
      const agency = agencyIndex.get(spec.agency) ?? 0;
      const tier = scenario.agencies[agency].tier;
      const extra = extraMobilisationOf(scenario.rules, tier);
      for (let copy = 1; copy <= spec.count; copy++) {
        this.units.push({
          index: this.units.length,
          id: copy === 1 ? spec.id : `${spec.id}#${copy}`,
          agency,
          tier,
          base: baseIndex.get(spec.base) ?? 0,
          basePlace: basePlaces[baseIndex.get(spec.base) ?? 0],
          capabilities: new Set(spec.capabilities.map(capabilityIndex)),
          mobilisation: sampler(spec.mobilisation),
          duty: new WeeklyDuty(dutyOf(scenario.rules, tier, spec.schedule)),
          state: UnitState.Available,
          incident: -1,
          slot: -1,
          place: basePlaces[baseIndex.get(spec.base) ?? 0],
          tripTo: -1,
          tripDeparture: 0,
          notifiedAt: 0,
          pending: -1,
          outOfServiceAfterJob: false,
          sector: scenario.agencies[agency].sector,
          extraMobilisation: extra ? sampler(extra) : null,
          steps: [],
          step: 0,
          stepStarted: 0,
          orderReceivedAt: 0,
          onTheRoad: false,
          arrivedAt: 0,
          clearAt: 0,
          reserve: false,
          approach: null,
        });
      }
    }
    for (const pool of scenario.rules.reinforcement.enabled
      ? scenario.rules.reinforcement.pools
      : []) {
      const agency = agencyIndex.get(pool.agency) ?? 0;
      for (let copy = 1; copy <= pool.count; copy++) {
        this.units.push({
          index: this.units.length,
          id: copy === 1 ? pool.id : `${pool.id}#${copy}`,
          agency,
          tier: scenario.agencies[agency].tier,
          base: -1,
          basePlace: -1,
          capabilities: new Set(pool.capabilities.map(capabilityIndex)),
          mobilisation: () => 0,
          duty: new WeeklyDuty({ type: 'always' }),
          state: UnitState.Available,
          incident: -1,
          slot: -1,
          place: -1,
          tripTo: -1,
          tripDeparture: 0,
          notifiedAt: 0,
          pending: -1,
          outOfServiceAfterJob: false,
          sector: scenario.agencies[agency].sector,
          extraMobilisation: null,
          steps: [],
          step: 0,
          stepStarted: 0,
          orderReceivedAt: 0,
          onTheRoad: false,
          arrivedAt: 0,
          clearAt: 0,
          reserve: true,
          approach: sampler(pool.approach),
        });
      }
    }
    this.kinds = scenario.incidentKinds.map((kind) => {
      const slots: number[] = [];
      for (const need of kind.needs) {
        for (let i = 0; i < need.units; i++) slots.push(capabilityIndex(need.capability));
      }
      return {
        priority: kind.priority,
        participants: kind.participants && sampler(kind.participants),
        supplies: kind.supplies,
        severity: kind.severity,
        growth: kind.growth,
        slotCapability: Int32Array.from(slots),
        work: sampler(kind.workTime),
        nonEmergencyShare: kind.nonEmergencyShare,
      };
    });
    // Capabilities that incidents may come to need later (growth, group grading) get an index too.
    for (const kind of scenario.incidentKinds) {
      for (const step of kind.growth?.steps ?? [])
        step.addNeeds.forEach((n) => capabilityIndex(n.capability));
    }
    const group = scenario.rules.groupIncidents;
    [...group.countyNeeds, ...group.cityNeeds].forEach((n) => capabilityIndex(n.capability));
    this.unitsByCapability = this.capabilityNames.map((_, capability) =>
      this.units.filter((u) => !u.reserve && u.capabilities.has(capability)).map((u) => u.index),
    );
    const unitIndex = new Map(this.units.map((u) => [u.id, u.index]));
    for (const card of scenario.dispatch.runCards) {
      const key = `${card.district}|${card.kind ?? ''}`;
      this.runCards.set(
        key,
        card.units.map((id) => unitIndex.get(id) ?? -1).filter((i) => i >= 0),
      );
    }
    this.prepareGeneratedCalls();
    this.listed = scenario.arrivals.incidents.slice().sort((a, b) => a.time - b.time);

    const engine = this.engine;
    engine.on(EV_NEXT_GENERATED_CALL, () => this.onGeneratedCandidate());
    engine.on(EV_NEXT_LISTED_CALL, () => this.onListedCall());
    engine.on(EV_ASSESSED, (incident) => this.onAssessed(incident));
    engine.on(EV_EN_ROUTE, (unit) => this.onEnRoute(this.units[unit]));
    engine.on(EV_ARRIVED, (unit) => this.onArrived(this.units[unit]));
    engine.on(EV_CLEARED, (unit) => this.onCleared(this.units[unit]));
    engine.on(EV_AVAILABLE, (unit) => this.onBackAtBase(this.units[unit]));
    engine.on(EV_OVERFLOW_DEADLINE, (incident) => this.onOverflowDeadline(incident));
    engine.on(EV_OUTSIDE_ARRIVED, (incident, slot) => this.onOutsideArrived(incident, slot));
    engine.on(EV_OUTSIDE_CLEARED, (incident) => this.onOutsideCleared(incident));
    engine.on(EV_QUEUE_DEADLINE, (incident) => this.onQueueDeadline(incident));
    engine.on(EV_EXTERNAL, (index) => this.onExternalEvent(index));
    engine.on(EV_DUTY_START, (unit) => this.onDutyStart(this.units[unit]));
    engine.on(EV_ORDER_STEP, (unit) => this.onOrderStep(this.units[unit]));
    engine.on(EV_REPORT, (report) => this.onReport(report));
    engine.on(EV_GROWTH, (incident) => this.onGrowthCheck(incident));
    engine.on(EV_REINFORCEMENT, (incident) => this.onReinforcementApproved(incident));
    engine.on(EV_COMMAND_HANDOVER, (incident, plan) => this.onCommandHandover(incident, plan));
    engine.on(EV_ROAD_REPAIRED, (index) => this.onRoadRepaired(index));
    engine.on(EV_SUPPLIED, (incident, short) => this.onSupplied(incident, short));

    this.scheduleNextGeneratedCall();
    if (this.listed.length > 0) engine.schedule(this.listed[0].time, EV_NEXT_LISTED_CALL);
    scenario.events.forEach((event, index) => engine.schedule(event.at, EV_EXTERNAL, index));
    for (const unit of this.units) {
      if (!unit.duty.always) this.scheduleDutyStart(unit);
    }
  }

  get unitCount(): number {
    return this.units.length;
  }

  /**
   * Runs until the end of the scenario, a pending decision, or `maxEvents` events (so that a
   * worker can report progress and notice cancellation between slices).
   */
  advance(maxEvents = Infinity): AdvanceResult {
    if (this.pendingDecision) {
      return { status: 'decision', time: this.engine.now, decision: this.pendingDecision.decision };
    }
    if (this.finished) return { status: 'finished', time: this.engine.now };
    const done = this.engine.run(this.scenario.duration, maxEvents);
    const pending = this.pendingDecision as { decision: DispatchDecision } | null;
    if (pending) return { status: 'decision', time: this.engine.now, decision: pending.decision };
    if (done) {
      this.finish();
      return { status: 'finished', time: this.engine.now };
    }
    return { status: 'running', time: this.engine.now };
  }

  /** Applies the answer to the pending decision; unknown or busy units are refused. */
  answer(answer: DispatchAnswer): void {
    const pending = this.pendingDecision;
    if (!pending) throw new Error('no decision is pending');
    const byId = new Map(this.units.map((u) => [u.id, u]));
    const chosen: Proposal[] = [];
    for (const { slot, unit: unitId } of answer) {
      if (unitId === null) continue;
      const unit = byId.get(unitId);
      const incident = pending.incident;
      if (!unit) throw new Error(`unknown unit "${unitId}"`);
      if (
        slot < 0 ||
        slot >= incident.slotUnit.length ||
        incident.slotUnit[slot] !== SLOT_OPEN ||
        chosen.some((c) => c.slot === slot)
      ) {
        throw new Error(`slot ${slot} is not open`);
      }
      if (!this.dispatchable(unit) || chosen.some((c) => c.unit === unit.index)) {
        throw new Error(`unit "${unitId}" cannot be dispatched now`);
      }
      if (!unit.capabilities.has(incident.slotCapability[slot])) {
        throw new Error(`unit "${unitId}" lacks the capability slot ${slot} needs`);
      }
      if (!(this.travelEstimate(unit, incident) < Infinity)) {
        throw new Error(`unit "${unitId}" cannot reach the incident (road closed)`);
      }
      chosen.push({ slot, unit: unit.index, cause: Cause.decision });
    }
    this.pendingDecision = null;
    const incident = pending.incident;
    this.trace.record(
      this.engine.now,
      RecordKind.decision,
      incident.index,
      -1,
      incident.place,
      Cause.decision,
      chosen.length,
    );
    // Slots the decision-maker left open although the policy had a unit for them wait in the
    // queue by their choice, not for lack of units.
    const heldBack = pending.decision.proposal.some(
      (p) => p.unit !== null && !chosen.some((c) => c.slot === p.slot),
    );
    this.applyDispatch(incident, chosen, heldBack ? Cause.decision : Cause.noUnitFree);
  }

  /** The finished trace. Call after `advance` returned finished. */
  finishTrace(): Trace {
    const s = this.scenario;
    const units = this.units;
    const places: number[] = [];
    let maxPlace = -1;
    for (let i = 0; i < this.trace.length; i++) maxPlace = Math.max(maxPlace, this.trace.place[i]);
    for (let p = 0; p <= maxPlace; p++) places.push(...this.travel.coordinates(p));
    return this.trace.finish(
      {
        format: TRACE_FORMAT,
        version: TRACE_FORMAT_VERSION,
        scenario: s.id,
        seed: this.seed,
        start: s.start,
        duration: s.duration,
        warmup: s.warmup,
        units: units.map((u) => u.id),
        unitAgencies: units.map((u) => s.agencies[u.agency].id),
        unitTiers: units.map((u) => u.tier),
        unitReserves: units.map((u) => u.reserve),
        incidentKinds: s.incidentKinds.map((k) => k.id),
        kindTargetTiers: this.kinds.map((kind) => {
          const capable = this.unitsByCapability[kind.slotCapability[0]] ?? [];
          const tiers = capable.map((u) => units[u].tier);
          return tiers.length > 0 ? Math.min(...tiers) : 0;
        }),
        districts: s.districts.map((d) => d.id),
        districtAreas: s.districts.map((d) => d.area),
      },
      Float64Array.from(places),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  private prepareGeneratedCalls(): void {
    const streams = this.scenario.arrivals.streams;
    const kindIndex = new Map(this.scenario.incidentKinds.map((k, i) => [k.id, i]));
    const perStreamRates = streams.map((stream) => {
      const hours = normalised(stream.hourProfile ?? new Array(24).fill(1), 24);
      const days = normalised(stream.dayProfile ?? new Array(7).fill(1), 7);
      const rates = new Float64Array(168);
      for (let h = 0; h < 168; h++) {
        rates[h] = (stream.callsPerDay / 86_400) * hours[h % 24] * days[Math.floor(h / 24)];
      }
      return rates;
    });
    for (const stream of streams) {
      this.kindOfStream.push(kindIndex.get(stream.kind) ?? 0);
      const weights = this.scenario.districts.map((d) =>
        stream.districts ? (stream.districts[d.id] ?? 0) : d.callWeight,
      );
      this.districtCumulativeByStream.push(cumulativeWeights(weights));
    }
    for (let h = 0; h < 168; h++) {
      const rates = perStreamRates.map((r) => r[h]);
      this.ratePerHourOfWeek[h] = rates.reduce((a, b) => a + b, 0);
      this.kindCumulativeByHour.push(cumulativeWeights(rates.length ? rates : [1]));
      this.maxRate = Math.max(this.maxRate, this.ratePerHourOfWeek[h]);
    }
  }

  /** Thinning (Lewis and Shedler): candidates at the peak rate, kept with probability λ(t)/λmax. */
  private scheduleNextGeneratedCall(): void {
    const peak = this.maxRate * this.rateFactor;
    if (!(peak > 0)) {
      this.nextGeneratedCall = -1;
      return;
    }
    const time = this.engine.now + exponential(this.streams.arrivals, 1 / peak);
    this.nextGeneratedCall =
      time <= this.scenario.duration ? this.engine.schedule(time, EV_NEXT_GENERATED_CALL) : -1;
  }

  private onGeneratedCandidate(): void {
    const hour = this.calendar.hourOfWeek(this.engine.now);
    const accept = this.streams.arrivals.next() * this.maxRate < this.ratePerHourOfWeek[hour];
    if (accept) {
      const stream = pickIndex(this.kindCumulativeByHour[hour], this.streams.kinds.next());
      const district = pickIndex(
        this.districtCumulativeByStream[stream],
        this.streams.places.next(),
      );
      const point = this.randomPointIn(district);
      this.receiveCall(this.kindOfStream[stream], district, point, Cause.generatedCall);
    }
    this.scheduleNextGeneratedCall();
  }

  private onListedCall(): void {
    const listed = this.listed[this.listedCursor++];
    const kind = this.scenario.incidentKinds.findIndex((k) => k.id === listed.kind);
    let district = listed.district
      ? this.scenario.districts.findIndex((d) => d.id === listed.district)
      : -1;
    const location = listed.location;
    if (location && district < 0) {
      district = Math.max(
        0,
        this.districts.findIndex((d) => inDistrict(location, d)),
      );
    }
    if (district < 0) district = 0;
    this.receiveCall(kind, district, location ?? this.randomPointIn(district), Cause.listedCall);
    if (this.listedCursor < this.listed.length) {
      this.engine.schedule(this.listed[this.listedCursor].time, EV_NEXT_LISTED_CALL);
    }
  }

  /** A point uniform over the district's area: a part by its area, then a point inside it. */
  private randomPointIn(district: number): LonLat {
    const { rings, boxes, cumulativeArea } = this.districts[district];
    const places = this.streams.places;
    const part = rings.length === 1 ? 0 : pickIndex(cumulativeArea, places.next());
    const polygon = rings[part];
    const box = boxes[part];
    for (let attempt = 0; attempt < 1000; attempt++) {
      const point: LonLat = [
        box.minLon + (box.maxLon - box.minLon) * places.next(),
        box.minLat + (box.maxLat - box.minLat) * places.next(),
      ];
      if (pointInPolygon(point, polygon)) return point;
    }
    return polygon[0];
  }

  /**
   * A call is received. Everything random about the incident is drawn now, in a fixed order,
   * so that variants of a scenario see the same incidents (common random numbers).
   */
  private receiveCall(kindIndex: number, district: number, point: LonLat, cause: number): void {
    const kind = this.kinds[kindIndex];
    const place = this.travel.placeOf(point, district);
    const index = this.trace.addIncident(kindIndex, district, place);
    const slots = kind.slotCapability.length;
    const work: number[] = [];
    const slotUnit: number[] = [];
    for (let s = 0; s < slots; s++) {
      work.push(kind.work(this.streams.work));
      slotUnit.push(SLOT_OPEN);
    }
    const incident: IncidentRuntime = {
      index,
      kind: kindIndex,
      district,
      place,
      callTime: this.engine.now,
      slotCapability: kind.slotCapability,
      slotUnit,
      work,
      triage: this.streams.triage.next(),
      handling: this.callHandling(this.streams.callHandling),
      open: slots,
      active: 0,
      queued: false,
      queuedAt: 0,
      deadline: -1,
      severity: kind.severity,
      arrivals: 0,
      growthStep: 0,
      reinforcementRequestedAt: NaN,
      reinforcementApproved: false,
      plans: null,
      trafficControlFrom: Infinity,
      firstReceiver: -1,
      firstReceiverSince: 0,
      suppliesRequestedAt: NaN,
      suppliesAt: 0,
      outsideOnScene: false,
    };
    this.incidents[index] = incident;
    this.trace.record(this.engine.now, RecordKind.callReceived, index, -1, place, cause, kindIndex);
    if (incident.handling > 0)
      this.engine.schedule(this.engine.now + incident.handling, EV_ASSESSED, index);
    else this.onAssessed(index);
  }

  private onAssessed(index: number): void {
    const incident = this.incidents[index]!;
    const kind = this.kinds[incident.kind];
    if (this.scenario.rules.triage.enabled && incident.triage < kind.nonEmergencyShare) {
      this.trace.record(
        this.engine.now,
        RecordKind.sentTo12345,
        index,
        -1,
        incident.place,
        Cause.triage,
        0,
      );
      this.incidents[index] = undefined;
      return;
    }
    const growth = kind.growth;
    if (growth && this.scenario.rules.growth.enabled) {
      // Counted from the call, but checked no earlier than now: the incident is judged first.
      const at = Math.max(this.engine.now, incident.callTime + growth.afterSeconds);
      this.engine.schedule(at, EV_GROWTH, index);
    }
    this.applyIncidentRules(incident);
    this.dispatchIncident(incident);
  }

  /** Rules that act on an incident as it is judged, and again whenever it grows. */
  private applyIncidentRules(incident: IncidentRuntime): void {
    if (!this.incidentRulesApply) return;
    const rules = this.scenario.rules;
    const now = this.engine.now;
    const kindId = this.scenario.incidentKinds[incident.kind].id;
    const participants = this.kinds[incident.kind].participants;
    if (rules.groupIncidents.enabled && participants && incident.growthStep === 0) {
      this.gradeGroupIncident(incident, Math.round(participants(this.streams.participants)));
    }
    if (
      rules.maritime.enabled &&
      rules.maritime.kinds.includes(kindId) &&
      incident.growthStep === 0
    ) {
      this.trace.record(
        now,
        RecordKind.commandHandedOver,
        incident.index,
        -1,
        incident.place,
        Cause.maritimeSAR,
        0,
      );
    }
    if (rules.command.enabled) {
      rules.command.plans.forEach((plan, index) => {
        if (incident.plans?.has(index)) return;
        if (!plan.kinds.includes(kindId) || incident.severity > plan.atSeverity) return;
        (incident.plans ??= new Map()).set(index, now);
        this.trace.record(
          now,
          RecordKind.planActivated,
          incident.index,
          -1,
          incident.place,
          Cause.specialPlan,
          index,
        );
        const setup = this.delaySampler(plan.setup)(this.streams.approvals);
        this.engine.schedule(now + setup, EV_COMMAND_HANDOVER, incident.index, index);
      });
    }
    if (
      rules.traffic.enabled &&
      incident.trafficControlFrom === Infinity &&
      incident.severity <= rules.traffic.atSeverity
    ) {
      incident.trafficControlFrom =
        now + this.delaySampler(rules.traffic.setup)(this.streams.approvals);
    }
  }

  /** Rule 9: graded by participants; the county and the city add their forces. */
  private gradeGroupIncident(incident: IncidentRuntime, participants: number): void {
    const rule = this.scenario.rules.groupIncidents;
    const level =
      participants >= rule.cityFrom
        ? Cause.city
        : participants >= rule.countyFrom
          ? Cause.county
          : Cause.township;
    this.trace.record(
      this.engine.now,
      RecordKind.graded,
      incident.index,
      -1,
      incident.place,
      level,
      participants,
    );
    if (level !== Cause.township) this.addSlots(incident, rule.countyNeeds);
    if (level === Cause.city) this.addSlots(incident, rule.cityNeeds);
  }

  private onCommandHandover(index: number, plan: number): void {
    const incident = this.incidents[index];
    if (!incident) return; // closed before the HQ was up: the centre kept command
    const now = this.engine.now;
    const activatedAt = incident.plans!.get(plan)!;
    this.trace.record(
      now,
      RecordKind.commandHandedOver,
      index,
      -1,
      incident.place,
      Cause.specialPlan,
      now - activatedAt,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Dispatch

  private dispatchable(unit: UnitRuntime): boolean {
    if (unit.reserve) return false;
    const state = unit.state;
    if (
      state !== UnitState.Available &&
      !(state === UnitState.Returning && this.scenario.dispatch.redispatchReturning)
    ) {
      return false;
    }
    if (unit.outOfServiceAfterJob) return false;
    return unit.duty.always || unit.duty.onDuty(this.calendar.weekSecond(this.engine.now));
  }

  /** Where a unit is now: at its place, or somewhere on its way back to base. */
  private currentPlace(unit: UnitRuntime): number {
    if (unit.state !== UnitState.Returning) return unit.place;
    return this.travel.positionAfter(
      unit.place,
      unit.tripTo,
      unit.tripDeparture,
      this.engine.now - unit.tripDeparture,
    );
  }

  private travelEstimate(unit: UnitRuntime, incident: IncidentRuntime, limit = Infinity): number {
    return this.travel.seconds(
      this.currentPlace(unit),
      incident.place,
      this.engine.now,
      true,
      limit,
    );
  }

  /** The built-in policy: run-card units first, then the nearest capable unit by travel time. */
  private propose(incident: IncidentRuntime): Proposal[] {
    const taken: number[] = [];
    const proposal: Proposal[] = [];
    const card = this.runCards.size > 0 ? this.runCardFor(incident) : undefined;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      const capability = incident.slotCapability[slot];
      let chosen = -1;
      let cause = Cause.nearest;
      if (card) {
        for (const u of card) {
          const unit = this.units[u];
          if (
            !taken.includes(u) &&
            unit.capabilities.has(capability) &&
            this.dispatchable(unit) &&
            this.travelEstimate(unit, incident) < Infinity
          ) {
            chosen = u;
            cause = Cause.runCard;
            break;
          }
        }
      }
      if (chosen < 0) chosen = this.nearest(incident, capability, taken);
      if (chosen >= 0) {
        taken.push(chosen);
        proposal.push({ slot, unit: chosen, cause });
      }
    }
    return proposal;
  }

  /**
   * The capable free unit with the shortest travel time. Units at their base are weighed first
   * (their times come from cached trees); units on their way home only need to be known if they
   * beat the best of those, which bounds the search from where they are. Ties go to a unit at
   * its base, then to the unit listed first.
   */
  private nearest(incident: IncidentRuntime, capability: number, taken: number[]): number {
    const candidates = this.unitsByCapability[capability];
    const fromBase = this.baseTravel;
    fromBase.fill(NaN);
    let chosen = -1;
    let best = Infinity;
    for (const u of candidates) {
      const unit = this.units[u];
      if (!this.atBase(unit) || taken.includes(u) || !this.dispatchable(unit)) continue;
      // Units at one base share the trip: weigh it once.
      let travel = fromBase[unit.base];
      if (Number.isNaN(travel)) {
        travel = fromBase[unit.base] = this.travel.seconds(
          unit.basePlace,
          incident.place,
          this.engine.now,
          true,
        );
      }
      // A unit whose order needs approval first is as far away as that wait (rules 6 and 8).
      const estimate = travel + this.expectedOrderDelay(unit, incident, capability);
      if (estimate < best) {
        best = estimate;
        chosen = u;
      }
    }
    for (const u of candidates) {
      const unit = this.units[u];
      // Units on their way home, or stranded away from base by a closed road.
      if (this.atBase(unit) || taken.includes(u) || !this.dispatchable(unit)) continue;
      const delay = this.expectedOrderDelay(unit, incident, capability);
      const estimate = this.travelEstimate(unit, incident, best - delay) + delay;
      if (estimate < best) {
        best = estimate;
        chosen = u;
      }
    }
    return chosen;
  }

  private atBase(unit: UnitRuntime): boolean {
    return unit.state === UnitState.Available && unit.place === unit.basePlace;
  }

  private runCardFor(incident: IncidentRuntime): number[] | undefined {
    const districtId = this.scenario.districts[incident.district].id;
    const kindId = this.scenario.incidentKinds[incident.kind].id;
    return this.runCards.get(`${districtId}|${kindId}`) ?? this.runCards.get(`${districtId}|`);
  }

  private dispatchIncident(incident: IncidentRuntime): void {
    const proposal = this.propose(incident);
    if (this.options.externalDispatch) {
      this.pendingDecision = { incident, decision: this.describeDecision(incident, proposal) };
      this.engine.stop();
      return;
    }
    this.applyDispatch(incident, proposal);
  }

  private describeDecision(incident: IncidentRuntime, proposal: Proposal[]): DispatchDecision {
    const slots: DispatchDecision['slots'] = [];
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      const capability = incident.slotCapability[slot];
      slots.push({
        slot,
        capability: this.capabilityNames[capability],
        candidates: this.unitsByCapability[capability]
          .map((u) => this.units[u])
          .filter((unit) => this.dispatchable(unit))
          .map((unit) => ({
            unit: unit.id,
            travelSeconds: this.travelEstimate(unit, incident),
            state:
              unit.state === UnitState.Returning ? ('returning' as const) : ('available' as const),
          }))
          .sort((a, b) => a.travelSeconds - b.travelSeconds),
      });
    }
    return {
      time: this.engine.now,
      incident: incident.index,
      kind: this.scenario.incidentKinds[incident.kind].id,
      district: this.scenario.districts[incident.district].id,
      slots,
      proposal: slots.map(({ slot }) => {
        const chosen = proposal.find((p) => p.slot === slot);
        return { slot, unit: chosen ? this.units[chosen.unit].id : null };
      }),
    };
  }

  private applyDispatch(
    incident: IncidentRuntime,
    chosen: Proposal[],
    shortfallCause = Cause.noUnitFree,
  ): void {
    for (const { slot, unit, cause } of chosen)
      this.assign(this.units[unit], incident, slot, cause);
    if (incident.open > 0) this.handleShortfall(incident, shortfallCause);
  }

  /** Not enough units: queue, or pass to outside help now or after a delay. */
  private handleShortfall(incident: IncidentRuntime, cause: number): void {
    this.requestReinforcement(incident);
    const dispatch = this.scenario.dispatch;
    if (dispatch.whenNoUnit === 'overflow' && dispatch.overflowDelay === 0) {
      this.overflow(incident, cause);
      return;
    }
    this.trace.record(
      this.engine.now,
      RecordKind.queued,
      incident.index,
      -1,
      incident.place,
      cause,
      incident.open,
    );
    this.enqueue(incident);
    if (incident.deadline !== -1) return; // queued again after growing: the first deadline holds
    if (dispatch.whenNoUnit === 'overflow') {
      incident.deadline = this.engine.schedule(
        this.engine.now + dispatch.overflowDelay,
        EV_OVERFLOW_DEADLINE,
        incident.index,
      );
    } else if (dispatch.maxQueueWait !== undefined) {
      incident.deadline = this.engine.schedule(
        this.engine.now + dispatch.maxQueueWait,
        EV_QUEUE_DEADLINE,
        incident.index,
      );
    }
  }

  private overflow(incident: IncidentRuntime, cause: number): void {
    const passed = incident.open;
    this.trace.record(
      this.engine.now,
      RecordKind.overflowed,
      incident.index,
      -1,
      incident.place,
      cause,
      passed,
    );
    let first = -1;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      incident.slotUnit[slot] = SLOT_OUTSIDE;
      if (first < 0) first = slot;
    }
    incident.open = 0;
    incident.active++;
    const delay = this.outsideHelp(this.streams.outsideHelp);
    this.engine.schedule(this.engine.now + delay, EV_OUTSIDE_ARRIVED, incident.index, first);
  }

  /** Rule 7: no local unit for an open slot that other districts could fill: apply upwards. */
  private requestReinforcement(incident: IncidentRuntime): void {
    const rule = this.scenario.rules.reinforcement;
    if (!rule.enabled || !Number.isNaN(incident.reinforcementRequestedAt)) return;
    let wanted = 0;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      const capability = incident.slotCapability[slot];
      if (this.units.some((u) => u.reserve && u.capabilities.has(capability))) wanted++;
    }
    if (wanted === 0) return;
    const now = this.engine.now;
    incident.reinforcementRequestedAt = now;
    this.trace.record(
      now,
      RecordKind.requested,
      incident.index,
      -1,
      incident.place,
      Cause.crossRegion,
      wanted,
    );
    const delay = this.delaySampler(rule.approval)(this.streams.approvals);
    this.engine.schedule(now + delay, EV_REINFORCEMENT, incident.index);
  }

  private onReinforcementApproved(index: number): void {
    const incident = this.incidents[index];
    if (!incident) return;
    const now = this.engine.now;
    this.trace.record(
      now,
      RecordKind.approved,
      index,
      -1,
      incident.place,
      Cause.crossRegion,
      now - incident.reinforcementRequestedAt,
    );
    incident.reinforcementApproved = true;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      const capability = incident.slotCapability[slot];
      const unit = this.units.find(
        (u) => u.reserve && u.state === UnitState.Available && u.capabilities.has(capability),
      );
      if (unit) this.assign(unit, incident, slot, Cause.crossRegion);
    }
    if (incident.open === 0) this.stopWaiting(incident);
  }

  /** A reinforcement back in its pool serves the first approved incident still short of it. */
  private offerReserve(unit: UnitRuntime): void {
    for (const incident of this.waiting) {
      if (!incident.reinforcementApproved) continue;
      for (let slot = 0; slot < incident.slotUnit.length; slot++) {
        if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
        if (!unit.capabilities.has(incident.slotCapability[slot])) continue;
        this.assign(unit, incident, slot, Cause.crossRegion);
        if (incident.open === 0) this.stopWaiting(incident);
        return;
      }
    }
  }

  /** Every slot is filled: the incident leaves the queue and its deadline is void. */
  private stopWaiting(incident: IncidentRuntime): void {
    this.dequeue(incident);
    if (incident.deadline !== -1) this.engine.cancel(incident.deadline);
    incident.deadline = -1;
  }

  /** Rule 12: still under-resourced after the allowed time, the incident grows one step. */
  private onGrowthCheck(index: number): void {
    const incident = this.incidents[index];
    if (!incident) return;
    const growth = this.kinds[incident.kind].growth;
    if (!growth) return;
    const underResourced =
      incident.open > 0 || (incident.arrivals === 0 && !incident.outsideOnScene);
    if (!underResourced || incident.growthStep >= growth.steps.length) return;
    const step = growth.steps[incident.growthStep++];
    incident.severity = step.severity;
    const added = this.addSlots(incident, step.addNeeds);
    const now = this.engine.now;
    this.trace.record(now, RecordKind.grew, index, -1, incident.place, Cause.growth, step.severity);
    this.applyIncidentRules(incident);
    if (incident.growthStep < growth.steps.length) {
      this.engine.schedule(now + growth.afterSeconds, EV_GROWTH, index);
    }
    if (added > 0) {
      // Dispatch the new needs now, rather than wait for a unit to come free; a queued
      // incident keeps its place in the queue for what stays open.
      if (!incident.queued) this.dispatchIncident(incident);
      else {
        for (const { slot, unit, cause } of this.propose(incident)) {
          this.assign(this.units[unit], incident, slot, cause);
        }
        if (incident.open === 0) this.stopWaiting(incident);
      }
    }
  }

  /** Adds needs to an incident as open slots; returns how many. */
  private addSlots(
    incident: IncidentRuntime,
    needs: ReadonlyArray<{ capability: string; units: number }>,
  ): number {
    const capabilities = Array.from(incident.slotCapability);
    let added = 0;
    for (const need of needs) {
      const capability = this.capabilityNames.indexOf(need.capability);
      for (let i = 0; i < need.units; i++) {
        capabilities.push(capability);
        incident.slotUnit.push(SLOT_OPEN);
        // Own stream: slots added by rules must not shift other calls' work times.
        incident.work.push(this.kinds[incident.kind].work(this.streams.addedWork));
        added++;
      }
    }
    incident.slotCapability = capabilities;
    incident.open += added;
    // New needs may be asked of the level above again (rule 7).
    if (added > 0 && !incident.reinforcementApproved) incident.reinforcementRequestedAt = NaN;
    return added;
  }

  private onOverflowDeadline(index: number): void {
    const incident = this.incidents[index];
    if (!incident) return;
    incident.deadline = -1;
    if (incident.open === 0) return;
    this.dequeue(incident);
    this.overflow(incident, Cause.overflowPolicy);
  }

  private onOutsideArrived(index: number, slot: number): void {
    const incident = this.incidents[index]!;
    incident.outsideOnScene = true;
    this.trace.record(
      this.engine.now,
      RecordKind.outsideArrived,
      index,
      -1,
      incident.place,
      Cause.overflowPolicy,
      0,
    );
    this.engine.schedule(this.engine.now + incident.work[slot], EV_OUTSIDE_CLEARED, index);
  }

  private onOutsideCleared(index: number): void {
    const incident = this.incidents[index]!;
    incident.active--;
    this.closeIfDone(incident);
  }

  private onQueueDeadline(index: number): void {
    const incident = this.incidents[index];
    if (!incident) return;
    incident.deadline = -1;
    if (incident.open === 0) return;
    this.dequeue(incident);
    this.giveUp(incident, Cause.maxQueueWait);
  }

  private giveUp(incident: IncidentRuntime, cause: number): void {
    this.trace.record(
      this.engine.now,
      RecordKind.unanswered,
      incident.index,
      -1,
      incident.place,
      cause,
      incident.open,
    );
    incident.open = 0;
    this.closeIfDone(incident);
  }

  private enqueue(incident: IncidentRuntime): void {
    if (incident.queued) return; // keeps its place
    incident.queued = true;
    incident.queuedAt = this.engine.now;
    const waiting = this.waiting;
    const priority = this.kinds[incident.kind].priority;
    let low = 0;
    let high = waiting.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const other = waiting[middle];
      const otherPriority = this.kinds[other.kind].priority;
      const before =
        otherPriority < priority ||
        (otherPriority === priority &&
          (other.queuedAt < incident.queuedAt ||
            (other.queuedAt === incident.queuedAt && other.index < incident.index)));
      if (before) low = middle + 1;
      else high = middle;
    }
    waiting.splice(low, 0, incident);
  }

  private dequeue(incident: IncidentRuntime): void {
    if (!incident.queued) return;
    incident.queued = false;
    const at = this.waiting.indexOf(incident);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  /** A unit became free: it takes the first waiting incident it can serve. */
  private offer(unit: UnitRuntime): void {
    if (this.waiting.length === 0 || !this.dispatchable(unit)) return;
    for (const incident of this.waiting) {
      for (let slot = 0; slot < incident.slotUnit.length; slot++) {
        if (
          incident.slotUnit[slot] !== SLOT_OPEN ||
          !unit.capabilities.has(incident.slotCapability[slot])
        )
          continue;
        if (!(this.travelEstimate(unit, incident) < Infinity)) break;
        this.assign(unit, incident, slot, Cause.queue);
        if (incident.open === 0) this.stopWaiting(incident);
        return;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // The unit cycle: notified → mobilising → en route → on scene (working) → returning → available

  private assign(unit: UnitRuntime, incident: IncidentRuntime, slot: number, cause: number): void {
    const now = this.engine.now;
    unit.onTheRoad = unit.state === UnitState.Returning;
    if (unit.onTheRoad) {
      // Already on the road with its crew: no mobilisation, drives on from where it is.
      if (unit.pending !== -1) this.engine.cancel(unit.pending);
      unit.place = this.currentPlace(unit);
      if (cause === Cause.nearest || cause === Cause.queue) cause = Cause.redispatch;
    }
    incident.slotUnit[slot] = unit.index;
    incident.open--;
    incident.active++;
    unit.state = UnitState.Notified;
    unit.incident = incident.index;
    unit.slot = slot;
    unit.tripTo = incident.place;
    unit.notifiedAt = now;
    const estimate = unit.approach
      ? NaN
      : this.travel.seconds(unit.place, incident.place, now, true);
    this.trace.record(
      now,
      RecordKind.dispatched,
      incident.index,
      unit.index,
      unit.place,
      cause,
      estimate,
    );
    unit.steps = this.orderStepsFor(unit, incident, incident.slotCapability[slot]);
    unit.step = 0;
    this.nextOrderStep(unit);
  }

  private orderStepsFor(
    unit: UnitRuntime,
    incident: IncidentRuntime,
    capability: number,
  ): OrderStep[] {
    if (!this.approvalsApply) return NO_STEPS;
    return orderSteps(this.scenario.rules, {
      kind: this.scenario.incidentKinds[incident.kind].id,
      agency: this.scenario.agencies[unit.agency].id,
      sector: unit.sector,
      seasons: this.seasons,
      severity: incident.severity,
      capability: this.capabilityNames[capability],
      fromAnotherDistrict: unit.base >= 0 && this.baseDistricts[unit.base] !== incident.district,
      groupIncident: this.kinds[incident.kind].participants !== undefined,
    });
  }

  /** Mean delay before an order would reach this unit, for weighing it against others. */
  private expectedOrderDelay(
    unit: UnitRuntime,
    incident: IncidentRuntime,
    capability: number,
  ): number {
    if (!this.approvalsApply) return 0;
    let seconds = 0;
    for (const step of this.orderStepsFor(unit, incident, capability)) {
      seconds += distributionMean(step.delay);
    }
    return seconds;
  }

  /** The next approval before the order reaches the unit; then it mobilises. */
  private nextOrderStep(unit: UnitRuntime): void {
    const now = this.engine.now;
    if (unit.step < unit.steps.length) {
      const seconds = this.delaySampler(unit.steps[unit.step].delay)(this.streams.approvals);
      unit.stepStarted = now;
      unit.pending = this.engine.schedule(now + seconds, EV_ORDER_STEP, unit.index);
      return;
    }
    unit.orderReceivedAt = now;
    const mobilisation = unit.onTheRoad ? 0 : this.mobilisationOf(unit);
    if (mobilisation > 0) {
      unit.pending = this.engine.schedule(now + mobilisation, EV_EN_ROUTE, unit.index);
      unit.tripDeparture = now + mobilisation;
    } else {
      unit.tripDeparture = now;
      this.onEnRoute(unit);
    }
  }

  private onOrderStep(unit: UnitRuntime): void {
    const now = this.engine.now;
    const step = unit.steps[unit.step++];
    this.trace.record(
      now,
      RecordKind.approved,
      unit.incident,
      unit.index,
      unit.place,
      Cause[step.cause],
      now - unit.stepStarted,
    );
    this.nextOrderStep(unit);
  }

  private mobilisationOf(unit: UnitRuntime): number {
    if (unit.sector === 'military' && this.prepositioned && !unit.reserve) {
      return this.delaySampler(this.scenario.rules.military.prepositionedMobilisation)(
        this.streams.mobilisation,
      );
    }
    const own = unit.mobilisation(this.streams.mobilisation);
    return unit.extraMobilisation ? own + unit.extraMobilisation(this.streams.mobilisation) : own;
  }

  private delaySampler(distribution: Distribution): Sampler {
    let cached = this.samplers.get(distribution);
    if (!cached) this.samplers.set(distribution, (cached = sampler(distribution)));
    return cached;
  }

  private onEnRoute(unit: UnitRuntime): void {
    const now = this.engine.now;
    let seconds = unit.approach
      ? unit.approach(this.streams.approach)
      : this.travel.seconds(unit.place, unit.tripTo, now, true);
    const incident = this.incidents[unit.incident]!;
    const controlled = incident.trafficControlFrom <= now && !unit.approach;
    if (controlled) seconds /= this.scenario.rules.traffic.speedFactor;
    if (seconds === Infinity) {
      this.releaseUnreachable(unit);
      return;
    }
    unit.state = UnitState.EnRoute;
    unit.tripDeparture = now;
    this.trace.record(
      now,
      RecordKind.enRoute,
      unit.incident,
      unit.index,
      unit.place,
      controlled ? Cause.trafficControl : Cause.none,
      now - unit.orderReceivedAt,
    );
    if (this.travelNoise) seconds *= this.travelNoise();
    // Already there (zero travel): arrive now rather than through the event queue.
    if (seconds === 0) this.onArrived(unit);
    else unit.pending = this.engine.schedule(now + seconds, EV_ARRIVED, unit.index);
  }

  private onArrived(unit: UnitRuntime): void {
    const now = this.engine.now;
    unit.state = UnitState.OnScene;
    unit.place = unit.tripTo;
    this.trace.record(
      now,
      RecordKind.arrived,
      unit.incident,
      unit.index,
      unit.place,
      Cause.none,
      now - unit.tripDeparture,
    );
    const incident = this.incidents[unit.incident]!;
    incident.arrivals++;
    unit.pending = this.engine.schedule(now + incident.work[unit.slot], EV_CLEARED, unit.index);
    unit.arrivedAt = now;
    unit.clearAt = now + incident.work[unit.slot];
    this.firstReceiverOnArrival(unit, incident);
    if (incident.arrivals === 1) this.requestSupplies(incident);
    this.expectReport(unit, incident, Cause.arrivalReport);
  }

  /**
   * Rule 3, first-receiver responsibility: the first unit on scene, if its agency is not the one
   * responsible for the kind, acts first; when the responsible agency's unit arrives it takes
   * over, and the first receiver leaves after the hand-over (if its own work would last longer).
   */
  private firstReceiverOnArrival(unit: UnitRuntime, incident: IncidentRuntime): void {
    const rule = this.scenario.rules.firstReceiver;
    if (!rule.enabled) return;
    const kindId = this.scenario.incidentKinds[incident.kind].id;
    if (!Object.hasOwn(rule.responsible, kindId)) return;
    const responsible = rule.responsible[kindId];
    const now = this.engine.now;
    const isResponsible = this.scenario.agencies[unit.agency].id === responsible;
    if (incident.arrivals === 1 && !isResponsible) {
      incident.firstReceiver = unit.index;
      incident.firstReceiverSince = now;
      this.trace.record(
        now,
        RecordKind.firstReceiverActing,
        incident.index,
        unit.index,
        unit.place,
        Cause.firstReceiver,
        0,
      );
      return;
    }
    if (!isResponsible || incident.firstReceiver < 0) return;
    const first = this.units[incident.firstReceiver];
    incident.firstReceiver = -1;
    this.trace.record(
      now,
      RecordKind.commandHandedOver,
      incident.index,
      unit.index,
      unit.place,
      Cause.firstReceiver,
      now - incident.firstReceiverSince,
    );
    if (first.state !== UnitState.OnScene || first.incident !== incident.index) return;
    const leaveAt = now + this.delaySampler(rule.handover)(this.streams.handover);
    if (leaveAt < first.clearAt) {
      this.engine.cancel(first.pending as EventHandle);
      first.pending = this.engine.schedule(leaveAt, EV_CLEARED, first.index);
      first.clearAt = leaveAt;
    }
  }

  /**
   * Rule 10: the forward HQ asks the rear for the kind's supplies; they come after the
   * fulfilment delay, or later when the rear's stock cannot cover them. Work cannot finish first.
   */
  private requestSupplies(incident: IncidentRuntime): void {
    const rule = this.scenario.rules.rearSupply;
    const wanted = this.kinds[incident.kind].supplies;
    if (!rule.enabled || !wanted) return;
    let total = 0;
    let short = false;
    for (const [item, quantity] of Object.entries(wanted)) {
      const left = this.stocks.get(item) ?? 0;
      if (left < quantity) short = true;
      this.stocks.set(item, Math.max(0, left - quantity));
      total += quantity;
    }
    const now = this.engine.now;
    this.trace.record(
      now,
      RecordKind.requested,
      incident.index,
      -1,
      incident.place,
      Cause.rearHQ,
      total,
    );
    const delay =
      this.delaySampler(rule.fulfilment)(this.streams.approvals) + (short ? rule.stockOutDelay : 0);
    incident.suppliesRequestedAt = now;
    incident.suppliesAt = now + delay;
    this.engine.schedule(incident.suppliesAt, EV_SUPPLIED, incident.index, short ? 1 : 0);
  }

  private onSupplied(index: number, short: number): void {
    const incident = this.incidents[index];
    if (!incident) return;
    const now = this.engine.now;
    this.trace.record(
      now,
      RecordKind.supplied,
      index,
      -1,
      incident.place,
      short ? Cause.stockOut : Cause.rearHQ,
      now - incident.suppliesRequestedAt,
    );
  }

  /** Rule 13: the unit's report reaches the centre after a delay, or never. */
  private expectReport(unit: UnitRuntime, incident: IncidentRuntime, cause: number): void {
    const feedback = this.scenario.rules.feedback;
    if (!feedback.enabled) return;
    const stream = this.streams.feedback;
    const missing = stream.next() < feedback.missingShare;
    const delay = missing
      ? feedback.lateAfter
      : this.delaySampler(
          cause === Cause.arrivalReport ? feedback.arrivalReport : feedback.completionReport,
        )(stream);
    const report =
      this.reports.push({
        incident: incident.index,
        unit: unit.index,
        place: unit.place,
        cause,
        delay,
        missing,
      }) - 1;
    this.engine.schedule(this.engine.now + delay, EV_REPORT, report);
  }

  private onReport(index: number): void {
    const report = this.reports[index]!;
    this.reports[index] = undefined;
    const kind = report.missing
      ? RecordKind.reportMissing
      : report.delay > this.scenario.rules.feedback.lateAfter
        ? RecordKind.reportedLate
        : RecordKind.reported;
    const value = report.missing ? 0 : report.delay;
    this.trace.record(
      this.engine.now,
      kind,
      report.incident,
      report.unit,
      report.place,
      report.cause,
      value,
    );
  }

  private onCleared(unit: UnitRuntime): void {
    const now = this.engine.now;
    const incident = this.incidents[unit.incident]!;
    if (incident.suppliesAt > now) {
      // Work cannot finish before the rear's supplies are on scene (rule 10).
      unit.pending = this.engine.schedule(incident.suppliesAt, EV_CLEARED, unit.index);
      unit.clearAt = incident.suppliesAt;
      return;
    }
    // The drawn work time, unless a rule (first receiver, supplies) moved the end.
    const work = incident.work[unit.slot];
    const moved = unit.clearAt !== unit.arrivedAt + work;
    const onScene = moved ? now - unit.arrivedAt : work;
    // Why the end moved: the rear's supplies (rule 10) or a hand-over (rule 3).
    const clearCause = !moved
      ? Cause.none
      : now === incident.suppliesAt
        ? Cause.rearHQ
        : Cause.firstReceiver;
    this.trace.record(
      now,
      RecordKind.cleared,
      incident.index,
      unit.index,
      unit.place,
      clearCause,
      onScene,
    );
    // A first receiver leaving before the responsible unit came hands over to nobody.
    if (incident.firstReceiver === unit.index) incident.firstReceiver = -1;
    incident.active--;
    this.expectReport(unit, incident, Cause.completionReport);
    unit.incident = -1;
    unit.slot = -1;
    this.closeIfDone(incident);
    let seconds = unit.approach
      ? unit.approach(this.streams.approach)
      : this.travel.seconds(unit.place, unit.basePlace, now, false);
    if (seconds > 0 && this.travelNoise && !unit.approach) seconds *= this.travelNoise();
    unit.tripTo = unit.basePlace;
    unit.tripDeparture = now;
    if (seconds === Infinity) {
      // The way home is cut: the unit waits where it is, free, until the road reopens.
      unit.state = UnitState.Available;
      unit.pending = -1;
      this.trace.record(now, RecordKind.available, -1, unit.index, unit.place, Cause.closeRoad, 0);
      this.offer(unit);
    } else if (seconds > 0) {
      unit.state = UnitState.Returning;
      unit.pending = this.engine.schedule(now + seconds, EV_AVAILABLE, unit.index);
      this.offer(unit);
    } else {
      this.onBackAtBase(unit);
    }
  }

  /**
   * A unit about to leave finds no open road to the incident (closed since it was chosen): it
   * stays free where it is, and the incident's slot goes back to dispatch.
   */
  private releaseUnreachable(unit: UnitRuntime): void {
    const incident = this.incidents[unit.incident]!;
    incident.slotUnit[unit.slot] = SLOT_OPEN;
    incident.open++;
    incident.active--;
    unit.state = UnitState.Available;
    unit.incident = -1;
    unit.slot = -1;
    unit.pending = -1;
    const now = this.engine.now;
    this.trace.record(now, RecordKind.available, -1, unit.index, unit.place, Cause.closeRoad, 0);
    if (!incident.queued) this.dispatchIncident(incident);
    this.offer(unit);
  }

  /** After a road reopens or a unit returns to service: free units look at the queue again. */
  private offerAll(): void {
    for (const unit of this.units) {
      if (this.waiting.length === 0) return;
      if (unit.state === UnitState.Available || unit.state === UnitState.Returning)
        this.offer(unit);
    }
  }

  /** Units left away from base by a closed road head home once they can. */
  private sendStrandedHome(): void {
    const now = this.engine.now;
    for (const unit of this.units) {
      if (unit.state !== UnitState.Available || unit.place === unit.basePlace) continue;
      const seconds = this.travel.seconds(unit.place, unit.basePlace, now, false);
      if (seconds === Infinity) continue;
      unit.state = UnitState.Returning;
      unit.tripTo = unit.basePlace;
      unit.tripDeparture = now;
      unit.pending = this.engine.schedule(now + seconds, EV_AVAILABLE, unit.index);
    }
  }

  private onBackAtBase(unit: UnitRuntime): void {
    const now = this.engine.now;
    const returnSeconds = now - unit.tripDeparture;
    unit.place = unit.basePlace;
    unit.pending = -1;
    if (unit.outOfServiceAfterJob) {
      unit.outOfServiceAfterJob = false;
      unit.state = UnitState.OutOfService;
      this.trace.record(
        now,
        RecordKind.outOfService,
        -1,
        unit.index,
        unit.place,
        Cause.unitOutOfService,
        0,
      );
      return;
    }
    unit.state = UnitState.Available;
    this.trace.record(
      now,
      RecordKind.available,
      -1,
      unit.index,
      unit.place,
      Cause.none,
      returnSeconds,
    );
    if (unit.reserve) this.offerReserve(unit);
    else this.offer(unit);
  }

  private closeIfDone(incident: IncidentRuntime): void {
    if (incident.open > 0 || incident.active > 0) return;
    const now = this.engine.now;
    this.trace.record(
      now,
      RecordKind.closed,
      incident.index,
      -1,
      incident.place,
      Cause.none,
      now - incident.callTime,
    );
    this.incidents[incident.index] = undefined;
    this.maybeCallBack(incident);
  }

  /** Rule 14's call-back (回访): some callers are phoned back and rate the response. */
  private maybeCallBack(incident: IncidentRuntime): void {
    const feedback = this.scenario.rules.feedback;
    if (!feedback.enabled) return;
    const stream = this.streams.feedback;
    if (stream.next() >= feedback.callBackShare) return;
    const u = stream.next();
    const rating =
      u < feedback.unsatisfiedShare
        ? 2
        : u < feedback.unsatisfiedShare + feedback.basicallySatisfiedShare
          ? 1
          : 0;
    this.trace.record(
      this.engine.now,
      RecordKind.callBack,
      incident.index,
      -1,
      incident.place,
      Cause.none,
      rating,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Duty, external events, end of run

  private scheduleDutyStart(unit: UnitRuntime): void {
    const wait = unit.duty.untilNextStart(this.calendar.weekSecond(this.engine.now));
    if (wait < Infinity) this.engine.schedule(this.engine.now + wait, EV_DUTY_START, unit.index);
  }

  private onDutyStart(unit: UnitRuntime): void {
    this.offer(unit);
    this.scheduleDutyStart(unit);
  }

  private onExternalEvent(index: number): void {
    const event = this.scenario.events[index];
    const now = this.engine.now;
    const record = (cause: number, value: number, unit = -1) =>
      this.trace.record(now, RecordKind.external, -1, unit, -1, cause, value);
    switch (event.type) {
      case 'damageRoad':
        this.travel.setEdgesClosed(event.edges, true);
        record(Cause.roadDamage, event.edges.length);
        this.engine.schedule(now + event.repairSeconds, EV_ROAD_REPAIRED, index);
        return;
      case 'closeRoad':
      case 'openRoad':
        this.travel.setEdgesClosed(event.edges, event.type === 'closeRoad');
        record(event.type === 'closeRoad' ? Cause.closeRoad : Cause.openRoad, event.edges.length);
        if (event.type === 'openRoad') {
          this.sendStrandedHome();
          this.offerAll();
        }
        return;
      case 'unitOutOfService':
      case 'unitInService': {
        const unit = this.units.find((u) => u.id === event.unit);
        if (!unit) return;
        if (event.type === 'unitOutOfService') {
          record(Cause.unitOutOfService, 0, unit.index);
          if (unit.state === UnitState.Available) {
            unit.state = UnitState.OutOfService;
            this.trace.record(
              now,
              RecordKind.outOfService,
              -1,
              unit.index,
              unit.place,
              Cause.unitOutOfService,
              0,
            );
          } else if (unit.state !== UnitState.OutOfService) {
            unit.outOfServiceAfterJob = true;
          }
        } else {
          record(Cause.unitInService, 0, unit.index);
          unit.outOfServiceAfterJob = false;
          if (unit.state === UnitState.OutOfService) {
            unit.state = UnitState.Available;
            this.trace.record(
              now,
              RecordKind.inService,
              -1,
              unit.index,
              unit.place,
              Cause.unitInService,
              0,
            );
            this.offer(unit);
          }
        }
        return;
      }
      case 'season':
        if (event.active) this.seasons.add(event.season);
        else this.seasons.delete(event.season);
        record(Cause.season, event.active ? 1 : 0);
        return;
      case 'responseLevel': {
        this.responseLevel = event.level;
        record(Cause.responseLevel, event.level);
        const prepositioned = troopsPrepositioned(this.scenario.rules, event.level);
        if (prepositioned && !this.prepositioned) {
          for (const unit of this.units) {
            if (unit.sector !== 'military' || unit.reserve) continue;
            this.trace.record(
              now,
              RecordKind.prepositioned,
              -1,
              unit.index,
              unit.place,
              Cause.responseLevel,
              event.level,
            );
          }
        }
        this.prepositioned = prepositioned;
        return;
      }
      case 'callRateFactor':
        this.rateFactor = event.factor;
        record(Cause.callRateFactor, event.factor);
        // The arrival process is memoryless: redraw the next candidate at the new rate.
        if (this.nextGeneratedCall !== -1) this.engine.cancel(this.nextGeneratedCall);
        this.scheduleNextGeneratedCall();
        return;
    }
  }

  /** Transport has repaired the roads of a damageRoad event: they reopen. */
  private onRoadRepaired(index: number): void {
    const event = this.scenario.events[index];
    if (event.type !== 'damageRoad') return;
    this.travel.setEdgesClosed(event.edges, false);
    this.trace.record(
      this.engine.now,
      RecordKind.external,
      -1,
      -1,
      -1,
      Cause.openRoad,
      event.edges.length,
    );
    this.sendStrandedHome();
    this.offerAll();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const incident of this.waiting.slice()) {
      this.dequeue(incident);
      this.trace.record(
        this.engine.now,
        RecordKind.unanswered,
        incident.index,
        -1,
        incident.place,
        Cause.endOfRun,
        incident.open,
      );
    }
  }
}

/** About how many records a run writes (eight per call), so the trace rarely has to grow. */
function expectedRecords(scenario: Scenario): number {
  const callsPerDay = scenario.arrivals.streams.reduce((sum, s) => sum + s.callsPerDay, 0);
  const calls = (callsPerDay * scenario.duration) / 86_400 + scenario.arrivals.incidents.length;
  // Capped (4 M records, 120 MB): a huge run grows its trace as it goes rather than claiming
  // all its memory up front.
  return Math.min(Math.max(4096, Math.ceil(calls * 8)), 1 << 22);
}

function inDistrict(point: LonLat, district: DistrictRuntime): boolean {
  return district.rings.some((ring) => pointInPolygon(point, ring));
}

/** Area of a ring in squared degrees (shoelace); only ratios between parts are used. */
function planarArea(ring: readonly LonLat[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(twice) / 2;
}

function normalised(weights: readonly number[], length: number): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  return Float64Array.from(weights, (w) => (total > 0 ? (w * length) / total : 0));
}
