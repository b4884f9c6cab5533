/**
 * Form fields of the scenario editors. Each field knows its path in the document
 * (`units[3].crew`): it shows the loader's error for that path next to it (aria-invalid and a
 * message) and carries `data-path`, so the error list can take the planner to it.
 * Text and number fields commit on Enter or when left, not per keystroke: one undo step per
 * change. What was typed is never thrown away: text that is not a number stays in the field
 * with its message until corrected.
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import type { ScenarioProblem } from '../../scenarios/load.ts';
import { useStrings } from '../i18n.ts';
import { useFieldDrafts } from '../workspace/WorkspaceContext.tsx';
import { editorStrings } from './strings.ts';

/** The loader's errors by path, shared by every field of the editors. */
export const ProblemsContext = createContext<ReadonlyMap<string, string[]>>(new Map());

export function problemsByPath(problems: readonly ScenarioProblem[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const problem of problems) {
    const list = byPath.get(problem.path) ?? [];
    list.push(problem.message);
    byPath.set(problem.path, list);
  }
  return byPath;
}

export function useProblemsAt(path: string): string[] {
  return useContext(ProblemsContext).get(path) ?? [];
}

/** Messages under a field, linked to it by aria-describedby. */
function FieldMessages({
  id,
  messages,
  hint,
}: {
  id: string;
  messages: readonly string[];
  hint?: string;
}) {
  if (messages.length === 0 && !hint) return null;
  return (
    <span id={id} className="editors-messages">
      {messages.map((message, index) => (
        <span key={index} className="field-error" data-testid="field-error">
          {message}
        </span>
      ))}
      {hint && messages.length === 0 && <span className="hint">{hint}</span>}
    </span>
  );
}

export interface FieldFrame {
  path: string;
  label: string;
  /** Label shown only to assistive technology (in tables, the column header says it). */
  hideLabel?: boolean;
  /** Help text (e.g. the schema's description), shown as the tooltip. */
  help?: string;
  /** Unit shown after the input. */
  unit?: string;
  hint?: string;
  /** Shown in an empty field: the value the schema's default gives. */
  placeholder?: string;
}

function Frame({
  frame,
  inputId,
  messagesId,
  messages,
  children,
}: {
  frame: FieldFrame;
  inputId: string;
  messagesId: string;
  messages: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className={`editors-field${frame.hideLabel ? ' editors-field-bare' : ''}`}>
      <label
        htmlFor={inputId}
        className={frame.hideLabel ? 'visually-hidden' : 'editors-label'}
        title={frame.help}
      >
        {frame.label}
      </label>
      <span className="editors-control">
        {children}
        {frame.unit && <span className="editors-unit">{frame.unit}</span>}
      </span>
      <FieldMessages id={messagesId} messages={messages} hint={frame.hint} />
    </div>
  );
}

/**
 * Typed text not yet committed, and the value it was typed over: when the document's value
 * changes from elsewhere (undo, another editor) a committed field shows the new value.
 * Each keystroke's text is also saved with the workspace (a draft, by the field's path), so a
 * reload or a crash puts it back here instead of losing it.
 */
function useDraftText(shown: string, frame: FieldFrame) {
  const saved = useFieldDrafts();
  const [draft, setDraft] = useState<{ text: string; over: string } | null>(() => {
    const text = saved.restored(frame.path, shown);
    return text === null ? null : { text, over: shown };
  });
  const text = draft && draft.over === shown ? draft.text : shown;
  const keep = (next: string) => {
    setDraft({ text: next, over: shown });
    if (next === shown) saved.drop(frame.path);
    else saved.keep(frame.path, frame.label, next, shown);
  };
  const clear = () => {
    setDraft(null);
    saved.drop(frame.path);
  };
  return {
    text,
    dirty: draft !== null && draft.over === shown,
    keep,
    clear,
    readOnly: saved.readOnly,
  };
}

