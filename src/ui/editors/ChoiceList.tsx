/**
 * A list field whose items come from a known set — a rule's incident kinds, agencies or
 * districts (from the scenario), seasons (from the schema) — as checkboxes with their names,
 * instead of ids typed into a text box. Items not in the set (typed in the raw JSON) stay,
 * marked, so that nothing is dropped silently. An empty list says what it means.
 */
import { useId } from 'react';
import { useProblemsAt, type Choice, type FieldFrame } from './fields.tsx';
import { useFieldDrafts } from '../workspace/WorkspaceContext.tsx';

export function ChoiceListField({
  frame,
  value,
  choices,
  emptyNote,
  onCommit,
}: {
  frame: FieldFrame;
  value: readonly unknown[];
  choices: readonly Choice[];
  /** What an empty list means (e.g. "the rule applies to no incident kind"). */
  emptyNote?: string;
  onCommit(value: string[]): void;
}) {
  const groupId = useId();
  const messages = useProblemsAt(frame.path);
  const { readOnly } = useFieldDrafts();
  const selected = value.map(String);
  const unknown = selected.filter((item) => !choices.some((choice) => choice.value === item));
  const toggle = (item: string, on: boolean) => {
    const next = on ? [...selected, item] : selected.filter((other) => other !== item);
    // Kept in the order of the choices, unknown items last as they were.
    onCommit([
      ...choices.map((choice) => choice.value).filter((v) => next.includes(v)),
      ...unknown.filter((v) => next.includes(v)),
    ]);
  };
  return (
    <fieldset
      className="editors-field editors-choices"
      data-path={frame.path}
      data-testid={`field-${frame.path}`}
      aria-describedby={`${groupId}-note`}
      title={frame.help}
    >
      <legend className="editors-label">
        {frame.label}
        {frame.hint && <span className="hint"> · {frame.hint}</span>}
      </legend>
      <div className="editors-choice-items">
        {[...choices, ...unknown.map((item) => ({ value: item, label: `${item} ⚠` }))].map(
          (choice) => (
            <label key={choice.value} className="editors-choice">
              <input
                type="checkbox"
                value={choice.value}
                checked={selected.includes(choice.value)}
                disabled={readOnly}
                onChange={(event) => toggle(choice.value, event.target.checked)}
              />
              {choice.label}
            </label>
          ),
        )}
      </div>
      <span id={`${groupId}-note`} className="editors-messages">
        {messages.map((message, index) => (
          <span key={index} className="field-error" data-testid="field-error">
            {message}
          </span>
        ))}
        {selected.length === 0 && emptyNote && (
          <span className="hint editors-empty-note" data-testid="empty-note">
            {emptyNote}
          </span>
        )}
      </span>
    </fieldset>
  );
}
