/**
 * The scenario being edited, as plain serialisable data (the JSON a scenario file holds), with
 * its undo and redo history. Pure: the React context (WorkspaceContext.tsx) holds one of these
 * and persists it (persist.ts).
 */

/** Scenario data as the editor holds it: JSON, not yet checked (it may be invalid mid-edit). */
export type ScenarioDoc = Record<string, unknown>;

/**
 * Where the scenario came from: a built-in, a file the user opened, or an import. An edited
 * copy kept under "Recent" is a file that says what it is a copy of and when it was kept, so
 * that its name is written in the page's language when shown, not in the one it was kept in.
 */
export type DocOrigin =
  { kind: 'builtin'; id: string } | { kind: 'file'; name: string; edited?: EditedCopy };

/** An edited copy: of a built-in (by id) or of a file (by name), kept at `at` (ms since 1970). */
export interface EditedCopy {
  of: { builtin: string } | { file: string };
  at: number;
}

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
 * Arrays at least this long (listed incidents, road nodes and edges, long boundaries) are not
 * copied item by item for an edit: the new version gets a new array holding the same items,
 * which are frozen so that no version can change another's. An edit of a 50 MB scenario then
 * costs what its small parts cost, not a copy and two serialisations of the whole.
 */
export const SHARED_ARRAY_LENGTH = 1000;

/** Arrays whose items are frozen, deep. */
const frozenItems = new WeakSet<unknown[]>();
/** For an array copied for an edit: the array it was copied from (same items when made). */
const copiedFrom = new WeakMap<unknown[], unknown[]>();

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

/** The array a long array was copied from for an edit, if it was (see SHARED_ARRAY_LENGTH). */
export function sourceOfCopy(array: unknown[]): unknown[] | undefined {
  return copiedFrom.get(array);
}

/**
 * A copy of the document to change: small parts copied deep, long arrays copied shallow with
 * their (frozen) items shared. Frozen values are shared as they are; `setIn` copies them on
 * the way to what it sets.
 */
export function copyForEdit<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    if (value.length >= SHARED_ARRAY_LENGTH) {
      if (!frozenItems.has(value)) {
        for (const item of value) deepFreeze(item);
        frozenItems.add(value);
      }
      const copy = value.slice();
      frozenItems.add(copy);
      copiedFrom.set(copy, value);
      return copy as T;
    }
    return value.map(copyForEdit) as T;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A "__proto__" key (in a file, mid-edit) stays a key, never the copy's prototype.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, {
        value: copyForEdit(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else copy[key] = copyForEdit(item);
  }
  return copy as T;
}

/** Whether two JSON values are equal; shared parts (the same object) are not looked into. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // NaN and undefined as JSON would write them.
    return JSON.stringify(a) === JSON.stringify(b) && a !== undefined && b !== undefined;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, other[i] ?? null)) return false;
    return true;
  }
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

/**
 * Applies an edit. `change` gets a copy of the document (see `copyForEdit`) and may change it
 * in place or return a new one; an edit that changes nothing leaves the history alone.
 */
export function applyEdit(
  workspace: Workspace,
  label: string,
  change: (draft: ScenarioDoc) => ScenarioDoc | void,
): Workspace {
  const draft = copyForEdit(workspace.doc);
  const doc = change(draft) ?? draft;
  if (sameJson(doc, workspace.doc)) return workspace;
  return {
    ...workspace,
    doc,
    label,
    past: [...workspace.past, { doc: workspace.doc, label: workspace.label }].slice(-HISTORY_LIMIT),
    future: [],
    revision: workspace.revision + 1,
  };
}

/** The part of a document's history undo and redo move through (scenarios and drills alike). */
export interface History<Doc> {
  doc: Doc;
  label: string;
  past: Array<{ doc: Doc; label: string }>;
  future: Array<{ doc: Doc; label: string }>;
  revision: number;
}

export function undo<W extends History<W['doc']>>(workspace: W): W {
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

export function redo<W extends History<W['doc']>>(workspace: W): W {
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
