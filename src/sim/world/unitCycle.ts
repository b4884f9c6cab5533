/**
 * The unit cycle: notified → (order steps: approvals) → mobilising → en route → on scene,
 * working → returning → available. Also duty rounds, units stranded by closed roads, and units
 * taken out of and back into service.
 */
import type { EventHandle } from '../engine.ts';
import { Cause, RecordKind } from '../trace.ts';
import { AwayUnits } from './awayUnits.ts';
import { SLOT_OPEN, UnitState, type Incident, type Unit } from './types.ts';
import type { World } from './world.ts';

export class UnitCycle {
  /** Free units away from base, by capability (kept up to date at every change below). */
  readonly away: AwayUnits;
  private readonly enRouteEvent: number;
  private readonly arrivedEvent: number;
  private readonly clearedEvent: number;
  private readonly backEvent: number;
  private readonly dutyEvent: number;
  private readonly orderStepEvent: number;

  constructor(private readonly world: World) {
    this.away = new AwayUnits(world.units, world.roster.unitsByCapability);
    // One handler per event kind, each calling its method directly (a handler shared by the
    // kinds would make that call polymorphic).
    const units = world.units;
    this.enRouteEvent = world.event((unit) => this.onEnRoute(units[unit]));
    this.arrivedEvent = world.event((unit) => this.onArrived(units[unit]));
    this.clearedEvent = world.event((unit) => this.onCleared(units[unit]));
    this.backEvent = world.event((unit) => this.onBackAtBase(units[unit]));
    this.dutyEvent = world.event((unit) => this.onDutyStart(units[unit]));
    this.orderStepEvent = world.event((unit) => this.onOrderStep(units[unit]));
  }

  start(): void {
    for (const unit of this.world.units) {
      if (!unit.duty.always) this.scheduleDutyStart(unit);
    }
  }

  /** The unit is ordered to the incident's slot (调度). */
  assign(unit: Unit, incident: Incident, slot: number, cause: number): void {
    const world = this.world;
    const now = world.now;
    unit.onTheRoad = unit.state === UnitState.Returning;
    if (unit.onTheRoad) {
      // Already on the road with its crew: no mobilisation, drives on from where it is.
      if (unit.pending !== -1) world.engine.cancel(unit.pending);
      unit.place = world.currentPlace(unit, true);
      if (cause === Cause.nearest || cause === Cause.queue) cause = Cause.redispatch;
    }
    incident.slotUnit[slot] = unit.index;
    incident.open--;
    incident.active++;
    unit.state = UnitState.Notified;
    this.away.refresh(unit);
    unit.incident = incident.index;
    unit.slot = slot;
    unit.tripTo = incident.place;
    const drive = world.kinds[incident.kind].drive;
    const estimate = unit.approach
      ? NaN
      : world.travel.seconds(unit.place, incident.place, now, drive);
    world.record(RecordKind.dispatched, incident.index, unit.index, unit.place, cause, estimate);
    unit.steps = world.dispatcher.orderSteps(unit, incident, incident.slotCapability[slot]);
    unit.step = 0;
    this.nextOrderStep(unit);
  }

  /** The next step before the order reaches the unit; then it mobilises. */
  private nextOrderStep(unit: Unit): void {
    const world = this.world;
    const now = world.now;
    if (unit.step < unit.steps.length) {
      const step = unit.steps[unit.step];
      const seconds = step.draw(world.dispatcher.orderStepStream(step, unit));
      unit.stepStarted = now;
      unit.pending = world.engine.schedule(now + seconds, this.orderStepEvent, unit.index);
      return;
    }
    unit.orderReceivedAt = now;
    const mobilisation = unit.onTheRoad ? 0 : this.mobilisationOf(unit);
    if (mobilisation > 0) {
      unit.pending = world.engine.schedule(now + mobilisation, this.enRouteEvent, unit.index);
      unit.tripDeparture = now + mobilisation;
    } else {
      unit.tripDeparture = now;
      this.onEnRoute(unit);
    }
  }

  private onOrderStep(unit: Unit): void {
    const now = this.world.now;
    const step = unit.steps[unit.step++];
    this.world.record(
      RecordKind.approved,
      unit.incident,
      unit.index,
      unit.place,
      step.cause,
      now - unit.stepStarted,
    );
    this.nextOrderStep(unit);
  }

