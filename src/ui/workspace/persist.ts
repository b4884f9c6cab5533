/**
 * Autosave: the workspace (scenario, origin and undo history) is written to IndexedDB after
 * every edit, so that closing the tab or a crash loses nothing; the page restores it on load.
 * Recent files keep the last few scenarios opened from files, to reopen without the file.
 */
import type { ScenarioDoc, Workspace } from './history.ts';

const DATABASE = 'drill-planner';
const VERSION = 1;
const STORE = 'workspace';
const CURRENT = 'current';
const RECENT = 'recent';
/** Recent files remembered. */
export const RECENT_LIMIT = 8;

export interface RecentFile {
  name: string;
  /** When it was opened (ms since 1970, the browser's clock). */
  openedAt: number;
  doc: ScenarioDoc;
}

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
  });
  // A failed open (private mode, a blocked database) is tried again next time.
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

async function read<T>(key: string): Promise<T | undefined> {
  const db = await database();
  return new Promise<T | undefined>((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error ?? new Error(`cannot read ${key}`));
  });
}

async function write(key: string, value: unknown): Promise<void> {
  const db = await database();
  return new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put(value, key);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error(`cannot write ${key}`));
    transaction.onabort = () => reject(transaction.error ?? new Error(`cannot write ${key}`));
  });
}

/**
 * The workspace saved last, if any; something else under its key (from an older version, say)
 * is ignored.
 */
export async function loadSavedWorkspace(): Promise<Workspace | undefined> {
  const saved = await read<unknown>(CURRENT);
  return isWorkspace(saved) ? saved : undefined;
}

function isWorkspace(value: unknown): value is Workspace {
  if (!isObject(value)) return false;
  const { doc, origin, past, future } = value;
  return (
    isObject(doc) &&
    isObject(origin) &&
    (origin.kind === 'builtin' || origin.kind === 'file') &&
    Array.isArray(past) &&
    Array.isArray(future) &&
    typeof value.revision === 'number'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Undo steps kept across a reload: the session keeps HISTORY_LIMIT, but each step is a whole
 * scenario, and every edit rewrites what is saved.
 */
export const SAVED_HISTORY = 20;

export function saveWorkspace(workspace: Workspace): Promise<void> {
  return write(CURRENT, {
    ...workspace,
    past: workspace.past.slice(-SAVED_HISTORY),
    future: workspace.future.slice(0, SAVED_HISTORY),
  });
}

export async function recentFiles(): Promise<RecentFile[]> {
  return (await read<RecentFile[]>(RECENT)) ?? [];
}

/** Puts a file first in the recent list (replacing an older entry of the same name). */
export async function rememberRecentFile(file: RecentFile): Promise<RecentFile[]> {
  const list = [file, ...(await recentFiles()).filter((entry) => entry.name !== file.name)];
  const kept = list.slice(0, RECENT_LIMIT);
  await write(RECENT, kept);
  return kept;
}
