import { createAnswersFile } from '../../src/domain/answers';
import { checkAnswersFile, checkToolkitAgainstQuestionnaires, parseAnswersFile } from '../../src/domain/answers-file';
import { describeMigrationReport, migrateAnswersFile } from '../../src/domain/questionnaire-migrations';
import { buildAnswers, buildAnswersFile, buildQuestionnaire, buildToolkit, tool } from './fixtures';
import { buildAnswersAt100, buildMigratedQuestionnaire } from './migration-fixtures';

const questionnaire = buildQuestionnaire();
const NOW = new Date('2024-05-01T10:00:00Z');

function buildFileInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...createAnswersFile(questionnaire, buildAnswers(), NOW), ...overrides };
}

describe('parseAnswersFile', () => {
  it('reads back a file it wrote, without warnings', () => {
    const file = createAnswersFile(questionnaire, buildAnswers(), NOW, { respondent: { role: 'benevole' } });
    expect(parseAnswersFile(JSON.parse(JSON.stringify(file)), questionnaire)).toEqual({ ok: true, file, warnings: [], migration: null });
  });

  it('reads back the progress recorded on the path', () => {
    const pathProgress = { 'outil-a': { status: 'done' as const, note: 'Fait en bureau le 3 mars.' }, 'outil-b': { status: 'not-relevant' as const } };
    const file = createAnswersFile(questionnaire, buildAnswers(), NOW, { pathProgress });
    expect(parseAnswersFile(JSON.parse(JSON.stringify(file)), questionnaire)).toMatchObject({ ok: true, file: { pathProgress } });
  });

  it('leaves the path progress out of a file that has none', () => {
    expect(createAnswersFile(questionnaire, buildAnswers(), NOW, { pathProgress: {} })).not.toHaveProperty('pathProgress');
  });

  it.each<{ name: string; input: unknown; error: string }>([
    { name: 'a path step with an unknown status', input: buildFileInput({ pathProgress: { 'outil-a': { status: 'peut-etre' } } }), error: 'pathProgress.outil-a.status : valeur attendue « todo », « done » ou « not-relevant »' },
    { name: 'something that is not an object', input: 42, error: 'fichier : valeur attendue : un objet' },
    { name: 'another kind of file', input: buildFileInput({ format: 'autre-chose' }), error: "format : ce fichier n’est pas un diagnostic Trajectoires (attendu : « trajectoires.diagnostic »)" },
    { name: 'a newer format version', input: buildFileInput({ formatVersion: 2 }), error: "formatVersion : ce fichier vient d’une version plus récente de l’outil ; mettez l’outil à jour pour l’ouvrir" },
    { name: 'a decimal format version', input: buildFileInput({ formatVersion: 1.5 }), error: 'formatVersion : valeur attendue : un nombre entier' },
    { name: 'a missing field', input: buildFileInput({ createdAt: undefined }), error: 'createdAt : champ manquant' },
    { name: 'a date that is not ISO 8601', input: buildFileInput({ updatedAt: 'hier' }), error: 'updatedAt : date attendue au format ISO 8601, par exemple 2024-05-01T10:00:00Z' },
    { name: 'an unknown field', input: buildFileInput({ couleur: 'bleu' }), error: 'couleur : champ inconnu' },
    { name: 'an empty questionnaire id', input: buildFileInput({ questionnaire: { id: '', version: '1.0.0' } }), error: 'questionnaire.id : ne doit pas être vide' },
    { name: 'an unknown respondent role', input: buildFileInput({ respondent: { role: 'roi' } }), error: 'respondent.role : valeur attendue « administrateur », « dirigeant-salarie », « salarie », « benevole », « partenaire » ou « autre »' },
    {
      name: 'an answer of no readable type',
      input: buildFileInput({ answers: { 'hr-volunteers': true } }),
      error: "answers.hr-volunteers : réponse illisible (attendu : un identifiant, une liste d’identifiants, un nombre ou des parts en pourcentage)",
    },
  ])('refuses $name with a French message naming the field', ({ input, error }) => {
    const result = parseAnswersFile(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContain(error);
  });

  it.each<{ name: string; overrides: Record<string, unknown>; error: string }>([
    {
      name: 'a file for another questionnaire',
      overrides: { questionnaire: { id: 'autre-questionnaire', version: '1.2.0' } },
      error: 'Ce fichier répond au questionnaire « autre-questionnaire », pas à « test-mse ».',
    },
    {
      name: 'a file from a newer questionnaire version',
      overrides: { questionnaire: { id: 'test-mse', version: '1.10.0' } },
      error: 'questionnaire.version : ce fichier a été rempli avec la version 1.10.0 du questionnaire, plus récente que la version 1.2.0 disponible ici',
    },
    {
      name: 'a file from a newer patch of the questionnaire',
      overrides: { questionnaire: { id: 'test-mse', version: '1.2.1' } },
      error: 'questionnaire.version : ce fichier a été rempli avec la version 1.2.1 du questionnaire, plus récente que la version 1.2.0 disponible ici',
    },
    {
      name: 'an unreadable questionnaire version',
      overrides: { questionnaire: { id: 'test-mse', version: 'v2' } },
      error: 'questionnaire.version : version « v2 » illisible (attendu : une version comme 1.0.0)',
    },
    {
      name: 'a number out of range',
      overrides: { answers: buildAnswers({ 'volunteers-count': 5000 }) },
      error: 'answers.volunteers-count : Saisissez un nombre entre 0 et 1000 personnes.',
    },
    {
      name: 'an option the question does not offer',
      overrides: { answers: buildAnswers({ 'hr-volunteers': 'l7' }) },
      error: 'answers.hr-volunteers : Choisissez une des réponses proposées.',
    },
    {
      name: 'a reserved answer the question does not allow',
      overrides: { answers: buildAnswers({ 'hr-volunteers': 'dont-know' }) },
      error: 'answers.hr-volunteers : Choisissez une des réponses proposées.',
    },
    {
      name: 'an answer of the wrong type for its question',
      overrides: { answers: buildAnswers({ 'has-staff': 3 }) },
      error: "answers.has-staff : réponse attendue : l’identifiant d’une des réponses proposées",
    },
    {
      name: 'shares that do not add up to 100',
      overrides: { answers: buildAnswers({ 'fin-shares': { subventions: 10, dons: 10, revenus: 10 } }) },
      error: 'answers.fin-shares : Le total des parts doit faire 100 %.',
    },
  ])('refuses $name when a questionnaire is given', ({ overrides, error }) => {
    const input = buildFileInput(overrides);
    const result = parseAnswersFile(input, questionnaire);
    expect(result).toEqual({ ok: false, errors: [error] });
    expect(parseAnswersFile(input).ok).toBe(true);
  });

  it('keeps answers to unknown questions, with a warning', () => {
    const result = parseAnswersFile(buildFileInput({ answers: buildAnswers({ 'ancienne-question': 'oui' }) }), questionnaire);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.answers['ancienne-question']).toBe('oui');
    expect(result.warnings).toEqual([
      "answers.ancienne-question : question inconnue de ce questionnaire ; la réponse est conservée mais n’est pas comptée",
    ]);
  });

  it('accepts a file from an older questionnaire version, telling that its answers were kept', () => {
    const result = parseAnswersFile(buildFileInput({ questionnaire: { id: 'test-mse', version: '1.1.9' } }), questionnaire);
    expect(result.ok && result.warnings).toEqual([
      'Ce fichier a été rempli avec la version 1.1.9 du questionnaire ; ses réponses ont été reprises telles quelles dans la version 1.2.0.',
    ]);
    expect(result.ok && result.file.questionnaire.version).toBe('1.2.0');
  });

  it('says no migration happened when it is not given a questionnaire', () => {
    expect(parseAnswersFile(buildFileInput({ questionnaire: { id: 'test-mse', version: '1.0.0' } }))).toMatchObject({ ok: true, migration: null });
  });

  it('reports every invalid answer, not just the first', () => {
    const result = parseAnswersFile(buildFileInput({ answers: buildAnswers({ 'hr-volunteers': 'l7', 'org-name': 'x'.repeat(41) }) }), questionnaire);
    expect(result.ok ? [] : result.errors).toEqual([
      'answers.org-name : Pas plus de 40 caractères.',
      'answers.hr-volunteers : Choisissez une des réponses proposées.',
    ]);
  });
});

