import type { z } from 'zod';
import { listQuestions, type Question, type Questionnaire, type Toolkit } from './questionnaire-schema';
import { AnswersFileSchema, buildAnswerSchema, type AnswersFile } from './answers';
import { describeMigrationReport, migrateAnswersFile, type MigrationReport } from './questionnaire-migrations';

/** `migration` says what became of a file from an older questionnaire version (null otherwise). */
export type ParseAnswersFileResult =
  | { ok: true; file: AnswersFile; warnings: string[]; migration: MigrationReport | null }
  | { ok: false; errors: string[] };

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

const EXPECTED_NOUNS: Record<string, string> = {
  object: 'un objet',
  record: 'un objet',
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  array: 'une liste',
  boolean: 'vrai ou faux',
};

const ANSWER_NOUNS: Record<Question['type'], string> = {
  single: "l’identifiant d’une des réponses proposées",
  multiple: "une liste d’identifiants de réponses",
  number: 'un nombre',
  shares: 'des parts en pourcentage',
  text: 'un texte',
};

function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'fichier';
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

function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((value) => `« ${String(value)} »`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ou ${quoted.at(-1)}`;
}

function describeBound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const isMin = issue.code === 'too_small';
  if (issue.origin === 'string') {
    if (isMin && Number(bound) === 1) return 'ne doit pas être vide';
    return `${isMin ? 'au moins' : 'au plus'} ${String(bound)} caractères`;
  }
  if (issue.origin === 'array') return `${isMin ? 'au moins' : 'au plus'} ${String(bound)} éléments`;
  return `${isMin ? 'au moins' : 'au plus'} ${String(bound)}`;
}

/** Zod's default messages are in English; people opening a file read French. */
function describeFileIssue(issue: Issue, input: unknown): string[] {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (readAtPath(input, issue.path) === undefined) return [`${where} : champ manquant`];
      return [`${where} : valeur attendue : ${EXPECTED_NOUNS[issue.expected] ?? issue.expected}`];
    case 'invalid_value':
      if (issue.path.length === 1 && issue.path[0] === 'format') {
        return [`${where} : ce fichier n’est pas un diagnostic Trajectoires (attendu : ${quoteList(issue.values)})`];
      }
      return [`${where} : valeur attendue ${quoteList(issue.values)}`];
    case 'invalid_format':
      return [`${where} : date attendue au format ISO 8601, par exemple 2024-05-01T10:00:00Z`];
    case 'too_small':
    case 'too_big':
      return [`${where} : ${describeBound(issue)}`];
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${formatPath([...issue.path, key])} : champ inconnu`);
    case 'invalid_union':
      if (issue.path[0] === 'answers') {
        return [`${where} : réponse illisible (attendu : un identifiant, une liste d’identifiants, un nombre ou des parts en pourcentage)`];
      }
      return [`${where} : valeur illisible`];
    case 'custom':
      if (issue.path.length === 1 && issue.path[0] === 'formatVersion') {
        return [`${where} : ce fichier vient d’une version plus récente de l’outil ; mettez l’outil à jour pour l’ouvrir`];
      }
      return [`${where} : valeur refusée`];
    default:
      return [`${where} : valeur invalide`];
  }
}

function describeAnswerIssue(question: Question, issue: Issue): string {
  const where = formatPath(['answers', question.id]);
  // The answer schemas carry French messages, except zod's type errors.
  if (issue.code === 'invalid_type') return `${where} : réponse attendue : ${ANSWER_NOUNS[question.type]}`;
  return `${where} : ${issue.message}`;
}

/**
 * Reads an answers file (export, import, command line). With a questionnaire, also refuses a
 * file meant for another questionnaire or a newer version of it, migrates an older one, and
 * checks every answer.
 */
export function parseAnswersFile(input: unknown, questionnaire?: Questionnaire): ParseAnswersFileResult {
  const parsed = AnswersFileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap((issue) => describeFileIssue(issue, input)) };
  return questionnaire ? checkAnswersFile(parsed.data, questionnaire) : { ok: true, file: parsed.data, warnings: [], migration: null };
}

/**
 * Checks a file already read by AnswersFileSchema against its questionnaire (an import reads the
 * file first to learn which questionnaire to load, and should not read it twice).
 */
export function checkAnswersFile(input: AnswersFile, questionnaire: Questionnaire): ParseAnswersFileResult {
  const migrated = migrateAnswersFile(input, questionnaire);
  if (!migrated.ok) return migrated;
  const { file, report: migration } = migrated;
  const warnings = migration ? describeMigrationReport(migration) : [];
  // The migration's sentences already tell about these; one message per answer is enough.
  const dropped = new Set(migration?.dropped ?? []);

  const questionsById = new Map(listQuestions(questionnaire).map((question) => [question.id, question]));
  const errors: string[] = [];
  for (const [questionId, value] of Object.entries(file.answers)) {
    const question = questionsById.get(questionId);
    if (!question) {
      if (dropped.has(questionId)) continue;
      warnings.push(`${formatPath(['answers', questionId])} : question inconnue de ce questionnaire ; la réponse est conservée mais n’est pas comptée`);
      continue;
    }
    const result = buildAnswerSchema(question).safeParse(value);
    const [issue] = result.error?.issues ?? [];
    if (issue) errors.push(describeAnswerIssue(question, issue));
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
