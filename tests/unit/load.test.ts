import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadScenario, loadScenarioText } from '../../src/scenarios/load.ts';
import { Scenario } from '../../src/scenarios/schema.ts';
import { lineScenario } from './fixtures.ts';

const errorsOf = (data: unknown, language: 'en' | 'zh' = 'en') => {
  const result = loadScenario(data, language);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
};

describe('loading a scenario', () => {
  it('accepts a valid scenario and fills in the defaults', () => {
    const result = loadScenario(lineScenario());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.timeZone).toBe('Asia/Shanghai');
    expect(result.scenario.units[0].crew).toBe(4);
    expect(result.scenario.targets.tier1.urban).toBe(1800);
  });

  it('lists every structural error with its path, not only the first', () => {
    const broken = lineScenario() as Record<string, unknown>;
    const units = structuredClone(broken.units) as Array<Record<string, unknown>>;
    units[1].mobilisation = { type: 'uniform', min: 100, max: 10 };
    units[2].crew = -3;
    const errors = errorsOf({
      ...broken,
      units,
      duration: 'one week',
      extraField: 1,
      travel: { model: 'teleport' },
    });
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'duration',
        '',
        'travel.model',
        'units[1].mobilisation.max',
        'units[2].crew',
      ]),
    );
    expect(errors.find((e) => e.path === 'duration')!.message).toBe('expected number, got string');
    expect(errors.find((e) => e.path === '')!.message).toContain('"extraField"');
    expect(errors.find((e) => e.path === 'travel.model')!.message).toContain('"roadGraph"');
    expect(errors.find((e) => e.path === 'units[1].mobilisation.max')!.message).toBe(
      'max must be ≥ min',
    );
  });

  it('speaks Chinese when asked', () => {
    const errors = errorsOf(
      { ...lineScenario(), duration: 'one week', agencies: [{ id: 'fire', tier: 5 }] },
      'zh',
    );
    expect(errors.find((e) => e.path === 'duration')!.message).toBe('应为数字，实际为文本');
    expect(errors.find((e) => e.path === 'agencies[0].tier')!.message).toBe(
      '必须是以下之一：1, 2, 3',
    );
  });

  it('names missing required fields', () => {
    const { id: _id, ...withoutId } = lineScenario();
    expect(errorsOf(withoutId)).toContainEqual({ path: 'id', message: 'this field is required' });
  });

  it('checks references between parts, and duplicate ids', () => {
    const input = lineScenario();
    const errors = errorsOf({
      ...input,
      units: [
        ...input.units!,
        { id: 'fireWest', agency: 'nobody', base: 'nowhere', capabilities: ['fire'] },
      ],
      arrivals: {
        streams: [{ kind: 'flood', callsPerDay: 1 }],
        incidents: [{ time: 5, kind: 'fire' }],
      },
      events: [{ type: 'closeRoad', at: 0, edges: [1] }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'units[3].id', message: 'the unit id "fireWest" is used twice' },
        { path: 'units[3].agency', message: 'no agency has the id "nobody"' },
        { path: 'units[3].base', message: 'no base has the id "nowhere"' },
        { path: 'arrivals.streams[0].kind', message: 'no incident kind has the id "flood"' },
        { path: 'arrivals.incidents[0]', message: 'give a location or a district' },
        { path: 'events[0].type', message: 'road closures need the roadGraph travel model' },
      ]),
    );
  });

  it('warns about a need no unit can meet', () => {
    const input = lineScenario({
      incidentKinds: [{ id: 'fire', needs: [{ capability: 'hazmat', units: 1 }] }],
    });
    const result = loadScenario(input);
    expect(result.ok).toBe(true);
    expect(result.warnings[0].path).toBe('incidentKinds[0].needs[0].capability');
  });

  it('reports a JSON syntax error with its line and column', () => {
    const result = loadScenarioText('{\n  "id": "x",\n  "duration": 12,,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/line 3, column \d+/);
    const zh = loadScenarioText('{,}', 'zh');
    expect(!zh.ok && zh.errors[0].message).toMatch(/^文件不是有效的 JSON（第 1 行第 2 列）/);
  });

  it('bounds sizes: an array over its limit is refused with the limit named', () => {
    const input = lineScenario();
    const manyEvents = Array.from({ length: 10_001 }, () => ({
      type: 'responseLevel',
      at: 0,
      level: 2,
    }));
    const errors = errorsOf({ ...input, events: manyEvents });
    expect(errors).toContainEqual({ path: 'events', message: 'at most 10000 events' });
  });

  it('never evaluates anything from the file, and a __proto__ key pollutes nothing', () => {
    const input = lineScenario({ name: 'constructor', description: '${process.exit(1)}' });
    expect(loadScenario(input).ok).toBe(true);
    const text = JSON.stringify(input).replace('{', '{"__proto__": {"polluted": true},');
    const result = loadScenarioText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('prints a JSON Schema in which every field has a description', () => {
    const schema = z.toJSONSchema(Scenario, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [key, property] of Object.entries(schema.properties)) {
      expect(property.description, key).toBeTruthy();
    }
  });
});

describe('holes found in review', () => {
  it('refuses impossible start times and clock times', () => {
    expect(errorsOf({ ...lineScenario(), start: '2026-02-31T08:00' })).toContainEqual({
      path: 'start',
      message: 'no such date or time',
    });
    expect(errorsOf({ ...lineScenario(), start: '2026-07-06T24:00' })).toContainEqual({
      path: 'start',
      message: 'no such date or time',
    });
    const units = [
      {
        id: 'u',
        agency: 'fire',
        base: 'westBase',
        capabilities: ['fire'],
        schedule: { type: 'weekly', windows: [{ from: '24:30', to: '08:00' }] },
      },
    ];
    expect(errorsOf({ ...lineScenario(), units }).map((e) => e.path)).toContain(
      'units[0].schedule.windows[0].from',
    );
  });

  it('refuses call weights that are all zero, and a road class named like a built-in property', () => {
    const zero = lineScenario({
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 5, districts: { west: 0 } }] },
    });
    expect(errorsOf(zero)).toContainEqual({
      path: 'arrivals.streams[0].districts',
      message: 'every weight is 0: no call could be placed',
    });
    const night = lineScenario({
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 5, hourProfile: new Array(24).fill(0) }] },
    });
    expect(errorsOf(night).map((e) => e.path)).toContain('arrivals.streams[0].hourProfile');
    const graph = lineScenario({
      travel: {
        model: 'roadGraph',
        nodes: [
          [0.01, 0.05],
          [0.19, 0.05],
        ],
        edges: [{ from: 0, to: 1, roadClass: 'constructor' }],
        roadClasses: { road: { speedKmh: 30 } },
      },
    });
    expect(errorsOf(graph)).toContainEqual({
      path: 'travel.edges[0].roadClass',
      message: 'no road class has the id "constructor"',
    });
  });

  it('refuses a run of more calls than the limit, and warns of listed calls after the end', () => {
    const flood = lineScenario({
      duration: 30 * 86_400,
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 1_000_000 }] },
    });
    expect(errorsOf(flood).map((e) => e.path)).toContain('arrivals');
    const late = loadScenario(
      lineScenario({ arrivals: { incidents: [{ time: 90_000, kind: 'fire', district: 'west' }] } }),
    );
    expect(late.warnings).toContainEqual({
      path: 'arrivals.incidents[0].time',
      message: 'this call comes after the end of the run and will not be simulated',
    });
  });
});

