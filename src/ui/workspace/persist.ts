/**
 * Autosave: the workspace (scenario, origin and undo history) is written to IndexedDB as each
 * edit is made (see saveScheduler.ts), with the fields' uncommitted drafts beside it, so that
 * closing the tab or a crash loses nothing; the page restores them on load. A session record
 * says whether the last page ended cleanly (its pagehide reached the disk).
 * Recent files keep the last few scenarios opened from files, to reopen without the file.
 */
import { readDraftMap, type DraftMap } from './drafts.ts';
import type { ScenarioDoc, Workspace } from './history.ts';

const DATABASE = 'drill-planner';
const VERSION = 1;
const STORE = 'workspace';
const CURRENT = 'current';
const RECENT = 'recent';
const DRAFTS = 'drafts';
const SESSION = 'session';
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
    // Commit now rather than when this task ends: a crash right after an edit cannot abort it.
    transaction.commit?.();
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error(`cannot write ${key}`));
    transaction.onabort = () => reject(transaction.error ?? new Error(`cannot write ${key}`));
  });
}

export interface SavedWorkspace {
  workspace: Workspace;
  /** When it was written (ms since 1970); null if an older version wrote it. */
  savedAt: number | null;
}

/**
 * The workspace saved last, if any; something else under its key (from an older version, say)
 * is ignored.
 */
export async function loadSavedWorkspace(): Promise<SavedWorkspace | undefined> {
  const saved = await read<unknown>(CURRENT);
  if (!isWorkspace(saved)) return undefined;
  const { savedAt, ...workspace } = saved as Workspace & { savedAt?: unknown };
  return { workspace, savedAt: typeof savedAt === 'number' ? savedAt : null };
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
    savedAt: Date.now(),
  });
}

export async function loadDrafts(): Promise<DraftMap> {
  return readDraftMap(await read<unknown>(DRAFTS));
}

export function saveDrafts(drafts: DraftMap): Promise<void> {
  return write(DRAFTS, drafts);
}

/**
 * Whether the page that owned the workspace last ended cleanly, and marks this page's session
 * as open: if it ends without its pagehide reaching the disk, the next page will know.
 */
export async function openSession(): Promise<{ endedCleanly: boolean }> {
  const last = await read<unknown>(SESSION);
  await write(SESSION, { state: 'open', since: Date.now() });
  const state =
    typeof last === 'object' && last !== null ? (last as { state?: unknown }).state : undefined;
  // No record: the first visit, or a version that kept none; nothing to report either way.
  return { endedCleanly: state !== 'open' };
}

/** Said on pagehide: the session ended cleanly (undone by `openSession` on the next load). */
export function closeSession(): Promise<void> {
  return write(SESSION, { state: 'closed', at: Date.now() });
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
