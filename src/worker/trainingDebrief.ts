/**
 * The debrief of a training session, worker side: the trainee's run replayed from the session
 * file's log (kept to be explained, so the replay view's "why" works on it) and opened for the
 * replay view, with the decisions where the trainee chose otherwise than the reference — each
 * with the units that could go and their estimates as the trainee saw them, the trainee's and
 * the reference's choice, and what the difference cost (from the score sheet).
 */
import { builtinInput } from '../scenarios/builtin/lazy.ts';
import type { Language } from '../scenarios/messages.ts';
import type { DispatchDecision } from '../sim/dispatch/policy.ts';
import { Session } from '../sim/session.ts';
import {
  loadExerciseScenario,
  type Bilingual,
  type DecisionCost,
  type ScoreSheet,
  type SessionFile,
} from '../training/api.ts';
import { prepareExercise } from '../training/exercises.ts';
import { capabilityLabel } from '../training/messages.ts';
import { unitViews } from '../training/seat.ts';
import { openReplay, type ReplayOpened } from './replayApi.ts';

export interface DebriefCandidate {
  unit: string;
  label: Bilingual;
  state: 'available' | 'returning';
  travelSeconds: number;
  orderDelaySeconds: number;
}

/** One decision where the trainee and the reference differ. */
export interface Divergence {
  decision: number;
  call: number | null;
  time: number;
  cost: DecisionCost;
  slots: Array<{
    slot: number;
    capability: Bilingual;
    trainee: DebriefCandidate | null;
    reference: DebriefCandidate | null;
    /** The best few units that could go, as the trainee saw them. */
    candidates: DebriefCandidate[];
  }>;
}

export type DebriefOpened =
  | {
      ok: true;
      replay: Extract<ReplayOpened, { ok: true }>;
      doc: Record<string, unknown>;
      divergences: Divergence[];
    }
  | { ok: false; message: string };

/** Candidates shown beside a divergence. */
const SHOWN = 5;

/**
 * Replays the session's log (every decision answered in it) and keeps each decision as it was
 * asked: the units, their states and estimates.
 */
function replayWithDecisions(file: SessionFile, language: Language) {
  const prepared = prepareExercise(file.exercise, file.seed, language);
  const session = new Session(prepared.scenario, prepared.seed, { policy: 'ask', explain: true });
  const decisions = new Map<number, DispatchDecision>();
  const keep = () => {
    const decision = session.decision;
    if (decision && !decisions.has(decision.number)) decisions.set(decision.number, decision);
  };
  for (const entry of file.log) {
    while (session.events < entry.afterEvents) {
      const result = session.advance(entry.afterEvents - session.events);
      keep();
      if (result.status !== 'running') break;
    }
    keep();
    session.submit(entry.command, { source: entry.source, id: entry.id, at: entry.at });
  }
  for (let result = session.advance(); result.status !== 'finished'; result = session.advance()) {
    if (result.status === 'decision')
      throw new Error(`decision ${result.decision.number} has no answer in the log`);
  }
  return { prepared, trace: session.finishTrace(), decisions };
}

async function trainingDebrief(
  file: SessionFile,
  sheet: ScoreSheet,
  language: Language = 'zh',
): Promise<DebriefOpened> {
  try {
    await loadExerciseScenario(file.exercise);
    const { prepared, trace, decisions } = replayWithDecisions(file, language);
    const opened = openReplay(prepared.scenario, trace, prepared.seed, language);
    if (!opened.ok) return { ok: false, message: opened.errors.map((e) => e.message).join('; ') };
    const units = unitViews(prepared.scenario);
    const label = (unit: string): Bilingual => units.get(unit)?.label ?? { zh: '', en: '' };
    const divergences: Divergence[] = sheet.costs.map((cost) => {
      const decision = decisions.get(cost.decision);
      const slots = (decision?.slots ?? []).map((slot) => {
        const candidate = (unit: string | null | undefined): DebriefCandidate | null => {
          if (!unit) return null;
          const seen = slot.candidates.find((c) => c.unit === unit);
          return {
            unit,
            label: label(unit),
            state: seen?.state ?? 'available',
            travelSeconds: seen?.travelSeconds ?? NaN,
            orderDelaySeconds: seen?.orderDelaySeconds ?? NaN,
          };
        };
        return {
          slot: slot.slot,
          capability: capabilityLabel(slot.capability),
          trainee: candidate(cost.trainee.find((a) => a.slot === slot.slot)?.unit),
          reference: candidate(cost.reference.find((a) => a.slot === slot.slot)?.unit),
          candidates: slot.candidates
            .slice(0, SHOWN)
            .map((c) => candidate(c.unit))
            .filter((c): c is DebriefCandidate => c !== null),
        };
      });
      return { decision: cost.decision, call: cost.call, time: cost.time, cost, slots };
    });
    const source = file.exercise.scenario;
    const doc =
      'builtin' in source
        ? ((await builtinInput(source.builtin)) as unknown as Record<string, unknown>)
        : source.embedded;
    return { ok: true, replay: opened, doc, divergences };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export const trainingDebriefApi = { trainingDebrief };
