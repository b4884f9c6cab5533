/**
 * A session: one run that can be driven from outside. `advance` runs until the end, a decision
 * the policy asks for, or a number of events; `submit` takes a command (a drill's inject, an
 * operator's answer) through the world's one door. A session is fully determined by its
 * scenario, seed, options and command log: replaying the log gives the same trace, byte for byte.
 */
import type { Command, CommandSource, LoggedCommand } from '../scenarios/commands.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { DispatchAnswer, DispatchDecision } from './dispatch/policy.ts';
import { TRACE_FORMAT, TRACE_FORMAT_VERSION, type Trace, type TraceBuilder } from './trace.ts';
import { decodeRecord } from './decodeRecord.ts';
import type { TraceRecord } from './records.ts';
import type { LonLat } from '../lib/geo.ts';
import type { TravelModel } from './travel.ts';
import type { DispatchOptions } from './dispatch/dispatcher.ts';
import type { Staffing } from './analysis/allBusy.ts';
import { World } from './world/world.ts';

export type SessionOptions = DispatchOptions;

/** The columns of the records written so far (see TraceBuilder), to read, not to write. */
export type LiveRecords = Readonly<
  Pick<
    TraceBuilder,
    'length' | 'time' | 'kind' | 'incident' | 'unit' | 'cause' | 'value' | 'command'
  >
>;

/** A unit as runs number it (the trace's `units`), with its base. */
export interface RosterUnit {
  id: string;
  /** The scenario's unit (or pool) it is a copy of, and which copy (1 first). */
  spec: string;
  copy: number;
  /** A pooled unit of another district or city (rule 7): no base here. */
  reserve: boolean;
  /** Its base's place in the travel model (−1: none) and its location. */
  basePlace: number;
  home: LonLat | null;
}

/** The scenario's units as a run makes them, without running (with `travel`: in that model). */
export function rosterOf(scenario: Scenario, travel?: TravelModel): RosterUnit[] {
  const world = new World(scenario, 0, { travel });
  return world.units.map((unit) => ({
    id: unit.id,
    spec: unit.spec,
    copy: unit.copy,
    reserve: unit.reserve,
    basePlace: unit.basePlace,
    home: unit.base >= 0 ? scenario.bases[unit.base].location : null,
  }));
}

export type AdvanceResult =
  | { status: 'running'; time: number }
  | { status: 'decision'; time: number; decision: DispatchDecision }
  | { status: 'finished'; time: number };

