/**
 * Rule 5, 12345 triage (004): a share of each kind's calls is not an emergency and goes to the
 * 12345 public service line; it must not take emergency units.
 */
import { Cause, RecordKind } from '../trace.ts';
import type { RuleModule } from './rule.ts';

export const triage: RuleModule<'triage'> = {
  install({ world, stream }) {
    // No kind with a share: no call can be screened, and the rule's own stream feeds nothing
    // else, so leaving its draw out changes no run (and costs the calls nothing).
    if (!world.scenario.incidentKinds.some((kind) => kind.nonEmergencyShare > 0)) return {};
    /** Calls judged non-emergency, decided as they come in (common random numbers). */
    const nonEmergency = new Set<number>();
    return {
      callReceived(incident) {
        if (stream.next() < world.kinds[incident.kind].nonEmergencyShare)
          nonEmergency.add(incident.index);
      },
      screen(incident) {
        if (!nonEmergency.delete(incident.index)) return false;
        world.record(RecordKind.sentTo12345, incident.index, -1, incident.place, Cause.triage, 0);
        return true;
      },
    };
  },
};
