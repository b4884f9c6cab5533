/**
 * The per-call path made faster must give the same runs, bit for bit: digests of scenarios that
 * take its branches, pinned from the code before the change (commit bff450e), and the reasoning
 * behind what it now leaves out, checked directly.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/sim/run.ts';
import { traceDigest } from '../../src/sim/trace.ts';
import { World } from '../../src/sim/world/world.ts';
import { builtinScenarios, builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { PER_CALL_CASES, TRIAGE_OFF, TRIAGE_ON } from '../perCallCases.ts';

/** Traces of the cases by the code before the per-call work (bff450e), seeds 1 and 2. */
const BEFORE: Record<string, [string, string]> = {
  mmc: ['fd61c2d729b7fa0f:217040', 'e85b037da1c5cbe8:214620'],
  overflow: ['254333dcadbdac6f:197439', '368671db5a673546:195848'],
  byHour: ['9f06efa6573a2f1e:221698', 'c13ed41ebfbdbf67:221725'],
  twoSlots: ['afc41025021c47f3:369659', 'a9b33833619af120:365870'],
  triageShare: ['3db97f2ffcf59781:167109', '671cba18226b244f:164711'],
};

const digest = (scenario: Parameters<typeof run>[0], seed: number) => {
  const { trace } = run(scenario, seed);
  return `${traceDigest(trace)}:${trace.length}`;
};

describe('the per-call path gives the runs it gave before', () => {
  for (const [id, scenario] of Object.entries(PER_CALL_CASES)) {
    it(id, () => expect([1, 2].map((seed) => digest(scenario, seed))).toEqual(BEFORE[id]), 30_000);
  }

  it('the cases take the branches they are there for', () => {
    const { trace } = run(PER_CALL_CASES.triageShare, 1);
    const kinds = new Set(trace.kind);
    expect(kinds.has(1)).toBe(true); // sentTo12345: the share screens calls out
    const twoSlots = run(PER_CALL_CASES.twoSlots, 1).trace;
    expect(twoSlots.length / twoSlots.incidentCount).toBeGreaterThan(12); // two units a call
  });
});

describe('what the per-call path leaves out changes nothing', () => {
  it('triage without a share installs nothing, and the run is the one without the rule', () => {
    const on = new World(TRIAGE_ON, 1);
    expect(on.hooks.callReceived).toHaveLength(0);
    expect(on.hooks.screen).toHaveLength(0);
    expect(new World(PER_CALL_CASES.triageShare, 1).hooks.screen).toHaveLength(1);
    expect(digest(TRIAGE_ON, 3)).toBe(digest(TRIAGE_OFF, 3));
  }, 30_000);

  it('each kind’s on-scene samplers by slot are those its capability lookups give', () => {
    for (const { id } of builtinScenarios) {
      const world = new World(builtinScenario(id), 1);
      for (const kind of world.kinds) {
        expect(kind.slotWork).toHaveLength(kind.slotCapability.length);
        kind.slotCapability.forEach((capability, slot) => {
          expect(kind.slotWork[slot]).toBe(kind.workByCapability?.get(capability) ?? kind.work);
        });
      }
    }
    const two = new World(PER_CALL_CASES.twoSlots, 1).kinds[0];
    expect(two.slotWork[1]).not.toBe(two.work);
  });
});
