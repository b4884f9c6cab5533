/**
 * Not enough units for an incident: it waits in the queue (until a deadline, if the scenario
 * sets one) or passes to outside help, now or after a delay; outside help arrives, works and
 * leaves; a call that waited too long is given up.
 */
import { sampler, type Sampler } from '../random.ts';
import { Cause, RecordKind } from '../trace.ts';
import { SLOT_OPEN, SLOT_OUTSIDE, type Incident } from './types.ts';
import type { World } from './world.ts';

export class WaitingRoom {
  private readonly outsideHelp: Sampler;
  private readonly outsideArrivedEvent: number;
  private readonly outsideClearedEvent: number;
  private readonly deadlineEvent: number;

  constructor(private readonly world: World) {
    this.outsideHelp = sampler(world.scenario.dispatch.outsideHelpResponse);
    this.outsideArrivedEvent = world.event((incident, slot) =>
      this.onOutsideArrived(incident, slot),
    );
    this.outsideClearedEvent = world.event((incident) => this.onOutsideCleared(incident));
    this.deadlineEvent = world.event((incident) => this.onDeadline(incident));
  }

  /** Not enough units: queue, or pass to outside help now or after a delay. */
  shortfall(incident: Incident, cause: number): void {
    const hooks = this.world.hooks.shortfall;
    for (let h = 0; h < hooks.length; h++) hooks[h](incident);
    const dispatch = this.world.scenario.dispatch;
    if (dispatch.whenNoUnit === 'overflow' && dispatch.overflowDelay === 0) {
      this.overflow(incident, cause);
      return;
    }
    this.world.record(RecordKind.queued, incident.index, -1, incident.place, cause, incident.open);
    this.world.waiting.add(incident, this.world.engine.now);
    if (incident.deadline !== -1) return; // queued again after growing: the first deadline holds
    const wait =
      dispatch.whenNoUnit === 'overflow' ? dispatch.overflowDelay : dispatch.maxQueueWait;
    if (wait !== undefined) {
      incident.deadline = this.world.engine.schedule(
        this.world.engine.now + wait,
        this.deadlineEvent,
        incident.index,
      );
    }
  }

  /** Every slot is filled: the incident leaves the queue and its deadline is void. */
  stopWaiting(incident: Incident): void {
    this.world.waiting.remove(incident);
    if (incident.deadline !== -1) this.world.engine.cancel(incident.deadline);
    incident.deadline = -1;
  }

  private onDeadline(index: number): void {
    const incident = this.world.incidents.get(index);
    if (!incident) return;
    incident.deadline = -1;
    if (incident.open === 0) return;
    this.world.waiting.remove(incident);
    if (this.world.scenario.dispatch.whenNoUnit === 'overflow') {
      this.overflow(incident, Cause.overflowPolicy);
    } else {
      this.giveUp(incident, Cause.maxQueueWait);
    }
  }

  private overflow(incident: Incident, cause: number): void {
    this.world.record(
      RecordKind.overflowed,
      incident.index,
      -1,
      incident.place,
      cause,
      incident.open,
    );
    let first = -1;
    for (let slot = 0; slot < incident.slotUnit.length; slot++) {
      if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
      incident.slotUnit[slot] = SLOT_OUTSIDE;
      if (first < 0) first = slot;
    }
    incident.open = 0;
    incident.active++;
    const delay = this.outsideHelp(this.world.streams.outsideHelp);
    this.world.engine.schedule(
      this.world.engine.now + delay,
      this.outsideArrivedEvent,
      incident.index,
      first,
    );
  }

  private onOutsideArrived(index: number, slot: number): void {
    const incident = this.world.incidents.get(index)!;
    incident.outsideOnScene = true;
    this.world.record(
      RecordKind.outsideArrived,
      index,
      -1,
      incident.place,
      Cause.overflowPolicy,
      0,
    );
    this.world.engine.schedule(
      this.world.engine.now + incident.work[slot],
      this.outsideClearedEvent,
      index,
    );
  }

  private onOutsideCleared(index: number): void {
    const incident = this.world.incidents.get(index)!;
    incident.active--;
    this.world.closeIfDone(incident);
  }

  private giveUp(incident: Incident, cause: number): void {
    this.world.record(
      RecordKind.unanswered,
      incident.index,
      -1,
      incident.place,
      cause,
      incident.open,
    );
    incident.open = 0;
    this.world.closeIfDone(incident);
  }
}
