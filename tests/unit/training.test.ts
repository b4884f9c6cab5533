/**
 * Operator training: the seat stops at every assignment of the window; answering with the
 * reference reproduces the reference run and scores full marks; a farther unit costs a positive,
 * reproducible amount; deductions follow the scoring rules; a session file replays to its digest
 * and an edited or mismatched one is rejected; the caller's words are deterministic and name no
 * internal id.
 */
import { describe, expect, it } from 'vitest';
import {
  builtinCourse,
  builtinExercise,
  builtinExercises,
  classTable,
  classTableCsv,
  exportSessionFile,
  importSessionFile,
  parseCourse,
  parseExercise,
  prepareExercise,
  referenceSession,
  scoreSession,
  startTraining,
  type Exercise,
  type SessionFile,
  type TrainingSession,
  provideBuiltinScenarios,
} from '../../src/training/api.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { windowCalls } from '../../src/training/caller.ts';
import { referenceRun } from '../../src/training/reference.ts';
import { rosterOf } from '../../src/sim/session.ts';
import { RecordKind } from '../../src/sim/trace.ts';
import { replayLog } from '../../src/training/reference.ts';
import type { DispatchAnswer, DispatchDecision } from '../../src/sim/dispatch/policy.ts';

const SLOW = 60_000;
provideBuiltinScenarios(builtinScenario);
const lincheng = () => builtinExercise('lincheng-morning')!;

interface Trainee {
  /** The answer to a decision (default: the proposal). */
  answer?: (d: DispatchDecision) => DispatchAnswer;
  /** When the answer acts (clock-runs pace). */
  at?: (d: DispatchDecision) => number | undefined;
  /** Wall-clock milliseconds each call and decision takes. */
  msPerStep?: number;
  /** Copy the reference's judgements. */
  judgements?: SessionFile['annotations'];
  name?: string;
}

/** Plays an exercise as a scripted trainee would, to the end of the window, and finishes it. */
function play(exercise: Exercise, trainee: Trainee = {}): { file: SessionFile; shown: number[] } {
  let wall = 1_000_000;
  const clock = { now: () => wall };
  const seat: TrainingSession = startTraining(exercise, {
    trainee: { name: trainee.name ?? '张三', id: trainee.name ? 'A02' : 'A01' },
    wallClock: () => clock.now(),
  });
  const shown: number[] = [];
  for (let stop = seat.step(); stop.status !== 'windowEnd'; stop = seat.step()) {
    if (stop.status === 'call') {
      wall += trainee.msPerStep ?? 2000;
      seat.pickUp(stop.call.id);
      const mine = trainee.judgements?.find((a) => a.type === 'triage' && a.call === stop.call.id);
      if (mine?.type === 'triage') seat.triage(stop.call.id, mine.judgement);
      for (const a of trainee.judgements ?? []) {
        if (a.type === 'linkage' && a.incident === stop.call.incident && a.at === stop.call.time)
          seat.linkage(a.incident, a.agencies, a.approvalPath);
      }
    } else if (stop.status === 'decision') {
      const d = stop.decision.decision;
      shown.push(d.number);
      wall += trainee.msPerStep ?? 2000;
      seat.answer(d.number, trainee.answer?.(d) ?? d.proposal, { at: trainee.at?.(d) });
    }
  }
  return { file: seat.finish(), shown };
}

/** The reference's answers by decision number. */
function referenceAnswers(reference: SessionFile): Map<number, DispatchAnswer> {
  const answers = new Map<number, DispatchAnswer>();
  for (const e of reference.log)
    if (e.command.type === 'dispatch') answers.set(e.command.decision, e.command.answer);
  return answers;
}

