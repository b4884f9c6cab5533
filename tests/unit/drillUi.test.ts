/**
 * The drill view's pure models (src/ui/drill): the editing history with keystroke coalescing,
 * the console's clock and record, the record as a log and as the 记录表 CSV (read back by the
 * drill log reader), the script's planned times, the console's due injects, the printed forms
 * (script rows, total, 仿真预测 column) and their Excel and Word files, and the evaluator's edits.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateDrill,
  loadDrillData,
  parseDrillLogCsv,
  predictDrill,
  type Drill,
  type DrillPrediction,
} from '../../src/drills/api.ts';
import { BUILTIN_DRILLS } from '../../src/drills/builtin/index.ts';
import { builtinInput } from '../../src/scenarios/builtin/lazy.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import {
  consoleReducer,
  drillClock,
  drillSeconds,
  newConsole,
  parseDrillClock,
  type ConsoleState,
} from '../../src/ui/drill/consoleModel.ts';
import {
  drillLogCsv,
  drillTime,
  fromDrillLog,
  toDrillLog,
  wallTime,
} from '../../src/ui/drill/consoleLog.ts';
import { contingenciesDue, stepsDue } from '../../src/ui/drill/console/consoleSchedule.ts';
import {
  COALESCE_MS,
  editDrill,
  openDrill,
  redoDrill,
  setValueAt,
  undoDrill,
  valueAt,
} from '../../src/ui/drill/drillHistory.ts';
import { applyEdits, emptyEdits } from '../../src/ui/drill/evaluate/evaluationEdits.ts';
import {
  buildPlan,
  buildRecordSheet,
  buildScript,
  type FormContext,
} from '../../src/ui/drill/forms/buildForms.ts';
import { formToDocx } from '../../src/ui/drill/forms/toDocx.ts';
import { formsToXlsx, sheetRows } from '../../src/ui/drill/forms/toXlsx.ts';
import { commandText, measureText, timingText } from '../../src/ui/drill/describe.ts';
import { newDrillDoc } from '../../src/ui/drill/newDrill.ts';
import { flagText } from '../../src/ui/drill/predict/flagText.ts';
import { scenarioLists } from '../../src/ui/drill/scenarioLists.ts';
import { durationText, plannedTimes, totalDuration } from '../../src/ui/drill/schedule.ts';

describe('the drill editing history', () => {
  it('makes the keystrokes of one field one undo step, and undoes and redoes it', () => {
    let w = openDrill({ header: { name: '' } }, { kind: 'new' });
    w = editDrill(w, '名称', (d) => setValueAt(d, 'header.name', '演'), 1000);
    w = editDrill(w, '名称', (d) => setValueAt(d, 'header.name', '演练'), 1000 + COALESCE_MS / 2);
    expect(w.past).toHaveLength(1);
    w = editDrill(w, '名称', (d) => setValueAt(d, 'header.name', '演练一'), 1000 + COALESCE_MS * 3);
    expect(w.past).toHaveLength(2);
    w = editDrill(
      w,
      '地点',
      (d) => setValueAt(d, 'header.place', '临城'),
      1000 + COALESCE_MS * 3 + 10,
    );
    expect(w.past).toHaveLength(3);
    w = undoDrill(w);
    expect(valueAt(w.doc, 'header.place')).toBeUndefined();
    w = undoDrill(w);
    expect(valueAt(w.doc, 'header.name')).toBe('演练');
    w = redoDrill(w);
    expect(valueAt(w.doc, 'header.name')).toBe('演练一');
  });

  it('reads and writes values at paths with indices, making what is missing', () => {
    const doc: Record<string, unknown> = {};
    setValueAt(doc, 'steps[1].expected[0].deadline', 900);
    expect(valueAt(doc, 'steps[1].expected[0].deadline')).toBe(900);
    expect(Array.isArray(doc.steps)).toBe(true);
    setValueAt(doc, 'steps[1].expected[0].deadline', undefined);
    expect(valueAt(doc, 'steps[1].expected[0]')).toEqual({});
  });
});

describe('the console on drill day', () => {
  const t0 = 1_800_000_000_000;
  it('keeps true time across a reload and stops while paused', () => {
    let s = newConsole('d');
    s = consoleReducer(s, { type: 'start', now: t0 });
    expect(drillSeconds(s, t0 + 65_000)).toBe(65);
    // A reload is the same saved state read at a later wall clock.
    const saved: ConsoleState = JSON.parse(JSON.stringify(s));
    expect(drillSeconds(saved, t0 + 125_000)).toBe(125);
    s = consoleReducer(s, { type: 'pause', now: t0 + 100_000 });
    expect(drillSeconds(s, t0 + 400_000)).toBe(100);
    s = consoleReducer(s, { type: 'resume', now: t0 + 160_000 });
    expect(drillSeconds(s, t0 + 170_000)).toBe(110);
    expect(s.pauses).toEqual([{ at: 100, seconds: 60 }]);
    s = consoleReducer(s, { type: 'end', now: t0 + 200_000 });
    expect(drillSeconds(s, t0 + 999_000)).toBe(140);
  });

  it('stamps, types and edits records, and ignores a second release of a step', () => {
    let s = consoleReducer(newConsole('d'), { type: 'start', now: t0 });
    s = consoleReducer(s, { type: 'release', stepId: 's1', now: t0 + 5000, manual: false, at: 0 });
    s = consoleReducer(s, { type: 'release', stepId: 's1', now: t0 + 9000, manual: true });
    expect(s.releases).toEqual([{ stepId: 's1', at: 0, manual: false }]);
    s = consoleReducer(s, { type: 'record', actionId: 'a1', now: t0 + 30_000 });
    s = consoleReducer(s, { type: 'record', actionId: 'a2', now: t0 + 31_000, at: 750 });
    s = consoleReducer(s, { type: 'editRecord', id: s.records[0].id, note: '到场' });
    s = consoleReducer(s, { type: 'editRecord', id: s.records[1].id, at: -5 });
    expect(s.records.map((r) => [r.actionId, r.at, r.note])).toEqual([
      ['a1', 30, '到场'],
      ['a2', 750, ''],
    ]);
  });

  it('reads and writes drill clock times', () => {
    expect(drillClock(750)).toBe('T+12:30');
    expect(drillClock(3725)).toBe('T+1:02:05');
    expect(parseDrillClock('T+12:30')).toBe(750);
    expect(parseDrillClock('1:02:05')).toBe(3725);
    expect(parseDrillClock('15')).toBe(900);
    expect(parseDrillClock('12:75')).toBeNull();
    expect(parseDrillClock('soon')).toBeNull();
  });

  it('puts the pauses back into log times and takes them out again', () => {
    const pauses = [
      { at: 100, seconds: 60 },
      { at: 200, seconds: 30 },
    ];
    expect(wallTime(pauses, 50)).toBe(50);
    expect(wallTime(pauses, 150)).toBe(210);
    expect(wallTime(pauses, 250)).toBe(340);
    for (const at of [0, 50, 150, 250]) expect(drillTime(pauses, wallTime(pauses, at))).toBe(at);
  });
});

describe('the record as a log and as the 记录表 CSV', () => {
  let drill: Drill;
  let scenario: Scenario;
  beforeAll(async () => {
    const entry = BUILTIN_DRILLS[0];
    const input = await builtinInput(entry.scenario);
    const loadedScenario = loadScenario(input, 'zh');
    if (!loadedScenario.ok) throw new Error('scenario');
    const loaded = loadDrillData(entry.drill, 'zh', () => loadedScenario.scenario);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    drill = loaded.drill;
    scenario = loaded.scenario;
  });

  it('round-trips through the CSV the log reader reads, pauses and notes included', () => {
    const t0 = 1_800_000_000_000;
    const [first, second] = drill.steps;
    const action = first.expected[0];
    let s = consoleReducer(newConsole(drill.id), { type: 'start', now: t0 });
    s = consoleReducer(s, { type: 'release', stepId: first.id, now: t0, manual: false, at: 0 });
    s = consoleReducer(s, { type: 'pause', now: t0 + 120_000 });
    s = consoleReducer(s, { type: 'resume', now: t0 + 180_000 });
    s = consoleReducer(s, { type: 'record', actionId: action.id, now: t0 + 300_000 });
    s = consoleReducer(s, { type: 'editRecord', id: s.records[0].id, note: '首车到场，"有"延误' });
    s = consoleReducer(s, { type: 'release', stepId: second.id, now: t0 + 310_000, manual: true });
    s = consoleReducer(s, { type: 'occurrence', now: t0 + 320_000, text: '通信中断 2 分钟' });
    const log = toDrillLog(s, drill.id);
    // Recorded 240 s into the drill, 300 s after T0 on the wall clock (60 s paused).
    expect(log.entries.find((e) => e.type === 'action')).toMatchObject({
      action: action.id,
      t: 300,
    });
    for (const [language, withDrill] of [
      ['zh', false],
      ['en', false],
      ['zh', true],
      ['en', true],
    ] as const) {
      const csv = drillLogCsv(log, language, withDrill ? drill : undefined);
      // With the drill, by printed numbers: no internal id in the file.
      if (withDrill) {
        expect(csv).not.toContain(action.id);
        expect(csv).toContain(language === 'zh' ? '行动,1.1,' : 'action,1.1,');
      }
      const parsed = parseDrillLogCsv(csv, drill, language);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.log.entries).toEqual(log.entries);
      const back = fromDrillLog(parsed.log);
      expect(back.pauses).toEqual([{ at: 120, seconds: 60 }]);
      expect(back.records).toEqual([
        { actionId: action.id, at: 240, note: '首车到场，"有"延误', recorder: '' },
      ]);
      expect(back.occurrences).toEqual([{ at: 260, text: '通信中断 2 分钟' }]);
    }
    // The evaluation reads the action 240 s after its step's inject (the pause taken out).
    const evaluation = evaluateDrill(drill, scenario, log, null, 'zh');
    expect(evaluation.rows.find((row) => row.action === action.id)?.actual).toBe(240);
    expect(evaluation.pausedSeconds).toBe(60);
  });

  it('says which injects are due and which contingency injects are late', () => {
    const t0 = 1_800_000_000_000;
    let s = consoleReducer(newConsole(drill.id), { type: 'start', now: t0 });
    const due = stepsDue(drill, s, 0).map((entry) => entry.stepId);
    const atZero = drill.steps.filter((step) => step.timing.type === 'at' && step.timing.at === 0);
    expect(due).toEqual(atZero.map((step) => step.id));
    for (const step of drill.steps)
      s = consoleReducer(s, { type: 'release', stepId: step.id, now: t0, manual: true });
    const withContingency = drill.steps
      .flatMap((step) => step.expected)
      .filter((a) => a.contingency);
    const late = contingenciesDue(drill, s, 24 * 3600);
    expect(late).toEqual(withContingency.map((a) => a.id));
    if (withContingency.length > 0) {
      s = consoleReducer(s, { type: 'record', actionId: withContingency[0].id, now: t0 + 1000 });
      expect(contingenciesDue(drill, s, 24 * 3600)).not.toContain(withContingency[0].id);
    }
  });
});

describe('the script and the forms', () => {
  let context: FormContext;
  let prediction: DrillPrediction;
  beforeAll(async () => {
    const entry = BUILTIN_DRILLS[0];
    const input = await builtinInput(entry.scenario);
    const loadedScenario = loadScenario(input, 'zh');
    if (!loadedScenario.ok) throw new Error('scenario');
    const loaded = loadDrillData(entry.drill, 'zh', () => loadedScenario.scenario);
    if (!loaded.ok) throw new Error('drill');
    prediction = predictDrill(loaded.drill, loaded.scenario, [1, 2, 3]);
    context = {
      drill: loaded.drill,
      lists: scenarioLists(input as Record<string, unknown>, 'zh'),
      language: 'zh',
      prediction,
    };
  });

  it('plans times through chains of steps and survives a cycle', () => {
    const steps = [
      { id: 'a', timing: { type: 'at' as const, at: 60 }, duration: 300 },
      { id: 'b', timing: { type: 'after' as const, step: 'a', delay: 120 }, duration: 600 },
      { id: 'c', timing: { type: 'manual' as const }, duration: 60 },
      { id: 'd', timing: { type: 'after' as const, step: 'e', delay: 0 }, duration: 0 },
      { id: 'e', timing: { type: 'after' as const, step: 'd', delay: 0 }, duration: 0 },
    ];
    const planned = plannedTimes(steps);
    expect(Object.fromEntries(planned)).toEqual(
      Object.fromEntries([
        ['a', 60],
        ['b', 180],
        ['c', null],
        ['d', null],
        ['e', null],
      ]),
    );
    expect(totalDuration(steps)).toBe(960);
  });

  it('prints one script row per step, the total of the durations and the prediction', () => {
    const form = buildScript(context);
    const table = form.sections[0].table!;
    expect(table.rows).toHaveLength(context.drill.steps.length);
    expect(table.rows[0][0]).toBe('1');
    const total = context.drill.steps.reduce((sum, step) => sum + step.duration, 0);
    expect(table.footer?.[3]).toBe(durationText(total, 'zh'));
    const predictedColumn = table.columns.findIndex((c) => c.label === '仿真预测');
    const released = prediction.steps.find((s) => s.step === context.drill.steps[0].id)?.releasedAt;
    expect(table.rows[0][predictedColumn]).toContain(`下达 ${drillClock(released!.median)}`);
    // No token of the file format on the Chinese page.
    const text = JSON.stringify(table.rows);
    for (const token of ['firstArrival', 'messageSlip', 'phone"', 'arrivals'])
      expect(text).not.toContain(token);
  });

  it('writes the plan with the prediction’s conclusions, and a record sheet that reads back', () => {
    const plan = buildPlan(context);
    const conclusions = plan.sections.find((s) => s.heading === '九、仿真预演结论')!;
    expect(conclusions.paragraphs?.[0]).toContain('基于 3 次仿真');
    const record = buildRecordSheet(context);
    const actions = context.drill.steps.reduce((n, step) => n + step.expected.length, 0);
    expect(record.sections[0].table!.rows).toHaveLength(context.drill.steps.length + actions);
    expect(record.sheetHeaderFirst).toBe(true);
    const { rows } = sheetRows(record);
    expect(rows[0].map((cell) => cell?.value)).toEqual([
      '时间',
      '类型',
      '环节',
      '导调信息/期望行动',
      '接收单位',
      '计划时刻',
      '仿真基准时刻',
      '偏差',
      '说明',
      '记录人',
    ]);
  });

  it('reads back a filled record sheet saved as CSV by its printed numbers, the rows left unfilled skipped', () => {
    const { rows } = sheetRows(buildRecordSheet(context));
    const cells = rows.map((row) => row.map((cell) => String(cell?.value ?? '')));
    const [first, second] = context.drill.steps;
    // No internal id on the printed sheet: steps and actions go by their printed numbers.
    const ids = [...context.drill.steps.map((s) => s.id), ...first.expected.map((a) => a.id)];
    for (const row of cells) for (const id of ids) expect(row).not.toContain(id);
    // The recorder wrote the first step's release and its first action's time, and a note;
    // every other pre-printed row is left as printed, without a time.
    const filled = cells.map((row) => {
      if (row[2] === `1. ${first.title}`) return ['T+00:00', ...row.slice(1)];
      if (row[2] === '1.1') return ['T+03:20', ...row.slice(1, 8), '首车到场，"快"', '王'];
      return row;
    });
    filled.push(['T+04:00', '备注', '', '', '', '', '', '', '通信短暂中断', '王']);
    const toCsv = (sheet: string[][]) =>
      sheet
        .map((row) =>
          row.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','),
        )
        .join('\r\n');
    const parsed = parseDrillLogCsv(`\uFEFF${toCsv(filled)}`, context.drill, 'zh');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.log.entries).toEqual([
      { type: 'release', step: first.id, t: 0 },
      {
        type: 'action',
        action: first.expected[0].id,
        t: 200,
        note: '首车到场，"快"',
        recorder: '王',
      },
      { type: 'note', t: 240, note: '通信短暂中断', recorder: '王' },
    ]);
    expect(parsed.log.entries.some((e) => e.type === 'release' && e.step === second.id)).toBe(
      false,
    );
    // A number the drill does not have is reported on its line, in the user's language.
    const wrong = [...filled, ['T+05:00', '行动', '1.99', '', '', '', '', '', '', '']];
    const refused = parseDrillLogCsv(toCsv(wrong), context.drill, 'zh');
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.errors[0].message).toMatch(new RegExp(`第 ?${wrong.length} ?行.*1\\.99`));
  });

  it('makes Excel and Word files that open as zip archives with the rows inside', async () => {
    const script = buildScript(context);
    const xlsx = await formsToXlsx([script, buildRecordSheet(context)]);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    expect(Object.keys(files)).toContain('xl/worksheets/sheet2.xml');
    const xml = Object.values(files)
      .map((f) => strFromU8(f))
      .join('');
    expect(xml).toContain(context.drill.steps[1].title);
    expect(xml).toContain('orientation="landscape"');
    const docx = await formToDocx(buildPlan(context));
    const document = strFromU8(
      unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml'],
    );
    expect(document).toContain(context.drill.header.name);
    expect(document).toContain('w:orient="portrait"');
  });
});

describe('a new drill and the evaluator’s edits', () => {
  it('starts a new drill that the loader takes as it is', async () => {
    const input = await builtinInput('default-city');
    const loadedScenario = loadScenario(input, 'zh');
    if (!loadedScenario.ok) throw new Error('scenario');
    const doc = newDrillDoc('default-city', input as Record<string, unknown>, 'zh', '2026-05-12');
    const loaded = loadDrillData(doc, 'zh', () => loadedScenario.scenario);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  it('applies confirmed scores, typed report sections and list cells over the draft', () => {
    const evaluation = {
      drill: 'd',
      rows: [],
      steps: [],
      pointsMet: 0,
      pointsTotal: 0,
      scores: [
        { item: 'e1', weight: 10, share: 0.5, score: 5, grade: null },
        { item: 'e2', weight: 20, share: 1, score: 20, grade: null },
      ],
      total: { score: 25, weight: 30, grade: null },
      pausedSeconds: 0,
      report: {
        purpose: ['a'],
        timeAndPlace: 'x',
        participants: [],
        summary: [],
        problems: ['p'],
        lessons: [],
        recommendations: [],
      },
      corrective: [
        {
          number: 1,
          action: 'a1',
          problem: 'p',
          cause: 'c',
          measure: 'm',
          owner: null,
          partner: null,
          deadline: '2027-01-01',
          status: 'open' as const,
          effect: null,
        },
      ],
    };
    const edits = emptyEdits();
    edits.scores.e1 = { score: 8 };
    edits.report.problems = '问题一\n\n问题二';
    edits.corrective.a1 = { owner: '市消防救援支队', status: 'done' };
    const edited = applyEdits(evaluation, edits);
    expect(edited.total.score).toBe(28);
    expect(edited.report.problems).toEqual(['问题一', '问题二']);
    expect(edited.corrective[0]).toMatchObject({
      owner: '市消防救援支队',
      status: 'done',
      measure: 'm',
    });
  });
});

describe('sentences about a drill', () => {
  const lists = {
    title: '临城',
    agencies: [{ id: 'fire', name: '市消防救援支队' }],
    kinds: [{ id: 'buildingFire', name: '建筑火灾' }],
    districts: [{ id: 'd1', name: '临城区' }],
    units: [{ id: 'engine1', name: '特勤中队水罐车', agency: 'fire' }],
    capabilities: ['hazmat'],
  };
  const steps = [
    { id: 's1', title: '接警' },
    { id: 's2', title: '增援' },
  ];

  it('says commands, timings and measures in words, without tokens of the format', () => {
    const zh = [
      commandText(
        { type: 'call', kind: 'buildingFire', district: 'd1', severity: 2, participants: 30 },
        lists,
        'zh',
      ),
      commandText({ type: 'responseLevel', level: 2 }, lists, 'zh'),
      commandText({ type: 'unitOutOfService', unit: 'engine1#2' }, lists, 'zh'),
      commandText({ type: 'season', season: 'forestFire', active: true }, lists, 'zh'),
      timingText({ type: 'after', step: 's1', delay: 300 }, steps, lists, 'zh'),
      timingText(
        {
          type: 'when',
          step: 's1',
          condition: { what: 'firstArrival', agency: 'fire', count: 1, countOf: 'units' },
          delay: 0,
        },
        steps,
        lists,
        'zh',
      ),
      measureText(
        { what: 'arrivals', capability: 'hazmat', count: 30, countOf: 'people' },
        lists,
        'zh',
      ),
      measureText({ what: 'approved', cause: 'militaryApproval' }, lists, 'zh'),
    ];
    expect(zh).toEqual([
      '警情（事件）：建筑火灾，重大（Ⅱ级），30 人，临城区',
      '启动Ⅱ级响应',
      '力量停用：特勤中队水罐车',
      '森林防火期开始',
      '环节 1（接警）下达后 + 5 分钟',
      '当环节 1（接警）：市消防救援支队首支力量到场',
      '危化品处置到场 ≥ 30 名',
      '审批完成（经军地联合办公室申请兵力）',
    ]);
    for (const text of zh) expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('flags with their reasons, naming units, agencies and actions', () => {
    const names = {
      steps: [
        {
          id: 's1',
          title: '接警',
          expected: [{ id: 'a1', description: '消防首车到场' }],
        },
        { id: 's2', title: '增援', expected: [] },
      ] as unknown as Drill['steps'],
      objectives: [{ id: 'o1', text: '十分钟内到场' }],
      lists,
    };
    expect(
      flagText(
        {
          kind: 'cannotMeetDeadline',
          step: 's1',
          action: 'a1',
          fastestSeconds: 840,
          unit: 'engine1',
          deadline: 480,
          probability: 0,
        },
        names,
        'zh',
      ),
    ).toBe(
      '1.1 消防首车到场：时限 8.0 分钟，达标概率 0%；最快的相应力量（特勤中队水罐车）出动准备加行驶需 14.0 分钟。',
    );
    expect(
      flagText(
        { kind: 'unitDoubleBooked', unit: 'engine1#2', steps: ['s1', 's2'], share: 0.25 },
        names,
        'zh',
      ),
    ).toBe('特勤中队水罐车 #2在 25% 的预演中同时被派往环节 1（接警）和环节 2（增援）。');
    expect(flagText({ kind: 'objectiveUnexercised', objective: 'o1' }, names, 'en')).toBe(
      'Objective “1. 十分钟内到场” is exercised by no expected action.',
    );
  });
});
