import { describe, expect, it } from 'vitest';
import {
  drillCalendar,
  evaluateDrill,
  loadDrillData,
  parseClock,
  parseDrillLogCsv,
  predictDrill,
  predictionSeeds,
  priceRemedies,
  type Drill,
  type DrillEvaluation,
} from '../../src/drills/api.ts';
import { BUILTIN_DRILLS, builtinDrill } from '../../src/drills/builtin/index.ts';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import type { ScenarioDoc } from '../../src/scenarios/variants.ts';
import { scenarioOf } from './drillsFixtures.ts';

function load(id: string) {
  const builtin = builtinDrill(id)!;
  const result = loadDrillData(builtin.drill, 'zh', scenarioOf);
  if (!result.ok) throw new Error(`${id} should load`);
  const log = parseDrillLogCsv(builtin.log, result.drill, 'zh');
  if (!log.ok) throw new Error(`${id}: its log should parse`);
  return { ...result, log: log.log };
}

/** What each shipped log evaluates to (times are drill seconds from the reference). */
const KNOWN: Record<
  string,
  {
    points: [number, number];
    total: number;
    grade: string;
    paused: number;
    missed: string[];
    actual: Record<string, number>;
  }
> = {
  'jinhua-hazmat-leak': {
    points: [80, 95],
    total: 85,
    grade: 'good',
    paused: 180,
    missed: ['a-safety', 'a-plan'],
    // a-safety: logged at T+41:10, 3 min paused before it, its step released at T+05:00.
    actual: { 'a-dispatch': 45, 'a-safety': 1990, 'a-hazmat': 1110, 'a-film': 120 },
  },
  'huzhou-rapid-assembly': {
    points: [55, 85],
    total: 62.9,
    grade: 'fair',
    paused: 0,
    missed: ['a-approved', 'a-militia', 'a-report-filed'],
    actual: { 'a-preposition': 270, 'a-militia': 7020, 'a-troops-direct': 2340 },
  },
  'deqing-group-incident': {
    points: [60, 75],
    total: 79,
    grade: 'good',
    paused: 0,
    missed: ['a-militia'],
    actual: { 'a-neighbour': 990, 'a-militia': 4320, 'a-swat': 1140 },
  },
  'weihai-forest-fire': {
    points: [55, 80],
    total: 71.4,
    grade: 'fair',
    paused: 0,
    missed: ['a-forestry', 'a-militia'],
    actual: { 'a-fire': 680, 'a-forestry': 4350, 'a-cross-approved': 4680 },
  },
};

