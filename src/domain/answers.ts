import { z } from 'zod';
import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from './answer-messages';
import {
  DONT_KNOW,
  NOT_APPLICABLE,
  type Condition,
  type Question,
  type Questionnaire,
  type QuestionStepId,
  listQuestions,
} from './questionnaire-schema';

/** An answer: option id, option ids, number, shares in percent, text, or a reserved answer. */
export type AnswerValue = string | string[] | number | Record<string, number>;
export type Answers = Record<string, AnswerValue>;

export const ANSWERS_FILE_FORMAT = 'trajectoires.diagnostic';
export const ANSWERS_FILE_FORMAT_VERSION = 1;

export const RESPONDENT_ROLES = ['administrateur', 'dirigeant-salarie', 'salarie', 'benevole', 'partenaire', 'autre'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

const AnswerValueSchema = z.union([
  z.string(),
  z.array(z.string()),
  z.number().finite(),
  z.record(z.string(), z.number().finite()),
]);

export const PATH_STEP_STATUSES = ['todo', 'done', 'not-relevant'] as const;
export const PathStepProgressSchema = z.strictObject({
  status: z.enum(PATH_STEP_STATUSES),
  note: z.string().max(2000).optional(),
});
export type PathStepProgress = z.infer<typeof PathStepProgressSchema>;
export type PathProgress = Record<string, PathStepProgress>;

/** The interchange format of one diagnosis (export, import, command line, tests). */
export const AnswersFileSchema = z.strictObject({
  format: z.literal(ANSWERS_FILE_FORMAT, { error: `expected "format": "${ANSWERS_FILE_FORMAT}"` }),
  formatVersion: z
    .number()
    .int()
    .min(1)
    .refine((version) => version <= ANSWERS_FILE_FORMAT_VERSION, {
      error: `this file comes from a newer version of the tool (format version above ${ANSWERS_FILE_FORMAT_VERSION})`,
    }),
  questionnaire: z.strictObject({ id: z.string().min(1), version: z.string().min(1) }),
  respondent: z
    .strictObject({ name: z.string().max(200).optional(), role: z.enum(RESPONDENT_ROLES).optional() })
    .default({}),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  answers: z.record(z.string(), AnswerValueSchema),
  /** What the organisation did with each step of its path, by tool id (optional: older files have none). */
  pathProgress: z.record(z.string(), PathStepProgressSchema).optional(),
});
export type AnswersFile = z.infer<typeof AnswersFileSchema>;

export function isReservedAnswer(value: AnswerValue | undefined): value is typeof NOT_APPLICABLE | typeof DONT_KNOW {
  return value === NOT_APPLICABLE || value === DONT_KNOW;
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return Object.keys(value).length > 0;
}

export function doesConditionHold(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.question];
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.anyOf !== undefined) return typeof value === 'string' && condition.anyOf.includes(value);
  if (condition.includes !== undefined) return Array.isArray(value) && value.includes(condition.includes);
  if (condition.atLeast !== undefined) return typeof value === 'number' && value >= condition.atLeast;
  if (condition.atMost !== undefined) return typeof value === 'number' && value <= condition.atMost;
  return false;
}

export function isQuestionVisible(question: Pick<Question, 'showIf'>, answers: Answers): boolean {
  return (question.showIf ?? []).every((condition) => doesConditionHold(condition, answers));
}

/**
 * The questions a person sees. Conditions only name earlier questions, so one pass in order is
 * enough; an answer left on a hidden question never makes a later question visible.
 */
export function listVisibleQuestionIds(questionnaire: Pick<Questionnaire, 'steps'>, answers: Answers): Set<string> {
  const visibleAnswers: Answers = {};
  const visibleIds = new Set<string>();
  for (const question of listQuestions(questionnaire)) {
    if (!isQuestionVisible(question, visibleAnswers)) continue;
    visibleIds.add(question.id);
    const value = answers[question.id];
    if (value !== undefined) visibleAnswers[question.id] = value;
  }
  return visibleIds;
}

/** The answers that count: those of visible questions only (a hidden question's old answer is ignored). */
export function selectVisibleAnswers(questionnaire: Pick<Questionnaire, 'steps'>, answers: Answers): Answers {
  const visibleIds = listVisibleQuestionIds(questionnaire, answers);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visibleIds.has(id)));
}

const SHARES_TOTAL = 100;
const SHARES_TOLERANCE = 0.5;

// Building a zod schema costs far more than using it; importing 1,000 files checks each question 1,000 times.
// One cache per wording, as the messages are part of the schema.
const answerSchemaCache = new WeakMap<AnswerMessages, WeakMap<Question, z.ZodType<AnswerValue>>>();

/**
 * The zod schema of one answer, with messages in the person's language (French by default) because
 * they reach the person filling the form. Reserved answers are accepted only where the question allows them.
 */
export function buildAnswerSchema(question: Question, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): z.ZodType<AnswerValue> {
  let schemas = answerSchemaCache.get(messages);
  if (!schemas) {
    schemas = new WeakMap();
    answerSchemaCache.set(messages, schemas);
  }
  let schema = schemas.get(question);
  if (!schema) {
    schema = createAnswerSchema(question, messages);
    schemas.set(question, schema);
  }
  return schema;
}

