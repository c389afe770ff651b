import type { LibraryEntry } from '../../data/diagnosis-library';
import { messages } from '../messages';

/** Dates and names of the library, shared by its list (loaded on demand) and the app around it. */

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

// French writes the first day of a month as an ordinal, « 1er mars », which Intl does not.
function withOrdinalFirst(text: string): string {
  return text.replace(/^1 /, '1er ');
}

export function formatLibraryDate(iso: string): string {
  return withOrdinalFirst(dateFormat.format(new Date(iso)));
}

export function formatLibraryDateTime(iso: string): string {
  return withOrdinalFirst(dateTimeFormat.format(new Date(iso)));
}

export function nameOfEntry(entry: LibraryEntry): string {
  return entry.title ?? (entry.organisationName || messages.library.unnamedOrganisation);
}
