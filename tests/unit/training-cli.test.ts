/**
 * `sim training …` from the command line: list, export, reference, score — and a tampered or
 * mismatched session file rejected with the reason.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import type { ScoreSheet, SessionFile } from '../../src/training/api.ts';

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
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'drill-training-cli-'));

describe('sim training', () => {
  it('lists the built-in exercises, one or more per level, in Chinese', () => {
    expect(main(['training', 'list', '--lang', 'zh'])).toBe(0);
    const text = out.join('\n');
    for (const level of ['见习', '初级', '中级']) expect(text).toContain(level);
    expect(text).toContain('lincheng-morning');
  });

  it('prints the exercise format, and names the field of a bad exercise file', () => {
    expect(main(['training', 'schema'])).toBe(0);
    const schema = JSON.parse(out.join('\n'));
    expect(schema.properties.difficulty.properties.duplicateCallShare.description).toBeTruthy();
    const bad = join(dir, 'bad-exercise.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'drill-planner/exercise',
        id: 'x',
        title: { zh: '坏科目' },
        scenario: { builtin: 'default-city' },
        window: { start: '10:00', end: '09:00' },
      }),
    );
    expect(main(['training', 'reference', bad, '--lang', 'zh'])).toBe(1);
    expect(err.join('\n')).toContain('错误 window.end: 必须晚于开始时刻');
  });

  it('exports an exercise, writes its reference session, and scores it full marks', () => {
    const exercise = join(dir, 'exercise.json');
    expect(main(['training', 'export', 'lincheng-morning', '--out', exercise])).toBe(0);
    expect(JSON.parse(readFileSync(exercise, 'utf8')).format).toBe('drill-planner/exercise');
    // An existing file is kept.
    expect(main(['training', 'export', 'lincheng-morning', '--out', exercise])).toBe(1);
    expect(err.join('\n')).toContain('--force');

    const reference = join(dir, 'reference.json');
    expect(main(['training', 'reference', exercise, '--seed', '9', '--out', reference])).toBe(0);
    const file = JSON.parse(readFileSync(reference, 'utf8')) as SessionFile;
    expect(file.seed).toBe(9);
    expect(file.kind).toBe('reference');

    out = [];
    expect(main(['training', 'score', reference, '--lang', 'zh'])).toBe(0);
    const sheet = out.join('\n');
    expect(sheet).toContain('接警调度员考核表');
    expect(sheet).toContain('得分：100 / 100');

    out = [];
    expect(main(['training', 'score', reference, '--json'])).toBe(0);
    const json = JSON.parse(out.join('\n')) as ScoreSheet;
    expect(json.score).toBe(100);
    expect(json.seed).toBe(9);
  }, 60_000);

  it('rejects a session file with an edited log or another seed, saying why', () => {
    const reference = join(dir, 'ref-tamper.json');
    expect(main(['training', 'reference', 'lincheng-morning', '--out', reference])).toBe(0);
    const file = JSON.parse(readFileSync(reference, 'utf8')) as SessionFile;

    const seeded = join(dir, 'seeded.json');
    writeFileSync(seeded, JSON.stringify({ ...file, seed: file.seed + 1 }));
    expect(main(['training', 'score', seeded, '--lang', 'zh'])).toBe(1);
    expect(err.join('\n')).toContain('不能使用');
    expect(err.join('\n')).toMatch(/重放/);

    err = [];
    const edited = structuredClone(file);
    const answer = edited.log.find(
      (e) => e.command.type === 'dispatch' && e.command.answer.some((a) => a.unit !== null),
    )!;
    if (answer.command.type === 'dispatch')
      answer.command.answer = answer.command.answer.map((a) => ({ ...a, unit: null }));
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(edited));
    expect(main(['training', 'score', tampered])).toBe(1);
    expect(err.join('\n')).toMatch(/rejected/);

    err = [];
    expect(main(['training', 'score', join(dir, 'missing.json')])).toBe(1);
    expect(err.join('\n')).toContain('no such file');
    expect(main(['training', 'frobnicate'])).toBe(2);
  }, 60_000);
});
