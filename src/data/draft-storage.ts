import { z } from 'zod';
import { AnswersFileSchema, type AnswersFile } from '../domain/answers';
import { isWizardStepState, type WizardStepState } from '../domain/wizard-steps';
import { DRAFT_STORAGE_KEY } from './library-database';

export { DRAFT_STORAGE_KEY };

/**
 * The diagnosis in progress, kept in localStorage so that a reload or a closed tab loses nothing.
 * The record has its own version so that a later format can migrate it.
 */
const DRAFT_VERSION = 1;

const DraftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  step: z.string().refine(isWizardStepState),
  file: AnswersFileSchema,
  /** Copied from the answers when saving, so the welcome page can name the diagnosis before loading its questionnaire. */
  organisationName: z.string().default(''),
});

export interface Draft {
  step: WizardStepState;
  file: AnswersFile;
  organisationName: string;
}

export type DraftLoadResult =
  | { status: 'none' }
  | { status: 'found'; draft: Draft }
  | { status: 'corrupted'; raw: string }
  | { status: 'unavailable' };

export type DraftSaveResult = { ok: true } | { ok: false; reason: 'unavailable' | 'quota' };

export interface DraftStorage {
  load(): DraftLoadResult;
  save(draft: Draft): DraftSaveResult;
  clear(): void;
}

export function createDraftStorage(getStorage: () => Storage = () => window.localStorage): DraftStorage {
  const storage = (): Storage | null => {
    try {
      return getStorage();
    } catch {
      return null;
    }
  };
  return {
    load() {
      const store = storage();
      if (!store) return { status: 'unavailable' };
      let raw: string | null;
      try {
        raw = store.getItem(DRAFT_STORAGE_KEY);
      } catch {
        return { status: 'unavailable' };
      }
      if (raw === null) return { status: 'none' };
      try {
        const parsed = DraftSchema.safeParse(JSON.parse(raw));
        if (!parsed.success) return { status: 'corrupted', raw };
        const { step, file, organisationName } = parsed.data;
        return { status: 'found', draft: { step: step as WizardStepState, file, organisationName } };
      } catch {
        return { status: 'corrupted', raw };
      }
    },
    save(draft) {
      const store = storage();
      if (!store) return { ok: false, reason: 'unavailable' };
      try {
        store.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ version: DRAFT_VERSION, ...draft }));
        return { ok: true };
      } catch (error) {
        const isQuota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
        return { ok: false, reason: isQuota ? 'quota' : 'unavailable' };
      }
    },
    clear() {
      try {
        storage()?.removeItem(DRAFT_STORAGE_KEY);
      } catch {
        // Nothing to clear when storage is unavailable.
      }
    },
  };
}
