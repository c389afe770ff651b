import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { CONTENT_DIR, loadContentDirectory, REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { buildQuestionnaireAssets } from '../../scripts/vite-plugin-questionnaires';
import {
  ContentLoadError,
  describeLoadFailure,
  hasTranslation,
  localizeIndexEntry,
  questionnaireIndexQueryOptions,
  questionnaireQueryOptions,
  toolkitQueryOptions,
  type QuestionnaireIndexEntry,
} from '../../src/data/questionnaire-queries';
import type { AnswerMessages } from '../../src/domain/answer-messages';
import { loadEnglishAnswerMessages } from '../domain/english-answer-messages';

// The real built files, served by a fake fetch that records what the app asks for.
const REAL_ASSETS = new Map(buildQuestionnaireAssets(loadContentDirectory(CONTENT_DIR)).map((asset) => [asset.fileName.replace(/^questionnaires\//, ''), asset.source]));

function serve(files: ReadonlyMap<string, string>, { offline = false } = {}) {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const name = String(url).replace(/^.*questionnaires\//, '');
    requested.push(name);
    if (offline) throw new TypeError('Failed to fetch');
    const source = files.get(name);
    return source === undefined ? new Response('not found', { status: 404 }) : new Response(source, { status: 200 });
  });
  return requested;
}

const without = (...names: string[]) => new Map([...REAL_ASSETS].filter(([name]) => !names.includes(name)));

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});
afterEach(() => vi.unstubAllGlobals());

describe('questionnaireQueryOptions', () => {
  it('fetches the French file by default, without reading the index', async () => {
    const requested = serve(REAL_ASSETS);
    const questionnaire = await client.fetchQuery(questionnaireQueryOptions('diagnostic-express'));

    expect(requested).toEqual(['diagnostic-express.json']);
    expect([questionnaire.locale, questionnaire.title]).toEqual(['fr-FR', 'Diagnostic express']);
  });

  it('fetches the English file when the index lists English for this questionnaire', async () => {
    const requested = serve(REAL_ASSETS);
    const questionnaire = await client.fetchQuery(questionnaireQueryOptions('diagnostic-express', 'en'));

    expect(requested).toEqual(['diagnostic-express.en.json']);
    expect([questionnaire.locale, questionnaire.title]).toEqual(['en-GB', 'Express self-assessment']);
  });

  it('falls back to French when the questionnaire has no English, without asking for a file that does not exist', async () => {
    const requested = serve(REAL_ASSETS);
    const questionnaire = await client.fetchQuery(questionnaireQueryOptions('diagnostic-complet', 'en'));

    expect(requested).toEqual(['diagnostic-complet.json']);
    expect(questionnaire.locale).toBe('fr-FR');
  });

  it('keeps each language under its own key', async () => {
    const requested = serve(REAL_ASSETS);
    const english = await client.fetchQuery(questionnaireQueryOptions('diagnostic-express', 'en'));
    const french = await client.fetchQuery(questionnaireQueryOptions('diagnostic-express', 'fr'));

    expect(requested).toEqual(['diagnostic-express.en.json', 'diagnostic-express.json']);
    expect(questionnaireQueryOptions('diagnostic-express', 'en').queryKey).toEqual(['questionnaires', 'diagnostic-express', 'en']);
    expect(client.getQueryData(questionnaireQueryOptions('diagnostic-express', 'en').queryKey)).toBe(english);
    expect(client.getQueryData(questionnaireQueryOptions('diagnostic-express').queryKey)).toBe(french);
  });

  it('reports a translated file that fails the schema, in French', async () => {
    const broken = new Map(REAL_ASSETS).set('diagnostic-express.en.json', JSON.stringify({ id: 'diagnostic-express' }));
    serve(broken);

    const error: unknown = await client.fetchQuery(questionnaireQueryOptions('diagnostic-express', 'en')).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ContentLoadError);
    expect(error).toMatchObject({ message: 'Le questionnaire « diagnostic-express » contient des erreurs.', details: expect.arrayContaining([expect.stringMatching(/^title : /)]) });
  });

  it('says when the connection fails', async () => {
    serve(REAL_ASSETS, { offline: true });

    await expect(client.fetchQuery(questionnaireQueryOptions('diagnostic-express'))).rejects.toThrow(
      'Le questionnaire « diagnostic-express » n’a pas pu être téléchargé : vérifiez votre connexion.',
    );
  });
});

describe('why a content file could not be loaded', () => {
  let english: AnswerMessages;
  beforeAll(async () => {
    english = await loadEnglishAnswerMessages();
  });

  const replaced = (name: string, text: string) => new Map(REAL_ASSETS).set(name, text);
  const loadQuestionnaire = () => client.fetchQuery(questionnaireQueryOptions('diagnostic-express'));
  const loadToolkit = () => client.fetchQuery(toolkitQueryOptions());

  it.each([
    {
      name: 'a questionnaire, offline',
      files: REAL_ASSETS,
      offline: true,
      load: loadQuestionnaire,
      french: 'Le questionnaire « diagnostic-express » n’a pas pu être téléchargé : vérifiez votre connexion.',
      english: 'The questionnaire “diagnostic-express” could not be downloaded: check your connection.',
    },
    {
      name: 'a questionnaire the host does not have',
      files: without('diagnostic-express.json'),
      load: loadQuestionnaire,
      french: 'Le questionnaire « diagnostic-express » est introuvable (erreur 404).',
      english: 'The questionnaire “diagnostic-express” cannot be found (error 404).',
    },
    {
      name: 'a questionnaire that is not JSON',
      files: replaced('diagnostic-express.json', '<html>'),
      load: loadQuestionnaire,
      french: 'Le questionnaire « diagnostic-express » n’est pas un fichier JSON lisible.',
      english: 'The questionnaire “diagnostic-express” is not a readable JSON file.',
    },
    {
      name: 'a questionnaire that fails the schema',
      files: replaced('diagnostic-express.json', '{}'),
      load: loadQuestionnaire,
      french: 'Le questionnaire « diagnostic-express » contient des erreurs.',
      english: 'The questionnaire “diagnostic-express” contains errors.',
    },
    {
      name: 'the toolkit, offline',
      files: REAL_ASSETS,
      offline: true,
      load: loadToolkit,
      french: 'La boîte à outils n’a pas pu être téléchargée : vérifiez votre connexion.',
      english: 'The toolkit could not be downloaded: check your connection.',
    },
    {
      name: 'a toolkit the host does not have',
      files: without('toolkit.json'),
      load: loadToolkit,
      french: 'La boîte à outils est introuvable (erreur 404).',
      english: 'The toolkit cannot be found (error 404).',
    },
    {
      name: 'a toolkit that is not JSON',
      files: replaced('toolkit.json', '<html>'),
      load: loadToolkit,
      french: 'La boîte à outils n’est pas un fichier JSON lisible.',
      english: 'The toolkit is not a readable JSON file.',
    },
    {
      name: 'a toolkit that fails the schema',
      files: replaced('toolkit.json', '{}'),
      load: loadToolkit,
      french: 'La boîte à outils contient des erreurs.',
      english: 'The toolkit contains errors.',
    },
  ])('words $name in French by default, and in the wording the interface gives', async ({ files, offline = false, load, french, english: inEnglish }) => {
    serve(files, { offline });
    const error: unknown = await load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentLoadError);
    expect((error as Error).message).toBe(french);
    expect(describeLoadFailure(error as Error)).toBe(french);
    expect(describeLoadFailure(error as Error, english)).toBe(inEnglish);
  });

  it('gives any other error as it says itself', () => {
    expect(describeLoadFailure(new Error('Quota exceeded'), english)).toBe('Quota exceeded');
  });
});

