/**
 * Rule 12, incident growth (003, 004): an incident of a kind that can grow, still
 * under-resourced after the allowed time, worsens one step: a new severity (which may bring
 * other rules in) and more needs, dispatched at once.
 */
import { Cause, RecordKind } from '../trace.ts';
import type { RuleModule } from './rule.ts';

export const growth: RuleModule<'growth'> = {
  install({ world }) {
    const check = world.event((index) => {
      const incident = world.incidents.get(index);
      if (!incident) return;
      const growth = world.kinds[incident.kind].growth;
      if (!growth) return;
      const underResourced =
        incident.open > 0 || (incident.arrivals === 0 && !incident.outsideOnScene);
      if (!underResourced || incident.growthStep >= growth.steps.length) return;
      const step = growth.steps[incident.growthStep++];
      incident.severity = step.severity;
      const added = world.addSlots(incident, step.addNeeds);
      const now = world.now;
      world.record(RecordKind.grew, index, -1, incident.place, Cause.growth, step.severity);
      for (const hook of world.hooks.incidentJudged) hook(incident, true);
      if (incident.growthStep < growth.steps.length) {
        world.engine.schedule(now + growth.afterSeconds, check, index);
      }
      // The new needs are dispatched now, rather than when a unit comes free; a queued
      // incident keeps its place in the queue for what stays open.
      if (added > 0) world.dispatcher.dispatchIncident(incident);
    });
    return {
      incidentJudged(incident, grown) {
        const growth = world.kinds[incident.kind].growth;
        if (grown || !growth) return;
        // Counted from the call, but checked no earlier than now: the incident is judged first.
        const at = Math.max(world.now, incident.callTime + growth.afterSeconds);
        world.engine.schedule(at, check, incident.index);
      },
    };
  },
};
