import { dequal } from 'dequal';
import { createContext, useContext } from 'react';
import { createAnswersFile, type AnswersFile } from '../domain/answers';
import type { WizardContext } from '../machine/wizard-machine';

type FileContent = Pick<WizardContext, 'answers' | 'pathProgress'> & { respondent: AnswersFile['respondent'] };

/**
 * When the diagnosis last changed, and what it held then. A file's `updatedAt` is the date of
 * the last change by a person: opening, exporting or sharing a diagnosis must not re-date it.
 */
export interface LastChange {
  at: string;
  /** The content as of `at`; null until the first file is built (the content as it was opened). */
  content: FileContent | null;
}

/** What an answers file carries besides the answers, kept across reloads, imports and exports. */
export interface DiagnosisFileInfo {
  /** When this diagnosis was started (ISO 8601). */
  createdAt: string;
  respondent: AnswersFile['respondent'];
  /** Shared by every file built for this diagnosis, and moved forward only when the content changes. */
  lastChange: LastChange;
}

export const DiagnosisFileContext = createContext<DiagnosisFileInfo | null>(null);

export function useDiagnosisFileInfo(): DiagnosisFileInfo {
  const info = useContext(DiagnosisFileContext);
  if (!info) throw new Error('useDiagnosisFileInfo needs a DiagnosisFileContext provider');
  return info;
}

/**
 * The diagnosis as it stands, in the interchange format: what is saved, exported and printed.
 * `now` becomes its `updatedAt` only if the answers, the path or the respondent changed since
 * the last file was built (compared deeply: a step submitted unchanged is not a change).
 */
export function buildDiagnosisFile(
  { questionnaire, answers, pathProgress }: Pick<WizardContext, 'questionnaire' | 'answers' | 'pathProgress'>,
  info: DiagnosisFileInfo,
  now: Date,
): AnswersFile {
  const content: FileContent = { answers, pathProgress, respondent: info.respondent };
  const { lastChange } = info;
  if (lastChange.content === null) {
    lastChange.content = content;
  } else if (!dequal(lastChange.content, content)) {
    lastChange.content = content;
    lastChange.at = now.toISOString();
  }
  return createAnswersFile(questionnaire, answers, new Date(lastChange.at), {
    createdAt: new Date(info.createdAt),
    respondent: info.respondent,
    pathProgress,
  });
}
