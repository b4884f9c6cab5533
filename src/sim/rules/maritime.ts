/**
 * Rule 4, maritime hand-off (004): incidents at sea go to the maritime search-and-rescue centre,
 * which commands; the centre sends land units only when the SAR centre asks for them.
 */
import { distributionMean } from '../../lib/distributions.ts';
import { Cause, RecordKind } from '../trace.ts';
import type { OrderStep } from '../world/types.ts';
import type { RuleModule } from './rule.ts';

export const maritime: RuleModule<'maritime'> = {
  install({ world, params }) {
    const landRequest: OrderStep = {
      cause: Cause.sarRequest,
      mean: distributionMean(params.landRequest),
      draw: world.sampler(params.landRequest),
      rule: 'maritime',
    };
    return {
      incidentJudged(incident, grown) {
        if (grown || !params.kinds.includes(world.kindId(incident))) return;
        world.record(
          RecordKind.commandHandedOver,
          incident.index,
          -1,
          incident.place,
          Cause.maritimeSAR,
          0,
        );
      },
      orderSteps(_unit, incident, capability, steps) {
        if (
          params.kinds.includes(world.kindId(incident)) &&
          !params.sarCapabilities.includes(world.capabilities.names[capability])
        ) {
          steps.push(landRequest);
        }
      },
    };
  },
};
