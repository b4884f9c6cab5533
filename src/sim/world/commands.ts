/**
 * The one door for anything that enters a run from outside at a time: the scenario's external
 * events and listed calls, a drill's injects, an operator's answers. Commands are numbered in one
 * sequence — the scenario's events first, then its listed calls (in order of time), then those
 * submitted while the run goes — and the trace records which command caused each record.
 * Answers to dispatch decisions are not numbered: they are traced as the decisions they answer
 * (a `decision` record where the answer differs from the policy's proposal).
 */
import type { CallCommand, Command, LoggedCommand } from '../../scenarios/commands.ts';
import { ExternalEvent, type ListedIncident } from '../../scenarios/schema.ts';
import { Cause, RecordKind } from '../trace.ts';
import { UnitState } from './types.ts';
import type { World } from './world.ts';

export class CommandDoor {
  /** The scenario's listed calls, in order of time (stable). */
  private readonly listed: ListedIncident[];
  private listedCursor = 0;
  private readonly submitted: LoggedCommand[] = [];
  private readonly listedEvent: number;
  private readonly commandEvent: number;
  private readonly repairedEvent: number;
  private readonly eventCount: number;

  constructor(private readonly world: World) {
    const scenario = world.scenario;
    this.eventCount = scenario.events.length;
    this.listed = scenario.arrivals.incidents.slice().sort((a, b) => a.time - b.time);
    this.listedEvent = world.event(() => this.onListedCall());
    this.commandEvent = world.event((index) => this.apply(index));
    this.repairedEvent = world.event((index) => this.onRoadRepaired(index));
  }

  /** Schedules the scenario's commands: the first listed call, and every external event. */
  start(): void {
    const { engine, scenario } = this.world;
    if (this.listed.length > 0) engine.schedule(this.listed[0].time, this.listedEvent);
    scenario.events.forEach((event, index) => engine.schedule(event.at, this.commandEvent, index));
  }

  /** How many commands came from the scenario (its events, then its listed calls). */
  get scenarioCommands(): number {
    return this.eventCount + this.listed.length;
  }

  /**
   * Takes a command from outside; it acts now, or at `at` if later. Returns its number (−1 for a
   * dispatch answer). A command that cannot apply is refused with an error and changes nothing.
   */
  submit(entry: LoggedCommand): number {
    const world = this.world;
    if (entry.command.type === 'dispatch') {
      world.dispatcher.answer(entry.command, entry.at);
      return -1;
    }
    this.check(entry.command);
    const index = this.scenarioCommands + this.submitted.length;
    this.submitted.push(entry);
    // While a decision is open, the command waits for it and the decisions behind it: a run
    // that did not stop would have made them before the command came in.
    world.dispatcher.whenFree(() => {
      if (entry.at > world.now) world.engine.schedule(entry.at, this.commandEvent, index);
      else this.apply(index);
    });
    return index;
  }

