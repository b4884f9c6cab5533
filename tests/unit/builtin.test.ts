import { withEnglishNames } from '../../src/scenarios/builtin/english.ts';
import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_CITY_OPTIONS,
  builtinScenario,
  builtinScenarios,
  DEFAULT_CITY_OPTIONS,
  DEFAULT_SCENARIO_ID,
} from '../../src/scenarios/builtin/index.ts';
import { generateCity } from '../../src/scenarios/generate.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { boundingBox, districtRings, pointInPolygon } from '../../src/lib/geo.ts';
import { run } from '../../src/sim/run.ts';
import { reachable, roadGraph } from './graph.ts';
import { warningsBeyondKnownCrossings } from './fixtures.ts';

const unitCount = (scenario: Scenario) => scenario.units.reduce((sum, u) => sum + u.count, 0);

describe('built-in scenarios', () => {
  it.each(builtinScenarios.map((entry) => [entry.id, entry]))(
    '%s validates with no errors or warnings',
    (_id, entry) => {
      const result = loadScenario(entry.input);
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(warningsBeyondKnownCrossings(entry.id, result.warnings)).toEqual([]);
    },
  );

  it('opens with default-city and keeps the reference queue', () => {
    expect(DEFAULT_SCENARIO_ID).toBe('default-city');
    expect(builtinScenario().id).toBe('default-city');
    expect(builtinScenarios.map((s) => s.id)).toContain('mmc-3-queue');
  });
});

describe('default-city', () => {
  const scenario = builtinScenario('default-city');
  const graph = roadGraph(scenario);

  it('has 5+ districts, urban and rural, and 400+ connected road nodes', () => {
    expect(scenario.districts.length).toBeGreaterThanOrEqual(5);
    expect(new Set(scenario.districts.map((d) => d.area))).toEqual(new Set(['urban', 'rural']));
    expect(graph.nodes.length).toBeGreaterThanOrEqual(400);
    expect(reachable(scenario)).toBe(graph.nodes.length);
  });

  it('has districts that tile the area without overlapping', () => {
    const box = boundingBox(scenario.districts.flatMap((d) => districtRings(d).flat()));
    const inset = 0.03;
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const lon = box.minLon + (box.maxLon - box.minLon) * (inset + ((1 - 2 * inset) * i) / 40);
        const lat = box.minLat + (box.maxLat - box.minLat) * (inset + ((1 - 2 * inset) * j) / 40);
        const containing = scenario.districts.filter((d) =>
          districtRings(d).some((ring) => pointInPolygon([lon, lat], ring)),
        );
        expect(containing.length, `point ${lon}, ${lat}`).toBe(1);
      }
    }
  });

  it('has every base inside a district', () => {
    for (const base of scenario.bases) {
      const inside = scenario.districts.some((d) =>
        districtRings(d).some((ring) => pointInPolygon(base.location, ring)),
      );
      expect(inside, base.id).toBe(true);
    }
  });

  it('has agencies of tiers 1, 2 and 3 and a military force', () => {
    expect(new Set(scenario.agencies.map((a) => a.tier))).toEqual(new Set([1, 2, 3]));
    expect(scenario.agencies.some((a) => a.sector === 'military')).toBe(true);
  });

  it('runs one replication with plausible figures', () => {
    const { summary } = run(scenario, 1);
    const callsPerDay = scenario.arrivals.streams.reduce((sum, s) => sum + s.callsPerDay, 0);
    const expected = callsPerDay * summary.simulatedDays;
    expect(summary.calls).toBeGreaterThan(expected * 0.8);
    expect(summary.calls).toBeLessThan(expected * 1.2);
    const minutes = summary.response.overall.median / 60;
    expect(minutes).toBeGreaterThan(3);
    expect(minutes).toBeLessThan(40);
    const tier1 = summary.response.byTier['1'].median / 60;
    expect(tier1).toBeGreaterThan(3);
    expect(tier1).toBeLessThan(40);
    for (const key of ['tier1/urban', 'tier1/rural']) {
      const figure = summary.arrivalCompliance[key];
      expect(figure?.n, key).toBeGreaterThan(0);
      expect(Number.isFinite(figure.withinTarget), key).toBe(true);
    }
    expect(summary.utilisation.overall).toBeLessThan(0.9);
    for (const [agency, share] of Object.entries(summary.utilisation.byAgency)) {
      expect(share, agency).toBeLessThan(0.9);
    }
    expect(summary.waitProbability).toBeLessThan(0.2);
    expect(summary.unanswered).toBe(0);
  });
});

describe('benchmark-city', () => {
  const scenario = builtinScenario('benchmark-city');

  it('is city scale: 2000+ connected road nodes, 100+ units, one year', () => {
    expect(roadGraph(scenario).nodes.length).toBeGreaterThanOrEqual(2000);
    expect(reachable(scenario)).toBe(roadGraph(scenario).nodes.length);
    expect(unitCount(scenario)).toBeGreaterThanOrEqual(100);
    expect(scenario.duration).toBe(365 * 86_400);
    expect(scenario.warmup).toBe(0);
  });
});

describe('generateCity', () => {
  it('is deterministic', () => {
    for (const options of [DEFAULT_CITY_OPTIONS, BENCHMARK_CITY_OPTIONS]) {
      const first = JSON.stringify(generateCity(options));
      expect(JSON.stringify(generateCity(options))).toBe(first);
      const entry = builtinScenarios.find((s) => s.id === options.id)!;
      // The built-in is the generated city with the English names of what it names.
      expect(JSON.stringify(entry.input)).toBe(JSON.stringify(withEnglishNames(JSON.parse(first))));
    }
  });

  it('gives a different city for a different seed', () => {
    const other = generateCity({ ...DEFAULT_CITY_OPTIONS, seed: 'another' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(generateCity(DEFAULT_CITY_OPTIONS)));
    expect(loadScenario(other).warnings).toEqual([]);
  });
});