describe('checkAnswersFile with declared migrations', () => {
  const migrated = buildMigratedQuestionnaire();

  it('migrates a file from 1.0.0, then checks it, and tells what became of each answer once', () => {
    const file = buildAnswersFile(buildAnswersAt100({ 'vieille-question': 'oui' }), { version: '1.0.0' });
    const expected = migrateAnswersFile(file, migrated);
    if (!expected.ok || !expected.report) throw new Error('expected a migration');
    const result = checkAnswersFile(file, migrated);
    expect(result).toEqual({
      ok: true,
      file: expected.file,
      migration: expected.report,
      // The removed question's answer is told by the migration, not again as an unknown question.
      warnings: [
        ...describeMigrationReport(expected.report),
        'answers.vieille-question : question inconnue de ce questionnaire ; la réponse est conservée mais n’est pas comptée',
      ],
    });
    expect(result.ok && result.file.answers).toMatchObject({ 'hr-volunteers': 'l2', 'al-partners': 'l3', 'preferred-kinds': ['s-informer', 'agir'], 'fin-mecenat': 'l2' });
  });

  it('refuses a file whose old answer no migration maps, naming the answer as it is now', () => {
    const file = buildAnswersFile(buildAnswersAt100({ benevoles: 'moyen' }), { version: '1.0.0' });
    expect(checkAnswersFile(file, migrated)).toEqual({ ok: false, errors: ['answers.hr-volunteers : Choisissez une des réponses proposées.'] });
  });

  it('refuses a file from a newer version of a questionnaire with migrations', () => {
    expect(checkAnswersFile(buildAnswersFile(buildAnswers(), { version: '2.0.0' }), migrated)).toEqual({
      ok: false,
      errors: ['questionnaire.version : ce fichier a été rempli avec la version 2.0.0 du questionnaire, plus récente que la version 1.2.0 disponible ici'],
    });
  });

  it('returns a file at the current version as it is, without a migration', () => {
    const file = buildAnswersFile(buildAnswers(), { version: '1.2.0' });
    expect(checkAnswersFile(file, migrated)).toEqual({ ok: true, file, warnings: [], migration: null });
  });
});

