import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import {
  evaluateDrill,
  loadDrill,
  parseDrillLogCsv,
  predictDrill,
  predictionSeeds,
} from '../../src/drills/api.ts';
import { builtinDrill } from '../../src/drills/builtin/index.ts';
import { scenarioOf } from './drillsFixtures.ts';

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
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('sim drill', () => {
  it('lists the built-in drills and prints the drill format as JSON Schema', () => {
    expect(main(['drill', 'list', '--lang', 'zh'])).toBe(0);
    expect(out.join('\n')).toContain('金华：危化物品泄露处置演练（一小时）');
    expect(out).toHaveLength(4);
    out = [];
    expect(main(['schema', 'drill'])).toBe(0);
    const schema = JSON.parse(out.join('\n'));
    expect(schema.properties.steps.items.properties.timing.description).toContain('manual release');
  });

  it('exports a built-in drill that validates again; a broken one exits 1 with its errors', () => {
    const path = join(dir, 'deqing.json');
    expect(main(['drill', 'export', 'deqing-group-incident', '--out', path])).toBe(0);
    expect(main(['drill', 'validate', path, '--lang', 'en'])).toBe(0);
    expect(out.join('\n')).toContain('valid');
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    exported.steps[0].command.district = 'atlantis';
    const bad = file('bad.json', JSON.stringify(exported));
    expect(main(['drill', 'validate', bad, '--lang', 'zh'])).toBe(1);
    expect(err.join('\n')).toContain(
      '错误 steps[0].command.district: 找不到 id 为“atlantis”的辖区',
    );
    expect(main(['drill', 'export', 'nothing'])).toBe(1);
  });

  it('predict --json gives the figures of the library, to the bit', () => {
    expect(
      main([
        'drill',
        'predict',
        'jinhua-hazmat-leak',
        '--replications',
        '3',
        '--seed',
        '4',
        '--json',
      ]),
    ).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    const builtin = builtinDrill('jinhua-hazmat-leak')!;
    const loaded = loadDrill(JSON.stringify(builtin.drill), 'en', scenarioOf);
    if (!loaded.ok) throw new Error('should load');
    const direct = predictDrill(loaded.drill, loaded.scenario, predictionSeeds(4, 3));
    expect(printed).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('predict prints the table and the flags in Chinese', () => {
    expect(
      main(['drill', 'predict', 'huzhou-rapid-assembly', '--replications', '2', '--lang', 'zh']),
    ).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('期望行动\t标准\t中位数\tP10\tP90\t达标概率');
    expect(text).toContain('提升至Ⅱ级应急响应、预置兵力 · 驻湖解放军部队预置兵力\t10:00');
    expect(text).toContain('人工记录');
    expect(text).toContain('可行性提示');
  });

  it('evaluate reads a log file and prints the deviation table, scores and corrective actions', () => {
    const builtin = builtinDrill('deqing-group-incident')!;
    const log = file('deqing.csv', builtin.log);
    expect(
      main([
        'drill',
        'evaluate',
        'deqing-group-incident',
        '--log',
        log,
        '--replications',
        '2',
        '--json',
      ]),
    ).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    const loaded = loadDrill(JSON.stringify(builtin.drill), 'en', scenarioOf);
    if (!loaded.ok) throw new Error('should load');
    const parsed = parseDrillLogCsv(builtin.log, loaded.drill, 'en');
    if (!parsed.ok) throw new Error('should parse');
    expect(printed.pointsMet).toBe(60);
    expect(printed.total).toEqual({ score: 79, weight: 100, grade: 'good' });
    const prediction = predictDrill(loaded.drill, loaded.scenario, predictionSeeds(1, 2));
    const direct = evaluateDrill(loaded.drill, loaded.scenario, parsed.log, prediction, 'en');
    expect(printed.rows).toEqual(JSON.parse(JSON.stringify(direct.rows)));
    out = [];
    expect(
      main(['drill', 'evaluate', 'deqing-group-incident', '--replications', '2', '--lang', 'zh']),
    ).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('期望行动得分 60/75');
    expect(text).toContain('问题整改清单');
    expect(text).toMatch(/仿真预估效果: \d+% → \d+%/);
  });

  it('a log with a bad row exits 1 naming the line', () => {
    const log = file('bad.csv', '时间,类型,编号\nT+01:00,下达,s1\nT+02:00,行动,nobody\n');
    expect(main(['drill', 'evaluate', 'deqing-group-incident', '--log', log, '--lang', 'zh'])).toBe(
      1,
    );
    expect(err.join('\n')).toContain('第 3 行：“nobody”不是本演练的环节或期望行动');
    expect(main(['drill', 'frobnicate'])).toBe(2);
  });
});
