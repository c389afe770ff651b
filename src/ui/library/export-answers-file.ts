import type { AnswersFile } from '../../domain/answers';
import { buildAnswersFileName } from '../../report/file-names';
import { saveFile } from '../../report/save-file';

/** « Exporter »: the answers file, named after the organisation and the date of the last change. */
export function exportAnswersFile(file: AnswersFile, organisationName: string): void {
  saveFile(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), buildAnswersFileName(organisationName, new Date(file.updatedAt)));
}
