/**
 * The form models behind the districts, roads, dispatch and targets forms and the day-of-week
 * profile (issue 12, forms): pure functions on the scenario document, checked against the
 * loader (what a form writes is a valid scenario) and the built-in cities.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { Distribution } from '../../src/scenarios/schema.ts';
import {
  callWeightShares,
  dayShares,
  distributionFields,
  distributionProblem,
  districtUses,
  durationProblem,
  FORM_DISTRIBUTIONS,
  middleOfBases,
  minutesOf,
  moved,
  newDistrict,
  newRunCard,
  secondsOfMinutes,
  switchDistribution,
  unitChoicesByName,
  unitLabel,
  weightProblem,
} from '../../src/ui/editors/formModels.ts';
import { setIn, tabOfPath } from '../../src/ui/editors/model.ts';
import {
  nearestSegment,
  pickRadiusMetres,
  roadClassKey,
  roadClassUse,
  roadClassWords,
  segmentMetres,
  segmentsSetByHand,
  segmentWords,
} from '../../src/ui/editors/roadModel.ts';
import { copyForEdit, type ScenarioDoc } from '../../src/ui/workspace/history.ts';
import { lineScenario, ONE_ROAD } from './fixtures.ts';

/** A built-in scenario as the editor holds it: plain JSON. */
function docOf(id: string): ScenarioDoc {
  return JSON.parse(JSON.stringify(builtinScenario(id))) as ScenarioDoc;
}

function edgesOf(doc: ScenarioDoc): Array<{ lengthM?: number }> {
  return (doc.travel as { edges: Array<{ lengthM?: number }> }).edges;
}

describe('durations in minutes', () => {
  it('shows seconds as minutes and stores minutes as whole seconds', () => {
    expect(minutesOf(1800)).toBe(30);
    expect(minutesOf(90)).toBe(1.5);
    expect(minutesOf(100)).toBe(1.67);
    expect(secondsOfMinutes(1.5)).toBe(90);
    expect(secondsOfMinutes(minutesOf(5400))).toBe(5400);
  });

  it('refuses what the file cannot take, with the reason', () => {
    expect(durationProblem(-1, false)).toBe('negative');
    expect(durationProblem(0, false)).toBeNull();
    expect(durationProblem(0, true)).toBe('zero');
    expect(durationProblem(0.001, true)).toBe('zero');
    expect(durationProblem(30, true)).toBeNull();
    expect(durationProblem(600_000, true)).toBe('tooLong');
  });
});

describe('the day-of-week profile', () => {
  it('gives each day its share of the week', () => {
    const shares = dayShares([2, 1, 1, 1, 1, 1, 1]);
    expect(shares[0]).toBeCloseTo(0.25);
    expect(shares[6]).toBeCloseTo(0.125);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(dayShares(undefined)).toEqual(Array.from({ length: 7 }, () => 1 / 7));
    expect(dayShares([0, 0, 0, 0, 0, 0, 0])).toEqual(Array.from({ length: 7 }, () => 1 / 7));
  });

  it('refuses negative weights and, for factors, zero', () => {
    expect(weightProblem(-0.1)).toBe('negative');
    expect(weightProblem(0)).toBeNull();
    expect(weightProblem(0, true)).toBe('zero');
    expect(weightProblem(1.2, true)).toBeNull();
  });

  it('is written where the loader reads it; a wrong length is named by its path', () => {
    const doc = docOf('huzhou-flood');
    setIn(doc, ['arrivals', 'streams', 0, 'dayProfile'], [0, 0, 0, 0, 0, 0, 7]);
    const loaded = loadScenario(doc);
    expect(loaded.ok).toBe(true);
    if (loaded.ok)
      expect(loaded.scenario.arrivals.streams[0].dayProfile).toEqual([0, 0, 0, 0, 0, 0, 7]);
    setIn(doc, ['arrivals', 'streams', 0, 'dayProfile'], [1, 1, 1]);
    const bad = loadScenario(doc);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].path).toBe('arrivals.streams[0].dayProfile');
  });
});

