import type { AnswersFile } from '../domain/answers';
import { parseAnswersFile } from '../domain/answers-file';
import type { Questionnaire } from '../domain/questionnaire-schema';

/** An answers file is a few kilobytes; anything far larger is not one, and would freeze the page. */
export const MAX_ANSWERS_FILE_BYTES = 1_000_000;

/** What an import reads: a browser File fits. */
export interface ImportSource {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type ReadAnswersJsonResult = { ok: true; json: unknown } | { ok: false; errors: string[] };

export type ImportAnswersResult =
  | { ok: true; file: AnswersFile; questionnaire: Questionnaire; warnings: string[] }
  | { ok: false; errors: string[] };

/** The JSON of a file, refused before reading when it is too large to be an answers file. */
export async function readAnswersFileJson(file: ImportSource): Promise<ReadAnswersJsonResult> {
  if (file.size > MAX_ANSWERS_FILE_BYTES) {
    return { ok: false, errors: [`« ${file.name} » est trop volumineux pour être un fichier de réponses (plus de 1 Mo).`] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, errors: [`« ${file.name} » n’a pas pu être lu.`] };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, errors: [`« ${file.name} » n’est pas un fichier JSON lisible.`] };
  }
}

/**
 * Checks answers read from a file or a link: format, then the questionnaire it names (loaded by
 * the caller, so this stays testable) and every answer against it.
 */
export async function validateAnswersJson(json: unknown, loadQuestionnaire: (id: string) => Promise<Questionnaire>): Promise<ImportAnswersResult> {
  const shape = parseAnswersFile(json);
  if (!shape.ok) return shape;
  const questionnaireId = shape.file.questionnaire.id;
  let questionnaire: Questionnaire;
  try {
    questionnaire = await loadQuestionnaire(questionnaireId);
  } catch {
    return { ok: false, errors: [`Ce fichier répond au questionnaire « ${questionnaireId} », qui n’est pas disponible ici.`] };
  }
  const result = parseAnswersFile(json, questionnaire);
  return result.ok ? { ...result, questionnaire } : result;
}

/** Reads one exported answers file (the welcome page's import). */
export async function importAnswersFile(file: ImportSource, loadQuestionnaire: (id: string) => Promise<Questionnaire>): Promise<ImportAnswersResult> {
  const read = await readAnswersFileJson(file);
  return read.ok ? validateAnswersJson(read.json, loadQuestionnaire) : read;
}
