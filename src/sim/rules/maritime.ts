/**
 * Rule 4, maritime hand-off (004): incidents at sea go to the maritime search-and-rescue centre,
 * which commands; the centre sends land units only when the SAR centre asks for them.
 */
import { Cause, RecordKind } from '../trace.ts';
import { orderStep, type RuleModule } from './rule.ts';

export const maritime: RuleModule<'maritime'> = {
  install({ world, params }) {
    const landRequest = orderStep(world, 'maritime', Cause.sarRequest, params.landRequest);
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
