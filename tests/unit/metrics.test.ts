import { describe, expect, it } from 'vitest';
import { quantile } from '../../src/sim/analysis/metrics.ts';
import {
  coverageCellCentre,
  coverageCellKey,
  histogramQuantile,
} from '../../src/sim/analysis/pooled.ts';
import { estimate, makeReport } from '../../src/sim/analysis/report.ts';
import { run } from '../../src/sim/run.ts';
import { labelsOf, lineScenario, records, scenario } from './fixtures.ts';

describe('statistics', () => {
  it('quantiles interpolate between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('the confidence interval uses Student t with n − 1 degrees of freedom', () => {
    const { mean, low, high } = estimate([1, 2, 3, 4, 5]);
    // sd = 1.5811, t(0.975, 4) = 2.7764: half-width 1.9632.
    expect(mean).toBe(3);
    expect(high - mean).toBeCloseTo(1.9632, 4);
    expect(mean - low).toBeCloseTo(1.9632, 4);
    expect(estimate([7]).low).toBeNaN();
  });

  it('histogram quantiles fall in the right bin', () => {
    const histogram: Array<[number, number]> = [
      [0, 10],
      [3, 10],
    ];
    expect(histogramQuantile(histogram, 0.5)).toBe(10);
    expect(histogramQuantile(histogram, 0.75)).toBe(35);
  });
});

describe('figures of a run', () => {
  it('response time, compliance and utilisation of one call, by hand', () => {
    const input = lineScenario({
      arrivals: { incidents: [{ time: 0, kind: 'fire', location: [0.05, 0.05] }] },
    });
    const { trace, summary } = run(scenario(input), 1);
    const log = records(trace);
    const dispatched = log.find((r) => r.ev === 'dispatched')!;
    const arrived = log.find((r) => r.ev === 'arrived')!;
    const available = log.find((r) => r.ev === 'available')!;
    expect(summary.calls).toBe(1);
    expect(summary.response.overall.mean).toBeCloseTo(arrived.t, 9);
    expect(summary.response.byTier['1'].n).toBe(1);
    expect(summary.response.byDistrict['west'].withinTarget).toBe(1);
    expect(summary.arrivalCompliance['tier1/urban'].mean).toBeCloseTo(arrived.t - dispatched.t, 9);
    const busy = available.t - dispatched.t;
    expect(summary.utilisation.byAgency['fire']).toBeCloseTo(busy / 86_400 / 2, 9);
    // Workload per unit: the unit sent carries it all, the other none.
    const sent = dispatched.unit!;
    expect(summary.utilisation.byUnit[sent]).toBeCloseTo(busy / 86_400, 9);
    const units = Object.keys(summary.utilisation.byUnit);
    expect(units).toEqual(trace.header.units.filter((_, i) => !trace.header.unitReserves[i]));
    for (const unit of units.filter((u) => u !== sent)) {
      expect(summary.utilisation.byUnit[unit]).toBe(0);
    }
    expect(summary.waitProbability).toBe(0);
  });

  it('pooled quantiles agree with the exact quantiles of all calls to within a bin', () => {
    const input = lineScenario({ arrivals: { streams: [{ kind: 'fire', callsPerDay: 80 }] } });
    const runs = [1, 2, 3].map((seed) => run(scenario(input), seed));
    const report = makeReport(
      'line',
      runs.map((r) => r.summary),
      labelsOf(scenario(input)),
    );
    const all: number[] = [];
    for (const { trace } of runs) {
      const log = records(trace);
      const called = new Map(
        log.filter((r) => r.ev === 'callReceived').map((r) => [r.incident, r.t]),
      );
      const first = new Map<number, number>();
      for (const r of log)
        if (r.ev === 'arrived' && !first.has(r.incident))
          first.set(r.incident, r.t - called.get(r.incident)!);
      all.push(...first.values());
    }
    all.sort((a, b) => a - b);
    const pooled = report.pooled['overall'];
    expect(pooled.n).toBe(all.length);
    // At the pooled quantile q, the share of calls at or below q is p, give or take the calls
    // within one bin of q (the histogram does not know where in its bin a value lies).
    for (const [p, q] of [
      [0.5, pooled.median],
      [0.9, pooled.p90],
    ]) {
      const atOrBelow = all.filter((v) => v <= q).length / all.length;
      const nearby = all.filter((v) => Math.abs(v - q) <= 10).length / all.length;
      expect(Math.abs(atOrBelow - p)).toBeLessThanOrEqual(nearby + 1 / all.length);
    }
    expect(report.pooled['tier/1'].n + (report.pooled['tier/2']?.n ?? 0)).toBe(all.length);
  });
});

