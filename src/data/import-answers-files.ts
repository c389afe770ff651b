import type { AnswersFile } from '../domain/answers';
import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from '../domain/answer-messages';
import type { Questionnaire } from '../domain/questionnaire-schema';
import { readAnswersFileJson, validateAnswersJson, type ImportSource, type ReadAnswersJsonResult } from './import-answers-file';
import { decodeSharePayload, readShareLinkPayload } from './share-link';

export type { ImportSource } from './import-answers-file';

/**
 * A workshop or a board is a few dozen people and an adviser's batch a few hundred; past this, a
 * whole folder was probably dropped by mistake, and reading it all could take the page down.
 */
export const MAX_IMPORT_SOURCES = 2_000;

export interface AcceptedAnswers {
  /** The file name, or « lien 2 » (« link 2 ») for the second link. */
  source: string;
  file: AnswersFile;
  questionnaire: Questionnaire;
  warnings: string[];
}

export interface RejectedSource {
  source: string;
  reasons: string[];
}

export interface ImportReport {
  accepted: AcceptedAnswers[];
  rejected: RejectedSource[];
}

function readLinkJson(link: string, messages: AnswerMessages): ReadAnswersJsonResult {
  const payload = readShareLinkPayload(link);
  if (payload === null) return { ok: false, errors: [messages('import.notShareLink')] };
  const decoded = decodeSharePayload(payload, messages);
  return decoded.ok ? decoded : { ok: false, errors: [decoded.error] };
}

/**
 * Reads answers files and share links in one go: each is checked exactly like a single import
 * (size, JSON, format, questionnaire available, versions, every answer), the good ones are kept
 * and each bad one is listed with its name and every reason. Blank links are skipped, not refused.
 */
export async function importAnswersSources(
  input: { files: readonly ImportSource[]; links: readonly string[] },
  loadQuestionnaire: (id: string) => Promise<Questionnaire>,
  messages: AnswerMessages = FRENCH_ANSWER_MESSAGES,
): Promise<ImportReport> {
  const links = input.links.filter((link) => link.trim() !== '');
  const sourceCount = input.files.length + links.length;
  if (sourceCount > MAX_IMPORT_SOURCES) {
    return {
      accepted: [],
      rejected: [
        {
          source: messages('import.tooManySourcesLabel', { sourceCount }),
          reasons: [messages('import.tooManySources', { max: MAX_IMPORT_SOURCES })],
        },
      ],
    };
  }

  // Loaded once per id for the whole import: an adviser's batch of a thousand files names one or two.
  const questionnaires = new Map<string, Promise<Questionnaire>>();
  const loadQuestionnaireOnce = (id: string): Promise<Questionnaire> => {
    const loading = questionnaires.get(id) ?? loadQuestionnaire(id);
    questionnaires.set(id, loading);
    return loading;
  };

  const sources = [
    ...input.files.map((file) => ({ source: file.name, read: () => readAnswersFileJson(file, messages) })),
    ...links.map((link, index) => ({ source: messages('import.linkSource', { position: index + 1 }), read: async () => readLinkJson(link, messages) })),
  ];
  const results = await Promise.all(
    sources.map(async ({ source, read }) => {
      const json = await read();
      return { source, result: json.ok ? await validateAnswersJson(json.json, loadQuestionnaireOnce, messages) : json };
    }),
  );

  const report: ImportReport = { accepted: [], rejected: [] };
  for (const { source, result } of results) {
    if (result.ok) report.accepted.push({ source, file: result.file, questionnaire: result.questionnaire, warnings: result.warnings });
    else report.rejected.push({ source, reasons: result.errors });
  }
  return report;
}
