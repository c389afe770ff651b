import { z } from 'zod';

/** The three pillars of the socio-economic model; ids are fixed across every questionnaire. */
export const PILLAR_IDS = ['human-resources', 'financial-resources', 'strategic-alliances'] as const;
export const PillarIdSchema = z.enum(PILLAR_IDS);
export type PillarId = z.infer<typeof PillarIdSchema>;

/** What a scored question can count towards: a pillar, or the project (step 2). */
export const SCORED_AREA_IDS = ['project', ...PILLAR_IDS] as const;
export const ScoredAreaIdSchema = z.enum(SCORED_AREA_IDS);
export type ScoredAreaId = z.infer<typeof ScoredAreaIdSchema>;

/** The questionnaire's steps are the wizard's steps 1–6, in this order (step 7 is the synthesis). */
export const QUESTION_STEP_IDS = [
  'profile',
  'project',
  'human-resources',
  'financial-resources',
  'strategic-alliances',
  'priorities',
] as const;
export const QuestionStepIdSchema = z.enum(QUESTION_STEP_IDS);
export type QuestionStepId = z.infer<typeof QuestionStepIdSchema>;

export const TOOL_KINDS = ['comprendre', 's-informer', 'se-former', 'agir', 'accompagner'] as const;
export const ToolKindSchema = z.enum(TOOL_KINDS);
export type ToolKind = z.infer<typeof ToolKindSchema>;

/** The three horizons of the source (tactique 18 mois, stratégique 2030, prospective 2050). */
export const HORIZONS = ['18-mois', '2030', '2050'] as const;
export const HorizonSchema = z.enum(HORIZONS);
export type Horizon = z.infer<typeof HorizonSchema>;

/** Reserved rubric answers that are recorded but never scored. */
export const NOT_APPLICABLE = 'not-applicable';
export const DONT_KNOW = 'dont-know';
export const RESERVED_ANSWERS = [NOT_APPLICABLE, DONT_KNOW] as const;
export type ReservedAnswer = (typeof RESERVED_ANSWERS)[number];

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected an id in kebab-case (a-z, 0-9, -)' });
export const TextSchema = z.string().trim().min(1, { error: 'expected a non-empty text' });

export const LevelSchema = z.strictObject({
  id: SlugSchema,
  label: TextSchema,
  description: TextSchema,
  /** The level applies from this score (0–100) up to the next level's minScore. */
  minScore: z.number({ error: 'expected a number from 0 to 100' }).min(0).max(100),
});
export type Level = z.infer<typeof LevelSchema>;

export const DimensionSchema = z.strictObject({
  id: SlugSchema,
  area: ScoredAreaIdSchema,
  label: TextSchema,
});
export type Dimension = z.infer<typeof DimensionSchema>;

/**
 * A declared display condition: the question shows only when every listed test holds on the
 * answer to `question` (an earlier question). Exactly one operator per condition.
 */
export const ConditionSchema = z
  .strictObject({
    question: SlugSchema,
    equals: z.string().optional(),
    anyOf: z.array(z.string()).min(1).optional(),
    includes: z.string().optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
  })
  .superRefine((condition, ctx) => {
    const operators = ['equals', 'anyOf', 'includes', 'atLeast', 'atMost'] as const;
    const used = operators.filter((operator) => condition[operator] !== undefined);
    if (used.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `expected exactly one of ${operators.join(', ')} (found ${used.length})`,
      });
    }
  });
export type Condition = z.infer<typeof ConditionSchema>;

export const OptionSchema = z.strictObject({
  id: SlugSchema,
  label: TextSchema,
  description: TextSchema.optional(),
  /** Maturity score of a rubric option, 1 (lowest) to 4 (highest). */
  score: z.int({ error: 'expected a number from 1 to 4' }).min(1, { error: 'expected a number from 1 to 4' }).max(4, { error: 'expected a number from 1 to 4' }).optional(),
});
export type Option = z.infer<typeof OptionSchema>;

