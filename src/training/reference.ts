/**
 * The reference run: the exercise's scenario and seed with the built-in dispatcher, played as an
 * "ask" session in which every decision is answered with the built-in proposal — so its command
 * log is the built-in answers, and replaying that log gives the built-in run's trace. Also the
 * one-run helpers the score and the decision costs use: replaying a log and answering every
 * decision after it with the proposal.
 */
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { DispatchDecision } from '../sim/dispatch/policy.ts';
import { replaySession, Session } from '../sim/session.ts';
import type { Trace } from '../sim/trace.ts';
import type { PreparedExercise } from './api.ts';
import { incidentOutcomes, type IncidentOutcome } from './facts.ts';

export interface PlayedRun {
  trace: Trace;
  log: LoggedCommand[];
  /** Every decision asked, by number, as it was asked. */
  decisions: DispatchDecision[];
  outcomes: IncidentOutcome[];
}

/**
 * Replays `log` (answers given), then answers every further decision with the proposal, to the
 * end. With an empty log: the reference.
 */
export function playOut(
  prepared: PreparedExercise,
  log: readonly LoggedCommand[],
  known: DispatchDecision[] = [],
): PlayedRun {
  const session = replaySession(prepared.scenario, prepared.seed, log, { policy: 'ask' });
  const decisions = known.slice();
  for (let r = session.advance(); r.status !== 'finished'; r = session.advance()) {
    if (r.status !== 'decision') continue;
    decisions[r.decision.number] = r.decision;
    session.submit(
      { type: 'dispatch', decision: r.decision.number, answer: r.decision.proposal },
      { source: 'drill', id: `auto-${r.decision.number}` },
    );
  }
  const trace = session.finishTrace();
  return {
    trace,
    log: session.commandLog.slice(),
    decisions,
    outcomes: incidentOutcomes(trace, prepared.scenario),
  };
}

/**
 * Replays a whole log to the end (every decision must be answered in it), keeping the decisions
 * as they were asked.
 */
export function replayLog(
  prepared: PreparedExercise,
  log: readonly LoggedCommand[],
): { session: Session; decisions: DispatchDecision[] } {
  const session = new Session(prepared.scenario, prepared.seed, { policy: 'ask' });
  const decisions: DispatchDecision[] = [];
  const unanswered = (number: number) => new Error(`decision ${number} has no answer in the log`);
  for (const entry of log) {
    while (session.events < entry.afterEvents) {
      const r = session.advance(entry.afterEvents - session.events);
      if (r.status === 'finished') break;
      if (r.status === 'decision' && session.events < entry.afterEvents) {
        throw unanswered(r.decision.number);
      }
    }
    const open = session.decision;
    if (open) decisions[open.number] = open;
    session.submit(entry.command, { source: entry.source, id: entry.id, at: entry.at });
  }
  for (let r = session.advance(); r.status !== 'finished'; r = session.advance()) {
    if (r.status === 'decision') throw unanswered(r.decision.number);
  }
  return { session, decisions };
}

const cache = new Map<string, PlayedRun>();

/** The reference run of a prepared exercise (kept for the last few exercises). */
export function referenceRun(prepared: PreparedExercise): PlayedRun {
  const key = `${prepared.seed}/${JSON.stringify(prepared.exercise)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const played = playOut(prepared, []);
  if (cache.size >= 4) cache.delete(cache.keys().next().value!);
  cache.set(key, played);
  return played;
}
