/**
 * Print and export (打印与导出): pick a form — 演练工作方案, 演练脚本, 演练评估表, 演练记录表,
 * 观摩手册, and after the drill the 总结报告 and 问题整改清单 — see it as its A4 page, print it
 * (the page's print shows only the form: drill.css), or export it: the plan and the report as
 * editable Word (.docx), the script, record and evaluation sheets as Excel (.xlsx).
 */
import { useEffect, useState } from 'react';
import { useStrings } from '../../i18n.ts';
import { useNavigation } from '../../shell/navigation.ts';
import { useFormContext } from '../evaluate/EvaluateView.tsx';
import { downloadBlob } from '../files.ts';
import { usePrediction } from '../predict/PredictionContext.tsx';
import {
  buildEvaluationSheet,
  buildHandbook,
  buildPlan,
  buildRecordSheet,
  buildScript,
  type FormContext,
} from './buildForms.ts';
import { buildImprovements, buildReport } from './buildReports.ts';
import { formFileName, type FormDoc, type FormId } from './formModel.ts';
import { PrintForm } from './PrintForm.tsx';
import { formStrings } from './strings.ts';

const FORMS: FormId[] = [
  'plan',
  'script',
  'evaluation',
  'record',
  'handbook',
  'report',
  'improvements',
];
const DOCX: FormId[] = ['plan', 'handbook', 'report'];
const XLSX: FormId[] = ['script', 'evaluation', 'record', 'improvements'];

function buildForm(id: FormId, context: FormContext): FormDoc | null {
  switch (id) {
    case 'plan':
      return buildPlan(context);
    case 'script':
      return buildScript(context);
    case 'evaluation':
      return buildEvaluationSheet(context);
    case 'record':
      return buildRecordSheet(context);
    case 'handbook':
      return buildHandbook(context);
    case 'report':
      return context.evaluation ? buildReport(context, context.evaluation) : null;
    case 'improvements':
      return context.evaluation ? buildImprovements(context, context.evaluation) : null;
  }
}

const printStrings = {
  zh: {
    form: '文书',
    print: '打印',
    docx: '导出 Word（.docx）',
    xlsx: '导出 Excel（.xlsx）',
    allSheets: '导出脚本、记录表和评估表（一个 Excel 文件）',
    needsEvaluation: '演练结束并记录后，在“评估总结”中生成。',
    invalid: '演练方案有错误，请先改正。',
    stalePrediction: '仿真预演已过时或尚未进行：“仿真预测”一栏为空。',
    exporting: '正在生成…',
  },
  en: {
    form: 'Form',
    print: 'Print',
    docx: 'Export Word (.docx)',
    xlsx: 'Export Excel (.xlsx)',
    allSheets: 'Export the script, record and evaluation sheets (one Excel file)',
    needsEvaluation: 'Made in Evaluate once the drill has been recorded.',
    invalid: 'The drill has errors: correct them first.',
    stalePrediction: 'No current prediction: the “Predicted” column is empty.',
    exporting: 'Making the file…',
  },
};

export function PrintView({ active }: { active: boolean }) {
  const t = useStrings(printStrings);
  const f = useStrings(formStrings);
  const context = useFormContext();
  const prediction = usePrediction();
  const { view } = useNavigation();
  const [formId, setFormId] = useState<FormId>('script');
  const [busy, setBusy] = useState(false);
  const visible = active && view === 'drill';

  // While a form is shown, the page's print is the form (drill.css).
  useEffect(() => {
    if (!visible) return;
    document.body.classList.add('drill-printing');
    return () => document.body.classList.remove('drill-printing');
  }, [visible]);

  if (!context) return <p className="problems">{t.invalid}</p>;
  const form = buildForm(formId, context);
  const exportAs = async (kind: 'docx' | 'xlsx', forms: FormDoc[], name: string) => {
    setBusy(true);
    try {
      const blob =
        kind === 'docx'
          ? await (await import('./toDocx.ts')).formToDocx(forms[0])
          : await (await import('./toXlsx.ts')).formsToXlsx(forms);
      downloadBlob(name, blob);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="drill-print">
      <div className="drill-print-toolbar">
        <label>
          {t.form}{' '}
          <select
            data-testid="print-form"
            value={formId}
            onChange={(event) => setFormId(event.target.value as FormId)}
          >
            {FORMS.map((id) => (
              <option key={id} value={id}>
                {f.forms[id]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          data-testid="print-button"
          disabled={!form}
          onClick={() => window.print()}
        >
          {t.print}
        </button>
        {form && DOCX.includes(formId) && (
          <button
            type="button"
            data-testid="export-docx"
            disabled={busy}
            onClick={() => void exportAs('docx', [form], formFileName(form, 'docx'))}
          >
            {t.docx}
          </button>
        )}
        {form && XLSX.includes(formId) && (
          <button
            type="button"
            data-testid="export-xlsx"
            disabled={busy}
            onClick={() => void exportAs('xlsx', [form], formFileName(form, 'xlsx'))}
          >
            {t.xlsx}
          </button>
        )}
        <button
          type="button"
          data-testid="export-sheets"
          disabled={busy}
          onClick={() => {
            const forms = [
              buildScript(context),
              buildRecordSheet(context),
              buildEvaluationSheet(context),
            ];
            void exportAs('xlsx', forms, `${context.drill.id}.xlsx`);
          }}
        >
          {t.allSheets}
        </button>
        {busy && <span role="status">{t.exporting}</span>}
      </div>
      {!context.prediction && (formId === 'script' || formId === 'plan') && (
        <p className="hint drill-no-print" data-testid="print-no-prediction">
          {prediction.status === 'running' ? '' : t.stalePrediction}
        </p>
      )}
      {form ? <PrintForm form={form} /> : <p className="placeholder">{t.needsEvaluation}</p>}
    </div>
  );
}
