/**
 * The class: scored sessions of several trainees side by side — per trainee and exercise the
 * score, time to dispatch and the costliest mistakes, and each trainee's progress across the
 * exercises in level order — and the table as CSV for Excel or WPS (UTF-8 with a byte-order
 * mark, so Chinese opens right).
 */
import type { ClassRow, ClassTable, Lang, ScoreSheet } from './api.ts';
import { LEVELS } from './exercises.ts';
import { LEVEL_LABELS } from './levels.ts';
import { csvField } from '../lib/csv.ts';

const traineeKey = (t: { name: string; id: string }) => `${t.id}\u0000${t.name}`;

export function classTable(sheets: ScoreSheet[]): ClassTable {
  const rows: ClassRow[] = sheets.map((sheet) => ({
    trainee: sheet.kind === 'reference' ? { name: '', id: '' } : sheet.trainee,
    exercise: sheet.exercise,
    seed: sheet.seed,
    score: sheet.score,
    fullMarks: sheet.fullMarks,
    meanDispatchSeconds: sheet.overall.meanDispatchSeconds,
    dispatchedInTimeShare: sheet.overall.dispatchedInTimeShare,
    costliest: sheet.costs
      .filter((c) => c.cost > 0)
      .slice(0, 3)
      .map((c) => c.explanation),
  }));
  const order = (row: ClassRow) => LEVELS.indexOf(row.exercise.level);
  rows.sort(
    (a, b) =>
      a.trainee.name.localeCompare(b.trainee.name, 'zh') ||
      a.trainee.id.localeCompare(b.trainee.id) ||
      order(a) - order(b) ||
      a.exercise.id.localeCompare(b.exercise.id) ||
      a.seed - b.seed,
  );
  const byTrainee = new Map<string, ClassTable['progress'][number]>();
  for (const row of rows) {
    const key = traineeKey(row.trainee);
    let entry = byTrainee.get(key);
    if (!entry) byTrainee.set(key, (entry = { trainee: row.trainee, steps: [] }));
    entry.steps.push({ exercise: row.exercise.id, level: row.exercise.level, score: row.score });
  }
  return { rows, progress: [...byTrainee.values()] };
}

export function classTableCsv(table: ClassTable, lang: Lang): string {
  const zh = lang === 'zh';
  const header = zh
    ? [
        '受训人',
        '工号',
        '训练科目',
        '级别',
        '随机种子',
        '得分',
        '满分',
        '平均调派用时（秒）',
        '3分钟调派率',
        '代价最大的决定',
      ]
    : [
        'trainee',
        'number',
        'exercise',
        'level',
        'seed',
        'score',
        'full marks',
        'mean time to dispatch (s)',
        'dispatched within target',
        'costliest decisions',
      ];
  const lines = [header.map((value) => csvField(value)).join(',')];
  for (const row of table.rows) {
    lines.push(
      [
        row.trainee.name || (zh ? '参考方案' : 'reference'),
        row.trainee.id,
        row.exercise.title[lang],
        LEVEL_LABELS[row.exercise.level][lang],
        row.seed,
        row.score,
        row.fullMarks,
        row.meanDispatchSeconds === null ? null : Math.round(row.meanDispatchSeconds),
        row.dispatchedInTimeShare === null
          ? null
          : `${Math.round(row.dispatchedInTimeShare * 1000) / 10}%`,
        row.costliest.map((c) => c[lang]).join(zh ? '；' : '; '),
      ]
        .map((value) => csvField(value))
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
