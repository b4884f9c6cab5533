/**
 * The evaluation (评估总结): the deviation table (planned, predicted, actual, deviation, met),
 * the evaluation sheet pre-filled from the record for the evaluator to confirm, the draft
 * 总结报告 and the 问题整改清单 — all editable (saved per keystroke), priced by simulation when
 * the drill carries its fixes as scenario variants, and exported as Word and Excel.
 */
import { useState } from 'react';
import type { DrillEvaluation, Grade } from '../../../drills/api.ts';
import { priceDrillRemedies } from '../../../worker/drillClient.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { useDrill } from '../DrillContext.tsx';
import { downloadBlob } from '../files.ts';
import { namesOf, type FormContext } from '../forms/buildForms.ts';
import { buildImprovements, buildReport, deviationTable } from '../forms/buildReports.ts';
import { formFileName } from '../forms/formModel.ts';
import { label } from '../labels.ts';
import { usePrediction } from '../predict/PredictionContext.tsx';
import { actionName } from '../predict/flagText.ts';
import { scenarioLists } from '../scenarioLists.ts';
import { useEvaluation } from './EvaluationContext.tsx';
import { REPORT_SECTIONS, reportLines, type CorrectiveField } from './evaluationEdits.ts';
import { evaluateStrings } from './strings.ts';
import { formStrings } from '../forms/strings.ts';

export function useFormContext(): FormContext | null {
  const language = useLanguage();
  const { check, scenarioDoc } = useDrill();
  const prediction = usePrediction();
  const { evaluation, edits } = useEvaluation();
  if (!check?.ok) return null;
  return {
    scoreNotes: edits.scores,
    drill: check.drill,
    lists: scenarioLists(scenarioDoc, language),
    language,
    prediction: prediction.result && !prediction.stale ? prediction.result.prediction : null,
    evaluation,
  };
}

export function EvaluateView() {
  const t = useStrings(evaluateStrings);
  const context = useFormContext();
  const { evaluation } = useEvaluation();
  return (
    <section
      className="card drill-card"
      aria-labelledby="drill-evaluate-heading"
      data-testid="drill-evaluate"
    >
      <h3 id="drill-evaluate-heading">{t.title}</h3>
      <p className="hint">{t.intro}</p>
      {!context ? (
        <p className="problems">{t.invalid}</p>
      ) : !evaluation ? (
        <p className="placeholder" data-testid="evaluate-empty">
          {t.noRecord}
        </p>
      ) : (
        <EvaluationBody context={context} evaluation={evaluation} />
      )}
    </section>
  );
}

function EvaluationBody({
  context,
  evaluation,
}: {
  context: FormContext;
  evaluation: DrillEvaluation;
}) {
  const t = useStrings(evaluateStrings);
  const table = deviationTable(context, evaluation);
  return (
    <div data-testid="evaluation">
      <div className="drill-print-toolbar">
        <button
          type="button"
          data-testid="export-report-docx"
          onClick={async () => {
            const { formToDocx } = await import('../forms/toDocx.ts');
            const form = buildReport(context, evaluation);
            downloadBlob(formFileName(form, 'docx'), await formToDocx(form));
          }}
        >
          {t.exportReport}
        </button>
        <button
          type="button"
          data-testid="export-improvements-xlsx"
          onClick={async () => {
            const { formsToXlsx } = await import('../forms/toXlsx.ts');
            const form = buildImprovements(context, evaluation);
            downloadBlob(formFileName(form, 'xlsx'), await formsToXlsx([form]));
          }}
        >
          {t.exportImprovements}
        </button>
      </div>
      {!context.prediction && <p className="hint">{t.noPrediction}</p>}
      <h4>{t.deviation}</h4>
      <p>
        {t.points(String(evaluation.pointsMet), String(evaluation.pointsTotal))}
        {evaluation.pausedSeconds > 0
          ? ` ${t.paused((evaluation.pausedSeconds / 60).toFixed(1))}`
          : ''}
      </p>
      <div className="drill-scroll">
        <table className="drill-table" data-testid="deviation-table">
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.label}>{column.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr
                key={i}
                data-testid="deviation-row"
                className={evaluation.rows[i].met ? undefined : 'drill-bad'}
              >
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ScoreSheet context={context} evaluation={evaluation} />
      <ReportEditor evaluation={evaluation} />
      <CorrectiveEditor context={context} evaluation={evaluation} />
    </div>
  );
}

