/**
 * Where the tab's pending copy of the open diagnosis lives (see pending-save.ts), without the
 * schema that reads it: the first load only needs to know whether there is one, and to clear it.
 */
export const PENDING_SAVE_KEY = 'trajectoires.ouvert.en-attente';

export function hasPendingSave(): boolean {
  try {
    return window.sessionStorage.getItem(PENDING_SAVE_KEY) !== null;
  } catch {
    return false;
  }
}

export function clearPendingSave(): void {
  try {
    window.sessionStorage.removeItem(PENDING_SAVE_KEY);
  } catch {
    // Nothing to clear without storage.
  }
}
