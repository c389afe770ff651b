import { queryOptions } from '@tanstack/react-query';
import type { AnswersFile } from '../domain/answers';
import { parseAnswersFile } from '../domain/answers-file';
import { ContentLoadError, type ContentLoadSubject } from './questionnaire-queries';

/** Served from public/, beside the built site, relative to the page so that any sub-path works. */
export const DEMO_GROUP_FILE = 'demo/atelier-demo.json';

const WHAT: ContentLoadSubject = { kind: 'demoGroup' };

async function fetchDemoGroup(): Promise<AnswersFile[]> {
  let response: Response;
  try {
    response = await fetch(`${import.meta.env.BASE_URL}${DEMO_GROUP_FILE}`);
  } catch {
    throw new ContentLoadError(WHAT, { kind: 'offline' });
  }
  if (!response.ok) throw new ContentLoadError(WHAT, { kind: 'notFound', status: response.status });
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ContentLoadError(WHAT, { kind: 'notJson' });
  }
  return parseDemoGroup(json);
}

/** The demo's answers files, each read like an imported file; one bad entry refuses the whole demo. */
export function parseDemoGroup(json: unknown): AnswersFile[] {
  if (!Array.isArray(json) || json.length === 0) {
    throw new ContentLoadError(WHAT, { kind: 'invalid' }, ['(racine) : liste de fichiers de réponses attendue']);
  }
  const files: AnswersFile[] = [];
  const details: string[] = [];
  json.forEach((entry, index) => {
    const result = parseAnswersFile(entry);
    if (result.ok) files.push(result.file);
    else details.push(...result.errors.map((error) => `[${index}] ${error}`));
  });
  if (details.length > 0) throw new ContentLoadError(WHAT, { kind: 'invalid' }, details);
  return files;
}

export const demoGroupQueryOptions = queryOptions<AnswersFile[]>({
  queryKey: ['demo-group'],
  queryFn: fetchDemoGroup,
  staleTime: Infinity,
});
