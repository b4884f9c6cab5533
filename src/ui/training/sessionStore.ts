/**
 * Autosave of the trainee's session: after every step the session (exercise, seed and log) is
 * written to IndexedDB, so that a reload or a crash resumes it where it was. A database of its
 * own, so that the workspace's (src/ui/workspace/persist.ts) keeps its version and stores.
 */

const DATABASE = 'drill-planner-training';
const VERSION = 1;
const STORE = 'training';
const CURRENT = 'current';

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

function transaction<T>(
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest | null,
): Promise<T | undefined> {
  return database().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = act(tx.objectStore(STORE));
        // Commit now: a reload right after a step must find it on the disk.
        tx.commit?.();
        tx.oncomplete = () => resolve(request?.result as T | undefined);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export interface StoredTraining {
  /** What the page needs to resume: the session file's data and where the trainee was. */
  session: unknown;
  savedAt: number;
}

export async function loadStoredTraining(): Promise<StoredTraining | undefined> {
  const value = await transaction<unknown>('readonly', (store) => store.get(CURRENT));
  if (typeof value !== 'object' || value === null) return undefined;
  const { session, savedAt } = value as Partial<StoredTraining>;
  if (session === undefined || typeof savedAt !== 'number') return undefined;
  return { session, savedAt };
}

export async function storeTraining(session: unknown): Promise<void> {
  await transaction('readwrite', (store) =>
    store.put({ session, savedAt: Date.now() } satisfies StoredTraining, CURRENT),
  );
}

export async function clearStoredTraining(): Promise<void> {
  await transaction('readwrite', (store) => store.delete(CURRENT));
}
