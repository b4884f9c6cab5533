/**
 * Rule 10, front and rear HQ (002): when the first unit is on scene, the forward HQ asks the rear
 * for the kind's supplies; they come after the fulfilment delay, or later when the rear's stock
 * cannot cover them. Work on scene cannot finish before they are there.
 */
import { Cause, RecordKind } from '../trace.ts';
import type { RuleModule } from './rule.ts';

export const rearSupply: RuleModule<'rearSupply'> = {
  install({ world, params, streamFor }) {
    const stocks = new Map(Object.entries(params.stocks));
    const fulfilment = world.sampler(params.fulfilment);
    /** Per incident: when supplies were asked for and when they are on scene. */
    const requests = new Map<number, { askedAt: number; onScene: number }>();
    const supplied = world.event((index, short) => {
      const incident = world.incidents.get(index);
      if (!incident) return;
      world.record(
        RecordKind.supplied,
        index,
        -1,
        incident.place,
        short ? Cause.stockOut : Cause.rearHQ,
        world.now - requests.get(index)!.askedAt,
      );
    });
    return {
      unitArrived(_unit, incident) {
        const wanted = world.kinds[incident.kind].supplies;
        if (incident.arrivals !== 1 || !wanted) return;
        let total = 0;
        let short = false;
        for (const [item, quantity] of Object.entries(wanted)) {
          const left = stocks.get(item) ?? 0;
          if (left < quantity) short = true;
          stocks.set(item, Math.max(0, left - quantity));
          total += quantity;
        }
        const now = world.now;
        world.record(RecordKind.requested, incident.index, -1, incident.place, Cause.rearHQ, total);
        const delay = fulfilment(streamFor(incident.index)) + (short ? params.stockOutDelay : 0);
        requests.set(incident.index, { askedAt: now, onScene: now + delay });
        world.engine.schedule(now + delay, supplied, incident.index, short ? 1 : 0);
      },
      clearNotBefore(_unit, incident) {
        const request = requests.get(incident.index);
        return request ? { time: request.onScene, cause: Cause.rearHQ } : null;
      },
      incidentClosed(incident) {
        requests.delete(incident.index);
      },
    };
  },
};
