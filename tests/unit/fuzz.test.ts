/**
 * A fuzz test of the loaders: a few thousand files made by mutating the built-in scenarios with a
 * fixed seed. No exception escapes loadScenario, loadScenarioText or decodeText; no case takes
 * more than a few seconds; every rejection names a path (unless the change was at the top level)
 * and speaks the language asked; every accepted case runs a short simulation without throwing.
 */
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { decodeText } from '../../src/scenarios/decode.ts';
import { loadScenario, loadScenarioText, type LoadResult } from '../../src/scenarios/load.ts';
import type { Language } from '../../src/scenarios/messages.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { Session } from '../../src/sim/session.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = 'loader-fuzz-1';
/**
 * What a short run of an accepted case may cost, in events: a bound on the work, not on the
 * clock (a slow case is one that does far more than its size says, whatever the machine).
 */
const MAX_CASE_EVENTS = 200_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const NUMBERS = [
  0,
  -1,
  1,
  0.5,
  1e-320,
  5e-324,
  1e-9,
  1e9,
  1e15,
  1e300,
  1e308,
  -1e308,
  2 ** 53,
  100,
  101,
  1e6,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];
const STRINGS = [
  '',
  'x',
  '__proto__',
  'constructor',
  'toString',
  '定海区',
  'a'.repeat(5000),
  'a b',
];
const ANYTHING: Json[] = [null, true, false, [], {}, '1', 0, -5, 1e308, { type: 'fixed' }, [1, 2]];

