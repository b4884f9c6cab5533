/**
 * Form fields of the drill editor. Each knows its path in the drill document
 * (`steps[2].expected[0].deadline`), shows the loader's errors for that path beside it and
 * carries `data-path`. Every keystroke is an edit (and so is saved at once); the keystrokes of
 * one field in a row make one undo step (drillHistory.ts). A number that does not parse stays
 * typed in its field, with its message, and changes nothing.
 */
import { useId, useState, type ReactNode } from 'react';
import { useProblemsAt } from '../../editors/fields.tsx';
import { useStrings } from '../../i18n.ts';
import { useDrill } from '../DrillContext.tsx';
import { setValueAt, valueAt } from '../drillHistory.ts';
import { drillStrings } from '../strings.ts';

interface FieldProps {
  path: string;
  label: string;
  /** The label is said by a column header: only assistive technology reads it here. */
  hideLabel?: boolean;
  hint?: string;
  testId?: string;
  className?: string;
}

function Frame({ props, id, children }: { props: FieldProps; id: string; children: ReactNode }) {
  const messages = useProblemsAt(props.path);
  return (
    <div className={`drill-field ${props.className ?? ''}`} data-path={props.path}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {children}
      {messages.map((message, index) => (
        <span key={index} className="field-error" data-testid="field-error">
          {message}
        </span>
      ))}
      {props.hint && messages.length === 0 && <span className="hint">{props.hint}</span>}
    </div>
  );
}

/** Writes a value at a path as one edit labelled with the field's label. */
export function useSetAt() {
  const { edit } = useDrill();
  return (path: string, label: string, value: unknown) =>
    edit(label, (draft) => setValueAt(draft, path, value));
}

export function useValueAt(path: string): unknown {
  const { workspace } = useDrill();
  return valueAt(workspace?.doc, path);
}

export function TextField(props: FieldProps & { multiline?: boolean; rows?: number }) {
  const id = useId();
  const value = useValueAt(props.path);
  const setAt = useSetAt();
  const invalid = useProblemsAt(props.path).length > 0;
  const common = {
    id,
    value: typeof value === 'string' ? value : '',
    'aria-invalid': invalid || undefined,
    'data-testid': props.testId,
    onChange: (event: { target: { value: string } }) =>
      setAt(props.path, props.label, event.target.value),
  };
  return (
    <Frame props={props} id={id}>
      {props.multiline ? (
        <textarea rows={props.rows ?? 2} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
    </Frame>
  );
}

/**
 * A number, shown in `scale` units of the stored value (minutes for seconds: scale 60). Empty
 * removes an optional value.
 */
export function NumberField(
  props: FieldProps & {
    unit?: string;
    scale?: number;
    optional?: boolean;
    min?: number;
  },
) {
  const t = useStrings(drillStrings);
  const id = useId();
  const value = useValueAt(props.path);
  const setAt = useSetAt();
  const scale = props.scale ?? 1;
  const shown = typeof value === 'number' ? String(Number((value / scale).toFixed(3))) : '';
  const [typed, setTyped] = useState<{ over: string; text: string } | null>(null);
  const text = typed && typed.over === shown ? typed.text : shown;
  const problemOf = (candidate: string): string | null => {
    if (candidate.trim() === '') return props.optional ? null : t.needsNumber;
    const number = Number(candidate);
    if (!Number.isFinite(number)) return t.needsNumber;
    if (props.min !== undefined && number < props.min) return t.atLeast(props.min);
    return null;
  };
  const local = problemOf(text);
  const invalid = useProblemsAt(props.path).length > 0 || local !== null;
  return (
    <Frame props={props} id={id}>
      <span className="drill-number">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={invalid || undefined}
          data-testid={props.testId}
          onChange={(event) => {
            const next = event.target.value;
            if (problemOf(next) !== null) {
              setTyped({ over: shown, text: next });
              return;
            }
            const stored =
              next.trim() === '' ? undefined : Number((Number(next) * scale).toFixed(3));
            const nextShown =
              stored === undefined ? '' : String(Number((stored / scale).toFixed(3)));
            setTyped({ over: nextShown, text: next });
            setAt(props.path, props.label, stored);
          }}
          onBlur={() => {
            if (local === null) setTyped(null);
          }}
        />
        {props.unit && <span className="unit">{props.unit}</span>}
      </span>
      {local && <span className="field-error">{local}</span>}
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & {
    options: Option[];
    optional?: boolean;
    emptyLabel?: string;
    asNumber?: boolean;
  },
) {
  const id = useId();
  const value = useValueAt(props.path);
  const setAt = useSetAt();
  const current = value === undefined || value === null ? '' : String(value);
  const known = props.options.some((option) => option.value === current);
  const invalid = useProblemsAt(props.path).length > 0;
  return (
    <Frame props={props} id={id}>
      <select
        id={id}
        value={current}
        aria-invalid={invalid || undefined}
        data-testid={props.testId}
        onChange={(event) => {
          const next = event.target.value;
          if (next === '') setAt(props.path, props.label, undefined);
          else setAt(props.path, props.label, props.asNumber ? Number(next) : next);
        }}
      >
        {(props.optional || current === '') && <option value="">{props.emptyLabel ?? '—'}</option>}
        {!known && current !== '' && <option value={current}>{current}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckField(props: FieldProps) {
  const id = useId();
  const value = useValueAt(props.path);
  const setAt = useSetAt();
  return (
    <div className="drill-field drill-check" data-path={props.path}>
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        data-testid={props.testId}
        onChange={(event) => setAt(props.path, props.label, event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** A list of strings picked from options (agencies, roles, rules), as checkboxes. */
export function MultiField(props: FieldProps & { options: Option[] }) {
  const value = useValueAt(props.path);
  const setAt = useSetAt();
  const messages = useProblemsAt(props.path);
  const picked = Array.isArray(value) ? (value as string[]) : [];
  const toggle = (option: string, on: boolean) => {
    const next = on
      ? props.options.map((o) => o.value).filter((v) => v === option || picked.includes(v))
      : picked.filter((v) => v !== option);
    setAt(props.path, props.label, next);
  };
  return (
    <fieldset
      className={`drill-multi ${props.className ?? ''}`}
      data-path={props.path}
      data-testid={props.testId}
    >
      <legend className={props.hideLabel ? 'visually-hidden' : undefined}>{props.label}</legend>
      {props.options.map((option) => (
        <label key={option.value}>
          <input
            type="checkbox"
            checked={picked.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
      {messages.map((message, index) => (
        <span key={index} className="field-error" data-testid="field-error">
          {message}
        </span>
      ))}
    </fieldset>
  );
}
