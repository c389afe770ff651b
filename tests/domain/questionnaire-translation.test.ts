import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR, loadContentDirectory, REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { diagnose } from '../../src/domain/diagnose';
import { listQuestions, QuestionnaireSchema, ToolkitSchema, type Questionnaire, type Toolkit } from '../../src/domain/questionnaire-schema';
import {
  applyQuestionnaireTranslation,
  applyToolkitTranslation,
  checkTranslation,
  findTranslationPath,
  listPlaceholders,
  TranslationSchema,
  type Translation,
} from '../../src/domain/questionnaire-translation';
import { buildQuestionnaire, buildToolkit, findQuestionInput, tool } from './fixtures';

/**
 * A complete translation of `source`, every text passed through `translate`: what a careful
 * translator writes, so that each test removes or breaks exactly one thing.
 */
function translateEverything(source: Questionnaire | Toolkit, translate: (text: string) => string): Translation {
  const base = { translationOf: source.id, sourceVersion: source.version, locale: 'en-GB' };
  if ('tools' in source) {
    return TranslationSchema.parse({
      ...base,
      tools: Object.fromEntries(source.tools.map((item) => [item.id, { title: translate(item.title), description: translate(item.description), duration: translate(item.duration) }])),
    });
  }
  const labelled = (label: string, second: string | undefined, key: 'description' | 'help') =>
    second === undefined ? translate(label) : { label: translate(label), [key]: translate(second) };
  return TranslationSchema.parse({
    ...base,
    title: translate(source.title),
    ...(source.description === undefined ? {} : { description: translate(source.description) }),
    levels: Object.fromEntries(source.levels.map((level) => [level.id, { label: translate(level.label), description: translate(level.description) }])),
    dimensions: Object.fromEntries(source.dimensions.map((dimension) => [dimension.id, translate(dimension.label)])),
    checks: Object.fromEntries(source.checks.map((check) => [check.id, translate(check.message)])),
    steps: Object.fromEntries(
      source.steps.map((step) => [step.id, { title: translate(step.title), ...(step.intro === undefined ? {} : { intro: translate(step.intro) }) }]),
    ),
    questions: Object.fromEntries(
      listQuestions(source).map((question) => [
        question.id,
        {
          label: translate(question.label),
          help: translate(question.help),
          ...(question.type === 'number' && question.unit !== undefined ? { unit: translate(question.unit) } : {}),
          ...(question.type === 'single' || question.type === 'multiple'
            ? { options: Object.fromEntries(question.options.map((option) => [option.id, labelled(option.label, option.description, 'description')])) }
            : {}),
          ...(question.type === 'shares' ? { parts: Object.fromEntries(question.parts.map((part) => [part.id, labelled(part.label, part.help, 'help')])) } : {}),
        },
      ]),
    ),
    migrations: Object.fromEntries(source.migrations.flatMap((migration) => (migration.note === undefined ? [] : [[migration.to, translate(migration.note)]]))),
  });
}

const inEnglish = (text: string) => `[en] ${text}`;

/** The fixture questionnaire, with a text of every kind the schema has (part help, step intro, migration note). */
const questionnaire = buildQuestionnaire((input) => {
  input.description = 'Une description.';
  const shares = findQuestionInput(input, 'fin-shares');
  if (shares.type === 'shares') shares.parts[0] = { ...shares.parts[0]!, help: 'État, collectivités.' };
  input.steps[1]!.intro = 'Le projet d’abord.';
  input.migrations = [{ from: '1.0.0', to: '1.1.0', note: 'Deux questions ont été ajoutées.' }];
});
const toolkit = buildToolkit([tool('guide', 'comprendre', ['human-resources']), tool('atelier', 'agir', ['financial-resources'])]);

type Edit = (translation: Translation) => void;
const questions = (translation: Translation) => translation.questions!;
const optionsOf = (translation: Translation, id: string) => questions(translation)[id]!.options!;

