import type { LibraryEntry, LibraryListResult } from '../../data/diagnosis-library';
import { currentLanguage, currentLocaleTag, i18n } from '../../i18n/i18n';

/** Dates and names of the library, shared by its list (loaded on demand) and the app around it. */

interface LibraryDateFormats {
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
}

// Built once per language: a formatter per call is what makes long lists slow.
const formatsByTag = new Map<string, LibraryDateFormats>();

function readFormats(): LibraryDateFormats {
  const tag = currentLocaleTag();
  let formats = formatsByTag.get(tag);
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat(tag, { dateStyle: 'long' }),
      dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' }),
    };
    formatsByTag.set(tag, formats);
  }
  return formats;
}

// French writes the first day of a month as an ordinal, « 1er mars », which Intl does not.
function withOrdinalFirst(text: string): string {
  return currentLanguage() === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** « 1er mars 2026 », "1 March 2026": a date in the interface's language. */
export function formatLibraryDate(iso: string): string {
  return withOrdinalFirst(readFormats().date.format(new Date(iso)));
}

/** « 1er mars 2026 à 09:30 », "1 March 2026 at 09:30". */
export function formatLibraryDateTime(iso: string): string {
  return withOrdinalFirst(readFormats().dateTime.format(new Date(iso)));
}

export function nameOfEntry(entry: LibraryEntry): string {
  return entry.title ?? (entry.organisationName || i18n.t('library.unnamedOrganisation'));
}

/** A first visit's library: nothing listed, nothing damaged, nothing from a newer version (the list shows nothing). */
export function isLibraryEmpty(result: LibraryListResult): boolean {
  return result.status === 'ok' && result.entries.length === 0 && result.quarantined.length === 0 && !result.newer;
}