  private mobilisationOf(unit: Unit): number {
    const instead = this.world.hooks.mobilisationInstead;
    for (let h = 0; h < instead.length; h++) {
      const seconds = instead[h](unit);
      if (seconds !== undefined) return seconds;
    }
    return unit.mobilisation(this.world.streams.mobilisation);
  }

  private onEnRoute(unit: Unit): void {
    const world = this.world;
    const now = world.now;
    const incident = world.incidents.get(unit.incident)!;
    let seconds = unit.approach
      ? unit.approach(world.streams.approach)
      : world.travel.seconds(unit.place, unit.tripTo, now, world.kinds[incident.kind].drive);
    let cause = Cause.none;
    const speedUps = world.hooks.speedUp;
    if (!unit.approach) {
      for (let h = 0; h < speedUps.length; h++) {
        const effect = speedUps[h](unit, incident);
        if (effect) {
          seconds /= effect.factor;
          cause = effect.cause;
        }
      }
    }
    if (seconds === Infinity) {
      this.releaseUnreachable(unit);
      return;
    }
    unit.state = UnitState.EnRoute;
    unit.tripDeparture = now;
    world.record(
      RecordKind.enRoute,
      unit.incident,
      unit.index,
      unit.place,
      cause,
      now - unit.orderReceivedAt,
    );
    if (world.travelNoise) seconds *= world.travelNoise();
    // Already there (zero travel): arrive now rather than through the event queue.
    if (seconds === 0) this.onArrived(unit);
    else unit.pending = world.engine.schedule(now + seconds, this.arrivedEvent, unit.index);
  }

  private onArrived(unit: Unit): void {
    const world = this.world;
    const now = world.now;
    unit.state = UnitState.OnScene;
    unit.place = unit.tripTo;
    world.record(
      RecordKind.arrived,
      unit.incident,
      unit.index,
      unit.place,
      Cause.none,
      now - unit.tripDeparture,
    );
    const incident = world.incidents.get(unit.incident)!;
    incident.arrivals++;
    unit.pending = world.engine.schedule(
      now + incident.work[unit.slot],
      this.clearedEvent,
      unit.index,
    );
    unit.arrivedAt = now;
    unit.clearAt = now + incident.work[unit.slot];
    unit.clearCause = Cause.none;
    const arrived = world.hooks.unitArrived;
    for (let h = 0; h < arrived.length; h++) arrived[h](unit, incident);
  }

  /** A rule ends the unit's work earlier or later than drawn (a hand-over, supplies). */
  moveClear(unit: Unit, at: number, cause: number): void {
    this.world.engine.cancel(unit.pending as EventHandle);
    unit.pending = this.world.engine.schedule(at, this.clearedEvent, unit.index);
    unit.clearAt = at;
    unit.clearCause = cause;
  }

  private onCleared(unit: Unit): void {
    const world = this.world;
    const now = world.now;
    const incident = world.incidents.get(unit.incident)!;
    const notBefore = world.hooks.clearNotBefore;
    for (let h = 0; h < notBefore.length; h++) {
      const limit = notBefore[h](unit, incident);
      if (limit && limit.time > now) {
        unit.pending = world.engine.schedule(limit.time, this.clearedEvent, unit.index);
        unit.clearAt = limit.time;
        unit.clearCause = limit.cause;
        return;
      }
    }
    // The drawn work time, unless a rule (first receiver, supplies) moved the end.
    const work = incident.work[unit.slot];
    const moved = unit.clearAt !== unit.arrivedAt + work;
    world.record(
      RecordKind.cleared,
      incident.index,
      unit.index,
      unit.place,
      moved ? unit.clearCause : Cause.none,
      moved ? now - unit.arrivedAt : work,
    );
    incident.active--;
    const cleared = world.hooks.unitCleared;
    for (let h = 0; h < cleared.length; h++) cleared[h](unit, incident);
    const capability = incident.slotCapability[unit.slot];
    unit.incident = -1;
    unit.slot = -1;
    world.closeIfDone(incident);
    const kind = world.kinds[incident.kind];
    if (world.transport?.begin(unit, kind, capability, incident.index)) return;
    this.headHome(unit, world.travelNoise);
  }

