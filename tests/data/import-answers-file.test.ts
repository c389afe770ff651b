import { createAnswersFile } from '../../src/domain/answers';
import { importAnswersFile } from '../../src/data/import-answers-file';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const validFile = createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-22T10:00:00Z'));

function fileOf(text: string, size = text.length) {
  return { name: 'reponses.json', size, text: async () => text };
}

const loadQuestionnaire = async (id: string) => {
  if (id !== questionnaire.id) throw new Error('not found');
  return questionnaire;
};

describe('importing an answers file', () => {
  it('accepts an exported file and gives back its answers and questionnaire', async () => {
    const result = await importAnswersFile(fileOf(JSON.stringify(validFile)), loadQuestionnaire);
    expect(result).toMatchObject({ ok: true, file: { answers: validFile.answers }, questionnaire: { id: questionnaire.id } });
  });

  it.each([
    ['a file that is not JSON', fileOf('pas du JSON'), /n’est pas un fichier JSON lisible/],
    ['a file far too large', fileOf('{}', 5_000_000), /trop volumineux/],
    ['another kind of JSON', fileOf(JSON.stringify({ hello: 'world' })), /format/],
    ['an unknown questionnaire', fileOf(JSON.stringify({ ...validFile, questionnaire: { id: 'autre', version: '1.0.0' } })), /« autre », qui n’est pas disponible/],
    ['an answer out of range', fileOf(JSON.stringify({ ...validFile, answers: { ...validFile.answers, 'volunteers-count': 99999 } })), /volunteers-count/],
  ])('refuses %s with a message saying why', async (_, file, message) => {
    const result = await importAnswersFile(file, loadQuestionnaire);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join('\n')).toMatch(message);
  });
});

describe('importing a browser File', () => {
  /** A real File whose `size` must not be asked: Chromium answers it with a blocking call per file. */
  function browserFileOf(text: string): File {
    const file = new File([text], 'reponses.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', {
      get: () => {
        throw new Error('size was read');
      },
    });
    return file;
  }

  it('reads it as a stream, accents split across chunks included', async () => {
    // About 450 KB of two-byte letters: many chunks of the stream, some cut in the middle of a letter.
    const pathProgress = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`outil-${index}`, { status: 'done' as const, note: 'é'.repeat(1_500) }]));
    const file = { ...validFile, pathProgress };
    const result = await importAnswersFile(browserFileOf(JSON.stringify(file)), loadQuestionnaire);
    expect(result).toMatchObject({ ok: true, file: { answers: validFile.answers, pathProgress } });
  });

  it('stops reading past 1 MB and says the file is too large', async () => {
    const result = await importAnswersFile(browserFileOf(`{"x":"${'é'.repeat(600_000)}"}`), loadQuestionnaire);
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/trop volumineux/)] });
  });
});
