/**
 * Resolves once the page has finished no request for `quietMs` in a row (or after `maxWaitMs`
 * anyway), as the page's Resource Timing entries tell: each fetch, script, style or icon the
 * page finishes loading, whether the network or the service worker answered it, restarts the wait.
 *
 * Why the update needs it: a page back home still loads what the home page shows (its lazy
 * chunks, the library, the browser's own favicon request) through the old service worker. When
 * the waiting worker is told to skip waiting, Chromium stops the old one at once; a request that
 * reaches it while it stops starts it again, and the restarted worker has forgotten that it was
 * to stop, so the new version waits for it to be idle again: about 30 s, or never while DevTools
 * (or a test's browser) is attached. The page would then reload whenever that happens, perhaps in
 * the next diagnosis. Asked once the page has stopped fetching, the switch takes a few milliseconds.
 */
export interface QuietOptions {
  quietMs?: number;
  maxWaitMs?: number;
  /** The page's PerformanceObserver; none (jsdom, old browsers) resolves at once. */
  Observer?: typeof PerformanceObserver | undefined;
}

/** Longer than the gap between the home page's chained loads (a list read, then its chunk) on a slow phone. */
const QUIET_MS = 750;
/** A page that never stops fetching still gets its update, with the old risk of waiting. */
const MAX_WAIT_MS = 10_000;

export function whenNetworkQuiet(options: QuietOptions = {}): Promise<void> {
  const { quietMs = QUIET_MS, maxWaitMs = MAX_WAIT_MS } = options;
  const Observer = 'Observer' in options ? options.Observer : globalThis.PerformanceObserver;
  if (!Observer || !Observer.supportedEntryTypes?.includes('resource')) return Promise.resolve();
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(limitTimer);
      resolve();
    };
    const restart = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(finish, quietMs);
    };
    const observer = new Observer(restart);
    observer.observe({ type: 'resource' });
    const limitTimer = setTimeout(finish, maxWaitMs);
    restart();
  });
}
