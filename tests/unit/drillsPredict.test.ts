import { describe, expect, it } from 'vitest';
import {
  aggregatePrediction,
  drillScenario,
  loadDrillData,
  playDrill,
  predictDrill,
  predictionSeeds,
  readActions,
  simulateDrillOnce,
  stepCommandId,
  describeFlag,
  type FeasibilityFlag,
} from '../../src/drills/api.ts';
import { builtinDrill } from '../../src/drills/builtin/index.ts';
import { jinhuaHazmatDrill } from '../../src/drills/builtin/jinhua.ts';
import { run } from '../../src/sim/run.ts';
import { RecordKind, traceDigest } from '../../src/sim/trace.ts';
import { callStep, jinhuaDrill, scenarioOf } from './drillsFixtures.ts';

const jinhua = () => scenarioOf('jinhua-hazmat-drill')!;
const loaded = () => {
  const result = loadDrillData(jinhuaHazmatDrill, 'en', scenarioOf);
  if (!result.ok) throw new Error('the built-in drill should load');
  return result;
};

describe('playing a drill', () => {
  it('submits each step through the command door when its timing comes, conditions included', () => {
    const { drill, scenario } = loaded();
    const play = playDrill(drill, scenario, 7);
    expect(play.commands.map((c) => [c.id, c.source])).toEqual([[stepCommandId('s1'), 'drill']]);
    const byStep = Object.fromEntries(play.steps.map((s) => [s.step, s]));
    expect(byStep.s1.releasedAt).toBe(0);
    expect(byStep.s3.releasedAt).toBe(300);
    expect(byStep.s5.releasedAt).toBe(2700);
    // s2 waits for fire rescue on scene, plus 60 s.
    const firstFire = readActions(drill, scenario, play).find((a) => a.action === 'a-fire')!;
    expect(byStep.s2.releasedAt).toBeCloseTo(firstFire.seconds! + 60, 6);
    // The call's record carries the step's command, and names the incident.
    const trace = play.trace;
    const i = Array.from(trace.command).indexOf(byStep.s1.command!);
    expect(trace.kind[i]).toBe(RecordKind.callReceived);
    expect(trace.incident[i]).toBe(byStep.s1.incident);
  });

  it('is deterministic: the same drill, scenario and seed give the same trace and prediction', () => {
    const { drill, scenario } = loaded();
    expect(traceDigest(playDrill(drill, scenario, 3).trace)).toBe(
      traceDigest(playDrill(drill, scenario, 3).trace),
    );
    const seeds = predictionSeeds(11, 4);
    const once = predictDrill(drill, scenario, seeds);
    const again = predictDrill(drill, scenario, seeds);
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
    // A pool returns outcomes in any order: the aggregate is the same to the bit.
    const shuffled = [13, 11, 14, 12].map((seed) => simulateDrillOnce(drill, scenario, seed));
    expect(JSON.stringify(aggregatePrediction(drill, scenario, shuffled))).toBe(
      JSON.stringify(once),
    );
    expect(once.seeds).toEqual(seeds);
  });

  it('evaluates the expectations from the trace alone: a replay of the command log reads the same', () => {
    const { drill, scenario } = loaded();
    const play = playDrill(drill, scenario, 5);
    const replayed = run(drillScenario(drill, scenario), 5, play.commands).trace;
    expect(traceDigest(replayed)).toBe(traceDigest(play.trace));
    // Only the trace (and when each step was released) goes in; the session is gone.
    const fromTrace = readActions(drill, scenario, {
      trace: replayed,
      steps: play.steps,
      t0: play.t0,
    });
    expect(fromTrace).toEqual(readActions(drill, scenario, play));
    const fire = fromTrace.find((a) => a.action === 'a-fire')!;
    const fireIndex = replayed.header.unitAgencies.map((a, u) => (a === 'fire' ? u : -1));
    let first = Infinity;
    for (let i = 0; i < replayed.length; i++) {
      if (
        replayed.kind[i] === RecordKind.arrived &&
        replayed.incident[i] === play.steps[0].incident &&
        fireIndex.includes(replayed.unit[i])
      )
        first = Math.min(first, replayed.time[i]);
    }
    expect(fire.seconds).toBeCloseTo(first - play.t0, 9);
    expect(fire.met).toBe(fire.seconds! <= 600);
  });

  it('releases a contingency inject when its expected action is late, and not when it is on time', () => {
    const contingency = (deadline: number) =>
      jinhuaDrill({
        steps: [
          callStep('s1', 0, 'hazmatDrill', {
            expected: [
              {
                id: 'a1',
                what: 'firstArrival',
                agency: 'fire',
                deadline,
                contingency: {
                  inject: { text: '再次催促' },
                  command: { type: 'callRateFactor', factor: 1 },
                },
              },
            ],
          }),
        ],
      });
    const late = playDrill(contingency(30), jinhua(), 2);
    expect(late.contingencies).toHaveLength(1);
    expect(late.contingencies[0].releasedAt).toBeGreaterThanOrEqual(30);
    expect(late.commands.map((c) => c.id)).toEqual(['drill:s1', 'drill:a1:contingency']);
    const onTime = playDrill(contingency(3000), jinhua(), 2);
    expect(onTime.contingencies).toEqual([]);
  });

  it('plays manual steps only at the release times given', () => {
    const drill = jinhuaDrill({
      steps: [{ ...callStep('m', 0), timing: { type: 'manual' } }],
    });
    expect(playDrill(drill, jinhua(), 1).steps[0].releasedAt).toBeNull();
    // Never released in the prediction: its actions are not flagged as impossible.
    const withAction = jinhuaDrill({
      steps: [
        {
          ...callStep('m', 0),
          timing: { type: 'manual' },
          expected: [{ id: 'a1', what: 'firstArrival', agency: 'police', deadline: 900 }],
        },
      ],
    });
    expect(predictDrill(withAction, jinhua(), [1]).flags).toEqual([]);
    expect(
      predictDrill(withAction, jinhua(), [1], { releases: { m: 0 } }).actions[0].happened,
    ).toBe(1);
    expect(playDrill(drill, jinhua(), 1, { releases: { m: 900 } }).steps[0].releasedAt).toBe(900);
  });
});

