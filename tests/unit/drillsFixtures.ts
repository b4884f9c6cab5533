/** Shared pieces of the drill tests: built-in scenarios loaded once, a small drill maker. */
import { DrillSchema, type Drill, type DrillInput } from '../../src/drills/api.ts';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

const scenarios = new Map<string, Scenario>();

/** A built-in scenario, checked once per test file. */
export function scenarioOf(id: string): Scenario | undefined {
  if (!builtinScenarios.some((s) => s.id === id)) return undefined;
  let scenario = scenarios.get(id);
  if (!scenario) scenarios.set(id, (scenario = builtinScenario(id)));
  return scenario;
}

export const LEAK: [number, number] = [119.60589, 29.05187];

/** A drill on the Jinhua scenario with the given steps (and anything else overridden). */
export function jinhuaDrill(overrides: Partial<DrillInput>): Drill {
  return DrillSchema.parse({
    format: 'drill-planner/drill',
    version: 1,
    id: 'test',
    scenario: 'jinhua-hazmat-drill',
    header: { name: '测试演练' },
    clock: { start: 3600, horizon: 7200 },
    phases: [{ id: 'p', name: '阶段' }],
    steps: [],
    ...overrides,
  });
}

/** A step with a call of `kind` at the Jinhua leak site. */
export function callStep(id: string, at: number, kind = 'hazmatDrill', extra: object = {}) {
  return {
    id,
    phase: 'p',
    title: `环节 ${id}`,
    timing: { type: 'at' as const, at },
    command: { type: 'call' as const, kind, location: LEAK, district: 'wucheng' },
    ...extra,
  };
}
