/**
 * A report carries the labels its views need (names, tiers, sectors, areas, targets, the units'
 * agencies) and says what each figure is, so that views neither read the scenario document nor
 * take paths apart: checked on a built-in scenario, through JSON and shard merges, and through
 * the views' label helpers.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { makeReport, mergeReports, type Report } from '../../src/sim/analysis/report.ts';
import { reportLabels } from '../../src/sim/analysis/reportLabels.ts';
import { run } from '../../src/sim/run.ts';
import { figureRows } from '../../src/ui/compare/rows.ts';
import { compareStrings } from '../../src/ui/compare/strings.ts';
import { breakdownEstimates, reportNames } from '../../src/ui/reportFigures.ts';
import { figureLabel, responseGroups, targetLines } from '../../src/ui/results/reportModel.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';
import { lineScenario, scenario } from './fixtures.ts';

/** A report of a scenario over some seeds, labelled from the first run's trace header. */
function reportOf(of: Scenario, seeds: number[]): Report {
  const runs = seeds.map((seed) => run(of, seed));
  return makeReport(
    of.id,
    runs.map((r) => r.summary),
    reportLabels(of, runs[0].trace.header),
  );
}

// Two days of the islands are enough to reach every district.
const zhoushan: Scenario = { ...builtinScenario('zhoushan-islands'), duration: 2 * 86_400 };
const report = reportOf(zhoushan, [1, 2]);

describe('the labels of a report of zhoushan-islands', () => {
  const { labels } = report;

  it('names agencies as the scenario does, with their tier and sector', () => {
    expect(labels.scenarioName).toBe('舟山：海岛城市分级社会应急联动');
    expect(labels.agencies).toHaveLength(zhoushan.agencies.length);
    const agency = (id: string) => labels.agencies.find((a) => a.id === id);
    expect(agency('fire')).toEqual({
      id: 'fire',
      name: '舟山市消防救援支队',
      nameEn: 'Zhoushan Fire and Rescue Detachment',
      tier: 1,
      sector: 'government',
    });
    expect(agency('power')).toMatchObject({ name: '国网舟山供电公司', sector: 'enterprise' });
    expect(agency('militia')).toMatchObject({
      name: '舟山警备区（民兵）',
      tier: 2,
      sector: 'military',
    });
    expect(agency('weather')).toMatchObject({ name: '舟山市气象局', tier: 3 });
  });

  it('gives districts their names and areas, kinds their names, tiers their targets', () => {
    expect(labels.districts).toEqual([
      { id: 'dinghai', name: '定海区', nameEn: 'Dinghai District', area: 'urban' },
      { id: 'putuo', name: '普陀区', nameEn: 'Putuo District', area: 'urban' },
      { id: 'daishan', name: '岱山县', nameEn: 'Daishan County', area: 'rural' },
      { id: 'shengsi', name: '嵊泗县', nameEn: 'Shengsi County', area: 'rural' },
    ]);
    expect(labels.incidentKinds.find((k) => k.id === 'oilSpill')?.name).toBe('船舶溢油');
    expect(labels.incidentKinds.map((k) => k.id)).toEqual(zhoushan.incidentKinds.map((k) => k.id));
    expect(labels.targets).toEqual({
      tier1: { urban: 1800, rural: 3600 },
      tier2: { urban: 3600, rural: 5400 },
    });
  });

  it('lists every unit as the trace does, copies too, each with its agency', () => {
    const header = run({ ...zhoushan, duration: 3600 }, 1).trace.header;
    expect(labels.units.map((u) => u.id)).toEqual(header.units);
    // fire-dinghai-engine has count 2: the second is fire-dinghai-engine#2.
    expect(labels.units.find((u) => u.id === 'fire-dinghai-engine#2')?.agency).toBe('fire');
    const agencies = new Set(labels.agencies.map((a) => a.id));
    for (const unit of labels.units) expect(agencies.has(unit.agency)).toBe(true);
  });
});