describe('checkTranslation', () => {
  it('finds nothing to say about a complete translation, of a questionnaire or of the toolkit', () => {
    expect(checkTranslation(questionnaire, translateEverything(questionnaire, inEnglish))).toEqual([]);
    expect(checkTranslation(toolkit, translateEverything(toolkit, inEnglish))).toEqual([]);
  });

  it.each<{ name: string; edit: Edit; expected: { path: (string | number)[]; message: string } }>([
    {
      name: 'a missing question',
      edit: (translation) => delete questions(translation)['hr-training'],
      expected: { path: ['questions'], message: 'missing the question "hr-training"' },
    },
    {
      name: 'a question the source does not have',
      edit: (translation) => (questions(translation)['hr-extra'] = { label: 'Extra', help: 'Why' }),
      expected: { path: ['questions', 'hr-extra'], message: 'unknown question "hr-extra" (the source has none with this id)' },
    },
    {
      name: 'a missing option',
      edit: (translation) => delete optionsOf(translation, 'has-staff').non,
      expected: { path: ['questions', 'has-staff', 'options'], message: 'missing the option "non"' },
    },
    {
      name: 'an option the source does not have',
      edit: (translation) => (optionsOf(translation, 'has-staff')['peut-etre'] = 'Maybe'),
      expected: { path: ['questions', 'has-staff', 'options', 'peut-etre'], message: 'unknown option "peut-etre" (the source has none with this id)' },
    },
    {
      name: 'an option without the description its source has',
      edit: (translation) => (optionsOf(translation, 'hr-volunteers').l2 = 'Level 2'),
      expected: { path: ['questions', 'hr-volunteers', 'options', 'l2'], message: 'expected { label, description }: the source has a description' },
    },
    {
      name: 'an option with a description its source lacks',
      edit: (translation) => (optionsOf(translation, 'has-staff').oui = { label: 'Yes', description: 'We employ people.' }),
      expected: { path: ['questions', 'has-staff', 'options', 'oui', 'description'], message: 'unexpected description: the source has none (write the label alone)' },
    },
    {
      name: 'a missing part of a shares question',
      edit: (translation) => delete questions(translation)['fin-shares']!.parts!.dons,
      expected: { path: ['questions', 'fin-shares', 'parts'], message: 'missing the part "dons"' },
    },
    {
      name: 'a part without the help its source has',
      edit: (translation) => (questions(translation)['fin-shares']!.parts!.subventions = 'Grants'),
      expected: { path: ['questions', 'fin-shares', 'parts', 'subventions'], message: 'expected { label, help }: the source has a help' },
    },
    {
      name: 'options on a question that has none',
      edit: (translation) => (questions(translation)['org-name']!.options = { a: 'A' }),
      expected: { path: ['questions', 'org-name', 'options'], message: 'a text question has no options' },
    },
    {
      name: 'a missing unit',
      edit: (translation) => delete questions(translation)['volunteers-count']!.unit,
      expected: { path: ['questions', 'volunteers-count', 'unit'], message: 'missing the unit (the source has one)' },
    },
    {
      name: 'a check message whose placeholders changed',
      edit: (translation) => (translation.checks!['funding-concentration'] = 'The part “{part}” is {percent}% of the income.'),
      expected: {
        path: ['checks', 'funding-concentration'],
        message: 'expected the placeholders {part}, {share} of the source message, got {part}, {percent}',
      },
    },
    {
      name: 'another source version',
      edit: (translation) => (translation.sourceVersion = '1.1.0'),
      expected: {
        path: ['sourceVersion'],
        message: 'translates version 1.1.0 but "test-mse" is at 1.2.0: bring the translation up to date, then set sourceVersion to 1.2.0',
      },
    },
    {
      name: 'another source id',
      edit: (translation) => (translation.translationOf = 'diagnostic-express'),
      expected: { path: ['translationOf'], message: 'expected "test-mse" (the id of the source file), got "diagnostic-express"' },
    },
    {
      name: 'the source’s own language',
      edit: (translation) => (translation.locale = 'fr-BE'),
      expected: { path: ['locale'], message: '"fr-BE" is the source\'s own language (fr-FR)' },
    },
    {
      name: 'a missing step',
      edit: (translation) => delete translation.steps!.priorities,
      expected: { path: ['steps'], message: 'missing the step "priorities"' },
    },
    {
      name: 'a step without the intro its source has',
      edit: (translation) => delete translation.steps!.project!.intro,
      expected: { path: ['steps', 'project', 'intro'], message: 'missing the intro (the source has one)' },
    },
    {
      name: 'a missing level',
      edit: (translation) => delete translation.levels!.consolide,
      expected: { path: ['levels'], message: 'missing the level "consolide"' },
    },
    {
      name: 'a dimension the source does not have',
      edit: (translation) => (translation.dimensions!['fin-reserves'] = 'Reserves'),
      expected: { path: ['dimensions', 'fin-reserves'], message: 'unknown dimension "fin-reserves" (the source has none with this id)' },
    },
    {
      name: 'a missing check',
      edit: (translation) => delete translation.checks!['pillar-imbalance'],
      expected: { path: ['checks'], message: 'missing the check "pillar-imbalance"' },
    },
    {
      name: 'a missing migration note',
      edit: (translation) => delete translation.migrations!['1.1.0'],
      expected: { path: ['migrations'], message: 'missing the migration note "1.1.0"' },
    },
    {
      name: 'tools in a questionnaire translation',
      edit: (translation) => (translation.tools = {}),
      expected: { path: ['tools'], message: 'a questionnaire translation has no "tools": they belong to the toolkit\'s' },
    },
  ])('reports $name', ({ edit, expected }) => {
    const translation = structuredClone(translateEverything(questionnaire, inEnglish));
    edit(translation);

    expect(checkTranslation(questionnaire, translation)).toEqual([expected]);
  });

  it.each<{ name: string; edit: Edit; expected: { path: (string | number)[]; message: string }[] }>([
    {
      name: 'a missing tool and one the source does not have',
      edit: (translation) => {
        delete translation.tools!.atelier;
        translation.tools!.mooc = { title: 'MOOC', description: 'An online course.' };
      },
      expected: [
        { path: ['tools'], message: 'missing the tool "atelier"' },
        { path: ['tools', 'mooc'], message: 'unknown tool "mooc" (the source has none with this id)' },
      ],
    },
    {
      name: 'a questionnaire’s texts in a toolkit translation',
      edit: (translation) => (translation.title = 'Toolkit'),
      expected: [{ path: ['title'], message: 'a toolkit translation has only "tools": "title" belongs to a questionnaire\'s' }],
    },
  ])('reports $name in a toolkit translation', ({ edit, expected }) => {
    const translation = structuredClone(translateEverything(toolkit, inEnglish));
    edit(translation);

    expect(checkTranslation(toolkit, translation)).toEqual(expected);
  });

  it('does not take an id inherited from Object.prototype for a translated one', () => {
    const source = buildQuestionnaire((input) => (findQuestionInput(input, 'volunteers-count').id = 'constructor'));
    const translation = structuredClone(translateEverything(source, inEnglish));
    Reflect.deleteProperty(questions(translation), 'constructor');

    expect(checkTranslation(source, translation)).toEqual([{ path: ['questions'], message: 'missing the question "constructor"' }]);
  });
});

