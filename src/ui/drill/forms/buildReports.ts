/**
 * The evaluation's forms (pure): the 总结报告 (2009 guide's sections, and the measured comparison
 * of planned, predicted and actual) and the 问题整改清单, from the evaluation as the evaluator
 * left it (evaluationEdits.ts).
 */
import type { DrillEvaluation } from '../../../drills/api.ts';
import { actionName } from '../predict/flagText.ts';
import { REPORT_SECTIONS, reportLines } from '../evaluate/evaluationEdits.ts';
import { namesOf, type FormContext } from './buildForms.ts';
import type { FormDoc, FormTable } from './formModel.ts';
import { formStrings } from './strings.ts';

const minutes = (seconds: number | null) => (seconds === null ? '—' : (seconds / 60).toFixed(1));
const signedMinutes = (seconds: number | null) =>
  seconds === null ? '—' : `${seconds > 0 ? '+' : ''}${(seconds / 60).toFixed(1)}`;

export function deviationTable(context: FormContext, evaluation: DrillEvaluation): FormTable {
  const t = formStrings[context.language];
  const d = t.dev;
  const unit = context.language === 'zh' ? '（分钟）' : ' (min)';
  return {
    columns: [
      { label: d.action, width: 30 },
      { label: `${d.planned}${unit}`, width: 9 },
      { label: `${d.predicted}${unit}`, width: 9 },
      { label: `${d.actual}${unit}`, width: 9 },
      { label: `${d.deviation}${unit}`, width: 9 },
      { label: d.met, width: 6 },
      { label: d.note, width: 20 },
    ],
    rows: evaluation.rows.map((row) => [
      actionName(namesOf(context), row.action, context.language),
      minutes(row.planned),
      row.predicted === null
        ? '—'
        : `${minutes(row.predicted)}${row.probability === null ? '' : `（${Math.round(row.probability * 100)}%）`}`,
      minutes(row.actual),
      signedMinutes(row.deviation),
      row.met ? t.yes : t.no,
      row.note,
    ]),
  };
}

export function buildReport(context: FormContext, evaluation: DrillEvaluation): FormDoc {
  const t = formStrings[context.language];
  const headings = [
    t.report.purpose,
    t.report.timePlace,
    t.report.participants,
    t.report.summary,
    t.report.problems,
    t.report.lessons,
    t.report.recommendations,
  ];
  return {
    id: 'report',
    language: context.language,
    title: t.forms.report,
    subtitle: context.drill.header.name,
    meta: [
      [t.organiser, context.drill.header.organiser],
      [t.date, context.drill.header.date],
      [t.place, context.drill.header.place],
    ],
    orientation: 'portrait',
    sections: [
      ...REPORT_SECTIONS.map((section, index) => ({
        heading: headings[index],
        paragraphs: reportLines(evaluation.report, section),
      })),
      { heading: t.report.comparison, table: deviationTable(context, evaluation) },
    ],
  };
}

export function buildImprovements(context: FormContext, evaluation: DrillEvaluation): FormDoc {
  const t = formStrings[context.language];
  const i = t.imp;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return {
    id: 'improvements',
    language: context.language,
    title: t.forms.improvements,
    subtitle: context.drill.header.name,
    meta: [
      [t.organiser, context.drill.header.organiser],
      [t.date, context.drill.header.date],
    ],
    orientation: 'landscape',
    sections: [
      {
        table: {
          columns: [
            { label: i.number, width: 4 },
            { label: i.problem, width: 24 },
            { label: i.cause, width: 20 },
            { label: i.measure, width: 24 },
            { label: i.owner, width: 10 },
            { label: i.partner, width: 10 },
            { label: i.deadline, width: 10 },
            { label: i.status, width: 7 },
            { label: i.review, width: 6 },
            { label: i.effect, width: 16 },
          ],
          rows: evaluation.corrective.map((row) => [
            String(row.number),
            row.problem,
            row.cause,
            row.measure,
            row.owner ?? '',
            row.partner ?? '',
            row.deadline,
            row.status === 'done' ? t.statusDone : t.statusOpen,
            '',
            row.effect ? t.effectText(percent(row.effect.before), percent(row.effect.after)) : '',
          ]),
        },
      },
    ],
  };
}
