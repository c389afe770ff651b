import { FRENCH_ANSWER_MESSAGE_TEMPLATES, FRENCH_ANSWER_MESSAGES, type AnswerMessages } from '../../src/domain/answer-messages';
import { validateAnswers, type Answers, type AnswerValue } from '../../src/domain/answers';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { addGroupMembers, createGroup } from '../../src/domain/group';
import { describeMigrationReport, type MigrationReport } from '../../src/domain/questionnaire-migrations';
import { TOOL_KINDS } from '../../src/domain/questionnaire-schema';
import { loadEnglishAnswerMessages } from './english-answer-messages';
import { buildAnswers, buildAnswersFile, buildQuestionnaire, findQuestionInput, type QuestionnaireInput } from './fixtures';
import { buildAnswersAt100, buildMigratedQuestionnaire } from './migration-fixtures';

let english: AnswerMessages;
beforeAll(async () => {
  english = await loadEnglishAnswerMessages();
});

const [informer, agir, former] = [TOOL_KINDS[1], TOOL_KINDS[3], TOOL_KINDS[2]];

interface ValidationCase {
  name: string;
  edit?: (input: QuestionnaireInput) => void;
  questionId: string;
  value: AnswerValue | undefined;
  french: string;
  english: string;
}

const VALIDATION_CASES: ValidationCase[] = [
  { name: 'an option the question does not offer', questionId: 'has-staff', value: 'peut-etre', french: 'Choisissez une des réponses proposées.', english: 'Choose one of the answers offered.' },
  { name: 'a ticked option the question does not offer', questionId: 'preferred-kinds', value: ['inconnu'], french: 'Choisissez parmi les réponses proposées.', english: 'Choose among the answers offered.' },
  { name: 'an option ticked twice', questionId: 'preferred-kinds', value: [informer, informer], french: 'Une réponse est cochée deux fois.', english: 'An answer is ticked twice.' },
  { name: 'too many ticks (plural)', questionId: 'preferred-kinds', value: [informer, agir, former], french: 'Cochez au plus 2 réponses.', english: 'Tick at most 2 answers.' },
  {
    name: 'too many ticks (singular)',
    edit: (input) => Object.assign(findQuestionInput(input, 'preferred-kinds'), { maxSelected: 1 }),
    questionId: 'preferred-kinds',
    value: [informer, agir],
    french: 'Cochez au plus 1 réponse.',
    english: 'Tick at most 1 answer.',
  },
  {
    name: 'too few ticks',
    edit: (input) => Object.assign(findQuestionInput(input, 'preferred-kinds'), { minSelected: 3, maxSelected: 4 }),
    questionId: 'preferred-kinds',
    value: [informer, agir],
    french: 'Cochez au moins 3 réponses.',
    english: 'Tick at least 3 answers.',
  },
  { name: 'a text where a number is expected', questionId: 'volunteers-count', value: 'douze', french: 'Saisissez un nombre.', english: 'Enter a number.' },
  { name: 'a number out of range, with its unit', questionId: 'volunteers-count', value: 5000, french: 'Saisissez un nombre entre 0 et 1000 personnes.', english: 'Enter a number between 0 and 1000 personnes.' },
  {
    name: 'a number out of range, without unit',
    edit: (input) => delete (findQuestionInput(input, 'volunteers-count') as { unit?: string }).unit,
    questionId: 'volunteers-count',
    value: -1,
    french: 'Saisissez un nombre entre 0 et 1000.',
    english: 'Enter a number between 0 and 1000.',
  },
  {
    name: 'a fraction where a whole number is expected',
    edit: (input) => Object.assign(findQuestionInput(input, 'volunteers-count'), { integer: true }),
    questionId: 'volunteers-count',
    value: 2.5,
    french: 'Saisissez un nombre entier.',
    english: 'Enter a whole number.',
  },
  { name: 'a share that is not a number', questionId: 'fin-shares', value: { subventions: 'beaucoup' } as unknown as AnswerValue, french: 'Saisissez un pourcentage.', english: 'Enter a percentage.' },
  { name: 'a negative share', questionId: 'fin-shares', value: { subventions: -10, dons: 110 }, french: 'Un pourcentage ne peut pas être négatif.', english: 'A percentage cannot be negative.' },
  { name: 'a share above 100', questionId: 'fin-shares', value: { subventions: 150, dons: -50 }, french: 'Un pourcentage ne peut pas dépasser 100.', english: 'A percentage cannot be more than 100.' },
  { name: 'a share of an unknown part', questionId: 'fin-shares', value: { autre: 100 }, french: 'Une part inconnue a été saisie.', english: 'An unknown share was entered.' },
  { name: 'shares that do not add up to 100', questionId: 'fin-shares', value: { subventions: 50 }, french: 'Le total des parts doit faire 100 %.', english: 'The shares must add up to 100%.' },
  { name: 'a text too long', questionId: 'org-name', value: 'x'.repeat(41), french: 'Pas plus de 40 caractères.', english: 'No more than 40 characters.' },
  { name: 'a required question left blank', questionId: 'has-staff', value: undefined, french: 'Cette question attend une réponse.', english: 'This question needs an answer.' },
];

