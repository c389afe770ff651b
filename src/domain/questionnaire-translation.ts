import { z } from 'zod';
import {
  LocaleSchema,
  readOwn,
  SlugSchema,
  TextSchema,
  VersionSchema,
  type Option,
  type Question,
  type Questionnaire,
  type Toolkit,
} from './questionnaire-schema';

/**
 * A translation carries only the words of a questionnaire or of the toolkit, keyed by id. Ids,
 * scores, thresholds, conditions, triggers, links and publishers stay in the source file, so a
 * translation can never change what is scored or which tools the path picks.
 */

/** An option's label alone, or its label and description when the source option has one. */
const OptionTranslationSchema = z.union([TextSchema, z.strictObject({ label: TextSchema, description: TextSchema })]);
/** A part of a shares question: its label alone, or its label and help when the source part has one. */
const PartTranslationSchema = z.union([TextSchema, z.strictObject({ label: TextSchema, help: TextSchema })]);

export const QuestionTranslationSchema = z.strictObject({
  label: TextSchema,
  help: TextSchema,
  unit: TextSchema.optional(),
  options: z.record(SlugSchema, OptionTranslationSchema).optional(),
  parts: z.record(SlugSchema, PartTranslationSchema).optional(),
});
export type QuestionTranslation = z.infer<typeof QuestionTranslationSchema>;

export const TranslationSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The id of the translated questionnaire, or of the toolkit. */
  translationOf: SlugSchema,
  /** The source's version this translation follows: a new source version needs its translation revised. */
  sourceVersion: VersionSchema,
  locale: LocaleSchema,
  // A questionnaire's words.
  title: TextSchema.optional(),
  description: TextSchema.optional(),
  levels: z.record(SlugSchema, z.strictObject({ label: TextSchema, description: TextSchema })).optional(),
  dimensions: z.record(SlugSchema, TextSchema).optional(),
  /** Each check's message, with the same {placeholders} as the source's. */
  checks: z.record(SlugSchema, TextSchema).optional(),
  steps: z.record(SlugSchema, z.strictObject({ title: TextSchema, intro: TextSchema.optional() })).optional(),
  questions: z.record(SlugSchema, QuestionTranslationSchema).optional(),
  /** Each migration's note, keyed by the migration's `to` version. */
  migrations: z.record(VersionSchema, TextSchema).optional(),
  // The toolkit's words.
  tools: z.record(SlugSchema, z.strictObject({ title: TextSchema, description: TextSchema, duration: TextSchema.optional() })).optional(),
});
export type Translation = z.infer<typeof TranslationSchema>;

/** A problem in a translation file, `path` pointing inside that file (so that the loader can give its line). */
export interface TranslationIssue {
  path: (string | number)[];
  message: string;
}

type TranslationPath = TranslationIssue['path'];
type Report = (path: TranslationPath, message: string) => void;

/** The language part of a locale: `en` for `en-GB`. */
export function languageOfLocale(locale: string): string {
  return locale.split('-')[0]?.toLowerCase() ?? locale;
}

/** `{part}` and `{share}` of a check message, sorted and once each. */
export function listPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

const QUESTIONNAIRE_ONLY_KEYS = ['title', 'description', 'levels', 'dimensions', 'checks', 'steps', 'questions', 'migrations'] as const;

export function isToolkit(source: Questionnaire | Toolkit): source is Toolkit {
  return 'tools' in source;
}

/**
 * Every way a translation can disagree with its source: an id missing on either side (a question,
 * option, part, step, level, dimension, check, migration note or tool), a text the source has and
 * the translation lacks or the other way round (a description, an intro, a unit, a help), a check
 * message whose placeholders differ, another source id or version, the source's own language.
 * An empty list is what "both languages have the same questions" means.
 */