export class Session {
  private readonly world: World;
  private readonly log: LoggedCommand[] = [];
  private finished = false;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    readonly options: SessionOptions = {},
  ) {
    this.world = new World(scenario, seed, options);
    this.world.start();
  }

  get unitCount(): number {
    return this.world.units.length;
  }

  /** The units' ids and their agencies' ids, as the trace's header lists them (so far). */
  get unitIds(): string[] {
    return this.world.units.map((unit) => unit.id);
  }

  /** What the run's units can do and when they are on duty, for the all-busy figures. */
  staffing(): Staffing {
    const world = this.world;
    const names = world.capabilities.names;
    const needed = new Set<string>();
    for (const kind of this.scenario.incidentKinds) {
      for (const need of kind.needs) needed.add(need.capability);
      for (const step of kind.growth?.steps ?? []) {
        for (const need of step.addNeeds) needed.add(need.capability);
      }
    }
    return {
      capabilities: world.units.map((unit) => [...unit.capabilities].map((c) => names[c])),
      duty: world.units.map((unit) => unit.duty),
      startWeekSecond: world.calendar.startWeekSecond,
      redispatchReturning: this.scenario.dispatch.redispatchReturning,
      needed: [...needed],
    };
  }

  get unitAgencies(): string[] {
    return this.world.units.map((unit) => this.scenario.agencies[unit.agency].id);
  }

  get time(): number {
    return this.world.now;
  }

  /** Events handled so far. */
  get events(): number {
    return this.world.engine.eventsHandled;
  }

  /** The commands submitted so far, in order: with the scenario and seed, the whole session. */
  get commandLog(): readonly LoggedCommand[] {
    return this.log;
  }

  /**
   * The records written so far, read-only, for watchers that react as the run goes (a drill's
   * conditions). The arrays may be replaced as the trace grows: read them afresh after `advance`.
   */
  get records(): LiveRecords {
    return this.world.trace;
  }

  /** When the next event is due (Infinity: none), for a clock that paces the run. */
  get nextEventTime(): number {
    return this.world.engine.peekTime();
  }

  /** The records written since record `from`, decoded (a trainee's console follows the run). */
  recordsSince(from: number): TraceRecord[] {
    const live = this.world.trace as unknown as Trace;
    const records: TraceRecord[] = [];
    for (let i = Math.max(0, from); i < this.world.trace.length; i++)
      records.push(decodeRecord(live, i));
    return records;
  }

  /** The decision the run waits for, if any. */
  get decision(): DispatchDecision | null {
    return this.world.dispatcher.pending?.decision ?? null;
  }

  advance(maxEvents = Infinity): AdvanceResult {
    const time = this.world.now;
    if (this.decision) return { status: 'decision', time, decision: this.decision };
    this.finished = this.world.run(maxEvents);
    const decision = this.decision;
    if (decision) return { status: 'decision', time: this.world.now, decision };
    return { status: this.finished ? 'finished' : 'running', time: this.world.now };
  }

  /**
   * Takes a command from outside: it acts now, or at `at` if that is later. A command that
   * cannot apply (an unknown unit, no decision open…) is refused with an error and not logged.
   */
  submit(
    command: Command,
    { source = 'operator', id, at }: { source?: CommandSource; id?: string; at?: number } = {},
  ): number {
    if (this.finished) throw new Error('the run has finished');
    const entry: LoggedCommand = {
      id: id ?? `${source}-${this.log.length + 1}`,
      source,
      afterEvents: this.world.engine.eventsHandled,
      at: Math.max(at ?? this.world.now, this.world.now),
      command,
    };
    const index = this.world.door.submit(entry);
    this.log.push(entry);
    return index;
  }

  /** Answers the open decision (a command of the operator's). */
  answer(answer: DispatchAnswer): number {
    const decision = this.decision;
    if (!decision) throw new Error('no decision is pending');
    return this.submit({ type: 'dispatch', decision: decision.number, answer });
  }

  /** The finished trace. Call after `advance` returned finished. */
  finishTrace(): Trace {
    const world = this.world;
    const s = this.scenario;
    const units = world.units;
    const trace = world.trace;
    let maxPlace = -1;
    const place = trace.place;
    for (let i = 0; i < trace.length; i++) if (place[i] > maxPlace) maxPlace = place[i];
    const places: number[] = [];
    for (let p = 0; p <= maxPlace; p++) places.push(...world.travel.coordinates(p));
    return trace.finish(
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
        kindTargetTiers: world.kinds.map((kind) => {
          const capable = world.roster.unitsByCapability[kind.slotCapability[0]] ?? [];
          const tiers = capable.map((u) => units[u].tier);
          return tiers.length > 0 ? Math.min(...tiers) : 0;
        }),
        districts: s.districts.map((d) => d.id),
        districtAreas: s.districts.map((d) => d.area),
        commands: {
          scenarioEvents: s.events.length,
          listedCalls: s.arrivals.incidents.length,
          submitted: world.door.submittedSources,
        },
      },
      Float64Array.from(places),
      world.dispatcher.table?.finish(world.capabilities.names),
    );
  }
}

/**
 * Replays a command log: each command is submitted after the same number of events as when it
 * was logged. With the same scenario, seed and options the trace is the logged session's.
 */
export function replaySession(
  scenario: Scenario,
  seed: number,
  log: readonly LoggedCommand[],
  options: SessionOptions = {},
): Session {
  const session = new Session(scenario, seed, options);
  for (const entry of log) {
    while (session.events < entry.afterEvents) {
      const result = session.advance(entry.afterEvents - session.events);
      if (result.status === 'finished') break;
      if (result.status === 'decision' && session.events < entry.afterEvents) {
        throw new Error(`the log has no answer for decision ${result.decision.number}`);
      }
    }
    session.submit(entry.command, { source: entry.source, id: entry.id, at: entry.at });
  }
  return session;
}
