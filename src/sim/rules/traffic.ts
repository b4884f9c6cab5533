/**
 * Rule 11, traffic support (001): for serious incidents police and transport set up traffic
 * control and emergency lanes; once they are in place, units drive there faster. (Damaged roads
 * are a command, `damageRoad`, that acts whenever a scenario or drill lists it.)
 */
import { Cause } from '../trace.ts';
import type { RuleModule } from './rule.ts';

export const traffic: RuleModule<'traffic'> = {
  install({ world, params, streamFor }) {
    const setup = world.sampler(params.setup);
    /** Per incident: from when traffic control is in place on the way to it. */
    const controlFrom = new Map<number, number>();
    const effect = { factor: params.speedFactor, cause: Cause.trafficControl };
    return {
      incidentJudged(incident) {
        if (controlFrom.has(incident.index) || incident.severity > params.atSeverity) return;
        controlFrom.set(incident.index, world.now + setup(streamFor(incident.index)));
      },
      speedUp(_unit, incident) {
        const from = controlFrom.get(incident.index);
        return from !== undefined && from <= world.now ? effect : null;
      },
      incidentClosed(incident) {
        controlFrom.delete(incident.index);
      },
    };
  },
};
