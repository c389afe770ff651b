import { createContext, useContext } from 'react';
import { createAnswersFile, type AnswersFile } from '../domain/answers';
import type { WizardContext } from '../machine/wizard-machine';

/** What an answers file carries besides the answers, kept across reloads, imports and exports. */
export interface DiagnosisFileInfo {
  /** When this diagnosis was started (ISO 8601). */
  createdAt: string;
  respondent: AnswersFile['respondent'];
}

export const DiagnosisFileContext = createContext<DiagnosisFileInfo | null>(null);

export function useDiagnosisFileInfo(): DiagnosisFileInfo {
  const info = useContext(DiagnosisFileContext);
  if (!info) throw new Error('useDiagnosisFileInfo needs a DiagnosisFileContext provider');
  return info;
}

/** The diagnosis as it stands, in the interchange format: what is saved, exported and printed. */
export function buildDiagnosisFile(
  { questionnaire, answers, pathProgress }: Pick<WizardContext, 'questionnaire' | 'answers' | 'pathProgress'>,
  info: DiagnosisFileInfo,
  now: Date,
): AnswersFile {
  return createAnswersFile(questionnaire, answers, now, { createdAt: new Date(info.createdAt), respondent: info.respondent, pathProgress });
}