const HELP_MESSAGE = 'expected a help text saying why this question matters';

const QuestionBaseSchema = z.strictObject({
  id: SlugSchema,
  label: TextSchema,
  /** Why the question matters, in plain words: people who are not economists answer better when they know. */
  help: z.string({ error: HELP_MESSAGE }).trim().min(1, { error: HELP_MESSAGE }),
  required: z.boolean().default(true),
  showIf: z.array(ConditionSchema).min(1).optional(),
  /** Where the concept comes from: a seed file name, a public source, or "ours". */
  source: TextSchema.optional(),
});

const SingleQuestionShapeSchema = QuestionBaseSchema.extend({
  type: z.literal('single'),
  options: z.array(OptionSchema).min(2, { error: 'expected at least 2 options' }),
  /** A question with a pillar (or `project`) is a scored rubric question. */
  pillar: ScoredAreaIdSchema.optional(),
  dimension: SlugSchema.optional(),
  weight: z.number().positive({ error: 'expected a positive weight' }).default(1),
  allowNotApplicable: z.boolean().default(false),
  allowDontKnow: z.boolean().default(false),
});
export const SingleQuestionSchema = SingleQuestionShapeSchema.superRefine((question, ctx) => checkSingleQuestionOptions(question, ctx));

export const MultipleQuestionSchema = QuestionBaseSchema.extend({
  type: z.literal('multiple'),
  options: z.array(OptionSchema).min(2, { error: 'expected at least 2 options' }),
  minSelected: z.int().min(0).optional(),
  maxSelected: z.int().min(1).optional(),
});

export const NumberQuestionSchema = QuestionBaseSchema.extend({
  type: z.literal('number'),
  min: z.number(),
  max: z.number(),
  unit: TextSchema.optional(),
  integer: z.boolean().default(true),
});

export const SharesQuestionSchema = QuestionBaseSchema.extend({
  type: z.literal('shares'),
  /** Parts of a whole, answered in percent, that must add up to 100. */
  parts: z.array(z.strictObject({ id: SlugSchema, label: TextSchema, help: TextSchema.optional() })).min(2),
});

export const TextQuestionSchema = QuestionBaseSchema.extend({
  type: z.literal('text'),
  maxLength: z.int().min(1).max(10_000).default(500),
  multiline: z.boolean().default(false),
});

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  NumberQuestionSchema,
  SharesQuestionSchema,
  TextQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type SingleQuestion = z.infer<typeof SingleQuestionSchema>;
export type MultipleQuestion = z.infer<typeof MultipleQuestionSchema>;
export type NumberQuestion = z.infer<typeof NumberQuestionSchema>;
export type SharesQuestion = z.infer<typeof SharesQuestionSchema>;
export type TextQuestion = z.infer<typeof TextQuestionSchema>;
export type RubricQuestion = SingleQuestion & { pillar: ScoredAreaId; dimension: string };

export const StepSchema = z.strictObject({
  id: QuestionStepIdSchema,
  title: TextSchema,
  intro: TextSchema.optional(),
  questions: z.array(QuestionSchema).min(1),
});
export type Step = z.infer<typeof StepSchema>;

/** Declared coherence checks; each raises a flag with a short message when it holds. */
export const CheckSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: SlugSchema,
    type: z.literal('largest-share-above'),
    question: SlugSchema,
    /** Percent; the flag is raised when the largest part is strictly above it. */
    threshold: z.number().min(0).max(100),
    /** `{part}` and `{share}` are replaced by the largest part's label and its percentage. */
    message: TextSchema,
  }),
  z.strictObject({
    id: SlugSchema,
    type: z.literal('pillar-gap-above'),
    /** Points; the flag is raised when strongest − weakest pillar score is strictly above it. */
    threshold: z.number().min(0).max(100),
    /** `{strongest}`, `{weakest}` and `{gap}` are replaced. */
    message: TextSchema,
  }),
  z.strictObject({
    id: SlugSchema,
    type: z.literal('answer-matches'),
    when: z.array(ConditionSchema).min(1),
    message: TextSchema,
  }),
]);
export type Check = z.infer<typeof CheckSchema>;