describe('what each figure is', () => {
  it('gives every aggregate path its record, the part of it and its statistic', () => {
    expect(Object.keys(report.figures)).toEqual(Object.keys(report.aggregate));
    expect(report.figures['calls']).toEqual({ figure: 'calls' });
    expect(report.figures['response.overall.mean']).toEqual({
      figure: 'response',
      breakdown: { group: 'overall' },
      stat: 'mean',
    });
    expect(report.figures['response.byDistrict.putuo.p90']).toEqual({
      figure: 'response',
      breakdown: { group: 'district', key: 'putuo' },
      stat: 'p90',
    });
    expect(report.figures['utilisation.byAgency.fire']).toEqual({
      figure: 'utilisation',
      breakdown: { group: 'agency', key: 'fire' },
    });
    expect(report.figures['assessment.fire.deductions']).toEqual({
      figure: 'assessment',
      breakdown: { group: 'agency', key: 'fire' },
      stat: 'deductions',
    });
    expect(report.figures['arrivalCompliance.tier1/rural.withinTarget']).toEqual({
      figure: 'arrivalCompliance',
      breakdown: { group: 'tierArea', key: 'tier1/rural', tier: 1, area: 'rural' },
      stat: 'withinTarget',
    });
    expect(report.pooled['district/daishan'].breakdown).toEqual({
      group: 'district',
      key: 'daishan',
    });
    expect(report.pooled['overall'].breakdown).toEqual({ group: 'overall' });
  });

  it('keeps ids with dots whole, where a path cannot', () => {
    const input = lineScenario({ arrivals: { streams: [{ kind: 'fire', callsPerDay: 40 }] } });
    input.districts = input.districts.map((d) => ({ ...d, id: `zone.${d.id}` }));
    const dotted = reportOf(scenario(input), [1]);
    const districts = breakdownEstimates(dotted, 'tierOneCoverage', 'district').map((d) => d.id);
    expect(districts.sort()).toEqual(['zone.east', 'zone.west']);
    const means = breakdownEstimates(dotted, 'response', 'district', 'mean').map((d) => d.id);
    expect(means.sort()).toEqual(['zone.east', 'zone.west']);
    expect(responseGroups(dotted).map((g) => g.id)).toContain('zone.west');
  });
});

describe('labels through JSON and merges', () => {
  it('a merged report keeps the labels and figures of one run over all the seeds', () => {
    const shards = [reportOf(zhoushan, [2]), reportOf(zhoushan, [1])].map(
      (shard) => JSON.parse(JSON.stringify(shard)) as Report,
    );
    expect(JSON.stringify(mergeReports(shards))).toBe(JSON.stringify(report));
  });

  it('refuses shards of an edited scenario, and reports of the version without labels', () => {
    const renamed: Scenario = {
      ...zhoushan,
      districts: zhoushan.districts.map((d) => (d.id === 'putuo' ? { ...d, name: '普陀' } : d)),
    };
    expect(() => mergeReports([reportOf(zhoushan, [1]), reportOf(renamed, [2])])).toThrow(
      /labels differ/,
    );
    const { labels: _none, ...older } = { ...reportOf(zhoushan, [1]), version: 1 };
    expect(() => mergeReports([older as unknown as Report])).toThrow(/version 2/);
  });
});

describe('views label a report by its own labels', () => {
  const zh = resultsStrings.zh;

  it('names a figure row with the names the report carries', () => {
    const names = reportNames(report);
    const label = (path: string) => figureLabel(report.figures[path], zh, names, 'zh');
    expect(label('response.byDistrict.putuo.p90')).toBe('响应时间（秒） · 普陀区 · 90 百分位');
    expect(label('utilisation.byAgency.fire')).toBe('力量利用率 · 舟山市消防救援支队');
    expect(label('response.byKind.oilSpill.mean')).toBe('响应时间（秒） · 船舶溢油 · 均值');
    expect(label('arrivalCompliance.tier1/rural.withinTarget')).toBe(
      '到场时限（出动指令至到场，秒） · 一级联动单位 · 农村 · 时限内比例',
    );
  });

  it('a report of an edited scenario keeps its own names and areas; the first keeps the old', () => {
    const edited: Scenario = {
      ...zhoushan,
      districts: zhoushan.districts.map((d) =>
        d.id === 'daishan' ? { ...d, name: '岱山（改）', area: 'urban' } : d,
      ),
    };
    const later = reportOf(edited, [1]);
    const daishan = responseGroups(report).find((g) => g.key === 'district/daishan')!;
    expect(targetLines(daishan, reportNames(report)).map((line) => line.area)).toEqual([
      'rural',
      'rural',
    ]);
    expect(targetLines(daishan, reportNames(later)).map((line) => line.area)).toEqual([
      'urban',
      'urban',
    ]);
    const coverageRow = (of: Report) =>
      figureRows(of.figures, reportNames(of), compareStrings.zh).find(
        (row) => row.path === 'tierOneCoverage.byDistrict.daishan',
      )?.label;
    expect(coverageRow(report)).toBe('岱山县');
    expect(coverageRow(later)).toBe('岱山（改）');
  });
});
