import { getDefaultDiagnosisLibrary, type DiagnosisLibrary } from './diagnosis-library';
import { DRAFT_STORAGE_KEY, LIBRARY_DATABASE_NAME } from './library-database';
import { GROUP_DATABASE_NAME, getDefaultGroupStorage, type GroupStorage } from './group-storage';
import { readGlobalIndexedDb } from './indexed-db-store';
import { LANGUAGE_STORAGE_KEY } from '../i18n/stored-language';

/**
 * What the app keeps on this device, and how to erase all of it, for the « Vos données » page.
 * The service worker's caches are left alone: they hold the app's own code, never an answer.
 */

/** Every key the app writes in localStorage and sessionStorage starts with this. */
export const STORAGE_KEY_PREFIX = 'trajectoires';

/** The language chosen on this device: its key lives with its reader, which imports no i18next. */
export const LANGUAGE_KEY = LANGUAGE_STORAGE_KEY;
// Written by modules this one must not import (the UI's tab memory); tests/ui/pages.test.tsx ties them together.
export const OPEN_DIAGNOSIS_KEY = 'trajectoires.ouvert';
export const PENDING_COPY_KEY = 'trajectoires.ouvert.en-attente';
export const WORKSHOP_KEY = 'trajectoires.atelier';

export type GroupSummary = { status: 'none' } | { status: 'found'; respondents: number } | { status: 'unreadable' };

export interface LocalDataSummary {
  /** False when the browser refuses IndexedDB (some private modes, a policy): nothing outlives the tab. */
  isIndexedDbAvailable: boolean;
  /** Readable diagnoses of the library; null when the library could not be read. */
  diagnoses: number | null;
  /** Records kept aside: unreadable ones (quarantine) and those written by a newer version of the app. */
  setAsideRecords: number;
  /** Null when the group could not be read at all. */
  group: GroupSummary | null;
  /** The language chosen on this device, or null when none was (French then). */
  language: string | null;
  /** The single draft an older version kept in localStorage, not yet moved into the library. */
  hasLegacyDraft: boolean;
  /** What this tab alone keeps in sessionStorage. */
  tab: { hasOpenDiagnosis: boolean; hasPendingCopy: boolean; isWorkshop: boolean };
  localStorageKeys: string[];
  sessionStorageKeys: string[];
}

export type StoragePlace = 'library-database' | 'group-database' | 'local-storage' | 'session-storage';

/** 'blocked': another tab still holds the database open and did not let go in time. */
export interface EraseFailure {
  place: StoragePlace;
  reason: 'blocked' | 'error';
}

export interface EraseOutcome {
  ok: boolean;
  failures: EraseFailure[];
}

export interface LocalDataOptions {
  /** Undefined means the browser has no IndexedDB. Give the same one as `library` and `groupStorage` use. */
  getIndexedDb?: () => IDBFactory | undefined;
  getLocalStorage?: () => Storage | undefined;
  getSessionStorage?: () => Storage | undefined;
  library?: DiagnosisLibrary;
  groupStorage?: GroupStorage;
  /** How long an erase waits for other tabs to close a database before calling it blocked. */
  blockedTimeoutMs?: number;
}

const DEFAULT_BLOCKED_TIMEOUT_MS = 3000;

function readGlobalStorage(name: 'localStorage' | 'sessionStorage'): () => Storage | undefined {
  // Reading the global itself throws where storage is refused (sandboxed frames, some private modes).
  return () => {
    try {
      return typeof window === 'undefined' ? undefined : window[name];
    } catch {
      return undefined;
    }
  };
}

function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function listOwnKeys(storage: Storage | undefined): string[] {
  if (!storage) return [];
  try {
    const keys: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(STORAGE_KEY_PREFIX)) keys.push(key);
    }
    return keys.sort();
  } catch {
    return [];
  }
}

/**
 * The names of the databases that exist, or null when the browser cannot tell (no `databases()`):
 * describing must not create an empty database that an erase has just removed.
 */
async function listExistingDatabases(factory: IDBFactory): Promise<Set<string> | null> {
  if (typeof factory.databases !== 'function') return null;
  try {
    const databases = await factory.databases();
    return new Set(databases.flatMap((database) => (database.name ? [database.name] : [])));
  } catch {
    return null;
  }
}

