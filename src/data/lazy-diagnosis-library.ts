import type { DiagnosisLibrary, LibraryListResult } from './diagnosis-library';
import { openGlobalChannel, readGlobalIndexedDb } from './indexed-db-store';
import { LIBRARY_CHANNEL_NAME, isLibraryDatabaseAbsent } from './library-database';

export interface LazyLibraryOptions {
  /** Whether the device has no library at all (nothing ever saved): then a list is empty without the library's code. */
  isStoreAbsent?: () => Promise<boolean>;
  openChannel?: (name: string) => BroadcastChannel | null;
}

const EMPTY_LIST: LibraryListResult = { status: 'ok', entries: [], quarantined: [] };

/**
 * The page's library, with its code (and zod, which checks every record it reads) fetched on the
 * first call rather than in the first load: the welcome page paints before any of it is needed.
 * Every method of the library is asynchronous or returns a release, so nothing waits for the chunk
 * but the call that needs it. On a device that never saved a diagnosis, listing and listening cost
 * nothing: the list is empty without the chunk, and another tab's first save is heard on the
 * library's channel, which loads it.
 */
export function createLazyDiagnosisLibrary(
  load: () => Promise<DiagnosisLibrary> = loadDefaultLibrary,
  { isStoreAbsent = () => isLibraryDatabaseAbsent(readGlobalIndexedDb()), openChannel = openGlobalChannel }: LazyLibraryOptions = {},
): DiagnosisLibrary {
  let loading: Promise<DiagnosisLibrary> | undefined;
  const onLoadStart = new Set<() => void>();
  const library = () => {
    if (!loading) {
      loading = load().catch((error: unknown) => {
        // A chunk that could not be fetched (offline, a new version replaced it): the next call tries again.
        loading = undefined;
        throw error;
      });
      for (const started of [...onLoadStart]) started();
    }
    return loading;
  };

  /** A subscription made before the chunk arrived: released at once if the caller let go meanwhile. */
  const whenLoaded = (subscribe: (loaded: DiagnosisLibrary) => () => void): (() => void) => {
    let release: (() => void) | undefined;
    let isReleased = false;
    library().then(
      (loaded) => {
        if (!isReleased) release = subscribe(loaded);
      },
      // Without the library there is nothing to hear; the calls that need it say why.
      () => undefined,
    );
    return () => {
      isReleased = true;
      release?.();
    };
  };

  /**
   * Before the library is needed, the channel alone says that another tab saved something (the
   * listener then reads the list, which loads the library); once it is loaded, its own
   * subscription takes over, which knows this tab's messages from the others'.
   */
  const subscribeBeforeLoad = (listener: (id: string | null) => void): (() => void) => {
    const channel = openChannel(LIBRARY_CHANNEL_NAME);
    if (channel) {
      channel.onmessage = (event: MessageEvent<unknown>) => {
        const message = event.data as { type?: unknown } | null;
        if (message?.type === 'changed') listener(null);
      };
    }
    let releaseLoaded: (() => void) | undefined;
    const takeOver = () => {
      onLoadStart.delete(takeOver);
      releaseLoaded = whenLoaded((loaded) => {
        channel?.close();
        return loaded.subscribe(listener);
      });
    };
    onLoadStart.add(takeOver);
    return () => {
      onLoadStart.delete(takeOver);
      channel?.close();
      releaseLoaded?.();
    };
  };

  return {
    // Asked every time, loaded or not: after « Vos données » erased everything, reading would
    // create the database again, empty, and every later visit would load the library for nothing.
    list: async () => ((await isStoreAbsent()) ? EMPTY_LIST : (await library()).list()),
    get: (id) => library().then((loaded) => loaded.get(id)),
    create: (entry) => library().then((loaded) => loaded.create(entry)),
    save: (id, changes, expectedRevision) => library().then((loaded) => loaded.save(id, changes, expectedRevision)),
    rename: (id, title) => library().then((loaded) => loaded.rename(id, title)),
    duplicate: (id, wording) => library().then((loaded) => loaded.duplicate(id, wording)),
    remove: (id) => library().then((loaded) => loaded.remove(id)),
    removeQuarantined: (key) => library().then((loaded) => loaded.removeQuarantined(key)),
    adoptLegacyDraft: (drafts, describe) => library().then((loaded) => loaded.adoptLegacyDraft(drafts, describe)),
    subscribe: (listener) => (loading ? whenLoaded((loaded) => loaded.subscribe(listener)) : subscribeBeforeLoad(listener)),
    watchEditing: (id, onOtherTab) => whenLoaded((loaded) => loaded.watchEditing(id, onOtherTab)),
  };
}

async function loadDefaultLibrary(): Promise<DiagnosisLibrary> {
  const { getDefaultDiagnosisLibrary } = await import('./diagnosis-library');
  return getDefaultDiagnosisLibrary();
}
