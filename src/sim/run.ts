/**
 * `run(scenario, seed) → { trace, summary }`: the pure entry point. Same scenario and seed,
 * same trace, byte for byte, in Node and in the browser.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { replicationMetrics, type ReplicationMetrics } from './metrics.ts';
import { Simulation } from './model.ts';
import type { Trace } from './trace.ts';

export interface RunResult {
  trace: Trace;
  summary: ReplicationMetrics;
}

export function run(scenario: Scenario, seed: number): RunResult {
  const simulation = new Simulation(scenario, seed);
  while (simulation.advance().status !== 'finished') {
    // advance() only pauses for outside decisions, which a plain run never asks for.
  }
  const trace = simulation.finishTrace();
  return { trace, summary: replicationMetrics(trace, scenario.targets, scenario.rules.assessment) };
}

/** Runs a simulation in slices of events, reporting progress and checking for cancellation. */
export function* runInSlices(
  scenario: Scenario,
  seed: number,
  eventsPerSlice = 200_000,
): Generator<number, RunResult, void> {
  const simulation = new Simulation(scenario, seed);
  for (;;) {
    const result = simulation.advance(eventsPerSlice);
    if (result.status === 'finished') break;
    yield result.time / scenario.duration;
  }
  const trace = simulation.finishTrace();
  return { trace, summary: replicationMetrics(trace, scenario.targets, scenario.rules.assessment) };
}