describe('the wizard’s answer messages', () => {
  it.each(VALIDATION_CASES)('says $name in French by default and in English when given the English wording', ({ edit, questionId, value, french, english: inEnglish }) => {
    const questionnaire = buildQuestionnaire(edit);
    const answers: Answers = buildAnswers();
    if (value === undefined) delete answers[questionId];
    else answers[questionId] = value;
    const messageFor = (issues: ReturnType<typeof validateAnswers>) => issues.filter((issue) => issue.questionId === questionId).map((issue) => issue.message);
    expect(messageFor(validateAnswers(questionnaire, answers))).toEqual([french]);
    expect(messageFor(validateAnswers(questionnaire, answers, undefined, english))).toEqual([inEnglish]);
    // The schemas are cached per wording: French again after English is still French.
    expect(messageFor(validateAnswers(questionnaire, answers, undefined, FRENCH_ANSWER_MESSAGES))).toEqual([french]);
  });
});

const goodFile = () => buildAnswersFile(buildAnswers());

interface FileCase {
  name: string;
  input: () => unknown;
  withQuestionnaire?: boolean;
  french: string[];
  english: string[];
}

const FILE_CASES: FileCase[] = [
  { name: 'a file that is not an object', input: () => 'bonjour', french: ['fichier : valeur attendue : un objet'], english: ['file: expected value: an object'] },
  {
    name: 'a missing field',
    input: () => {
      const { createdAt: _, ...rest } = goodFile();
      return rest;
    },
    french: ['createdAt : champ manquant'],
    english: ['createdAt: missing field'],
  },
  { name: 'a value of the wrong type', input: () => ({ ...goodFile(), formatVersion: 'un' }), french: ['formatVersion : valeur attendue : un nombre'], english: ['formatVersion: expected value: a number'] },
  {
    name: 'a file of another tool',
    input: () => ({ ...goodFile(), format: 'autre' }),
    french: ['format : ce fichier n’est pas un diagnostic Trajectoires (attendu : « trajectoires.diagnostic »)'],
    english: ['format: this file is not a Trajectoires self-assessment (expected: “trajectoires.diagnostic”)'],
  },
  {
    name: 'a value outside a list',
    input: () => ({ ...goodFile(), respondent: { role: 'chef' } }),
    french: ['respondent.role : valeur attendue « administrateur », « dirigeant-salarie », « salarie », « benevole », « partenaire » ou « autre »'],
    english: ['respondent.role: expected value “administrateur”, “dirigeant-salarie”, “salarie”, “benevole”, “partenaire” or “autre”'],
  },
  {
    name: 'a date that is not ISO 8601',
    input: () => ({ ...goodFile(), updatedAt: 'hier' }),
    french: ['updatedAt : date attendue au format ISO 8601, par exemple 2024-05-01T10:00:00Z'],
    english: ['updatedAt: expected a date in ISO 8601 format, for example 2024-05-01T10:00:00Z'],
  },
  { name: 'an empty text', input: () => ({ ...goodFile(), questionnaire: { id: '', version: '1.2.0' } }), french: ['questionnaire.id : ne doit pas être vide'], english: ['questionnaire.id: must not be empty'] },
  {
    name: 'a text too long',
    input: () => ({ ...goodFile(), respondent: { name: 'x'.repeat(201) } }),
    french: ['respondent.name : au plus 200 caractères'],
    english: ['respondent.name: at most 200 characters'],
  },
  { name: 'a number too small', input: () => ({ ...goodFile(), formatVersion: 0 }), french: ['formatVersion : au moins 1'], english: ['formatVersion: at least 1'] },
  { name: 'an unknown field', input: () => ({ ...goodFile(), extra: true }), french: ['extra : champ inconnu'], english: ['extra: unknown field'] },
  {
    name: 'an unreadable answer',
    input: () => ({ ...goodFile(), answers: { 'has-staff': true } }),
    french: ['answers.has-staff : réponse illisible (attendu : un identifiant, une liste d’identifiants, un nombre ou des parts en pourcentage)'],
    english: ['answers.has-staff: unreadable answer (expected: an identifier, a list of identifiers, a number or shares in percent)'],
  },
  {
    name: 'a file from a newer version of the tool',
    input: () => ({ ...goodFile(), formatVersion: 2 }),
    french: ['formatVersion : ce fichier vient d’une version plus récente de l’outil ; mettez l’outil à jour pour l’ouvrir'],
    english: ['formatVersion: this file comes from a newer version of the tool; update the tool to open it'],
  },
  {
    name: 'an answer of the wrong type',
    input: () => buildAnswersFile(buildAnswers({ 'has-staff': ['oui'] })),
    withQuestionnaire: true,
    french: ['answers.has-staff : réponse attendue : l’identifiant d’une des réponses proposées'],
    english: ['answers.has-staff: expected answer: the identifier of one of the answers offered'],
  },
  {
    name: 'an answer the question refuses',
    input: () => buildAnswersFile(buildAnswers({ 'fin-shares': { subventions: 50 } })),
    withQuestionnaire: true,
    french: ['answers.fin-shares : Le total des parts doit faire 100 %.'],
    english: ['answers.fin-shares: The shares must add up to 100%.'],
  },
  {
    name: 'a file of another questionnaire',
    input: () => buildAnswersFile(buildAnswers(), { questionnaireId: 'autre-questionnaire' }),
    withQuestionnaire: true,
    french: ['Ce fichier répond au questionnaire « autre-questionnaire », pas à « test-mse ».'],
    english: ['This file answers the questionnaire “autre-questionnaire”, not “test-mse”.'],
  },
  {
    name: 'an unreadable questionnaire version',
    input: () => buildAnswersFile(buildAnswers(), { version: 'v1' }),
    withQuestionnaire: true,
    french: ['questionnaire.version : version « v1 » illisible (attendu : une version comme 1.0.0)'],
    english: ['questionnaire.version: unreadable version “v1” (expected: a version such as 1.0.0)'],
  },
  {
    name: 'a file from a newer questionnaire version',
    input: () => buildAnswersFile(buildAnswers(), { version: '9.0.0' }),
    withQuestionnaire: true,
    french: ['questionnaire.version : ce fichier a été rempli avec la version 9.0.0 du questionnaire, plus récente que la version 1.2.0 disponible ici'],
    english: ['questionnaire.version: this file was filled in with version 9.0.0 of the questionnaire, newer than version 1.2.0 available here'],
  },
];

