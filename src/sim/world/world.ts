/**
 * The world of one run: the clock and event queue, the roster, the incidents and the queue of
 * those waiting, the rules' hooks, and the three sockets through which everything else comes in:
 * rules (rules/), commands (commands.ts: the one door from outside) and the dispatch policy
 * (dispatch/: every assignment of a unit). Every state change goes to the trace.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import { Calendar } from '../calendar.ts';
import { Engine } from '../engine.ts';
import type { LonLat } from '../../lib/geo.ts';
import { makeStream, sampler, type Sampler, type Stream } from '../random.ts';
import { installRules, type Hooks } from '../rules/registry.ts';
import { Cause, RecordKind, TraceBuilder } from '../trace.ts';
import { makeTravelModel, type TravelModel } from '../travel.ts';
import { Dispatcher, type DispatchOptions } from '../dispatch/dispatcher.ts';
import { CallGenerator } from './calls.ts';
import { CommandDoor } from './commands.ts';
import { Districts } from './places.ts';
import { OpenIncidents } from './openIncidents.ts';
import { WaitingQueue } from './queue.ts';
import { WaitingRoom } from './shortfall.ts';
import { lognormalNoise, PatientTransport } from './transport.ts';
import { buildRoster, Capabilities, type Roster } from './roster.ts';
import { SLOT_OPEN, UnitState, type Incident, type Kind, type Unit } from './types.ts';
import { UnitCycle } from './unitCycle.ts';

/** The world's own streams; each rule has its own besides (rules/registry.ts). */
const WORLD_STREAMS = [
  'arrivals',
  'kinds',
  'places',
  'callHandling',
  'mobilisation',
  'work',
  'travel',
  'outsideHelp',
  'addedWork',
  'approach',
] as const;

export interface WorldOptions extends DispatchOptions {
  /** A travel model made already for this scenario (the replay's), instead of a new one. */
  travel?: TravelModel;
}

