import { findFirstIncompleteStep, type AnswersFile } from './answers';
import type { DiagnosisStatus } from './diagnosis-library-entry';
import type { Questionnaire } from './questionnaire-schema';

/** A whole questionnaire answered is a finished diagnosis, whatever step it was exported from. */
export function statusOfFile(questionnaire: Pick<Questionnaire, 'steps'>, file: AnswersFile): { status: DiagnosisStatus; completedAt: string | null } {
  return findFirstIncompleteStep(questionnaire, file.answers) === null
    ? { status: 'completed', completedAt: file.updatedAt }
    : { status: 'in-progress', completedAt: null };
}
