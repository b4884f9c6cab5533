/**
 * Rule 2, graded command (004): an incident of a kind and severity that calls for a special plan
 * (专项应急预案) activates it; the centre runs the first response (先期处置) and hands command
 * over to the plan's HQ once it is set up.
 */
import { Cause, RecordKind } from '../trace.ts';
import type { RuleModule } from './rule.ts';

export const command: RuleModule<'command'> = {
  install({ world, params, streamFor }) {
    /** Per incident: plan index → when it was activated. */
    const activated = new Map<number, Map<number, number>>();
    const handedOver = world.event((index, plan) => {
      const incident = world.incidents.get(index);
      if (!incident) return; // closed before the HQ was up: the centre kept command
      const since = activated.get(index)!.get(plan)!;
      world.record(
        RecordKind.commandHandedOver,
        index,
        -1,
        incident.place,
        Cause.specialPlan,
        world.now - since,
      );
    });
    return {
      incidentJudged(incident) {
        const kind = world.kindId(incident);
        params.plans.forEach((plan, index) => {
          const plans = activated.get(incident.index);
          if (plans?.has(index)) return;
          if (!plan.kinds.includes(kind) || incident.severity > plan.atSeverity) return;
          if (plans) plans.set(index, world.now);
          else activated.set(incident.index, new Map([[index, world.now]]));
          world.record(
            RecordKind.planActivated,
            incident.index,
            -1,
            incident.place,
            Cause.specialPlan,
            index,
          );
          const setup = world.sampler(plan.setup)(streamFor(incident.index, index));
          world.engine.schedule(world.now + setup, handedOver, incident.index, index);
        });
      },
      incidentClosed(incident) {
        activated.delete(incident.index);
      },
    };
  },
};