function ScoreSheet({
  context,
  evaluation,
}: {
  context: FormContext;
  evaluation: DrillEvaluation;
}) {
  const t = useStrings(evaluateStrings);
  const language = context.language;
  const { edits, setEdits, computed } = useEvaluation();
  const set = (item: string, change: Record<string, unknown>) =>
    setEdits((current) => ({
      ...current,
      scores: { ...current.scores, [item]: { ...current.scores[item], ...change } },
    }));
  return (
    <>
      <h4>{t.sheet}</h4>
      {context.drill.evaluation.length === 0 && <p className="hint">{t.noItems}</p>}
      <table className="drill-table" data-testid="score-sheet">
        <thead>
          <tr>
            <th>{t.item}</th>
            <th>{t.weight}</th>
            <th>{t.computed}</th>
            <th>{t.score}</th>
            <th>{t.remarks}</th>
            <th>{t.evaluator}</th>
            <th>{t.confirmed}</th>
          </tr>
        </thead>
        <tbody>
          {context.drill.evaluation.map((item) => {
            const row = evaluation.scores.find((s) => s.item === item.id);
            const base = computed?.scores.find((s) => s.item === item.id);
            const edit = edits.scores[item.id] ?? {};
            return (
              <tr key={item.id} data-testid="score-row">
                <td>{item.item}</td>
                <td>{item.weight}</td>
                <td>
                  {base?.share === null || base?.share === undefined
                    ? '—'
                    : `${Math.round(base.share * 100)}%`}
                  {base?.grade ? ` · ${label('grade', base.grade, language)}` : ''}
                </td>
                <td>
                  {item.options ? (
                    <select
                      aria-label={t.score}
                      value={row?.grade ?? ''}
                      onChange={(event) =>
                        set(item.id, {
                          grade: (event.target.value || undefined) as Grade | undefined,
                        })
                      }
                    >
                      <option value="">—</option>
                      {(['excellent', 'good', 'fair', 'poor'] as const).map((grade) => (
                        <option key={grade} value={grade}>
                          {label('grade', grade, language)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      aria-label={t.score}
                      inputMode="decimal"
                      size={5}
                      value={
                        edit.score ??
                        (row?.score === null || row?.score === undefined
                          ? ''
                          : String(Number(row.score.toFixed(1))))
                      }
                      onChange={(event) => {
                        const value = Number(event.target.value);
                        if (
                          event.target.value.trim() !== '' &&
                          Number.isFinite(value) &&
                          value >= 0 &&
                          value <= item.weight
                        )
                          set(item.id, { score: value });
                      }}
                    />
                  )}
                </td>
                <td>
                  <input
                    aria-label={t.remarks}
                    value={edit.remarks ?? ''}
                    onChange={(event) => set(item.id, { remarks: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t.evaluator}
                    size={6}
                    value={edit.evaluator ?? ''}
                    onChange={(event) => set(item.id, { evaluator: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.confirmed}
                    checked={edit.confirmed === true}
                    onChange={(event) => set(item.id, { confirmed: event.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p data-testid="score-total">
        {t.total(
          String(Number(evaluation.total.score.toFixed(1))),
          String(evaluation.total.weight),
          evaluation.total.grade ? label('grade', evaluation.total.grade, language) : '',
        )}
      </p>
    </>
  );
}

function ReportEditor({ evaluation }: { evaluation: DrillEvaluation }) {
  const t = useStrings(evaluateStrings);
  const f = useStrings(formStrings);
  const { edits, setEdits } = useEvaluation();
  const headings = [
    f.report.purpose,
    f.report.timePlace,
    f.report.participants,
    f.report.summary,
    f.report.problems,
    f.report.lessons,
    f.report.recommendations,
  ];
  return (
    <>
      <h4>
        {t.report}{' '}
        <button type="button" onClick={() => setEdits((current) => ({ ...current, report: {} }))}>
          {t.restore}
        </button>
      </h4>
      <div className="drill-grid" data-testid="report-editor">
        {REPORT_SECTIONS.map((section, index) => (
          <label key={section} className="drill-field full">
            {headings[index]}
            <textarea
              rows={Math.min(8, Math.max(2, reportLines(evaluation.report, section).length + 1))}
              value={edits.report[section] ?? reportLines(evaluation.report, section).join('\n')}
              data-testid={`report-${section}`}
              onChange={(event) =>
                setEdits((current) => ({
                  ...current,
                  report: { ...current.report, [section]: event.target.value },
                }))
              }
            />
          </label>
        ))}
      </div>
    </>
  );
}

function CorrectiveEditor({
  context,
  evaluation,
}: {
  context: FormContext;
  evaluation: DrillEvaluation;
}) {
  const t = useStrings(evaluateStrings);
  const f = useStrings(formStrings);
  const language = context.language;
  const { workspace } = useDrill();
  const prediction = usePrediction();
  const { edits, setEdits, setEffects } = useEvaluation();
  const [pricing, setPricing] = useState<{
    state: 'running' | 'done' | 'failed';
    text: string;
  } | null>(null);
  const set = (action: string, field: CorrectiveField, value: string) =>
    setEdits((current) => ({
      ...current,
      corrective: {
        ...current.corrective,
        [action]: { ...current.corrective[action], [field]: value },
      },
    }));
  const price = async () => {
    if (!workspace || !context.prediction) {
      setPricing({ state: 'failed', text: t.priceNeedsPrediction });
      return;
    }
    setPricing({ state: 'running', text: t.pricing });
    try {
      const effects = await priceDrillRemedies(workspace.doc, context.prediction, language);
      setEffects(effects);
      setPricing({ state: 'done', text: t.priced(effects.length) });
    } catch (error) {
      setPricing({ state: 'failed', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const fields: CorrectiveField[] = ['problem', 'cause', 'measure', 'owner', 'partner', 'deadline'];
  return (
    <>
      <h4>{t.corrective}</h4>
      <div className="drill-print-toolbar">
        <button
          type="button"
          data-testid="price-remedies"
          disabled={prediction.status === 'running'}
          onClick={() => void price()}
        >
          {t.price}
        </button>
        {pricing && (
          <span role="status" data-testid="remedies-status" data-state={pricing.state}>
            {pricing.text}
          </span>
        )}
      </div>
      {evaluation.corrective.length === 0 ? (
        <p>{t.noCorrective}</p>
      ) : (
        <div className="drill-scroll">
          <table className="drill-table" data-testid="corrective-table">
            <thead>
              <tr>
                <th>{f.imp.number}</th>
                {fields.map((field) => (
                  <th key={field}>{f.imp[field === 'problem' ? 'problem' : field]}</th>
                ))}
                <th>{f.imp.status}</th>
                <th>{f.imp.effect}</th>
              </tr>
            </thead>
            <tbody>
              {evaluation.corrective.map((row) => (
                <tr
                  key={row.action}
                  data-testid="corrective-row"
                  title={actionName(namesOf(context), row.action, language)}
                >
                  <td>{row.number}</td>
                  {fields.map((field) => (
                    <td key={field}>
                      <textarea
                        rows={2}
                        aria-label={f.imp[field]}
                        value={edits.corrective[row.action]?.[field] ?? String(row[field] ?? '')}
                        onChange={(event) => set(row.action, field, event.target.value)}
                      />
                    </td>
                  ))}
                  <td>
                    <select
                      aria-label={f.imp.status}
                      value={row.status}
                      onChange={(event) => set(row.action, 'status', event.target.value)}
                    >
                      <option value="open">{t.open}</option>
                      <option value="done">{t.done}</option>
                    </select>
                  </td>
                  <td>
                    {row.effect
                      ? f.effectText(
                          `${Math.round(row.effect.before * 100)}%`,
                          `${Math.round(row.effect.after * 100)}%`,
                        )
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