/**
 * Which questions carry the facts the path and the report need. Kept as data so that a
 * network can rename its questions without touching code.
 */
export const BindingsSchema = z.strictObject({
  /** A text question: the organisation's name (cover, file name). */
  organisationName: SlugSchema,
  /** A single question whose option ids are pillar ids. */
  priorityPillar: SlugSchema,
  /** A single question whose option ids are horizons. */
  priorityHorizon: SlugSchema.optional(),
  /** A multiple question whose option ids are tool kinds. */
  preferredKinds: SlugSchema.optional(),
});

export const LocaleSchema = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'expected a locale like fr-FR' });
export const VersionSchema = z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'expected a version like 1.0.0' });

/** [major, minor, patch], or null when the text is not a plain x.y.z version. */
export function parseVersion(version: string): [number, number, number] | null {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative, zero or positive, like a sort comparator. */
export function compareVersions(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * What changed between two versions of a questionnaire, so that answers saved with `from` can be
 * read with `to`. Question ids are never reused: an old id left in a file can then never pass
 * for the answer to another question.
 */
export const MigrationSchema = z.strictObject({
  from: VersionSchema,
  to: VersionSchema,
  /** Told as is to the person whose file is migrated (French, one or two sentences). */
  note: TextSchema.optional(),
  /** Old question id → its id in `to`; the answer moves with it. */
  renamedQuestions: z.record(SlugSchema, SlugSchema).optional(),
  /** Question id in `to` → { old option id → new option id }. */
  changedOptions: z.record(SlugSchema, z.record(SlugSchema, SlugSchema)).optional(),
  /** Ids `to` no longer asks: their answers stay in the file, never scored. */
  removedQuestions: z.array(SlugSchema).optional(),
});
export type Migration = z.infer<typeof MigrationSchema>;

export const QuestionnaireSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: SlugSchema,
    version: VersionSchema,
    locale: LocaleSchema,
    title: TextSchema,
    description: TextSchema.optional(),
    /** Shown on the welcome screen, in minutes. */
    durationMinutes: z.int().positive(),
    scoring: z.strictObject({
      /** Below this many answered (scored) rubric questions, a pillar shows "données insuffisantes". */
      minAnsweredPerPillar: z.int().min(1),
      minAnsweredPerDimension: z.int().min(1).default(1),
    }),
    levels: z.array(LevelSchema).min(2),
    dimensions: z.array(DimensionSchema).min(1),
    bindings: BindingsSchema,
    checks: z.array(CheckSchema).default([]),
    steps: z.array(StepSchema).length(QUESTION_STEP_IDS.length, {
      error: `expected the ${QUESTION_STEP_IDS.length} steps ${QUESTION_STEP_IDS.join(', ')}`,
    }),
    /** From the oldest to the newest; answers files of older versions are migrated on load. */
    migrations: z.array(MigrationSchema).default([]),
  })
  .superRefine((questionnaire, ctx) => checkQuestionnaireConsistency(questionnaire, ctx));
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

type RefinementContext = z.RefinementCtx;

