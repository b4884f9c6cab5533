/**
 * Dispatch (调度): call taking and assessment as a distribution in minutes, what happens when no
 * unit is free (queue with its longest wait, or outside help with its delays), redispatch of
 * returning units, and the run cards (出动预案): district × kind → units in order, chosen by name.
 */
import { useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { DurationDistribution } from './DurationDistribution.tsx';
import { CheckboxField, NumberField, SelectField } from './fields.tsx';
import { durationProblem, minutesOf, secondsOfMinutes } from './formModels.ts';
import { formsStrings, type FormsStrings } from './formsStrings.ts';
import { getIn, setIn } from './model.ts';
import { RunCards } from './RunCards.tsx';
import { editorStrings } from './strings.ts';

/** The file format's defaults (src/scenarios/schema.ts, Dispatch). */
const CALL_HANDLING_DEFAULT = { type: 'fixed', value: 60 };
const OUTSIDE_HELP_DEFAULT = { type: 'fixed', value: 3600 };

export function minutesValidator(t: FormsStrings, strict: boolean) {
  return (minutes: number) => {
    const problem = durationProblem(minutes, strict);
    return problem ? t[problem] : null;
  };
}

export function DispatchEditor() {
  const t = useStrings(formsStrings);
  const defaultWord = useStrings(editorStrings).defaultValue;
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const dispatch = getIn(doc, ['dispatch']);
  const set = (field: string, what: string, value: unknown) =>
    edit(t.editDispatch(what), (draft) => setIn(draft, ['dispatch', field], value));
  const whenNoUnit = String(getIn(dispatch, ['whenNoUnit']) ?? 'queue');
  const seconds = (field: string) => {
    const value = getIn(dispatch, [field]);
    return typeof value === 'number' ? minutesOf(value) : undefined;
  };
  const redispatch = getIn(dispatch, ['redispatchReturning']);

  return (
    <div data-testid="editor-dispatch">
      <h3 className="editors-subtitle">{t.dispatchTitle}</h3>
      <DurationDistribution
        path="dispatch.callHandling"
        label={t.callHandling}
        help={t.callHandlingHint}
        value={getIn(dispatch, ['callHandling'])}
        fallback={CALL_HANDLING_DEFAULT}
        defaultHint={defaultWord}
        onCommit={(next, what) => set('callHandling', what, next)}
      />
      <SelectField
        path="dispatch.whenNoUnit"
        label={t.whenNoUnit}
        value={whenNoUnit}
        choices={['queue', 'overflow'].map((value) => ({
          value,
          label: t.whenNoUnitChoice[value],
        }))}
        onCommit={(value) => set('whenNoUnit', t.whenNoUnit, value)}
      />
      {whenNoUnit === 'queue' ? (
        <NumberField
          path="dispatch.maxQueueWait"
          label={t.maxQueueWait}
          hint={t.maxQueueWaitHint}
          unit={t.minutes}
          optional
          placeholder={t.noLimit}
          value={seconds('maxQueueWait')}
          validate={minutesValidator(t, true)}
          onCommit={(minutes) =>
            set(
              'maxQueueWait',
              t.maxQueueWait,
              minutes === undefined ? undefined : secondsOfMinutes(minutes),
            )
          }
        />
      ) : (
        <>
          <NumberField
            path="dispatch.overflowDelay"
            label={t.overflowDelay}
            unit={t.minutes}
            optional
            placeholder="0"
            value={seconds('overflowDelay')}
            validate={minutesValidator(t, false)}
            onCommit={(minutes) =>
              set(
                'overflowDelay',
                t.overflowDelay,
                minutes === undefined ? undefined : secondsOfMinutes(minutes),
              )
            }
          />
          <DurationDistribution
            path="dispatch.outsideHelpResponse"
            label={t.outsideHelp}
            value={getIn(dispatch, ['outsideHelpResponse'])}
            fallback={OUTSIDE_HELP_DEFAULT}
            defaultHint={defaultWord}
            onCommit={(next, what) => set('outsideHelpResponse', what, next)}
          />
        </>
      )}
      <CheckboxField
        path="dispatch.redispatchReturning"
        label={redispatch === undefined ? `${t.redispatch} · ${defaultWord}` : t.redispatch}
        value={redispatch !== false}
        onCommit={(value) => set('redispatchReturning', t.redispatch, value)}
      />
      <RunCards />
    </div>
  );
}
