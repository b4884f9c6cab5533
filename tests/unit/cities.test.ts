import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_CITY_OPTIONS,
  builtinScenario,
  builtinScenarios,
  DEFAULT_CITY_OPTIONS,
} from '../../src/scenarios/builtin/index.ts';
import { generateCity, ringAreaKm2, type Point } from '../../src/scenarios/generate.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { boundingBox, districtRings, pointInPolygon } from '../../src/lib/geo.ts';
import { run } from '../../src/sim/run.ts';
import { reachable, roadGraph } from './graph.ts';
import { warningsBeyondKnownCrossings } from './fixtures.ts';

/**
 * The cities, their real district names, and the extent of the real city (degrees, from the
 * cities' published geographic overviews: 湖州 119°14′–120°29′E, 30°22′–31°11′N; 舟山 121°30′–
 * 123°25′E, 29°32′–31°04′N, sea included; 威海 121°11′–122°42′E, 36°41′–37°35′N; 浦江县
 * 119°42′–120°07′E, 29°21′–29°41′N; 金华市 119°14′–120°46′E, 28°32′–29°41′N, of which the
 * drill uses two districts). `spans`: whether the districts reach across the whole extent.
 */
const CITIES: Array<{
  id: string;
  names: string[];
  extent: [number, number, number, number];
  spans: boolean;
}> = [
  {
    id: 'huzhou-flood',
    names: ['吴兴区', '南浔区', '德清县', '长兴县', '安吉县'],
    extent: [119.233, 120.483, 30.367, 31.183],
    spans: true,
  },
  {
    id: 'zhoushan-islands',
    names: ['定海区', '普陀区', '岱山县', '嵊泗县'],
    extent: [121.5, 123.417, 29.533, 31.067],
    spans: false,
  },
  {
    id: 'jinhua-hazmat-drill',
    names: ['婺城区', '金东区'],
    extent: [119.233, 120.767, 28.533, 29.683],
    spans: false,
  },
  {
    id: 'township-group-incident',
    names: [
      '浦阳街道',
      '黄宅镇',
      '郑宅镇',
      '白马镇',
      '郑家坞镇',
      '岩头镇',
      '檀溪镇',
      '杭坪镇',
      '虞宅乡',
    ],
    extent: [119.7, 120.117, 29.35, 29.683],
    spans: true,
  },
  {
    id: 'weihai-forest-fire',
    names: ['环翠区', '文登区', '荣成市', '乳山市'],
    extent: [121.183, 122.7, 36.683, 37.583],
    spans: true,
  },
];

const inside = (scenario: Scenario, point: readonly [number, number]) =>
  scenario.districts.filter((d) => districtRings(d).some((ring) => pointInPolygon(point, ring)));
const unitCount = (scenario: Scenario) => scenario.units.reduce((sum, u) => sum + u.count, 0);
const area = (scenario: Scenario, name: string) =>
  districtRings(scenario.districts.find((d) => d.name === name)!).reduce(
    (sum, ring) => sum + ringAreaKm2(ring as Point[]),
    0,
  );

describe('the synthetic cities are unchanged by the generalised generator', () => {
  // SHA-256 of JSON.stringify(generateCity(options)), computed before the generator was generalised.
  const expected: Record<string, string> = {
    'default-city': '4a1f3fd780f86dd34c8796469fe5b438129b487e1bcda84dbd6937c086edddcc',
    'benchmark-city': 'c4c9d5f8b35badabec3eb2dc92c393e2f6fb8fb9f5fc6d17a0a310578f6d95b0',
  };
  it.each([DEFAULT_CITY_OPTIONS, BENCHMARK_CITY_OPTIONS].map((o) => [o.id, o] as const))(
    '%s has the same JSON, byte for byte',
    (id, options) => {
      const json = JSON.stringify(generateCity(options));
      expect(createHash('sha256').update(json).digest('hex')).toBe(expected[id]);
    },
  );
});