describe('measures read from the records', () => {
  it('counts troops pre-positioned by a raised level, a grading, an approval and people on scene', () => {
    const get = (id: string) => {
      const result = loadDrillData(builtinDrill(id)!.drill, 'en', scenarioOf);
      if (!result.ok) throw new Error(`${id} should load`);
      return result;
    };
    const huzhou = get('huzhou-rapid-assembly');
    const byAction = (actions: ReturnType<typeof readActions>) =>
      Object.fromEntries(actions.map((a) => [a.action, a]));
    const h = byAction(
      readActions(huzhou.drill, huzhou.scenario, playDrill(huzhou.drill, huzhou.scenario, 1)),
    );
    // The level is raised at T0 and the troops are pre-positioned by the same command.
    expect(h['a-preposition']).toMatchObject({ seconds: 0, met: true });
    // Militia go through the report-and-approval path; the dyke breach through a direct request.
    expect(h['a-approved'].seconds).toBeGreaterThan(0);
    expect(h['a-direct'].seconds).toBeGreaterThan(0);
    const deqing = get('deqing-group-incident');
    const play = playDrill(deqing.drill, deqing.scenario, 1);
    const d = byAction(readActions(deqing.drill, deqing.scenario, play));
    for (const graded of ['a-graded-town', 'a-graded-county', 'a-graded-city'])
      expect(d[graded].seconds, graded).not.toBeNull();
    // 30 militiamen: the militia units' crews summed as they arrive (one town unit has 32).
    const militia = d['a-militia'];
    const trace = play.trace;
    const incident = play.steps[0].incident;
    let firstMilitia = Infinity;
    for (let i = 0; i < trace.length; i++) {
      if (trace.kind[i] !== RecordKind.arrived || trace.incident[i] !== incident) continue;
      if (trace.header.unitAgencies[trace.unit[i]] === 'militia')
        firstMilitia = Math.min(firstMilitia, trace.time[i]);
    }
    expect(militia.seconds).toBeCloseTo(firstMilitia - play.t0, 9);
  });
});

