/**
 * Rule 9, group incidents and neighbours (003): a group incident is graded by its participants
 * (under 100: the township, with its neighbours; 100 or more: the county; 500 or more: the
 * city), and the county and the city add their forces. A village or town team of another
 * district is a neighbour asked for help, which answers within its set time.
 */
import { Cause, RecordKind } from '../trace.ts';
import { orderStep, type RuleModule } from './rule.ts';

export const groupIncidents: RuleModule<'groupIncidents'> = {
  install({ world, params, stream }) {
    // The county's and the city's needs are capabilities too, known from the start.
    [...params.countyNeeds, ...params.cityNeeds].forEach((n) =>
      world.capabilities.index(n.capability),
    );
    const neighbourAnswer = orderStep(
      world,
      'groupIncidents',
      Cause.neighbourRequest,
      params.neighbourAnswer,
    );
    return {
      incidentJudged(incident, grown) {
        if (grown) return;
        let participants = incident.participants;
        if (Number.isNaN(participants)) {
          const draw = world.kinds[incident.kind].participants;
          if (!draw) return;
          participants = Math.round(draw(stream));
        }
        const level =
          participants >= params.cityFrom
            ? Cause.city
            : participants >= params.countyFrom
              ? Cause.county
              : Cause.township;
        world.record(RecordKind.graded, incident.index, -1, incident.place, level, participants);
        if (level !== Cause.township) world.addSlots(incident, params.countyNeeds);
        if (level === Cause.city) world.addSlots(incident, params.cityNeeds);
      },
      orderSteps(unit, incident, capability, steps) {
        if (
          world.kinds[incident.kind].participants !== undefined &&
          unit.base >= 0 &&
          world.roster.baseDistricts[unit.base] !== incident.district &&
          params.supportCapabilities.includes(world.capabilities.names[capability])
        ) {
          steps.push(neighbourAnswer);
        }
      },
    };
  },
};
