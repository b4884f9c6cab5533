/**
 * `sim training …`: the operator-training commands from the command line, for a trainer who
 * checks a scoring setup in batch — the built-in exercises, an exercise as a file, the reference
 * session of an exercise, and the score sheet of a session file (or why it is rejected).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinScenario } from '../scenarios/builtin/index.ts';
import { z } from 'zod';
import { decodeText } from '../scenarios/decode.ts';
import {
  builtinExercise,
  builtinExercises,
  exportSessionFile,
  LEVEL_LABELS,
  parseExercise,
  referenceSession,
  scoreSheetText,
  provideBuiltinScenarios,
  type Lang,
  type Problem,
} from '../training/api.ts';
import { verifySession } from '../training/file.ts';
import { Exercise } from '../training/schema.ts';
import { scoreVerified } from '../training/score.ts';

export const TRAINING_USAGE = `  training list                the built-in training exercises (one or more per level)
  training schema              the exercise file format as JSON Schema
  training export ID [--out FILE] [--force]
                               a built-in exercise as an exercise file
  training reference EXERCISE.json|ID [--seed N] [--out FILE] [--force]
                               the reference session: the built-in dispatcher's answers
  training score SESSION.json [--json]
                               replay a session file and print its score sheet (or why it is rejected)`;

const FLAGS = new Set(['json', 'force']);

class Failure extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function parse(argv: string[]) {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) options.set(name, inline);
      else if (!FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--'))
        options.set(name, argv[++i]);
      else options.set(name, true);
    }
  }
  const value = (name: string) => {
    const v = options.get(name);
    if (v === true) throw new Failure(`--${name} needs a value`, 2);
    return v;
  };
  return { positional, options, value };
}

function readText(path: string, lang: Lang): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? lang === 'zh'
          ? '文件不存在'
          : 'no such file'
        : (error as Error).message;
    throw new Failure(
      lang === 'zh' ? `无法读取“${path}”：${reason}` : `cannot read "${path}": ${reason}`,
      1,
    );
  }
  const decoded = decodeText(bytes, lang);
  if (!decoded.ok) throw new Failure(`${path}: ${decoded.message}`, 1);
  return decoded.text;
}

function fail(problems: Problem[], lang: Lang, file: string): never {
  const label = lang === 'zh' ? '错误' : 'error';
  const lines = problems.map(
    (p) => `${label} ${p.path || (lang === 'zh' ? '（文件）' : '(file)')}: ${p.message}`,
  );
  const head = lang === 'zh' ? `${file} 不能使用：` : `${file} is rejected:`;
  throw new Failure([head, ...lines].join('\n'), 1);
}

function write(text: string, out: string | undefined, force: boolean, lang: Lang): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new Failure(
      exists
        ? lang === 'zh'
          ? `${out} 已存在；用 --force 覆盖`
          : `${out} exists; --force overwrites it`
        : (error as Error).message,
      1,
    );
  }
  console.log(lang === 'zh' ? `已写入 ${out}` : `wrote ${out}`);
}

function exerciseFrom(reference: string, lang: Lang) {
  const builtin = builtinExercise(reference);
  if (builtin) return builtin;
  const parsed = parseExercise(readText(reference, lang), lang);
  if (!parsed.ok) fail(parsed.problems, lang, reference);
  return parsed.value;
}

/** Runs `sim training …`; returns the exit code. */
export function trainingMain(argv: string[], lang: Lang): number {
  provideBuiltinScenarios(builtinScenario);
  try {
    const args = parse(argv);
    const [sub, target] = args.positional;
    const zh = lang === 'zh';
    switch (sub) {
      case 'list':
        for (const e of builtinExercises()) {
          const scenario =
            'builtin' in e.scenario ? e.scenario.builtin : zh ? '（自带情景）' : '(embedded)';
          console.log(
            `${e.id}\t${LEVEL_LABELS[e.level][lang]}\t${e.title[lang]}\t${scenario} ${e.window.start}–${e.window.end}`,
          );
        }
        return 0;
      case 'schema':
        console.log(JSON.stringify(z.toJSONSchema(Exercise, { io: 'input' }), null, 2));
        return 0;
      case 'export': {
        if (!target)
          throw new Failure(
            'training export needs the ID of a built-in exercise (see training list)',
            2,
          );
        const exercise = builtinExercise(target);
        if (!exercise) {
          throw new Failure(
            zh
              ? `没有内置训练科目“${target}”（见 training list）`
              : `there is no built-in exercise "${target}" (see training list)`,
            1,
          );
        }
        write(
          `${JSON.stringify(exercise, null, 2)}\n`,
          args.value('out'),
          args.options.has('force'),
          lang,
        );
        return 0;
      }
      case 'reference': {
        if (!target)
          throw new Failure('training reference needs an exercise file or built-in id', 2);
        const exercise = exerciseFrom(target, lang);
        const seedText = args.value('seed');
        if (seedText !== undefined && !/^\d+$/.test(seedText))
          throw new Failure(`--seed must be a whole number ≥ 0, got "${seedText}"`, 2);
        const file = referenceSession(
          exercise,
          seedText === undefined ? exercise.seed : Number(seedText),
        );
        write(exportSessionFile(file), args.value('out'), args.options.has('force'), lang);
        return 0;
      }
      case 'score': {
        if (!target) throw new Failure('training score needs a session file', 2);
        const verified = verifySession(readText(target, lang), lang);
        if (!verified.ok) fail(verified.problems, lang, target);
        const sheet = scoreVerified(verified.value);
        if (args.options.has('json')) console.log(JSON.stringify(sheet, null, 2));
        else console.log(scoreSheetText(sheet, lang));
        return 0;
      }
      default:
        throw new Failure(`Usage:\n${TRAINING_USAGE}`, 2);
    }
  } catch (error) {
    if (error instanceof Failure) {
      console.error(error.message);
      return error.code;
    }
    throw error;
  }
}
