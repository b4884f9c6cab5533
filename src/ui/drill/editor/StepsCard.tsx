/**
 * The script (演练脚本): the steps as a table (序号, 阶段, 环节, 计划时刻, 时长, 仿真中的事件,
 * 期望行动), a timeline of them, and the editor of the step picked: its timing, inject, command
 * (placed on the map) and expected actions.
 */
import { useState } from 'react';
import { INJECT_METHODS, MEASURES, type Step } from '../../../drills/schema.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import type { ScenarioDoc } from '../../workspace/history.ts';
import { useDrill } from '../DrillContext.tsx';
import { setValueAt, valueAt } from '../drillHistory.ts';
import { commandText, timingText } from '../describe.ts';
import { label } from '../labels.ts';
import type { ScenarioLists } from '../scenarioLists.ts';
import { durationText, plannedTimes, totalDuration } from '../schedule.ts';
import { drillStrings } from '../strings.ts';
import { usePrediction } from '../predict/PredictionContext.tsx';
import { CommandEditor } from './CommandEditor.tsx';
import { MultiField, NumberField, SelectField, TextField } from './DrillFields.tsx';
import { ExpectedEditor } from './ExpectedEditor.tsx';
import { ListButtons, useListEdit } from './lists.tsx';
import { Timeline } from './Timeline.tsx';