describe('exercises', () => {
  it('has built-in exercises for every level, in a course, each valid as a file', () => {
    const course = parseCourse(JSON.parse(JSON.stringify(builtinCourse())));
    expect(course.ok).toBe(true);
    const broken = parseCourse(
      { ...builtinCourse(), exercises: [{ ...lincheng(), seed: -1 }] },
      'en',
    );
    expect(!broken.ok && broken.problems[0].path).toBe('exercises[0].seed');
    const exercises = builtinExercises();
    expect(new Set(exercises.map((e) => e.level))).toEqual(
      new Set(['trainee', 'junior', 'intermediate']),
    );
    expect(builtinCourse().exercises.map((e) => e.id)).toEqual(exercises.map((e) => e.id));
    for (const e of exercises) expect(parseExercise(JSON.stringify(e)).ok).toBe(true);
  });

  it('names the field and the reason of a bad exercise, in Chinese if asked', () => {
    const bad = { ...lincheng(), window: { start: '09:00', end: '08:00' } };
    const result = parseExercise(bad, 'zh');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual({ path: 'window.end', message: '必须晚于开始时刻' });
    const unknown = parseExercise({ ...lincheng(), scenario: { builtin: 'atlantis' } }, 'en');
    expect(!unknown.ok && unknown.problems[0].path).toBe('scenario.builtin');
    const typo = parseExercise({ ...lincheng(), pace: { speed: '3x' } }, 'en');
    expect(!typo.ok && typo.problems[0].path).toBe('pace.speed');
  });

  it(
    'applies the difficulty as data: units out of service, extra incidents, repeat calls',
    () => {
      const exercise = builtinExercise('huzhou-typhoon-night')!;
      const prepared = prepareExercise(exercise);
      expect(prepared.outOfService).toHaveLength(2);
      const ids = new Set(rosterOf(prepared.scenario).map((u) => u.id));
      for (const unit of prepared.outOfService) expect(ids.has(unit)).toBe(true);
      expect(prepared.scenario.arrivals.incidents.length).toBe(
        exercise.difficulty.simultaneousIncidents + exercise.difficulty.linkageIncidents,
      );
      const reference = referenceRun(prepared);
      const calls = windowCalls(
        prepared.scenario,
        prepared.seed,
        prepared.window,
        exercise.difficulty,
        reference.outcomes,
      );
      const incidents = calls.map((c) => c.incident);
      expect(new Set(incidents).size).toBeLessThan(incidents.length);
    },
    SLOW,
  );
});

