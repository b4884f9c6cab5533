/**
 * Evaluating a live drill: its record against the standards and against the simulated
 * reference — the deviation table per expected action, the evaluation sheet pre-filled from the
 * record, the draft 总结报告 and the 问题整改清单, each fix priced when it is a scenario variant.
 * Times in the record are wall-clock seconds from T0; paused stretches are taken out.
 */
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';
import {
  agencyName,
  gradeOf,
  label,
  MODE_LABELS,
  ROLE_LABELS,
  SCOPE_LABELS,
  span,
} from './labels.ts';
import { REPORT_TEXT } from './reportText.ts';
import type { Drill, ExpectedAction, Step } from './schema.ts';
import type {
  CorrectiveAction,
  DeviationRow,
  DrillEvaluation,
  DrillLog,
  DrillPrediction,
  RemedyEffect,
  ScoreRow,
} from './types.ts';

/** Days given to a corrective action after the drill (整改时限). */
const CORRECTION_DAYS = 90;

/** Paused stretches of the record, and wall-clock → drill time. */
function pauses(log: DrillLog) {
  const stretches: Array<{ from: number; to: number }> = [];
  let pausedAt: number | null = null;
  for (const entry of log.entries) {
    if (entry.type === 'pause' && pausedAt === null) pausedAt = entry.t;
    else if (entry.type === 'resume' && pausedAt !== null) {
      stretches.push({ from: pausedAt, to: Math.max(pausedAt, entry.t) });
      pausedAt = null;
    }
  }
  const drillTime = (wall: number) => {
    let t = wall;
    for (const p of stretches) if (wall > p.from) t -= Math.min(wall, p.to) - p.from;
    return t;
  };
  return { drillTime, paused: stretches.reduce((sum, p) => sum + p.to - p.from, 0) };
}

