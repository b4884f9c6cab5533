/**
 * Golden trace digests of every built-in scenario, two seeds each (the benchmark city cut to two
 * weeks). A change to the simulator that is meant to be a pure restructuring must leave them
 * as they are; a deliberate change of behaviour or of the trace format re-pins them, and says
 * why in its commit.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { run } from '../../src/sim/run.ts';
import { traceDigest } from '../../src/sim/trace.ts';

const GOLDEN: Record<string, [string, string]> = {
  'default-city': ['bd049b140b0ab82c:9080', '35d76fc4a279345f:9418'],
  'benchmark-city': ['3057af6f582e9f7f:70973', '681bafea7e25b4d8:69027'],
  'mmc-3-queue': ['e1b1bfa1b17188f8:109702', '8b0673da25e2ee41:107241'],
  'huzhou-flood': ['6f688327646ee475:15551', '22b378d7b0ea1929:15770'],
  'zhoushan-islands': ['a512a5925c724c61:12334', 'd622fea4cafc5a6d:12864'],
  'jinhua-hazmat-drill': ['c23b1aa87e89c772:285', '3715bdabb60a2efc:244'],
  'township-group-incident': ['cbb75162ec065677:1773', '5b822bc3de80d9a7:2002'],
  'weihai-forest-fire': ['1a3bf30b3c15e0f0:16304', '23226127197053f1:16056'],
};

describe('golden trace digests of the built-in scenarios', () => {
  it('covers every built-in', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(builtinScenarios.map((b) => b.id).sort());
  });
  for (const [id, digests] of Object.entries(GOLDEN)) {
    it(
      id,
      () => {
        let scenario = builtinScenario(id);
        if (id === 'benchmark-city') scenario = { ...scenario, duration: 14 * 86_400 };
        const actual = [1, 2].map((seed) => {
          const { trace } = run(scenario, seed);
          return `${traceDigest(trace)}:${trace.length}`;
        });
        expect(actual).toEqual(digests);
      },
      30_000,
    );
  }
});