function checkQuestionnaireConsistency(
  questionnaire: z.infer<typeof QuestionnaireSchema>,
  ctx: RefinementContext,
): void {
  const report = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  questionnaire.levels.forEach((level, index) => {
    if (index === 0 && level.minScore !== 0) report(['levels', 0, 'minScore'], 'expected the first level to start at 0');
    const previous = questionnaire.levels[index - 1];
    if (previous && level.minScore <= previous.minScore) {
      report(['levels', index, 'minScore'], `expected a minScore above the previous level's (${previous.minScore})`);
    }
  });
  reportDuplicates(questionnaire.levels.map((level) => level.id), (index, id) =>
    report(['levels', index, 'id'], `duplicate level id "${id}"`),
  );

  const dimensionsById = new Map(questionnaire.dimensions.map((dimension) => [dimension.id, dimension]));
  reportDuplicates(questionnaire.dimensions.map((dimension) => dimension.id), (index, id) =>
    report(['dimensions', index, 'id'], `duplicate dimension id "${id}"`),
  );

  const seenQuestions = new Map<string, Question>();
  questionnaire.steps.forEach((step, stepIndex) => {
    const expectedId = QUESTION_STEP_IDS[stepIndex];
    if (step.id !== expectedId) report(['steps', stepIndex, 'id'], `expected step "${expectedId}" here`);

    step.questions.forEach((question, questionIndex) => {
      const at = (...rest: (string | number)[]) => ['steps', stepIndex, 'questions', questionIndex, ...rest];
      if (seenQuestions.has(question.id)) report(at('id'), `duplicate question id "${question.id}"`);

      question.showIf?.forEach((condition, conditionIndex) => {
        const target = seenQuestions.get(condition.question);
        if (!target) {
          report(at('showIf', conditionIndex, 'question'), `expected the id of an earlier question, got "${condition.question}"`);
        } else {
          checkConditionFitsQuestion(condition, target, (message) => report(at('showIf', conditionIndex), message));
        }
      });

      if (question.type === 'single' || question.type === 'multiple') {
        reportDuplicates(question.options.map((option) => option.id), (index, id) =>
          report(at('options', index, 'id'), `duplicate option id "${id}"`),
        );
        question.options.forEach((option, optionIndex) => {
          if ((RESERVED_ANSWERS as readonly string[]).includes(option.id)) {
            report(at('options', optionIndex, 'id'), `"${option.id}" is reserved: use allowNotApplicable / allowDontKnow`);
          }
        });
      }

      if (question.type === 'single') {
        if (question.pillar !== undefined) {
          if (question.dimension === undefined) report(at('dimension'), 'expected a dimension for a scored question');
          const dimension = question.dimension ? dimensionsById.get(question.dimension) : undefined;
          if (question.dimension && !dimension) report(at('dimension'), `unknown dimension "${question.dimension}"`);
          if (dimension && dimension.area !== question.pillar) {
            report(at('dimension'), `dimension "${dimension.id}" belongs to "${dimension.area}", not "${question.pillar}"`);
          }
        }
      }

      if (question.type === 'multiple' && question.maxSelected !== undefined && question.maxSelected > question.options.length) {
        report(at('maxSelected'), `expected at most ${question.options.length} (the number of options)`);
      }
      if (question.type === 'number' && question.min >= question.max) report(at('max'), 'expected max above min');
      if (question.type === 'shares') {
        reportDuplicates(question.parts.map((part) => part.id), (index, id) => report(at('parts', index, 'id'), `duplicate part id "${id}"`));
      }
      seenQuestions.set(question.id, question);
    });
  });

  const { bindings } = questionnaire;
  const expectBinding = (key: keyof typeof bindings, type: Question['type'], allowedOptionIds?: readonly string[]) => {
    const questionId = bindings[key];
    if (questionId === undefined) return;
    const question = seenQuestions.get(questionId);
    if (!question) return report(['bindings', key], `unknown question "${questionId}"`);
    if (question.type !== type) return report(['bindings', key], `expected a ${type} question, "${questionId}" is ${question.type}`);
    if (allowedOptionIds && (question.type === 'single' || question.type === 'multiple')) {
      question.options.forEach((option) => {
        if (!allowedOptionIds.includes(option.id)) {
          report(['bindings', key], `option "${option.id}" of "${questionId}" must be one of ${allowedOptionIds.join(', ')}`);
        }
      });
    }
  };
  expectBinding('organisationName', 'text');
  expectBinding('priorityPillar', 'single', PILLAR_IDS);
  expectBinding('priorityHorizon', 'single', HORIZONS);
  expectBinding('preferredKinds', 'multiple', TOOL_KINDS);

  questionnaire.checks.forEach((check, checkIndex) => {
    if (check.type === 'largest-share-above') {
      const question = seenQuestions.get(check.question);
      if (question?.type !== 'shares') report(['checks', checkIndex, 'question'], `expected the id of a shares question, got "${check.question}"`);
    }
    if (check.type === 'answer-matches') {
      check.when.forEach((condition, conditionIndex) => {
        const target = seenQuestions.get(condition.question);
        if (!target) report(['checks', checkIndex, 'when', conditionIndex, 'question'], `unknown question "${condition.question}"`);
        else checkConditionFitsQuestion(condition, target, (message) => report(['checks', checkIndex, 'when', conditionIndex], message));
      });
    }
  });
  reportDuplicates(questionnaire.checks.map((check) => check.id), (index, id) => report(['checks', index, 'id'], `duplicate check id "${id}"`));
  checkMigrations(questionnaire, seenQuestions, report);
}

