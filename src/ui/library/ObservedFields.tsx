/**
 * The call import dialog's optional observed times: a column (or none) for each of dispatched,
 * en route, on scene, cleared, unit, agency and capability; and the choice to fit the run's
 * start and duration to the calls' span (the CLI's --fit).
 */
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import type { CallImportResult } from '../../scenarios/importCalls.ts';
import { OBSERVED_KEYS, type ObservedKey } from './observedMapping.ts';
import { observedStrings } from './observedStrings.ts';

export function ObservedFields({
  header,
  chosen,
  onChoose,
}: {
  header: readonly string[];
  chosen: Readonly<Record<ObservedKey, string>>;
  onChoose: (key: ObservedKey, column: string) => void;
}) {
  const t = useStrings(observedStrings);
  return (
    <fieldset className="library-observed" data-testid="call-observed">
      <legend>{t.observedTitle}</legend>
      <p className="hint">{t.observedHint}</p>
      <div className="fields library-fields">
        {OBSERVED_KEYS.map((key) => (
          <label key={key}>
            {t.observedColumn[key]}
            <select
              data-testid={`call-observed-${key}`}
              value={chosen[key]}
              onChange={(event) => onChoose(key, event.target.value)}
            >
              <option value="">{t.noObservedColumn}</option>
              {header.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function FitRunField({
  checked,
  outside,
  fitted,
  onChange,
}: {
  checked: boolean;
  outside: boolean;
  fitted: CallImportResult['fitted'];
  onChange: (checked: boolean) => void;
}) {
  const t = useStrings(observedStrings);
  const language = useLanguage();
  return (
    <div className="library-fit">
      <label>
        <input
          type="checkbox"
          data-testid="call-fit-run"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t.fitRun}
      </label>
      {(outside || (checked && fitted)) && (
        <p className="hint" data-testid="call-fit-hint">
          {outside ? t.outsideRun : ''}
          {checked && fitted
            ? t.fitHint(
                fitted.start.replace('T', ' '),
                (fitted.duration / 3600).toLocaleString(localeOf(language)),
              )
            : ''}
        </p>
      )}
    </div>
  );
}