describe('districts', () => {
  it('says where a district is used: run cards, call streams, listed incidents', () => {
    const doc = docOf('huzhou-flood');
    const uses = districtUses(doc, 'wuxing');
    expect(uses).toContainEqual({ where: 'runCard', index: 0, kind: 'dykeBreach' });
    const listed = lineScenario({
      arrivals: {
        streams: [{ kind: 'fire', callsPerDay: 2, districts: { west: 1, east: 0 } }],
        incidents: [
          { time: 10, kind: 'fire', district: 'east' },
          { time: 20, kind: 'fire', district: 'east' },
        ],
      },
    }) as unknown as ScenarioDoc;
    expect(districtUses(listed, 'east')).toEqual([
      { where: 'stream', index: 0, kind: 'fire' },
      { where: 'listedIncidents', count: 2 },
    ]);
    expect(districtUses(listed, 'nowhere')).toEqual([]);
  });

  it('names a matrix zone as a use', () => {
    const doc = { travel: { model: 'matrix', zones: ['a', 'b'], seconds: [] } };
    expect(districtUses(doc, 'b')).toEqual([{ where: 'matrix' }]);
  });

  it('adds a district the loader accepts, amid the bases, with the smallest weight', () => {
    const doc = docOf('zhoushan-islands');
    const district = newDistrict(doc, middleOfBases(doc), '新辖区');
    expect(district.id).toBe('district');
    expect(district.callWeight).toBe(75_000);
    (doc.districts as unknown[]).push(district);
    const loaded = loadScenario(doc);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    const again = newDistrict(doc, [122, 30], '新辖区');
    expect(again.id).toBe('district-2');
  });

  it('shares generated calls by call weight', () => {
    const shares = callWeightShares({
      districts: [{ id: 'a', callWeight: 3 }, { id: 'b', callWeight: 1 }, { id: 'c' }],
    });
    expect(shares).toEqual({ a: 0.6, b: 0.2, c: 0.2 });
  });

  it('sends a district field to the districts tab, a boundary to the raw JSON', () => {
    expect(tabOfPath('districts[1].callWeight')).toBe('districts');
    expect(tabOfPath('districts[0].polygon')).toBe('raw');
    expect(tabOfPath('travel.edges[3].lengthM')).toBe('roads');
    expect(tabOfPath('travel.zones[0]')).toBe('raw');
    expect(tabOfPath('dispatch.runCards[0].units')).toBe('dispatch');
    expect(tabOfPath('targets.tier1.urban')).toBe('targets');
  });
});

describe('distributions of durations in minutes', () => {
  it('shows the duration fields in minutes and the counts as they are', () => {
    expect(distributionFields({ type: 'lognormalMedianP90', median: 60, p90: 120 })).toEqual([
      { key: 'median', duration: true, value: 1 },
      { key: 'p90', duration: true, value: 2 },
    ]);
    expect(distributionFields({ type: 'erlang', phases: 3, mean: 600 })).toEqual([
      { key: 'mean', duration: true, value: 10 },
      { key: 'phases', duration: false, value: 3 },
    ]);
    expect(distributionFields({ type: 'empirical', values: [1] })).toBeNull();
  });

  it('switches kind keeping the central value, into a valid distribution', () => {
    for (const type of FORM_DISTRIBUTIONS) {
      const next = switchDistribution({ type: 'fixed', value: 90 }, type);
      expect(Distribution.safeParse(next).success, type).toBe(true);
    }
    expect(switchDistribution({ type: 'fixed', value: 90 }, 'lognormalMedianP90')).toEqual({
      type: 'lognormalMedianP90',
      median: 90,
      p90: 180,
    });
  });

  it('refuses values out of order or of the wrong sign, in the file’s terms', () => {
    const triangle = { type: 'triangular', min: 60, mode: 120, max: 300 };
    expect(distributionProblem(triangle, 'mode', 6)).toBe('order');
    expect(distributionProblem(triangle, 'mode', 3)).toBeNull();
    expect(distributionProblem(triangle, 'min', -1)).toBe('negative');
    const median = { type: 'lognormalMedianP90', median: 60, p90: 120 };
    expect(distributionProblem(median, 'p90', 1)).toBe('order');
    expect(distributionProblem(median, 'median', 0)).toBe('zero');
    expect(distributionProblem({ type: 'erlang', phases: 2, mean: 60 }, 'phases', 2.5)).toBe(
      'whole',
    );
  });
});

describe('run cards', () => {
  it('chooses units by name with their agency', () => {
    const doc = docOf('huzhou-flood');
    const choices = unitChoicesByName(doc);
    const scenario = builtinScenario('huzhou-flood');
    const first = scenario.units[0];
    const agency = scenario.agencies.find((a) => a.id === first.agency)!;
    expect(choices[0]).toEqual({ value: first.id, label: `${first.name} · ${agency.name}` });
    expect(choices.every((choice) => !choice.label.includes(choice.value))).toBe(true);
  });

  it('names a copy of a unit by its unit’s name and number', () => {
    const choices = [{ value: 'engine', label: '临城站水罐消防车 · 临城市消防救援支队' }];
    expect(unitLabel(choices, 'engine')).toBe('临城站水罐消防车 · 临城市消防救援支队');
    expect(unitLabel(choices, 'engine#2')).toBe('临城站水罐消防车 #2 · 临城市消防救援支队');
    expect(unitLabel(choices, 'gone')).toBe('gone');
  });

  it('moves a unit up or down and stays put at the ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('adds a card for a district and kind without one, which the loader accepts', () => {
    const doc = docOf('huzhou-flood');
    const card = newRunCard(doc);
    const cards = builtinScenario('huzhou-flood').dispatch.runCards;
    expect(cards.some((c) => c.district === card.district && c.kind === card.kind)).toBe(false);
    setIn(doc, ['dispatch', 'runCards'], [...cards, card]);
    expect(loadScenario(doc).ok).toBe(true);
  });
});

