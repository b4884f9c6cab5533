/**
 * Rule 6, fire rescue dispatching other forces (001): the order to another force goes out after
 * the emergency bureau's approval; in flood and forest-fire season, after a second approval.
 */
import { Cause } from '../trace.ts';
import { orderStep, type RuleModule } from './rule.ts';

export const fireRescueApproval: RuleModule<'fireRescueApproval'> = {
  install({ world, params }) {
    const step = (cause: number, delay: typeof params.approval) =>
      orderStep(world, 'fireRescueApproval', cause, delay);
    const approval = step(Cause.fireRescueApproval, params.approval);
    const seasonal = step(Cause.seasonalApproval, params.seasonalApproval);
    return {
      orderSteps(unit, incident, _capability, steps) {
        if (!params.kinds.includes(world.kindId(incident))) return;
        if (params.directAgencies.includes(world.agencyId(unit))) return;
        steps.push(approval);
        if (params.seasons.some((season) => world.seasons.has(season))) steps.push(seasonal);
      },
    };
  },
};
