import type { LibraryEntry } from '../../data/diagnosis-library';
import { messages } from '../messages';

/** Dates and names of the library, shared by its list (loaded on demand) and the app around it. */

export const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

export function formatLibraryDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function nameOfEntry(entry: LibraryEntry): string {
  return entry.title ?? (entry.organisationName || messages.library.unnamedOrganisation);
}
