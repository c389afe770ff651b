import type { AnswersFile } from '../domain/answers';
import { parseAnswersFile } from '../domain/answers-file';
import type { Questionnaire } from '../domain/questionnaire-schema';

/** An answers file is a few kilobytes; anything far larger is not one, and would freeze the page. */
export const MAX_ANSWERS_FILE_BYTES = 1_000_000;

export type ImportAnswersResult =
  | { ok: true; file: AnswersFile; questionnaire: Questionnaire; warnings: string[] }
  | { ok: false; errors: string[] };

/**
 * Reads an exported answers file: size, JSON, format, then the questionnaire it names (loaded by
 * the caller, so this stays testable) and every answer against it.
 */
export async function importAnswersFile(
  file: { name: string; size: number; text: () => Promise<string> },
  loadQuestionnaire: (id: string) => Promise<Questionnaire>,
): Promise<ImportAnswersResult> {
  if (file.size > MAX_ANSWERS_FILE_BYTES) {
    return { ok: false, errors: [`« ${file.name} » est trop volumineux pour être un fichier de réponses (plus de 1 Mo).`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, errors: [`« ${file.name} » n’est pas un fichier JSON lisible.`] };
  }
  const shape = parseAnswersFile(json);
  if (!shape.ok) return shape;
  let questionnaire: Questionnaire;
  try {
    questionnaire = await loadQuestionnaire(shape.file.questionnaire.id);
  } catch {
    return { ok: false, errors: [`Ce fichier répond au questionnaire « ${shape.file.questionnaire.id} », qui n’est pas disponible ici.`] };
  }
  const result = parseAnswersFile(json, questionnaire);
  return result.ok ? { ...result, questionnaire } : result;
}
