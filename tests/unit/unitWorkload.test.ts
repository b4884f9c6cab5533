/**
 * Workload per unit in the report (issue 12, item 10): every own unit's share of time committed,
 * averaged over replications with its interval, named by the scenario's unit name (copies by
 * their number) and agency, busiest first.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { makeReport } from '../../src/sim/analysis/report.ts';
import { reportLabels } from '../../src/sim/analysis/reportLabels.ts';
import { run } from '../../src/sim/run.ts';
import { reportNames } from '../../src/ui/reportFigures.ts';
import { figureLabel } from '../../src/ui/results/reportModel.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';
import { unitWorkload } from '../../src/ui/results/UnitWorkload.tsx';

describe('workload per unit', () => {
  const scenario = { ...builtinScenario('default-city'), duration: 3 * 86_400 };
  const runs = [1, 2, 3].map((seed) => run(scenario, seed));
  const report = makeReport(
    scenario.id,
    runs.map((r) => r.summary),
    reportLabels(scenario, runs[0].trace.header),
  );
  const names = reportNames(JSON.parse(JSON.stringify(report)) as typeof report);

  it('averages each unit’s share over the replications, with an interval', () => {
    const rows = unitWorkload(report, names, 'zh');
    const own = runs[0].trace.header.units.filter((_, i) => !runs[0].trace.header.unitReserves[i]);
    expect(rows.map((r) => r.id).sort()).toEqual([...own].sort());
    const busiest = rows[0];
    const mean =
      runs.reduce((sum, r) => sum + r.summary.utilisation.byUnit[busiest.id], 0) / runs.length;
    expect(busiest.estimate.mean).toBeCloseTo(mean, 12);
    expect(busiest.estimate.mean).toBeGreaterThan(0);
    expect(busiest.estimate.low).toBeLessThanOrEqual(mean);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].estimate.mean).toBeLessThanOrEqual(rows[i - 1].estimate.mean);
    }
    // The agency's figure is the mean of its units'.
    const fire = rows.filter((r) => names.units.get(r.id)?.agency === 'fire');
    const fireMean = fire.reduce((sum, r) => sum + r.estimate.mean, 0) / fire.length;
    expect(report.aggregate['utilisation.byAgency.fire'].mean).toBeCloseTo(fireMean, 12);
  });

  it('names units and agencies in the language, copies by their number', () => {
    const rows = unitWorkload(report, names, 'en');
    for (const row of rows) {
      expect(row.name).not.toBe(row.id);
      expect(row.agency).not.toMatch(/^[a-z-]+$/);
    }
    const copy = rows.find((r) => r.id.endsWith('#2'))!;
    const spec = scenario.units.find((u) => u.id === copy.id.slice(0, -2))!;
    expect(spec.nameEn).toBeTruthy();
    expect(copy.name).toBe(`${spec.nameEn} #2`);
    expect(unitWorkload(report, names, 'zh').find((r) => r.id === copy.id)?.name).toBe(
      `${spec.name} #2`,
    );
    expect(rows.find((r) => r.id.startsWith('fire-'))?.agency).toBe(
      'Lincheng Fire and Rescue Detachment',
    );
    const path = `utilisation.byUnit.${copy.id}`;
    expect(figureLabel(report.figures[path], resultsStrings.zh, names, 'zh')).toBe(
      `力量利用率 · ${spec.name} #2`,
    );
  });
});
