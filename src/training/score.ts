/**
 * The score sheet (接警调度员考核表): a session file replayed and compared with the reference on
 * the same calls — per call: answer time, time to dispatch, triage against the simulation's
 * truth, capability and tier of the units sent, procedure (approvals, hand-over, reports,
 * linkage), outcomes; deductions in the Fuyang style (each with its reason), the national
 * targets' shares, and what each differing decision cost. Deductions only count what the trainee
 * did worse than the reference, so the reference itself scores full marks.
 */
import type { DispatchDecision } from '../sim/dispatch/policy.ts';
import type {
  Bilingual,
  CallScore,
  Deduction,
  DeductionRule,
  ScoreSheet,
  SlotScore,
  TrainingCall,
  UnitView,
} from './api.ts';
import { kindLabel, windowCalls } from './caller.ts';
import { decisionCosts } from './cost.ts';
import { incidentOutcomes, responseSeconds, withinTarget, type IncidentOutcome } from './facts.ts';
import { verifySession, type VerifiedSession } from './file.ts';
import { capabilityLabel, duration } from './messages.ts';
import { referenceRun } from './reference.ts';
import type { SessionFile, TriageJudgement } from './schema.ts';
import { unitViews } from './seat.ts';

export function scoreSession(file: SessionFile): ScoreSheet {
  const verified = verifySession(file, 'en');
  if (!verified.ok) {
    throw new Error(verified.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
  return scoreVerified(verified.value);
}

export function scoreVerified({ file, prepared, trace, decisions }: VerifiedSession): ScoreSheet {
  const { scenario, window, exercise, seed } = prepared;
  const scoring = exercise.scoring;
  const reference = referenceRun(prepared);
  const mine = incidentOutcomes(trace, scenario);
  const calls = windowCalls(scenario, seed, window, exercise.difficulty, reference.outcomes);
  const units = unitViews(scenario);
  const agencyName = (id: string) => scenario.agencies.find((a) => a.id === id)?.name || id;
  const answers = new Map<number, SessionFile['log'][number]>();
  for (const entry of file.log) {
    if (entry.command.type === 'dispatch' && entry.source === 'operator')
      answers.set(entry.command.decision, entry);
  }
  const stampSeconds = (what: 'call' | 'decision', number: number) => {
    const stamp = file.stamps.find((s) => s.what === what && s.number === number);
    return stamp ? Math.max(0, (stamp.doneAt - stamp.shownAt) / 1000) : null;
  };
  const triageOf = new Map<number, TriageJudgement>();
  const linkageOf = new Map<number, { agencies: string[]; approvalPath: string }>();
  for (const a of file.annotations) {
    if (a.type === 'triage') triageOf.set(a.call, a.judgement);
    if (a.type === 'linkage') linkageOf.set(a.incident, a);
  }
  const firstCall = new Map<number, number>();
  const scores: CallScore[] = [];
  for (const call of calls) {
    const original = firstCall.get(call.incident);
    if (original === undefined) firstCall.set(call.incident, call.id);
    const decided = decisions.filter(
      (d) => d && d.incident === call.incident && answers.has(d.number),
    );
    scores.push(
      scoreCall({
        call,
        duplicateOf: original ?? null,
        truth: reference.outcomes[call.incident],
        mine: mine[call.incident],
        judged: triageOf.get(call.id) ?? null,
        linkage: original === undefined ? (linkageOf.get(call.incident) ?? null) : null,
        decided: original === undefined ? decided : [],
        answers,
        answerSeconds: stampSeconds('call', call.id),
        decidingSeconds:
          original === undefined
            ? sumOf(decided.map((d) => stampSeconds('decision', d.number)))
            : null,
        units,
        agencyName,
        scenario,
        scoring,
      }),
    );
  }
  const firsts = scores.filter(
    (s) => s.truth.duplicateOf === null && s.truth.channel === 'emergency',
  );
  const share = (list: CallScore[], test: (s: CallScore) => boolean) =>
    list.length > 0 ? list.filter(test).length / list.length : null;
  const targets = scoring.targets;
  const overall: ScoreSheet['overall'] = {
    calls: scores.length,
    answeredInTimeShare: share(
      scores,
      (s) => s.answerSeconds !== null && s.answerSeconds <= targets.answerSeconds,
    ),
    dispatchedInTimeShare: share(
      firsts,
      (s) => s.dispatchSeconds !== null && s.dispatchSeconds <= targets.dispatchSeconds,
    ),
    referenceDispatchedInTimeShare: share(
      firsts,
      (s) =>
        s.referenceDispatchSeconds !== null &&
        s.referenceDispatchSeconds <= targets.dispatchSeconds,
    ),
    meanDispatchSeconds: meanOf(firsts.map((s) => s.dispatchSeconds)),
    referenceMeanDispatchSeconds: meanOf(firsts.map((s) => s.referenceDispatchSeconds)),
    triageCorrectShare: share(scores, (s) => s.triage.correct),
    capabilityRightShare: share(firsts, (s) => s.capabilityRight),
    meanResponseSeconds: meanOf(firsts.map((s) => s.outcome.responseSeconds)),
    referenceMeanResponseSeconds: meanOf(firsts.map((s) => s.outcome.referenceResponseSeconds)),
    withinTarget: firsts.filter((s) => s.outcome.withinTarget === true).length,
    referenceWithinTarget: firsts.filter((s) => s.outcome.referenceWithinTarget === true).length,
    unserved: firsts.filter((s) => s.outcome.unserved).length,
    referenceUnserved: firsts.filter((s) => s.outcome.referenceUnserved).length,
  };
  const deductions = scores.flatMap((s) => s.deductions);
  const points = scoring.deductions;
  const below = (what: Bilingual, got: number | null, want: number, reference: number | null) => {
    if (got === null || got >= want || (reference !== null && got >= reference)) return;
    deductions.push(
      deduction('shareBelowTarget', points.shareBelowTarget, null, {
        zh: `${what.zh}为 ${pct(got)}，低于 ${pct(want)} 的要求`,
        en: `${what.en} ${pct(got)}, below the required ${pct(want)}`,
      }),
    );
  };
  below(
    {
      zh: `${targets.answerSeconds} 秒接听率`,
      en: `calls answered within ${targets.answerSeconds} s:`,
    },
    overall.answeredInTimeShare,
    targets.answerShare,
    file.kind === 'reference' ? 1 : null,
  );
  below(
    {
      zh: `${Math.round(targets.dispatchSeconds / 60)} 分钟调派率`,
      en: `dispatched within ${Math.round(targets.dispatchSeconds / 60)} min:`,
    },
    overall.dispatchedInTimeShare,
    targets.dispatchShare,
    overall.referenceDispatchedInTimeShare,
  );
  const lost = deductions.reduce((sum, d) => sum + d.points, 0);
  const costs = decisionCosts(prepared, file.log, decisions, calls, units);
  return {
    exercise: { id: exercise.id, title: exercise.title, level: exercise.level },
    trainee: file.trainee,
    seed,
    kind: file.kind,
    score: Math.max(0, Math.round((scoring.fullMarks - lost) * 10) / 10),
    fullMarks: scoring.fullMarks,
    overall,
    calls: scores,
    deductions,
    costs,
    traceDigest: file.result.traceDigest,
  };
}

interface CallInput {
  call: TrainingCall;
  duplicateOf: number | null;
  truth: IncidentOutcome;
  mine: IncidentOutcome;
  judged: TriageJudgement | null;
  linkage: { agencies: string[]; approvalPath: string } | null;
  decided: DispatchDecision[];
  answers: Map<number, SessionFile['log'][number]>;
  answerSeconds: number | null;
  decidingSeconds: number | null;
  units: Map<string, UnitView>;
  agencyName: (id: string) => string;
  scenario: VerifiedSession['prepared']['scenario'];
  scoring: VerifiedSession['prepared']['exercise']['scoring'];
}

function scoreCall(input: CallInput): CallScore {
  const { call, truth, mine, judged, scoring, units, duplicateOf } = input;
  const points = scoring.deductions;
  const deductions: Deduction[] = [];
  const add = (rule: DeductionRule, reason: Bilingual) =>
    deductions.push(deduction(rule, points[rule], call.id, reason));
  const number = { zh: `第 ${call.id + 1} 号警情`, en: `Call ${call.id + 1}` };

  if (input.answerSeconds === null || input.answerSeconds > scoring.targets.answerSeconds) {
    add('slowAnswer', {
      zh: `${number.zh}接听${input.answerSeconds === null ? '未记录' : `用时 ${duration(input.answerSeconds, 'zh')}`}，超过 ${scoring.targets.answerSeconds} 秒`,
      en: `${number.en} ${input.answerSeconds === null ? 'not picked up' : `answered after ${duration(input.answerSeconds, 'en')}`}, over ${scoring.targets.answerSeconds} s`,
    });
  }

  // Triage against the run's truth.
  const wrong: Bilingual[] = [];
  if (!judged) wrong.push({ zh: '未研判', en: 'not judged' });
  else {
    if (judged.channel !== truth.channel)
      wrong.push(
        truth.channel === '12345'
          ? { zh: '应转 12345', en: 'belongs to 12345' }
          : { zh: '误转 12345', en: 'wrongly sent to 12345' },
      );
    if (judged.maritime !== truth.maritime)
      wrong.push(
        truth.maritime
          ? { zh: '应移交海上搜救中心', en: 'a maritime case for the SAR centre' }
          : { zh: '误判为海上警情', en: 'wrongly judged maritime' },
      );
    if (judged.specialPlan !== truth.specialPlan)
      wrong.push(
        truth.specialPlan
          ? { zh: '应启动专项预案', en: 'needed a special plan' }
          : { zh: '无需启动专项预案', en: 'needed no special plan' },
      );
    if (judged.duplicateOf !== duplicateOf)
      wrong.push(
        duplicateOf !== null
          ? {
              zh: `重复报警（同第 ${duplicateOf + 1} 号）未识别`,
              en: `a repeat of call ${duplicateOf + 1} not recognised`,
            }
          : { zh: '误判为重复报警', en: 'wrongly judged a repeat call' },
      );
    if (judged.kind !== null && judged.kind !== truth.kind)
      wrong.push({
        zh: `警情性质应为${kindLabel(input.scenario, truth.kind).zh}`,
        en: `the kind was ${kindLabel(input.scenario, truth.kind).en}`,
      });
  }
  if (wrong.length > 0) {
    add('wrongTriage', {
      zh: `${number.zh}研判有误：${wrong.map((w) => w.zh).join('；')}`,
      en: `${number.en} judged wrongly: ${wrong.map((w) => w.en).join('; ')}`,
    });
  }

  // The units: each decision's answer against the proposal in the same situation.
  const slots: SlotScore[] = [];
  let capabilityRight = true;
  for (const decision of input.decided) {
    const entry = input.answers.get(decision.number)!;
    if (entry.command.type !== 'dispatch') continue;
    const answer = entry.command.answer;
    for (const slot of decision.slots) {
      const chosen = answer.find((a) => a.slot === slot.slot)?.unit ?? null;
      const proposed = decision.proposal.find((p) => p.slot === slot.slot)?.unit ?? null;
      const side = (unit: string | null, outcome: IncidentOutcome) =>
        unit === null
          ? null
          : {
              unit,
              label: units.get(unit)?.label ?? { zh: '力量', en: 'unit' },
              arrival: outcome.arrivals.get(unit) ?? null,
            };
      slots.push({
        slot: slot.slot,
        capability: capabilityLabel(slot.capability),
        trainee: side(chosen, mine),
        reference: side(proposed, truth),
      });
      if (chosen === proposed) continue;
      const estimate = (unit: string | null) => {
        const c = slot.candidates.find((x) => x.unit === unit);
        return c ? c.travelSeconds + c.orderDelaySeconds : Infinity;
      };
      if (
        chosen === null ||
        (proposed !== null && (units.get(chosen)?.tier ?? 1) > (units.get(proposed)?.tier ?? 1))
      ) {
        capabilityRight = false;
        add('wrongCapability', {
          zh: `${number.zh}${capabilityLabel(slot.capability).zh}${chosen === null ? '一席未派，参考方案有可派力量' : '派了级别较低的联动单位'}`,
          en: `${number.en}: ${capabilityLabel(slot.capability).en} ${chosen === null ? 'left open though the reference had a unit' : 'went to a lower-tier agency'}`,
        });
      } else if (estimate(chosen) > estimate(proposed) + 60) {
        add('fartherUnit', {
          zh: `${number.zh}所派${units.get(chosen)?.label.zh ?? '力量'}预计比参考方案晚 ${duration(estimate(chosen) - estimate(proposed), 'zh')}到场`,
          en: `${number.en}: ${units.get(chosen)?.label.en ?? 'the unit'} sent is expected ${duration(estimate(chosen) - estimate(proposed), 'en')} later than the reference's`,
        });
      }
    }
  }

  const dispatchSeconds =
    duplicateOf === null && mine.dispatched.length > 0 ? mine.dispatched[0].time - mine.time : null;
  const referenceDispatchSeconds =
    duplicateOf === null && truth.dispatched.length > 0
      ? truth.dispatched[0].time - truth.time
      : null;
  const dispatchTarget = scoring.targets.dispatchSeconds;
  if (
    duplicateOf === null &&
    truth.channel === 'emergency' &&
    referenceDispatchSeconds !== null &&
    (dispatchSeconds === null ||
      (dispatchSeconds > dispatchTarget && dispatchSeconds > referenceDispatchSeconds))
  ) {
    add('slowDispatch', {
      zh: `${number.zh}${dispatchSeconds === null ? '未调派' : `调派用时 ${duration(dispatchSeconds, 'zh')}`}，超过 ${Math.round(dispatchTarget / 60)} 分钟`,
      en: `${number.en} ${dispatchSeconds === null ? 'not dispatched' : `dispatched after ${duration(dispatchSeconds, 'en')}`}, over ${Math.round(dispatchTarget / 60)} min`,
    });
  }

  // Linkage: the agencies the reference needed, and the approval path it took.
  let linkage: CallScore['procedure']['linkage'] = null;
  const neededIds = [...new Set(truth.dispatched.map((d) => d.agency))];
  const needsLinkage =
    duplicateOf === null &&
    truth.channel === 'emergency' &&
    (neededIds.length >= 2 || truth.approvalPath !== 'none');
  if (needsLinkage) {
    const notified = input.linkage?.agencies ?? [];
    const missing = neededIds.filter((a) => !notified.includes(a));
    const pathRight = (input.linkage?.approvalPath ?? 'none') === truth.approvalPath;
    linkage = {
      notified: notified.map(input.agencyName),
      needed: neededIds.map(input.agencyName),
      pathRight,
    };
    if (missing.length > 0 || !pathRight) {
      add('missedLinkage', {
        zh: `${number.zh}联动通知${missing.length > 0 ? `漏通知${missing.map(input.agencyName).join('、')}` : ''}${!pathRight ? `${missing.length > 0 ? '，' : ''}报批途径有误` : ''}`,
        en: `${number.en} linkage: ${missing.length > 0 ? `${missing.map(input.agencyName).join(', ')} not notified` : ''}${!pathRight ? `${missing.length > 0 ? '; ' : ''}wrong approval path` : ''}`,
      });
    }
  }
  const lateReports = duplicateOf === null ? mine.lateReports : 0;
  if (lateReports > truth.lateReports) {
    add('lateReport', {
      zh: `${number.zh}力量反馈迟报或漏报 ${lateReports - truth.lateReports} 次（多于参考方案）`,
      en: `${number.en}: ${lateReports - truth.lateReports} more reports late or missing than in the reference`,
    });
  }
  const outcome = {
    responseSeconds: duplicateOf === null ? responseSeconds(mine) : null,
    referenceResponseSeconds: duplicateOf === null ? responseSeconds(truth) : null,
    withinTarget: duplicateOf === null ? withinTarget(mine) : null,
    referenceWithinTarget: duplicateOf === null ? withinTarget(truth) : null,
    unserved: duplicateOf === null && truth.channel === 'emergency' && mine.unserved,
    referenceUnserved: duplicateOf === null && truth.channel === 'emergency' && truth.unserved,
  };
  if (outcome.unserved && !outcome.referenceUnserved) {
    add('unserved', {
      zh: `${number.zh}直到结束仍未处置`,
      en: `${number.en} still unserved at the end`,
    });
  }
  if (
    outcome.withinTarget === false &&
    outcome.referenceWithinTarget === true &&
    !outcome.unserved
  ) {
    add('outsideTarget', {
      zh: `${number.zh}到场超出时限（参考方案在时限内）`,
      en: `${number.en} arrived outside its target (the reference was within)`,
    });
  }
  return {
    call: call.id,
    incident: call.incident,
    time: call.time,
    truth: {
      kind: truth.kind,
      kindLabel: kindLabel(input.scenario, truth.kind),
      severity: truth.severity,
      channel: truth.channel,
      maritime: truth.maritime,
      specialPlan: truth.specialPlan,
      duplicateOf,
    },
    answerSeconds: input.answerSeconds,
    dispatchSeconds,
    referenceDispatchSeconds,
    decidingSeconds: input.decidingSeconds,
    triage: { judged, correct: wrong.length === 0, wrong },
    slots,
    capabilityRight,
    procedure: { approvals: mine.approvals, handedOver: mine.handedOver, lateReports, linkage },
    outcome,
    deductions,
  };
}

function deduction(
  rule: DeductionRule,
  points: number,
  call: number | null,
  reason: Bilingual,
): Deduction {
  return { rule, points, call, reason };
}

function meanOf(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

function sumOf(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