describe('roads', () => {
  it('names road classes in both languages and reads the words back', () => {
    expect(roadClassWords('arterial', 'zh')).toBe('主干道');
    expect(roadClassWords('arterial', 'en')).toBe('arterial road');
    expect(roadClassWords('myOwnClass', 'zh')).toBe('myOwnClass');
    expect(roadClassKey('主干道')).toBe('arterial');
    expect(roadClassKey('ferry')).toBe('ferry');
  });

  it('counts each class’s segments', () => {
    const doc = docOf('huzhou-flood');
    const use = roadClassUse(doc);
    const edges = builtinScenario('huzhou-flood').travel as { edges: unknown[] };
    expect(use.map((row) => row.key)).toContain('expressway');
    expect(use.reduce((sum, row) => sum + row.segments, 0)).toBe(edges.edges.length);
  });

  it('finds the segment nearest a click, within the pick radius only', () => {
    const doc = lineScenario({
      travel: {
        model: 'roadGraph',
        nodes: [
          [0, 0.05],
          [0.1, 0.05],
          [0.1, 0.0],
        ],
        edges: [
          { from: 0, to: 1, roadClass: 'local' },
          { from: 1, to: 2, roadClass: 'local', lengthM: 7000 },
        ],
        roadClasses: { local: { speedKmh: 36 } },
      },
    }) as unknown as ScenarioDoc;
    // 0.001° north of the middle of the first segment: about 111 m.
    const found = nearestSegment(doc, [0.05, 0.051], 500);
    expect(found?.index).toBe(0);
    expect(found!.metres).toBeGreaterThan(100);
    expect(found!.metres).toBeLessThan(120);
    expect(nearestSegment(doc, [0.099, 0.02], 500)?.index).toBe(1);
    expect(nearestSegment(doc, [0.05, 0.09], 500)).toBeNull();
    expect(nearestSegment({ travel: ONE_ROAD }, [0.05, 0.05], 500)?.index).toBe(0);
    expect(nearestSegment({ travel: { model: 'distance' } }, [0.05, 0.05], 500)).toBeNull();
    expect(pickRadiusMetres(doc)).toBeGreaterThanOrEqual(50);
    // Set one by one: the segment with its length written.
    expect(segmentsSetByHand(doc)).toEqual([1]);
    // Length as written, else the great-circle distance.
    expect(segmentMetres(doc, 1)).toBe(7000);
    expect(segmentMetres(doc, 0)).toBeCloseTo(11_132, -2);
  });

  it('names a segment by the places it joins, without its number', () => {
    const doc = docOf('huzhou-flood');
    const words = segmentWords(doc, 0, 'zh');
    expect(words).not.toMatch(/^#/);
    expect(words).toContain('→');
    expect(words).toMatch(/km）$/);
    // A ferry's length as written, not the straight line across the water.
    const islands = docOf('zhoushan-islands');
    const ferry = edgesOf(islands).findIndex((edge) => edge.lengthM !== undefined);
    const written = edgesOf(islands)[ferry].lengthM! / 1000;
    expect(segmentWords(islands, ferry, 'en')).toMatch(
      new RegExp(`\\(${written.toFixed(1)} km\\)$`),
    );
  });

  it('a one-way segment written by the form is one the loader accepts', () => {
    const original = docOf('huzhou-flood');
    const edges = (original.travel as { edges: unknown[] }).edges;
    // As the workspace makes an edit: the long list's items frozen and shared.
    const doc = copyForEdit(original);
    setIn(doc, ['travel', 'edges', 5, 'oneWay'], true);
    setIn(doc, ['travel', 'roadClasses', 'arterial', 'speedKmh'], 45);
    const loaded = loadScenario(doc);
    expect(loaded.ok).toBe(true);
    if (loaded.ok && loaded.scenario.travel.model === 'roadGraph') {
      expect(loaded.scenario.travel.edges[5].oneWay).toBe(true);
      expect(loaded.scenario.travel.roadClasses.arterial.speedKmh).toBe(45);
    }
    // The frozen item was copied, not changed in place.
    expect((edges[5] as { oneWay?: boolean }).oneWay).not.toBe(true);
  });
});
