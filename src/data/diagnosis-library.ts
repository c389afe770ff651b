import { del, entries as readAllRecords, get, promisifyRequest } from 'idb-keyval';
import { z } from 'zod';
import {
  LibraryEntrySchema,
  buildDuplicateTitle,
  normaliseLibraryEntryTitle,
  sortLibraryEntries,
  type DuplicateTitleWording,
  type EntryChanges,
  type LibraryEntry,
  type NewLibraryEntry,
} from '../domain/diagnosis-library-entry';
import { ANSWERS_FILE_FORMAT_VERSION } from '../domain/answers';
import { createStoreOn, isQuotaError, openGlobalChannel, readGlobalIndexedDb, stringifyForRecovery } from './indexed-db-store';
import { DRAFT_STORAGE_KEY, type Draft, type DraftStorage } from './draft-storage';
import { LIBRARY_CHANNEL_NAME, LIBRARY_DATABASE_NAME, LIBRARY_STORE_NAME } from './library-database';

export type { DiagnosisStatus, DuplicateTitleWording, EntryChanges, LibraryEntry, NewLibraryEntry } from '../domain/diagnosis-library-entry';

export { LIBRARY_CHANNEL_NAME, LIBRARY_DATABASE_NAME, LIBRARY_STORE_NAME } from './library-database';

/*
 * The diagnoses kept on this device, in IndexedDB (its names in ./library-database.ts): one
 * record per diagnosis, so that a write never rewrites the others and one damaged record never
 * hides the rest.
 */
/** Each record has its own version so that a later format can migrate it. */
const ENTRY_RECORD_VERSION = 1;
const ENTRY_KEY_PREFIX = 'diagnostic:';
const QUARANTINE_KEY_PREFIX = 'quarantaine:';
/** Remembers which draft was adopted, so two tabs opened on the new version do not both copy it. */
const ADOPTED_DRAFT_KEY = `adoption:${DRAFT_STORAGE_KEY}`;

export interface QuarantinedRecord {
  /** Where the raw record now lives; give it back to removeQuarantined. */
  key: string;
  raw: string;
  quarantinedAt: string;
}

export type LibraryListResult =
  | {
      status: 'ok';
      entries: LibraryEntry[];
      quarantined: QuarantinedRecord[];
      /** How many records a newer version of the app wrote (left untouched); present only when above 0. */
      newer?: number;
    }
  | { status: 'unavailable' };

/** 'newer': a record written by a newer version of the app, which this one neither reads nor writes. */
export type LibraryGetResult =
  | { status: 'found'; entry: LibraryEntry }
  | { status: 'missing' }
  | { status: 'corrupted' }
  | { status: 'newer' }
  | { status: 'unavailable' };

/** 'newer': the record was written by a newer version of the app; nothing was written. */
export type LibraryFailure = 'unavailable' | 'quota' | 'missing' | 'conflict' | 'newer';

export type LibraryWriteResult = { ok: true; entry: LibraryEntry } | { ok: false; reason: LibraryFailure; current?: LibraryEntry };

export type LibraryRemoveResult = { ok: true } | { ok: false; reason: 'unavailable' };

export interface DiagnosisLibrary {
  /**
   * Every readable diagnosis, most recently changed first; unreadable records are moved to quarantine
   * and reported. Records of a newer version of the app stay where they are and are only counted.
   */
  list(): Promise<LibraryListResult>;
  get(id: string): Promise<LibraryGetResult>;
  create(entry: NewLibraryEntry): Promise<LibraryWriteResult>;
  /**
   * Compare-and-set in one readwrite transaction: refused with 'conflict' (and `current`) when the
   * stored revision is not `expectedRevision`, with 'missing' when the record is gone or unreadable,
   * with 'newer' when a newer version of the app wrote it.
   */
  save(id: string, changes: EntryChanges, expectedRevision: number): Promise<LibraryWriteResult>;
  /**
   * A blank title goes back to showing the organisation name. The revision stays: a save never
   * writes the title, so a rename from another tab must not make that tab's next save a conflict.
   */
  rename(id: string, title: string | null): Promise<LibraryWriteResult>;
  /** A copy under a new id, title « <name> (copie) » (or the wording's), revision 1, previousId null. */
  duplicate(id: string, wording?: DuplicateTitleWording): Promise<LibraryWriteResult>;
  remove(id: string): Promise<LibraryRemoveResult>;
  /** Deletes a quarantined record for good; never deletes a readable diagnosis. */
  removeQuarantined(key: string): Promise<LibraryRemoveResult>;
  /**
   * Moves the old single localStorage draft into the library once, clearing it only after the write
   * succeeded; a corrupted draft goes to quarantine. Returns the created entry, or null.
   */
  adoptLegacyDraft(drafts: DraftStorage, describe: (draft: Draft) => NewLibraryEntry): Promise<LibraryEntry | null>;
  /** Calls the listener with the id another tab wrote (null when several records changed); returns the unsubscribe. */
  subscribe(listener: (id: string | null) => void): () => void;
  /**
   * Announces that this tab edits `id`; `onOtherTab` is called (possibly more than once) when another
   * tab edits the same diagnosis, whichever opened it first. Returns the release.
   */
  watchEditing(id: string, onOtherTab: (isOpenElsewhere: boolean) => void): () => void;
}

