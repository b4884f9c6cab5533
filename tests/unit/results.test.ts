/**
 * Pure helpers of the readiness report: the names the report carries, the summary's worst
 * figures, target lines, re-binned distributions, labels of figures and the CSV exports.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { makeReport, type Estimate, type Report } from '../../src/sim/analysis/report.ts';
import type { ReportLabels } from '../../src/sim/analysis/reportLabels.ts';
import { run } from '../../src/sim/run.ts';
import { reportNames } from '../../src/ui/reportFigures.ts';
import {
  aggregateCsv,
  csvField,
  distributionOf,
  figureLabel,
  replicationsCsv,
  responseGroups,
  summaryFacts,
  targetLines,
} from '../../src/ui/results/reportModel.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';
import { displayName } from '../../src/ui/i18n.ts';
import { labelsOf, reportOfEstimates } from './fixtures.ts';

const estimate = (mean: number): Estimate => ({ n: 5, mean, low: mean - 0.02, high: mean + 0.02 });

const labels: ReportLabels = {
  scenarioName: '测试市',
  districts: [
    { id: 'old-town', name: '老城区', area: 'urban' },
    { id: 'hills', name: '山区镇', nameEn: 'Hill Towns', area: 'rural' },
    { id: 'port', name: 'Port', area: 'urban' },
  ],
  agencies: [
    { id: 'fire', name: '消防救援支队', tier: 1, sector: 'government' },
    { id: 'power', name: '供电公司', tier: 2, sector: 'enterprise' },
  ],
  incidentKinds: [{ id: 'fire', name: '建筑火灾' }],
  units: [{ id: 'engine-1', agency: 'fire' }],
  targets: { tier1: { urban: 1200, rural: 2400 }, tier2: { urban: 3600, rural: 5400 } },
};

function reportWith(aggregate: Record<string, Estimate>, pooled: Report['pooled'] = {}): Report {
  return reportOfEstimates(aggregate, labels, pooled);
}

describe('report names', () => {
  it('reads names, areas, tiers and targets from the report, through JSON too', () => {
    const names = reportNames(JSON.parse(JSON.stringify(reportWith({}))) as Report);
    expect(names.scenarioName).toBe('测试市');
    expect(names.districts.get('hills')).toEqual({
      name: '山区镇',
      nameEn: 'Hill Towns',
      area: 'rural',
    });
    expect(names.agencies.get('power')).toEqual({
      name: '供电公司',
      tier: 2,
      sector: 'enterprise',
    });
    expect(names.kinds.get('fire')).toEqual({ name: '建筑火灾' });
    expect(names.targets.tier1).toEqual({ urban: 1200, rural: 2400 });
    // Ids that are Object.prototype's keys are only ids.
    expect(names.districts.get('constructor')).toBeUndefined();
  });

  it('shows the English name on the English page, else the name as written, never the id', () => {
    expect(displayName('hills', '山区镇', 'zh', 'Hill Towns')).toBe('山区镇');
    expect(displayName('hills', '山区镇', 'en', 'Hill Towns')).toBe('Hill Towns');
    expect(displayName('old-town', '老城区', 'en')).toBe('老城区');
    expect(displayName('port', 'Port', 'en')).toBe('Port');
    // Only what has no name at all is shown by its id.
    expect(displayName('x', '', 'zh')).toBe('x');
    expect(displayName('x', '', 'en')).toBe('x');
  });
});

describe('summary facts', () => {
  it('finds districts below 80% worst first, the agency with most deductions and strain', () => {
    const facts = summaryFacts(
      reportWith({
        'tierOneCoverage.overall': estimate(0.87),
        'tierOneCoverage.byDistrict.old-town': estimate(0.95),
        'tierOneCoverage.byDistrict.hills': estimate(0.62),
        'tierOneCoverage.byDistrict.port': estimate(0.79),
        'assessment.fire.deductions': estimate(1),
        'assessment.power.deductions': estimate(3.5),
        'utilisation.byTier.1': estimate(0.85),
        'utilisation.byTier.2': estimate(0.4),
        'utilisation.byAgency.fire': estimate(0.91),
        'utilisation.byAgency.power': estimate(0.4),
        overflowed: estimate(2),
      }),
    );
    expect(facts.coverage?.mean).toBe(0.87);
    expect(facts.districtsBelow.map((row) => row.id)).toEqual(['hills', 'port']);
    expect(facts.mostDeductions?.id).toBe('power');
    expect(facts.strainedTiers.map((row) => row.id)).toEqual(['1']);
    expect(facts.strainedAgencies.map((row) => row.id)).toEqual(['fire']);
    expect(facts.overflowed?.mean).toBe(2);
  });

  it('names no agency when nobody lost points', () => {
    const facts = summaryFacts(reportWith({ 'assessment.fire.deductions': estimate(0) }));
    expect(facts.mostDeductions).toBeNull();
    expect(facts.districtsBelow).toEqual([]);
  });
});

describe('response groups and target lines', () => {
  const pooled = (breakdown: Report['pooled'][string]['breakdown']) => ({
    breakdown,
    n: 1,
    median: 0,
    p90: 0,
    histogram: [],
  });
  const report = reportWith(
    {},
    {
      'district/hills': pooled({ group: 'district', key: 'hills' }),
      overall: pooled({ group: 'overall' }),
      'tier/2': pooled({ group: 'tier', key: '2' }),
      'kind/fire': pooled({ group: 'kind', key: 'fire' }),
      'tier/1': pooled({ group: 'tier', key: '1' }),
      'tier/none': pooled({ group: 'tier', key: 'none' }),
    },
  );
  const names = reportNames(report);

  it('orders groups overall, tiers, kinds, districts', () => {
    expect(responseGroups(report).map((g) => g.key)).toEqual([
      'overall',
      'tier/1',
      'tier/2',
      'tier/none',
      'kind/fire',
      'district/hills',
    ]);
  });

  it('draws a tier its own targets, a district its area’s, and each value once', () => {
    const [overall, tier1, tier2, none, , hills] = responseGroups(report);
    expect(targetLines(tier1, names)).toEqual([
      { tier: 1, area: 'urban', seconds: 1200 },
      { tier: 1, area: 'rural', seconds: 2400 },
    ]);
    expect(targetLines(tier2, names).map((line) => line.seconds)).toEqual([3600, 5400]);
    expect(targetLines(none, names)).toEqual([]);
    expect(targetLines(hills, names).map((line) => [line.tier, line.area])).toEqual([
      [1, 'rural'],
      [2, 'rural'],
    ]);
    expect(targetLines(overall, names).map((line) => line.seconds)).toEqual([
      1200, 2400, 3600, 5400,
    ]);
  });
});

describe('distributions', () => {
  it('re-bins 10-s counts into round minutes, with the share beyond the axis', () => {
    // 30 calls at 0–10 s, 69 at 5 min, 1 at 2 h (beyond the 99th percentile).
    const distribution = distributionOf(
      [
        [0, 30],
        [30, 69],
        [720, 1],
      ],
      [1800],
    );
    expect(distribution.total).toBe(100);
    // The axis reaches past the 30-min target (33 min), in 1-min bins.
    expect(distribution.maxMinutes).toBe(33);
    expect(distribution.bins[0]).toEqual({ from: 0, to: 1, share: 0.3 });
    expect(distribution.bins[5].share).toBeCloseTo(0.69);
    expect(distribution.beyond).toBeCloseTo(0.01);
    const last = distribution.ecdf[distribution.ecdf.length - 1];
    expect(last[0]).toBe(33);
    expect(last[1]).toBeCloseTo(0.99);
    // Never decreasing.
    for (let i = 1; i < distribution.ecdf.length; i++) {
      expect(distribution.ecdf[i][1]).toBeGreaterThanOrEqual(distribution.ecdf[i - 1][1]);
    }
  });
});

describe('labels and CSV', () => {
  const zh = resultsStrings.zh;
  const paths = [
    'response.byDistrict.hills.p90',
    'assessment.power.deductions',
    'arrivalCompliance.tier1/rural.withinTarget',
    'utilisation.byTier.2',
    'tierOneCoverage.overall',
    'calls',
  ];
  const report = reportWith(Object.fromEntries(paths.map((path) => [path, estimate(1)])));
  const names = reportNames(report);
  const label = (path: string, language: 'zh' | 'en') =>
    figureLabel(report.figures[path], resultsStrings[language], names, language);

  it('labels figures in the page’s language, with the report’s names', () => {
    expect(label('response.byDistrict.hills.p90', 'zh')).toBe(
      '响应时间（秒） · 山区镇 · 90 百分位',
    );
    expect(label('response.byDistrict.hills.p90', 'en')).toBe(
      'Response time (s) · Hill Towns · 90th percentile',
    );
    expect(label('assessment.power.deductions', 'zh')).toBe('考核 · 供电公司 · 扣分');
    expect(label('arrivalCompliance.tier1/rural.withinTarget', 'zh')).toBe(
      '到场时限（出动指令至到场，秒） · 一级联动单位 · 农村 · 时限内比例',
    );
    expect(label('utilisation.byTier.2', 'en')).toBe('Utilisation · Tier 2');
    expect(label('tierOneCoverage.overall', 'zh')).toBe('一级联动单位到场达标率 · 总体');
    expect(label('calls', 'en')).toBe('Calls');
  });

  it('quotes fields with commas, quotes and line breaks; NaN is empty', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(NaN)).toBe('');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@sum')).toBe("'@sum");
  });

  it('writes the aggregate and the replications of a real run', () => {
    const scenario = builtinScenario('default-city');
    const report = makeReport(
      scenario.id,
      [1, 2].map((seed) => run(scenario, seed).summary),
      labelsOf(scenario),
    );
    const csv = aggregateCsv(report, zh.csvHeader, (figure) => `label of ${figure.figure}`);
    expect(csv.startsWith('\uFEFF路径,指标,均值')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(Object.keys(report.aggregate).length + 1);
    const calls = report.aggregate.calls;
    expect(lines).toContain(
      `calls,label of calls,${calls.mean},${calls.low},${calls.high},${calls.n}`,
    );

    const perRun = replicationsCsv(report, 'seed').slice(1).trimEnd().split('\r\n');
    expect(perRun).toHaveLength(3);
    const header = perRun[0].split(',');
    expect(header[0]).toBe('seed');
    expect(header.slice(1)).toEqual(Object.keys(report.aggregate));
    const second = perRun[2].split(',');
    expect(Number(second[0])).toBe(2);
    expect(Number(second[header.indexOf('calls')])).toBe(report.replications[1].calls);
    // Every path has a label that is not the bare path.
    const names = reportNames(report);
    for (const path of Object.keys(report.aggregate)) {
      expect(figureLabel(report.figures[path], zh, names, 'zh')).not.toBe(path);
    }
  });
});
