/**
 * `sim drill …`: the built-in drills, checking a drill file, its prediction, the evaluation of a
 * live drill's record, and a built-in drill as a file. The same functions as the app (src/drills),
 * so the same figures to the bit.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import {
  aggregatePrediction,
  evaluateDrill,
  loadDrill,
  loadDrillData,
  parseDrillLogCsv,
  predictionSeeds,
  priceRemediesWithProblems,
  simulateDrillOnce,
  type Drill,
  type DrillLoadResult,
  type DrillPrediction,
  type DrillProblem,
} from '../drills/api.ts';
import { builtinDrill, BUILTIN_DRILLS } from '../drills/builtin/index.ts';
import { actionText, describeFlag, stepTitle } from '../drills/describe.ts';
import { agencyName, clock, GRADE_LABELS, span } from '../drills/labels.ts';
import { Drill as DrillSchema } from '../drills/schema.ts';
import { builtinScenario, builtinScenarios } from '../scenarios/builtin/index.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { ScenarioDoc } from '../scenarios/variants.ts';

export const DRILL_USAGE = `  drill list                   the built-in drills
  drill validate FILE          check a drill file; lists every error (exit 1 on errors)
  drill predict FILE|ID [--replications R] [--seed S] [--json]
                               the drill played on its scenario for seeds S … S+R−1 (default
                               1, 20): per step and expected action median, P10, P90 and the
                               probability of meeting the standard; duration; dead air;
                               overload; feasibility flags with their reasons
  drill evaluate FILE|ID --log LOG.csv [--replications R] [--seed S] [--json]
                               a live drill's record (记录表 as CSV) against the standards and
                               the prediction: deviation table, scores, 整改清单 (a built-in ID
                               without --log uses its illustrative record)
  drill export ID [--out FILE] [--force]
                               a built-in drill as a drill file, every default written out`;

export interface DrillIo {
  option(name: string): string | undefined;
  has(name: string): boolean;
  integer(name: string, fallback: number): number;
  readText(path: string): string;
  /** A usage mistake: message and usage, exit 2. */
  usage(message: string): never;
  /** Stop with an exit code (messages already printed). */
  exit(code: number): never;
}

function resolver(id: string): Scenario | undefined {
  return builtinScenarios.some((s) => s.id === id) ? builtinScenario(id) : undefined;
}

function printProblems(problems: readonly DrillProblem[], label: string): void {
  for (const p of problems) console.error(`${label} ${p.path || '(file)'}: ${p.message}`);
}

/** A drill from a file or a built-in id, checked; exits listing every error. */
function drillFrom(reference: string | undefined, io: DrillIo, lang: Language) {
  if (!reference) io.usage('the drill needs a FILE or a built-in ID (see drill list)');
  const builtin = builtinDrill(reference);
  const result: DrillLoadResult = builtin
    ? loadDrillData(builtin.drill, lang, resolver)
    : loadDrill(io.readText(reference), lang, resolver);
  const zh = lang === 'zh';
  printProblems(result.warnings, zh ? '警告' : 'warning');
  if (!result.ok) {
    printProblems(result.errors, zh ? '错误' : 'error');
    console.error(zh ? `${result.errors.length} 个错误` : `${result.errors.length} error(s)`);
    io.exit(1);
  }
  return { ...result, builtin };
}

/** The scenario document a drill's remedies are applied to. */
function scenarioDocOf(drill: Drill): ScenarioDoc {
  if (typeof drill.scenario !== 'string') return drill.scenario;
  const entry = builtinScenarios.find((s) => s.id === drill.scenario);
  return entry!.input as ScenarioDoc;
}

function predict(drill: Drill, scenario: Scenario, io: DrillIo): DrillPrediction {
  const count = io.integer('replications', 20);
  if (count < 1) io.usage('--replications must be ≥ 1');
  const seeds = predictionSeeds(io.integer('seed', 1), count);
  const outcomes = seeds.map((seed, i) => {
    if (!io.has('json')) process.stderr.write(`\r${i + 1}/${seeds.length}…`);
    return simulateDrillOnce(drill, scenario, seed);
  });
  if (!io.has('json')) process.stderr.write('\n');
  return aggregatePrediction(drill, scenario, outcomes);
}

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const opt = (seconds: number | null | undefined, signed = false) =>
  seconds === null || seconds === undefined ? '—' : span(seconds, signed);

