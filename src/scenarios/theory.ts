/**
 * Scenarios in the project's own format that reduce to textbook queues, for validation against
 * queueing theory and for the benchmark: one district, one base, c identical units, zero travel
 * (a 1-zone matrix of 0 s), zero call handling and mobilisation, Poisson calls, exponential work.
 * With `queue` it is M/M/c (Erlang C); with immediate overflow it is M/M/c/c (Erlang B).
 */
import { Scenario, type ScenarioInput } from './schema.ts';

export interface QueueScenarioOptions {
  servers: number;
  /** Calls per minute. */
  arrivalRatePerMinute: number;
  /** Services per minute per unit (1 / mean work time in minutes). */
  serviceRatePerMinute: number;
  whenNoUnit: 'queue' | 'overflow';
  /** Simulated minutes. */
  durationMinutes: number;
  warmupMinutes?: number;
}

export function queueScenarioInput(options: QueueScenarioOptions): ScenarioInput {
  const square: Array<[number, number]> = [
    [120.0, 30.0],
    [120.01, 30.0],
    [120.01, 30.01],
    [120.0, 30.01],
  ];
  return {
    id: `mmc-${options.servers}-${options.whenNoUnit}`,
    name: `M/M/${options.servers}${options.whenNoUnit === 'overflow' ? `/${options.servers}` : ''} reference queue`,
    description:
      'A textbook queue written as a scenario: zero travel, zero call handling and mobilisation, Poisson calls, exponential work.',
    duration: options.durationMinutes * 60,
    warmup: (options.warmupMinutes ?? 0) * 60,
    districts: [{ id: 'd', polygon: square }],
    bases: [{ id: 'b', location: [120.005, 30.005] }],
    travel: { model: 'matrix', zones: ['d'], seconds: [[0]] },
    agencies: [{ id: 'a', tier: 1 }],
    units: [
      {
        id: 'u',
        agency: 'a',
        base: 'b',
        count: options.servers,
        capabilities: ['any'],
        mobilisation: { type: 'fixed', value: 0 },
      },
    ],
    incidentKinds: [
      {
        id: 'call',
        needs: [{ capability: 'any', units: 1 }],
        workTime: { type: 'exponential', mean: 60 / options.serviceRatePerMinute },
      },
    ],
    arrivals: {
      streams: [{ kind: 'call', callsPerDay: options.arrivalRatePerMinute * 1440 }],
    },
    dispatch: {
      callHandling: { type: 'fixed', value: 0 },
      whenNoUnit: options.whenNoUnit,
      overflowDelay: 0,
    },
  };
}

export function queueScenario(options: QueueScenarioOptions): Scenario {
  return Scenario.parse(queueScenarioInput(options));
}