function createAnswerSchema(question: Question, say: AnswerMessages): z.ZodType<AnswerValue> {
  switch (question.type) {
    case 'single': {
      const allowed = [
        ...question.options.map((option) => option.id),
        ...(question.allowNotApplicable ? [NOT_APPLICABLE] : []),
        ...(question.allowDontKnow ? [DONT_KNOW] : []),
      ];
      return z.string().refine((value) => allowed.includes(value), { error: say('validation.chooseOffered') });
    }
    case 'multiple': {
      const ids = question.options.map((option) => option.id);
      let schema = z
        .array(z.string())
        .refine((values) => values.every((value) => ids.includes(value)), { error: say('validation.chooseAmongOffered') })
        .refine((values) => new Set(values).size === values.length, { error: say('validation.tickedTwice') });
      if (question.minSelected !== undefined) {
        const min = question.minSelected;
        schema = schema.refine((values) => values.length >= min, { error: say('validation.atLeast', { count: min }) });
      }
      if (question.maxSelected !== undefined) {
        const max = question.maxSelected;
        schema = schema.refine((values) => values.length <= max, { error: say('validation.atMost', { count: max }) });
      }
      return schema;
    }
    case 'number': {
      const { min, max, unit } = question;
      const outOfRange = unit ? say('validation.numberBetweenWithUnit', { min, max, unit }) : say('validation.numberBetween', { min, max });
      let schema = z
        .number({ error: say('validation.enterNumber') })
        .min(min, { error: outOfRange })
        .max(max, { error: outOfRange });
      if (question.integer) schema = schema.int({ error: say('validation.enterWholeNumber') });
      return schema;
    }
    case 'shares': {
      const partIds = question.parts.map((part) => part.id);
      return z
        .record(
          z.string(),
          z
            .number({ error: say('validation.enterPercentage') })
            .min(0, { error: say('validation.negativePercentage') })
            .max(100, { error: say('validation.percentageAbove100') }),
        )
        .refine((shares) => Object.keys(shares).every((key) => partIds.includes(key)), { error: say('validation.unknownPart') })
        .refine((shares) => Math.abs(sumShares(shares) - SHARES_TOTAL) <= SHARES_TOLERANCE, { error: say('validation.sharesTotal') });
    }
    case 'text':
      return z.string().max(question.maxLength, { error: say('validation.maxLength', { max: question.maxLength }) });
  }
}

export function sumShares(shares: Record<string, number>): number {
  return Object.values(shares).reduce((total, share) => total + share, 0);
}

export interface AnswerIssue {
  questionId: string;
  message: string;
}

/** Every problem in a set of answers for the questions of the given steps (all steps by default), in the wording's language. */
export function validateAnswers(
  questionnaire: Pick<Questionnaire, 'steps'>,
  answers: Answers,
  stepIds?: readonly QuestionStepId[],
  messages: AnswerMessages = FRENCH_ANSWER_MESSAGES,
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const visibleIds = listVisibleQuestionIds(questionnaire, answers);
  for (const step of questionnaire.steps) {
    if (stepIds && !stepIds.includes(step.id)) continue;
    for (const question of step.questions) {
      if (!visibleIds.has(question.id)) continue;
      const value = answers[question.id];
      if (!isAnswered(value)) {
        if (question.required) issues.push({ questionId: question.id, message: messages('validation.required') });
        continue;
      }
      const result = buildAnswerSchema(question, messages).safeParse(value);
      if (!result.success) issues.push({ questionId: question.id, message: result.error.issues[0]?.message ?? messages('validation.invalid') });
    }
  }
  return issues;
}

export function isStepComplete(questionnaire: Pick<Questionnaire, 'steps'>, answers: Answers, stepId: QuestionStepId): boolean {
  return validateAnswers(questionnaire, answers, [stepId]).length === 0;
}

/** Answers to ids that the questionnaire does not know (kept in files, never scored). */
export function listUnknownAnswerIds(questionnaire: Pick<Questionnaire, 'steps'>, answers: Answers): string[] {
  const known = new Set(listQuestions(questionnaire).map((question) => question.id));
  return Object.keys(answers).filter((id) => !known.has(id));
}

export interface AnswersFileExtras {
  respondent?: AnswersFile['respondent'];
  /** When the diagnosis was started; `now` for a new one. */
  createdAt?: Date;
  pathProgress?: PathProgress;
}

export function createAnswersFile(
  questionnaire: Pick<Questionnaire, 'id' | 'version'>,
  answers: Answers,
  now: Date,
  { respondent = {}, createdAt = now, pathProgress }: AnswersFileExtras = {},
): AnswersFile {
  return {
    format: ANSWERS_FILE_FORMAT,
    formatVersion: ANSWERS_FILE_FORMAT_VERSION,
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    respondent,
    createdAt: createdAt.toISOString(),
    updatedAt: now.toISOString(),
    answers,
    // Left out when empty, so files without a path stay as they were.
    ...(pathProgress && Object.keys(pathProgress).length > 0 ? { pathProgress } : {}),
  };
}

/** The first step with a missing or invalid answer, or null when the whole questionnaire is complete. */
export function findFirstIncompleteStep(questionnaire: Pick<Questionnaire, 'steps'>, answers: Answers): QuestionStepId | null {
  return questionnaire.steps.find((step) => !isStepComplete(questionnaire, answers, step.id))?.id ?? null;
}

/** Replaces every answer of one step (a cleared field removes its answer) and keeps the others. */
export function replaceStepAnswers(
  questionnaire: Pick<Questionnaire, 'steps'>,
  answers: Answers,
  stepId: QuestionStepId,
  stepAnswers: Answers,
): Answers {
  const step = questionnaire.steps.find((candidate) => candidate.id === stepId);
  const stepQuestionIds = new Set(step?.questions.map((question) => question.id) ?? []);
  const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => !stepQuestionIds.has(id)));
  const replaced = Object.fromEntries(Object.entries(stepAnswers).filter(([id]) => stepQuestionIds.has(id)));
  return { ...kept, ...replaced };
}