describe('evaluating the shipped logs', () => {
  it.each(BUILTIN_DRILLS.map((d) => d.id))('%s evaluates to its known numbers', (id) => {
    const { drill, scenario, log } = load(id);
    const evaluation = evaluateDrill(drill, scenario, log, null, 'zh');
    const known = KNOWN[id];
    expect([evaluation.pointsMet, evaluation.pointsTotal]).toEqual(known.points);
    expect(evaluation.total.score).toBe(known.total);
    expect(evaluation.total.grade).toBe(known.grade);
    expect(evaluation.pausedSeconds).toBe(known.paused);
    expect(evaluation.rows.filter((r) => !r.met).map((r) => r.action)).toEqual(known.missed);
    expect(evaluation.corrective.map((c) => c.action)).toEqual(known.missed);
    for (const [action, seconds] of Object.entries(known.actual)) {
      const row = evaluation.rows.find((r) => r.action === action)!;
      expect(row.actual, action).toBe(seconds);
      expect(row.deviation).toBe(seconds - row.planned);
    }
    expect(evaluation.report.purpose).toEqual(drill.objectives.map((o) => o.text));
    expect(evaluation.report.problems).toHaveLength(known.missed.length);
    // The shipped records say they are illustrative, and the report repeats it.
    expect(evaluation.report.summary).toContain(
      '记录（00:00）：示例记录（演示用，非真实演练记录）',
    );
  });

  it('pre-fills the evaluation sheet: points met over points linked, times the weight; options as grades', () => {
    const { drill, scenario, log } = load('jinhua-hazmat-leak');
    const { scores } = evaluateDrill(drill, scenario, log, null, 'en');
    // e3 links a-monitor (10, met), a-safety (10, missed), a-plan (5, missed), a-handover (5, met).
    expect(scores.find((s) => s.item === 'e3')).toEqual({
      item: 'e3',
      weight: 30,
      share: 15 / 30,
      score: 15,
      grade: 'poor',
    });
    expect(scores.find((s) => s.item === 'e1')).toMatchObject({
      share: 1,
      score: 20,
      grade: 'excellent',
    });
  });

  it('compares with the prediction and prices the remedy as a scenario variant', () => {
    const { drill, scenario, log } = load('jinhua-hazmat-leak');
    const prediction = predictDrill(drill, scenario, predictionSeeds(1, 5));
    const doc = builtinScenarios.find((s) => s.id === 'jinhua-hazmat-drill')!.input as ScenarioDoc;
    const effects = priceRemedies(drill, doc, prediction, 'zh');
    expect(effects).toHaveLength(1);
    const effect = effects[0];
    expect(effect.action).toBe('a-safety');
    // Safety made a tier-1 agency: no extra mobilisation, so it arrives sooner and more often in time.
    expect(effect.after.median!).toBeLessThan(effect.before.median!);
    expect(effect.after.probability).toBeGreaterThan(effect.before.probability);
    const evaluation: DrillEvaluation = evaluateDrill(
      drill,
      scenario,
      log,
      prediction,
      'zh',
      effects,
    );
    const safety = evaluation.rows.find((r) => r.action === 'a-safety')!;
    const predicted = prediction.actions.find((a) => a.action === 'a-safety')!;
    expect(safety.predicted).toBe(predicted.seconds!.median);
    expect(safety.deviationFromPrediction).toBe(1990 - predicted.seconds!.median);
    const item = evaluation.corrective.find((c) => c.action === 'a-safety')!;
    expect(item).toMatchObject({
      owner: '金华市安全生产监督管理局',
      deadline: '2026-10-05',
      status: 'open',
      effect: {
        remedy: 'r-safety',
        before: effect.before.probability,
        after: effect.after.probability,
      },
    });
    expect(evaluation.report.recommendations.join('')).toContain('仿真预估');
  });

  it('gives causes from the prediction: a delay on the day, or no reference for a manual action', () => {
    const { drill, scenario, log } = load('huzhou-rapid-assembly');
    const prediction = predictDrill(drill, scenario, predictionSeeds(1, 2));
    const evaluation = evaluateDrill(drill, scenario, log, prediction, 'zh');
    const cause = (action: string) => evaluation.corrective.find((c) => c.action === action)!.cause;
    expect(evaluation.rows.find((r) => r.action === 'a-report-filed')!.probability).toBeNull();
    expect(cause('a-report-filed')).toBe('超过标准时限（无仿真基准可比），需现场核查原因。');
    const militia = prediction.actions.find((a) => a.action === 'a-militia')!;
    // Logged at 1:57:00 after its step, beyond every run of the prediction: a delay on the day.
    expect(7020).toBeGreaterThan(militia.seconds!.p90);
    expect(cause('a-militia')).toMatch(/^慢于仿真基准的 P90/);
  });
});

