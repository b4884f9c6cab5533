/**
 * The evaluator's edits over the computed evaluation (pure): a confirmed or changed score or
 * grade per evaluation item with its remarks, the report's sections rewritten, the improvement
 * list's cells changed. What is not edited follows the computation (a new record changes it).
 */
import type { CorrectiveAction, DrillEvaluation, DrillReport, Grade } from '../../../drills/api.ts';

export interface ScoreEdit {
  score?: number;
  grade?: Grade;
  remarks?: string;
  evaluator?: string;
  confirmed?: boolean;
}

export type CorrectiveField =
  'problem' | 'cause' | 'measure' | 'owner' | 'partner' | 'deadline' | 'status';

export interface EvaluationEdits {
  scores: Record<string, ScoreEdit>;
  /** A report section's paragraphs as typed (one per line). */
  report: Partial<Record<keyof DrillReport, string>>;
  /** Improvement-list cells by the expected action of the row. */
  corrective: Record<string, Partial<Record<CorrectiveField, string>>>;
}

export function emptyEdits(): EvaluationEdits {
  return { scores: {}, report: {}, corrective: {} };
}

export function isEdits(value: unknown): value is EvaluationEdits {
  if (typeof value !== 'object' || value === null) return false;
  const edits = value as Partial<EvaluationEdits>;
  return (
    typeof edits.scores === 'object' &&
    typeof edits.report === 'object' &&
    typeof edits.corrective === 'object'
  );
}

export const REPORT_SECTIONS: Array<keyof DrillReport> = [
  'purpose',
  'timeAndPlace',
  'participants',
  'summary',
  'problems',
  'lessons',
  'recommendations',
];

/** A report section as lines of text (the time and place is one line). */
export function reportLines(report: DrillReport, section: keyof DrillReport): string[] {
  const value = report[section];
  return Array.isArray(value) ? value : [value];
}

export function applyEdits(evaluation: DrillEvaluation, edits: EvaluationEdits): DrillEvaluation {
  const scores = evaluation.scores.map((row) => {
    const edit = edits.scores[row.item];
    if (!edit) return row;
    return {
      ...row,
      ...(edit.score !== undefined ? { score: edit.score } : {}),
      ...(edit.grade !== undefined ? { grade: edit.grade } : {}),
    };
  });
  const scored = scores.filter((row) => row.score !== null);
  const total = {
    ...evaluation.total,
    score: scored.reduce((sum, row) => sum + (row.score ?? 0), 0),
  };
  const report: DrillReport = { ...evaluation.report };
  for (const section of REPORT_SECTIONS) {
    const typed = edits.report[section];
    if (typed === undefined) continue;
    if (section === 'timeAndPlace') report.timeAndPlace = typed;
    else (report[section] as string[]) = typed.split('\n').filter((line) => line.trim() !== '');
  }
  const corrective: CorrectiveAction[] = evaluation.corrective.map((row) => {
    const edit = edits.corrective[row.action];
    if (!edit) return row;
    return {
      ...row,
      ...(edit.problem !== undefined ? { problem: edit.problem } : {}),
      ...(edit.cause !== undefined ? { cause: edit.cause } : {}),
      ...(edit.measure !== undefined ? { measure: edit.measure } : {}),
      ...(edit.owner !== undefined ? { owner: edit.owner } : {}),
      ...(edit.partner !== undefined ? { partner: edit.partner } : {}),
      ...(edit.deadline !== undefined ? { deadline: edit.deadline } : {}),
      ...(edit.status === 'done' || edit.status === 'open' ? { status: edit.status } : {}),
    };
  });
  return { ...evaluation, scores, total, report, corrective };
}