describe('the seat', () => {
  it(
    'stops at every assignment of the window, and only there',
    () => {
      const exercise = lincheng();
      const prepared = prepareExercise(exercise);
      const reference = referenceRun(prepared);
      const { start, end } = prepared.window;
      const inWindow = reference.decisions
        .filter(
          (d) => d.time >= start && d.time < end && reference.outcomes[d.incident].time >= start,
        )
        .map((d) => d.number);
      // Those before and after, and those for calls of the previous shift, are the built-in's.
      expect(reference.decisions.length).toBeGreaterThan(inWindow.length);
      expect(inWindow.length).toBeGreaterThan(3);
      const { shown, file } = play(exercise);
      expect(shown).toEqual(inWindow);
      // Every dispatch of the window in the trainee's run came from an answered decision.
      const { session } = replayLog(prepared, file.log);
      const trace = session.finishTrace();
      let dispatched = 0;
      for (let i = 0; i < trace.length; i++) {
        const t = trace.time[i];
        if (
          trace.kind[i] === RecordKind.dispatched &&
          t >= prepared.window.start &&
          t < prepared.window.end
        )
          dispatched++;
      }
      const answered = file.log.filter((e) => e.source === 'operator').length;
      expect(answered).toBe(inWindow.length);
      expect(dispatched).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'answered with the reference: the reference trace and full marks',
    () => {
      for (const id of ['lincheng-morning', 'zhoushan-morning']) {
        const exercise = builtinExercise(id)!;
        const reference = referenceSession(exercise);
        const answers = referenceAnswers(reference);
        const { file } = play(exercise, {
          answer: (d) => answers.get(d.number)!,
          judgements: reference.annotations,
        });
        expect(file.result).toEqual(reference.result);
        const sheet = scoreSession(file);
        expect(sheet.deductions).toEqual([]);
        expect(sheet.score).toBe(sheet.fullMarks);
        expect(sheet.costs).toEqual([]);
        expect(sheet.overall.coverageLost).toBe(sheet.overall.referenceCoverageLost);
        for (const c of sheet.calls)
          expect(c.coverage.uncovered).toEqual(c.coverage.referenceUncovered);
        expect(scoreSession(reference).score).toBe(100);
      }
    },
    SLOW,
  );

  it(
    'a farther unit costs a positive amount, the same every time',
    () => {
      const exercise = lincheng();
      let chosen: number | null = null;
      const farther = (d: DispatchDecision): DispatchAnswer => {
        if (chosen !== null || d.slots.length !== 1) return d.proposal;
        for (const slot of d.slots) {
          const proposed = d.proposal.find((p) => p.slot === slot.slot)?.unit;
          const best = slot.candidates.find((c) => c.unit === proposed);
          const worse = slot.candidates.find(
            (c) => c.unit !== proposed && best && c.travelSeconds > best.travelSeconds + 300,
          );
          if (best && worse && !d.proposal.some((p) => p.unit === worse.unit)) {
            chosen = d.number;
            return d.proposal.map((p) =>
              p.slot === slot.slot ? { slot: p.slot, unit: worse.unit } : p,
            );
          }
        }
        return d.proposal;
      };
      const { file } = play(exercise, { answer: farther });
      expect(chosen).not.toBeNull();
      const sheet = scoreSession(file);
      expect(sheet.costs).toHaveLength(1);
      const [cost] = sheet.costs;
      expect(cost.decision).toBe(chosen);
      expect(cost.delta.responseSeconds).toBeGreaterThan(0);
      expect(cost.cost).toBeGreaterThan(0);
      expect(cost.explanation.zh).toContain('重新仿真');
      expect(sheet.deductions.map((d) => d.rule)).toContain('fartherUnit');
      expect(sheet.score).toBeLessThan(100);
      expect(scoreSession(file).costs).toEqual(sheet.costs);
      // The same calls as the reference, whatever was dispatched (the calls' numbers hold).
      const prepared = prepareExercise(exercise);
      const reference = referenceRun(prepared).trace;
      const trace = replayLog(prepared, file.log).session.finishTrace();
      expect(trace.incidentCount).toBe(reference.incidentCount);
      expect(trace.incidentKind).toEqual(reference.incidentKind);
      const where = (t: typeof trace) =>
        Array.from(t.incidentPlace, (p) => [t.places[2 * p], t.places[2 * p + 1]]);
      expect(where(trace)).toEqual(where(reference));
    },
    SLOW,
  );

  it(
    'deductions follow the rules: slow answers, wrong triage, the trainer’s points',
    () => {
      const exercise = lincheng();
      const reference = referenceSession(exercise);
      const answers = referenceAnswers(reference);
      const judgements = reference.annotations.map((a) =>
        a.type === 'triage' && a.call === 0
          ? {
              ...a,
              judgement: {
                ...a.judgement,
                channel: a.judgement.channel === '12345' ? 'emergency' : '12345',
              },
            }
          : a,
      ) as SessionFile['annotations'];
      const slow = play(exercise, {
        answer: (d) => answers.get(d.number)!,
        judgements,
        msPerStep: 15_000,
      }).file;
      const sheet = scoreSession(slow);
      const calls = sheet.calls.length;
      const byRule = (rule: string) => sheet.deductions.filter((d) => d.rule === rule);
      expect(byRule('slowAnswer')).toHaveLength(calls);
      expect(byRule('slowAnswer')[0].points).toBe(0.5);
      expect(byRule('slowAnswer')[0].reason.zh).toContain('超过 10 秒');
      expect(byRule('wrongTriage')).toHaveLength(1);
      expect(byRule('wrongTriage')[0].call).toBe(0);
      expect(byRule('shareBelowTarget')).toHaveLength(1);
      const lost = sheet.deductions.reduce((s, d) => s + d.points, 0);
      expect(sheet.score).toBeCloseTo(100 - lost, 6);
      // The trainer's own points.
      const strict: Exercise = {
        ...exercise,
        scoring: {
          ...exercise.scoring,
          deductions: { ...exercise.scoring.deductions, slowAnswer: 2 },
        },
      };
      const stricter = scoreSession(
        play(strict, { answer: (d) => answers.get(d.number)!, judgements, msPerStep: 15_000 }).file,
      );
      expect(stricter.deductions.filter((d) => d.rule === 'slowAnswer')[0].points).toBe(2);
      expect(stricter.score).toBeCloseTo(sheet.score - 1.5 * calls, 6);
    },
    SLOW,
  );

  it(
    'a trainee who stops early leaves the window’s open decisions unanswered, and loses for it',
    () => {
      const exercise = lincheng();
      const seat = startTraining(exercise, { wallClock: () => 0 });
      let stop = seat.step();
      while (stop.status !== 'decision') {
        if (stop.status === 'call') seat.pickUp(stop.call.id);
        stop = seat.step();
      }
      // The console's tracking reads the run's records as they come.
      const records = seat.recordsSince(0);
      expect(records.some((r) => r.kind === 'callReceived')).toBe(true);
      expect(seat.recordsSince(records.length)).toEqual([]);
      const file = seat.finish();
      const unanswered = file.log.filter((e) => e.id.startsWith('unanswered-'));
      expect(unanswered.length).toBeGreaterThan(0);
      for (const e of unanswered) {
        expect(e.source).toBe('operator');
        expect(
          e.command.type === 'dispatch' && e.command.answer.every((a) => a.unit === null),
        ).toBe(true);
      }
      const sheet = scoreSession(file);
      expect(sheet.deductions.map((d) => d.rule)).toContain('wrongCapability');
      expect(sheet.score).toBeLessThan(90);
    },
    SLOW,
  );

  it(
    'in "clock runs" pace an answer given later sends the units later: the call waited',
    () => {
      const exercise = builtinExercise('huzhou-typhoon-night')!;
      expect(exercise.pace.whileDeciding).toBe('clockRuns');
      let late: DispatchDecision | null = null;
      const { file } = play(exercise, {
        at: (d) => {
          if (late || !d.proposal.some((p) => p.unit !== null)) return undefined;
          late = d;
          return d.time + 120;
        },
      });
      expect(late).not.toBeNull();
      const prepared = prepareExercise(exercise);
      const trace = replayLog(prepared, file.log).session.finishTrace();
      const times: number[] = [];
      for (let i = 0; i < trace.length; i++)
        if (trace.kind[i] === RecordKind.dispatched && trace.incident[i] === late!.incident)
          times.push(trace.time[i]);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(late!.time + 120);
      expect(importSessionFile(exportSessionFile(file)).ok).toBe(true);
      const progress: Array<[number, number]> = [];
      const sheet = scoreSession(file, { onCost: (done, total) => progress.push([done, total]) });
      expect(sheet.costs.some((c) => c.decision === late!.number)).toBe(true);
      expect(progress.at(-1)).toEqual([sheet.costs.length, sheet.costs.length]);
    },
    SLOW,
  );
});

describe('session files', () => {
  const exercise = lincheng();
  const file = play(exercise).file;

  it(
    'replays to the digest it records',
    () => {
      const imported = importSessionFile(exportSessionFile(file), 'zh');
      expect(imported.ok).toBe(true);
      if (imported.ok) expect(imported.value).toEqual(file);
    },
    SLOW,
  );

  it(
    'rejects an edited log, another seed, another scenario, edited judgements — saying why',
    () => {
      const text = exportSessionFile(file);
      const edited = JSON.parse(text) as SessionFile;
      const entry = edited.log.find(
        (e) => e.source === 'operator' && e.command.type === 'dispatch',
      )!;
      if (entry.command.type === 'dispatch')
        entry.command.answer = entry.command.answer.map((a) => ({ ...a, unit: null }));
      const log = importSessionFile(edited, 'zh');
      expect(log.ok).toBe(false);
      if (!log.ok) expect(log.problems[0].message).toMatch(/重放|被改动/);

      const seed = importSessionFile({ ...JSON.parse(text), seed: file.seed + 1 }, 'en');
      expect(!seed.ok && seed.problems[0].path).toMatch(/^(result|log)$/);
      // In Chinese, the reason is Chinese: no simulator sentence in English on a trainer's screen.
      const seedZh = importSessionFile({ ...JSON.parse(text), seed: file.seed + 1 }, 'zh');
      expect(seedZh.ok).toBe(false);
      if (!seedZh.ok) expect(seedZh.problems[0].message).not.toMatch(/[A-Za-z]{3,}/);
      if (!log.ok) expect(log.problems[0].message).not.toMatch(/[A-Za-z]{3,}/);

      const other = JSON.parse(text) as SessionFile;
      other.exercise.scenario = { builtin: 'zhoushan-islands' };
      const scenario = importSessionFile(other, 'en');
      expect(scenario.ok).toBe(false);

      const judged = JSON.parse(text) as SessionFile;
      judged.stamps[0].doneAt = judged.stamps[0].shownAt;
      const stamps = importSessionFile(judged, 'zh');
      expect(!stamps.ok && stamps.problems[0]).toEqual({
        path: 'checksum',
        message: '文件内容被改动过（研判、联动记录或时间戳与校验值不符）',
      });

      const notSession = importSessionFile('{"format":"drill-planner/exercise"}', 'en');
      expect(!notSession.ok && notSession.problems[0].path).toBe('format');
      const broken = importSessionFile('{', 'zh');
      expect(!broken.ok && broken.problems[0].message).toContain('不是有效的 JSON');
    },
    SLOW,
  );
});

describe("the caller's words", () => {
  it(
    'are the same every time, in both languages, and name no internal id',
    () => {
      for (const exercise of builtinExercises()) {
        const prepared = prepareExercise(exercise);
        const { outcomes } = referenceRun(prepared);
        const make = () =>
          windowCalls(
            prepared.scenario,
            prepared.seed,
            prepared.window,
            exercise.difficulty,
            outcomes,
          );
        const calls = make();
        expect(calls.length).toBeGreaterThan(3);
        expect(make()).toEqual(calls);
        const s = prepared.scenario;
        const ids = [
          ...s.districts.map((d) => d.id),
          // Ids that are not plain English words (an agency called "power" may be said).
          ...[...s.units, ...s.bases, ...s.agencies, ...s.incidentKinds]
            .map((x) => x.id)
            .filter((id) => /[-_.:0-9A-Z]/.test(id)),
        ];
        for (const call of calls) {
          // Chinese words: no Latin letters at all (ids are Latin).
          expect(call.words.zh.replace('110', '')).not.toMatch(/[A-Za-z]/);
          for (const id of ids) expect(call.words.en).not.toContain(id);
        }
      }
    },
    SLOW,
  );
});

describe('the class', () => {
  it(
    'puts trainees side by side and exports CSV with a byte-order mark',
    () => {
      const exercise = lincheng();
      const a = play(exercise).file;
      const b = play(exercise, {
        answer: (d) => d.proposal.map((p) => ({ slot: p.slot, unit: null })),
        name: '李四',
      }).file;
      const sheets = [scoreSession(a), scoreSession(b)];
      const table = classTable(sheets);
      expect(table.rows).toHaveLength(2);
      expect(table.progress).toHaveLength(2);
      expect(table.rows[0].score).not.toBe(table.rows[1].score);
      const csv = classTableCsv(table, 'zh');
      expect(csv.startsWith('\uFEFF受训人,工号')).toBe(true);
      expect(csv).toContain('李四');
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
      const formula = classTableCsv(
        { ...table, rows: [{ ...table.rows[0], trainee: { name: '=HYPERLINK("x")', id: '' } }] },
        'en',
      );
      expect(formula).toContain(`"'=HYPERLINK(""x"")"`);
    },
    SLOW,
  );
});

describe('what the caller gave, on the score sheet (要素采集)', () => {
  it(
    'carries the district, landmark and people the caller gave, and whether the district was right',
    () => {
      const base = lincheng();
      const told = (share: number) =>
        scoreSession(
          play({
            ...base,
            difficulty: { ...base.difficulty, wrongInfoShare: share, incompleteInfoShare: share },
          }).file,
        ).calls;
      const truthful = told(0);
      expect(truthful.length).toBeGreaterThan(3);
      for (const c of truthful) {
        expect(c.given.district).not.toBeNull();
        expect(c.given.districtRight).toBe(true);
        expect(c.given.landmark?.zh).toBeTruthy();
        expect(c.given.people?.zh).toMatch(/人$/);
      }
      // Every caller names another district than the incident's, and leaves the rest out.
      const misled = told(1);
      expect(misled.length).toBe(truthful.length);
      for (const c of misled) {
        expect(c.given.districtRight).toBe(false);
        expect(c.given.district?.zh).not.toBe(
          truthful.find((t) => t.call === c.call)?.given.district?.zh,
        );
        expect(c.given.landmark).toBeNull();
        expect(c.given.people).toBeNull();
      }
    },
    SLOW,
  );
});
