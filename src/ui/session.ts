import type { AnswersFile, Answers, PathProgress } from '../domain/answers';
import type { WizardStepState } from '../domain/wizard-steps';
import type { ImportAnswersResult } from '../data/import-answers-file';
import type { DiagnosisFileInfo, LastChange } from './diagnosis-file';
import type { OpenEntry } from './library/library-autosave';
import { i18n } from '../i18n/i18n';

/** A diagnosis open in the wizard: what it starts from, and where the library keeps it. */

export interface Session {
  /** A new one for every diagnosis opened: the wizard starts afresh. */
  key: number;
  questionnaireId: string;
  answers: Answers;
  resumeAt: WizardStepState;
  createdAt: string;
  respondent: DiagnosisFileInfo['respondent'];
  pathProgress: PathProgress;
  lastChange: LastChange;
  /** Where it is saved; mutated by the autosave as the library answers. */
  entry: OpenEntry;
  /** The diagnosis it redoes, for the synthesis' « Comparer avec… ». */
  previous: { id: string; updatedAt: string } | null;
  /** Told once on opening: a redo pre-filled, a questionnaire that changed since. */
  notices: string[];
}

let sessionCount = 0;

export interface SessionStart {
  questionnaireId: string;
  file?: AnswersFile;
  resumeAt?: WizardStepState;
  entry?: Partial<Pick<OpenEntry, 'id' | 'revision' | 'status' | 'completedAt' | 'previousId' | 'title' | 'stored'>>;
  previous?: Session['previous'];
  notices?: string[];
}

export function openSession({ questionnaireId, file, resumeAt = 'profile', entry = {}, previous = null, notices = [] }: SessionStart): Session {
  const now = new Date().toISOString();
  sessionCount += 1;
  return {
    key: sessionCount,
    questionnaireId,
    answers: file?.answers ?? {},
    resumeAt,
    createdAt: file?.createdAt ?? now,
    respondent: file?.respondent ?? {},
    pathProgress: file?.pathProgress ?? {},
    lastChange: { at: file?.updatedAt ?? now, content: null },
    entry: {
      id: entry.id ?? null,
      revision: entry.revision ?? 0,
      status: entry.status ?? 'in-progress',
      completedAt: entry.completedAt ?? null,
      previousId: entry.previousId ?? null,
      title: entry.title ?? null,
      stored: entry.stored ?? null,
      hasUnsavedChanges: false,
      whenSaved: () => Promise.resolve(),
    },
    previous,
    notices,
  };
}

/** What the person is told on opening a file of an older questionnaire version: kept, mapped, dropped. */
export function describeMigration(read: Extract<ImportAnswersResult, { ok: true }>): string[] {
  return read.migration ? [i18n.t('library.migrated'), ...read.warnings] : [];
}
