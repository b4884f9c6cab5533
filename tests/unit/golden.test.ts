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
  'default-city': ['e906ea275226089b:9152', '85f3cbb5e406d8db:9355'],
  'benchmark-city': ['a7ed4bab393bd840:71100', '16a209d5c05ce98a:68833'],
  'mmc-3-queue': ['713b59ec9d35e976:109702', 'addaf002f1dd4fab:107241'],
  'huzhou-flood': ['3f15e0aa88a92a91:15579', 'b7338614f4238e6a:15661'],
  'zhoushan-islands': ['28109c4de544bc1a:12481', '60b5178e0d723ff8:12752'],
  'jinhua-hazmat-drill': ['08ea5f290419d1ff:280', '5abf8b4faefe6a70:248'],
  'township-group-incident': ['257e758c027c7a3a:1744', '4d5e8c3bfd431686:1953'],
  'weihai-forest-fire': ['9893c14ad4bcf90a:16368', 'cf2d0e7f3c01532c:15975'],
};

describe('golden trace digests of the built-in scenarios', () => {
  it('covers every built-in', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(builtinScenarios.map((b) => b.id).sort());
  });
  for (const [id, digests] of Object.entries(GOLDEN)) {
    it(id, () => {
      let scenario = builtinScenario(id);
      if (id === 'benchmark-city') scenario = { ...scenario, duration: 14 * 86_400 };
      const actual = [1, 2].map((seed) => {
        const { trace } = run(scenario, seed);
        return `${traceDigest(trace)}:${trace.length}`;
      });
      expect(actual).toEqual(digests);
    }, 30_000);
  }
});
