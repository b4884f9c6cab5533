import { describe, expect, it } from 'vitest';
import {
  compareReports,
  excludesZero,
  pairBySeed,
  welchDifference,
} from '../../src/sim/analysis/compare.ts';
import type { ReplicationMetrics } from '../../src/sim/analysis/metrics.ts';
import { makeReport } from '../../src/sim/analysis/report.ts';
import { run } from '../../src/sim/run.ts';
import {
  buildResult,
  comparisonCsv,
  coverageChanges,
  csvField,
  recordOf,
} from '../../src/ui/compare/result.ts';
import { figureRows } from '../../src/ui/compare/rows.ts';
import { compareStrings } from '../../src/ui/compare/strings.ts';
import { reportNames } from '../../src/ui/reportFigures.ts';
import { labelsOf, lineScenario, NO_LABELS, reportOfEstimates, scenario } from './fixtures.ts';

const busyLine = scenario(
  lineScenario({
    arrivals: {
      streams: [
        { kind: 'fire', callsPerDay: 30 },
        { kind: 'bigFire', callsPerDay: 2 },
      ],
    },
  }),
);
const runs = (seeds: number[]) => seeds.map((seed) => run(busyLine, seed).summary);
const lineLabels = labelsOf(busyLine);

/** A copy of the replications with the overall mean response shifted by `seconds` for each seed. */
function shifted(
  replications: ReplicationMetrics[],
  seconds: (seed: number) => number,
): ReplicationMetrics[] {
  return replications.map((r) => {
    const copy = structuredClone(r);
    copy.response.overall.mean += seconds(r.seed);
    return copy;
  });
}

