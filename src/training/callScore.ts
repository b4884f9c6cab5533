/**
 * One row of the score sheet: a call of the window scored against the reference — answer time,
 * triage against the run's truth, the units of each decision against the proposal in the same
 * situation (capability, tier, distance, coverage left behind), time to dispatch, linkage and
 * approval path, reports, outcomes — with its deductions and their reasons.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { DispatchDecision } from '../sim/dispatch/policy.ts';
import type {
  Bilingual,
  CallScore,
  Deduction,
  DeductionRule,
  SlotScore,
  TrainingCall,
  UnitView,
} from './api.ts';
import { kindLabel } from './caller.ts';
import { districtUncovered } from './coverage.ts';
import { responseSeconds, withinTarget, type IncidentOutcome } from './facts.ts';
import { capabilityLabel, duration } from './messages.ts';
import type { Scoring, SessionFile, TriageJudgement } from './schema.ts';

export interface CallInput {
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
  homes: Map<string, number>;
  agencyName: (id: string) => Bilingual;
  scenario: Scenario;
  scoring: Scoring;
}

export function scoreCall(input: CallInput): CallScore {
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
  const coverage: CallScore['coverage'] = { uncovered: [], referenceUncovered: [] };
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
      // One row per slot: a later decision (a unit come free) fills a slot left open earlier.
      const row = slots.findIndex((r) => r.slot === slot.slot);
      if (row >= 0) slots.splice(row, 1);
      slots.push({
        slot: slot.slot,
        capability: capabilityLabel(slot.capability),
        trainee: side(chosen, mine),
        reference: side(proposed, truth),
      });
      const left = (unit: string | null, into: Bilingual[]) => {
        const district = districtUncovered(slot, unit, input.homes);
        if (district === null) return;
        const { name, nameEn } = input.scenario.districts[district];
        const what = capabilityLabel(slot.capability);
        into.push({
          zh: `${name || nameEn || ''}无空闲${what.zh}力量`,
          en: `${nameEn || name} left without free ${what.en}`,
        });
      };
      left(chosen, coverage.uncovered);
      left(proposed, coverage.referenceUncovered);
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

  slots.sort((a, b) => a.slot - b.slot);
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
        zh: `${number.zh}联动通知${missing.length > 0 ? `漏通知${missing.map((id) => input.agencyName(id).zh).join('、')}` : ''}${!pathRight ? `${missing.length > 0 ? '，' : ''}报批途径有误` : ''}`,
        en: `${number.en} linkage: ${missing.length > 0 ? `${missing.map((id) => input.agencyName(id).en).join(', ')} not notified` : ''}${!pathRight ? `${missing.length > 0 ? '; ' : ''}wrong approval path` : ''}`,
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
    given: {
      ...call.given,
      districtRight:
        call.given.district === null
          ? null
          : call.given.district.zh === (input.scenario.districts[truth.district]?.name ?? null),
    },
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
    coverage,
    procedure: { approvals: mine.approvals, handedOver: mine.handedOver, lateReports, linkage },
    outcome,
    deductions,
  };
}

export function deduction(
  rule: DeductionRule,
  points: number,
  call: number | null,
  reason: Bilingual,
): Deduction {
  return { rule, points, call, reason };
}
