import { whenNetworkQuiet } from './when-network-quiet';

/**
 * Watches the service worker that public registerSW.js registers (vite-plugin-pwa, registerType
 * 'prompt'): a new version installs in the background and waits. It takes over only when the
 * person agrees (`applyUpdate`), so that a diagnosis is never reloaded under someone's fingers and
 * the lazy chunks of the running version stay served by the worker that precached them.
 */
export interface UpdateWatcher {
  subscribe(listener: () => void): () => void;
  isUpdateAvailable(): boolean;
  /**
   * Activates the waiting version and reloads this page with it; does nothing when there is none.
   * Returns a cancel: until the waiting worker has been told, the update can still be called off
   * (the person opened a diagnosis meanwhile).
   */
  applyUpdate(): () => void;
}

export interface UpdateWatcherEnvironment {
  container: ServiceWorkerContainer;
  reload: () => void;
  /** Pages that stay open for hours never navigate (hash routes): look for a new version when they come back into view. */
  document?: Pick<Document, 'addEventListener' | 'visibilityState'>;
  now?: () => number;
  /**
   * Resolves when the page no longer fetches anything (./when-network-quiet.ts tells why the
   * worker must not be told to skip waiting before); none means at once.
   */
  whenQuiet?: () => Promise<void>;
}

/** The generated worker calls skipWaiting() on this message (workbox's generateSW with skipWaiting: false). */
const SKIP_WAITING_MESSAGE = { type: 'SKIP_WAITING' } as const;
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function watchServiceWorkerUpdates({ container, reload, document, now = Date.now, whenQuiet }: UpdateWatcherEnvironment): UpdateWatcher {
  const listeners = new Set<() => void>();
  let updateAvailable = false;
  let waitingWorker: ServiceWorker | null = null;
  /** Updates asked for and not called off yet (the banner's promise and the button may both be waiting). */
  let pendingRequests = 0;
  /** Once a worker is told to skip waiting, the switch cannot be called off: the page reloads when it comes. */
  let skipWaitingSent = false;
  const isReloadRequested = () => skipWaitingSent || pendingRequests > 0;
  let reloading = false;

  const announce = (worker: ServiceWorker | null) => {
    waitingWorker = worker;
    if (updateAvailable) return;
    updateAvailable = true;
    listeners.forEach((listener) => listener());
  };
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    reload();
  };
  const followInstall = (registration: ServiceWorkerRegistration, worker: ServiceWorker) => {
    worker.addEventListener('statechange', () => {
      // Installed beside an active worker means waiting: a first install has nothing to replace.
      if (worker.state === 'installed' && registration.active) announce(worker);
    });
  };

  void container.ready.then((registration) => {
    if (registration.waiting && registration.active) announce(registration.waiting);
    if (registration.installing) followInstall(registration, registration.installing);
    registration.addEventListener('updatefound', () => {
      if (registration.installing) followInstall(registration, registration.installing);
    });
    let lastCheck = now();
    document?.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
      lastCheck = now();
      // Offline, the check fails quietly and the next visit tries again.
      registration.update().catch(() => undefined);
    });
  });

  container.addEventListener('controllerchange', () => {
    if (isReloadRequested()) return reloadOnce();
    // Another tab installed the new version: this page still runs the old code, so it reloads
    // when the person agrees, like for a waiting worker.
    announce(null);
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isUpdateAvailable: () => updateAvailable,
    applyUpdate() {
      if (!updateAvailable) return () => undefined;
      pendingRequests += 1;
      let isSettled = false;
      /** Counts this request out once, whether it is sent or called off. */
      const settle = () => {
        if (isSettled) return false;
        isSettled = true;
        pendingRequests -= 1;
        return true;
      };
      // Told only once the page has stopped fetching through the old worker (./when-network-quiet.ts).
      const ready = whenQuiet ? whenQuiet().then(() => container.ready) : container.ready;
      // The worker waiting now, asked for at the moment of the update: the one announced earlier may
      // have been replaced since (a newer version found meanwhile), and told to skip waiting in vain.
      void ready.then((registration) => {
        // Called off meanwhile (the person opened a diagnosis).
        if (!settle()) return;
        const worker = registration.waiting ?? waitingWorker;
        if (!worker) return reloadOnce();
        // A page that the old worker did not control gets no controllerchange: its activation reloads it.
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') reloadOnce();
        });
        skipWaitingSent = true;
        worker.postMessage(SKIP_WAITING_MESSAGE);
      });
      return () => {
        settle();
      };
    },
  };
}

const NO_SERVICE_WORKER: UpdateWatcher = {
  subscribe: () => () => undefined,
  isUpdateAvailable: () => false,
  applyUpdate: () => () => undefined,
};

let pageWatcher: UpdateWatcher | undefined;

/** The page's one watcher, started on first use; inert where there is no service worker (dev server, jsdom, old browsers). */
export function getUpdateWatcher(): UpdateWatcher {
  pageWatcher ??=
    typeof navigator !== 'undefined' && navigator.serviceWorker
      ? watchServiceWorkerUpdates({ container: navigator.serviceWorker, reload: () => window.location.reload(), document, whenQuiet: () => whenNetworkQuiet() })
      : NO_SERVICE_WORKER;
  return pageWatcher;
}

/** For the shell, if it would rather apply a pending update itself, e.g. on the way back to the home page. */
export function applyPendingUpdate(): () => void {
  return getUpdateWatcher().applyUpdate();
}