describe('warnings a planner needs', () => {
  it('a base outside every district, road nodes no base can reach, an unknown time zone', () => {
    const input = lineScenario({
      timeZone: 'Asia/Atlantis',
      bases: [
        { id: 'westBase', location: [0.01, 0.05] },
        { id: 'eastBase', location: [0.5, 0.05] },
      ],
      travel: {
        model: 'roadGraph',
        nodes: [
          [0.01, 0.05],
          [0.1, 0.05],
          [0.15, 0.09],
          [0.19, 0.09],
        ],
        edges: [
          { from: 0, to: 1, roadClass: 'road' },
          { from: 2, to: 3, roadClass: 'road' },
        ],
        roadClasses: { road: { speedKmh: 30 } },
      },
    });
    expect(errorsOf(input)).toContainEqual({
      path: 'timeZone',
      message: '"Asia/Atlantis" is not a time zone (e.g. Asia/Shanghai)',
    });
    const result = loadScenario({ ...input, timeZone: 'Asia/Shanghai' });
    expect(result.warnings).toContainEqual({
      path: 'bases[1].location',
      message: 'the base lies outside every district',
    });
    // The east base snaps to node 3: from the two bases all four nodes are reached.
    expect(result.warnings.some((w) => w.path === 'travel.edges')).toBe(false);
    const cut = loadScenario({
      ...input,
      timeZone: 'Asia/Shanghai',
      bases: [
        { id: 'westBase', location: [0.01, 0.05] },
        { id: 'eastBase', location: [0.02, 0.05] },
      ],
    });
    expect(cut.warnings).toContainEqual({
      path: 'travel.edges',
      message: '2 road node(s) cannot be reached from any base: calls there wait for ever',
    });
  });
});

describe('references inside the rules', () => {
  it('are checked: unknown kinds and agencies, pool ids clashing with units', () => {
    const input = lineScenario({
      rules: {
        fireRescueApproval: { enabled: true, kinds: ['volcano'], directAgencies: ['nobody'] },
        reinforcement: {
          enabled: true,
          pools: [{ id: 'fireWest', agency: 'ghost', capabilities: ['fire'] }],
        },
        firstReceiver: { enabled: true, responsible: { fire: 'ghost' } },
      },
    });
    expect(errorsOf(input)).toEqual(
      expect.arrayContaining([
        {
          path: 'rules.fireRescueApproval.kinds[0]',
          message: 'no incident kind has the id "volcano"',
        },
        {
          path: 'rules.fireRescueApproval.directAgencies[0]',
          message: 'no agency has the id "nobody"',
        },
        { path: 'rules.reinforcement.pools[0].agency', message: 'no agency has the id "ghost"' },
        {
          path: 'rules.reinforcement.pools[0].id',
          message: 'the unit id "fireWest" is used twice',
        },
        { path: 'rules.firstReceiver.responsible.fire', message: 'no agency has the id "ghost"' },
      ]),
    );
  });
});
