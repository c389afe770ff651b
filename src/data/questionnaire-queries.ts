import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { QuestionnaireSchema, ToolkitSchema, type Questionnaire, type Toolkit } from '../domain/questionnaire-schema';

/** A questionnaire file that could not be fetched or does not match the schema. */
export class ContentLoadError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ContentLoadError';
  }
}

export const QuestionnaireIndexSchema = z.array(
  z.object({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    description: z.string().optional(),
    durationMinutes: z.number(),
    locale: z.string(),
  }),
);
export type QuestionnaireIndex = z.infer<typeof QuestionnaireIndexSchema>;

// Relative to the page, so that the built site works under any sub-path and a network can host its own files.
function contentUrl(fileName: string): string {
  return `${import.meta.env.BASE_URL}questionnaires/${fileName}`;
}

async function fetchValidatedJson<T>(fileName: string, schema: z.ZodType<T>, what: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(contentUrl(fileName));
  } catch {
    throw new ContentLoadError(`${what} n'a pas pu être téléchargé : vérifiez votre connexion.`);
  }
  if (!response.ok) throw new ContentLoadError(`${what} est introuvable (erreur ${response.status}).`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ContentLoadError(`${what} n'est pas un fichier JSON lisible.`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ContentLoadError(
      `${what} contient des erreurs.`,
      result.error.issues.map((issue) => `${formatIssuePath(issue.path)} : ${issue.message}`),
    );
  }
  return result.data;
}

function formatIssuePath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(racine)';
}

export const questionnaireIndexQueryOptions = queryOptions({
  queryKey: ['questionnaires', 'index'],
  queryFn: () => fetchValidatedJson('index.json', QuestionnaireIndexSchema, 'La liste des questionnaires'),
  staleTime: Infinity,
});

export function questionnaireQueryOptions(id: string) {
  return queryOptions<Questionnaire>({
    queryKey: ['questionnaires', id],
    queryFn: () => fetchValidatedJson(`${encodeURIComponent(id)}.json`, QuestionnaireSchema, `Le questionnaire « ${id} »`),
    staleTime: Infinity,
  });
}

export const toolkitQueryOptions = queryOptions<Toolkit>({
  queryKey: ['toolkit'],
  queryFn: () => fetchValidatedJson('toolkit.json', ToolkitSchema, 'La boîte à outils'),
  staleTime: Infinity,
});