describe('the record sheet (CSV)', () => {
  const drill = (): Drill => load('jinhua-hazmat-leak').drill;

  it('reads times as T+mm:ss, h:mm:ss or seconds', () => {
    expect(parseClock('T+05:30')).toBe(330);
    expect(parseClock('T+1:05:30')).toBe(3930);
    expect(parseClock(' 75 ')).toBe(75);
    expect(parseClock('noon')).toBeNaN();
  });

  it('reads English headers, semicolons, a BOM and quoted fields', () => {
    const text =
      '\uFEFFtime;type;id;note;recorder\r\n' +
      '0;release;s1;"call; from ""driver""";Ann\r\n' +
      'T+04:10;action;a-fire;;Ann\r\n';
    const result = parseDrillLogCsv(text, drill(), 'en');
    expect(result).toEqual({
      ok: true,
      log: {
        drill: 'jinhua-hazmat-leak',
        recorder: 'Ann',
        entries: [
          { type: 'release', step: 's1', t: 0, note: 'call; from "driver"', recorder: 'Ann' },
          { type: 'action', action: 'a-fire', t: 250, recorder: 'Ann' },
        ],
      },
      warnings: [],
    });
  });

  it('names the line of every bad row, in the user’s language', () => {
    const text = [
      '时间,类型,编号',
      'T+01:00,下达,s1',
      '早上,行动,a-fire',
      'T+02:00,飞鸽,a-fire',
      'T+03:00,行动,a-nope',
    ].join('\n');
    const zh = parseDrillLogCsv(text, drill(), 'zh');
    expect(zh).toEqual({
      ok: false,
      errors: [
        { path: 'line 3', message: '第 3 行：“早上”不是时刻（T+分:秒、时:分:秒或秒数）' },
        { path: 'line 4', message: '第 4 行：“飞鸽”不是记录类型（下达、行动、暂停、恢复、备注）' },
        { path: 'line 5', message: '第 5 行：“a-nope”不是本演练的环节或期望行动' },
      ],
    });
    const en = parseDrillLogCsv('time,id\n1,s1', drill(), 'en');
    expect(en).toMatchObject({
      ok: false,
      errors: [{ path: 'line 1', message: 'line 1: the sheet has no column "type"' }],
    });
  });
});

describe('the year’s drills', () => {
  const entries = () =>
    BUILTIN_DRILLS.map((b) => {
      const { drill, scenario, log } = load(b.id);
      return { drill, scenario, evaluation: evaluateDrill(drill, scenario, log, null, 'zh') };
    });

  it('covers agencies, tiers, rules and objectives, flags what the last two half-years missed', () => {
    const all = entries();
    // The Jinhua drill moved back two years: what only it exercised is now stale.
    all[0] = {
      ...all[0],
      drill: { ...all[0].drill, header: { ...all[0].drill.header, date: '2024-05-01' } },
    };
    const calendar = drillCalendar(all);
    expect(calendar.drills.map((d) => d.id)).toEqual([
      'jinhua-hazmat-leak',
      'weihai-forest-fire',
      'huzhou-rapid-assembly',
      'deqing-group-incident',
    ]);
    expect(calendar.halfYears).toEqual(['2024H1', '2026H1', '2026H2']);
    const cell = (dimension: string, key: string) =>
      calendar.coverage.find((c) => c.dimension === dimension && c.key === key)!;
    expect(cell('rule', 'command')).toMatchObject({
      drills: ['jinhua-hazmat-leak', 'huzhou-rapid-assembly'],
      stale: false,
    });
    expect(cell('rule', 'firstReceiver')).toMatchObject({
      drills: ['jinhua-hazmat-leak'],
      stale: true,
    });
    expect(cell('agency', 'environment')).toMatchObject({
      drills: ['jinhua-hazmat-leak'],
      stale: true,
    });
    expect(cell('rule', 'groupIncidents')).toMatchObject({
      drills: ['deqing-group-incident'],
      stale: false,
    });
    expect(cell('agency', 'weather')).toMatchObject({ drills: [], stale: true });
  });

  it('traces the same expected action from drill to drill', () => {
    const [jinhua] = entries();
    const later = {
      ...jinhua,
      drill: {
        ...jinhua.drill,
        id: 'jinhua-again',
        header: { ...jinhua.drill.header, date: '2027-01-10' },
      },
    };
    const calendar = drillCalendar([later, jinhua]);
    const fire = calendar.trend.find((t) => t.action === 'a-fire')!;
    expect(fire.points.map((p) => [p.drill, p.actual, p.met])).toEqual([
      ['jinhua-hazmat-leak', 490, true],
      ['jinhua-again', 490, true],
    ]);
  });
});