describe('listPlaceholders', () => {
  it.each([
    { text: 'Le pilier {strongest} devance {weakest} de {gap} points', expected: ['gap', 'strongest', 'weakest'] },
    { text: '{share} % puis encore {share} %', expected: ['share'] },
    { text: 'Aucun', expected: [] },
  ])('finds $expected in “$text”', ({ text, expected }) => {
    expect(listPlaceholders(text)).toEqual(expected);
  });
});

/** Every text key the schema has; anything else must come out of a translation untouched. */
const TEXT_KEYS = new Set(['title', 'description', 'label', 'help', 'intro', 'message', 'unit', 'note', 'duration']);

/** The pairs [path, source value, translated value] that differ, walking both trees together. */
function listDifferences(source: unknown, translated: unknown, at: string[] = []): [string, unknown, unknown][] {
  if (typeof source !== 'object' || source === null || typeof translated !== 'object' || translated === null) {
    return Object.is(source, translated) ? [] : [[at.join('.'), source, translated]];
  }
  const keys = new Set([...Object.keys(source), ...Object.keys(translated)]);
  return [...keys].flatMap((key) => listDifferences((source as Record<string, unknown>)[key], (translated as Record<string, unknown>)[key], [...at, key]));
}

describe('applyQuestionnaireTranslation and applyToolkitTranslation', () => {
  it('change every text and nothing else: ids, scores, conditions, checks’ logic, bindings and links stay the source’s', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((prefix) => prefix.trim().length > 0), (prefix) => {
        const translate = (text: string) => `${prefix.trim()} ${text}`;
        for (const [source, translated] of [
          [questionnaire, applyQuestionnaireTranslation(questionnaire, translateEverything(questionnaire, translate))],
          [toolkit, applyToolkitTranslation(toolkit, translateEverything(toolkit, translate))],
        ] as const) {
          const differences = listDifferences(source, translated);
          const notText = differences.filter(([at, before, after]) => at !== 'locale' && !(TEXT_KEYS.has(at.split('.').at(-1) ?? '') && after === translate(String(before))));
          expect(notText).toEqual([]);
          expect(differences.filter(([at]) => at === 'locale')).toEqual([['locale', 'fr-FR', 'en-GB']]);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('translates every text the schema has (none is left in French)', () => {
    const translated = applyQuestionnaireTranslation(questionnaire, translateEverything(questionnaire, inEnglish));
    const textCount = listDifferences(questionnaire, translated).filter(([at]) => at !== 'locale').length;
    const sourceTexts = JSON.stringify(questionnaire).match(/"(title|description|label|help|intro|message|unit|note)":"/g) ?? [];

    expect(textCount).toBe(sourceTexts.length);
    expect(QuestionnaireSchema.safeParse(translated).success).toBe(true);
    expect(ToolkitSchema.safeParse(applyToolkitTranslation(toolkit, translateEverything(toolkit, inEnglish))).success).toBe(true);
  });

  it('keeps a tool’s duration when the translation gives none', () => {
    const translation = structuredClone(translateEverything(toolkit, inEnglish));
    delete translation.tools!.guide!.duration;

    expect(applyToolkitTranslation(toolkit, translation).tools.map((item) => item.duration)).toEqual([toolkit.tools[0]!.duration, inEnglish(toolkit.tools[1]!.duration)]);
  });
});

describe('findTranslationPath', () => {
  it.each<{ issuePath: (string | number)[]; expected: (string | number)[] }>([
    { issuePath: ['steps', 2, 'questions', 0, 'options', 2, 'label'], expected: ['questions', 'hr-volunteers', 'options', 'l3', 'label'] },
    { issuePath: ['steps', 2, 'questions', 0, 'options'], expected: ['questions', 'hr-volunteers', 'options'] },
    { issuePath: ['steps', 3, 'questions', 0, 'parts', 1, 'label'], expected: ['questions', 'fin-shares', 'parts', 'dons', 'label'] },
    { issuePath: ['steps', 1, 'intro'], expected: ['steps', 'project', 'intro'] },
    { issuePath: ['levels', 1, 'label'], expected: ['levels', 'en-structuration', 'label'] },
    { issuePath: ['checks', 0, 'message'], expected: ['checks', 'funding-concentration'] },
    { issuePath: ['migrations', 0, 'note'], expected: ['migrations', '1.1.0'] },
    { issuePath: ['title'], expected: ['title'] },
    { issuePath: ['scoring', 'minAnsweredPerPillar'], expected: [] },
  ])('finds $issuePath of the questionnaire at $expected', ({ issuePath, expected }) => {
    expect(findTranslationPath(questionnaire, issuePath)).toEqual(expected);
  });

  it('finds a tool by its id', () => {
    expect(findTranslationPath(toolkit, ['tools', 1, 'title'])).toEqual(['tools', 'atelier', 'title']);
  });
});

describe('the English express questionnaire (questionnaires/diagnostic-express.en.yaml)', () => {
  const content = loadContentDirectory(CONTENT_DIR);
  const french = content.questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-express')!.questionnaire;
  const englishFile = content.translatedQuestionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-express' && loaded.language === 'en');
  const frenchToolkit = content.toolkits[0]!.toolkit;
  const englishToolkit = content.translatedToolkits.find((loaded) => loaded.language === 'en')?.toolkit ?? frenchToolkit;

  it('passes the translation check, with no error in the file', () => {
    expect(content.errors.filter((error) => error.startsWith('questionnaires/diagnostic-express.en.yaml'))).toEqual([]);
    expect(englishFile?.file).toBe('questionnaires/diagnostic-express.en.yaml');
    expect(englishFile?.questionnaire.locale).toBe('en-GB');
  });

  it('leaves no question, option or level in French', () => {
    const english = englishFile!.questionnaire;
    const texts = (source: Questionnaire) => [
      ...source.levels.map((level) => level.label),
      ...listQuestions(source).flatMap((question) => [
        question.label,
        question.help,
        ...(question.type === 'single' || question.type === 'multiple' ? question.options.map((option) => option.label) : []),
      ]),
    ];
    const frenchTexts = texts(french);
    // Numbers and names are the same in both languages: only a text with a French word counts.
    const unchanged = texts(english).filter((text, index) => text === frenchTexts[index] && /[a-zà-ÿ]{4}/i.test(text));

    expect(unchanged).toEqual([]);
    expect(english.title).toBe('Express self-assessment');
  });

  it('never expands the A.D.O.C. acronym', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'questionnaires/diagnostic-express.en.yaml'), 'utf8');
    expect(source).toContain('A.D.O.C. path');
    expect(source).not.toMatch(/A\.D\.O\.C\. \(/);
  });

  const PERSONAS = ['club-sportif', 'association-sociale', 'federation-regionale'];
  it.each(PERSONAS.filter((persona) => existsSync(path.join(REPO_ROOT, `tests/fixtures/personas/${persona}-express.json`))))(
    'scores persona %s exactly as in French, from the same answers file',
    (persona) => {
      const file: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, `tests/fixtures/personas/${persona}-express.json`), 'utf8'));
      const run = (questionnaire: Questionnaire, catalogue: Toolkit) => {
        const parsed = parseAnswersFile(file, questionnaire);
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        const diagnosis = diagnose(questionnaire, catalogue, parsed.file.answers);
        return {
          areas: diagnosis.scores.areas.map((area) => [area.id, area.score, area.level?.id]),
          dimensions: diagnosis.scores.dimensions.map((dimension) => [dimension.id, dimension.score, dimension.level?.id]),
          flags: diagnosis.flags.map((flag) => flag.checkId),
          path: diagnosis.path.map((step) => step.tool.id),
        };
      };
      const inFrench = run(french, frenchToolkit);

      expect(run(englishFile!.questionnaire, englishToolkit)).toEqual(inFrench);
      expect(inFrench.areas.some(([, score]) => typeof score === 'number')).toBe(true);
    },
  );
});
