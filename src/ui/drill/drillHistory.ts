/**
 * The drill being edited, as plain data (the JSON a drill file holds, possibly invalid mid-edit),
 * with its undo and redo history. Pure: DrillContext.tsx holds one and saves it on each edit.
 *
 * Typing into a field is an edit per keystroke (so that every keystroke is saved), but the
 * keystrokes of one field in a row make one undo step: an edit with the same label as the one
 * before, within COALESCE_MS of it, replaces it in place.
 */

import { redo, undo } from '../workspace/history.ts';

/** Drill data as the editor holds it: JSON, not yet checked. */
export type DrillDoc = Record<string, unknown>;

/** Where the drill came from: a built-in drill, a file, or made new from a scenario. */
export type DrillOrigin =
  { kind: 'builtin'; id: string } | { kind: 'file'; name: string } | { kind: 'new' };

export interface DrillSnapshot {
  doc: DrillDoc;
  label: string;
}

export interface DrillWorkspace {
  origin: DrillOrigin;
  doc: DrillDoc;
  label: string;
  past: DrillSnapshot[];
  future: DrillSnapshot[];
  revision: number;
  /** When the last edit was made (ms, the caller's clock), for coalescing keystrokes. */
  editedAt: number;
}

export const DRILL_HISTORY_LIMIT = 100;
export const COALESCE_MS = 1500;

export function openDrill(doc: DrillDoc, origin: DrillOrigin): DrillWorkspace {
  return { origin, doc, label: '', past: [], future: [], revision: 0, editedAt: 0 };
}

export function editDrill(
  workspace: DrillWorkspace,
  label: string,
  change: (draft: DrillDoc) => DrillDoc | void,
  now: number,
): DrillWorkspace {
  const draft = structuredClone(workspace.doc);
  const doc = change(draft) ?? draft;
  if (JSON.stringify(doc) === JSON.stringify(workspace.doc)) return workspace;
  const coalesce =
    label === workspace.label &&
    workspace.past.length > 0 &&
    workspace.future.length === 0 &&
    now - workspace.editedAt < COALESCE_MS;
  return {
    ...workspace,
    doc,
    label,
    past: coalesce
      ? workspace.past
      : [...workspace.past, { doc: workspace.doc, label: workspace.label }].slice(
          -DRILL_HISTORY_LIMIT,
        ),
    future: [],
    revision: workspace.revision + 1,
    editedAt: now,
  };
}

/** Undo and redo as for scenarios; the next keystroke after either starts a new undo step. */
export function undoDrill(workspace: DrillWorkspace): DrillWorkspace {
  const done = undo(workspace);
  return done === workspace ? workspace : { ...done, editedAt: 0 };
}

export function redoDrill(workspace: DrillWorkspace): DrillWorkspace {
  const done = redo(workspace);
  return done === workspace ? workspace : { ...done, editedAt: 0 };
}

export function isDrillWorkspace(value: unknown): value is DrillWorkspace {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as Partial<DrillWorkspace>;
  return (
    typeof w.doc === 'object' &&
    w.doc !== null &&
    typeof w.origin === 'object' &&
    Array.isArray(w.past) &&
    Array.isArray(w.future) &&
    typeof w.revision === 'number'
  );
}

/** Reads a value at a path like `steps[2].expected[0].deadline` (undefined if absent). */
export function valueAt(doc: unknown, path: string): unknown {
  let here: unknown = doc;
  for (const key of pathKeys(path)) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** Sets a value at a path, making objects on the way; undefined removes the key. */
export function setValueAt(doc: DrillDoc, path: string, value: unknown): void {
  const keys = pathKeys(path);
  let here: Record<string | number, unknown> = doc;
  keys.slice(0, -1).forEach((key, i) => {
    const next = here[key];
    if (typeof next !== 'object' || next === null) {
      here[key] = typeof keys[i + 1] === 'number' ? [] : {};
    }
    here = here[key] as Record<string | number, unknown>;
  });
  const last = keys[keys.length - 1];
  if (value === undefined && !Array.isArray(here)) delete here[last];
  else here[last] = value;
}

export function pathKeys(path: string): Array<string | number> {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