export function NumberField({
  value,
  onCommit,
  optional = false,
  validate,
  ...frame
}: FieldFrame & {
  value: number | undefined;
  onCommit(value: number | undefined): void;
  /** Empty text removes the field (the schema's default applies). */
  optional?: boolean;
  /** A reason the number cannot be taken (it then stays in the field), or null. */
  validate?(value: number): string | null;
}) {
  const t = useStrings(editorStrings);
  const inputId = useId();
  const messagesId = useId();
  const draft = useDraftText(value === undefined ? '' : String(value), frame);
  const [ownProblem, setOwnProblem] = useState<string | null>(null);
  const loaderProblems = useProblemsAt(frame.path);
  const messages = ownProblem && draft.dirty ? [ownProblem] : loaderProblems;

  const commit = () => {
    if (!draft.dirty) return;
    const text = draft.text.trim();
    if (text === '') {
      if (!optional) return setOwnProblem(t.required);
      draft.clear();
      setOwnProblem(null);
      return onCommit(undefined);
    }
    // Accept a decimal comma and full-width minus as typed on Chinese keyboards.
    const number = Number(text.replace(',', '.').replace('−', '-').replace('－', '-'));
    if (!Number.isFinite(number)) return setOwnProblem(t.notANumber);
    const problem = validate?.(number) ?? null;
    if (problem) return setOwnProblem(problem);
    draft.clear();
    setOwnProblem(null);
    if (number !== value) onCommit(number);
  };

  return (
    <Frame frame={frame} inputId={inputId} messagesId={messagesId} messages={messages}>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        className="editors-number"
        data-path={frame.path}
        data-testid={`field-${frame.path}`}
        value={draft.text}
        readOnly={draft.readOnly}
        placeholder={frame.placeholder}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 || frame.hint ? messagesId : undefined}
        title={frame.help}
        onChange={(event) => draft.keep(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            draft.clear();
            setOwnProblem(null);
          }
        }}
      />
    </Frame>
  );
}