describe('toolkitQueryOptions', () => {
  it('fetches toolkit.json in French and toolkit.en.json in English', async () => {
    const requested = serve(REAL_ASSETS);
    const french = await client.fetchQuery(toolkitQueryOptions());
    const english = await client.fetchQuery(toolkitQueryOptions('en'));

    expect(requested).toEqual(['toolkit.json', 'toolkit.en.json']);
    expect([french.locale, english.locale]).toEqual(['fr-FR', 'en-GB']);
    expect(english.tools.map((tool) => [tool.id, tool.url])).toEqual(french.tools.map((tool) => [tool.id, tool.url]));
    expect(toolkitQueryOptions('en').queryKey).toEqual(['toolkit', 'en']);
  });

  it('falls back to the French toolkit when the host has no English one', async () => {
    const requested = serve(without('toolkit.en.json'));
    const toolkit = await client.fetchQuery(toolkitQueryOptions('en'));

    expect(requested).toEqual(['toolkit.en.json', 'toolkit.json']);
    expect(toolkit.locale).toBe('fr-FR');
  });
});

describe('the index', () => {
  const entry: QuestionnaireIndexEntry = {
    id: 'diagnostic-express',
    version: '1.0.0',
    title: 'Diagnostic express',
    description: 'En une dizaine de minutes…',
    durationMinutes: 13,
    locale: 'fr-FR',
    languages: ['fr', 'en'],
    translations: { en: { locale: 'en-GB', title: 'Express self-assessment', description: 'In about ten minutes…' } },
  };

  it('gives an entry’s title and description in the chosen language when it has them', () => {
    expect(localizeIndexEntry(entry, 'en')).toMatchObject({ title: 'Express self-assessment', description: 'In about ten minutes…', locale: 'en-GB' });
    expect(localizeIndexEntry(entry, 'fr')).toBe(entry);
    expect(localizeIndexEntry({ ...entry, translations: undefined }, 'en')).toMatchObject({ title: 'Diagnostic express' });
  });

  it.each([
    { languages: ['fr', 'en'], language: 'en', expected: true },
    { languages: ['fr', 'en'], language: 'fr', expected: false },
    { languages: ['fr'], language: 'en', expected: false },
    { languages: undefined, language: 'en', expected: false },
  ])('with languages $languages, a file in $language exists beside the source: $expected', ({ languages, language, expected }) => {
    expect(hasTranslation({ languages }, language)).toBe(expected);
  });

  it('is the index the build writes, part of the app: no request, in the first paint', async () => {
    const requested = serve(REAL_ASSETS);
    const index = await client.fetchQuery(questionnaireIndexQueryOptions);

    expect(index).toEqual(JSON.parse(REAL_ASSETS.get('index.json') ?? 'null'));
    expect(requested).toEqual([]);
  });
});

describe('the first load', () => {
  it('does not import zod or the schemas at the top of the module (they load with the first query)', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'src/data/questionnaire-queries.ts'), 'utf8');
    const valueImports = [...source.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((match) => match[1]);

    // The refusal templates import nothing and are in the first load already (the French `common` catalogue re-uses them).
    expect(valueImports).toEqual(['@tanstack/react-query', '../domain/answer-messages', 'virtual:trajectoires/questionnaire-index', '../i18n/languages']);
  });
});
