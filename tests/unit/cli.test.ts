import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, parseDuration } from '../../src/cli/cli.ts';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { loadScenarioText } from '../../src/scenarios/load.ts';
import { Rules } from '../../src/scenarios/schema.ts';
import type { Report } from '../../src/sim/analysis/report.ts';
import { run } from '../../src/sim/run.ts';
import { traceDigest } from '../../src/sim/trace.ts';
import { lineScenario, warningsBeyondKnownCrossings } from './fixtures.ts';

let out: string[];
let err: string[];
let stdout: string[];

beforeEach(() => {
  out = [];
  err = [];
  stdout = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => (stdout.push(String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'drill-cli-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const scenarioFile = file(
  'line.json',
  lineScenario({ arrivals: { streams: [{ kind: 'fire', callsPerDay: 40 }] } }),
);

describe('sim CLI', () => {
  it('lists built-in scenarios and prints the JSON Schema', () => {
    expect(main(['list'])).toBe(0);
    expect(out.join('\n')).toContain('mmc-3-queue');
    out = [];
    expect(main(['schema'])).toBe(0);
    const schema = JSON.parse(out.join('\n'));
    expect(schema.properties.units.description).toBeTruthy();
  });

  it('validate: exit 0 on a good file, 1 with every error listed on a bad one, in Chinese if asked', () => {
    expect(main(['validate', scenarioFile])).toBe(0);
    const bad = file('bad.json', { ...lineScenario(), duration: -1, units: [] });
    expect(main(['validate', bad, '--lang', 'zh'])).toBe(1);
    expect(err.join('\n')).toContain('错误 duration: 必须 > 0');
    expect(err.join('\n')).toContain('错误 units: 至少需要一个力量');
    expect(err.join('\n')).toContain('2 个错误');
  });

  it('validate lists the settings a file leaves to their defaults', () => {
    const scenario = lineScenario() as Record<string, unknown>;
    const sparse = file('sparse.json', { ...scenario, dispatch: undefined });
    out = [];
    expect(main(['validate', sparse, '--lang', 'zh'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('以下设置文件中未写出，按默认值计：');
    expect(text).toContain('dispatch.callHandling: 接警研判 固定 60 秒');
    expect(text).toContain('dispatch.redispatchReturning: 返程力量可改派：是');
  });

  it('run --json gives per-replication figures and an aggregate with confidence intervals', () => {
    expect(main(['run', '--scenario', scenarioFile, '--replications', '3', '--json'])).toBe(0);
    const report = JSON.parse(out.join('\n')) as Report;
    expect(report.seeds).toEqual([1, 2, 3]);
    const calls = report.aggregate['calls'];
    expect(calls.n).toBe(3);
    expect(calls.low).toBeLessThan(calls.mean);
    expect(calls.mean).toBeGreaterThan(20);
    expect(report.aggregate['response.overall.median'].mean).toBeGreaterThan(0);
  });

  it('shards merged equal one run over all their seeds, to the bit', () => {
    const runJson = (args: string[]) => {
      out = [];
      expect(main(['run', '--scenario', scenarioFile, '--json', ...args])).toBe(0);
      return out.join('\n');
    };
    const whole = runJson(['--seeds', '1..4']);
    const shardA = file('a.json', runJson(['--seeds', '1..1']));
    const shardB = file('b.json', runJson(['--seeds', '2..4']));
    out = [];
    expect(main(['merge', shardB, shardA, '--json'])).toBe(0);
    expect(out.join('\n')).toBe(whole);
    // Overlapping shards are refused.
    expect(main(['merge', shardA, shardA])).toBe(1);
    expect(err.join('\n')).toContain('seed 1 appears twice');
  });

  it('prints a readable report, and the trace as NDJSON', () => {
    expect(main(['run', '--scenario', scenarioFile, '--until', '12h'])).toBe(0);
    expect(out.join('\n')).toMatch(/Response time, call to first arrival/);
    // The one tier-1 figure heads the report, as in the app.
    expect(out.join('\n')).toMatch(/Tier-1 arrivals on target/);
    expect(main(['trace', '--scenario', scenarioFile, '--seed', '2', '--until', '6h'])).toBe(0);
    const lines = stdout.join('').trim().split('\n');
    const header = JSON.parse(lines[0]);
    expect(header.format).toBe('drill-planner-trace');
    expect(header.records).toBe(lines.length - 1);
    expect(JSON.parse(lines[1]).ev).toBe('callReceived');
  });

  it('imports call history from CSV into a scenario', () => {
    const csv = file(
      'calls.csv',
      'time,type,district\n2026-07-06 08:00,火灾,west\n2026-07-06 09:00,fire,east\nbad,fire,east\n',
    );
    const target = join(dir, 'with-calls.json');
    const code = main([
      'import-calls',
      csv,
      '--scenario',
      scenarioFile,
      '--time',
      'time',
      '--kind',
      'type',
      '--district',
      'district',
      '--kind-map',
      '火灾=fire',
      '--out',
      target,
    ]);
    expect(code).toBe(0);
    expect(err.join('\n')).toContain('calls.csv:4:');
    expect(main(['validate', target])).toBe(0);
  });

  it('usage errors exit 2 with the reason', () => {
    expect(main(['run', '--seeds', '5..2'])).toBe(2);
    expect(err[0]).toContain('--seeds must be A..B');
    expect(main(['frobnicate'])).toBe(2);
    expect(parseDuration('36h')).toBe(129_600);
    expect(parseDuration('7d')).toBe(604_800);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });
});

describe('sim CLI guards', () => {
  it('--until is checked like the file: shorter than the warm-up is an error', () => {
    const warm = file('warm.json', lineScenario({ warmup: 86_400, duration: 2 * 86_400 }));
    expect(main(['run', '--scenario', warm, '--until', '12h'])).toBe(1);
    expect(err.join('\n')).toContain('warmup: the warm-up must be shorter than the duration');
  });

  it('refuses to merge shards run for different lengths', () => {
    const runTo = (until: string, seeds: string) => {
      out = [];
      expect(
        main(['run', '--scenario', scenarioFile, '--json', '--until', until, '--seeds', seeds]),
      ).toBe(0);
      return file(`shard-${until}-${seeds}.json`, out.join('\n'));
    };
    expect(main(['merge', runTo('12h', '1..1'), runTo('24h', '2..2')])).toBe(1);
    expect(err.join('\n')).toContain('replications of different runs');
  });
});

describe('sim why and bulletin', () => {
  it('explain an incident and print the bulletin', () => {
    expect(main(['why', '--scenario', scenarioFile, '--incident', '0', '--until', '12h'])).toBe(0);
    expect(out.join('\n')).toMatch(/Incident 0 \(fire, (west|east)\)/);
    expect(out.join('\n')).toMatch(/mobilisation 1\.0; travel/);
    // The decision as it was made: the units weighed, the one sent marked.
    expect(out.join('\n')).toMatch(/could have gone: fire(West|East) [\d.]+ ✓/);
    out = [];
    expect(main(['bulletin', '--scenario', scenarioFile, '--lang', 'zh'])).toBe(0);
    expect(out[0].split('\t')).toContain('扣分');
    expect(out.length).toBeGreaterThan(1);
    expect(main(['why', '--scenario', scenarioFile])).toBe(2);
  });
});

describe('sim export', () => {
  const exportDir = mkdtempSync(join(tmpdir(), 'drill-export-'));
  /** The built-in exported with `--out`, once; its path. */
  const exported = (id: string) => {
    const path = join(exportDir, `${id}.json`);
    if (!existsSync(path)) expect(main(['export', id, '--out', path])).toBe(0);
    return path;
  };
  const load = (path: string) => {
    const loaded = loadScenarioText(readFileSync(path, 'utf8'));
    if (!loaded.ok) throw new Error(`${path}: ${JSON.stringify(loaded.errors)}`);
    return loaded;
  };

  it('writes every built-in as a file that validates and loads back deep-equal, defaults filled in', () => {
    for (const { id } of builtinScenarios) {
      const path = exported(id);
      const builtin = builtinScenario(id);
      // Pretty-printed, 2-space indent, trailing newline: the checked scenario, every default in.
      expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(builtin, null, 2) + '\n');
      expect(main(['validate', path])).toBe(0);
      const loaded = load(path);
      expect(warningsBeyondKnownCrossings(id, loaded.warnings)).toEqual([]);
      expect(loaded.scenario).toStrictEqual(builtin);
    }
    // Said: the boundaries of some built-in cities that cross themselves (fixtures.ts).
    expect(err.filter((line) => !line.includes('crosses itself'))).toEqual([]);
    // The M/M/3 queue leaves the rules to their defaults; the file spells them out.
    expect(builtinScenarios.find((s) => s.id === 'mmc-3-queue')!.input).not.toHaveProperty('rules');
    expect(JSON.parse(readFileSync(exported('mmc-3-queue'), 'utf8')).rules).toEqual(
      Rules.parse({}),
    );
  });

  it('runs from the file give the same trace as from the built-in id, seed for seed', () => {
    // default-city runs its full week in about 0.3 s; the hazmat drill is four hours.
    for (const [id, seed] of [
      ['default-city', 3],
      ['jinhua-hazmat-drill', 1],
    ] as const) {
      const fromFile = traceDigest(run(load(exported(id)).scenario, seed).trace);
      expect(fromFile).toBe(traceDigest(run(builtinScenario(id), seed).trace));
    }
  });

  it('writes to stdout without --out', () => {
    const path = exported('mmc-3-queue');
    out = [];
    expect(main(['export', 'mmc-3-queue'])).toBe(0);
    expect(stdout.join('')).toBe(readFileSync(path, 'utf8'));
    expect(out).toEqual([]);
  });

  it('refuses to overwrite a file unless --force is given', () => {
    const path = file('mine.json', '{"edited": true}\n');
    expect(main(['export', 'mmc-3-queue', '--out', path])).toBe(1);
    expect(err.join('\n')).toContain('already exists');
    expect(err.join('\n')).toContain('--force');
    expect(readFileSync(path, 'utf8')).toBe('{"edited": true}\n');
    err = [];
    expect(main(['export', 'mmc-3-queue', '--out', path, '--lang', 'zh'])).toBe(1);
    expect(err.join('\n')).toContain('已存在');
    // --force takes no value: the id after it stays the id.
    expect(main(['export', '--force', 'mmc-3-queue', '--out', path])).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(exported('mmc-3-queue'), 'utf8'));
  });

  it('an unknown id lists the known ones, in Chinese if asked; no id is a usage error', () => {
    expect(main(['export', 'atlantis'])).toBe(1);
    expect(err[0]).toContain('no built-in scenario "atlantis"');
    for (const { id } of builtinScenarios) expect(err.join('\n')).toContain(id);
    err = [];
    expect(main(['export', 'atlantis', '--lang', 'zh'])).toBe(1);
    expect(err[0]).toContain('没有内置场景“atlantis”');
    expect(err.join('\n')).toContain('临城（示例城市）');
    expect(main(['export'])).toBe(2);
  });

  it('common random numbers hold across a rule switch on exported files (rule 11 on, rule 6 as it was)', () => {
    const base = join(dir, 'weihai.json');
    expect(main(['export', 'weihai-forest-fire', '--out', base, '--force'])).toBe(0);
    const doc = JSON.parse(readFileSync(base, 'utf8'));
    doc.rules.traffic = {
      ...doc.rules.traffic,
      enabled: true,
      atSeverity: 4,
      setup: { type: 'lognormalMedianP90', median: 600, p90: 1200 },
    };
    const variant = file('weihai-traffic.json', doc);
    const approvals = (scenarioPath: string) => {
      stdout = [];
      expect(main(['trace', '--scenario', scenarioPath, '--seed', '1'])).toBe(0);
      const waits = new Map<string, number>();
      for (const line of stdout.join('').trim().split('\n').slice(1)) {
        const record = JSON.parse(line);
        if (record.ev === 'approved' && record.cause === 'fireRescueApproval')
          waits.set(`${record.incident}/${record.unit}`, record.value);
      }
      return waits;
    };
    const before = approvals(base);
    const after = approvals(variant);
    const matched = [...before.keys()].filter((pair) => after.has(pair));
    expect(matched.length).toBeGreaterThan(20);
    for (const pair of matched) expect(after.get(pair), pair).toBe(before.get(pair));
  });
});