describe('checkToolkitAgainstQuestionnaires', () => {
  it.each([
    { name: 'a consistent toolkit', tools: [tool('ok', 'agir', ['human-resources'], ['a-initier'], { triggers: [{ type: 'flag', check: 'pillar-imbalance' }, { type: 'dont-know', dimension: 'fin-mix' }] })], messages: [] },
    { name: 'an unknown level', tools: [tool('ok', 'agir', ['human-resources']), tool('bad', 'agir', ['human-resources'], ['a-initier', 'expert'])], messages: ['tools[1].levels[1]: unknown level "expert" in questionnaire "test-mse"'] },
    { name: 'a flag trigger on an unknown check', tools: [tool('bad', 'agir', ['human-resources'], ['a-initier'], { triggers: [{ type: 'flag', check: 'nowhere' }] })], messages: ['tools[0].triggers[0].check: unknown check "nowhere" (no questionnaire declares it)'] },
    {
      name: 'a dont-know trigger on an unknown dimension',
      tools: [tool('bad', 'agir', ['human-resources'], ['a-initier'], { triggers: [{ type: 'flag', check: 'pillar-imbalance' }, { type: 'dont-know', dimension: 'nowhere' }] })],
      messages: ['tools[0].triggers[1].dimension: unknown dimension "nowhere" (no questionnaire declares it)'],
    },
  ])('reports $name', ({ tools, messages }) => {
    expect(checkToolkitAgainstQuestionnaires(buildToolkit(tools), [questionnaire])).toEqual(messages);
  });

  it('accepts a trigger that only one of the questionnaires can raise', () => {
    const other = buildQuestionnaire((input) => {
      input.id = 'other';
      input.checks = [];
    });
    const tools = [tool('ok', 'agir', ['human-resources'], ['a-initier'], { triggers: [{ type: 'flag', check: 'pillar-imbalance' }] })];
    expect(checkToolkitAgainstQuestionnaires(buildToolkit(tools), [other, questionnaire])).toEqual([]);
  });

  it('names every questionnaire that lacks a level', () => {
    const other = buildQuestionnaire((input) => {
      input.id = 'other';
      input.levels = input.levels.filter((level) => level.id !== 'consolide');
    });
    const tools = [tool('bad', 'agir', ['human-resources'], ['consolide'])];
    expect(checkToolkitAgainstQuestionnaires(buildToolkit(tools), [questionnaire, other])).toEqual(['tools[0].levels[0]: unknown level "consolide" in questionnaire "other"']);
  });
});
