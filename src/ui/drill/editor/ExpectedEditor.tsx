/**
 * A step's expected actions (期望行动): which agency does what by when, judged by what the
 * simulation (or a recorder) shows, with points, the objective it serves and a contingency
 * inject (应变导调) released when it is late.
 */
import { MEASURES, INJECT_METHODS } from '../../../drills/schema.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { replayStrings } from '../../replay/strings.ts';
import { useDrill } from '../DrillContext.tsx';
import { setValueAt, valueAt } from '../drillHistory.ts';
import { capabilityLabel, label } from '../labels.ts';
import type { ScenarioLists } from '../scenarioLists.ts';
import { drillStrings } from '../strings.ts';
import { CommandEditor } from './CommandEditor.tsx';
import { MultiField, NumberField, SelectField, TextField } from './DrillFields.tsx';
import { ListButtons, useListEdit } from './lists.tsx';
import type { ScenarioDoc } from '../../workspace/history.ts';

/** Causes of the trace an approval, request, report or hand-over can be about. */
const CAUSES_BY_MEASURE: Record<string, string[]> = {
  approved: ['fireRescueApproval', 'seasonalApproval', 'militaryApproval', 'directRequest'],
  requested: ['crossRegion', 'sarRequest', 'neighbourRequest', 'militaryApproval', 'directRequest'],
  reported: ['arrivalReport', 'completionReport'],
  commandHandedOver: ['firstReceiver', 'maritimeSAR', 'township', 'county', 'city'],
  graded: ['township', 'county', 'city'],
};

export function ExpectedEditor({
  stepPath,
  lists,
  scenarioDoc,
}: {
  stepPath: string;
  lists: ScenarioLists;
  scenarioDoc: ScenarioDoc | null;
}) {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { workspace, edit } = useDrill();
  const path = `${stepPath}.expected`;
  const actions =
    (valueAt(workspace?.doc, path) as Array<Record<string, unknown>> | undefined) ?? [];
  const stepId = String(valueAt(workspace?.doc, `${stepPath}.id`) ?? 's');
  const steps =
    (valueAt(workspace?.doc, 'steps') as Array<{ id: string; title: string }> | undefined) ?? [];
  const objectives =
    (valueAt(workspace?.doc, 'objectives') as Array<{ id: string; text: string }> | undefined) ??
    [];
  const list = useListEdit(path, t.expected);
  const causes = replayStrings[language].causes as Record<string, string>;
  const agencyOptions = lists.agencies.map((a) => ({ value: a.id, label: a.name }));
  const capabilityOptions = lists.capabilities.map((c) => ({
    value: c,
    label: capabilityLabel(c, language),
  }));
  const measureOptions = MEASURES.map((m) => ({ value: m, label: label('measure', m, language) }));

  return (
    <fieldset className="drill-expected" data-testid="expected-editor">
      <legend>{t.expected}</legend>
      <ol className="drill-rows">
        {actions.map((action, index) => {
          const at = `${path}[${index}]`;
          const what = String(action.what ?? '');
          const causeOptions = (CAUSES_BY_MEASURE[what] ?? []).map((cause) => ({
            value: cause,
            label: causes[cause] ?? cause,
          }));
          const contingency = action.contingency as Record<string, unknown> | undefined;
          return (
            <li key={index} className="drill-row" data-testid="expected-row">
              <div className="drill-grid">
                <TextField
                  path={`${at}.description`}
                  label={t.actionText}
                  className="wide"
                  testId="action-description"
                />
                <TextField path={`${at}.id`} label={t.idLabel} />
                <SelectField
                  path={`${at}.what`}
                  label={t.actionWhat}
                  options={measureOptions}
                  testId="action-what"
                />
                <SelectField
                  path={`${at}.agency`}
                  label={t.actionAgency}
                  optional
                  emptyLabel={t.anyAgency}
                  options={agencyOptions}
                  testId="action-agency"
                />
                <SelectField
                  path={`${at}.capability`}
                  label={t.actionCapability}
                  optional
                  emptyLabel={t.anyCapability}
                  options={capabilityOptions}
                />
                {(what === 'arrivals' || what === 'prepositioned') && (
                  <>
                    <NumberField path={`${at}.count`} label={t.actionCount} min={1} />
                    <SelectField
                      path={`${at}.countOf`}
                      label={t.actionCountOf}
                      options={['units', 'people'].map((v) => ({
                        value: v,
                        label: label('countOf', v, language),
                      }))}
                    />
                  </>
                )}
                {causeOptions.length > 0 && (
                  <SelectField
                    path={`${at}.cause`}
                    label={t.actionCause}
                    optional
                    options={causeOptions}
                  />
                )}
                <NumberField
                  path={`${at}.deadline`}
                  label={t.deadline}
                  unit={t.minutes}
                  scale={60}
                  min={0}
                  testId="action-deadline"
                />
                <SelectField
                  path={`${at}.from`}
                  label={t.deadlineFrom}
                  options={['inject', 'start'].map((v) => ({
                    value: v,
                    label: label('from', v, language),
                  }))}
                />
                <NumberField path={`${at}.points`} label={t.points} min={0} />
                <SelectField
                  path={`${at}.incidentOf`}
                  label={t.incidentOf}
                  optional
                  emptyLabel={t.thisStep}
                  options={steps.map((s, i) => ({ value: s.id, label: `${i + 1}. ${s.title}` }))}
                />
                <SelectField
                  path={`${at}.objective`}
                  label={t.actionObjective}
                  optional
                  emptyLabel={t.none}
                  options={objectives.map((o, i) => ({
                    value: o.id,
                    label: `${i + 1}. ${o.text.slice(0, 30)}`,
                  }))}
                />
              </div>
              {contingency ? (
                <fieldset className="drill-contingency">
                  <legend>{t.contingency}</legend>
                  <div className="drill-grid">
                    <SelectField
                      path={`${at}.contingency.inject.method`}
                      label={t.injectMethod}
                      options={INJECT_METHODS.map((m) => ({
                        value: m,
                        label: label('method', m, language),
                      }))}
                    />
                    <TextField path={`${at}.contingency.inject.from`} label={t.injectFrom} />
                    <TextField
                      path={`${at}.contingency.inject.text`}
                      label={t.injectText}
                      multiline
                      className="full"
                    />
                    <MultiField
                      path={`${at}.contingency.inject.to`}
                      label={t.injectTo}
                      options={agencyOptions}
                      className="full"
                    />
                  </div>
                  <CommandEditor
                    path={`${at}.contingency.command`}
                    lists={lists}
                    scenarioDoc={scenarioDoc}
                  />
                  <button
                    type="button"
                    onClick={() =>
                      edit(t.removeContingency, (draft) =>
                        setValueAt(draft, `${at}.contingency`, undefined),
                      )
                    }
                  >
                    {t.removeContingency}
                  </button>
                </fieldset>
              ) : (
                <button
                  type="button"
                  onClick={() =>
                    edit(t.addContingency, (draft) =>
                      setValueAt(draft, `${at}.contingency`, {
                        inject: { method: 'phone', from: '', to: [], text: '' },
                      }),
                    )
                  }
                >
                  {t.addContingency}
                </button>
              )}
              <ListButtons list={list} index={index} count={actions.length} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        data-testid="add-expected"
        onClick={() =>
          list.add({
            id: list.freshId(`${stepId}-a`),
            what: 'firstArrival',
            description: '',
            deadline: 900,
            from: 'inject',
            points: 10,
          })
        }
      >
        {t.addExpected}
      </button>
    </fieldset>
  );
}
