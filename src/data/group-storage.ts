import { del, get, set } from 'idb-keyval';
import { GroupSchema, type Group } from '../domain/group';
import { createStoreOn, isQuotaError, openGlobalChannel, readGlobalIndexedDb, stringifyForRecovery } from './indexed-db-store';

/**
 * The group of this device (workshop, board, imported files), kept in IndexedDB: a thousand
 * answers files would not fit in localStorage, and the projection window reads it too. Its own
 * database, so that the library of diagnoses (issue 6) can have another without a shared upgrade.
 */
export const GROUP_DATABASE_NAME = 'trajectoires';
export const GROUP_STORE_NAME = 'groupe';
export const GROUP_RECORD_KEY = 'groupe';
export const GROUP_CHANNEL_NAME = 'trajectoires.groupe';
/** The record has its own version so that a later format can migrate it. */
const GROUP_RECORD_VERSION = 1;

/** Why a stored group cannot be read; the interface words it in its own language (group catalogue, `storage.corruption`). */
export type GroupCorruption = 'unreadable' | 'newer' | 'damaged';

export type GroupLoadResult =
  | { status: 'none' }
  | { status: 'found'; group: Group }
  | { status: 'corrupted'; raw: string; reason: GroupCorruption }
  | { status: 'unavailable' };

export type GroupSaveResult = { ok: true } | { ok: false; reason: 'unavailable' | 'quota' };

export interface GroupStorage {
  load(): Promise<GroupLoadResult>;
  save(group: Group): Promise<GroupSaveResult>;
  clear(): Promise<void>;
  /** Calls the listener when another tab or window saves or clears the group; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface GroupStorageOptions {
  /** IndexedDB, read when first needed; tests pass a fresh fake. Undefined means the browser has none. */
  getIndexedDb?: () => IDBFactory | undefined;
  /** The channel other windows hear; null where BroadcastChannel is missing. */
  openChannel?: () => BroadcastChannel | null;
}

interface ChangeMessage {
  type: 'group.changed';
  sender: string;
}

function isChangeMessage(data: unknown): data is ChangeMessage {
  return data !== null && typeof data === 'object' && (data as Partial<ChangeMessage>).type === 'group.changed';
}

function openGroupChannel(): BroadcastChannel | null {
  return openGlobalChannel(GROUP_CHANNEL_NAME);
}

function classifyCorruption(value: unknown): GroupCorruption {
  if (value === null || typeof value !== 'object') return 'unreadable';
  const version = (value as { version?: unknown }).version;
  return typeof version === 'number' && version > GROUP_RECORD_VERSION ? 'newer' : 'damaged';
}

function createSenderId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function createGroupStorage({ getIndexedDb = readGlobalIndexedDb, openChannel = openGroupChannel }: GroupStorageOptions = {}): GroupStorage {
  const store = createStoreOn(getIndexedDb, GROUP_DATABASE_NAME, GROUP_STORE_NAME);
  // Own messages are ignored, so a page never reloads the group it has just saved (and cannot race its next change).
  const senderId = createSenderId();

  const announceChange = () => {
    try {
      const channel = openChannel();
      channel?.postMessage({ type: 'group.changed', sender: senderId } satisfies ChangeMessage);
      // Messages already posted are still delivered after close; an open channel would keep Node alive.
      channel?.close();
    } catch {
      // Other windows then see the change at their next load; this one is saved all the same.
    }
  };

  return {
    async load() {
      let value: unknown;
      try {
        value = await get(GROUP_RECORD_KEY, store);
      } catch {
        return { status: 'unavailable' };
      }
      if (value === undefined) return { status: 'none' };
      const record = value as { version?: unknown; group?: unknown } | null;
      if (record !== null && typeof record === 'object' && record.version === GROUP_RECORD_VERSION) {
        const parsed = GroupSchema.safeParse(record.group);
        if (parsed.success) return { status: 'found', group: parsed.data };
      }
      return { status: 'corrupted', raw: stringifyForRecovery(value), reason: classifyCorruption(value) };
    },

    async save(group) {
      try {
        await set(GROUP_RECORD_KEY, { version: GROUP_RECORD_VERSION, group }, store);
      } catch (error) {
        return { ok: false, reason: isQuotaError(error) ? 'quota' : 'unavailable' };
      }
      announceChange();
      return { ok: true };
    },

    async clear() {
      try {
        await del(GROUP_RECORD_KEY, store);
      } catch {
        // Nothing to clear when storage is unavailable.
      }
      announceChange();
    },

    subscribe(listener) {
      let channel: BroadcastChannel | null;
      try {
        channel = openChannel();
      } catch {
        channel = null;
      }
      if (!channel) return () => {};
      channel.onmessage = (event: MessageEvent<unknown>) => {
        if (isChangeMessage(event.data) && event.data.sender !== senderId) listener();
      };
      return () => channel.close();
    },
  };
}

let defaultStorage: GroupStorage | undefined;

/** The page's one group storage, created on first use rather than when the module loads. */
export function getDefaultGroupStorage(): GroupStorage {
  defaultStorage ??= createGroupStorage();
  return defaultStorage;
}
