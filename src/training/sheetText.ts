/**
 * The score sheet as text (the CLI prints it): the header, the overall figures against the
 * reference, one line per call in the 考核表's columns, the deductions with their reasons, and
 * the three costliest decisions. One language at a time.
 */
import type { Lang, ScoreSheet } from './api.ts';
import { LEVEL_LABELS } from './levels.ts';
import { duration } from './messages.ts';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
const secs = (seconds: number | null, lang: Lang) =>
  seconds === null ? '—' : duration(seconds, lang);

export function scoreSheetText(sheet: ScoreSheet, lang: Lang): string {
  const zh = lang === 'zh';
  const o = sheet.overall;
  const lines: string[] = [];
  const who =
    sheet.kind === 'reference'
      ? zh
        ? '参考方案（内置调度）'
        : 'reference (built-in dispatcher)'
      : sheet.trainee.name || (zh ? '（未署名）' : '(no name)');
  lines.push(zh ? '接警调度员考核表' : 'Operator score sheet');
  lines.push(
    zh
      ? `训练科目：${sheet.exercise.title.zh}（${LEVEL_LABELS[sheet.exercise.level].zh}）  受训人：${who}${sheet.trainee.id ? `（${sheet.trainee.id}）` : ''}  随机种子：${sheet.seed}`
      : `Exercise: ${sheet.exercise.title.en} (${LEVEL_LABELS[sheet.exercise.level].en})  Trainee: ${who}${sheet.trainee.id ? ` (${sheet.trainee.id})` : ''}  Seed: ${sheet.seed}`,
  );
  lines.push(
    zh ? `得分：${sheet.score} / ${sheet.fullMarks}` : `Score: ${sheet.score} / ${sheet.fullMarks}`,
  );
  lines.push('');
  lines.push(zh ? '总体（受训人 / 参考方案）' : 'Overall (trainee / reference)');
  const row = (label: string, mine: string, reference: string) =>
    lines.push(`  ${label}: ${mine} / ${reference}`);
  row(zh ? '警情数' : 'calls', String(o.calls), String(o.calls));
  row(zh ? '10 秒接听率' : 'answered within target', pct(o.answeredInTimeShare), '100%');
  row(
    zh ? '3 分钟调派率' : 'dispatched within target',
    pct(o.dispatchedInTimeShare),
    pct(o.referenceDispatchedInTimeShare),
  );
  row(
    zh ? '平均调派用时' : 'mean time to dispatch',
    secs(o.meanDispatchSeconds, lang),
    secs(o.referenceMeanDispatchSeconds, lang),
  );
  row(zh ? '研判正确率' : 'triage correct', pct(o.triageCorrectShare), '100%');
  row(zh ? '力量调派正确率' : 'capability and tier right', pct(o.capabilityRightShare), '100%');
  row(
    zh ? '平均响应时间' : 'mean response time',
    secs(o.meanResponseSeconds, lang),
    secs(o.referenceMeanResponseSeconds, lang),
  );
  row(
    zh ? '到场达标（起）' : 'arrivals within target',
    String(o.withinTarget),
    String(o.referenceWithinTarget),
  );
  row(zh ? '未处置（起）' : 'unserved calls', String(o.unserved), String(o.referenceUnserved));
  row(
    zh ? '调派后辖区无空闲力量（次）' : 'districts left without a free unit',
    String(o.coverageLost),
    String(o.referenceCoverageLost),
  );
  lines.push('');
  lines.push(
    zh
      ? '序号 | 警情性质 | 振铃→摘机 | 调派用时（参考） | 警情研判 | 调派方案 | 联动通知 | 响应时间（参考） | 扣分'
      : 'no. | kind | ring→pick-up | to dispatch (ref.) | triage | units | linkage | response (ref.) | deducted',
  );
  for (const c of sheet.calls) {
    const units = c.slots
      .map((s) => `${s.capability[lang]}:${s.trainee ? s.trainee.label[lang] : zh ? '空' : 'open'}`)
      .join(zh ? '、' : ', ');
    const linkage = c.procedure.linkage
      ? `${c.procedure.linkage.notified.map((name) => name[lang]).join(zh ? '、' : ', ') || '—'}${c.procedure.linkage.pathRight ? '' : zh ? '（途径有误）' : ' (wrong path)'}`
      : '—';
    const lost = c.deductions.reduce((sum, d) => sum + d.points, 0);
    lines.push(
      [
        String(c.call + 1),
        c.truth.kindLabel[lang] +
          (c.truth.duplicateOf !== null ? (zh ? '（重复报警）' : ' (repeat call)') : ''),
        secs(c.answerSeconds, lang),
        `${secs(c.dispatchSeconds, lang)} (${secs(c.referenceDispatchSeconds, lang)})`,
        c.triage.correct ? '✓' : c.triage.wrong.map((w) => w[lang]).join(zh ? '；' : '; '),
        units || '—',
        linkage,
        `${secs(c.outcome.responseSeconds, lang)} (${secs(c.outcome.referenceResponseSeconds, lang)})`,
        lost > 0 ? `−${lost}` : '0',
      ].join(' | '),
    );
  }
  lines.push('');
  lines.push(zh ? '扣分原因' : 'Deductions');
  if (sheet.deductions.length === 0) lines.push(zh ? '  无' : '  none');
  for (const d of sheet.deductions) lines.push(`  −${d.points}  ${d.reason[lang]}`);
  lines.push('');
  lines.push(zh ? '代价最大的三个决定' : 'The three costliest decisions');
  const costly = sheet.costs.filter((c) => c.cost > 0).slice(0, 3);
  if (costly.length === 0)
    lines.push(
      zh ? '  无（各决定均不比参考方案差）' : '  none (no decision did worse than the reference)',
    );
  costly.forEach((c, i) => lines.push(`  ${i + 1}. ${c.explanation[lang]}`));
  return lines.join('\n');
}
