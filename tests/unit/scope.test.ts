import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import type { ScenarioInput } from '../../src/scenarios/schema.ts';
import { agenciesNoKindNeeds, rulesWithoutKinds } from '../../src/ui/editors/scope.ts';

type Doc = ScenarioInput & { rules: Record<string, Record<string, unknown>> };

const doc = () =>
  structuredClone(builtinScenarios.find((s) => s.id === 'zhoushan-islands')!.input) as Doc;

describe('edits that cannot change a result', () => {
  it('finds the agencies whose units no incident kind needs', () => {
    const zhoushan = doc();
    const idle = agenciesNoKindNeeds(zhoushan as unknown as Record<string, unknown>);
    // 舟山市民政局 (civil affairs): relief and shelter, which no kind of the scenario needs.
    expect(idle.has('civil')).toBe(true);
    expect(idle.has('fire')).toBe(false);
    // Once a kind needs its capability, it is no longer idle.
    const capability = zhoushan.units.find((u) => u.agency === 'civil')!.capabilities[0];
    zhoushan.incidentKinds[0].needs!.push({ capability, units: 1 });
    expect(agenciesNoKindNeeds(zhoushan as unknown as Record<string, unknown>).has('civil')).toBe(
      false,
    );
  });

  it('finds a rule switched on with no incident kind in its scope', () => {
    const zhoushan = doc();
    zhoushan.rules.fireRescueApproval = { enabled: true };
    expect(rulesWithoutKinds(zhoushan as unknown as Record<string, unknown>)).toEqual([
      'fireRescueApproval',
    ]);
    zhoushan.rules.fireRescueApproval.kinds = ['noSuchKind'];
    expect(rulesWithoutKinds(zhoushan as unknown as Record<string, unknown>)).toEqual([
      'fireRescueApproval',
    ]);
    zhoushan.rules.fireRescueApproval.kinds = ['fire'];
    expect(rulesWithoutKinds(zhoushan as unknown as Record<string, unknown>)).toEqual([]);
    zhoushan.rules.fireRescueApproval.enabled = false;
    zhoushan.rules.fireRescueApproval.kinds = [];
    expect(rulesWithoutKinds(zhoushan as unknown as Record<string, unknown>)).toEqual([]);
  });
});