export interface DiagnosisLibraryOptions {
  /** IndexedDB, read when first needed; tests pass a fresh fake. Undefined means the browser has none. */
  getIndexedDb?: () => IDBFactory | undefined;
  /** The channel other tabs hear; null where BroadcastChannel is missing. */
  openChannel?: (name: string) => BroadcastChannel | null;
  createId?: () => string;
}

const EntryRecordSchema = z.object({ version: z.literal(ENTRY_RECORD_VERSION), entry: LibraryEntrySchema });
const QuarantineRecordSchema = z.object({ raw: z.string(), quarantinedAt: z.string() });

type ChannelMessage =
  | { type: 'changed'; id: string | null; tabId: string }
  | { type: 'editing' | 'also-editing' | 'left'; id: string; tabId: string };

function readChannelMessage(data: unknown): ChannelMessage | null {
  if (data === null || typeof data !== 'object') return null;
  const { type, id, tabId } = data as Record<string, unknown>;
  if (typeof tabId !== 'string') return null;
  if (type === 'changed' && (typeof id === 'string' || id === null)) return { type, id, tabId };
  if ((type === 'editing' || type === 'also-editing' || type === 'left') && typeof id === 'string') return { type, id, tabId };
  return null;
}

function createRandomId(): string {
  // randomUUID exists only in secure contexts; a page served over plain http on a local network still has getRandomValues.
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a: the same corrupted draft gets the same quarantine key, so two tabs adopting it keep one copy. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function toEntryKey(id: string): string {
  return `${ENTRY_KEY_PREFIX}${id}`;
}

/** The entry of a record, or null when the record is unreadable (a record filed under another id is unreadable too). */
function readEntryRecord(key: string, value: unknown): LibraryEntry | null {
  const parsed = EntryRecordSchema.safeParse(value);
  return parsed.success && toEntryKey(parsed.data.entry.id) === key ? parsed.data.entry : null;
}

/**
 * A record this version cannot read because a newer version of the app wrote it: a later record
 * version, or an answers file of a later format. It is left alone, never quarantined nor overwritten.
 */
function isNewerRecord(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { version, entry } = value as Record<string, unknown>;
  if (typeof version !== 'number') return false;
  if (version > ENTRY_RECORD_VERSION) return true;
  if (version !== ENTRY_RECORD_VERSION || entry === null || typeof entry !== 'object') return false;
  const { file } = entry as Record<string, unknown>;
  if (file === null || typeof file !== 'object') return false;
  const { formatVersion } = file as Record<string, unknown>;
  return typeof formatVersion === 'number' && formatVersion > ANSWERS_FILE_FORMAT_VERSION;
}

function toEntryRecord(entry: LibraryEntry): { version: number; entry: LibraryEntry } {
  return { version: ENTRY_RECORD_VERSION, entry };
}

function abortQuietly(transaction: IDBTransaction): void {
  try {
    transaction.abort();
  } catch {
    // Already finished or aborted: nothing was written either way.
  }
}

type StoredEntry = { status: 'found'; entry: LibraryEntry } | { status: 'absent' } | { status: 'unreadable' } | { status: 'newer' };

type WriteDecision =
  | { write: LibraryEntry; alsoPut?: [key: string, value: unknown][] }
  | { refuse: 'missing' | 'conflict' | 'newer'; current?: LibraryEntry }
  | { skip: true };

export function createDiagnosisLibrary({
  getIndexedDb = readGlobalIndexedDb,
  openChannel = openGlobalChannel,
  createId = createRandomId,
}: DiagnosisLibraryOptions = {}): DiagnosisLibrary {
  const store = createStoreOn(getIndexedDb, LIBRARY_DATABASE_NAME, LIBRARY_STORE_NAME);
  // Never the injected createId: two libraries with the same test ids would take each other for themselves.
  const tabId = createRandomId();

  const tryOpenChannel = (): BroadcastChannel | null => {
    try {
      return openChannel(LIBRARY_CHANNEL_NAME);
    } catch {
      return null;
    }
  };

  const post = (channel: BroadcastChannel, message: ChannelMessage) => {
    try {
      channel.postMessage(message);
    } catch {
      // A closed channel: the other tabs learn it at their next read.
    }
  };

  const announceChange = (id: string | null) => {
    const channel = tryOpenChannel();
    if (!channel) return;
    post(channel, { type: 'changed', id, tabId });
    // Messages already posted are still delivered after close; an open channel would keep Node alive.
    channel.close();
  };

  /** Runs `work` in one transaction and resolves once it is committed: browsers may refuse a full disk only at commit. */
  const transact = <T>(mode: IDBTransactionMode, work: (objectStore: IDBObjectStore) => Promise<T>): Promise<T> =>
    store(mode, async (objectStore) => {
      const committed = promisifyRequest(objectStore.transaction);
      // Handled below; without this, an abort while `work` still runs would count as unhandled.
      committed.catch(() => {});
      let result: T;
      try {
        result = await work(objectStore);
      } catch (error) {
        abortQuietly(objectStore.transaction);
        throw error;
      }
      await committed;
      return result;
    });

  const readStoredEntry = async (objectStore: IDBObjectStore, id: string): Promise<StoredEntry> => {
    const key = toEntryKey(id);
    const value: unknown = await promisifyRequest(objectStore.get(key));
    if (value === undefined) return { status: 'absent' };
    const entry = readEntryRecord(key, value);
    if (entry) return { status: 'found', entry };
    return isNewerRecord(value) ? { status: 'newer' } : { status: 'unreadable' };
  };

  /** What a write on `id` does when the record is not there to be read. */
  const refuseUnread = (stored: Exclude<StoredEntry, { status: 'found' }>): WriteDecision => ({ refuse: stored.status === 'newer' ? 'newer' : 'missing' });

  /** Reads, decides and writes in one readwrite transaction, so no other tab can write in between. */
  const writeEntry = async (
    decide: (read: (id: string) => Promise<StoredEntry>, readValue: (key: string) => Promise<unknown>) => Promise<WriteDecision>,
  ): Promise<LibraryWriteResult | null> => {
    let decision: WriteDecision;
    try {
      decision = await transact('readwrite', async (objectStore) => {
        const outcome = await decide(
          (id) => readStoredEntry(objectStore, id),
          (key) => promisifyRequest(objectStore.get(key)),
        );
        if ('write' in outcome) {
          objectStore.put(toEntryRecord(outcome.write), toEntryKey(outcome.write.id));
          for (const [key, value] of outcome.alsoPut ?? []) objectStore.put(value, key);
        }
        return outcome;
      });
    } catch (error) {
      return { ok: false, reason: isQuotaError(error) ? 'quota' : 'unavailable' };
    }
    if ('skip' in decision) return null;
    if ('refuse' in decision) return { ok: false, reason: decision.refuse, ...(decision.current ? { current: decision.current } : {}) };
    announceChange(decision.write.id);
    return { ok: true, entry: decision.write };
  };

  /** Writes a new entry under a fresh id; refuses rather than overwrite should the id be taken. */
  const decideCreation = async (read: (id: string) => Promise<StoredEntry>, entry: NewLibraryEntry, alsoPut?: [string, unknown][]): Promise<WriteDecision> => {
    const id = createId();
    const existing = await read(id);
    if (existing.status !== 'absent') return { refuse: 'conflict', ...(existing.status === 'found' ? { current: existing.entry } : {}) };
    return { write: { ...entry, id, revision: 1 }, ...(alsoPut ? { alsoPut } : {}) };
  };

  /** Whatever happens, the caller hears a result (a null from writeEntry only comes with a skip decision). */
  const ensureResult = (result: LibraryWriteResult | null): LibraryWriteResult => result ?? { ok: false, reason: 'unavailable' };

  const moveToQuarantine = async (records: { key: string; raw: string }[], quarantinedAt: string): Promise<boolean> => {
    try {
      await transact('readwrite', async (objectStore) => {
        for (const { key, raw } of records) {
          objectStore.put({ raw, quarantinedAt }, `${QUARANTINE_KEY_PREFIX}${key}`);
          objectStore.delete(key);
        }
      });
      return true;
    } catch {
      return false;
    }
  };

  const adoptCorruptedDraft = async (drafts: DraftStorage, raw: string): Promise<null> => {
    try {
      await transact('readwrite', async (objectStore) => {
        objectStore.put({ raw, quarantinedAt: new Date().toISOString() }, `${QUARANTINE_KEY_PREFIX}${DRAFT_STORAGE_KEY}:${hashText(raw)}`);
      });
    } catch {
      return null;
    }
    drafts.clear();
    announceChange(null);
    return null;
  };

  return {
    async list() {
      let records: [IDBValidKey, unknown][];
      try {
        records = await readAllRecords(store);
      } catch {
        return { status: 'unavailable' };
      }
      const entries: LibraryEntry[] = [];
      const quarantined: QuarantinedRecord[] = [];
      const unreadable: { key: string; raw: string }[] = [];
      let newer = 0;
      const now = new Date().toISOString();
      for (const [key, value] of records) {
        // Other keys (the adoption marker, or those of a later version) are not diagnoses.
        if (typeof key !== 'string') continue;
        if (key.startsWith(ENTRY_KEY_PREFIX)) {
          const entry = readEntryRecord(key, value);
          if (entry) entries.push(entry);
          // A newer version's record stays where it is: that version still reads it.
          else if (isNewerRecord(value)) newer += 1;
          else unreadable.push({ key, raw: stringifyForRecovery(value) });
        } else if (key.startsWith(QUARANTINE_KEY_PREFIX)) {
          const parsed = QuarantineRecordSchema.safeParse(value);
          quarantined.push(parsed.success ? { key, ...parsed.data } : { key, raw: stringifyForRecovery(value), quarantinedAt: now });
        }
      }
      if (unreadable.length > 0) {
        // When the move fails (a full disk), the record stays where it is and is reported all the same; the next list tries again.
        const isMoved = await moveToQuarantine(unreadable, now);
        quarantined.push(...unreadable.map(({ key, raw }) => ({ key: isMoved ? `${QUARANTINE_KEY_PREFIX}${key}` : key, raw, quarantinedAt: now })));
        if (isMoved) announceChange(null);
      }
      return { status: 'ok', entries: sortLibraryEntries(entries), quarantined, ...(newer > 0 ? { newer } : {}) };
    },

    async get(id) {
      const key = toEntryKey(id);
      let value: unknown;
      try {
        value = await get(key, store);
      } catch {
        return { status: 'unavailable' };
      }
      if (value === undefined) return { status: 'missing' };
      const entry = readEntryRecord(key, value);
      if (entry) return { status: 'found', entry };
      return isNewerRecord(value) ? { status: 'newer' } : { status: 'corrupted' };
    },

    async create(entry) {
      return ensureResult(await writeEntry((read) => decideCreation(read, entry)));
    },

    async save(id, { file, step, status, completedAt, organisationName }, expectedRevision) {
      const result = await writeEntry(async (read) => {
        const stored = await read(id);
        // An unreadable record is left for list() to quarantine rather than overwritten; a newer one is left alone.
        if (stored.status !== 'found') return refuseUnread(stored);
        if (stored.entry.revision !== expectedRevision) return { refuse: 'conflict', current: stored.entry };
        // Only the fields a save may change are taken, whatever else the caller's object carries.
        return { write: { ...stored.entry, file, step, status, completedAt, organisationName, revision: stored.entry.revision + 1 } };
      });
      return ensureResult(result);
    },

    async rename(id, title) {
      const result = await writeEntry(async (read) => {
        const stored = await read(id);
        if (stored.status !== 'found') return refuseUnread(stored);
        // The revision stays: saves keep the stored title, so a rename and a save never overwrite each other.
        return { write: { ...stored.entry, title: normaliseLibraryEntryTitle(title) } };
      });
      return ensureResult(result);
    },

    async duplicate(id, wording) {
      const result = await writeEntry(async (read) => {
        const source = await read(id);
        if (source.status !== 'found') return refuseUnread(source);
        const { id: _id, revision: _revision, ...copy } = source.entry;
        return decideCreation(read, { ...copy, title: buildDuplicateTitle(source.entry, wording), previousId: null });
      });
      return ensureResult(result);
    },

    async remove(id) {
      try {
        await del(toEntryKey(id), store);
      } catch {
        return { ok: false, reason: 'unavailable' };
      }
      announceChange(id);
      return { ok: true };
    },

    async removeQuarantined(key) {
      try {
        await transact('readwrite', async (objectStore) => {
          if (key.startsWith(QUARANTINE_KEY_PREFIX)) {
            objectStore.delete(key);
          } else if (key.startsWith(ENTRY_KEY_PREFIX)) {
            // A record whose move to quarantine failed: deleted only if it is still unreadable, and not a newer version's.
            const value: unknown = await promisifyRequest(objectStore.get(key));
            if (value !== undefined && !readEntryRecord(key, value) && !isNewerRecord(value)) objectStore.delete(key);
          }
        });
      } catch {
        return { ok: false, reason: 'unavailable' };
      }
      announceChange(null);
      return { ok: true };
    },

    async adoptLegacyDraft(drafts, describe) {
      const loaded = drafts.load();
      if (loaded.status === 'corrupted') return adoptCorruptedDraft(drafts, loaded.raw);
      if (loaded.status !== 'found') return null;
      const { draft } = loaded;
      let entry: NewLibraryEntry;
      try {
        entry = describe(draft);
      } catch {
        return null;
      }
      // The draft is saved after every answer, so its dates tell one draft from another.
      const marker = { createdAt: draft.file.createdAt, updatedAt: draft.file.updatedAt };
      const result = await writeEntry(async (read, readValue) => {
        const adopted = (await readValue(ADOPTED_DRAFT_KEY)) as Partial<typeof marker> | undefined;
        // Another tab adopted this very draft a moment ago: one copy is enough.
        if (adopted?.createdAt === marker.createdAt && adopted.updatedAt === marker.updatedAt) return { skip: true };
        return decideCreation(read, entry, [[ADOPTED_DRAFT_KEY, marker]]);
      });
      if (result === null) {
        drafts.clear();
        return null;
      }
      if (!result.ok) return null;
      drafts.clear();
      return result.entry;
    },

    subscribe(listener) {
      const channel = tryOpenChannel();
      if (!channel) return () => {};
      channel.onmessage = (event: MessageEvent<unknown>) => {
        const message = readChannelMessage(event.data);
        if (message?.type === 'changed' && message.tabId !== tabId) listener(message.id);
      };
      return () => channel.close();
    },

    watchEditing(id, onOtherTab) {
      const channel = tryOpenChannel();
      if (!channel) return () => {};
      // Every other tab editing the same diagnosis, so that the warning goes only when the last one leaves.
      const others = new Set<string>();
      channel.onmessage = (event: MessageEvent<unknown>) => {
        const message = readChannelMessage(event.data);
        if (!message || message.type === 'changed' || message.id !== id || message.tabId === tabId) return;
        if (message.type === 'left') others.delete(message.tabId);
        else others.add(message.tabId);
        // Answering tells the tab that just opened it that this one was already there.
        if (message.type === 'editing') post(channel, { type: 'also-editing', id, tabId });
        onOtherTab(others.size > 0);
      };
      post(channel, { type: 'editing', id, tabId });
      return () => {
        post(channel, { type: 'left', id, tabId });
        channel.close();
      };
    },
  };
}

let defaultLibrary: DiagnosisLibrary | undefined;

/** The page's one library, created on first use rather than when the module loads. */
export function getDefaultDiagnosisLibrary(): DiagnosisLibrary {
  defaultLibrary ??= createDiagnosisLibrary();
  return defaultLibrary;
}