describe('the reasons an answers file is refused', () => {
  it.each(FILE_CASES)('names $name in French by default and in English when given the English wording', ({ input, withQuestionnaire, french, english: inEnglish }) => {
    const questionnaire = withQuestionnaire ? buildQuestionnaire() : undefined;
    expect(parseAnswersFile(input(), questionnaire)).toEqual({ ok: false, errors: french });
    expect(parseAnswersFile(input(), questionnaire, english)).toEqual({ ok: false, errors: inEnglish });
  });

  it('warns about an unknown question in the wording’s language', () => {
    const file = buildAnswersFile(buildAnswers({ mystere: 'x' }));
    const warningsOf = (messages?: AnswerMessages) => {
      const result = parseAnswersFile(file, buildQuestionnaire(), messages);
      return result.ok ? result.warnings : result.errors;
    };
    expect(warningsOf()).toEqual(['answers.mystere : question inconnue de ce questionnaire ; la réponse est conservée mais n’est pas comptée']);
    expect(warningsOf(english)).toEqual(['answers.mystere: question unknown to this questionnaire; the answer is kept but not counted']);
  });
});

describe('what became of an older file’s answers', () => {
  it('is told in English, sentence by sentence, like in French', () => {
    const result = parseAnswersFile(buildAnswersFile(buildAnswersAt100(), { version: '1.0.0' }), buildMigratedQuestionnaire(), english);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.warnings).toEqual([
      'This file was filled in with version 1.0.0 of the questionnaire; its answers were carried over into version 1.2.0.',
      'Les questions sur les bénévoles ont été regroupées.',
      'La question sur le mécénat a été retirée.',
      '11 answers are carried over unchanged.',
      'The answer to the question “benevoles” is carried over under its new identifier “hr-volunteers”.',
      'The answer to the question “al-reseau” is carried over under its new identifier “al-partners”.',
      'Question “has-staff”: the answer “yes” is carried over as “oui”.',
      'Question “preferred-kinds”: the answer “se-documenter” is carried over as “s-informer”.',
      'The answer to the question “fin-mecenat”, removed or replaced, stays in the file but is no longer counted.',
    ]);
  });

  const base: MigrationReport = { fromVersion: '1.0.0', toVersion: '1.2.0', kept: [], mapped: [], dropped: [], notes: [] };
  it.each<{ name: string; report: Partial<MigrationReport>; french: string[]; english: string[] }>([
    {
      name: 'every answer kept',
      report: { kept: ['org-name'] },
      french: ['Ce fichier a été rempli avec la version 1.0.0 du questionnaire ; ses réponses ont été reprises telles quelles dans la version 1.2.0.'],
      english: ['This file was filled in with version 1.0.0 of the questionnaire; its answers were carried over unchanged into version 1.2.0.'],
    },
    {
      name: 'one kept answer and several dropped',
      report: { kept: ['org-name'], dropped: ['a', 'b'] },
      french: [
        'Ce fichier a été rempli avec la version 1.0.0 du questionnaire ; ses réponses ont été reprises dans la version 1.2.0.',
        '1 réponse est reprise telle quelle.',
        'Les réponses aux questions « a », « b », retirées ou remplacées, restent dans le fichier mais ne sont plus comptées.',
      ],
      english: [
        'This file was filled in with version 1.0.0 of the questionnaire; its answers were carried over into version 1.2.0.',
        '1 answer is carried over unchanged.',
        'The answers to the questions “a”, “b”, removed or replaced, stay in the file but are no longer counted.',
      ],
    },
  ])('says $name in both languages', ({ report, french, english: inEnglish }) => {
    expect(describeMigrationReport({ ...base, ...report })).toEqual(french);
    expect(describeMigrationReport({ ...base, ...report }, english)).toEqual(inEnglish);
  });
});

