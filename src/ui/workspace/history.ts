/**
 * The scenario being edited, as plain serialisable data (the JSON a scenario file holds), with
 * its undo and redo history. Pure: the React context (WorkspaceContext.tsx) holds one of these
 * and persists it (persist.ts).
 */

/** Scenario data as the editor holds it: JSON, not yet checked (it may be invalid mid-edit). */
export type ScenarioDoc = Record<string, unknown>;

/** Where the scenario came from: a built-in, a file the user opened, or an import. */
export type DocOrigin = { kind: 'builtin'; id: string } | { kind: 'file'; name: string };

export interface Snapshot {
  doc: ScenarioDoc;
  /** What the edit that led here did, for the undo button's title ("Tier of 市供电公司"). */
  label: string;
}

export interface Workspace {
  origin: DocOrigin;
  doc: ScenarioDoc;
  /** Label of the edit that made `doc` ('' right after opening). */
  label: string;
  past: Snapshot[];
  future: Snapshot[];
  /** Edits since the scenario was opened (0: unchanged). */
  revision: number;
}

/** Undo steps kept: enough for a working session, small enough to autosave. */
export const HISTORY_LIMIT = 100;

export function openDoc(doc: ScenarioDoc, origin: DocOrigin): Workspace {
  return { origin, doc, label: '', past: [], future: [], revision: 0 };
}

/**
 * Applies an edit. `change` gets a deep copy of the document and may change it in place or
 * return a new one; an edit that changes nothing leaves the history alone.
 */
export function applyEdit(
  workspace: Workspace,
  label: string,
  change: (draft: ScenarioDoc) => ScenarioDoc | void,
): Workspace {
  const draft = structuredClone(workspace.doc);
  const doc = change(draft) ?? draft;
  if (JSON.stringify(doc) === JSON.stringify(workspace.doc)) return workspace;
  return {
    ...workspace,
    doc,
    label,
    past: [...workspace.past, { doc: workspace.doc, label: workspace.label }].slice(-HISTORY_LIMIT),
    future: [],
    revision: workspace.revision + 1,
  };
}

export function undo(workspace: Workspace): Workspace {
  const previous = workspace.past.at(-1);
  if (!previous) return workspace;
  return {
    ...workspace,
    doc: previous.doc,
    label: previous.label,
    past: workspace.past.slice(0, -1),
    future: [{ doc: workspace.doc, label: workspace.label }, ...workspace.future],
    revision: workspace.revision + 1,
  };
}

export function redo(workspace: Workspace): Workspace {
  const next = workspace.future[0];
  if (!next) return workspace;
  return {
    ...workspace,
    doc: next.doc,
    label: next.label,
    past: [...workspace.past, { doc: workspace.doc, label: workspace.label }],
    future: workspace.future.slice(1),
    revision: workspace.revision + 1,
  };
}
