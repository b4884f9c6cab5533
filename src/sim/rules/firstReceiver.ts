/**
 * Rule 3, first-receiver responsibility (首接负责制, 004): the first unit on scene, if its agency
 * is not the one responsible for the kind, acts first; when the responsible agency's unit
 * arrives it takes over, and the first receiver leaves after the hand-over (if its own work
 * would last longer).
 */
import { Cause, RecordKind } from '../trace.ts';
import { UnitState } from '../world/types.ts';
import type { RuleModule } from './rule.ts';

export const firstReceiver: RuleModule<'firstReceiver'> = {
  install({ world, params, streamFor }) {
    /** Per incident: the unit acting as first receiver, and since when. */
    const acting = new Map<number, { unit: number; since: number }>();
    const handover = world.sampler(params.handover);
    return {
      unitArrived(unit, incident) {
        const kind = world.kindId(incident);
        if (!Object.hasOwn(params.responsible, kind)) return;
        const now = world.now;
        const isResponsible = world.agencyId(unit) === params.responsible[kind];
        if (incident.arrivals === 1 && !isResponsible) {
          acting.set(incident.index, { unit: unit.index, since: now });
          world.record(
            RecordKind.firstReceiverActing,
            incident.index,
            unit.index,
            unit.place,
            Cause.firstReceiver,
            0,
          );
          return;
        }
        const first = acting.get(incident.index);
        if (!isResponsible || !first) return;
        acting.delete(incident.index);
        world.record(
          RecordKind.commandHandedOver,
          incident.index,
          unit.index,
          unit.place,
          Cause.firstReceiver,
          now - first.since,
        );
        const leaving = world.units[first.unit];
        if (leaving.state !== UnitState.OnScene || leaving.incident !== incident.index) return;
        const leaveAt = now + handover(streamFor(incident.index));
        if (leaveAt < leaving.clearAt) world.cycle.moveClear(leaving, leaveAt, Cause.firstReceiver);
      },
      unitCleared(unit, incident) {
        // A first receiver leaving before the responsible unit came hands over to nobody.
        if (acting.get(incident.index)?.unit === unit.index) acting.delete(incident.index);
      },
      incidentClosed(incident) {
        acting.delete(incident.index);
      },
    };
  },
};