export function TextField({
  value,
  onCommit,
  multiline = false,
  type = 'text',
  validate,
  ...frame
}: FieldFrame & {
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'datetime-local';
  /** A reason the text cannot be taken (it then stays in the field), or null. */
  validate?(text: string): string | null;
}) {
  const inputId = useId();
  const messagesId = useId();
  const draft = useDraftText(value, frame);
  const [ownProblem, setOwnProblem] = useState<string | null>(null);
  const loaderProblems = useProblemsAt(frame.path);
  const messages = ownProblem && draft.dirty ? [ownProblem] : loaderProblems;
  const commit = () => {
    if (!draft.dirty) return;
    const problem = validate?.(draft.text) ?? null;
    setOwnProblem(problem);
    if (problem) return;
    draft.clear();
    if (draft.text !== value) onCommit(draft.text);
  };
  const common = {
    id: inputId,
    'data-path': frame.path,
    'data-testid': `field-${frame.path}`,
    value: draft.text,
    readOnly: draft.readOnly,
    'aria-invalid': messages.length > 0,
    'aria-describedby': messages.length > 0 || frame.hint ? messagesId : undefined,
    title: frame.help,
    onBlur: commit,
  };
  return (
    <Frame frame={frame} inputId={inputId} messagesId={messagesId} messages={messages}>
      {multiline ? (
        <textarea {...common} rows={5} onChange={(event) => draft.keep(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          onChange={(event) => draft.keep(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') draft.clear();
          }}
        />
      )}
    </Frame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({
  value,
  choices,
  onCommit,
  ...frame
}: FieldFrame & { value: string; choices: readonly Choice[]; onCommit(value: string): void }) {
  const inputId = useId();
  const messagesId = useId();
  const messages = useProblemsAt(frame.path);
  const { readOnly } = useFieldDrafts();
  // A value not among the choices (e.g. tier 4 typed in the raw JSON) stays visible as it is.
  const known = choices.some((choice) => choice.value === value);
  return (
    <Frame frame={frame} inputId={inputId} messagesId={messagesId} messages={messages}>
      <select
        id={inputId}
        data-path={frame.path}
        data-testid={`field-${frame.path}`}
        value={value}
        disabled={readOnly}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? messagesId : undefined}
        title={frame.help}
        onChange={(event) => onCommit(event.target.value)}
      >
        {!known && <option value={value}>{value === '' ? '—' : `${value} ⚠`}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField({
  value,
  onCommit,
  ...frame
}: FieldFrame & { value: boolean; onCommit(value: boolean): void }) {
  const inputId = useId();
  const messagesId = useId();
  const messages = useProblemsAt(frame.path);
  const { readOnly } = useFieldDrafts();
  return (
    <div className="editors-field editors-checkbox">
      <input
        id={inputId}
        type="checkbox"
        data-path={frame.path}
        data-testid={`field-${frame.path}`}
        checked={value}
        disabled={readOnly}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? messagesId : undefined}
        title={frame.help}
        onChange={(event) => onCommit(event.target.checked)}
      />
      <label htmlFor={inputId} title={frame.help} className="editors-label">
        {frame.label}
      </label>
      <FieldMessages id={messagesId} messages={messages} />
    </div>
  );
}

/**
 * A value edited as JSON text (distributions, records, lists of objects): applied when the
 * planner leaves the box and the text parses; otherwise the text stays with its message.
 */
export function JsonField({
  value,
  onCommit,
  problemsUnder = true,
  ...frame
}: FieldFrame & { value: unknown; onCommit(value: unknown): void; problemsUnder?: boolean }) {
  const t = useStrings(editorStrings);
  const inputId = useId();
  const messagesId = useId();
  const shown = value === undefined ? '' : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  const draft = useDraftText(shown, frame);
  const [ownProblem, setOwnProblem] = useState<string | null>(null);
  const problems = useContext(ProblemsContext);
  const loaderProblems = problemsUnder
    ? [...problems].flatMap(([path, messages]) =>
        path === frame.path
          ? messages
          : path.startsWith(frame.path + '.') || path.startsWith(frame.path + '[')
            ? messages.map((message) => `${path.slice(frame.path.length + 1)}: ${message}`)
            : [],
      )
    : (problems.get(frame.path) ?? []);
  const messages = ownProblem && draft.dirty ? [ownProblem] : loaderProblems;
  const commit = () => {
    if (!draft.dirty) return;
    if (draft.text.trim() === '') {
      draft.clear();
      setOwnProblem(null);
      return onCommit(undefined);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(draft.text);
    } catch (error) {
      return setOwnProblem(t.notJson(error instanceof Error ? error.message : String(error)));
    }
    draft.clear();
    setOwnProblem(null);
    onCommit(parsed);
  };
  return (
    <Frame
      frame={{ ...frame, hint: frame.hint ?? t.jsonHint }}
      inputId={inputId}
      messagesId={messagesId}
      messages={messages}
    >
      <textarea
        id={inputId}
        className="editors-json"
        data-path={frame.path}
        data-testid={`field-${frame.path}`}
        rows={Math.min(6, Math.max(1, Math.ceil(draft.text.length / 60)))}
        value={draft.text}
        readOnly={draft.readOnly}
        spellCheck={false}
        aria-invalid={messages.length > 0}
        aria-describedby={messagesId}
        title={frame.help}
        onChange={(event) => draft.keep(event.target.value)}
        onBlur={commit}
      />
    </Frame>
  );
}

/** The button that folds a table row's details out and in. */
export function DetailsToggle({
  open,
  testId,
  onToggle,
}: {
  open: boolean;
  testId: string;
  onToggle: () => void;
}) {
  const t = useStrings(editorStrings);
  return (
    <button
      type="button"
      className="editors-small"
      aria-expanded={open}
      data-testid={testId}
      onClick={onToggle}
    >
      {open ? t.hideDetails : t.details}
    </button>
  );
}
