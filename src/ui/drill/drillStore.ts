/**
 * The drill's own corner of IndexedDB, apart from the scenario workspace (src/ui/workspace/
 * persist.ts) so that neither can overwrite the other: the drill being edited with its undo
 * history, the controller console's state on drill day, and the year plan. Each is written as
 * it changes (a drill-day keystroke included), committed at once, so a crashed tab loses nothing.
 */

const DATABASE = 'drill-planner-drills';
const VERSION = 1;
const STORE = 'drills';

export type DrillStoreKey =
  'workspace' | 'console' | 'plan' | 'planSheets' | 'prediction' | 'evaluation';

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

export async function readDrillStore<T>(key: DrillStoreKey): Promise<T | undefined> {
  const db = await database();
  return new Promise<T | undefined>((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error ?? new Error(`cannot read ${key}`));
  });
}

/**
 * Writes are chained per key, so that a slow write cannot land after a later one; each commits
 * at once rather than when the task ends, so a crash right after a keystroke cannot abort it.
 */
const chains = new Map<DrillStoreKey, Promise<void>>();

export function writeDrillStore(key: DrillStoreKey, value: unknown): Promise<void> {
  const previous = chains.get(key) ?? Promise.resolve();
  const next = previous
    .catch(() => {})
    .then(async () => {
      const db = await database();
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).put(value, key);
        transaction.commit?.();
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error(`cannot write ${key}`));
        transaction.onabort = () => reject(transaction.error ?? new Error(`cannot write ${key}`));
      });
    });
  chains.set(key, next);
  return next;
}
