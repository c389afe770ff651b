import { compressToEncodedURIComponent } from 'lz-string';
import type { AnswerMessages } from '../../src/domain/answer-messages';
import { createAnswersFile, type AnswersFile } from '../../src/domain/answers';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { importAnswersFile, MAX_ANSWERS_FILE_BYTES, type ImportSource } from '../../src/data/import-answers-file';
import { importAnswersSources, MAX_IMPORT_SOURCES } from '../../src/data/import-answers-files';
import { buildShareLink, decodeSharePayload } from '../../src/data/share-link';
import { loadEnglishAnswerMessages } from '../domain/english-answer-messages';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const PAGE = 'https://asso.example.org/trajectoires/';

let english: AnswerMessages;
beforeAll(async () => {
  english = await loadEnglishAnswerMessages();
});

function buildFile(overrides: Partial<AnswersFile> = {}): AnswersFile {
  return { ...createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-22T10:00:00Z')), ...overrides };
}

function sourceOf(name: string, text: string, size = text.length): ImportSource {
  return { name, size, text: async () => text };
}

async function load(id: string): Promise<Questionnaire> {
  if (id === questionnaire.id) return questionnaire;
  throw new Error(`not found: ${id}`);
}

describe('the reasons an imported file is refused', () => {
  it.each<{ name: string; source: () => ImportSource; french: string; english: string }>([
    {
      name: 'a file that cannot be read',
      source: () => ({ name: 'a.json', size: 10, text: () => Promise.reject(new Error('gone')) }),
      french: '« a.json » n’a pas pu être lu.',
      english: '“a.json” could not be read.',
    },
    {
      name: 'a file too large',
      source: () => sourceOf('gros.json', '{}', MAX_ANSWERS_FILE_BYTES + 1),
      french: '« gros.json » est trop volumineux pour être un fichier de réponses (plus de 1 Mo).',
      english: '“gros.json” is too large to be an answers file (over 1 MB).',
    },
    { name: 'a file that is not JSON', source: () => sourceOf('notes.txt', 'bonjour'), french: '« notes.txt » n’est pas un fichier JSON lisible.', english: '“notes.txt” is not a readable JSON file.' },
    {
      name: 'a file of a questionnaire not available here',
      source: () => sourceOf('a.json', JSON.stringify(buildFile({ questionnaire: { id: 'ailleurs', version: '1.0.0' } }))),
      french: 'Ce fichier répond au questionnaire « ailleurs », qui n’est pas disponible ici.',
      english: 'This file answers the questionnaire “ailleurs”, which is not available here.',
    },
    {
      name: 'a file with a refused answer',
      source: () => sourceOf('a.json', JSON.stringify(buildFile({ answers: buildAnswers({ 'org-name': 'x'.repeat(41) }) }))),
      french: 'answers.org-name : Pas plus de 40 caractères.',
      english: 'answers.org-name: No more than 40 characters.',
    },
  ])('names $name in French by default and in English when given the English wording', async ({ source, french, english: inEnglish }) => {
    expect(await importAnswersFile(source(), load)).toEqual({ ok: false, errors: [french] });
    expect(await importAnswersFile(source(), load, english)).toEqual({ ok: false, errors: [inEnglish] });
  });
});

describe('the reasons a share link is refused', () => {
  const goodPayload = compressToEncodedURIComponent(JSON.stringify(buildFile()));
  it.each([
    {
      name: 'a damaged link',
      payload: goodPayload.slice(0, 40),
      french: 'Ce lien de partage est incomplet ou abîmé : il a peut-être été coupé en le copiant.',
      english: 'This share link is incomplete or damaged: it may have been cut off when it was copied.',
    },
    {
      name: 'a link that holds no JSON',
      payload: compressToEncodedURIComponent('bonjour tout le monde'),
      french: 'Ce lien de partage ne contient pas un fichier de réponses lisible.',
      english: 'This share link does not hold a readable answers file.',
    },
    {
      name: 'a link too large',
      payload: compressToEncodedURIComponent(JSON.stringify({ note: 'x'.repeat(1_100_000) })),
      french: 'Ce lien de partage contient trop de données pour être un diagnostic (plus de 1 Mo).',
      english: 'This share link holds too much data to be a self-assessment (over 1 MB).',
    },
  ])('names $name in both languages', ({ payload, french, english: inEnglish }) => {
    expect(decodeSharePayload(payload)).toEqual({ ok: false, error: french });
    expect(decodeSharePayload(payload, english)).toEqual({ ok: false, error: inEnglish });
  });
});

describe('an import of several files and links', () => {
  it('names each refused link and says why, in the wording’s language', async () => {
    const links = ['bonjour', buildShareLink(buildFile(), PAGE).slice(0, 80)];
    expect((await importAnswersSources({ files: [], links }, load)).rejected).toEqual([
      { source: 'lien 1', reasons: ['Ce texte n’est pas un lien de partage Trajectoires.'] },
      { source: 'lien 2', reasons: ['Ce lien de partage est incomplet ou abîmé : il a peut-être été coupé en le copiant.'] },
    ]);
    expect((await importAnswersSources({ files: [], links }, load, english)).rejected).toEqual([
      { source: 'link 1', reasons: ['This text is not a Trajectoires share link.'] },
      { source: 'link 2', reasons: ['This share link is incomplete or damaged: it may have been cut off when it was copied.'] },
    ]);
  });

  it('refuses too many sources with numbers written the way the language writes them', async () => {
    const file = sourceOf('r.json', '{}');
    const input = { files: Array.from({ length: MAX_IMPORT_SOURCES }, () => file), links: ['#/partage/abc'] };
    expect((await importAnswersSources(input, load)).rejected).toEqual([
      { source: '2\u202f001 fichiers et liens', reasons: ['Un import lit au plus 2\u202f000 fichiers et liens à la fois : importez-les en plusieurs fois.'] },
    ]);
    expect((await importAnswersSources(input, load, english)).rejected).toEqual([
      { source: '2,001 files and links', reasons: ['An import reads at most 2,000 files and links at a time: import them in several goes.'] },
    ]);
  });
});
