import { isLanguage, type Language } from './languages';

export const LANGUAGE_STORAGE_KEY = 'trajectoires.langue';

/**
 * The language chosen on this device, or null when none is: no i18next here, so that the entry
 * script can word its own failure message without loading the app's libraries.
 */
export function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    // Storage refused (private mode, policy): no choice known, without complaint.
    return null;
  }
}