export async function describeLocalData(options: LocalDataOptions = {}): Promise<LocalDataSummary> {
  const factory = safely(options.getIndexedDb ?? readGlobalIndexedDb);
  const localStorage = safely(options.getLocalStorage ?? readGlobalStorage('localStorage'));
  const sessionStorage = safely(options.getSessionStorage ?? readGlobalStorage('sessionStorage'));
  const localStorageKeys = listOwnKeys(localStorage);
  const sessionStorageKeys = listOwnKeys(sessionStorage);
  const existing = factory ? await listExistingDatabases(factory) : new Set<string>();
  const exists = (name: string) => existing === null || existing.has(name);

  let diagnoses: number | null = 0;
  let setAsideRecords = 0;
  if (factory && exists(LIBRARY_DATABASE_NAME)) {
    const listed = await (options.library ?? getDefaultDiagnosisLibrary()).list();
    if (listed.status === 'ok') {
      diagnoses = listed.entries.length;
      setAsideRecords = listed.quarantined.length + (listed.newer ?? 0);
    } else {
      diagnoses = null;
    }
  }

  let group: GroupSummary | null = { status: 'none' };
  if (factory && exists(GROUP_DATABASE_NAME)) {
    const loaded = await (options.groupStorage ?? getDefaultGroupStorage()).load();
    group =
      loaded.status === 'found'
        ? { status: 'found', respondents: loaded.group.members.length }
        : loaded.status === 'corrupted'
          ? { status: 'unreadable' }
          : loaded.status === 'none'
            ? { status: 'none' }
            : null;
  }

  return {
    isIndexedDbAvailable: factory !== undefined,
    diagnoses,
    setAsideRecords,
    group,
    language: safely(() => localStorage?.getItem(LANGUAGE_KEY)) ?? null,
    hasLegacyDraft: localStorageKeys.includes(DRAFT_STORAGE_KEY),
    tab: {
      hasOpenDiagnosis: sessionStorageKeys.includes(OPEN_DIAGNOSIS_KEY),
      hasPendingCopy: sessionStorageKeys.includes(PENDING_COPY_KEY),
      isWorkshop: sessionStorageKeys.includes(WORKSHOP_KEY),
    },
    localStorageKeys,
    sessionStorageKeys,
  };
}

/**
 * Deletes one database. Open connections of this app close themselves on `versionchange`
 * (indexed-db-store.ts); a tab that does not (an older version, a frozen tab) makes the
 * request `blocked`: it is then given a moment, and reported if it still holds on.
 */
function deleteDatabase(factory: IDBFactory, name: string, blockedTimeoutMs: number): Promise<'deleted' | 'blocked' | 'error'> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.deleteDatabase(name);
    } catch {
      resolve('error');
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (outcome: 'deleted' | 'blocked' | 'error') => {
      clearTimeout(timer);
      resolve(outcome);
    };
    request.onsuccess = () => settle('deleted');
    request.onerror = () => settle('error');
    request.onblocked = () => {
      timer ??= setTimeout(() => settle('blocked'), blockedTimeoutMs);
    };
  });
}

function removeOwnKeys(storage: Storage | undefined): boolean {
  if (!storage) return true;
  try {
    for (const key of listOwnKeys(storage)) storage.removeItem(key);
    return listOwnKeys(storage).length === 0;
  } catch {
    return false;
  }
}

/**
 * Erases everything the app keeps on this device: both databases and every `trajectoires*` key of
 * localStorage and sessionStorage. Exported files are elsewhere and stay. Says what failed, if anything.
 */
export async function eraseAllLocalData(options: LocalDataOptions = {}): Promise<EraseOutcome> {
  const failures: EraseFailure[] = [];
  if (!removeOwnKeys(safely(options.getLocalStorage ?? readGlobalStorage('localStorage')))) failures.push({ place: 'local-storage', reason: 'error' });
  if (!removeOwnKeys(safely(options.getSessionStorage ?? readGlobalStorage('sessionStorage')))) failures.push({ place: 'session-storage', reason: 'error' });

  const factory = safely(options.getIndexedDb ?? readGlobalIndexedDb);
  // Without IndexedDB nothing could have been stored there.
  if (factory) {
    const timeout = options.blockedTimeoutMs ?? DEFAULT_BLOCKED_TIMEOUT_MS;
    const places: [string, StoragePlace][] = [
      [LIBRARY_DATABASE_NAME, 'library-database'],
      [GROUP_DATABASE_NAME, 'group-database'],
    ];
    const outcomes = await Promise.all(places.map(async ([name, place]) => ({ place, outcome: await deleteDatabase(factory, name, timeout) })));
    for (const { place, outcome } of outcomes) if (outcome !== 'deleted') failures.push({ place, reason: outcome });
  }
  return { ok: failures.length === 0, failures };
}
