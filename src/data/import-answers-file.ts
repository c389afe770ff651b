import type { AnswersFile } from '../domain/answers';
import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from '../domain/answer-messages';
import { checkAnswersFile, parseAnswersFile } from '../domain/answers-file';
import type { Questionnaire } from '../domain/questionnaire-schema';
import type { MigrationReport } from '../domain/questionnaire-migrations';

/** An answers file is a few kilobytes; anything far larger is not one, and would freeze the page. */
export const MAX_ANSWERS_FILE_BYTES = 1_000_000;

/** What an import reads: a browser File fits. */
export interface ImportSource {
  name: string;
  size: number;
  text(): Promise<string>;
  /** When present, read instead of `size` and `text()` (see readAtMost). */
  stream?: () => ReadableStream<Uint8Array>;
}

export type ReadAnswersJsonResult = { ok: true; json: unknown } | { ok: false; errors: string[] };

export type ImportAnswersResult =
  | { ok: true; file: AnswersFile; questionnaire: Questionnaire; warnings: string[]; migration: MigrationReport | null }
  | { ok: false; errors: string[] };

/**
 * The text of a source, or null past `maxBytes`. A File is read as a stream that stops at the
 * limit rather than asked for its `size` first: Chromium answers `size` with a blocking call per
 * file (about 1 ms), which froze the page for a second on a thousand files.
 */
async function readAtMost(source: ImportSource, maxBytes: number): Promise<string | null> {
  if (!source.stream) return source.size > maxBytes ? null : source.text();
  const reader = source.stream().getReader();
  const decoder = new TextDecoder();
  let text = '';
  let byteCount = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    byteCount += value.byteLength;
    if (byteCount > maxBytes) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** The JSON of a file, refused without reading it whole when it is too large to be an answers file. */
export async function readAnswersFileJson(file: ImportSource, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): Promise<ReadAnswersJsonResult> {
  let text: string | null;
  try {
    text = await readAtMost(file, MAX_ANSWERS_FILE_BYTES);
  } catch {
    return { ok: false, errors: [messages('import.unreadable', { name: file.name })] };
  }
  if (text === null) return { ok: false, errors: [messages('import.tooLarge', { name: file.name })] };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, errors: [messages('import.notJson', { name: file.name })] };
  }
}

/**
 * Checks answers read from a file or a link: format, then the questionnaire it names (loaded by
 * the caller, so this stays testable) and every answer against it. Reasons and warnings are in the
 * wording's language (French by default).
 */
export async function validateAnswersJson(
  json: unknown,
  loadQuestionnaire: (id: string) => Promise<Questionnaire>,
  messages: AnswerMessages = FRENCH_ANSWER_MESSAGES,
): Promise<ImportAnswersResult> {
  const shape = parseAnswersFile(json, undefined, messages);
  if (!shape.ok) return shape;
  const questionnaireId = shape.file.questionnaire.id;
  let questionnaire: Questionnaire;
  try {
    questionnaire = await loadQuestionnaire(questionnaireId);
  } catch {
    return { ok: false, errors: [messages('import.questionnaireUnavailable', { questionnaire: questionnaireId })] };
  }
  const result = checkAnswersFile(shape.file, questionnaire, messages);
  return result.ok ? { ...result, questionnaire } : result;
}

/** Reads one exported answers file (the welcome page's import). */
export async function importAnswersFile(
  file: ImportSource,
  loadQuestionnaire: (id: string) => Promise<Questionnaire>,
  messages: AnswerMessages = FRENCH_ANSWER_MESSAGES,
): Promise<ImportAnswersResult> {
  const read = await readAnswersFileJson(file, messages);
  return read.ok ? validateAnswersJson(read.json, loadQuestionnaire, messages) : read;
}
