/**
 * Where the library of diagnoses lives on the device, and a cheap look at whether anything is
 * there yet, without the library's code (and zod, which checks every record it reads): on a first
 * visit there is nothing stored, and the welcome page should not pay for reading an empty library.
 */

/** The library's own database: idb-keyval opens one store per database and the group already has 'trajectoires'. */
export const LIBRARY_DATABASE_NAME = 'trajectoires-diagnostics';
export const LIBRARY_STORE_NAME = 'diagnostics';
/** Where tabs tell each other what they wrote or have open. */
export const LIBRARY_CHANNEL_NAME = 'trajectoires.diagnostics';
/** The single draft older versions kept in localStorage (src/data/draft-storage.ts reads it). */
export const DRAFT_STORAGE_KEY = 'trajectoires.draft';

/**
 * True only when the browser lists its databases and the library's is not among them. Any doubt
 * (no IndexedDB, no `databases()`, an error) answers false: the library is then opened and read.
 */
export async function isLibraryDatabaseAbsent(factory: IDBFactory | undefined): Promise<boolean> {
  if (!factory || typeof factory.databases !== 'function') return false;
  try {
    const databases = await factory.databases();
    return !databases.some((database) => database.name === LIBRARY_DATABASE_NAME);
  } catch {
    return false;
  }
}

/** Whether an older version left its draft to move into the library. */
export function hasLegacyDraft(storage: () => Storage = () => window.localStorage): boolean {
  try {
    return storage().getItem(DRAFT_STORAGE_KEY) !== null;
  } catch {
    // Storage out of reach: there is no draft this page could read anyway.
    return false;
  }
}
