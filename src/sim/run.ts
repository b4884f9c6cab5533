/**
 * `run(scenario, seed, commands) → { trace, summary }`: the pure entry point, a session with the
 * built-in dispatch policy. Same scenario, seed and commands, same trace, byte for byte, in Node
 * and in the browser.
 */
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { replicationMetrics, type ReplicationMetrics } from './analysis/metrics.ts';
import { replaySession, type SessionOptions } from './session.ts';
import type { Trace } from './trace.ts';

export interface RunResult {
  trace: Trace;
  summary: ReplicationMetrics;
}

export function run(
  scenario: Scenario,
  seed: number,
  commands: readonly LoggedCommand[] = [],
  options: SessionOptions = {},
): RunResult {
  const session = replaySession(scenario, seed, commands, options);
  for (let result = session.advance(); result.status !== 'finished'; result = session.advance()) {
    if (result.status === 'decision') {
      throw new Error(`decision ${result.decision.number} has no answer in the command log`);
    }
  }
  const trace = session.finishTrace();
  return { trace, summary: replicationMetrics(trace, scenario, session.staffing()) };
}

/** Runs a simulation in slices of events, reporting progress and checking for cancellation. */
export function* runInSlices(
  scenario: Scenario,
  seed: number,
  eventsPerSlice = 200_000,
): Generator<number, RunResult, void> {
  const session = replaySession(scenario, seed, []);
  for (;;) {
    const result = session.advance(eventsPerSlice);
    if (result.status === 'finished') break;
    yield result.time / scenario.duration;
  }
  const trace = session.finishTrace();
  return { trace, summary: replicationMetrics(trace, scenario, session.staffing()) };
}
