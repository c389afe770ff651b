import type { DiagnosisLibrary } from './diagnosis-library';

/**
 * The page's library, with its code (and zod, which checks every record it reads) fetched on the
 * first call rather than in the first load: the welcome page paints before any of it is needed.
 * Every method of the library is asynchronous or returns a release, so nothing waits for the chunk
 * but the call that needs it.
 */
export function createLazyDiagnosisLibrary(load: () => Promise<DiagnosisLibrary> = loadDefaultLibrary): DiagnosisLibrary {
  let loading: Promise<DiagnosisLibrary> | undefined;
  const library = () =>
    (loading ??= load().catch((error: unknown) => {
      // A chunk that could not be fetched (offline, a new version replaced it): the next call tries again.
      loading = undefined;
      throw error;
    }));

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

  return {
    list: () => library().then((loaded) => loaded.list()),
    get: (id) => library().then((loaded) => loaded.get(id)),
    create: (entry) => library().then((loaded) => loaded.create(entry)),
    save: (id, changes, expectedRevision) => library().then((loaded) => loaded.save(id, changes, expectedRevision)),
    rename: (id, title) => library().then((loaded) => loaded.rename(id, title)),
    duplicate: (id) => library().then((loaded) => loaded.duplicate(id)),
    remove: (id) => library().then((loaded) => loaded.remove(id)),
    removeQuarantined: (key) => library().then((loaded) => loaded.removeQuarantined(key)),
    adoptLegacyDraft: (drafts, describe) => library().then((loaded) => loaded.adoptLegacyDraft(drafts, describe)),
    subscribe: (listener) => whenLoaded((loaded) => loaded.subscribe(listener)),
    watchEditing: (id, onOtherTab) => whenLoaded((loaded) => loaded.watchEditing(id, onOtherTab)),
  };
}

async function loadDefaultLibrary(): Promise<DiagnosisLibrary> {
  const { getDefaultDiagnosisLibrary } = await import('./diagnosis-library');
  return getDefaultDiagnosisLibrary();
}