export function checkTranslation(source: Questionnaire | Toolkit, translation: Translation): TranslationIssue[] {
  const issues: TranslationIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });

  if (translation.translationOf !== source.id) {
    report(['translationOf'], `expected "${source.id}" (the id of the source file), got "${translation.translationOf}"`);
  }
  if (translation.sourceVersion !== source.version) {
    report(
      ['sourceVersion'],
      `translates version ${translation.sourceVersion} but "${source.id}" is at ${source.version}: bring the translation up to date, then set sourceVersion to ${source.version}`,
    );
  }
  if (languageOfLocale(translation.locale) === languageOfLocale(source.locale)) {
    report(['locale'], `"${translation.locale}" is the source's own language (${source.locale})`);
  }

  if (isToolkit(source)) {
    QUESTIONNAIRE_ONLY_KEYS.filter((key) => translation[key] !== undefined).forEach((key) =>
      report([key], `a toolkit translation has only "tools": "${key}" belongs to a questionnaire's`),
    );
    checkToolTranslations(source, translation, report);
    return issues;
  }

  if (translation.tools !== undefined) report(['tools'], 'a questionnaire translation has no "tools": they belong to the toolkit\'s');
  if (translation.title === undefined) report(['title'], 'missing the title');
  checkOptionalText(['description'], source.description, translation.description, 'description', report);
  checkKeys(['levels'], source.levels.map((level) => level.id), translation.levels, 'level', report);
  checkKeys(['dimensions'], source.dimensions.map((dimension) => dimension.id), translation.dimensions, 'dimension', report);
  checkKeys(['checks'], source.checks.map((check) => check.id), translation.checks, 'check', report);
  source.checks.forEach((check) => {
    const message = readOwn(translation.checks, check.id);
    if (message === undefined) return;
    const expected = listPlaceholders(check.message);
    const found = listPlaceholders(message);
    if (expected.join() !== found.join()) {
      report(['checks', check.id], `expected the placeholders ${formatPlaceholders(expected)} of the source message, got ${formatPlaceholders(found)}`);
    }
  });

  checkKeys(['steps'], source.steps.map((step) => step.id), translation.steps, 'step', report);
  source.steps.forEach((step) => {
    const translated = readOwn(translation.steps, step.id);
    if (translated) checkOptionalText(['steps', step.id, 'intro'], step.intro, translated.intro, 'intro', report);
  });

  const questions = source.steps.flatMap((step) => step.questions);
  checkKeys(['questions'], questions.map((question) => question.id), translation.questions, 'question', report);
  questions.forEach((question) => {
    const translated = readOwn(translation.questions, question.id);
    if (translated) checkQuestionTranslation(question, translated, ['questions', question.id], report);
  });

  const notedMigrations = source.migrations.filter((migration) => migration.note !== undefined).map((migration) => migration.to);
  checkKeys(['migrations'], notedMigrations, translation.migrations, 'migration note', report);
  return issues;
}

function checkToolTranslations(toolkit: Toolkit, translation: Translation, report: Report): void {
  checkKeys(['tools'], toolkit.tools.map((tool) => tool.id), translation.tools, 'tool', report);
}

function checkQuestionTranslation(question: Question, translated: QuestionTranslation, at: TranslationPath, report: Report): void {
  checkOptionalText([...at, 'unit'], question.type === 'number' ? question.unit : undefined, translated.unit, 'unit', report);

  if (question.type === 'single' || question.type === 'multiple') {
    checkKeys([...at, 'options'], question.options.map((option) => option.id), translated.options, 'option', report);
    question.options.forEach((option) => {
      const text = readOwn(translated.options, option.id);
      if (text !== undefined) checkPairedText([...at, 'options', option.id], option.description, text, 'description', report);
    });
  } else if (translated.options !== undefined) {
    report([...at, 'options'], `a ${question.type} question has no options`);
  }

  if (question.type === 'shares') {
    checkKeys([...at, 'parts'], question.parts.map((part) => part.id), translated.parts, 'part', report);
    question.parts.forEach((part) => {
      const text = readOwn(translated.parts, part.id);
      if (text !== undefined) checkPairedText([...at, 'parts', part.id], part.help, text, 'help', report);
    });
  } else if (translated.parts !== undefined) {
    report([...at, 'parts'], `a ${question.type} question has no parts`);
  }
}

/** Every id of the source has an entry in the translation, and the translation names no other. */
function checkKeys(at: TranslationPath, sourceIds: readonly string[], translated: Readonly<Record<string, unknown>> | undefined, what: string, report: Report): void {
  const known = new Set(sourceIds);
  sourceIds.filter((id) => readOwn(translated, id) === undefined).forEach((id) => report(at, `missing the ${what} "${id}"`));
  Object.keys(translated ?? {})
    .filter((id) => !known.has(id))
    .forEach((id) => report([...at, id], `unknown ${what} "${id}" (the source has none with this id)`));
}

/** A text the source has must be translated; a text the source lacks must not appear (it would be shown to one language only). */
function checkOptionalText(at: TranslationPath, sourceText: string | undefined, translated: string | undefined, what: string, report: Report): void {
  if (sourceText !== undefined && translated === undefined) report(at, `missing the ${what} (the source has one)`);
  if (sourceText === undefined && translated !== undefined) report(at, `unexpected ${what}: the source has none`);
}

/** An option (or part) is a plain label when the source has no second text, `{ label, <second> }` when it has one. */
function checkPairedText(
  at: TranslationPath,
  sourceSecond: string | undefined,
  translated: string | Record<string, string>,
  second: 'description' | 'help',
  report: Report,
): void {
  const hasSecond = typeof translated !== 'string' && translated[second] !== undefined;
  if (sourceSecond !== undefined && !hasSecond) report(at, `expected { label, ${second} }: the source has a ${second}`);
  if (sourceSecond === undefined && hasSecond) report([...at, second], `unexpected ${second}: the source has none (write the label alone)`);
}

function formatPlaceholders(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((name) => `{${name}}`).join(', ');
}

function translateOption(option: Option, translated: string | { label: string; description: string } | undefined): Option {
  if (translated === undefined) return option;
  if (typeof translated === 'string') return { ...option, label: translated };
  return { ...option, label: translated.label, ...(option.description === undefined ? {} : { description: translated.description }) };
}