describe('share within target counts the calls nobody reached', () => {
  it('calls given up or still open are misses, not left out', () => {
    const input = lineScenario({
      units: [
        {
          id: 'fireWest',
          agency: 'fire',
          base: 'westBase',
          capabilities: ['fire'],
          mobilisation: { type: 'fixed', value: 0 },
        },
      ],
      dispatch: { callHandling: { type: 'fixed', value: 0 }, maxQueueWait: 600 },
      arrivals: {
        incidents: [
          { time: 0, kind: 'fire', location: [0.02, 0.05] },
          { time: 10, kind: 'fire', location: [0.02, 0.05] },
        ],
      },
    });
    const { summary } = run(scenario(input), 1);
    expect(summary.unanswered).toBe(1);
    expect(summary.response.overall.n).toBe(1);
    expect(summary.response.overall.withinTarget).toBe(0.5);
    expect(summary.response.byTier['none'].withinTarget).toBe(0);
  });
});

describe('tier-1 coverage', () => {
  it('counts each emergency call against the tier-1 target of its area, by district and place', () => {
    const input = lineScenario({ arrivals: { streams: [{ kind: 'fire', callsPerDay: 60 }] } });
    const { trace, summary } = run(scenario(input), 4);
    const log = records(trace);
    const called = new Map(log.filter((r) => r.ev === 'callReceived').map((r) => [r.incident, r]));
    const first = new Map<number, number>();
    for (const r of log) {
      if (r.ev === 'sentTo12345') called.delete(r.incident);
      const onScene = r.ev === 'arrived' || r.ev === 'outsideArrived';
      if (onScene && !first.has(r.incident!)) first.set(r.incident!, r.t);
    }
    // By hand: the target is the tier-1 one of the call's area (west urban, east rural).
    const targets = scenario(input).targets.tier1;
    const byDistrict = new Map<string, [number, number]>();
    let cellCalls = 0;
    for (const [incident, call] of called) {
      const district = trace.header.districts[trace.incidentDistrict[incident!]];
      const target = district === 'west' ? targets.urban : targets.rural;
      const seconds = (first.get(incident!) ?? Infinity) - call.t;
      const counts = byDistrict.get(district) ?? [0, 0];
      counts[0]++;
      counts[1] += seconds <= target ? 1 : 0;
      byDistrict.set(district, counts);
    }
    for (const [calls] of Object.values(summary.coverageCells)) cellCalls += calls;
    expect(cellCalls).toBe(called.size);
    let all = 0;
    let within = 0;
    for (const [district, [calls, inTime]] of byDistrict) {
      expect(summary.tierOneCoverage.byDistrict[district]).toBeCloseTo(inTime / calls, 12);
      all += calls;
      within += inTime;
    }
    expect(summary.tierOneCoverage.overall).toBeCloseTo(within / all, 12);
    expect(coverageCellKey(0.055, 0.011)).toBe('5,1');
    expect(coverageCellCentre('5,1')).toEqual([0.055, 0.015]);
  });

  it('a target shorter than any trip covers nothing; reports pool the cells', () => {
    const input = lineScenario({
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 40 }] },
      targets: { tier1: { urban: 1, rural: 1 } },
    });
    const runs = [1, 2].map((seed) => run(scenario(input), seed).summary);
    expect(runs[0].tierOneCoverage.overall).toBe(0);
    const report = makeReport('line', runs, labelsOf(scenario(input)));
    const pooledCalls = Object.values(report.coverageCells).reduce((sum, [c]) => sum + c, 0);
    expect(pooledCalls).toBe(runs[0].calls + runs[1].calls);
    expect(report.aggregate['tierOneCoverage.overall'].mean).toBe(0);
    expect(Object.keys(report.aggregate).some((path) => path.startsWith('coverageCells'))).toBe(
      false,
    );
  });
});

describe('reports through JSON', () => {
  it('a figure that is NaN in every replication survives a round trip and a merge', () => {
    // A tier-3 agency has no arrival target: its kind's share within target is NaN every time.
    const input = lineScenario({
      agencies: [
        { id: 'fire', tier: 1 },
        { id: 'civil', tier: 3 },
      ],
      incidentKinds: [
        { id: 'fire', needs: [{ capability: 'fire', units: 1 }] },
        { id: 'aid', needs: [{ capability: 'shelter', units: 1 }] },
      ],
      arrivals: {
        streams: [
          { kind: 'fire', callsPerDay: 20 },
          { kind: 'aid', callsPerDay: 5 },
        ],
      },
    });
    const labels = labelsOf(scenario(input));
    const report = makeReport(
      'line',
      [1, 2].map((seed) => run(scenario(input), seed).summary),
      labels,
    );
    const nanPaths = Object.keys(report.aggregate).filter((path) =>
      Number.isNaN(report.aggregate[path].mean),
    );
    expect(nanPaths.length).toBeGreaterThan(0);
    const parsed = JSON.parse(JSON.stringify(report));
    const merged = makeReport('line', parsed.replications, labels);
    expect(Object.keys(merged.aggregate)).toEqual(Object.keys(report.aggregate));
    expect(merged.figures).toEqual(report.figures);
  });
});
