/**
 * The year plan's trend: drills evaluated from a record sheet attached in the plan (or the
 * console's record), and the same expected actions compared from drill to drill, in words.
 */
import { describe, expect, it } from 'vitest';
import {
  drillCalendar,
  loadDrillData,
  parseDrillLogCsv,
  type Drill,
  type DrillInput,
} from '../../src/drills/api.ts';
import { builtinDrill } from '../../src/drills/builtin/index.ts';
import { drillLogCsv } from '../../src/ui/drill/consoleLog.ts';
import { consoleReducer, newConsole } from '../../src/ui/drill/consoleModel.ts';
import { trendRows, withEvaluations } from '../../src/ui/drill/plan/planTrend.ts';
import { scenarioOf } from './drillsFixtures.ts';

const builtin = builtinDrill('jinhua-hazmat-leak')!;

function load(input: DrillInput) {
  const result = loadDrillData(input, 'zh', scenarioOf);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { drill: result.drill, scenario: result.scenario };
}

/** The same drill held again on a later date (its expected actions keep their ids). */
function again(id: string, date: string) {
  return load({ ...builtin.drill, id, header: { ...builtin.drill.header, date } } as DrillInput);
}

function parsed(drill: Drill, text: string) {
  const log = parseDrillLogCsv(text, drill, 'zh');
  if (!log.ok) throw new Error(JSON.stringify(log.errors));
  return log.log;
}

describe('the year plan’s trend', () => {
  it('compares the same expected actions from drill to drill once records are attached', () => {
    const first = load(builtin.drill);
    const second = again('jinhua-hazmat-leak-2027', '2027-03-10');
    const third = again('jinhua-hazmat-leak-2027h2', '2027-09-10');
    const firstLog = parsed(first.drill, builtin.log);
    // The second time every action was recorded one minute sooner; the third has no record.
    const sooner = {
      ...firstLog,
      drill: second.drill.id,
      entries: firstLog.entries.map((e) =>
        e.type === 'action' && e.t !== null ? { ...e, t: e.t - 60 } : e,
      ),
    };
    const sheets = {
      [first.drill.id]: { text: builtin.log, attachedAt: 1 },
      [second.drill.id]: { text: drillLogCsv(sooner, 'zh'), attachedAt: 2 },
    };
    const evaluated = withEvaluations([first, second, third], sheets, undefined, 'zh');
    expect(evaluated.map((e) => e.source)).toEqual(['sheet', 'sheet', null]);
    const calendar = drillCalendar(evaluated.map((e) => e.entry));
    const rows = trendRows(
      calendar,
      evaluated.map((e) => e.entry),
      'zh',
    );
    const actions = first.drill.steps.flatMap((s) => s.expected.map((a) => a.id));
    expect(rows.map((r) => r.action).sort()).toEqual([...actions].sort());
    const firstRows = evaluated[0].entry.evaluation!.rows;
    const timed = rows.filter(
      (r) => (firstRows.find((x) => x.action === r.action)?.actual ?? 0) >= 60,
    );
    expect(timed.length).toBeGreaterThan(0);
    for (const row of timed) {
      expect(row.cells.map((c) => c.drill)).toEqual([first.drill.id, second.drill.id]);
      expect(row.cells[0].change).toBe('');
      expect(row.cells[1].direction).toBe(-1);
      expect(row.cells[1].change).toBe('较上次快 1 分');
    }
    // Named in words, never by the action's id.
    for (const row of rows) {
      expect(row.label).not.toBe('');
      for (const id of actions) expect(row.label).not.toContain(id);
    }
    expect(
      trendRows(
        calendar,
        evaluated.map((e) => e.entry),
        'en',
      )[0].cells[1].change,
    ).toMatch(/faster than the last|as the last|^$/);
  });

  it('takes the console’s record of a drill when no sheet is attached, and a bad sheet is no record', () => {
    const first = load(builtin.drill);
    // Neither a sheet that reads nor a console record: no evaluation.
    const none = withEvaluations(
      [first],
      { [first.drill.id]: { text: 'x', attachedAt: 0 } },
      {},
      'zh',
    );
    expect(none[0].source).toBeNull();
    expect(none[0].entry.evaluation).toBeUndefined();
    // The console recorded the first step and its first action 200 s after.
    const t0 = 1_800_000_000_000;
    const [step] = first.drill.steps;
    let s = consoleReducer(newConsole(first.drill.id), { type: 'start', now: t0 });
    s = consoleReducer(s, { type: 'release', stepId: step.id, now: t0, manual: false, at: 0 });
    s = consoleReducer(s, { type: 'record', actionId: step.expected[0].id, now: t0 + 200_000 });
    const fromConsole = withEvaluations([first], {}, { [first.drill.id]: s }, 'zh');
    expect(fromConsole[0].source).toBe('console');
    expect(
      fromConsole[0].entry.evaluation?.rows.find((r) => r.action === step.expected[0].id)?.actual,
    ).toBe(200);
  });
});