function printPrediction(
  drill: Drill,
  scenario: Scenario,
  p: DrillPrediction,
  lang: Language,
): void {
  const zh = lang === 'zh';
  console.log(
    zh
      ? `${drill.header.name}：仿真预演 ${p.seeds.length} 次（种子 ${p.seeds[0]}–${p.seeds[p.seeds.length - 1]}）`
      : `${drill.header.name}: ${p.seeds.length} runs (seeds ${p.seeds[0]}–${p.seeds[p.seeds.length - 1]})`,
  );
  console.log(
    zh
      ? `脚本总时长 ${span(p.plannedDuration)}；预测总时长 中位数 ${span(p.duration.median)}（P10 ${span(p.duration.p10)}，P90 ${span(p.duration.p90)}）`
      : `Script total ${span(p.plannedDuration)}; predicted duration median ${span(p.duration.median)} (P10 ${span(p.duration.p10)}, P90 ${span(p.duration.p90)})`,
  );
  console.log(
    zh ? '\n环节\t下达 中位数\t处置完毕 中位数' : '\nstep\treleased median\tclosed median',
  );
  for (const s of p.steps) {
    console.log(
      `${stepTitle(drill, s.step)}\t${opt(s.releasedAt?.median)}\t${opt(s.closedAt?.median)}`,
    );
  }
  console.log(
    zh
      ? '\n期望行动\t标准\t中位数\tP10\tP90\t达标概率'
      : '\nexpected action\tstandard\tmedian\tP10\tP90\tP(meets standard)',
  );
  for (const a of p.actions) {
    console.log(
      [
        `${stepTitle(drill, a.step)} · ${actionText(drill, a.action)}`,
        span(a.deadline),
        opt(a.seconds?.median),
        opt(a.seconds?.p10),
        opt(a.seconds?.p90),
        a.manual ? (zh ? '人工记录' : 'recorded by hand') : pct(a.probability),
      ].join('\t'),
    );
  }
  const gaps = p.deadAir.gaps.map((g) => `${clock(g.from)}–${clock(g.to)}`).join(', ');
  console.log(
    zh
      ? `\n冷场（无参演活动超过 ${span(drill.clock.deadAir)}）：${pct(p.deadAir.share)} 的预演出现；最长 中位数 ${span(p.deadAir.longest.median)}${gaps ? `；典型：${gaps}` : ''}`
      : `\nDead air (no participant activity for over ${span(drill.clock.deadAir)}): in ${pct(p.deadAir.share)} of runs; longest median ${span(p.deadAir.longest.median)}${gaps ? `; typical: ${gaps}` : ''}`,
  );
  const saturated = p.overload.saturated
    .filter((s) => s.share > 0)
    .map((s) => `${agencyName(scenario, s.agency, lang)} ${pct(s.share)}`)
    .join(zh ? '、' : ', ');
  console.log(
    zh
      ? `力量饱和（全部力量在岗）：${saturated || '无'}；排队等待的警情 中位数 ${p.overload.queued.median}`
      : `Saturated agencies (every unit busy): ${saturated || 'none'}; calls queued median ${p.overload.queued.median}`,
  );
  console.log(zh ? '\n可行性提示：' : '\nFeasibility flags:');
  if (p.flags.length === 0) console.log(zh ? '  无' : '  none');
  for (const flag of p.flags) console.log(`  ! ${describeFlag(flag, drill, scenario, lang)}`);
}

function commandPredict(io: DrillIo, reference: string | undefined, lang: Language): void {
  const { drill, scenario } = drillFrom(reference, io, lang);
  const prediction = predict(drill, scenario, io);
  if (io.has('json')) console.log(JSON.stringify(prediction, null, 1));
  else printPrediction(drill, scenario, prediction, lang);
}