describe.each(CITIES)('$id', ({ id, names, extent, spans }) => {
  const entry = builtinScenarios.find((s) => s.id === id)!;
  const scenario = builtinScenario(id);
  const graph = roadGraph(scenario);

  it('is a built-in that validates with no errors or warnings, the same every time', () => {
    expect(entry).toBeDefined();
    const result = loadScenario(entry.input);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(warningsBeyondKnownCrossings(id, result.warnings)).toEqual([]);
    expect(JSON.stringify(loadScenario(JSON.parse(JSON.stringify(entry.input))))).toBe(
      JSON.stringify(result),
    );
  });

  it('describes itself in English, then in Chinese, citing its document by title, not by file', () => {
    const [en, zh, ...rest] = scenario.description.split('\n\n');
    expect(rest).toEqual([]);
    expect(en).toMatch(/^[A-Z]/);
    expect(scenario.description).not.toMatch(/\.txt\b|种子文本/);
    expect(zh).toMatch(/《[^》]+》|“[^”]+”/);
    expect(en).toMatch(/Illustrative/);
    expect(zh).toMatch(/^[\u4e00-\u9fff]/);
    expect(zh).toMatch(/示例部分/);
  });

  it('has the real districts, within the real city’s extent', () => {
    expect(scenario.districts.map((d) => d.name)).toEqual(names);
    const box = boundingBox(scenario.districts.flatMap((d) => districtRings(d).flat()));
    const [west, east, south, north] = extent;
    const margin = 0.05;
    expect(box.minLon).toBeGreaterThan(west - margin);
    expect(box.maxLon).toBeLessThan(east + margin);
    expect(box.minLat).toBeGreaterThan(south - margin);
    expect(box.maxLat).toBeLessThan(north + margin);
    if (spans) {
      expect(box.minLon).toBeLessThan(west + margin);
      expect(box.maxLon).toBeGreaterThan(east - margin);
      expect(box.minLat).toBeLessThan(south + margin);
      expect(box.maxLat).toBeGreaterThan(north - margin);
    }
    for (const district of scenario.districts) {
      for (const ring of districtRings(district)) {
        expect(ring.length).toBeGreaterThanOrEqual(3);
        expect(ring.length).toBeLessThanOrEqual(300);
      }
    }
  });

  it('has districts that do not overlap', () => {
    const box = boundingBox(scenario.districts.flatMap((d) => districtRings(d).flat()));
    for (let i = 0; i <= 60; i++) {
      for (let j = 0; j <= 60; j++) {
        const lon = box.minLon + ((box.maxLon - box.minLon) * (i + 0.5)) / 61;
        const lat = box.minLat + ((box.maxLat - box.minLat) * (j + 0.5)) / 61;
        expect(inside(scenario, [lon, lat]).length, `${lon}, ${lat}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is modest: a connected road graph of at most 1,500 nodes, at most 150 units, every base in a district', () => {
    expect(graph.nodes.length).toBeGreaterThan(300);
    expect(graph.nodes.length).toBeLessThanOrEqual(1500);
    expect(reachable(scenario)).toBe(graph.nodes.length);
    expect(unitCount(scenario)).toBeLessThanOrEqual(150);
    for (const base of scenario.bases)
      expect(inside(scenario, base.location), base.id).toHaveLength(1);
    for (const node of graph.nodes) {
      expect(node[0]).toBeGreaterThan(extent[0] - 0.1);
      expect(node[0]).toBeLessThan(extent[1] + 0.1);
    }
  });

  // Speed is measured by `npm run bench`, not here.
  it('runs one replication with plausible figures', () => {
    const { summary } = run(scenario, 1);
    expect(summary.calls).toBeGreaterThan(10);
    const median = summary.response.overall.median / 60;
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(60);
    expect(summary.response.overall.p90 / 60).toBeLessThan(120);
    expect(summary.utilisation.overall).toBeLessThan(0.8);
    for (const [agency, share] of Object.entries(summary.utilisation.byAgency)) {
      expect(share, agency).toBeLessThan(0.95);
    }
    expect(summary.unanswered).toBe(0);
  });
});

describe('huzhou-flood', () => {
  const scenario = builtinScenario('huzhou-flood');

  it('has the real districts’ areas (吴兴 872, 南浔 716, 德清 936, 长兴 1,430, 安吉 1,886 km²)', () => {
    const official: Record<string, number> = {
      吴兴区: 872,
      南浔区: 716,
      德清县: 936,
      长兴县: 1430,
      安吉县: 1886,
    };
    for (const [name, km2] of Object.entries(official)) {
      expect(Math.abs(area(scenario, name) / km2 - 1), name).toBeLessThan(0.03);
    }
  });

  it('has flood control in tier 1, the PLA, armed police and militia as military, and flood kinds', () => {
    const tier = (id: string) => scenario.agencies.find((a) => a.id === id)?.tier;
    expect(tier('flood')).toBe(1);
    for (const id of ['pla', 'armed-police', 'militia']) {
      expect(scenario.agencies.find((a) => a.id === id)?.sector, id).toBe('military');
    }
    const kinds = scenario.incidentKinds.map((k) => k.id);
    for (const kind of ['urbanFlooding', 'trappedByWater', 'dykeBreach', 'landslide']) {
      expect(kinds).toContain(kind);
    }
    const rate = (kind: string) =>
      scenario.arrivals.streams.find((s) => s.kind === kind)!.callsPerDay;
    expect(rate('urbanFlooding')).toBeGreaterThan(rate('fire'));
    expect(scenario.events.some((e) => e.type === 'season' && e.season === 'flood')).toBe(true);
    expect(scenario.events.some((e) => e.type === 'closeRoad')).toBe(true);
    expect(scenario.duration / 86_400).toBeGreaterThanOrEqual(1);
    expect(scenario.duration / 86_400).toBeLessThanOrEqual(7);
  });
});

describe('zhoushan-islands', () => {
  const scenario = builtinScenario('zhoushan-islands');

  it('has islands: districts in many parts, joined by ferries and bridges', () => {
    for (const district of scenario.districts) {
      expect(district.polygons?.length ?? 0, district.name).toBeGreaterThan(10);
    }
    const classes = new Set(roadGraph(scenario).edges.map((e) => e.roadClass));
    expect(classes).toContain('ferry');
    expect(classes).toContain('bridge');
    expect(roadGraph(scenario).roadClasses.ferry.speedKmh).toBeLessThanOrEqual(20);
  });

  it('puts the agencies in the tiers seed 004 lists, with tier 3 on office hours', () => {
    const tierOf = Object.fromEntries(scenario.agencies.map((a) => [a.id, a.tier]));
    for (const id of ['police', 'fire', 'fishery', 'maritime', 'environment', 'transport']) {
      expect(tierOf[id], id).toBe(1);
    }
    for (const id of ['flood', 'ems', 'water', 'power', 'gas', 'town-dinghai']) {
      expect(tierOf[id], id).toBe(1);
    }
    for (const id of ['civil', 'labour', 'forestry', 'tourism']) expect(tierOf[id], id).toBe(2);
    expect(Object.values(tierOf)).toContain(3);
    for (const unit of scenario.units) {
      if (tierOf[unit.agency] === 3) expect(unit.schedule?.type, unit.id).toBe('weekly');
    }
  });

  it('has sea incidents as kinds of their own', () => {
    const kinds = scenario.incidentKinds.map((k) => k.id);
    for (const kind of ['shipwreck', 'oilSpill', 'fishingAccident']) expect(kinds).toContain(kind);
  });
});

describe('jinhua-hazmat-drill', () => {
  const scenario = builtinScenario('jinhua-hazmat-drill');

  it('lists the drill at 09:00 in 婺城区 and calls the units the plan names', () => {
    expect(scenario.start).toBe('2026-07-07T08:00');
    expect(scenario.duration).toBeLessThanOrEqual(6 * 3600);
    const [drill] = scenario.arrivals.incidents;
    expect(drill.time).toBe(3600);
    expect(drill.kind).toBe('hazmatDrill');
    expect(inside(scenario, drill.location!).map((d) => d.name)).toEqual(['婺城区']);
    const card = scenario.dispatch.runCards.find((c) => c.kind === 'hazmatDrill')!;
    const agencyOf = (unit: string) =>
      scenario.units.find((u) => u.id === unit.replace(/#\d+$/, ''))!.agency;
    expect(new Set(card.units.map(agencyOf))).toEqual(
      new Set(['police', 'fire', 'ems', 'environment', 'safety', 'publicity']),
    );
    const background = scenario.arrivals.streams.reduce((sum, s) => sum + s.callsPerDay, 0);
    expect(background).toBeLessThan(150);
  });

  it('gets every need of the drill answered', () => {
    const { summary } = run(scenario, 1);
    expect(summary.response.byKind.hazmatDrill.n).toBe(1);
    expect(summary.response.byKind.hazmatDrill.median / 60).toBeLessThan(15);
  });
});

describe('township-group-incident', () => {
  const scenario = builtinScenario('township-group-incident');

  it('splits the real county (浦江县, about 915 km²) among its towns', () => {
    const total = scenario.districts.reduce((sum, d) => sum + area(scenario, d.name), 0);
    expect(Math.abs(total / 915 - 1)).toBeLessThan(0.03);
  });

  it('keeps at least 20 people per village team and 30 per town militia squad', () => {
    for (const district of scenario.districts) {
      const town = scenario.units.filter((u) => u.agency === `town-${district.id}`);
      const villages = town.filter((u) => u.capabilities.includes('stability'));
      expect(villages.length, district.name).toBeGreaterThanOrEqual(2);
      for (const team of villages) expect(team.crew, team.id).toBeGreaterThanOrEqual(20);
      const militia = scenario.units.find((u) => u.id === `town-${district.id}-militia`)!;
      expect(militia.crew).toBeGreaterThanOrEqual(30);
    }
    const kinds = scenario.incidentKinds.map((k) => k.id);
    expect(kinds).toEqual(expect.arrayContaining(['groupSmall', 'groupLarge']));
  });
});

describe('weihai-forest-fire', () => {
  const scenario = builtinScenario('weihai-forest-fire');

  it('has fire rescue as the main force with forestry, militia, enterprise and social forces', () => {
    const sectors = new Set(scenario.agencies.map((a) => a.sector));
    expect(sectors).toEqual(new Set(['government', 'enterprise', 'social', 'military']));
    expect(scenario.agencies.some((a) => a.id === 'forestry')).toBe(true);
    for (const card of scenario.dispatch.runCards) {
      expect(card.units[0], card.district).toMatch(/^fire-/);
    }
    expect(scenario.events.some((e) => e.type === 'season' && e.season === 'forestFire')).toBe(
      true,
    );
    const kinds = scenario.incidentKinds.map((k) => k.id);
    expect(kinds).toEqual(expect.arrayContaining(['forestFire', 'wildlandFire', 'tombFire']));
  });
});