export function StepsCard({
  lists,
  scenarioDoc,
}: {
  lists: ScenarioLists;
  scenarioDoc: ScenarioDoc | null;
}) {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { workspace } = useDrill();
  const steps = (valueAt(workspace?.doc, 'steps') as Step[] | undefined) ?? [];
  const phases =
    (valueAt(workspace?.doc, 'phases') as Array<{ id: string; name: string }> | undefined) ?? [];
  const [picked, setPicked] = useState(0);
  const prediction = usePrediction();
  const selected = Math.min(picked, Math.max(0, steps.length - 1));
  const list = useListEdit('steps', t.steps);
  const planned = plannedTimes(steps.filter((s) => s && typeof s.id === 'string'));

  const addStep = () => {
    const previous = steps.at(-1);
    const id = list.freshId('s');
    list.add({
      id,
      phase: previous?.phase ?? phases[0]?.id ?? '',
      title: `${t.step} ${steps.length + 1}`,
      timing: previous
        ? { type: 'after', step: previous.id, delay: previous.duration ?? 300 }
        : { type: 'at', at: 0 },
      duration: 300,
      inject: { method: 'phone', from: '', to: [], text: '' },
      expected: [],
      notes: '',
    });
    setPicked(steps.length);
  };

  return (
    <section className="card drill-card" aria-labelledby="drill-steps-heading">
      <h3 id="drill-steps-heading">{t.steps}</h3>
      <p className="drill-total" data-testid="script-total">
        {t.totalDuration(durationText(totalDuration(steps), language))}
      </p>
      <table className="drill-table drill-steps" data-testid="steps-table">
        <thead>
          <tr>
            <th>{t.stepNumber}</th>
            <th>{t.phase}</th>
            <th>{t.stepTitle}</th>
            <th>{t.timing}</th>
            <th>{t.duration}</th>
            <th>{t.command}</th>
            <th>{t.expected}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => (
            <tr
              key={index}
              data-testid="step-row"
              aria-selected={index === selected}
              className={index === selected ? 'selected' : undefined}
              onClick={() => setPicked(index)}
            >
              <td>{index + 1}</td>
              <td>{phases.find((p) => p.id === step.phase)?.name ?? step.phase}</td>
              <td>
                <button type="button" className="drill-link" onClick={() => setPicked(index)}>
                  {step.title || '—'}
                </button>
              </td>
              <td>{step.timing ? timingText(step.timing, steps, lists, language) : ''}</td>
              <td>{durationText(step.duration ?? 0, language)}</td>
              <td>{commandText(step.command, lists, language)}</td>
              <td>{step.expected?.length ?? 0}</td>
              <td onClick={(event) => event.stopPropagation()}>
                <ListButtons list={list} index={index} count={steps.length} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="add-step" onClick={addStep}>
        {t.addStep}
      </button>
      <Timeline
        steps={steps}
        planned={planned}
        selected={selected}
        onPick={setPicked}
        predicted={
          prediction.result && !prediction.stale ? prediction.result.prediction.steps : undefined
        }
      />
      {steps[selected] && (
        <StepEditor
          key={selected}
          index={selected}
          steps={steps}
          phases={phases}
          lists={lists}
          scenarioDoc={scenarioDoc}
        />
      )}
    </section>
  );
}

function StepEditor({
  index,
  steps,
  phases,
  lists,
  scenarioDoc,
}: {
  index: number;
  steps: Step[];
  phases: Array<{ id: string; name: string }>;
  lists: ScenarioLists;
  scenarioDoc: ScenarioDoc | null;
}) {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { edit } = useDrill();
  const path = `steps[${index}]`;
  const step = steps[index];
  const timingType = step.timing?.type ?? 'at';
  const otherSteps = steps
    .map((s, i) => ({ value: s.id, label: `${i + 1}. ${s.title}` }))
    .filter((option) => option.value !== step.id);
  const setTiming = (type: string) =>
    edit(`${t.timingType}：${label('timing', type, language)}`, (draft) => {
      const other = otherSteps[0]?.value ?? '';
      const timing =
        type === 'at'
          ? { type, at: 0 }
          : type === 'after'
            ? { type, step: other, delay: 0 }
            : type === 'when'
              ? { type, step: other || step.id, condition: { what: 'firstArrival' }, delay: 0 }
              : { type };
      setValueAt(draft, `${path}.timing`, timing);
    });
  const agencyOptions = lists.agencies.map((a) => ({ value: a.id, label: a.name }));

  return (
    <div className="drill-step-editor" data-testid="step-editor">
      <h4>{t.editStep(index + 1, step.title)}</h4>
      <div className="drill-grid">
        <TextField
          path={`${path}.title`}
          label={t.stepTitle}
          className="wide"
          testId="step-title"
        />
        <TextField path={`${path}.id`} label={t.idLabel} />
        <SelectField
          path={`${path}.phase`}
          label={t.phase}
          options={phases.map((p) => ({ value: p.id, label: p.name }))}
        />
        <div className="drill-field">
          <label htmlFor={`${path}-timing`}>{t.timingType}</label>
          <select
            id={`${path}-timing`}
            value={timingType}
            data-testid="timing-type"
            onChange={(event) => setTiming(event.target.value)}
          >
            {['at', 'after', 'when', 'manual'].map((type) => (
              <option key={type} value={type}>
                {label('timing', type, language)}
              </option>
            ))}
          </select>
        </div>
        {timingType === 'at' && (
          <NumberField
            path={`${path}.timing.at`}
            label={t.timingAt}
            unit={t.minutes}
            scale={60}
            min={0}
            testId="timing-at"
          />
        )}
        {(timingType === 'after' || timingType === 'when') && (
          <>
            <SelectField
              path={`${path}.timing.step`}
              label={t.timingStep}
              options={
                timingType === 'when'
                  ? steps.map((s, i) => ({ value: s.id, label: `${i + 1}. ${s.title}` }))
                  : otherSteps
              }
            />
            <NumberField
              path={`${path}.timing.delay`}
              label={t.timingDelay}
              unit={t.minutes}
              scale={60}
              min={0}
            />
          </>
        )}
        {timingType === 'when' && (
          <>
            <SelectField
              path={`${path}.timing.condition.what`}
              label={t.condition}
              options={MEASURES.filter((m) => m !== 'manual').map((m) => ({
                value: m,
                label: label('measure', m, language),
              }))}
            />
            <SelectField
              path={`${path}.timing.condition.agency`}
              label={t.actionAgency}
              optional
              emptyLabel={t.anyAgency}
              options={agencyOptions}
            />
            {step.timing.type === 'when' &&
              (step.timing.condition.what === 'arrivals' ||
                step.timing.condition.what === 'prepositioned') && (
                <NumberField
                  path={`${path}.timing.condition.count`}
                  label={t.actionCount}
                  min={1}
                />
              )}
          </>
        )}
        <NumberField
          path={`${path}.duration`}
          label={t.duration}
          unit={t.minutes}
          scale={60}
          min={0}
          testId="step-duration"
        />
      </div>
      <fieldset className="drill-inject">
        <legend>{t.inject}</legend>
        <div className="drill-grid">
          <SelectField
            path={`${path}.inject.method`}
            label={t.injectMethod}
            options={INJECT_METHODS.map((m) => ({ value: m, label: label('method', m, language) }))}
          />
          <TextField path={`${path}.inject.from`} label={t.injectFrom} />
          <TextField
            path={`${path}.inject.text`}
            label={t.injectText}
            multiline
            rows={3}
            className="full"
            testId="inject-text"
          />
          <MultiField
            path={`${path}.inject.to`}
            label={t.injectTo}
            options={agencyOptions}
            className="full"
          />
        </div>
      </fieldset>
      <CommandEditor path={`${path}.command`} lists={lists} scenarioDoc={scenarioDoc} />
      <ExpectedEditor stepPath={path} lists={lists} scenarioDoc={scenarioDoc} />
      <TextField path={`${path}.notes`} label={t.notes} multiline />
    </div>
  );
}