/** A step's planned release from T0: its time, or that of the step it follows (null: a condition or manual). */
export function plannedRelease(drill: Drill, step: Step, depth = 0): number | null {
  const timing = step.timing;
  if (timing.type === 'at') return timing.at;
  if (timing.type === 'after' && depth < drill.steps.length) {
    const parent = drill.steps.find((s) => s.id === timing.step);
    const at = parent ? plannedRelease(drill, parent, depth + 1) : null;
    return at === null ? null : at + timing.delay;
  }
  return null;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

export function evaluateDrill(
  drill: Drill,
  scenario: Scenario,
  log: DrillLog,
  prediction: DrillPrediction | null,
  lang: Language,
  effects: readonly RemedyEffect[] = [],
): DrillEvaluation {
  const text = REPORT_TEXT[lang];
  const { drillTime, paused } = pauses(log);
  const released = new Map<string, number>();
  const done = new Map<string, { t: number | null; note: string }>();
  for (const entry of log.entries) {
    if (entry.type === 'release' && !released.has(entry.step))
      released.set(entry.step, drillTime(entry.t));
    if (entry.type === 'action' && !done.has(entry.action))
      done.set(entry.action, {
        t: entry.t === null ? null : drillTime(entry.t),
        note: entry.note ?? '',
      });
  }
  const predicted = new Map(prediction?.actions.map((a) => [a.action, a]) ?? []);
  const predictedStep = new Map(prediction?.steps.map((s) => [s.step, s]) ?? []);

  const steps = drill.steps.map((step) => {
    const planned =
      plannedRelease(drill, step) ?? predictedStep.get(step.id)?.releasedAt?.median ?? null;
    const actual = released.get(step.id) ?? null;
    return {
      step: step.id,
      planned,
      actual,
      deviation: planned !== null && actual !== null ? actual - planned : null,
    };
  });
  const stepRow = new Map(steps.map((s) => [s.step, s]));

  const rows: DeviationRow[] = [];
  const actionOf = new Map<string, { action: ExpectedAction; step: Step }>();
  let pointsMet = 0;
  let pointsTotal = 0;
  for (const step of drill.steps) {
    for (const action of step.expected) {
      actionOf.set(action.id, { action, step });
      const recorded = done.get(action.id);
      const row = stepRow.get(step.id);
      const reference = action.from === 'start' ? 0 : (row?.actual ?? row?.planned ?? null);
      const actual = recorded?.t != null && reference !== null ? recorded.t - reference : null;
      const p = predicted.get(action.id);
      const median = p?.seconds?.median ?? null;
      const met = actual !== null && actual <= action.deadline;
      pointsTotal += action.points;
      if (met) pointsMet += action.points;
      rows.push({
        action: action.id,
        step: step.id,
        planned: action.deadline,
        predicted: median,
        probability: p && !p.manual ? p.probability : null,
        actual,
        deviation: actual === null ? null : actual - action.deadline,
        deviationFromPrediction: actual === null || median === null ? null : actual - median,
        met,
        note: recorded?.note ?? '',
      });
    }
  }
  const rowOf = new Map(rows.map((r) => [r.action, r]));

  const scores: ScoreRow[] = drill.evaluation.map((item) => {
    const linked = item.actions.map((id) => actionOf.get(id)).filter((a) => a !== undefined);
    const total = linked.reduce((sum, a) => sum + a.action.points, 0);
    const met = linked
      .filter((a) => rowOf.get(a.action.id)?.met)
      .reduce((sum, a) => sum + a.action.points, 0);
    const share = total > 0 ? met / total : null;
    return {
      item: item.id,
      weight: item.weight,
      share,
      score: share === null ? null : Math.round(share * item.weight * 10) / 10,
      grade: share === null ? null : gradeOf(share),
    };
  });
  const scored = scores.filter((s) => s.score !== null);
  const totalScore = Math.round(scored.reduce((sum, s) => sum + (s.score ?? 0), 0) * 10) / 10;
  const totalWeight = scored.reduce((sum, s) => sum + s.weight, 0);

  const effectOf = new Map(effects.map((e) => [e.action, e]));
  const corrective: CorrectiveAction[] = [];
  for (const row of rows) {
    if (row.met) continue;
    const { action, step } = actionOf.get(row.action)!;
    const remedy = drill.remedies.find((r) => r.action === action.id);
    const effect = effectOf.get(action.id);
    const gap = row.probability !== null && row.probability < 0.5;
    const slow =
      row.actual !== null &&
      prediction !== null &&
      row.predicted !== null &&
      row.actual > (predicted.get(action.id)?.seconds?.p90 ?? Infinity);
    const cause = gap
      ? text.causeGap(Math.round((row.probability ?? 0) * 100))
      : slow
        ? text.causeSlow(span(predicted.get(action.id)!.seconds!.p90))
        : row.actual === null
          ? text.causeNotDone()
          : row.probability === null
            ? text.causeOverStandard()
            : text.causeLate();
    corrective.push({
      number: corrective.length + 1,
      action: action.id,
      problem: text.problem(
        step.title,
        action.description || action.id,
        span(action.deadline),
        row.actual === null ? null : span(row.actual),
      ),
      cause,
      measure: remedy?.text ?? (gap ? text.measureGap() : text.measureTrain()),
      owner: agencyName(scenario, remedy?.owner ?? action.agency, lang) || null,
      partner: agencyName(scenario, remedy?.partner, lang) || null,
      deadline: addDays(drill.header.date, CORRECTION_DAYS),
      status: 'open',
      effect:
        remedy && effect
          ? {
              remedy: remedy.id,
              before: effect.before.probability,
              after: effect.after.probability,
              medianBefore: effect.before.median,
              medianAfter: effect.after.median,
            }
          : null,
    });
  }

  const metCount = rows.filter((r) => r.met).length;
  const header = drill.header;
  const report = {
    purpose: drill.objectives.map((o) => o.text),
    timeAndPlace: text.timeAndPlace(header.date, header.place, header.organiser),
    participants: drill.participants.map((p) => {
      const roles = p.roles
        .map((r) => label(ROLE_LABELS, r, lang))
        .join(lang === 'zh' ? '、' : ', ');
      const people = p.people ? text.people(p.people) : '';
      const name = agencyName(scenario, p.agency, lang);
      return lang === 'zh' ? `${name}（${roles}${people}）` : `${name} (${roles}${people})`;
    }),
    summary: [
      text.kind(label(MODE_LABELS, header.mode, lang), label(SCOPE_LABELS, header.scope, lang)),
      text.counts(drill.steps.length, rows.length, metCount, pointsMet, pointsTotal),
      ...(paused > 0 ? [text.paused(span(paused))] : []),
      ...(prediction
        ? [text.predicted(prediction.seeds.length, span(prediction.duration.median))]
        : []),
      ...log.entries.flatMap((e) =>
        e.type === 'note' && e.note ? [text.note(span(e.t), e.note)] : [],
      ),
    ],
    problems: corrective.map(
      (c) => `${c.problem}${lang === 'zh' ? '原因：' : ' Cause: '}${c.cause}`,
    ),
    lessons: rows
      .filter((r) => r.met && r.deviationFromPrediction !== null && r.deviationFromPrediction < 0)
      .map((r) => {
        const { action, step } = actionOf.get(r.action)!;
        return text.lesson(
          step.title,
          action.description || action.id,
          span(-r.deviationFromPrediction!),
        );
      }),
    recommendations: corrective.map((c) =>
      c.effect
        ? text.recommendWithEffect(
            c.measure,
            Math.round(c.effect.before * 100),
            Math.round(c.effect.after * 100),
          )
        : c.measure,
    ),
  };

  return {
    drill: drill.id,
    rows,
    steps,
    pointsMet,
    pointsTotal,
    scores,
    total: {
      score: totalScore,
      weight: totalWeight,
      grade: totalWeight > 0 ? gradeOf(totalScore / totalWeight) : null,
    },
    pausedSeconds: paused,
    report,
    corrective,
  };
}