/**
 * A migration must lead somewhere real: every question or option it names as a result exists in
 * this version of the questionnaire, unless a later migration renames or removes it; and an id
 * that leaves (renamed away, removed) never comes back.
 */
function checkMigrations(
  questionnaire: z.infer<typeof QuestionnaireSchema>,
  questionsById: ReadonlyMap<string, Question>,
  report: (path: (string | number)[], message: string) => void,
): void {
  const { migrations } = questionnaire;
  const currentVersion = parseVersion(questionnaire.version);
  const retiredBefore = new Set<string>();
  const NEVER_REUSED = 'an id is never reused';

  migrations.forEach((migration, index) => {
    const at = (...rest: (string | number)[]) => ['migrations', index, ...rest];
    const from = parseVersion(migration.from);
    const to = parseVersion(migration.to);
    const previous = migrations[index - 1];
    const previousTo = previous ? parseVersion(previous.to) : null;
    if (from && to && compareVersions(from, to) >= 0) report(at('to'), `expected a version above "from" (${migration.from})`);
    if (to && currentVersion && compareVersions(to, currentVersion) > 0) {
      report(at('to'), `expected at most the questionnaire's version (${questionnaire.version})`);
    }
    if (from && previousTo && compareVersions(from, previousTo) < 0) {
      report(at('from'), `expected at least the previous migration's "to" (${previous?.to}): migrations go from the oldest to the newest`);
    }

    const renamed = Object.entries(migration.renamedQuestions ?? {});
    const removed = migration.removedQuestions ?? [];
    const leaving = new Set([...renamed.map(([oldId]) => oldId), ...removed]);
    const reportRetired = (path: (string | number)[], id: string) => {
      if (retiredBefore.has(id)) report(path, `"${id}" was already renamed or removed by an earlier migration: ${NEVER_REUSED}`);
    };
    const reportStillAsked = (path: (string | number)[], id: string) => {
      if (questionsById.has(id)) report(path, `"${id}" is still a question of this questionnaire: ${NEVER_REUSED}`);
    };

    renamed.forEach(([oldId, newId]) => {
      const path = at('renamedQuestions', oldId);
      reportRetired(path, oldId);
      reportRetired(path, newId);
      reportStillAsked(path, oldId);
      if (leaving.has(newId)) return report(path, `"${newId}" is renamed or removed by this same migration: ${NEVER_REUSED}`);
      const final = traceForward(migrations, index, newId);
      if (final !== null && !questionsById.has(final.questionId)) {
        report(path, `unknown question "${final.questionId}" (not in this questionnaire, and no later migration renames or removes it)`);
      }
    });
    removed.forEach((id, removedIndex) => {
      const path = at('removedQuestions', removedIndex);
      reportRetired(path, id);
      reportStillAsked(path, id);
      if (Object.hasOwn(migration.renamedQuestions ?? {}, id)) report(path, `"${id}" cannot be both renamed and removed`);
    });
    Object.entries(migration.changedOptions ?? {}).forEach(([questionId, optionMap]) => {
      const questionPath = at('changedOptions', questionId);
      reportRetired(questionPath, questionId);
      if (leaving.has(questionId)) return report(questionPath, `expected the id the question has in ${migration.to}, "${questionId}" is renamed or removed by this migration`);
      Object.entries(optionMap).forEach(([oldOptionId, newOptionId]) => {
        const optionPath = at('changedOptions', questionId, oldOptionId);
        [oldOptionId, newOptionId]
          .filter((id) => (RESERVED_ANSWERS as readonly string[]).includes(id))
          .forEach((id) => report(optionPath, `"${id}" is a reserved answer: it is never mapped`));
        const final = traceForward(migrations, index, questionId, newOptionId);
        if (final === null) return;
        const question = questionsById.get(final.questionId);
        if (!question) return report(questionPath, `unknown question "${final.questionId}" (not in this questionnaire, and no later migration renames or removes it)`);
        if (question.type !== 'single' && question.type !== 'multiple') {
          return report(questionPath, `expected a single or multiple question, "${question.id}" is ${question.type}`);
        }
        if (!question.options.some((option) => option.id === final.optionId)) report(optionPath, `unknown option "${final.optionId}" of "${question.id}"`);
      });
    });
    leaving.forEach((id) => retiredBefore.add(id));
  });
}

