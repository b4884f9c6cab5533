/**
 * Scenarios that take the per-call path's branches (tests/unit/perCall.test.ts): the bench's
 * M/M/3, its overflow twin, arrivals by hour of the day and of the week, a kind of two slots
 * with an on-scene time by capability, and 12345 triage with and without a share.
 */
import { Scenario, type ScenarioInput } from '../src/scenarios/schema.ts';
import { queueScenarioInput } from '../src/scenarios/theory.ts';

const base = (whenNoUnit: 'queue' | 'overflow'): ScenarioInput =>
  queueScenarioInput({
    servers: 3,
    arrivalRatePerMinute: 1.5,
    serviceRatePerMinute: 1,
    whenNoUnit,
    durationMinutes: 20_000,
  });

function variant(
  whenNoUnit: 'queue' | 'overflow',
  change: (input: ScenarioInput) => void,
): Scenario {
  const input = structuredClone(base(whenNoUnit));
  change(input);
  return Scenario.parse(input);
}

export const PER_CALL_CASES: Record<string, Scenario> = {
  mmc: variant('queue', () => {}),
  overflow: variant('overflow', () => {}),
  byHour: variant('queue', (input) => {
    const stream = input.arrivals!.streams![0];
    stream.hourProfile = Array.from({ length: 24 }, (_, h) => 1 + (h % 5));
    stream.dayProfile = [1, 1, 1, 1, 1, 2, 3];
  }),
  twoSlots: variant('queue', (input) => {
    input.units.push({ ...input.units[0], id: 'v', capabilities: ['other'], count: 2 });
    input.incidentKinds[0].needs = [
      { capability: 'any', units: 1 },
      { capability: 'other', units: 1 },
    ];
    input.incidentKinds[0].workTimeByCapability = { other: { type: 'exponential', mean: 30 } };
  }),
  triageShare: variant('queue', (input) => {
    input.incidentKinds[0].nonEmergencyShare = 0.3;
  }),
};

/** The M/M/3 with triage on (the default) and off: no kind has a share, so the same run. */
export const TRIAGE_ON = variant('queue', (input) => (input.rules = { triage: { enabled: true } }));
export const TRIAGE_OFF = variant(
  'queue',
  (input) => (input.rules = { triage: { enabled: false } }),
);
