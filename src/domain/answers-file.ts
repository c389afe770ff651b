import type { z } from 'zod';
import { listQuestions, type Question, type Questionnaire, type Toolkit } from './questionnaire-schema';
import { AnswersFileSchema, buildAnswerSchema, type AnswersFile } from './answers';
import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from './answer-messages';
import { describeMigrationReport, migrateAnswersFile, type MigrationReport } from './questionnaire-migrations';

/** `migration` says what became of a file from an older questionnaire version (null otherwise). */
export type ParseAnswersFileResult =
  | { ok: true; file: AnswersFile; warnings: string[]; migration: MigrationReport | null }
  | { ok: false; errors: string[] };

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

const EXPECTED_TYPES = ['object', 'record', 'string', 'number', 'int', 'array', 'boolean'] as const;

function isNamedType(expected: string): expected is (typeof EXPECTED_TYPES)[number] {
  return (EXPECTED_TYPES as readonly string[]).includes(expected);
}

function formatPath(path: readonly PathSegment[], say: AnswerMessages): string {
  if (path.length === 0) return say('answersFile.wholeFile');
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function readAtPath(input: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>(
    (value, segment) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined),
    input,
  );
}

function quoteList(values: readonly unknown[], say: AnswerMessages): string {
  const quoted = values.map((value) => say('answersFile.quoted', { value: String(value) }));
  return quoted.length <= 1 ? (quoted[0] ?? '') : say('answersFile.listOr', { items: quoted.slice(0, -1).join(', '), last: quoted.at(-1) ?? '' });
}

function describeBound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, say: AnswerMessages): string {
  const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const isMin = issue.code === 'too_small';
  if (issue.origin === 'string') {
    if (isMin && Number(bound) === 1) return say('answersFile.notEmpty');
    return say(isMin ? 'answersFile.atLeastCharacters' : 'answersFile.atMostCharacters', { bound });
  }
  if (issue.origin === 'array') return say(isMin ? 'answersFile.atLeastItems' : 'answersFile.atMostItems', { bound });
  return say(isMin ? 'answersFile.atLeast' : 'answersFile.atMost', { bound });
}

/** Zod's default messages are in English, and technical; people opening a file read their own language. */
function describeFileIssue(issue: Issue, input: unknown, say: AnswerMessages): string[] {
  const where = formatPath(issue.path, say);
  switch (issue.code) {
    case 'invalid_type':
      if (readAtPath(input, issue.path) === undefined) return [say('answersFile.missingField', { where })];
      return [say('answersFile.expectedValue', { where, expected: isNamedType(issue.expected) ? say(`answersFile.expected.${issue.expected}`) : issue.expected })];
    case 'invalid_value':
      if (issue.path.length === 1 && issue.path[0] === 'format') {
        return [say('answersFile.notTrajectoires', { where, expected: quoteList(issue.values, say) })];
      }
      return [say('answersFile.expectedOneOf', { where, expected: quoteList(issue.values, say) })];
    case 'invalid_format':
      return [say('answersFile.isoDate', { where })];
    case 'too_small':
    case 'too_big':
      return [say('answersFile.issue', { where, rule: describeBound(issue, say) })];
    case 'unrecognized_keys':
      return issue.keys.map((key) => say('answersFile.unknownField', { where: formatPath([...issue.path, key], say) }));
    case 'invalid_union':
      if (issue.path[0] === 'answers') return [say('answersFile.unreadableAnswer', { where })];
      return [say('answersFile.unreadableValue', { where })];
    case 'custom':
      if (issue.path.length === 1 && issue.path[0] === 'formatVersion') return [say('answersFile.newerTool', { where })];
      return [say('answersFile.refusedValue', { where })];
    default:
      return [say('answersFile.invalidValue', { where })];
  }
}

function describeAnswerIssue(question: Question, issue: Issue, say: AnswerMessages): string {
  const where = formatPath(['answers', question.id], say);
  // The answer schemas carry messages in the wording's language, except zod's type errors.
  if (issue.code === 'invalid_type') return say('answersFile.answerExpectedIssue', { where, expected: say(`answersFile.answerExpected.${question.type}`) });
  return say('answersFile.issue', { where, rule: issue.message });
}

/**
 * Reads an answers file (export, import, command line). With a questionnaire, also refuses a
 * file meant for another questionnaire or a newer version of it, migrates an older one, and
 * checks every answer. Reasons and warnings are in the wording's language (French by default).
 */
export function parseAnswersFile(input: unknown, questionnaire?: Questionnaire, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): ParseAnswersFileResult {
  const parsed = AnswersFileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap((issue) => describeFileIssue(issue, input, messages)) };
  return questionnaire ? checkAnswersFile(parsed.data, questionnaire, messages) : { ok: true, file: parsed.data, warnings: [], migration: null };
}

/**
 * Checks a file already read by AnswersFileSchema against its questionnaire (an import reads the
 * file first to learn which questionnaire to load, and should not read it twice).
 */
export function checkAnswersFile(input: AnswersFile, questionnaire: Questionnaire, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): ParseAnswersFileResult {
  const migrated = migrateAnswersFile(input, questionnaire, messages);
  if (!migrated.ok) return migrated;
  const { file, report: migration } = migrated;
  const warnings = migration ? describeMigrationReport(migration, messages) : [];
  // The migration's sentences already tell about these; one message per answer is enough.
  const dropped = new Set(migration?.dropped ?? []);

  const questionsById = new Map(listQuestions(questionnaire).map((question) => [question.id, question]));
  const errors: string[] = [];
  for (const [questionId, value] of Object.entries(file.answers)) {
    const question = questionsById.get(questionId);
    if (!question) {
      if (dropped.has(questionId)) continue;
      warnings.push(messages('answersFile.unknownQuestion', { where: formatPath(['answers', questionId], messages) }));
      continue;
    }
    const result = buildAnswerSchema(question, messages).safeParse(value);
    const [issue] = result.error?.issues ?? [];
    if (issue) errors.push(describeAnswerIssue(question, issue, messages));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file, warnings, migration };
}

/** Cross-file references a toolkit makes to a questionnaire (levels, checks, dimensions). */
export function checkToolkitAgainstQuestionnaires(toolkit: Toolkit, questionnaires: readonly Questionnaire[]): string[] {
  // One catalogue serves every questionnaire: a tool's levels must exist in each of them (the path
  // matches tools by level), while a trigger only needs one questionnaire that can raise it.
  const checkIds = new Set(questionnaires.flatMap((questionnaire) => questionnaire.checks.map((check) => check.id)));
  const dimensionIds = new Set(questionnaires.flatMap((questionnaire) => questionnaire.dimensions.map((dimension) => dimension.id)));
  return toolkit.tools.flatMap((tool, toolIndex) => [
    ...tool.levels.flatMap((levelId, levelIndex) =>
      questionnaires
        .filter((questionnaire) => !questionnaire.levels.some((level) => level.id === levelId))
        .map((questionnaire) => `tools[${toolIndex}].levels[${levelIndex}]: unknown level "${levelId}" in questionnaire "${questionnaire.id}"`),
    ),
    ...(tool.triggers ?? []).flatMap((trigger, triggerIndex) => {
      const at = `tools[${toolIndex}].triggers[${triggerIndex}]`;
      if (trigger.type === 'flag') return checkIds.has(trigger.check) ? [] : [`${at}.check: unknown check "${trigger.check}" (no questionnaire declares it)`];
      return dimensionIds.has(trigger.dimension) ? [] : [`${at}.dimension: unknown dimension "${trigger.dimension}" (no questionnaire declares it)`];
    }),
  ]);
}