export class World {
  readonly engine = new Engine();
  readonly trace: TraceBuilder;
  readonly calendar: Calendar;
  readonly travel: TravelModel;
  readonly districts: Districts;
  readonly capabilities = new Capabilities();
  readonly streams: Record<(typeof WORLD_STREAMS)[number], Stream>;
  readonly hooks: Hooks;
  readonly roster: Roster;
  readonly units: Unit[];
  readonly kinds: Kind[];
  /** The incidents open now, by number (`get`: undefined once closed). */
  readonly incidents = new OpenIncidents();
  readonly waiting: WaitingQueue;
  private readonly waitingRoom: WaitingRoom;
  readonly cycle: UnitCycle;
  readonly dispatcher: Dispatcher;
  readonly door: CommandDoor;
  readonly calls: CallGenerator;
  /** Patient transport to hospitals, when a kind asks for it. */
  readonly transport: PatientTransport | null;
  /** Seasons switched on (flood, forestFire), for the rules that depend on them. */
  readonly seasons = new Set<string>();
  responseLevel = 0;
  /** A travel time's random factor (lognormal, mean 1), or null when travel is exact. */
  readonly travelNoise: (() => number) | null;
  private readonly callHandling: Sampler;
  private readonly samplers = new Map<object, Sampler>();
  private readonly assessedEvent: number;
  private nextEventKind = 0;
  private finished = false;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    options: WorldOptions = {},
  ) {
    this.calendar = new Calendar(scenario.start);
    const expected = expectedSize(scenario);
    this.trace = new TraceBuilder(expected.records, expected.incidents);
    this.travel =
      options.travel ??
      makeTravelModel(
        scenario.travel,
        scenario.districts.map((d) => d.id),
        this.calendar,
      );
    this.districts = new Districts(scenario);
    this.streams = Object.fromEntries(
      WORLD_STREAMS.map((name) => [name, makeStream(seed, name)]),
    ) as World['streams'];
    this.callHandling = sampler(scenario.dispatch.callHandling);
    this.travelNoise = lognormalNoise(this.travel.noiseCv, this.streams.travel);
    this.hooks = installRules(this);
    this.roster = buildRoster(scenario, this.travel, this.districts, this.capabilities, {
      duty: (tier, own) => own ?? this.hooks.duty(tier),
      extraMobilisation: (unit) => this.hooks.extraMobilisation(unit),
      reserves: this.hooks.reserves,
    });
    this.units = this.roster.units;
    this.kinds = this.roster.kinds;
    this.waiting = new WaitingQueue(this.kinds);
    this.cycle = new UnitCycle(this);
    this.dispatcher = new Dispatcher(this, options);
    this.door = new CommandDoor(this);
    this.calls = new CallGenerator(
      scenario,
      this.engine,
      this.calendar,
      this.streams,
      (handler) => this.event(handler),
      (kind, district) =>
        this.receiveCall(
          kind,
          district,
          this.districts.randomPointIn(district, this.streams.places),
          Cause.generatedCall,
        ),
    );
    this.assessedEvent = this.event((incident) => this.assess(incident));
    this.waitingRoom = new WaitingRoom(this);
    this.transport = PatientTransport.needed(this) ? new PatientTransport(this) : null;
  }

  /** Starts the run: calls, the scenario's commands, duty rounds. */
  start(): void {
    this.calls.start();
    this.door.start();
    this.cycle.start();
  }

  /** Registers the handler of a new event kind (the engine only sees integers) and returns it. */
  event(handler: (argA: number, argB: number) => void): number {
    const kind = this.nextEventKind++;
    this.engine.on(kind, handler);
    return kind;
  }

  get now(): number {
    return this.engine.now;
  }

  /** Writes a record at the current time. */
  record(
    kind: number,
    incident: number,
    unit: number,
    place: number,
    cause: number,
    value: number,
  ) {
    this.trace.record(this.engine.now, kind, incident, unit, place, cause, value);
  }

  /** A sampler of a distribution from the scenario, made once. */
  sampler(distribution: Parameters<typeof sampler>[0]): Sampler {
    let cached = this.samplers.get(distribution);
    if (!cached) this.samplers.set(distribution, (cached = sampler(distribution)));
    return cached;
  }

  kindId(incident: Incident): string {
    return this.kinds[incident.kind].id;
  }

  agencyId(unit: Unit): string {
    return this.scenario.agencies[unit.agency].id;
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  /**
   * A call is received. Everything random about the incident is drawn now, in a fixed order,
   * so that variants of a scenario see the same incidents (common random numbers).
   */
  receiveCall(
    kindIndex: number,
    district: number,
    point: LonLat,
    cause: number,
    given: { severity?: number; participants?: number } = NOTHING_GIVEN,
  ): void {
    const kind = this.kinds[kindIndex];
    const place = this.travel.placeOf(point, district);
    const index = this.trace.addIncident(kindIndex, district, place);
    const slotWork = kind.slotWork;
    const slots = slotWork.length;
    // One slot (most kinds) as literals: a pushed-to empty array takes room for 17.
    let work: number[];
    let slotUnit: number[];
    if (slots === 1) {
      work = [slotWork[0](this.streams.work)];
      slotUnit = [SLOT_OPEN];
    } else {
      work = [];
      slotUnit = [];
      for (let s = 0; s < slots; s++) {
        work.push(slotWork[s](this.streams.work));
        slotUnit.push(SLOT_OPEN);
      }
    }
    const handling = (kind.handling ?? this.callHandling)(this.streams.callHandling);
    const incident: Incident = {
      index,
      kind: kindIndex,
      district,
      place,
      callTime: this.engine.now,
      slotCapability: kind.slotCapability,
      slotUnit,
      work,
      open: slots,
      active: 0,
      queued: false,
      queuedAt: 0,
      deadline: -1,
      severity: given.severity ?? kind.severity,
      participants: given.participants ?? NaN,
      arrivals: 0,
      growthStep: 0,
      outsideOnScene: false,
    };
    this.incidents.open(incident);
    this.record(RecordKind.callReceived, index, -1, place, cause, kindIndex);
    const received = this.hooks.callReceived;
    for (let h = 0; h < received.length; h++) received[h](incident);
    if (handling > 0) this.engine.schedule(this.engine.now + handling, this.assessedEvent, index);
    else this.assess(index);
  }

  /** Judged (研判): screened out by a rule (12345), or the rules act on it and it is dispatched. */
  private assess(index: number): void {
    const incident = this.incidents.get(index)!;
    const screens = this.hooks.screen;
    for (let h = 0; h < screens.length; h++) {
      if (screens[h](incident)) {
        this.incidents.close(index);
        return;
      }
    }
    const judged = this.hooks.incidentJudged;
    for (let h = 0; h < judged.length; h++) judged[h](incident, false);
    this.dispatcher.dispatchIncident(incident);
  }

  /** Adds needs to an incident as open slots; returns how many. */
  addSlots(incident: Incident, needs: ReadonlyArray<{ capability: string; units: number }>) {
    const capabilities = Array.from(incident.slotCapability);
    let added = 0;
    for (const need of needs) {
      const capability = this.capabilities.index(need.capability);
      for (let i = 0; i < need.units; i++) {
        capabilities.push(capability);
        incident.slotUnit.push(SLOT_OPEN);
        // Own stream: slots added by rules must not shift other calls' work times.
        const kind = this.kinds[incident.kind];
        const onScene = kind.workByCapability?.get(capability) ?? kind.work;
        incident.work.push(onScene(this.streams.addedWork));
        added++;
      }
    }
    incident.slotCapability = capabilities;
    incident.open += added;
    if (added > 0) this.waiting.list(incident); // a waiting incident waits for these too
    if (added > 0) for (const hook of this.hooks.slotsAdded) hook(incident);
    return added;
  }

  /** Not enough units: queue, or pass to outside help now or after a delay. */
  shortfall(incident: Incident, cause: number): void {
    this.waitingRoom.shortfall(incident, cause);
  }

  /** Every slot is filled: the incident leaves the queue and its deadline is void. */
  stopWaiting(incident: Incident): void {
    this.waitingRoom.stopWaiting(incident);
  }

  closeIfDone(incident: Incident): void {
    if (incident.open > 0 || incident.active > 0) return;
    const now = this.engine.now;
    this.record(
      RecordKind.closed,
      incident.index,
      -1,
      incident.place,
      Cause.none,
      now - incident.callTime,
    );
    this.incidents.close(incident.index);
    const closed = this.hooks.incidentClosed;
    for (let h = 0; h < closed.length; h++) closed[h](incident);
  }

  // -------------------------------------------------------------------------------------------
  // Units as dispatch sees them

  dispatchable(unit: Unit): boolean {
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

  atBase(unit: Unit): boolean {
    return unit.state === UnitState.Available && unit.place === unit.basePlace;
  }

  /**
   * Where a unit is now: at its place, or somewhere on its way back to base. Unless `keep`
   * (the unit is turned round there), only a look: no place is added to the run's places.
   */
  currentPlace(unit: Unit, keep = false): number {
    if (unit.state !== UnitState.Returning) return unit.place;
    return this.travel.positionAfter(
      unit.place,
      unit.tripTo,
      unit.tripDeparture,
      this.engine.now - unit.tripDeparture,
      keep,
    );
  }

  travelEstimate(unit: Unit, incident: Incident, limit = Infinity): number {
    return this.travel.seconds(
      this.currentPlace(unit),
      incident.place,
      this.engine.now,
      this.kinds[incident.kind].drive,
      limit,
    );
  }

  // -------------------------------------------------------------------------------------------
  // End of run

  /** Runs until the end, a pending decision, or `maxEvents` events; true when finished. */
  run(maxEvents: number): boolean {
    if (this.finished) return true;
    if (this.dispatcher.pending) return false;
    const done = this.engine.run(this.scenario.duration, maxEvents);
    if (done) {
      this.finish();
      return true;
    }
    return false;
  }

  private finish(): void {
    this.finished = true;
    for (const incident of this.waiting.takeAll()) {
      this.record(
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

const NOTHING_GIVEN: { severity?: number; participants?: number } = {};

/**
 * The trace's first capacity: the calls the scenario's arrivals expect over its horizon, at 10
 * records a call (the built-in scenarios write 7 to 17), and a quarter more incidents than calls
 * (rules add some). Pages of a typed array that are never written take no memory, so a generous
 * estimate costs little, while growing a big trace copies it; past the cap (16 M records,
 * 540 MiB) the trace grows as it goes.
 */
function expectedSize(scenario: Scenario): { records: number; incidents: number } {
  const callsPerDay = scenario.arrivals.streams.reduce((sum, s) => sum + s.callsPerDay, 0);
  const calls = (callsPerDay * scenario.duration) / 86_400 + scenario.arrivals.incidents.length;
  const bounded = (n: number, cap: number) =>
    n > 0 ? Math.min(Math.max(1024, Math.ceil(n)), cap) : 1024;
  return { records: bounded(calls * 10, 1 << 24), incidents: bounded(calls * 1.25, 1 << 22) };
}