  /** The unit sets off for its base from where it is (or waits there, if the way is cut). */
  headHome(unit: Unit, noise: (() => number) | null): void {
    const world = this.world;
    const now = world.now;
    let seconds = unit.approach
      ? unit.approach(world.streams.approach)
      : world.travel.seconds(unit.place, unit.basePlace, now, false);
    if (seconds > 0 && noise && !unit.approach) seconds *= noise();
    unit.tripTo = unit.basePlace;
    unit.tripDeparture = now;
    if (seconds === Infinity) {
      // The way home is cut: the unit waits where it is, free, until the road reopens.
      unit.state = UnitState.Available;
      this.away.refresh(unit);
      unit.pending = -1;
      world.record(RecordKind.available, -1, unit.index, unit.place, Cause.closeRoad, 0);
      world.dispatcher.offer(unit);
    } else if (seconds > 0) {
      unit.state = UnitState.Returning;
      this.away.refresh(unit);
      unit.pending = world.engine.schedule(now + seconds, this.backEvent, unit.index);
      world.dispatcher.offer(unit);
    } else {
      this.onBackAtBase(unit);
    }
  }

  /**
   * A unit about to leave finds no open road to the incident (closed since it was chosen): it
   * stays free where it is, and the incident's slot goes back to dispatch.
   */
  private releaseUnreachable(unit: Unit): void {
    const world = this.world;
    const incident = world.incidents.get(unit.incident)!;
    incident.slotUnit[unit.slot] = SLOT_OPEN;
    incident.open++;
    incident.active--;
    unit.state = UnitState.Available;
    this.away.refresh(unit);
    unit.incident = -1;
    unit.slot = -1;
    unit.pending = -1;
    world.record(RecordKind.available, -1, unit.index, unit.place, Cause.closeRoad, 0);
    world.waiting.list(incident); // if it waits, under the reopened slot's capability too
    if (!incident.queued) world.dispatcher.dispatchIncident(incident);
    world.dispatcher.offer(unit);
  }

  private onBackAtBase(unit: Unit): void {
    const world = this.world;
    const returnSeconds = world.now - unit.tripDeparture;
    unit.place = unit.basePlace;
    unit.pending = -1;
    if (unit.outOfServiceAfterJob) {
      unit.outOfServiceAfterJob = false;
      unit.state = UnitState.OutOfService;
      this.away.refresh(unit);
      world.record(RecordKind.outOfService, -1, unit.index, unit.place, Cause.unitOutOfService, 0);
      return;
    }
    unit.state = UnitState.Available;
    this.away.refresh(unit);
    world.record(RecordKind.available, -1, unit.index, unit.place, Cause.none, returnSeconds);
    const back = world.hooks.unitBack;
    for (let h = 0; h < back.length; h++) if (back[h](unit)) return;
    world.dispatcher.offer(unit);
  }

  /** Units left away from base by a closed road head home once they can. */
  sendStrandedHome(): void {
    const world = this.world;
    const now = world.now;
    for (const unit of world.units) {
      if (unit.state !== UnitState.Available || unit.place === unit.basePlace) continue;
      const seconds = world.travel.seconds(unit.place, unit.basePlace, now, false);
      if (seconds === Infinity) continue;
      unit.state = UnitState.Returning;
      this.away.refresh(unit);
      unit.tripTo = unit.basePlace;
      unit.tripDeparture = now;
      unit.pending = world.engine.schedule(now + seconds, this.backEvent, unit.index);
    }
  }

  /** Out of service now if free, else once back from its job. */
  takeOutOfService(unit: Unit): void {
    if (unit.state === UnitState.Available) {
      unit.state = UnitState.OutOfService;
      this.away.refresh(unit);
      this.world.record(
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
  }

  putInService(unit: Unit): void {
    unit.outOfServiceAfterJob = false;
    if (unit.state !== UnitState.OutOfService) return;
    unit.state = UnitState.Available;
    this.away.refresh(unit);
    this.world.record(RecordKind.inService, -1, unit.index, unit.place, Cause.unitInService, 0);
    this.world.dispatcher.offer(unit);
  }

  private scheduleDutyStart(unit: Unit): void {
    const world = this.world;
    const wait = unit.duty.untilNextStart(world.calendar.weekSecond(world.now));
    if (wait < Infinity) world.engine.schedule(world.now + wait, this.dutyEvent, unit.index);
  }

  private onDutyStart(unit: Unit): void {
    // The next round first: an order the unit gets now must not change when it is scheduled.
    this.scheduleDutyStart(unit);
    this.world.dispatcher.offer(unit);
  }
}