function translateQuestion(question: Question, translated: QuestionTranslation | undefined): Question {
  if (!translated) return question;
  const texts = { label: translated.label, help: translated.help };
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...question, ...texts, options: question.options.map((option) => translateOption(option, readOwn(translated.options, option.id))) };
    case 'number':
      return { ...question, ...texts, ...(question.unit === undefined ? {} : { unit: translated.unit ?? question.unit }) };
    case 'shares':
      return {
        ...question,
        ...texts,
        parts: question.parts.map((part) => {
          const text = readOwn(translated.parts, part.id);
          if (text === undefined) return part;
          if (typeof text === 'string') return { ...part, label: text };
          return { ...part, label: text.label, ...(part.help === undefined ? {} : { help: text.help }) };
        }),
      };
    case 'text':
      return { ...question, ...texts };
  }
}

/**
 * The questionnaire with the translation's words and locale; everything else is the source's.
 * A text the translation lacks keeps the source's words (checkTranslation reports it first).
 */
export function applyQuestionnaireTranslation(questionnaire: Questionnaire, translation: Translation): Questionnaire {
  return {
    ...questionnaire,
    locale: translation.locale,
    title: translation.title ?? questionnaire.title,
    ...(questionnaire.description === undefined ? {} : { description: translation.description ?? questionnaire.description }),
    levels: questionnaire.levels.map((level) => ({ ...level, ...readOwn(translation.levels, level.id) })),
    dimensions: questionnaire.dimensions.map((dimension) => ({ ...dimension, label: readOwn(translation.dimensions, dimension.id) ?? dimension.label })),
    checks: questionnaire.checks.map((check) => ({ ...check, message: readOwn(translation.checks, check.id) ?? check.message })),
    steps: questionnaire.steps.map((step) => {
      const translated = readOwn(translation.steps, step.id);
      return {
        ...step,
        title: translated?.title ?? step.title,
        ...(step.intro === undefined ? {} : { intro: translated?.intro ?? step.intro }),
        questions: step.questions.map((question) => translateQuestion(question, readOwn(translation.questions, question.id))),
      };
    }),
    migrations: questionnaire.migrations.map((migration) =>
      migration.note === undefined ? migration : { ...migration, note: readOwn(translation.migrations, migration.to) ?? migration.note },
    ),
  };
}

/** The toolkit with the translation's titles, descriptions and durations; ids, kinds, levels, links and publishers stay the source's. */
export function applyToolkitTranslation(toolkit: Toolkit, translation: Translation): Toolkit {
  return {
    ...toolkit,
    locale: translation.locale,
    tools: toolkit.tools.map((tool) => {
      const translated = readOwn(translation.tools, tool.id);
      if (!translated) return tool;
      return { ...tool, title: translated.title, description: translated.description, duration: translated.duration ?? tool.duration };
    }),
  };
}

/**
 * Where a path inside the translated questionnaire or toolkit (an issue of the schema's own rules,
 * e.g. two rubric options given the same label) sits in the translation file.
 */
export function findTranslationPath(source: Questionnaire | Toolkit, issuePath: readonly PropertyKey[]): TranslationPath {
  const [head, index, ...rest] = issuePath;
  const text = (key: PropertyKey | undefined) => (key === undefined ? [] : [String(key)]);
  if (isToolkit(source)) {
    const tool = head === 'tools' && typeof index === 'number' ? source.tools[index] : undefined;
    return tool ? ['tools', tool.id, ...text(rest[0])] : head === 'tools' ? ['tools'] : [];
  }
  if (typeof index !== 'number') return head === 'title' || head === 'description' ? [head] : [];
  switch (head) {
    case 'levels': {
      const level = source.levels[index];
      return level ? ['levels', level.id, ...text(rest[0])] : ['levels'];
    }
    case 'dimensions':
    case 'checks': {
      const item = source[head][index];
      return item ? [head, item.id] : [head];
    }
    case 'migrations': {
      const migration = source.migrations[index];
      return migration ? ['migrations', migration.to] : ['migrations'];
    }
    case 'steps': {
      const step = source.steps[index];
      if (!step) return ['steps'];
      if (rest[0] !== 'questions') return ['steps', step.id, ...text(rest[0])];
      const question = typeof rest[1] === 'number' ? step.questions[rest[1]] : undefined;
      if (!question) return ['questions'];
      const [, , listKey, itemIndex, field] = rest;
      if ((listKey === 'options' || listKey === 'parts') && typeof itemIndex === 'number') {
        const items: readonly { id: string }[] = listKey === 'options' && 'options' in question ? question.options : listKey === 'parts' && 'parts' in question ? question.parts : [];
        const item = items[itemIndex];
        return item ? ['questions', question.id, listKey, item.id, ...text(field)] : ['questions', question.id, listKey];
      }
      return ['questions', question.id, ...text(listKey)];
    }
    default:
      return [];
  }
}
