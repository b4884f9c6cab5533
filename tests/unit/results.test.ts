/**
 * Pure helpers of the readiness report: names from the scenario, the summary's worst figures,
 * target lines, re-binned distributions, labels of aggregate paths and the CSV exports.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { makeReport, type Estimate, type Report } from '../../src/sim/metrics.ts';
import { run } from '../../src/sim/run.ts';
import {
  aggregateCsv,
  csvField,
  distributionOf,
  pathLabel,
  replicationsCsv,
  responseGroups,
  scenarioNames,
  summaryFacts,
  targetLines,
} from '../../src/ui/results/reportModel.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';
import { displayName } from '../../src/ui/i18n.ts';

const estimate = (mean: number): Estimate => ({ n: 5, mean, low: mean - 0.02, high: mean + 0.02 });

const doc = {
  id: 'test-city',
  name: '测试市',
  districts: [
    { id: 'old-town', name: '老城区', area: 'urban' },
    { id: 'hills', name: '山区镇', area: 'rural' },
    { id: 'port', name: 'Port', area: 'urban' },
  ],
  agencies: [
    { id: 'fire', name: '消防救援支队', tier: 1 },
    { id: 'power', name: '供电公司', tier: 2 },
  ],
  incidentKinds: [{ id: 'fire', name: '建筑火灾' }],
  targets: { tier1: { urban: 1200, rural: 2400 } },
};

function reportWith(aggregate: Record<string, Estimate>, pooled: Report['pooled'] = {}): Report {
  return {
    format: 'drill-planner-report',
    version: 1,
    scenario: 'test-city',
    seeds: [1, 2, 3, 4, 5],
    replications: [],
    aggregate,
    pooled,
    coverageCells: {},
  };
}

describe('scenario names', () => {
  it('reads names, areas and tiers, with the schema defaults for missing targets', () => {
    const names = scenarioNames(doc);
    expect(names.districts.get('hills')).toEqual({ name: '山区镇', area: 'rural' });
    expect(names.agencies.get('power')).toEqual({ name: '供电公司', tier: 2 });
    expect(names.targets.tier1).toEqual({ urban: 1200, rural: 2400 });
    // tier2 was left out: the schema's default.
    expect(names.targets.tier2).toEqual({ urban: 3600, rural: 5400 });
  });

  it('shows ids on the English page where the name is Chinese', () => {
    expect(displayName('hills', '山区镇', 'zh')).toBe('山区镇');
    expect(displayName('hills', '山区镇', 'en')).toBe('hills');
    expect(displayName('port', 'Port', 'en')).toBe('Port');
    expect(displayName('x', '', 'zh')).toBe('x');
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
  const names = scenarioNames(doc);
  const report = reportWith(
    {},
    Object.fromEntries(
      ['district/hills', 'overall', 'tier/2', 'kind/fire', 'tier/1', 'tier/none'].map((key) => [
        key,
        { n: 1, median: 0, p90: 0, histogram: [] },
      ]),
    ),
  );

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
  const names = scenarioNames(doc);
  const zh = resultsStrings.zh;
  const en = resultsStrings.en;

  it('labels paths in the page’s language, with the scenario’s names', () => {
    expect(pathLabel('response.byDistrict.hills.p90', zh, names, 'zh')).toBe(
      '响应时间（秒） · 山区镇 · 90 百分位',
    );
    expect(pathLabel('response.byDistrict.hills.p90', en, names, 'en')).toBe(
      'Response time (s) · hills · 90th percentile',
    );
    expect(pathLabel('assessment.power.deductions', zh, names, 'zh')).toBe(
      '考核 · 供电公司 · 扣分',
    );
    expect(pathLabel('arrivalCompliance.tier1/rural.withinTarget', zh, names, 'zh')).toBe(
      '到场时限（出动指令至到场，秒） · 一级联动单位 · 农村 · 达标率',
    );
    expect(pathLabel('utilisation.byTier.2', en, names, 'en')).toBe('Utilisation · Tier 2');
    expect(pathLabel('tierOneCoverage.overall', zh, names, 'zh')).toBe(
      '一级联动单位到场达标率 · 总体',
    );
    expect(pathLabel('calls', en, names, 'en')).toBe('Calls');
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
    );
    const csv = aggregateCsv(report, zh.csvHeader, (path) => `label of ${path}`);
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
    for (const path of Object.keys(report.aggregate)) {
      expect(pathLabel(path, zh, scenarioNames(scenario), 'zh')).not.toBe(path);
    }
  });
});
