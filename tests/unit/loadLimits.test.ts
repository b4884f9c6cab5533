/**
 * The items 8, 9, 11, 12, 13 and 14: each case here was accepted (or crashed, or spoke
 * the wrong language) before the loader knew what a run will cost.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { decodeText } from '../../src/scenarios/decode.ts';
import { parseGeoJson, roadLinesFromGeoJson } from '../../src/scenarios/importGeo.ts';
import { loadScenario, loadScenarioText, type ScenarioProblem } from '../../src/scenarios/load.ts';
import type { ScenarioInput } from '../../src/scenarios/schema.ts';
import { run } from '../../src/sim/run.ts';
import { lineScenario } from './fixtures.ts';

const errorsOf = (data: unknown, language: 'en' | 'zh' = 'en'): ScenarioProblem[] => {
  const result = loadScenario(data, language);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
};
const errorAt = (errors: ScenarioProblem[], path: string) => {
  const found = errors.find((e) => e.path === path);
  expect(found, `no error at ${path}: ${JSON.stringify(errors)}`).toBeDefined();
  return found!.message;
};
const withWorkTime = (workTime: unknown): ScenarioInput => {
  const input = lineScenario({ arrivals: { streams: [{ kind: 'fire', callsPerDay: 200 }] } });
  (input.incidentKinds[0] as { workTime: unknown }).workTime = workTime;
  return input;
};

describe('8: distributions whose draws would not be finite are refused at the field', () => {
  it.each([
    [{ type: 'lognormal', mean: 1, sd: 1e300 }, 'sd'],
    [{ type: 'lognormal', mean: 1e300, sd: 1e300 }, 'mean'],
    [{ type: 'lognormal', mean: 1e300, sd: 1 }, 'mean'],
    [{ type: 'gamma', shape: 1e-320, mean: 1800 }, 'shape'],
    [{ type: 'gamma', shape: 1e-9, mean: 1800 }, 'shape'],
    [{ type: 'gamma', shape: 2, mean: 1e307 }, 'mean'],
    [{ type: 'exponential', mean: 1e307 }, 'mean'],
    [{ type: 'lognormalMedianP90', median: 60, p90: 1e200 }, 'p90'],
    [
      {
        type: 'histogram',
        bins: [
          { from: 0, to: 1, weight: 1e308 },
          { from: 1, to: 2, weight: 1e308 },
        ],
      },
      'bins',
    ],
  ])('%j → %s', (workTime, field) => {
    const errors = errorsOf(withWorkTime(workTime));
    expect(errorAt(errors, `incidentKinds[0].workTime.${field}`)).toMatch(
      /too (large|small)|infinity/,
    );
    const zh = errorsOf(withWorkTime(workTime), 'zh');
    expect(errorAt(zh, `incidentKinds[0].workTime.${field}`)).toMatch(/[过权]/);
  });

  it('keeps ordinary wide distributions, and they run', () => {
    for (const workTime of [
      { type: 'lognormal', mean: 1800, sd: 18_000 },
      { type: 'gamma', shape: 0.01, mean: 1800 },
      { type: 'lognormalMedianP90', median: 3600, p90: 36_000 },
    ]) {
      const result = loadScenario(withWorkTime(workTime));
      expect(result.ok).toBe(true);
      if (result.ok) expect(() => run(result.scenario, 1)).not.toThrow();
    }
  });
});

describe('9: the limits hold for the run as it will happen', () => {
  it('counts callRateFactor events in the calls of a run', () => {
    const input = lineScenario({
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 1_000_000 }] },
      events: [{ type: 'callRateFactor', at: 0, factor: 100 }],
    });
    expect(errorAt(errorsOf(input), 'events[0].factor')).toContain('callRateFactor');
    expect(errorAt(errorsOf(input, 'zh'), 'events[0].factor')).toContain('超过上限 20000000');
    // The same surge for a tenth of the day stays under the limit.
    const brief = lineScenario({
      arrivals: { streams: [{ kind: 'fire', callsPerDay: 1_000_000 }] },
      events: [
        { type: 'callRateFactor', at: 0, factor: 100 },
        { type: 'callRateFactor', at: 8640, factor: 1 },
      ],
    });
    expect(loadScenario(brief).ok).toBe(true);
  });

  it('counts the reinforcement pools in the 20,000 units', () => {
    const input = lineScenario();
    input.rules = {
      reinforcement: {
        enabled: true,
        pools: Array.from({ length: 1000 }, (_, i) => ({
          id: `pool${i}`,
          agency: 'fire',
          capabilities: ['fire'],
          count: 500,
        })),
      },
    };
    expect(errorAt(errorsOf(input), 'rules.reinforcement.pools')).toContain('20000');
  });

  it('bounds the needs of one incident', () => {
    const many = lineScenario();
    many.incidentKinds[0].needs = Array.from({ length: 5000 }, () => ({ capability: 'fire' }));
    expect(errorAt(errorsOf(many), 'incidentKinds[0].needs')).toBe('at most 100 needs');
    const heavy = lineScenario();
    heavy.incidentKinds[0].needs = Array.from({ length: 30 }, () => ({
      capability: 'fire',
      units: 100,
    }));
    expect(errorAt(errorsOf(heavy), 'incidentKinds[0].needs')).toContain('3000 units');
  });
});

describe('11: weights that sum to infinity are refused, not run as 0 calls', () => {
  it.each(['hourProfile', 'dayProfile'] as const)('%s', (profile) => {
    const length = profile === 'hourProfile' ? 24 : 7;
    const input = lineScenario({
      arrivals: {
        streams: [{ kind: 'fire', callsPerDay: 100, [profile]: Array(length).fill(1e308) }],
      },
    });
    expect(errorAt(errorsOf(input), `arrivals.streams[0].${profile}`)).toContain('infinity');
  });

  it('district weights', () => {
    const input = lineScenario({
      arrivals: {
        streams: [{ kind: 'fire', callsPerDay: 100, districts: { west: 1e308, east: 1e308 } }],
      },
    });
    expect(errorAt(errorsOf(input), 'arrivals.streams[0].districts')).toContain('infinity');
  });
});

describe('12: messages name the field, speak the language, cut long values', () => {
  const text = JSON.stringify(lineScenario()).replace('"duration":86400', '"duration":1e999');

  it('a number too large to represent', () => {
    const result = loadScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorAt(result.errors, 'duration')).toContain('too large');
    const zh = loadScenarioText(text, 'zh');
    if (!zh.ok) expect(errorAt(zh.errors, 'duration')).toContain('数值过大');
  });

  it('"must be ≤ 1" in Chinese', () => {
    const input = lineScenario();
    input.rules = { feedback: { missingShare: 2 } };
    expect(errorAt(errorsOf(input, 'zh'), 'rules.feedback.missingShare')).toBe('必须 ≤ 1');
  });

  it('JSON syntax reasons in Chinese', () => {
    for (const bad of ['{"id": }', '{"id": "x"', '{"id" "x"}', '{"id": "x"} x']) {
      const result = loadScenarioText(bad, 'zh');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].message).not.toMatch(/Unexpected|Expected/);
    }
  });

  it('a GeoJSON feature with no coordinates', () => {
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString' } }],
    });
    const parsed = parseGeoJson(geo, 'en');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = roadLinesFromGeoJson(parsed.value, undefined, 'en');
    expect(JSON.stringify(result)).not.toContain('undefined is not');
    expect(JSON.stringify(result)).toContain('coordinates are missing');
  });

  it('long values are cut', () => {
    const input = lineScenario({
      arrivals: { streams: [{ kind: 'x'.repeat(100_000), callsPerDay: 1 }] },
    });
    const message = errorAt(errorsOf(input), 'arrivals.streams[0].kind');
    expect(message.length).toBeLessThan(120);
    expect(message).toContain('…');
    const keys = { ...lineScenario(), ['y'.repeat(100_000)]: 1 };
    expect(errorAt(errorsOf(keys), '').length).toBeLessThan(300);
  });
});

describe('13: typos and reserved names are not silently accepted', () => {
  it('a typo in targets', () => {
    const input = { ...lineScenario(), targets: { teir1: { urban: 600 } } };
    expect(errorAt(errorsOf(input), 'targets')).toContain('"teir1"');
  });

  it.each([
    [
      'incidentKinds[0].supplies',
      (s: ScenarioInput) => (s.incidentKinds[0].supplies = { sandbags: 1 }),
    ],
    [
      'arrivals.streams[0].districts',
      (s: ScenarioInput) =>
        (s.arrivals = { streams: [{ kind: 'fire', callsPerDay: 1, districts: { west: 1 } }] }),
    ],
    [
      'rules.firstReceiver.responsible',
      (s: ScenarioInput) => (s.rules = { firstReceiver: { responsible: { fire: 'fire' } } }),
    ],
  ])('"__proto__" in %s', (path, edit) => {
    const input = lineScenario();
    edit(input);
    const text = JSON.stringify(input);
    const record = path.split('.').pop()!;
    const poisoned = text.replace(`"${record}":{`, `"${record}":{"__proto__":{"x":1},`);
    expect(poisoned).not.toBe(text);
    const result = loadScenarioText(poisoned);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(errorAt(result.errors, `${path}.__proto__`)).toContain('__proto__');
  });
});

describe('14: encodings', () => {
  const json = JSON.stringify(lineScenario({ name: '定海区演练' }));
  const utf8 = new TextEncoder().encode(json);
  const utf16le = (bom: boolean) => {
    const bytes = new Uint8Array(json.length * 2 + (bom ? 2 : 0));
    if (bom) bytes.set([0xff, 0xfe]);
    for (let i = 0; i < json.length; i++) {
      const code = json.charCodeAt(i);
      bytes[(bom ? 2 : 0) + 2 * i] = code & 0xff;
      bytes[(bom ? 2 : 0) + 2 * i + 1] = code >> 8;
    }
    return bytes;
  };
  const nameOf = (bytes: Uint8Array) => {
    const decoded = decodeText(bytes);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return null;
    const result = loadScenarioText(decoded.text);
    return result.ok ? result.scenario.name : result.errors;
  };

  it('UTF-8 with a BOM', () => {
    expect(nameOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('定海区演练');
    // A BOM that reached the text (another reader) is not an "Unexpected token" either.
    const result = loadScenarioText(`\uFEFF${json}`);
    expect(result.ok).toBe(true);
  });

  it('UTF-16LE with and without a BOM, UTF-16BE', () => {
    expect(nameOf(utf16le(true))).toBe('定海区演练');
    expect(nameOf(utf16le(false))).toBe('定海区演练');
    const le = utf16le(true);
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(nameOf(be)).toBe('定海区演练');
  });

  it('GBK: decoded, not mojibake', () => {
    // 定海区 in GBK.
    const gbkName = [0xb6, 0xa8, 0xba, 0xa3, 0xc7, 0xf8];
    const text = JSON.stringify(lineScenario({ name: 'NAME' }));
    const [before, after] = text.split('NAME');
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(before),
      ...gbkName,
      ...new TextEncoder().encode(after),
    ]);
    const decoded = decodeText(bytes, 'zh');
    if (decoded.ok) {
      expect(decoded.encoding).toContain('GB18030');
      expect(nameOf(bytes)).toBe('定海区');
    } else {
      // Node without full ICU: the message says what the file is and how to save it.
      expect(decoded.message).toContain('GB18030');
      expect(decoded.message).toContain('UTF-8');
    }
  });

  it('a damaged UTF-8 file is not read as GBK', () => {
    const bytes = new Uint8Array([...utf8.slice(0, 40), 0xff, ...utf8.slice(40)]);
    const decoded = decodeText(bytes, 'zh');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toContain('约第 40 字节');
  });

  describe('the CLI reads bytes', () => {
    afterEach(() => vi.restoreAllMocks());
    it('validates a UTF-8 file with a BOM and names a missing file in Chinese', () => {
      const err: string[] = [];
      vi.spyOn(console, 'log').mockImplementation(() => {});
      vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
      const dir = mkdtempSync(join(tmpdir(), 'drill-decode-'));
      const path = join(dir, 'bom.json');
      writeFileSync(path, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]));
      expect(main(['validate', path])).toBe(0);
      expect(main(['validate', join(dir, 'none.json'), '--lang', 'zh'])).not.toBe(0);
      expect(err.join('\n')).toContain('文件不存在');
    });
  });
});