describe('the prediction', () => {
  const flagsOf = (drill: ReturnType<typeof jinhuaDrill>, seeds = 3) =>
    predictDrill(drill, jinhua(), predictionSeeds(1, seeds)).flags;
  const kinds = (flags: FeasibilityFlag[]) => flags.map((f) => f.kind);

  it('gives per action median, P10, P90 and the probability of meeting the standard', () => {
    const { drill, scenario } = loaded();
    const seeds = predictionSeeds(1, 6);
    const prediction = predictDrill(drill, scenario, seeds);
    const outcomes = seeds.map((seed) => simulateDrillOnce(drill, scenario, seed));
    const fire = prediction.actions.find((a) => a.action === 'a-fire')!;
    const times = outcomes.map((o) => o.actions.find((a) => a.action === 'a-fire')!.seconds!);
    times.sort((a, b) => a - b);
    expect(fire.seconds!.median).toBeCloseTo((times[2] + times[3]) / 2, 9);
    expect(fire.seconds!.p10).toBeCloseTo(times[0] + 0.5 * (times[1] - times[0]), 9);
    expect(fire.probability).toBe(times.filter((t) => t <= 600).length / 6);
    expect(prediction.plannedDuration).toBe(600 + 600 + 1200 + 1200 + 900);
    expect(prediction.actions.find((a) => a.action === 'a-film')!.manual).toBe(true);
  });

  it('flags an action that cannot be done in time, with the nearest unit’s drive, and not one that can', () => {
    const drill = (deadline: number) =>
      jinhuaDrill({
        steps: [
          callStep('s1', 0, 'hazmatDrill', {
            expected: [{ id: 'a1', what: 'firstArrival', capability: 'hazmat', deadline }],
          }),
        ],
      });
    const flags = flagsOf(drill(60));
    expect(flags).toHaveLength(1);
    const flag = flags[0];
    if (flag.kind !== 'cannotMeetDeadline') throw new Error('wrong flag');
    expect(flag.unit).toBe('fire-special-hazmat');
    expect(flag.fastestSeconds).toBeGreaterThan(60);
    expect(flag.probability).toBe(0);
    expect(flagsOf(drill(1800))).toEqual([]);
    // In words, with the unit's name and no ids.
    const zh = describeFlag(flag, drill(60), jinhua(), 'zh');
    expect(zh).toMatch(
      /^环节 s1 · a1：无法按时完成——最近的可用力量（特勤站危化品洗消车）仅路程就需 \d\d:\d\d，标准为 01:00。$/,
    );
  });

  it('flags a participating agency with no role in any step, and not once a step addresses it', () => {
    const drill = (to: string[]) =>
      jinhuaDrill({
        participants: [{ agency: 'environment', roles: ['play'] }],
        steps: [{ ...callStep('s1', 0, 'trafficAccident'), inject: { text: '事故', to } }],
      });
    expect(kinds(flagsOf(drill([]), 2))).toEqual(['agencyWithoutRole']);
    expect(flagsOf(drill(['environment']), 2)).toEqual([]);
  });

  it('flags an objective nothing exercises, and not one an expected action serves', () => {
    const drill = (objective?: string) =>
      jinhuaDrill({
        objectives: [{ id: 'o1', text: '交警到场' }],
        steps: [
          callStep('s1', 0, 'trafficAccident', {
            expected: [
              { id: 'a1', what: 'firstArrival', agency: 'police', deadline: 1800, objective },
            ],
          }),
        ],
      });
    expect(kinds(flagsOf(drill(), 2))).toEqual(['objectiveUnexercised']);
    expect(flagsOf(drill('o1'), 2)).toEqual([]);
  });

  it('flags units committed to two steps at once, and not when the steps do not overlap', () => {
    const two = (second: number) =>
      jinhuaDrill({
        steps: [callStep('a', 0), callStep('b', second)],
        clock: { start: 3600, horizon: 4 * 3600 },
      });
    const overlapping = flagsOf(two(1800));
    expect(
      overlapping.some((f) => f.kind === 'unitDoubleBooked' && f.unit === 'fire-special-hazmat'),
    ).toBe(true);
    const apart = flagsOf(two(3 * 3600));
    expect(apart.filter((f) => f.kind === 'unitDoubleBooked')).toEqual([]);
  });

  it('finds dead air and fills the objective × agency × step coverage', () => {
    const drill = jinhuaDrill({
      clock: { start: 3600, horizon: 7200, deadAir: 300 },
      objectives: [{ id: 'o1', text: '消防到场' }],
      steps: [
        callStep('s1', 0, 'trafficAccident', {
          expected: [
            { id: 'a1', what: 'firstArrival', agency: 'police', deadline: 900, objective: 'o1' },
          ],
        }),
        callStep('s2', 5400, 'trafficAccident'),
      ],
    });
    const prediction = predictDrill(drill, jinhua(), predictionSeeds(1, 2));
    expect(prediction.deadAir.share).toBe(1);
    expect(prediction.deadAir.longest.median).toBeGreaterThan(300);
    const cell = prediction.coverage.find((c) => c.step === 's1' && c.agency === 'police')!;
    expect(cell).toMatchObject({ objective: 'o1', actions: 1, dispatched: 1 });
    expect(prediction.coverage.some((c) => c.step === 's2' && c.agency === 'ems')).toBe(true);
  });
});
