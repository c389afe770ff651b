import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * What the two IndexedDB stores of the app (the group, the library of diagnoses) share: opening
 * a store on an injectable IndexedDB (tests pass fake-indexeddb, faults are simulated there),
 * recognising a full disk, and keeping an unreadable record as text someone can read.
 */

export function readGlobalIndexedDb(): IDBFactory | undefined {
  // Reading the global itself throws in some locked-down contexts (sandboxed frames, some private modes).
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

export function openGlobalChannel(name: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
}

/** idb-keyval's createStore, on a given IndexedDB rather than the global one. */
export function createStoreOn(getIndexedDb: () => IDBFactory | undefined, databaseName: string, storeName: string): UseStore {
  let opening: Promise<IDBDatabase> | undefined;
  const openDatabase = (): Promise<IDBDatabase> => {
    if (opening) return opening;
    const factory = getIndexedDb();
    if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(databaseName);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const pending = promisifyRequest(request);
    opening = pending;
    pending.then(
      (database) => {
        // Safari may close the connection by itself, and a newer tab upgrading the database needs ours closed.
        database.onclose = () => (opening = undefined);
        database.onversionchange = () => {
          database.close();
          opening = undefined;
        };
      },
      () => (opening = undefined),
    );
    return pending;
  };
  return (mode, callback) => openDatabase().then((database) => callback(database.transaction(storeName, mode).objectStore(storeName)));
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'QuotaExceededError' || error.code === 22 : (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/** An unreadable record as text, to download and hand to someone: never thrown away. */
export function stringifyForRecovery(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