describe('paired comparison of reports', () => {
  const base = makeReport('line', runs([1, 2, 3, 4, 5]), lineLabels);

  it('gives zero differences of zero width for identical reports', () => {
    const same = makeReport('line', structuredClone(base.replications), lineLabels);
    const rows = compareReports(base, same);
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      if (!row.paired || row.paired.n === 0) continue;
      expect(row.paired.mean).toBe(0);
      if (row.paired.n > 1) {
        expect(row.paired.low).toBe(0);
        expect(row.paired.high).toBe(0);
      }
      expect(excludesZero(row.paired)).toBe(false);
    }
    const mean = rows.find((r) => r.path === 'response.overall.mean')!;
    expect(mean.paired!.n).toBe(5);
    // Independent runs would not see it: the unpaired interval is as wide as the spread.
    expect(mean.unpaired!.high - mean.unpaired!.low).toBeGreaterThan(0);
  });

  it('finds a known shift exactly, with a paired interval far narrower than the unpaired one', () => {
    const variant = makeReport(
      'line',
      shifted(base.replications, () => 120),
      lineLabels,
    );
    const [row] = compareReports(base, variant, ['response.overall.mean']);
    expect(row.paired!.mean).toBeCloseTo(120, 9);
    expect(row.paired!.high - row.paired!.low).toBeLessThan(1e-9);
    expect(excludesZero(row.paired)).toBe(true);
    expect(row.unpaired!.mean).toBeCloseTo(120, 9);
    expect(row.unpaired!.high - row.unpaired!.low).toBeGreaterThan(1);
    expect(row.base).toEqual(base.aggregate['response.overall.mean']);
    expect(row.variant!.mean).toBeCloseTo(base.aggregate['response.overall.mean'].mean + 120, 9);
  });

  it('pairs replications by seed, not by position', () => {
    // The variant has seeds 3..7: only 3, 4 and 5 pair with the base, and each with its twin.
    const variantRuns = shifted(runs([3, 4, 5, 6, 7]), (seed) => seed * 10);
    const variant = makeReport('line', variantRuns.slice().reverse(), lineLabels);
    expect(pairBySeed(base, variant).map(([b, v]) => [b.seed, v.seed])).toEqual([
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    const [row] = compareReports(base, variant, ['response.overall.mean']);
    expect(row.paired!.n).toBe(3);
    expect(row.paired!.mean).toBeCloseTo(40, 9);
  });

  it('reports a figure missing on one side as such', () => {
    const variant = makeReport('line', runs([1, 2, 3, 4, 5]), lineLabels);
    const [row] = compareReports(base, variant, ['response.byTier.9.mean']);
    expect(row).toEqual({
      path: 'response.byTier.9.mean',
      base: null,
      variant: null,
      paired: null,
      unpaired: null,
    });
    const trimmed = structuredClone(variant);
    delete trimmed.aggregate['response.overall.p90'];
    const [missing] = compareReports(base, trimmed, ['response.overall.p90']);
    expect(missing.base).not.toBeNull();
    expect(missing.variant).toBeNull();
    expect(missing.paired).toBeNull();
  });

  it("Welch's interval matches a hand computation", () => {
    // Means 2 and 5, variances 1 and 1, n = 3 each: se = √(2/3), df = 4, t(0.975, 4) = 2.776445.
    const difference = welchDifference([1, 2, 3], [4, 5, 6]);
    const half = 2.7764451051977987 * Math.sqrt(2 / 3);
    expect(difference.mean).toBe(3);
    expect(difference.low).toBeCloseTo(3 - half, 9);
    expect(difference.high).toBeCloseTo(3 + half, 9);
  });
});

describe('the comparison as a table and a file', () => {
  const base = makeReport('line', runs([1, 2, 3]), lineLabels);
  const later = makeReport(
    'line',
    shifted(base.replications, () => -18),
    lineLabels,
  );

  it('quotes text a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-cmd|calc')).toBe("'-cmd|calc");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    for (const number of ['-0.3', '-12', '0', '1.5', '-1e-7', '+2', '120'])
      expect(csvField(number)).toBe(number);
    expect(csvField('方案 1')).toBe('方案 1');
    expect(csvField('a, b')).toBe('"a, b"');
  });

  it('exports a variant named like a formula as text, its negative differences as numbers', () => {
    const result = buildResult({}, base, [
      { name: '=1+1', changes: { zh: [], en: [] }, report: later },
    ]);
    const lines = comparisonCsv(result, compareStrings.en).split('\r\n');
    const mean = lines.find((line) => line.includes(',response.overall.mean,'))!;
    expect(mean.startsWith("'=1+1,")).toBe(true);
    // Difference = −18 s = −0.3 min, paired so exact.
    expect(mean.split(',')[11]).toBe('-0.3');
  });

  it('reads ids that are Object.prototype keys as plain ids', () => {
    const paths = [
      'tierOneCoverage.byDistrict.__proto__',
      'tierOneCoverage.byDistrict.constructor',
      'utilisation.byAgency.constructor',
      'utilisation.byAgency.hasOwnProperty',
      'approvals.valueOf.mean',
      'response.byTier.constructor.mean',
    ];
    const report = reportOfEstimates(
      Object.fromEntries(paths.map((path) => [path, { n: 3, mean: 1, low: 0, high: 2 }])),
      {
        ...NO_LABELS,
        districts: [
          { id: '__proto__', name: '原型区', area: 'urban' },
          { id: 'toString', name: '', area: 'urban' },
        ],
        agencies: [{ id: 'constructor', name: '构造局', tier: 1, sector: 'government' }],
      },
    );
    const names = reportNames(JSON.parse(JSON.stringify(report)));
    expect(names.districts.get('__proto__')?.name).toBe('原型区');
    expect(names.districts.get('constructor')).toBeUndefined();
    const labels = figureRows(report.figures, names, compareStrings.zh).map((row) => row.label);
    expect(labels).toEqual([
      'constructor 级 · 均值',
      '原型区',
      'constructor',
      '构造局',
      'hasOwnProperty',
      'valueOf',
    ]);
    expect(compareStrings.en.area('toString')).toBe('toString');

    const estimate = { mean: 0.1, low: 0.05, high: 0.15, sd: 0.01, n: 3 };
    const comparison = { base: estimate, variant: estimate, paired: estimate, unpaired: estimate };
    const byPath = new Map(
      ['__proto__', 'a'].map((district) => {
        const path = `tierOneCoverage.byDistrict.${district}`;
        return [path, { path, ...comparison }];
      }),
    );
    const figures = reportOfEstimates(
      Object.fromEntries([...byPath.keys()].map((path) => [path, estimate])),
    ).figures;
    const changes = coverageChanges(byPath, figures);
    expect([...changes.keys()]).toEqual(['__proto__', 'a']);
    const values = recordOf([...changes].map(([district, e]) => [district, e.mean]));
    expect(Object.keys(values)).toEqual(['__proto__', 'a']);
    expect(values['__proto__']).toBe(0.1);
    expect(values['constructor']).toBeUndefined();
  });
});
