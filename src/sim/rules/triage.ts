/**
 * Rule 5, 12345 triage (004): a share of each kind's calls is not an emergency and goes to the
 * 12345 public service line; it must not take emergency units.
 */
import { Cause, RecordKind } from '../trace.ts';
import type { RuleModule } from './rule.ts';

export const triage: RuleModule<'triage'> = {
  install({ world, stream }) {
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
