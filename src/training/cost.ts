/**
 * What each decision cost: for every trainee answer that differs from the built-in proposal at
 * that moment (another unit, a slot left open, or an answer given late), the run is simulated
 * twice from that point — once with the proposal, once with the trainee's answer, the built-in
 * dispatcher deciding everything after in both — and the outcomes of the window's calls are
 * compared. Deterministic: the same file gives the same costs.
 */
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { DispatchAnswer, DispatchDecision } from '../sim/dispatch/policy.ts';
import type { Bilingual, DecisionCost, PreparedExercise, TrainingCall, UnitView } from './api.ts';
import { fullResponseSeconds, withinTarget, type IncidentOutcome } from './facts.ts';
import { duration } from './messages.ts';
import { playOut } from './reference.ts';
import { kindLabel } from './caller.ts';

/** An answer as a comparable key: the units per slot, open slots left out. */
function answerKey(answer: DispatchAnswer): string {
  return answer
    .filter((a) => a.unit !== null)
    .map((a) => `${a.slot}:${a.unit}`)
    .sort()
    .join(',');
}

/** Whether a logged answer differs from its decision's proposal (units, or given late). */
export function differs(entry: LoggedCommand, decision: DispatchDecision): boolean {
  if (entry.command.type !== 'dispatch') return false;
  return (
    entry.at > decision.time || answerKey(entry.command.answer) !== answerKey(decision.proposal)
  );
}

interface WindowOutcome {
  response: Map<number, number>;
  unserved: number;
  outsideTarget: number;
}

/** Outcomes of the window's calls, and of the decision's own incident if it was called before. */
function windowOutcome(
  outcomes: IncidentOutcome[],
  window: PreparedExercise['window'],
  incident: number,
) {
  const result: WindowOutcome = { response: new Map(), unserved: 0, outsideTarget: 0 };
  for (const o of outcomes) {
    const counted = (o.time >= window.start && o.time < window.end) || o.incident === incident;
    if (!counted || o.channel === '12345') continue;
    const response = fullResponseSeconds(o);
    if (response !== null) result.response.set(o.incident, response);
    if (o.unserved) result.unserved++;
    if (withinTarget(o) === false) result.outsideTarget++;
  }
  return result;
}

export function decisionCosts(
  prepared: PreparedExercise,
  log: readonly LoggedCommand[],
  decisions: readonly DispatchDecision[],
  calls: readonly TrainingCall[],
  units: ReadonlyMap<string, UnitView>,
  onCost?: (done: number, total: number) => void,
): DecisionCost[] {
  const { window, exercise } = prepared;
  const weights = exercise.scoring.costWeights;
  const costs: DecisionCost[] = [];
  const differing = log.flatMap((entry, index) => {
    if (entry.source !== 'operator' || entry.command.type !== 'dispatch') return [];
    const decision = decisions[entry.command.decision];
    return decision && differs(entry, decision) ? [{ entry, index, decision }] : [];
  });
  for (const { entry, index, decision } of differing) {
    if (entry.command.type !== 'dispatch') continue;
    const prefix = log.slice(0, index);
    const withProposal = playOut(prepared, [
      ...prefix,
      {
        ...entry,
        at: decision.time,
        command: { type: 'dispatch', decision: decision.number, answer: decision.proposal },
      },
    ]);
    const withAnswer = playOut(prepared, [...prefix, entry]);
    const a = windowOutcome(withProposal.outcomes, window, decision.incident);
    const b = windowOutcome(withAnswer.outcomes, window, decision.incident);
    let responseDelta = 0;
    for (const [incident, seconds] of b.response) {
      const other = a.response.get(incident);
      if (other !== undefined) responseDelta += seconds - other;
    }
    const delta = {
      responseSeconds: responseDelta,
      unservedCalls: b.unserved - a.unserved,
      outsideTarget: b.outsideTarget - a.outsideTarget,
    };
    const cost =
      delta.responseSeconds * weights.responseSecond +
      delta.unservedCalls * weights.unservedCall +
      delta.outsideTarget * weights.outsideTarget;
    const call = calls.find((c) => c.incident === decision.incident) ?? null;
    costs.push({
      decision: decision.number,
      call: call ? call.id : null,
      incident: decision.incident,
      time: decision.time,
      trainee: entry.command.answer,
      reference: decision.proposal,
      delta,
      cost,
      explanation: explain(prepared, decision, entry, delta, call, units),
    });
    onCost?.(costs.length, differing.length);
  }
  return costs.sort((x, y) => y.cost - x.cost || x.decision - y.decision);
}

function unitsSaid(answer: DispatchAnswer, units: ReadonlyMap<string, UnitView>): Bilingual {
  const chosen = answer.filter((a) => a.unit !== null).map((a) => units.get(a.unit!)?.label);
  if (chosen.length === 0) return { zh: '不派力量', en: 'no unit' };
  return {
    zh: chosen.map((l) => l?.zh ?? '力量').join('、'),
    en: chosen.map((l) => l?.en ?? 'unit').join(', '),
  };
}

function explain(
  prepared: PreparedExercise,
  decision: DispatchDecision,
  entry: LoggedCommand,
  delta: DecisionCost['delta'],
  call: TrainingCall | null,
  units: ReadonlyMap<string, UnitView>,
): Bilingual {
  const answer = entry.command.type === 'dispatch' ? entry.command.answer : [];
  const mine = unitsSaid(answer, units);
  const theirs = unitsSaid(decision.proposal, units);
  const kind = kindLabel(prepared.scenario, decision.kind);
  const late = entry.at - decision.time;
  const which = {
    zh: `${call ? `第 ${call.id + 1} 号警情` : '调派'}（${kind.zh}）`,
    en: `${call ? `call ${call.id + 1}` : 'a dispatch'} (${kind.en})`,
  };
  const lateText = {
    zh: late > 0 ? `，晚 ${duration(late, 'zh')}下达` : '',
    en: late > 0 ? `, given ${duration(late, 'en')} late` : '',
  };
  const sign = (n: number) => (n > 0 ? `+${n}` : `${n}`);
  return {
    zh:
      `${which.zh}：您派 ${mine.zh}${lateText.zh}，参考方案派 ${theirs.zh}。重新仿真：` +
      `本时段各警情力量全部到场用时合计 ${delta.responseSeconds >= 0 ? '+' : ''}${duration(delta.responseSeconds, 'zh')}，` +
      `未处置警情 ${sign(delta.unservedCalls)} 起，超出到场时限 ${sign(delta.outsideTarget)} 起。`,
    en:
      `${which.en}: you sent ${mine.en}${lateText.en}; the reference sends ${theirs.en}. Re-simulated: ` +
      `time until every unit was on scene, summed over the window's calls, ${delta.responseSeconds >= 0 ? '+' : ''}${duration(delta.responseSeconds, 'en')}, ` +
      `unserved calls ${sign(delta.unservedCalls)}, arrivals outside target ${sign(delta.outsideTarget)}.`,
  };
}
