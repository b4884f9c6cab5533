/**
 * P(all capable units unavailable) where people read it (issue 12, item 10): the report's
 * estimates across replications, the results table and the figures CSV in the user's words,
 * and `sim run` in text (both languages) and JSON.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { makeReport, type Report } from '../../src/sim/analysis/report.ts';
import { reportLabels } from '../../src/sim/analysis/reportLabels.ts';
import { capabilityWords } from '../../src/sim/analysis/terms.ts';
import { run } from '../../src/sim/run.ts';
import { reportNames } from '../../src/ui/reportFigures.ts';
import { allBusyRows } from '../../src/ui/results/AllBusyTable.tsx';
import { aggregateCsv, figureLabel } from '../../src/ui/results/reportModel.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';

describe('all capable units unavailable, in the report', () => {
  const scenario = { ...builtinScenario('default-city'), duration: 3 * 86_400 };
  const runs = [1, 2, 3].map((seed) => run(scenario, seed));
  const report = JSON.parse(
    JSON.stringify(
      makeReport(
        scenario.id,
        runs.map((r) => r.summary),
        reportLabels(scenario, runs[0].trace.header),
      ),
    ),
  ) as Report;
  const capabilities = Object.keys(runs[0].summary.allUnitsBusy.byCapability);

  it('averages each capability’s share over the replications, with an interval', () => {
    expect(capabilities.length).toBeGreaterThan(3);
    for (const capability of capabilities) {
      const estimate = report.aggregate[`allUnitsBusy.byCapability.${capability}`];
      const mean =
        runs.reduce((sum, r) => sum + r.summary.allUnitsBusy.byCapability[capability], 0) /
        runs.length;
      expect(estimate.n).toBe(3);
      expect(estimate.mean).toBeCloseTo(mean, 12);
      expect(report.figures[`allUnitsBusy.byCapability.${capability}`].breakdown).toEqual({
        group: 'capability',
        key: capability,
      });
    }
    expect(report.aggregate['allUnitsBusy.overall'].n).toBe(3);
  });

  it('lists the capabilities in the user’s words, the overall row first, never a token', () => {
    for (const language of ['zh', 'en'] as const) {
      const rows = allBusyRows(report, language);
      expect(rows[0].id).toBe('');
      expect(rows[0].estimate).toEqual(report.aggregate['allUnitsBusy.overall']);
      expect(
        rows
          .slice(1)
          .map((r) => r.id)
          .sort(),
      ).toEqual([...capabilities].sort());
      for (const row of rows.slice(1)) {
        expect(row.label).toBe(capabilityWords(row.id, language));
        if (language === 'zh') expect(row.label).not.toBe(row.id);
      }
      for (let i = 2; i < rows.length; i++) {
        expect(rows[i].estimate.mean).toBeLessThanOrEqual(rows[i - 1].estimate.mean);
      }
    }
    for (const row of allBusyRows(report, 'zh')) expect(row.label).not.toMatch(/[a-z]{3}/i);
  });

  it('labels its columns of the figures CSV in Chinese', () => {
    const t = resultsStrings.zh;
    const names = reportNames(report);
    const csv = aggregateCsv(report, t.csvHeader, (figure) => figureLabel(figure, t, names, 'zh'));
    const line = csv.split('\r\n').find((l) => l.startsWith('allUnitsBusy.byCapability.fire,'));
    expect(line).toContain('具备该能力的力量全部不可用的时间占比 · 灭火');
    const overall = csv.split('\r\n').find((l) => l.startsWith('allUnitsBusy.overall,'));
    expect(overall).toContain('具备该能力的力量全部不可用的时间占比 · 任一事件类型所需能力');
  });
});

describe('all capable units unavailable, from the command line', () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints the table by capability in words, and the figures in --json', () => {
    const args = ['run', '--scenario', 'default-city', '--replications', '2', '--until', '3d'];
    expect(main([...args, '--lang', 'zh'])).toBe(0);
    const zh = out.join('\n');
    expect(zh).toContain('具备某项能力的力量全部不可用的概率（时间占比）');
    expect(zh).toContain('任一事件类型所需能力');
    const section = zh.slice(zh.indexOf('具备某项能力的力量全部不可用的概率'));
    expect(section).toMatch(/\n {2}灭火救援 +\d\.\d{3}/);
    expect(section).not.toMatch(/[a-z]{3}/i);
    // A share's interval stays within 0–1.
    for (const [, high] of section.matchAll(/–(\d+\.\d+)\)/g)) {
      expect(Number(high)).toBeLessThanOrEqual(1);
    }
    out = [];
    expect(main(args)).toBe(0);
    expect(out.join('\n')).toMatch(/\n {2}firefighting +\d\.\d{3}/);
    out = [];
    expect(main([...args, '--json'])).toBe(0);
    const report = JSON.parse(out.join('\n')) as Report;
    expect(report.aggregate['allUnitsBusy.overall'].n).toBe(2);
    expect(report.replications[0].allUnitsBusy.byCapability.fire).toBeGreaterThanOrEqual(0);
  });
});
