/**
 * Autosave: the workspace (scenario, origin and undo history) is written to IndexedDB as each
 * edit is made (see saveScheduler.ts), with the fields' uncommitted drafts beside it, so that
 * closing the tab or a crash loses nothing; the page restores them on load. A session record
 * says whether the last page ended cleanly (its pagehide reached the disk).
 * Recent files keep the last few scenarios opened from files, to reopen without the file.
 *
 * Long arrays (listed incidents, road graphs) are written once, each in a record of its own (a
 * chunk), and the workspace refers to them: an edit of a 50 MB scenario writes its small parts
 * and no chunk, since the versions share the long arrays' items (see copyForEdit).
 */
import { readDraftMap, type DraftMap } from './drafts.ts';
import {
  SHARED_ARRAY_LENGTH,
  sourceOfCopy,
  type EditedCopy,
  type ScenarioDoc,
  type Workspace,
} from './history.ts';

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
  /** As kept (the key of the entry); an edited copy is shown by `edited` instead. */
  name: string;
  edited?: EditedCopy;
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
  const {
    savedAt,
    chunks: chunkIds,
    ...rest
  } = saved as Workspace & {
    savedAt?: unknown;
    chunks?: unknown;
  };
  let workspace = rest as Workspace;
  if (Array.isArray(chunkIds)) {
    const chunks = new Map<string, unknown[]>();
    for (const id of chunkIds as string[]) {
      const items = knownChunks.get(id) ?? (await read<unknown[]>(CHUNK_PREFIX + id));
      if (!Array.isArray(items)) return undefined;
      chunks.set(id, items);
    }
    workspace = internalize(workspace, chunks) as Workspace;
    rememberChunks(chunks);
  }
  return { workspace, savedAt: typeof savedAt === 'number' ? savedAt : null };
}

const CHUNK_PREFIX = 'chunk:';
/** The key of an object standing for a chunk in a saved workspace. */
const CHUNK_MARK = '\u0000chunk';
/** Chunks on disk that this page knows, by id: the arrays they hold. */
let knownChunks = new Map<string, unknown[]>();
/** The chunk an array's items are in. */
const chunkOfArray = new WeakMap<unknown[], string>();
let chunkCount = 0;

function rememberChunks(chunks: Map<string, unknown[]>): void {
  knownChunks = chunks;
  for (const [id, items] of chunks) chunkOfArray.set(items, id);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The chunk holding a long array's items: one on disk already (its own or its source's), or new. */
function chunkFor(array: unknown[], fresh: Map<string, unknown[]>): string {
  // An array of a saved version is never changed (an edit changes a copy): found once, kept.
  const own = chunkOfArray.get(array);
  if (own !== undefined && (knownChunks.has(own) || fresh.has(own))) return own;
  let source: unknown[] | undefined = array;
  for (let step = 0; source && step < HISTORY_STEPS; step++, source = sourceOfCopy(source)) {
    const id = chunkOfArray.get(source);
    const items = id === undefined ? undefined : (knownChunks.get(id) ?? fresh.get(id));
    if (id !== undefined && items && sameItems(items, array)) {
      chunkOfArray.set(array, id);
      return id;
    }
  }
  const id = `${Date.now().toString(36)}-${(chunkCount++).toString(36)}`;
  fresh.set(id, array);
  chunkOfArray.set(array, id);
  return id;
}
/** Copies followed back to find an array's chunk. */
const HISTORY_STEPS = 200;

/** The workspace with its long arrays replaced by chunk marks; the chunks it uses. */
function externalize(value: unknown, fresh: Map<string, unknown[]>, used: Set<string>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.length >= SHARED_ARRAY_LENGTH) {
      const id = chunkFor(value, fresh);
      used.add(id);
      return { [CHUNK_MARK]: id };
    }
    return value.map((item) => externalize(item, fresh, used));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: externalize(item, fresh, used),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function internalize(value: unknown, chunks: Map<string, unknown[]>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => internalize(item, chunks));
  const mark = (value as Record<string, unknown>)[CHUNK_MARK];
  if (typeof mark === 'string' && Object.keys(value).length === 1) return chunks.get(mark);
  for (const [key, item] of Object.entries(value)) {
    (value as Record<string, unknown>)[key] = internalize(item, chunks);
  }
  return value;
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

export async function saveWorkspace(workspace: Workspace): Promise<void> {
  const fresh = new Map<string, unknown[]>();
  const used = new Set<string>();
  const record = externalize(
    {
      ...workspace,
      past: workspace.past.slice(-SAVED_HISTORY),
      future: workspace.future.slice(0, SAVED_HISTORY),
    },
    fresh,
    used,
  ) as Record<string, unknown>;
  record.savedAt = Date.now();
  record.chunks = [...used];
  const db = await database();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    for (const [id, items] of fresh) store.put(items, CHUNK_PREFIX + id);
    store.put(record, CURRENT);
    // Chunks no version refers to any more go in the same transaction.
    const range = IDBKeyRange.bound(CHUNK_PREFIX, `${CHUNK_PREFIX}\uffff`);
    const keys = store.getAllKeys(range);
    keys.onsuccess = () => {
      for (const key of keys.result) {
        if (!used.has(String(key).slice(CHUNK_PREFIX.length))) store.delete(key);
      }
      // Commit now rather than when this task ends: a crash right after an edit cannot abort it.
      transaction.commit?.();
    };
    transaction.oncomplete = () => {
      const kept = new Map<string, unknown[]>();
      for (const id of used) kept.set(id, knownChunks.get(id) ?? fresh.get(id)!);
      rememberChunks(kept);
      resolve();
    };
    transaction.onerror = () =>
      reject(transaction.error ?? new Error('cannot write the workspace'));
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('cannot write the workspace'));
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