function commandEvaluate(io: DrillIo, reference: string | undefined, lang: Language): void {
  const zh = lang === 'zh';
  const { drill, scenario, builtin } = drillFrom(reference, io, lang);
  const logFile = io.option('log');
  if (!logFile && !builtin) io.usage('evaluate needs --log LOG.csv');
  const parsed = parseDrillLogCsv(logFile ? io.readText(logFile) : builtin!.log, drill, lang);
  if (!parsed.ok) {
    printProblems(parsed.errors, zh ? '错误' : 'error');
    io.exit(1);
  }
  const prediction = predict(drill, scenario, io);
  const pricing = priceRemediesWithProblems(drill, scenarioDocOf(drill), prediction, lang);
  for (const p of pricing) if (!p.ok) console.error(`${p.remedy}: ${p.problems.join('; ')}`);
  const effects = pricing.flatMap((p) => (p.ok ? [p.effect] : []));
  const evaluation = evaluateDrill(drill, scenario, parsed.log, prediction, lang, effects);
  if (io.has('json')) {
    console.log(JSON.stringify(evaluation, null, 1));
    return;
  }
  console.log(
    zh
      ? '期望行动\t标准\t预测中位数\t实际\t偏差\t达标'
      : 'expected action\tstandard\tpredicted median\tactual\tdeviation\tmet',
  );
  for (const r of evaluation.rows) {
    console.log(
      [
        `${stepTitle(drill, r.step)} · ${actionText(drill, r.action)}`,
        span(r.planned),
        opt(r.predicted),
        opt(r.actual),
        opt(r.deviation, true),
        r.met ? '✓' : '✗',
      ].join('\t'),
    );
  }
  console.log(
    zh
      ? `\n期望行动得分 ${evaluation.pointsMet}/${evaluation.pointsTotal}；中断 ${span(evaluation.pausedSeconds)}`
      : `\nExpected actions: ${evaluation.pointsMet}/${evaluation.pointsTotal} points; paused ${span(evaluation.pausedSeconds)}`,
  );
  console.log(zh ? '\n评估项目\t分值\t得分\t等级' : '\nevaluation item\tweight\tscore\tgrade');
  for (const s of evaluation.scores) {
    const item = drill.evaluation.find((e) => e.id === s.item)?.item ?? s.item;
    const grade = s.grade ? GRADE_LABELS[s.grade][lang] : '—';
    console.log([item, s.weight, s.score ?? '—', grade].join('\t'));
  }
  const total = evaluation.total;
  console.log(
    `${zh ? '合计' : 'total'}\t${total.weight}\t${total.score}\t${total.grade ? GRADE_LABELS[total.grade][lang] : '—'}`,
  );
  console.log(zh ? '\n问题整改清单：' : '\nCorrective actions:');
  for (const c of evaluation.corrective) {
    console.log(`${c.number}. ${c.problem}`);
    console.log(`   ${zh ? '原因' : 'cause'}: ${c.cause}`);
    console.log(`   ${zh ? '整改措施' : 'measure'}: ${c.measure}`);
    console.log(
      `   ${zh ? '责任单位' : 'owner'}: ${c.owner ?? '—'}; ${zh ? '配合单位' : 'partner'}: ${c.partner ?? '—'}; ${zh ? '完成时限' : 'deadline'}: ${c.deadline}`,
    );
    if (c.effect)
      console.log(
        `   ${zh ? '仿真预估效果' : 'predicted effect'}: ${pct(c.effect.before)} → ${pct(c.effect.after)} (${opt(c.effect.medianBefore)} → ${opt(c.effect.medianAfter)})`,
      );
  }
}

function commandExport(io: DrillIo, id: string | undefined, lang: Language): void {
  const zh = lang === 'zh';
  const builtin = id ? builtinDrill(id) : undefined;
  if (!builtin) {
    console.error(
      zh
        ? `没有内置演练“${id ?? ''}”。内置演练有：`
        : `There is no built-in drill "${id ?? ''}". The built-in drills are:`,
    );
    for (const d of BUILTIN_DRILLS) console.error(`  ${d.id.padEnd(24)} ${d.title[lang]}`);
    io.exit(1);
  }
  const text = JSON.stringify(DrillSchema.parse(builtin.drill), null, 2) + '\n';
  const out = io.option('out');
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text, { flag: io.has('force') ? 'w' : 'wx' });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    console.error(
      code === 'EEXIST'
        ? zh
          ? `“${out}”已存在，未覆盖；如需覆盖请加 --force`
          : `"${out}" already exists and was left as it is; add --force to overwrite it`
        : `${out}: ${message}`,
    );
    io.exit(1);
  }
  console.log(zh ? `已将 ${builtin.id} 写入 ${out}` : `wrote ${builtin.id} to ${out}`);
}

/** The drill file format as JSON Schema (for `sim schema drill`). */
export function drillJsonSchema(): unknown {
  return z.toJSONSchema(DrillSchema, { io: 'input' });
}

/** `sim drill <sub> …`; positional excludes "drill". */
export function drillMain(positional: string[], io: DrillIo, lang: Language): void {
  const [sub, target] = positional;
  switch (sub) {
    case 'list':
      for (const d of BUILTIN_DRILLS) {
        const on = builtinScenarios.find((s) => s.id === d.scenario)?.title[lang] ?? d.scenario;
        console.log(`${d.id.padEnd(24)} ${d.title[lang]}  (${on})`);
      }
      return;
    case 'validate': {
      if (!target) io.usage('drill validate needs a FILE');
      const { drill } = drillFrom(target, io, lang);
      console.log(
        lang === 'zh'
          ? `${target}：有效（${drill.header.name}）`
          : `${target}: valid (${drill.header.name})`,
      );
      return;
    }
    case 'predict':
      commandPredict(io, target, lang);
      return;
    case 'evaluate':
      commandEvaluate(io, target, lang);
      return;
    case 'export':
      commandExport(io, target, lang);
      return;
    default:
      io.usage(sub ? `unknown drill command "${sub}"` : 'drill needs a command');
  }
}
