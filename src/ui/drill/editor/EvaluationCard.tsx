/**
 * The evaluation sheet (评估表): items with what is evaluated, the standard, the method, the
 * points, options or a score, and the expected actions whose results pre-fill the item.
 */
import { EVALUATION_METHODS, type Step } from '../../../drills/schema.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { useDrill } from '../DrillContext.tsx';
import { valueAt } from '../drillHistory.ts';
import { label } from '../labels.ts';
import { drillStrings } from '../strings.ts';
import { CheckField, MultiField, NumberField, SelectField, TextField } from './DrillFields.tsx';
import { ListButtons, useListEdit } from './lists.tsx';

export function EvaluationCard() {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { workspace } = useDrill();
  const items = (valueAt(workspace?.doc, 'evaluation') as unknown[] | undefined) ?? [];
  const steps = (valueAt(workspace?.doc, 'steps') as Step[] | undefined) ?? [];
  const list = useListEdit('evaluation', t.evaluation);
  const actionOptions = steps.flatMap((step, s) =>
    (step.expected ?? []).map((action, a) => ({
      value: action.id,
      label: `${s + 1}.${a + 1} ${action.description || action.id}`,
    })),
  );
  return (
    <section className="card drill-card" aria-labelledby="drill-evaluation-heading">
      <h3 id="drill-evaluation-heading">{t.evaluation}</h3>
      <ol className="drill-rows">
        {items.map((_, index) => {
          const at = `evaluation[${index}]`;
          return (
            <li key={index} className="drill-row" data-testid="evaluation-row">
              <div className="drill-grid">
                <TextField path={`${at}.item`} label={t.evalItem} className="wide" />
                <TextField path={`${at}.id`} label={t.idLabel} />
                <SelectField
                  path={`${at}.method`}
                  label={t.evalMethod}
                  options={EVALUATION_METHODS.map((m) => ({
                    value: m,
                    label: label('evaluationMethod', m, language),
                  }))}
                />
                <NumberField path={`${at}.weight`} label={t.evalWeight} min={0} />
                <CheckField path={`${at}.options`} label={t.evalOptions} />
                <TextField
                  path={`${at}.content`}
                  label={t.evalContent}
                  multiline
                  className="full"
                />
                <TextField
                  path={`${at}.standard`}
                  label={t.evalStandard}
                  multiline
                  className="full"
                />
              </div>
              <MultiField path={`${at}.actions`} label={t.evalActions} options={actionOptions} />
              <ListButtons list={list} index={index} count={items.length} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        data-testid="add-evaluation-item"
        onClick={() =>
          list.add({
            id: list.freshId('e'),
            item: '',
            content: '',
            standard: '',
            method: 'observe',
            weight: 10,
            options: false,
            actions: [],
          })
        }
      >
        {t.addEvalItem}
      </button>
    </section>
  );
}
