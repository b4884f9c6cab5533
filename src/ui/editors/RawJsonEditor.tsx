/**
 * The whole scenario as JSON text. Edited as text and applied with a button, only when it
 * parses; a text with a syntax error stays (also across a reload: see useRawDraft) with the
 * line and column of the error. After applying, the loader's errors are listed with their paths.
 */
import { useMemo, useRef, useState } from 'react';
import type { ScenarioInfo } from '../../worker/client.ts';
import { useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { findJsonSyntaxProblem } from './jsonSyntax.ts';
import { prettyJson } from './model.ts';
import { isLargeDoc, previewJson } from './rawPreview.ts';
import { editorStrings } from './strings.ts';

const DRAFT_KEY = 'drill-planner.rawJsonDraft';

export interface RawDraft {
  text: string;
  /** The document the text was typed over (null after a reload): a newer one means stale. */
  over: ScenarioDoc | null;
}

/** The unapplied raw text, kept in the page's storage so that a reload does not lose it. */
export function useRawDraft(): [RawDraft | null, (draft: RawDraft | null) => void] {
  const [draft, setDraft] = useState<RawDraft | null>(() => {
    const text = globalThis.localStorage?.getItem(DRAFT_KEY);
    return text ? { text, over: null } : null;
  });
  const save = (next: RawDraft | null) => {
    setDraft(next);
    try {
      if (next) localStorage.setItem(DRAFT_KEY, next.text);
      else localStorage.removeItem(DRAFT_KEY);
    } catch {
      // Storage full or refused: the draft still lives in the page until it is closed.
    }
  };
  return [draft, save];
}

export function RawJsonEditor({
  draft,
  onDraft,
  check,
  onGoTo,
}: {
  draft: RawDraft | null;
  onDraft(draft: RawDraft | null): void;
  check: ScenarioInfo | null;
  onGoTo(path: string): void;
}) {
  const { workspace } = useWorkspace();
  const doc = workspace!.doc;
  const large = useMemo(() => isLargeDoc(doc), [doc]);
  if (large) return <LargeRawJson draft={draft} onDraft={onDraft} />;
  return <RawJsonText draft={draft} onDraft={onDraft} check={check} onGoTo={onGoTo} />;
}

/**
 * A scenario too big to edit as text here: the beginning of its text, read-only, and where to
 * change it instead (the editors, or the exported file in a text editor).
 */
function LargeRawJson({
  draft,
  onDraft,
}: {
  draft: RawDraft | null;
  onDraft(draft: RawDraft | null): void;
}) {
  const t = useStrings(editorStrings);
  const { workspace } = useWorkspace();
  const doc = workspace!.doc;
  const preview = useMemo(() => previewJson(doc), [doc]);
  return (
    <div data-testid="editor-raw" className="editors-raw">
      <p className="hint" role="status" data-testid="raw-too-large">
        {t.rawTooLarge}
      </p>
      {draft && (
        <div className="editors-toolbar">
          <button type="button" data-testid="raw-revert" onClick={() => onDraft(null)}>
            {t.revert}
          </button>
          <span className="editors-muted">{t.rawUnapplied}</span>
        </div>
      )}
      <label htmlFor="raw-json" className="visually-hidden">
        {t.rawTitle}
      </label>
      <textarea
        id="raw-json"
        className="editors-raw-text"
        data-testid="raw-json"
        readOnly
        spellCheck={false}
        value={preview.text}
      />
      {!preview.complete && <p className="hint">{t.rawPreviewCut}</p>}
    </div>
  );
}

function RawJsonText({
  draft,
  onDraft,
  check,
  onGoTo,
}: {
  draft: RawDraft | null;
  onDraft(draft: RawDraft | null): void;
  check: ScenarioInfo | null;
  onGoTo(path: string): void;
}) {
  const t = useStrings(editorStrings);
  const { workspace, edit, editable } = useWorkspace();
  const doc = workspace!.doc;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pretty = useMemo(() => prettyJson(doc), [doc]);
  const text = draft?.text ?? pretty;
  const syntax = useMemo(() => (draft ? findJsonSyntaxProblem(draft.text) : null), [draft]);
  // The text last found to be JSON but not an object (a list, a number): shown while unchanged.
  const [notObjectText, setNotObjectText] = useState<string | null>(null);
  const notObject = draft !== null && notObjectText === draft.text;
  const stale = draft !== null && draft.over !== null && draft.over !== doc;

  const showError = () => {
    const area = textarea.current;
    if (!area || !syntax) return;
    area.focus();
    area.setSelectionRange(syntax.offset, Math.min(syntax.offset + 1, area.value.length));
    // Bring the line into view: the browser does not scroll to a selection set by script.
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (syntax.line - 5) * lineHeight);
  };

  const apply = () => {
    if (!draft || syntax) return;
    const parsed: unknown = JSON.parse(draft.text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setNotObjectText(draft.text);
      return;
    }
    edit(t.rawApplied, () => parsed as ScenarioDoc);
    onDraft(null);
  };

  const errors = !draft && check && !check.ok ? check.errors : [];

  return (
    <div data-testid="editor-raw" className="editors-raw">
      <p className="hint">{t.rawHint}</p>
      <div className="editors-toolbar">
        <button
          type="button"
          className="primary"
          data-testid="raw-apply"
          disabled={!editable || !draft || syntax !== null}
          onClick={apply}
        >
          {t.apply}
        </button>
        <button
          type="button"
          data-testid="raw-revert"
          disabled={!draft}
          onClick={() => onDraft(null)}
        >
          {t.revert}
        </button>
        {draft && (
          <span className="editors-muted" data-testid="raw-unapplied">
            {t.rawUnapplied}
          </span>
        )}
      </div>
      {stale && <p className="hint">{t.rawStale}</p>}
      {syntax && (
        <p className="problems" role="alert" data-testid="raw-syntax-error">
          {t.rawSyntax(syntax.line, syntax.column, t.syntaxReason[syntax.reason])}{' '}
          <button type="button" className="editors-small" onClick={showError}>
            {t.goToLine}
          </button>
        </p>
      )}
      {notObject && (
        <p className="problems" role="alert" data-testid="raw-syntax-error">
          {t.rawNotObject}
        </p>
      )}
      <label htmlFor="raw-json" className="visually-hidden">
        {t.rawTitle}
      </label>
      <textarea
        id="raw-json"
        ref={textarea}
        className="editors-raw-text"
        data-testid="raw-json"
        readOnly={!editable}
        spellCheck={false}
        value={text}
        aria-invalid={syntax !== null}
        onChange={(event) => onDraft({ text: event.target.value, over: draft?.over ?? doc })}
      />
      {errors.length > 0 && (
        <div className="problems" data-testid="raw-loader-errors">
          <strong>{t.loaderErrors}</strong>
          <ul>
            {errors.map((error, index) => (
              <li key={index}>
                <button type="button" className="editors-link" onClick={() => onGoTo(error.path)}>
                  <code>{error.path || t.wholeFile}</code>
                </button>{' '}
                {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