describe('the reasons a group refuses a file', () => {
  it.each([
    {
      name: 'a file of another questionnaire',
      files: () => [buildAnswersFile(buildAnswers(), { questionnaireId: 'autre' })],
      french: 'Ce fichier répond au questionnaire « autre », pas à « test-mse ».',
      english: 'This file answers the questionnaire “autre”, not “test-mse”.',
    },
    {
      name: 'the same diagnosis twice',
      files: () => [buildAnswersFile(buildAnswers()), buildAnswersFile(buildAnswers())],
      french: 'Ce diagnostic est déjà dans le groupe (mêmes réponses, mêmes dates).',
      english: 'This self-assessment is already in the group (same answers, same dates).',
    },
  ])('names $name in both languages', ({ files, french, english: inEnglish }) => {
    const reasonsOf = (messages?: AnswerMessages) => addGroupMembers(createGroup('test-mse'), files(), () => 'id', messages).rejected.map((refusal) => refusal.reason);
    expect(reasonsOf()).toEqual([french]);
    expect(reasonsOf(english)).toEqual([inEnglish]);
  });
});

type TemplateNode = { readonly [key: string]: string | TemplateNode };

function listKeys(node: TemplateNode, prefix = ''): string[] {
  const keys = Object.entries(node).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key.replace(/_(one|other)$/, '')}`] : listKeys(value, `${prefix}${key}.`)));
  return [...new Set(keys)];
}

describe('every answer message', () => {
  const keys = listKeys(FRENCH_ANSWER_MESSAGE_TEMPLATES);
  const values = { count: 2, where: 'answers.q1', rule: 'r', expected: 'e', bound: 3, min: 0, max: 10, unit: 'u', value: 'v', items: 'a', last: 'b', list: 'l', name: 'n', position: 2, sourceCount: 2500, fileQuestionnaire: 'f', questionnaire: 'q', version: '1.0.0', fileVersion: '2.0.0', from: '1', to: '2', question: 'q1', id: 'diagnostic-express', status: 404 };
  const say = (messages: AnswerMessages, key: string) => (messages as (key: string, values: object) => string)(key, values);

  it('has keys to check', () => {
    expect(keys).toContain('validation.atLeast');
    expect(keys.length).toBeGreaterThan(60);
  });

  it.each(keys)('%s is written in both languages, every placeholder filled', (key) => {
    const french = say(FRENCH_ANSWER_MESSAGES, key);
    const inEnglish = say(english, key);
    for (const text of [french, inEnglish]) expect(text).not.toMatch(/\{\{|\}\}|undefined|answerMessages\./);
    expect(inEnglish).not.toBe(french);
  });

  it('formats numbers in the language of the wording', () => {
    expect(FRENCH_ANSWER_MESSAGES('import.tooManySourcesLabel', { sourceCount: 2500 })).toBe('2\u202f500 fichiers et liens');
    expect(english('import.tooManySourcesLabel', { sourceCount: 2500 })).toBe('2,500 files and links');
  });
});
