/**
 * The score sheet (接警调度员考核表): a session file replayed and compared with the reference on
 * the same calls — per call: answer time, time to dispatch, triage against the simulation's
 * truth, capability and tier of the units sent, procedure (approvals, hand-over, reports,
 * linkage), outcomes; deductions in the Fuyang style (each with its reason), the national
 * targets' shares, and what each differing decision cost. Deductions only count what the trainee
 * did worse than the reference, so the reference itself scores full marks.
 */
import type { Bilingual, CallScore, ScoreSheet } from './api.ts';
import { windowCalls } from './caller.ts';
import { deduction, scoreCall } from './callScore.ts';
import { decisionCosts } from './cost.ts';
import { homeDistricts } from './coverage.ts';
import { incidentOutcomes } from './facts.ts';
import { verifySession, type VerifiedSession } from './file.ts';
import { referenceRun } from './reference.ts';
import type { SessionFile, TriageJudgement } from './schema.ts';
import { unitViews } from './seat.ts';

export interface ScoreOptions {
  /** Called as each differing decision has been priced (two runs each): for a progress bar. */
  onCost?: (done: number, total: number) => void;
}

export function scoreSession(file: SessionFile, options: ScoreOptions = {}): ScoreSheet {
  const verified = verifySession(file, 'en');
  if (!verified.ok) {
    throw new Error(verified.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
  return scoreVerified(verified.value, options);
}

export function scoreVerified(
  { file, prepared, trace, decisions }: VerifiedSession,
  { onCost }: ScoreOptions = {},
): ScoreSheet {
  const { scenario, window, exercise, seed } = prepared;
  const scoring = exercise.scoring;
  const reference = referenceRun(prepared);
  const mine = incidentOutcomes(trace, scenario);
  const calls = windowCalls(scenario, seed, window, exercise.difficulty, reference.outcomes);
  const units = unitViews(scenario);
  const homes = homeDistricts(scenario);
  const agencyName = (id: string): Bilingual => {
    const agency = scenario.agencies.find((a) => a.id === id);
    const zh = agency?.name || agency?.nameEn || id;
    return { zh, en: agency?.nameEn || zh };
  };
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
        homes,
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
    coverageLost: scores.reduce((n, s) => n + s.coverage.uncovered.length, 0),
    referenceCoverageLost: scores.reduce((n, s) => n + s.coverage.referenceUncovered.length, 0),
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
  const costs = decisionCosts(prepared, file.log, decisions, calls, units, onCost);
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

function meanOf(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

function sumOf(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
