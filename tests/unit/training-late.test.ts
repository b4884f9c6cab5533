/**
 * The dispatcher's late answer ("clock runs" pace): the decision closes when the answer is
 * given, its units go at the answer's time; a unit taken by another decision meanwhile leaves
 * its slot open, and the incident queues by the decision-maker's choice. The log replays.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { replaySession, Session } from '../../src/sim/session.ts';
import { Cause, RecordKind, traceDigest } from '../../src/sim/trace.ts';

describe('a dispatch answer that acts later', () => {
  it('sends the units at its time, or leaves the slot open when the unit was taken meanwhile', () => {
    const scenario = { ...builtinScenario('default-city'), duration: 2 * 86_400 };
    const session = new Session(scenario, 5, { policy: 'ask' });
    const LATER = 1800;
    let late: { incident: number; unit: string; at: number } | null = null;
    let taken = false;
    for (let r = session.advance(); r.status !== 'finished'; r = session.advance()) {
      if (r.status !== 'decision') continue;
      const d = r.decision;
      if (!late) {
        // A police car in a busy hour of the morning: another call will want it soon.
        const police = d.slots.find((s) => s.capability === 'police')?.slot;
        const first = d.proposal.find((p) => p.slot === police && p.unit !== null);
        if (first && d.time >= 9 * 3600) {
          late = { incident: d.incident, unit: first.unit!, at: d.time + LATER };
          session.submit(
            { type: 'dispatch', decision: d.number, answer: d.proposal },
            { at: late.at },
          );
          continue;
        }
      } else if (!taken && d.time < late.at) {
        // Another call before the late answer acts: send the very unit it named.
        const slot = d.slots.find((s) => s.candidates.some((c) => c.unit === late!.unit));
        if (slot) {
          taken = true;
          const answer = d.proposal.map((p) =>
            p.unit === late!.unit ? { slot: p.slot, unit: null } : p,
          );
          const own = answer.find((a) => a.slot === slot.slot)!;
          own.unit = late.unit;
          session.answer(answer);
          continue;
        }
      }
      session.answer(d.proposal);
    }
    expect(late).not.toBeNull();
    expect(taken).toBe(true);
    const trace = session.finishTrace();
    const at = late!.at;
    const ofIncident = (kind: number) =>
      Array.from({ length: trace.length }, (_, i) => i).filter(
        (i) => trace.kind[i] === kind && trace.incident[i] === late!.incident,
      );
    // Nothing was sent before the answer acted; then the unit taken meanwhile left its slot open.
    const dispatched = ofIncident(RecordKind.dispatched);
    expect(Math.min(...dispatched.map((i) => trace.time[i]))).toBeGreaterThanOrEqual(at);
    const queued = ofIncident(RecordKind.queued);
    expect(queued.some((i) => trace.time[i] === at && trace.cause[i] === Cause.decision)).toBe(
      true,
    );
    // The log replays to the same trace.
    const again = replaySession(scenario, 5, session.commandLog, { policy: 'ask' });
    for (let r = again.advance(); r.status !== 'finished'; r = again.advance()) {
      if (r.status === 'decision') throw new Error('the replay asked again');
    }
    expect(traceDigest(again.finishTrace())).toBe(traceDigest(trace));
  }, 60_000);
});