/** A value of a record written in a file, never one inherited from Object.prototype ("constructor" is a valid id). */
export function readOwn<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Where a question id of migration `index`'s target version (and one of its options) ends up in
 * the current version, following the later migrations; null once the question is removed.
 */
function traceForward(migrations: readonly Migration[], index: number, questionId: string, optionId?: string): { questionId: string; optionId?: string } | null {
  let current = { questionId, optionId };
  for (const migration of migrations.slice(index + 1)) {
    if (migration.removedQuestions?.includes(current.questionId)) return null;
    const renamedId = readOwn(migration.renamedQuestions, current.questionId) ?? current.questionId;
    const optionMap = readOwn(migration.changedOptions, renamedId);
    current = { questionId: renamedId, optionId: current.optionId === undefined ? undefined : (readOwn(optionMap, current.optionId) ?? current.optionId) };
  }
  return current;
}

/** A rubric's options are its levels: one per score from 1 to 4. */
const RUBRIC_SCORES = [1, 2, 3, 4] as const;

/**
 * Rules on a single question's own options, kept on the question so that they are reported even
 * when another part of the file is broken. A rubric is only as good as its four levels: each
 * must say, in words of its own, what that level looks like in practice.
 */
function checkSingleQuestionOptions(question: z.infer<typeof SingleQuestionShapeSchema>, ctx: RefinementContext): void {
  const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const { options } = question;

  if (question.pillar === undefined) {
    if (question.dimension !== undefined) report(['dimension'], 'a dimension needs a pillar');
    options.forEach((option, index) => {
      if (option.score !== undefined) report(['options', index, 'score'], 'a score needs a pillar on the question');
    });
    return;
  }

  if (options.length !== RUBRIC_SCORES.length) {
    report(['options'], `expected exactly 4 options, one per level (scores 1, 2, 3 and 4), got ${options.length}`);
  }
  options.forEach((option, index) => {
    if (option.score === undefined) report(['options', index, 'score'], 'expected a number from 1 to 4');
    if (!option.description) report(['options', index, 'description'], 'expected a description of this level');
  });

  const firstWithScore = new Map<number, string>();
  options.forEach((option, index) => {
    if (option.score === undefined) return;
    const first = firstWithScore.get(option.score);
    if (first === undefined) firstWithScore.set(option.score, option.id);
    else report(['options', index, 'score'], `score ${option.score} is already option "${first}"'s (expected scores 1, 2, 3 and 4, each once)`);
  });
  if (options.every((option) => option.score !== undefined)) {
    const missing = RUBRIC_SCORES.filter((score) => !firstWithScore.has(score));
    if (missing.length > 0) report(['options'], `no option scores ${missing.join(', ')} (expected scores 1, 2, 3 and 4, each once)`);
  }

  // Compared loosely, so that a copied level with an extra space or capital still counts as a copy.
  const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
  const reportRepeated = (key: 'label' | 'description', message: (firstId: string) => string) => {
    const firstWithText = new Map<string, string>();
    options.forEach((option, index) => {
      const text = option[key];
      if (!text) return;
      const first = firstWithText.get(normalise(text));
      if (first === undefined) firstWithText.set(normalise(text), option.id);
      else report(['options', index, key], message(first));
    });
  };
  reportRepeated('label', (first) => `same label as option "${first}": each level needs its own name`);
  reportRepeated('description', (first) => `same description as option "${first}": describe what this level looks like in practice`);
}

