/**
 * Rule 8, military support (000): an order to troops goes through the joint office's approval,
 * or straight to them as a direct request when the kind is extremely urgent or the incident
 * severe enough; at a raised response level troops are pre-positioned (预置兵力) and mobilise
 * faster.
 */
import { Cause, RecordKind } from '../trace.ts';
import { orderStep, type RuleModule } from './rule.ts';

export const military: RuleModule<'military'> = {
  install({ world, params, stream }) {
    const step = (cause: number, delay: typeof params.approval) =>
      orderStep(world, 'military', cause, delay);
    const approval = step(Cause.militaryApproval, params.approval);
    const direct = step(Cause.directRequest, params.directRequest);
    const prepositionedMobilisation = world.sampler(params.prepositionedMobilisation);
    let prepositioned = false;
    return {
      orderSteps(unit, incident, _capability, steps) {
        if (unit.sector !== 'military') return;
        const urgent =
          params.urgentKinds.includes(world.kindId(incident)) ||
          incident.severity <= params.urgentAtSeverity;
        steps.push(urgent ? direct : approval);
      },
      mobilisationInstead(unit) {
        if (!prepositioned || unit.sector !== 'military' || unit.reserve) return undefined;
        return prepositionedMobilisation(stream);
      },
      responseLevelChanged(level) {
        const now = level >= 1 && level <= params.prepositionAtLevel;
        if (now && !prepositioned) {
          for (const unit of world.units) {
            if (unit.sector !== 'military' || unit.reserve) continue;
            world.record(
              RecordKind.prepositioned,
              -1,
              unit.index,
              unit.place,
              Cause.responseLevel,
              level,
            );
          }
        }
        prepositioned = now;
      },
    };
  },
};