  /**
   * What the scenario's loader checks for its own events and calls, for a command from outside:
   * a command that passes cannot fail when it acts.
   */
  private check(command: Command): void {
    const { scenario, units } = this.world;
    const fail = (why: string) => {
      throw new Error(`${command.type}: ${why}`);
    };
    if (command.type !== 'call' && command.type !== 'dispatch') {
      const parsed = ExternalEvent.safeParse({ ...command, at: 0 });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        fail(`${issue.path.join('.')}: ${issue.message}`);
      }
    }
    switch (command.type) {
      case 'call':
        if (!scenario.incidentKinds.some((k) => k.id === command.kind))
          fail(`no incident kind "${command.kind}"`);
        if (
          command.district !== undefined &&
          !scenario.districts.some((d) => d.id === command.district)
        )
          fail(`no district "${command.district}"`);
        if (command.severity !== undefined && !(command.severity >= 1 && command.severity <= 4))
          fail('severity must be 1 to 4');
        if (command.participants !== undefined && !(command.participants >= 0))
          fail('participants must be ≥ 0');
        return;
      case 'unitOutOfService':
      case 'unitInService':
        if (!units.some((u) => u.id === command.unit)) fail(`no unit "${command.unit}"`);
        return;
      case 'closeRoad':
      case 'openRoad':
      case 'damageRoad': {
        const edges = scenario.travel.model === 'roadGraph' ? scenario.travel.edges.length : 0;
        const bad = command.edges.find((e) => !(Number.isInteger(e) && e >= 0 && e < edges));
        if (bad !== undefined) fail(`no road edge ${bad}`);
        return;
      }
      default:
        return;
    }
  }

  /** The commands submitted so far (answers aside), by id and source (for the trace header). */
  get submittedSources(): Array<{ id: string; source: LoggedCommand['source'] }> {
    return this.submitted.map(({ id, source }) => ({ id, source }));
  }

  /** A scheduled command: one of the scenario's events, or one submitted (listed calls act apart). */
  private commandAt(index: number): Command {
    if (index < this.eventCount) return withoutAt(this.world.scenario.events[index]);
    return this.submitted[index - this.scenarioCommands].command;
  }

  private onListedCall(): void {
    const index = this.eventCount + this.listedCursor;
    const listed = this.listed[this.listedCursor++];
    // The next call first: what the call sets off (a decision, perhaps one a person answers
    // later) must come after it in the event queue, whoever decides.
    if (this.listedCursor < this.listed.length) {
      this.world.engine.schedule(this.listed[this.listedCursor].time, this.listedEvent);
    }
    // The listed call itself, not a command made of it: imported call history can hold
    // millions of calls.
    this.under(index, () => this.call(listed));
  }

  private apply(index: number): void {
    this.under(index, () => this.applyNow(index));
  }

  /** Runs `action` with its records marked as caused by command `index`. */
  private under(index: number, action: () => void): void {
    const trace = this.world.trace;
    const before = trace.currentCommand;
    trace.currentCommand = index;
    try {
      action();
    } finally {
      trace.currentCommand = before;
    }
  }

  /** A call: placed by its location, else somewhere in its district. */
  private call(call: Omit<CallCommand, 'type'>): void {
    const world = this.world;
    const { scenario, districts } = world;
    const kind = scenario.incidentKinds.findIndex((k) => k.id === call.kind);
    let district = call.district ? scenario.districts.findIndex((d) => d.id === call.district) : -1;
    const location = call.location;
    if (location && district < 0) district = Math.max(0, districts.indexOf(location));
    if (district < 0) district = 0;
    const point = location ?? districts.randomPointIn(district, world.streams.places);
    world.receiveCall(kind, district, point, Cause.listedCall, call);
  }

  private applyNow(index: number): void {
    const world = this.world;
    const command = this.commandAt(index);
    const now = world.now;
    const record = (cause: number, value: number, unit = -1) =>
      world.record(RecordKind.external, -1, unit, -1, cause, value);
    switch (command.type) {
      case 'call':
        this.call(command);
        return;
      case 'damageRoad':
        world.travel.setEdgesClosed(command.edges, true);
        record(Cause.roadDamage, command.edges.length);
        world.engine.schedule(now + command.repairSeconds, this.repairedEvent, index);
        return;
      case 'closeRoad':
      case 'openRoad':
        world.travel.setEdgesClosed(command.edges, command.type === 'closeRoad');
        record(
          command.type === 'closeRoad' ? Cause.closeRoad : Cause.openRoad,
          command.edges.length,
        );
        if (command.type === 'openRoad') this.roadsReopened();
        return;
      case 'unitOutOfService':
      case 'unitInService': {
        const unit = world.units.find((u) => u.id === command.unit);
        if (!unit) return;
        if (command.type === 'unitOutOfService') {
          record(Cause.unitOutOfService, 0, unit.index);
          world.cycle.takeOutOfService(unit);
        } else {
          record(Cause.unitInService, 0, unit.index);
          world.cycle.putInService(unit);
        }
        return;
      }
      case 'season':
        if (command.active) world.seasons.add(command.season);
        else world.seasons.delete(command.season);
        record(Cause.season, command.active ? 1 : 0);
        return;
      case 'responseLevel':
        world.responseLevel = command.level;
        record(Cause.responseLevel, command.level);
        for (const hook of world.hooks.responseLevelChanged) hook(command.level);
        return;
      case 'callRateFactor':
        record(Cause.callRateFactor, command.factor);
        world.calls.setRateFactor(command.factor);
        return;
    }
  }

  /** Transport has repaired the roads of a damageRoad command (rule 11): they reopen. */
  private onRoadRepaired(index: number): void {
    const command = this.commandAt(index);
    if (command.type !== 'damageRoad') return;
    this.world.travel.setEdgesClosed(command.edges, false);
    this.world.record(RecordKind.external, -1, -1, -1, Cause.openRoad, command.edges.length);
    this.roadsReopened();
  }

  /** Units stranded by closed roads head home, and free units look at the queue again. */
  private roadsReopened(): void {
    const world = this.world;
    world.cycle.sendStrandedHome();
    for (const unit of world.units) {
      if (!world.dispatcher.pending && world.waiting.length === 0) return;
      if (unit.state === UnitState.Available || unit.state === UnitState.Returning)
        world.dispatcher.offer(unit);
    }
  }
}

function withoutAt(event: ExternalEvent): Command {
  const { at: _at, ...command } = event;
  return command as Command;
}