function mutatedValue(random: Random, current: Json, gentle: boolean): Json {
  if (gentle) {
    // A plausible edit, often still valid: a number scaled, a flag flipped.
    if (typeof current === 'number') return current * pick(random, [0, 0.5, 2, 10, 1000]);
    if (typeof current === 'boolean') return !current;
    return current;
  }
  const r = random();
  if (typeof current === 'number') {
    if (r < 0.6) return pick(random, NUMBERS);
    if (r < 0.8) return current * pick(random, [1e3, 1e100, -1, 1e-300]);
  }
  if (typeof current === 'string' && r < 0.6) return pick(random, STRINGS);
  if (Array.isArray(current) && current.length > 0 && r < 0.5) {
    // Drop or repeat an element, or empty the list.
    const i = Math.floor(random() * current.length);
    const choice = random();
    if (choice < 0.4) return current.filter((_, j) => j !== i);
    if (choice < 0.8) return [...current, current[i]];
    return [];
  }
  if (current !== null && typeof current === 'object' && !Array.isArray(current) && r < 0.5) {
    const copy: { [key: string]: Json } = { ...current };
    const keys = Object.keys(copy);
    const choice = random();
    if (choice < 0.35 && keys.length > 0) delete copy[pick(random, keys)];
    else if (choice < 0.7) {
      // An own "__proto__" key, as JSON.parse makes it; or an unknown field.
      const key = random() < 0.5 ? '__proto__' : pick(random, ['teir1', 'extra', 'constructor']);
      Object.defineProperty(copy, key, {
        value: pick(random, ANYTHING),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else return {};
    return copy;
  }
  return pick(random, [...ANYTHING, pick(random, NUMBERS), pick(random, STRINGS)]);
}

/** A copy of `root` with the value at a random path changed; copies only along the path. */
function mutate(random: Random, root: Json, gentle: boolean): { value: Json; depth: number } {
  const path: Array<string | number> = [];
  let node = root;
  while (node !== null && typeof node === 'object' && (gentle || random() < 0.85)) {
    const keys: Array<string | number> = Array.isArray(node)
      ? node.map((_, i) => i)
      : Object.keys(node);
    if (keys.length === 0) break;
    const key = pick(random, keys);
    path.push(key);
    node = (node as Record<string | number, Json>)[key];
  }
  const rebuild = (value: Json, depth: number): Json => {
    if (depth === path.length) return mutatedValue(random, value, gentle);
    const key = path[depth];
    if (Array.isArray(value)) {
      const copy = value.slice();
      copy[key as number] = rebuild(value[key as number], depth + 1);
      return copy;
    }
    const object = value as { [key: string]: Json };
    return { ...object, [key]: rebuild(object[key as string], depth + 1) };
  };
  return { value: rebuild(root, 0), depth: path.length };
}

/** Changes to the text: a number beyond the float range, a cut, a stray character, a BOM. */
function mutateText(random: Random, text: string): string {
  const at = Math.floor(random() * text.length);
  switch (Math.floor(random() * 5)) {
    case 0:
      return text.replace(/(?<=:)\d+(\.\d+)?/, '1e999');
    case 1:
      return text.slice(0, at);
    case 2:
      return (
        text.slice(0, at) + pick(random, ['}', ']', ',', '"', '\n', '\u0000']) + text.slice(at)
      );
    case 3:
      return `\uFEFF${text}`;
    default:
      return text.replace(/"name":"[^"]*"/, `"name":"${'长'.repeat(300)}"`);
  }
}

/** A built-in as fuzz input: big road graphs replaced by distances, to keep each case quick. */
function slim(input: Json): Json {
  const doc = input as { [key: string]: Json };
  const travel = doc.travel as { model: string };
  if (travel.model !== 'roadGraph' || JSON.stringify(travel).length < 20_000) return input;
  const events = ((doc.events as Json[] | undefined) ?? []).filter(
    (e) => !/Road$/.test(String((e as { type: string }).type)),
  );
  return { ...doc, travel: { model: 'distance' }, events };
}

/**
 * Up to two hours, and about 2,000 generated calls at most: a queue of 100,000 calls waiting
 * for three units is valid but slow to simulate, and this test is about the loader.
 */
function shortDuration(scenario: Scenario): number {
  const perDay = scenario.arrivals.streams.reduce((sum, s) => sum + s.callsPerDay, 0);
  const surge = Math.max(
    1,
    ...scenario.events.map((e) => (e.type === 'callRateFactor' ? e.factor : 1)),
  );
  return Math.min(7200, Math.max(60, (2000 * 86_400) / Math.max(perDay * surge, 1)));
}

function check(result: LoadResult, language: Language, pathExpected: boolean): void {
  const problems = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  for (const problem of problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message.length).toBeLessThan(1000);
    expect(problem.message).not.toMatch(
      /\[object Object\]|undefined is|expected (\w+), got \1|应为(\S+)，实际为\2$/,
    );
    if (language === 'zh') expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
  }
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    if (pathExpected) for (const error of result.errors) expect(error.path).not.toBe('');
  }
}

describe('fuzzing the loaders', () => {
  it(`${CASES} mutated built-in scenarios: no exception, no runaway run, paths and languages`, () => {
    const random: Random = alea(SEED);
    const bases = builtinScenarios.map((b) => slim(b.input as unknown as Json));
    const stats = { accepted: 0, rejected: 0, text: 0, slowest: 0 };
    const started = performance.now();
    for (let n = 0; n < CASES; n++) {
      const language: Language = n % 2 === 0 ? 'en' : 'zh';
      const base = bases[n % bases.length];
      const caseStart = performance.now();
      let result: LoadResult;
      let pathExpected = true;
      const gentle = random() < 0.4;
      const mutations = 1 + Math.floor(random() * 3);
      let doc = base;
      for (let m = 0; m < mutations; m++) {
        const { value, depth } = mutate(random, doc, gentle);
        if (depth <= 1) pathExpected = false;
        doc = value;
      }
      const description = () => `case ${n} (${language})`;

      try {
        if (n % 10 === 9) {
          // Through the bytes and the text, as the CLI and the app read a file.
          stats.text++;
          pathExpected = false;
          const text = mutateText(random, JSON.stringify(doc));
          const bytes = new TextEncoder().encode(text);
          if (random() < 0.3) bytes[Math.floor(random() * bytes.length)] = 0xff;
          const decoded = decodeText(bytes, language);
          if (!decoded.ok) {
            expect(decoded.message).toContain('UTF-8');
            continue;
          }
          result = loadScenarioText(decoded.text, language);
        } else result = loadScenario(doc, language);
      } catch (error) {
        throw new Error(`${description()}: the loader threw ${String(error)}`, { cause: error });
      }
      check(result, language, pathExpected);
      if (result.ok) {
        stats.accepted++;
        const short = loadScenario(
          { ...result.scenario, duration: shortDuration(result.scenario), warmup: 0 },
          language,
        );
        if (short.ok) {
          let status: string;
          try {
            const session = new Session(short.scenario, n);
            status = session.advance(MAX_CASE_EVENTS).status;
            if (status === 'finished') session.finishTrace();
          } catch (error) {
            throw new Error(`${description()}: an accepted scenario crashed: ${String(error)}`, {
              cause: error,
            });
          }
          expect(status, `${description()}: a short run of it did not finish`).toBe('finished');
        }
      } else stats.rejected++;
      stats.slowest = Math.max(stats.slowest, performance.now() - caseStart);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: ${CASES} cases (${stats.accepted} accepted, ${stats.rejected} rejected, ${stats.text} through text) in ${seconds.toFixed(1)} s; slowest ${stats.slowest.toFixed(0)} ms`,
    );
    expect(stats.accepted).toBeGreaterThan(CASES / 10);
    expect(stats.rejected).toBeGreaterThan(CASES / 10);
  }, 180_000);
});
