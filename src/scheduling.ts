/**
 * Waiting for the browser: work that can wait runs after the next paint, so that what a tap
 * changed is on screen first. Shared by the tiny entry script and the app, so it imports nothing.
 */

/** A hidden tab paints no frame; its work runs after this long instead. */
const HIDDEN_TAB_FALLBACK_MS = 200;
/**
 * A visible page may still get no frame (an embedding page throttling its frames, a browser
 * holding them): after this long the work runs anyway, since a view may wait on it to be whole.
 */
const NO_FRAME_FALLBACK_MS = 1_000;

/**
 * Runs `task` in a task of its own just after the next frame is painted (a task queued from the
 * frame's callback runs after that frame's paint), or soon anyway in a hidden tab (within a
 * second when no frame comes at all). Returns a function that cancels it if it has not run yet.
 */
export function runAfterNextPaint(task: () => void): () => void {
  let isSettled = false;
  let afterFrame: ReturnType<typeof setTimeout> | undefined;
  // Long when visible: a phone slow to paint still paints before the task.
  const noFrameFallback = setTimeout(() => run(), document.visibilityState === 'hidden' ? HIDDEN_TAB_FALLBACK_MS : NO_FRAME_FALLBACK_MS);
  const frame = requestAnimationFrame(() => {
    afterFrame = setTimeout(() => run(), 0);
  });
  const cancel = () => {
    isSettled = true;
    cancelAnimationFrame(frame);
    clearTimeout(afterFrame);
    clearTimeout(noFrameFallback);
  };
  const run = () => {
    if (isSettled) return;
    cancel();
    task();
  };
  return cancel;
}

/** How long idle work may wait for an idle moment that never comes (a page kept busy). */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Runs `task` once the browser is idle, after the next paint: `requestIdleCallback` where there
 * is one (Safari has none: a task after the paint there). Returns a function that cancels it.
 */
export function runWhenIdle(task: () => void): () => void {
  let cancelIdle = () => {};
  const cancelPaint = runAfterNextPaint(() => {
    if (typeof requestIdleCallback !== 'function') return task();
    const idle = requestIdleCallback(() => task(), { timeout: IDLE_TIMEOUT_MS });
    cancelIdle = () => cancelIdleCallback(idle);
  });
  return () => {
    cancelPaint();
    cancelIdle();
  };
}

/** Resolves just after the next frame is painted, or soon anyway in a hidden tab. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    runAfterNextPaint(resolve);
  });
}

/** Resolves in a later task: lets the browser answer input and paint in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