function checkConditionFitsQuestion(condition: Condition, target: Question, report: (message: string) => void): void {
  const optionIds =
    target.type === 'single' || target.type === 'multiple'
      ? [...target.options.map((option) => option.id), ...RESERVED_ANSWERS]
      : undefined;
  const named = [condition.equals, condition.includes, ...(condition.anyOf ?? [])].filter(
    (value): value is string => value !== undefined,
  );
  if (optionIds) {
    named.filter((value) => !optionIds.includes(value)).forEach((value) => report(`unknown option "${value}" of "${target.id}"`));
  }
  if (condition.includes !== undefined && target.type !== 'multiple') report(`"includes" needs a multiple question`);
  if ((condition.atLeast !== undefined || condition.atMost !== undefined) && target.type !== 'number') {
    report(`"atLeast" / "atMost" need a number question`);
  }
}

function reportDuplicates(ids: string[], report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) report(index, id);
    seen.add(id);
  });
}

export const ToolSchema = z.strictObject({
  id: SlugSchema,
  title: TextSchema,
  description: TextSchema,
  kind: ToolKindSchema,
  pillars: z.array(PillarIdSchema).min(1),
  /** Level ids (from the questionnaires) this tool suits. */
  levels: z.array(SlugSchema).min(1),
  format: z.enum(['guide', 'fiche', 'webinaire', 'mooc', 'formation', 'methode', 'kit', 'reseau', 'accompagnement', 'plateforme', 'etude']),
  duration: TextSchema,
  publisher: TextSchema,
  url: z.url({ protocol: /^https$/, error: 'expected an https:// link' }).optional(),
  /** Some tools only make sense further ahead (e.g. territorial strategy): never earlier than this. */
  horizon: HorizonSchema.optional(),
  triggers: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('flag'), check: SlugSchema }),
        z.strictObject({ type: z.literal('dont-know'), dimension: SlugSchema }),
      ]),
    )
    .optional(),
  source: TextSchema.optional(),
});
export type Tool = z.infer<typeof ToolSchema>;

export const ToolkitSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: SlugSchema,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'expected a version like 1.0.0' }),
    locale: z.string(),
    tools: z.array(ToolSchema).min(1),
  })
  .superRefine((toolkit, ctx) =>
    reportDuplicates(toolkit.tools.map((tool) => tool.id), (index, id) =>
      ctx.addIssue({ code: 'custom', path: ['tools', index, 'id'], message: `duplicate tool id "${id}"` }),
    ),
  );
export type Toolkit = z.infer<typeof ToolkitSchema>;

/** Rubric questions are the scored ones: a single question with a pillar (or the project). */
export function isRubricQuestion(question: Question): question is RubricQuestion {
  return question.type === 'single' && question.pillar !== undefined && question.dimension !== undefined;
}

export function listQuestions(questionnaire: Pick<Questionnaire, 'steps'>): Question[] {
  return questionnaire.steps.flatMap((step) => step.questions);
}
