/**
 * Rule 7, cross-region reinforcement (001–003): when no local unit is free for a need that
 * other districts could meet, the local bureau applies to the level above; after its approval
 * the pooled units of other districts come (their approach time drawn as they go). A pooled
 * unit back in its pool serves the first approved incident still short of it.
 */
import { Cause, RecordKind } from '../trace.ts';
import { SLOT_OPEN, UnitState, type Incident, type Unit } from '../world/types.ts';
import type { Proposal } from '../dispatch/propose.ts';
import type { RuleModule } from './rule.ts';

export const reinforcement: RuleModule<'reinforcement'> = {
  install({ world, params, streamFor }) {
    /** Per incident: when help was asked for (NaN: may ask again), and whether it was approved. */
    const requests = new Map<number, { askedAt: number; approved: boolean; asked: number }>();
    const approval = world.sampler(params.approval);
    const approved = world.event((index) => {
      const incident = world.incidents.get(index);
      if (!incident) return;
      const request = requests.get(index)!;
      world.record(
        RecordKind.approved,
        index,
        -1,
        incident.place,
        Cause.crossRegion,
        world.now - request.askedAt,
      );
      request.approved = true;
      world.dispatcher.reinforce(incident, () => freePooledUnits(incident));
    });

    const pooled = (capability: number) =>
      world.units.some((u) => u.reserve && u.capabilities.has(capability));

    function freePooledUnits(incident: Incident): Proposal[] {
      const proposal: Proposal[] = [];
      for (let slot = 0; slot < incident.slotUnit.length; slot++) {
        if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
        const capability = incident.slotCapability[slot];
        const unit = world.units.find(
          (u) =>
            u.reserve &&
            u.state === UnitState.Available &&
            u.capabilities.has(capability) &&
            !proposal.some((p) => p.unit === u.index),
        );
        if (unit) proposal.push({ slot, unit: unit.index, cause: Cause.crossRegion });
      }
      return proposal;
    }

    function backInPool(unit: Unit): void {
      for (const incident of world.waiting.incidents) {
        if (!requests.get(incident.index)?.approved) continue;
        for (let slot = 0; slot < incident.slotUnit.length; slot++) {
          if (incident.slotUnit[slot] !== SLOT_OPEN) continue;
          if (!unit.capabilities.has(incident.slotCapability[slot])) continue;
          world.dispatcher.reinforce(incident, () =>
            unit.state === UnitState.Available && incident.slotUnit[slot] === SLOT_OPEN
              ? [{ slot, unit: unit.index, cause: Cause.crossRegion }]
              : [],
          );
          return;
        }
      }
    }

    return {
      reserves: () => params.pools,
      shortfall(incident) {
        const request = requests.get(incident.index);
        if (request && !Number.isNaN(request.askedAt)) return;
        let wanted = 0;
        for (let slot = 0; slot < incident.slotUnit.length; slot++) {
          if (incident.slotUnit[slot] === SLOT_OPEN && pooled(incident.slotCapability[slot]))
            wanted++;
        }
        if (wanted === 0) return;
        const now = world.now;
        if (request) {
          request.askedAt = now;
          request.asked++;
        } else requests.set(incident.index, { askedAt: now, approved: false, asked: 1 });
        world.record(
          RecordKind.requested,
          incident.index,
          -1,
          incident.place,
          Cause.crossRegion,
          wanted,
        );
        const asked = requests.get(incident.index)!.asked;
        const wait = approval(streamFor(incident.index, asked));
        world.engine.schedule(now + wait, approved, incident.index);
      },
      slotsAdded(incident) {
        // New needs may be asked of the level above again.
        const request = requests.get(incident.index);
        if (request && !request.approved) request.askedAt = NaN;
      },
      unitBack(unit) {
        if (!unit.reserve) return false;
        backInPool(unit);
        return true;
      },
      incidentClosed(incident) {
        requests.delete(incident.index);
      },
    };
  },
};
