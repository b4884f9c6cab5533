/**
 * The drill's printed forms built as FormDoc data (pure): 演练工作方案 with the prediction's
 * conclusions, 演练脚本 (one row per 环节, total = Σ 时长, the 仿真预测 column filled), 演练评估表,
 * 演练记录表 (planned and predicted times pre-printed) and 观摩手册. The evaluation's forms
 * (总结报告, 问题整改清单) are in buildReports.ts.
 */
import type { Drill, DrillEvaluation, DrillPrediction } from '../../../drills/api.ts';
import type { Language } from '../../i18n.ts';
import { drillClock } from '../consoleModel.ts';
import { commandText, deadlineText, measureText, timingText } from '../describe.ts';
import { label } from '../labels.ts';
import { actionName, conclusions, flagText, type DrillNames } from '../predict/flagText.ts';
import { predictStrings } from '../predict/strings.ts';
import { nameOf, type ScenarioLists } from '../scenarioLists.ts';
import { durationText, plannedTimes, totalDuration } from '../schedule.ts';
import type { FormDoc, FormTable } from './formModel.ts';
import { formStrings } from './strings.ts';

export interface FormContext {
  drill: Drill;
  lists: ScenarioLists;
  language: Language;
  prediction: DrillPrediction | null;
  evaluation?: DrillEvaluation | null;
  /** The evaluator's remarks and name per evaluation item (the evaluation view's edits). */
  scoreNotes?: Record<string, { remarks?: string; evaluator?: string }>;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function namesOf(context: FormContext): DrillNames {
  return { steps: context.drill.steps, objectives: context.drill.objectives, lists: context.lists };
}

function typeText(drill: Drill, language: Language): string {
  const h = drill.header;
  const parts = [
    label('mode', h.mode, language),
    label('scope', h.scope, language),
    label('purpose', h.purpose, language),
    language === 'zh' ? (h.scripted ? '有脚本' : '无脚本') : h.scripted ? 'scripted' : 'unscripted',
  ];
  return parts.join(language === 'zh' ? '、' : ', ');
}

function headerMeta(context: FormContext): Array<[string, string]> {
  const t = formStrings[context.language];
  const h = context.drill.header;
  return [
    [t.organiser, h.organiser],
    [t.type, typeText(context.drill, context.language)],
    [t.date, h.date],
    [t.place, h.place],
    [t.totalDuration, durationText(totalDuration(context.drill.steps), context.language)],
    [t.version, h.version],
    [t.prepared, h.preparedBy],
    [t.reviewed, h.reviewedBy],
    [t.approved, h.approvedBy],
  ];
}

function agencyList(context: FormContext, ids: readonly string[]): string {
  return ids
    .map((id) => nameOf(context.lists.agencies, id))
    .join(context.language === 'zh' ? '、' : ', ');
}

/** The 仿真预测 cell of a step: its predicted release, and each expected action's time and odds. */
function predictionCell(context: FormContext, stepId: string): string {
  const { prediction, language } = context;
  if (!prediction) return '';
  const t = formStrings[language];
  const lines: string[] = [];
  const step = prediction.steps.find((entry) => entry.step === stepId);
  if (step?.releasedAt) {
    lines.push(
      t.predictedRelease(
        drillClock(step.releasedAt.median),
        `${drillClock(step.releasedAt.p10)}–${drillClock(step.releasedAt.p90)}`,
      ),
    );
  }
  const spec = context.drill.steps.find((s) => s.id === stepId);
  for (const [index, action] of (spec?.expected ?? []).entries()) {
    const predicted = prediction.actions.find((entry) => entry.action === action.id);
    if (!predicted) continue;
    const s = context.drill.steps.indexOf(spec!);
    if (predicted.manual) {
      lines.push(t.manualAction(`${s + 1}.${index + 1}`));
      continue;
    }
    const median = predicted.seconds
      ? t.minutes((predicted.seconds.median / 60).toFixed(1))
      : t.notDone;
    lines.push(t.predictedAction(`${s + 1}.${index + 1}`, median, percent(predicted.probability)));
  }
  return lines.join('\n');
}

export function buildScript(context: FormContext): FormDoc {
  const { drill, lists, language } = context;
  const t = formStrings[language];
  const c = t.col;
  const columns = [
    { label: c.number, width: 4 },
    { label: c.phaseStep, width: 12 },
    { label: c.time, width: 9 },
    { label: c.duration, width: 7 },
    { label: c.inject, width: 26 },
    { label: c.method, width: 6 },
    { label: c.from, width: 8 },
    { label: c.to, width: 12 },
    { label: c.performers, width: 10 },
    { label: c.actions, width: 22 },
    { label: c.keyPoints, width: 20 },
    { label: c.prediction, width: 22 },
    { label: c.notes, width: 10 },
  ];
  const rows = drill.steps.map((step, index) => {
    const phase = drill.phases.find((p) => p.id === step.phase)?.name ?? step.phase;
    const performers = [
      ...new Set(step.expected.map((a) => a.agency).filter((a): a is string => !!a)),
    ];
    const actions = step.expected
      .map(
        (action, a) =>
          `${index + 1}.${a + 1} ${action.description || measureText(action, lists, language)}`,
      )
      .join('\n');
    const keyPoints = step.expected
      .map(
        (action, a) =>
          `${index + 1}.${a + 1} ${measureText(action, lists, language)}${language === 'zh' ? '，' : ', '}${deadlineText(action.deadline, action.from, language)}`,
      )
      .join('\n');
    const inject = [
      step.inject.text,
      step.command ? `【${commandText(step.command, lists, language)}】` : '',
    ]
      .filter(Boolean)
      .join('\n');
    return [
      String(index + 1),
      `${phase}\n${step.title}`,
      timingText(step.timing, drill.steps, lists, language),
      durationText(step.duration, language),
      inject,
      label('method', step.inject.method, language),
      step.inject.from,
      agencyList(context, step.inject.to),
      agencyList(context, performers),
      actions,
      keyPoints,
      predictionCell(context, step.id),
      step.notes,
    ];
  });
  const table: FormTable = {
    columns,
    rows,
    footer: ['', t.total, '', durationText(totalDuration(drill.steps), language)],
  };
  return {
    id: 'script',
    language: context.language,
    title: t.forms.script,
    subtitle: drill.header.name,
    meta: headerMeta(context),
    sections: [{ table }],
    orientation: 'landscape',
    note: context.prediction ? predictionNote(context) : undefined,
  };
}

function predictionNote(context: FormContext): string {
  const p = context.prediction!;
  return formStrings[context.language].predictionOf(
    p.seeds.length,
    p.seeds[0],
    p.seeds[p.seeds.length - 1],
  );
}

export function buildPlan(context: FormContext): FormDoc {
  const { drill, lists, language, prediction } = context;
  const t = formStrings[language];
  const zh = language === 'zh';
  const people = drill.participants.reduce((sum, p) => sum + (p.people ?? 0), 0);
  const firstCall = drill.steps.find((s) => s.command?.type === 'call');
  const situation = [
    ...(firstCall?.command ? [commandText(firstCall.command, lists, language)] : []),
    ...drill.phases.filter((p) => p.brief).map((p) => t.phaseBrief(p.name, p.brief)),
  ];
  const weight = drill.evaluation.reduce((sum, item) => sum + item.weight, 0);
  const planned = plannedTimes(drill.steps);
  const conclusionLines = prediction
    ? [
        predictionNote(context),
        ...conclusions(
          prediction,
          namesOf(context),
          drill.clock.deadAir,
          language,
          predictStrings[language],
        ),
        ...prediction.actions.map((action) => {
          if (action.manual)
            return t.manualAction(actionName(namesOf(context), action.action, language));
          const median = action.seconds
            ? t.minutes((action.seconds.median / 60).toFixed(1))
            : t.notDone;
          const name = actionName(namesOf(context), action.action, language);
          return zh
            ? `${name}：${median}，达标概率 ${percent(action.probability)}`
            : `${name}: ${median}, on time in ${percent(action.probability)} of runs`;
        }),
        ...(prediction.flags.length > 0
          ? [
              t.flagsTitle,
              ...prediction.flags.map((flag) => flagText(flag, namesOf(context), language)),
            ]
          : []),
      ]
    : [t.noPrediction];
  return {
    id: 'plan',
    language: context.language,
    title: t.forms.plan,
    subtitle: drill.header.name,
    meta: headerMeta(context),
    orientation: 'portrait',
    sections: [
      {
        heading: t.purpose,
        paragraphs: [
          ...(drill.description ? [drill.description] : []),
          ...(drill.objectives.length > 0 ? [t.objectives] : []),
          ...drill.objectives.map((o, i) => `${i + 1}. ${o.text}`),
        ],
      },
      { heading: t.kind, paragraphs: [typeText(drill, language)] },
      { heading: t.situation, paragraphs: situation },
      {
        heading: t.timePlaceScale,
        paragraphs: [
          `${drill.header.date} ${drill.header.place}`,
          t.scale(
            drill.participants.length,
            people,
            durationText(totalDuration(drill.steps), language),
          ),
        ],
      },
      {
        heading: t.organisation,
        table: {
          columns: [
            { label: t.participantAgency, width: 16 },
            { label: t.participantRoles, width: 14 },
            { label: t.participantPeople, width: 6 },
            { label: t.participantTask, width: 40 },
          ],
          rows: drill.participants.map((p) => [
            nameOf(lists.agencies, p.agency),
            p.roles.map((r) => label('role', r, language)).join(zh ? '、' : ', '),
            p.people === undefined ? '' : String(p.people),
            p.task,
          ]),
        },
      },
      {
        heading: t.procedure,
        paragraphs: [t.procedureNote],
        table: {
          columns: [
            { label: t.col.number, width: 4 },
            { label: t.col.phaseStep, width: 24 },
            { label: t.col.time, width: 14 },
            { label: t.col.duration, width: 8 },
          ],
          rows: drill.steps.map((step, i) => {
            const at = planned.get(step.id);
            return [
              String(i + 1),
              `${drill.phases.find((p) => p.id === step.phase)?.name ?? ''} · ${step.title}`,
              at === null || at === undefined
                ? timingText(step.timing, drill.steps, lists, language)
                : drillClock(at),
              durationText(step.duration, language),
            ];
          }),
        },
      },
      { heading: t.support, paragraphs: [t.supportText] },
      {
        heading: t.evaluationPlan,
        paragraphs: [t.evaluationText(drill.evaluation.length, String(weight))],
      },
      { heading: t.conclusions, paragraphs: conclusionLines },
    ],
  };
}

export function buildEvaluationSheet(context: FormContext): FormDoc {
  const { drill, language, evaluation } = context;
  const t = formStrings[language];
  const e = t.ev;
  const rows = drill.evaluation.map((item) => {
    const score = evaluation?.scores.find((s) => s.item === item.id);
    const filled = item.options
      ? score?.grade
        ? label('grade', score.grade, language)
        : t.gradeChoices
      : score?.score !== null && score?.score !== undefined
        ? String(Number(score.score.toFixed(1)))
        : '';
    return [
      item.item,
      item.content,
      item.standard,
      label('evaluationMethod', item.method, language),
      String(item.weight),
      filled,
      context.scoreNotes?.[item.id]?.remarks ?? '',
      context.scoreNotes?.[item.id]?.evaluator ?? '',
    ];
  });
  const total = drill.evaluation.reduce((sum, item) => sum + item.weight, 0);
  return {
    id: 'evaluation',
    language: context.language,
    title: t.forms.evaluation,
    subtitle: drill.header.name,
    meta: headerMeta(context).slice(0, 4),
    orientation: 'landscape',
    sections: [
      {
        table: {
          columns: [
            { label: e.item, width: 14 },
            { label: e.content, width: 26 },
            { label: e.standard, width: 26 },
            { label: e.method, width: 9 },
            { label: e.weight, width: 7 },
            { label: e.score, width: 12 },
            { label: e.effect, width: 24 },
            { label: e.evaluator, width: 8 },
          ],
          rows,
          footer: [
            t.total,
            '',
            '',
            '',
            String(total),
            evaluation ? String(Number(evaluation.total.score.toFixed(1))) : '',
          ],
        },
      },
    ],
  };
}

/** The record sheet: one row per step release and per expected action, times to fill in. */
export function buildRecordSheet(context: FormContext): FormDoc {
  const { drill, lists, language, prediction } = context;
  const t = formStrings[language];
  const r = t.rec;
  const planned = plannedTimes(drill.steps);
  const rows: string[][] = [];
  drill.steps.forEach((step, index) => {
    const at = planned.get(step.id);
    const release = prediction?.steps.find((s) => s.step === step.id)?.releasedAt;
    rows.push([
      '',
      t.recordTypeRelease,
      `${index + 1}. ${step.title}`,
      step.inject.text || commandText(step.command, lists, language),
      agencyList(context, step.inject.to),
      at === null || at === undefined
        ? timingText(step.timing, drill.steps, lists, language)
        : drillClock(at),
      release ? drillClock(release.median) : '',
      '',
      '',
      '',
    ]);
    step.expected.forEach((action, a) => {
      const predicted = prediction?.actions.find((p) => p.action === action.id);
      const base = action.from === 'start' ? 0 : (at ?? release?.median ?? null);
      const plannedBy =
        base === null
          ? `+${(action.deadline / 60).toFixed(0)}′`
          : drillClock(base + action.deadline);
      const reference =
        predicted?.seconds && (action.from === 'start' || release)
          ? drillClock((action.from === 'start' ? 0 : release!.median) + predicted.seconds.median)
          : '';
      rows.push([
        '',
        t.recordTypeAction,
        `${index + 1}.${a + 1}`,
        action.description || measureText(action, lists, language),
        action.agency ? nameOf(lists.agencies, action.agency) : '',
        plannedBy,
        reference,
        '',
        '',
        '',
      ]);
    });
  });
  return {
    id: 'record',
    language: context.language,
    title: t.forms.record,
    subtitle: drill.header.name,
    meta: headerMeta(context).slice(0, 4),
    orientation: 'landscape',
    sheetHeaderFirst: true,
    sections: [
      {
        table: {
          columns: [
            { label: r.time, width: 9 },
            { label: r.type, width: 6 },
            { label: r.step, width: 12 },
            { label: r.message, width: 30 },
            { label: r.to, width: 12 },
            { label: r.planned, width: 9 },
            { label: r.predicted, width: 9 },
            { label: r.deviation, width: 7 },
            { label: r.note, width: 26 },
            { label: r.recorder, width: 8 },
          ],
          rows,
          blankRows: 6,
        },
      },
    ],
    note: t.recordNote,
  };
}

export function buildHandbook(context: FormContext): FormDoc {
  const { drill, lists, language } = context;
  const t = formStrings[language];
  const planned = plannedTimes(drill.steps);
  return {
    id: 'handbook',
    language: context.language,
    title: t.forms.handbook,
    subtitle: drill.header.name,
    meta: headerMeta(context).slice(0, 5),
    orientation: 'portrait',
    sections: [
      { paragraphs: [t.handbookIntro, ...(drill.description ? [drill.description] : [])] },
      { heading: t.objectives, paragraphs: drill.objectives.map((o, i) => `${i + 1}. ${o.text}`) },
      {
        heading: t.handbookProgram,
        table: {
          columns: [
            { label: t.col.time, width: 10 },
            { label: t.col.phaseStep, width: 30 },
            { label: t.handbookWatch, width: 40 },
          ],
          rows: drill.steps.map((step) => {
            const at = planned.get(step.id);
            return [
              at === null || at === undefined ? '—' : drillClock(at),
              step.title,
              step.expected.map((a) => a.description || measureText(a, lists, language)).join('；'),
            ];
          }),
        },
      },
      {
        heading: t.handbookUnits,
        paragraphs: [
          agencyList(
            context,
            drill.participants.map((p) => p.agency),
          ),
        ],
      },
    ],
  };
}
