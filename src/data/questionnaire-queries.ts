import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from '../domain/answer-messages';
import type { Questionnaire, Toolkit } from '../domain/questionnaire-schema';
import BUNDLED_INDEX from 'virtual:trajectoires/questionnaire-index';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages';

// zod and the schemas are imported inside the query functions, never at the top: the welcome
// page's first paint must not wait for them (first-load budget).

/** The content that could not be loaded. */
export type ContentLoadSubject = { kind: 'questionnaire'; id: string } | { kind: 'toolkit' } | { kind: 'demoGroup' };
/** What went wrong: the network, the host (its HTTP status), the file's syntax, or the schema. */
export type ContentLoadProblem = { kind: 'offline' } | { kind: 'notFound'; status: number } | { kind: 'notJson' } | { kind: 'invalid' };

/**
 * A content file that could not be fetched or does not match the schema. Its `message` is French;
 * the interface words it in its own language with `describeLoadFailure`, since the error is kept
 * by the query and shown again after a switch of language.
 */
export class ContentLoadError extends Error {
  constructor(
    readonly subject: ContentLoadSubject,
    readonly problem: ContentLoadProblem,
    readonly details: string[] = [],
  ) {
    super(describeContentLoadError(subject, problem, FRENCH_ANSWER_MESSAGES));
    this.name = 'ContentLoadError';
  }
}

function describeContentLoadError(subject: ContentLoadSubject, problem: ContentLoadProblem, messages: AnswerMessages): string {
  return messages(`contentLoad.${subject.kind}.${problem.kind}`, {
    id: subject.kind === 'questionnaire' ? subject.id : '',
    status: problem.kind === 'notFound' ? problem.status : '',
  });
}

/** Why a query failed, in the given wording: a content file's failure re-worded, any other error as it says itself. */
export function describeLoadFailure(error: Error, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): string {
  return error instanceof ContentLoadError ? describeContentLoadError(error.subject, error.problem, messages) : error.message;
}

/** One entry of the index of questionnaires, written by the build (scripts/vite-plugin-questionnaires.ts). */
export interface QuestionnaireIndexEntry {
  id: string;
  version: string;
  title: string;
  description?: string;
  durationMinutes: number;
  locale: string;
  /**
   * The source's language first, then each translation's: `<id>.<language>.json` exists for
   * every language after the first. The build always writes it; absent means the source language only.
   */
  languages?: string[];
  /** The title and description in each translation's language. */
  translations?: Record<string, { locale: string; title: string; description?: string }>;
}
export type QuestionnaireIndex = QuestionnaireIndexEntry[];

/** The entry's title and description in `language` when it has a translation in that language, else the source's. */
export function localizeIndexEntry(entry: QuestionnaireIndexEntry, language: Language): QuestionnaireIndexEntry {
  const translated = entry.translations && Object.hasOwn(entry.translations, language) ? entry.translations[language] : undefined;
  return translated ? { ...entry, ...translated } : entry;
}

/** Whether `<id>.<language>.json` exists: a language of the entry other than its source's (the first). */
export function hasTranslation(entry: Pick<QuestionnaireIndexEntry, 'languages'> | undefined, language: string): boolean {
  return entry?.languages?.slice(1).includes(language) ?? false;
}

// Relative to the page, so that the built site works under any sub-path and a network can host its own files.
function contentUrl(fileName: string): string {
  return `${import.meta.env.BASE_URL}questionnaires/${fileName}`;
}

type Fetched = { found: true; json: unknown } | { found: false; status: number };

async function fetchJson(fileName: string, what: ContentLoadSubject): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(contentUrl(fileName));
  } catch {
    throw new ContentLoadError(what, { kind: 'offline' });
  }
  if (!response.ok) return { found: false, status: response.status };
  try {
    return { found: true, json: await response.json() };
  } catch {
    throw new ContentLoadError(what, { kind: 'notJson' });
  }
}

function validate<T>(json: unknown, schema: z.ZodType<T>, what: ContentLoadSubject): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ContentLoadError(
      what,
      { kind: 'invalid' },
      result.error.issues.map((issue) => `${formatIssuePath(issue.path)} : ${issue.message}`),
    );
  }
  return result.data;
}

async function fetchValidatedJson<T>(fileName: string, loadSchema: () => Promise<z.ZodType<T>>, what: ContentLoadSubject): Promise<T> {
  const [fetched, schema] = await Promise.all([fetchJson(fileName, what), loadSchema()]);
  if (!fetched.found) throw new ContentLoadError(what, { kind: 'notFound', status: fetched.status });
  return validate(fetched.json, schema, what);
}

function formatIssuePath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(racine)';
}

const loadQuestionnaireSchema = async () => (await import('../domain/questionnaire-schema')).QuestionnaireSchema;
const loadToolkitSchema = async () => (await import('../domain/questionnaire-schema')).ToolkitSchema;

/**
 * The index is part of the app (built from the checked files, scripts/vite-plugin-questionnaires.ts):
 * the welcome page lists the questionnaires in its first paint. A query still, so that views and
 * tests read it like the rest of the content.
 */
export const questionnaireIndexQueryOptions = queryOptions({
  queryKey: ['questionnaires', 'index'],
  queryFn: () => Promise.resolve<QuestionnaireIndex>(BUNDLED_INDEX),
  initialData: BUNDLED_INDEX,
  staleTime: Infinity,
});

/**
 * Which file holds questionnaire `id` in `language`. Every source file is French, the default
 * language, so French needs no index; another language is fetched only when the index lists it
 * (the complete questionnaire has no English: it is then shown in French rather than failing).
 * An index that cannot be read also means French: the questionnaire matters more than its language.
 */
async function chooseQuestionnaireFile(client: QueryClient, id: string, language: Language): Promise<string> {
  const sourceFile = `${encodeURIComponent(id)}.json`;
  if (language === DEFAULT_LANGUAGE) return sourceFile;
  try {
    const index = await client.fetchQuery(questionnaireIndexQueryOptions);
    return hasTranslation(index.find((entry) => entry.id === id), language) ? `${encodeURIComponent(id)}.${language}.json` : sourceFile;
  } catch {
    return sourceFile;
  }
}

/**
 * The questionnaire in `language` when it is translated into it, else in French. The language
 * is part of the key, so switching language fetches (and caches) the other file.
 */
export function questionnaireQueryOptions(id: string, language: Language = DEFAULT_LANGUAGE) {
  return queryOptions<Questionnaire>({
    queryKey: ['questionnaires', id, language],
    queryFn: async ({ client }) => {
      const fileName = await chooseQuestionnaireFile(client, id, language);
      return fetchValidatedJson(fileName, loadQuestionnaireSchema, { kind: 'questionnaire', id });
    },
    staleTime: Infinity,
  });
}

/**
 * The toolkit in `language`. The index lists questionnaires only, so the translated catalogue is
 * asked for directly; a host without it (404) gets the French one, as the path must show anyway.
 */
export function toolkitQueryOptions(language: Language = DEFAULT_LANGUAGE) {
  return queryOptions<Toolkit>({
    queryKey: ['toolkit', language],
    queryFn: async () => {
      const what: ContentLoadSubject = { kind: 'toolkit' };
      if (language !== DEFAULT_LANGUAGE) {
        const [translated, schema] = await Promise.all([fetchJson(`toolkit.${language}.json`, what), loadToolkitSchema()]);
        if (translated.found) return validate(translated.json, schema, what);
      }
      return fetchValidatedJson('toolkit.json', loadToolkitSchema, what);
    },
    staleTime: Infinity,
  });
}
