import { z } from 'zod';
import { AnswersFileSchema, type AnswersFile } from './answers';
import { isWizardStepState, type WizardStepState } from './wizard-steps';

export const DIAGNOSIS_STATUSES = ['in-progress', 'completed'] as const;
export type DiagnosisStatus = (typeof DIAGNOSIS_STATUSES)[number];

/** One diagnosis of the library: its answers file plus what the library needs to list and resume it. */
export interface LibraryEntry {
  id: string;
  /** Bumped by every save (not by a rename); a save naming an older revision is refused (another tab saved meanwhile). */
  revision: number;
  /** Set by « Renommer »; null shows the organisation name. */
  title: string | null;
  organisationName: string;
  status: DiagnosisStatus;
  /** When the synthesis was first reached; kept when a completed diagnosis is amended. */
  completedAt: string | null;
  step: WizardStepState;
  /** The diagnosis this one redoes (« Refaire le diagnostic »). */
  previousId: string | null;
  file: AnswersFile;
}

export type NewLibraryEntry = Omit<LibraryEntry, 'id' | 'revision'>;
export type EntryChanges = Pick<LibraryEntry, 'file' | 'step' | 'status' | 'completedAt' | 'organisationName'>;

export const LibraryEntrySchema: z.ZodType<LibraryEntry> = z.object({
  id: z.string().min(1),
  revision: z.number().int().min(1),
  title: z.string().nullable(),
  organisationName: z.string(),
  status: z.enum(DIAGNOSIS_STATUSES),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  step: z.custom<WizardStepState>(isWizardStepState),
  previousId: z.string().min(1).nullable(),
  file: AnswersFileSchema,
});

/** The name a diagnosis goes by: its own title once renamed, else its organisation's name (may be empty). */
export function readLibraryEntryName(entry: Pick<LibraryEntry, 'title' | 'organisationName'>): string {
  return entry.title ?? entry.organisationName;
}

/** A title left blank means « no title of its own », not an empty name. */
export function normaliseLibraryEntryTitle(title: string | null): string | null {
  const trimmed = title?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** How a copy is titled in one language; French by default. */
export interface DuplicateTitleWording {
  /** « Bilan 2026 (copie) ». */
  named(name: string): string;
  /** The copy of a diagnosis that has no name at all. */
  unnamed: string;
}

export const FRENCH_DUPLICATE_TITLE_WORDING: DuplicateTitleWording = {
  named: (name) => `${name} (copie)`,
  unnamed: 'Copie',
};

/** The copy's title is stored, so it is worded once, in the language the person uses when copying. */
export function buildDuplicateTitle(
  entry: Pick<LibraryEntry, 'title' | 'organisationName'>,
  wording: DuplicateTitleWording = FRENCH_DUPLICATE_TITLE_WORDING,
): string {
  const name = readLibraryEntryName(entry).trim();
  return name === '' ? wording.unnamed : wording.named(name);
}

/** Most recently changed first; equal dates by id, so the order never depends on how storage returned them. */
export function sortLibraryEntries<T extends Pick<LibraryEntry, 'id' | 'file'>>(entries: readonly T[]): T[] {
  // Dates carry offsets, so they are compared as instants, each parsed once.
  const times = new Map(entries.map((entry) => [entry, Date.parse(entry.file.updatedAt)]));
  return [...entries].sort((left, right) => (times.get(right) ?? 0) - (times.get(left) ?? 0) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
}
