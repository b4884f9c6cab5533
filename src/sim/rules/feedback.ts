/**
 * Rule 13, feedback (004, 003): each unit reports its arrival and its completion to the centre;
 * a report later than allowed, or missing, is a recorded failure. Some callers are phoned back
 * (回访) and rate the response satisfied, basically satisfied or unsatisfied.
 */
import { Cause, RecordKind } from '../trace.ts';
import type { Incident, Unit } from '../world/types.ts';
import type { RuleModule } from './rule.ts';

interface Report {
  incident: number;
  unit: number;
  place: number;
  cause: number;
  delay: number;
  missing: boolean;
}

export const feedback: RuleModule<'feedback'> = {
  install({ world, params, streamFor }) {
    const arrivalReport = world.sampler(params.arrivalReport);
    const completionReport = world.sampler(params.completionReport);
    /** Reports on their way to the centre. */
    const reports: Array<Report | undefined> = [];
    const reached = world.event((index) => {
      const report = reports[index]!;
      reports[index] = undefined;
      const kind = report.missing
        ? RecordKind.reportMissing
        : report.delay > params.lateAfter
          ? RecordKind.reportedLate
          : RecordKind.reported;
      world.record(
        kind,
        report.incident,
        report.unit,
        report.place,
        report.cause,
        report.missing ? 0 : report.delay,
      );
    });
    function expectReport(unit: Unit, incident: Incident, cause: number): void {
      // One stream per unit's report on an incident: reports do not shift each other.
      const stream = streamFor(incident.index, unit.index, cause);
      const missing = stream.next() < params.missingShare;
      const delay = missing
        ? params.lateAfter
        : (cause === Cause.arrivalReport ? arrivalReport : completionReport)(stream);
      const index =
        reports.push({
          incident: incident.index,
          unit: unit.index,
          place: unit.place,
          cause,
          delay,
          missing,
        }) - 1;
      world.engine.schedule(world.now + delay, reached, index);
    }
    return {
      unitArrived: (unit, incident) => expectReport(unit, incident, Cause.arrivalReport),
      unitCleared: (unit, incident) => expectReport(unit, incident, Cause.completionReport),
      incidentClosed(incident) {
        const stream = streamFor(incident.index);
        if (stream.next() >= params.callBackShare) return;
        const u = stream.next();
        const rating =
          u < params.unsatisfiedShare
            ? 2
            : u < params.unsatisfiedShare + params.basicallySatisfiedShare
              ? 1
              : 0;
        world.record(RecordKind.callBack, incident.index, -1, incident.place, Cause.none, rating);
      },
    };
  },
};
