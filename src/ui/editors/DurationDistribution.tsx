/**
 * A distribution of durations (call handling, outside help's arrival) with its parameters in
 * minutes; the file keeps seconds. Its kind is chosen by name; a kind the form does not offer
 * (empirical, histogram) is left to the raw JSON and says so.
 */
import { useStrings } from '../i18n.ts';
import { NumberField, SelectField } from './fields.tsx';
import {
  distributionFields,
  distributionProblem,
  FORM_DISTRIBUTIONS,
  secondsOfMinutes,
  switchDistribution,
} from './formModels.ts';
import { formsStrings } from './formsStrings.ts';
import { textOf } from './model.ts';

export function DurationDistribution({
  path,
  label,
  help,
  value,
  fallback,
  defaultHint,
  onCommit,
}: {
  path: string;
  label: string;
  help?: string;
  /** The distribution in the file (undefined: the default applies). */
  value: unknown;
  /** The default, shown when the file has none. */
  fallback: Record<string, unknown>;
  /** Said when the default applies. */
  defaultHint: string;
  onCommit(next: Record<string, unknown>, what: string): void;
}) {
  const t = useStrings(formsStrings);
  const shown = value && typeof value === 'object' ? value : fallback;
  const type = textOf(shown, 'type');
  const fields = distributionFields(shown);
  return (
    <fieldset className="editors-fieldset editors-variants" data-path={path} title={help}>
      <legend>
        {label} · {t.minutes}
        {value === undefined && <span className="hint"> · {defaultHint}</span>}
      </legend>
      <SelectField
        path={`${path}.type`}
        label={`${label} · ${t.distribution}`}
        hideLabel
        value={type}
        choices={(fields ? FORM_DISTRIBUTIONS : [...FORM_DISTRIBUTIONS, type]).map((kind) => ({
          value: kind,
          label: t.distributionName[kind] ?? kind,
        }))}
        onCommit={(next) =>
          next !== type && onCommit(switchDistribution(shown, next), `${label} · ${t.distribution}`)
        }
      />
      {fields ? (
        fields.map((field) => (
          <NumberField
            key={field.key}
            path={`${path}.${field.key}`}
            label={t.parameterName[field.key] ?? field.key}
            unit={field.duration ? t.minutes : undefined}
            value={field.value}
            validate={(number) => {
              const problem = distributionProblem(shown, field.key, number);
              return problem ? t[problem] : null;
            }}
            onCommit={(number) => {
              if (number === undefined) return;
              const stored = field.duration ? secondsOfMinutes(number) : number;
              onCommit(
                { ...(shown as Record<string, unknown>), [field.key]: stored },
                `${label} · ${t.parameterName[field.key] ?? field.key}`,
              );
            }}
          />
        ))
      ) : (
        <p className="hint">{t.rawOnly}</p>
      )}
    </fieldset>
  );
}
