import { z } from 'zod';
import {
  AnswersFileSchema,
  RESPONDENT_ROLES,
  buildAnswerSchema,
  isAnswered,
  isQuestionVisible,
  listVisibleQuestionIds,
  type AnswerValue,
  type Answers,
  type AnswersFile,
  type RespondentRole,
} from './answers';
import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from './answer-messages';
import { PILLAR_LABELS } from './pillars';
import {
  DONT_KNOW,
  NOT_APPLICABLE,
  SCORED_AREA_IDS,
  isRubricQuestion,
  listQuestions,
  type MultipleQuestion,
  type NumberQuestion,
  type Question,
  type Questionnaire,
  type RubricQuestion,
  type ScoredAreaId,
  type SharesQuestion,
  type SingleQuestion,
} from './questionnaire-schema';
import { GROUP_ROLE_LABELS } from './respondents';
import { scoreAnswers } from './scoring';

/**
 * Several respondents of one organisation answering the same questionnaire (a board, a team, a
 * workshop). Scores are never stored here: they are derived from the members' answers.
 */
export interface Group {
  /** The questionnaire every member answered (id only: older versions of it are accepted). */
  questionnaireId: string;
  members: GroupMember[];
  /** Answers the facilitator recorded in consensus mode, by question id; they win over the proposal. */
  agreedAnswers: Answers;
}

export interface GroupMember {
  /** Stable within the group, so a member can be removed or named without relying on its position. */
  id: string;
  file: AnswersFile;
}

/** A respondent's role, or 'unspecified' when they did not say. */
export type GroupRole = RespondentRole | 'unspecified';

export interface RoleCount {
  role: GroupRole;
  label: string;
  count: number;
}

export interface LevelCount {
  /** A level id of the questionnaire, or 'insufficient' for respondents whose answers were too few to score. */
  level: string;
  label: string;
  count: number;
}

/** How the respondents' scores (0–100) spread for one area or dimension. */
export interface ScoreSpread {
  /** Mean of the respondents who could be scored; null when none could. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Respondents with a score. */
  scoredCount: number;
  /** One entry per level of the questionnaire in order, then 'insufficient'; counts add up to the respondents. */
  distribution: LevelCount[];
}

export interface AreaSpread extends ScoreSpread {
  id: ScoredAreaId;
  label: string;
}

export interface DimensionSpread extends ScoreSpread {
  id: string;
  area: ScoredAreaId;
  label: string;
}

export interface RoleSpread {
  role: GroupRole;
  label: string;
  count: number;
  areas: AreaSpread[];
}

export interface AnswerCount {
  /** An option id or a reserved answer ('dont-know', 'not-applicable'). */
  value: string;
  label: string;
  /** The option's score 1–4; null for reserved answers. */
  score: number | null;
  count: number;
}

export interface QuestionDivergence {
  questionId: string;
  label: string;
  area: ScoredAreaId;
  dimension: string;
  /** Respondents who chose a level (reserved answers and missing answers not counted). */
  ratedCount: number;
  /**
   * Standard deviation of the chosen levels (1–4): 0 when everyone agrees, 1.5 when half chose
   * the lowest level and half the highest. Null with fewer than two levels chosen.
   */
  divergence: number | null;
  /** Every option in questionnaire order, then the reserved answers, with how many chose it. */
  distribution: AnswerCount[];
}

export interface GroupAggregate {
  questionnaireId: string;
  respondentCount: number;
  /** Roles in RESPONDENT_ROLES order then 'unspecified'; only roles with at least one respondent. */
  roles: RoleCount[];
  /** Questionnaire versions the members answered, most frequent first. */
  versions: { version: string; count: number }[];
  /**
   * The organisation names the members gave, most frequent first (blank ones left out): more
   * than one usually means files of another organisation slipped into the group.
   */
  organisations: { name: string; count: number }[];
  areas: AreaSpread[];
  dimensions: DimensionSpread[];
  byRole: RoleSpread[];
  /** Every rubric question, least consensus first (highest divergence; null divergence last). */
  questions: QuestionDivergence[];
}

// A group is stored as it is (IndexedDB) and read back through this schema: members' files are
// checked like an imported file, so a corrupted record is refused rather than half-read.
const GroupMemberSchema = z.strictObject({ id: z.string().min(1), file: AnswersFileSchema });

export const GroupSchema: z.ZodType<Group, unknown> = z
  .strictObject({
    questionnaireId: z.string().min(1),
    members: z.array(GroupMemberSchema),
    agreedAnswers: AnswersFileSchema.shape.answers,
  })
  .superRefine((group, ctx) => {
    const seenIds = new Set<string>();
    group.members.forEach((member, index) => {
      if (seenIds.has(member.id)) ctx.addIssue({ code: 'custom', path: ['members', index, 'id'], message: `duplicate member id "${member.id}"` });
      seenIds.add(member.id);
      if (member.file.questionnaire.id !== group.questionnaireId) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', index, 'file', 'questionnaire', 'id'],
          message: `expected questionnaire "${group.questionnaireId}", got "${member.file.questionnaire.id}"`,
        });
      }
    });
  });

export function createGroup(questionnaireId: string): Group {
  return { questionnaireId, members: [], agreedAnswers: {} };
}

/**
 * The group new answers join: the current one when it has members (files of another questionnaire
 * are then refused), otherwise a fresh group of the answers' questionnaire, so that an emptied or
 * absent group takes whatever is imported first.
 */
export function selectGroupToJoin(current: Group | null, questionnaireId: string): Group {
  return current && (current.members.length > 0 || current.questionnaireId === questionnaireId) ? current : createGroup(questionnaireId);
}

export interface AddGroupMembersResult {
  group: Group;
  added: GroupMember[];
  rejected: { file: AnswersFile; reason: string }[];
}

/**
 * Adds the files that belong to the group's questionnaire (any version of it). The very same
 * diagnosis (same answers, same dates) is refused a second time: importing one export twice
 * would count one person twice, while two people who answered alike still differ by their dates.
 */
export function addGroupMembers(
  group: Group,
  files: readonly AnswersFile[],
  createId: () => string,
  messages: AnswerMessages = FRENCH_ANSWER_MESSAGES,
): AddGroupMembersResult {
  const seen = new Set(group.members.map((member) => serializeCanonically(member.file)));
  const added: GroupMember[] = [];
  const rejected: AddGroupMembersResult['rejected'] = [];
  for (const file of files) {
    if (file.questionnaire.id !== group.questionnaireId) {
      rejected.push({ file, reason: messages('answersFile.otherQuestionnaire', { fileQuestionnaire: file.questionnaire.id, questionnaire: group.questionnaireId }) });
      continue;
    }
    const key = serializeCanonically(file);
    if (seen.has(key)) {
      rejected.push({ file, reason: messages('group.alreadyInGroup') });
      continue;
    }
    seen.add(key);
    added.push({ id: createId(), file });
  }
  return { group: { ...group, members: [...group.members, ...added] }, added, rejected };
}

/** JSON with sorted keys, so that the same diagnosis read from two files compares equal whatever its key order. */
function serializeCanonically(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function removeGroupMember(group: Group, memberId: string): Group {
  return { ...group, members: group.members.filter((member) => member.id !== memberId) };
}

/** Records the answer the group agreed on for one question; null clears it (the proposal shows again). */
export function recordAgreedAnswer(group: Group, questionId: string, value: AnswerValue | null): Group {
  const agreedAnswers = { ...group.agreedAnswers };
  if (value === null) delete agreedAnswers[questionId];
  else agreedAnswers[questionId] = value;
  return { ...group, agreedAnswers };
}

// A shares answer adds up to 100 %, as the form requires.
const SHARES_TOTAL = 100;
const INSUFFICIENT_LEVEL = 'insufficient';
const INSUFFICIENT_LABEL = 'Données insuffisantes';
const RESERVED_ANSWER_LABELS = { [DONT_KNOW]: 'Je ne sais pas', [NOT_APPLICABLE]: 'Non concerné' } as const;
const GROUP_ROLES: readonly GroupRole[] = [...RESPONDENT_ROLES, 'unspecified'];

interface SpreadTally {
  sum: number;
  min: number | null;
  max: number | null;
  scoredCount: number;
  /** Aligned with questionnaire.levels. */
  levelCounts: number[];
  insufficientCount: number;
}

function createSpreadTally(levelCount: number): SpreadTally {
  return { sum: 0, min: null, max: null, scoredCount: 0, levelCounts: new Array<number>(levelCount).fill(0), insufficientCount: 0 };
}

function addToSpread(tally: SpreadTally, score: number | null, levelIndex: number): void {
  if (score === null || levelIndex === -1) {
    tally.insufficientCount += 1;
    return;
  }
  tally.sum += score;
  tally.scoredCount += 1;
  tally.min = tally.min === null ? score : Math.min(tally.min, score);
  tally.max = tally.max === null ? score : Math.max(tally.max, score);
  tally.levelCounts[levelIndex] = (tally.levelCounts[levelIndex] ?? 0) + 1;
}

function toScoreSpread(tally: SpreadTally, questionnaire: Questionnaire): ScoreSpread {
  return {
    // Rounded to a whole point, like every score a respondent sees.
    mean: tally.scoredCount === 0 ? null : Math.round(tally.sum / tally.scoredCount),
    min: tally.min,
    max: tally.max,
    scoredCount: tally.scoredCount,
    distribution: [
      ...questionnaire.levels.map((level, index): LevelCount => ({ level: level.id, label: level.label, count: tally.levelCounts[index] ?? 0 })),
      { level: INSUFFICIENT_LEVEL, label: INSUFFICIENT_LABEL, count: tally.insufficientCount },
    ],
  };
}

function toAreaSpreads(tallies: readonly SpreadTally[], questionnaire: Questionnaire): AreaSpread[] {
  return SCORED_AREA_IDS.map((id, index) => ({
    id,
    label: PILLAR_LABELS[id],
    ...toScoreSpread(tallies[index] ?? createSpreadTally(questionnaire.levels.length), questionnaire),
  }));
}

interface QuestionTally {
  question: RubricQuestion;
  entries: AnswerCount[];
  indexByValue: Map<string, number>;
}

function createQuestionTally(question: RubricQuestion): QuestionTally {
  const entries: AnswerCount[] = [
    ...question.options.map((option) => ({ value: option.id, label: option.label, score: option.score ?? null, count: 0 })),
    ...(question.allowDontKnow ? [{ value: DONT_KNOW, label: RESERVED_ANSWER_LABELS[DONT_KNOW], score: null, count: 0 }] : []),
    ...(question.allowNotApplicable ? [{ value: NOT_APPLICABLE, label: RESERVED_ANSWER_LABELS[NOT_APPLICABLE], score: null, count: 0 }] : []),
  ];
  return { question, entries, indexByValue: new Map(entries.map((entry, index) => [entry.value, index])) };
}

/**
 * Population standard deviation of the chosen levels. Summed by score rather than by option, so
 * two questions with the same answers get the very same figure and tie exactly.
 */
function measureDivergence(entries: readonly AnswerCount[]): { ratedCount: number; divergence: number | null } {
  const countsByScore = [0, 0, 0, 0, 0];
  for (const entry of entries) if (entry.score !== null) countsByScore[entry.score] = (countsByScore[entry.score] ?? 0) + entry.count;
  let ratedCount = 0;
  let sum = 0;
  countsByScore.forEach((count, score) => {
    ratedCount += count;
    sum += count * score;
  });
  if (ratedCount < 2) return { ratedCount, divergence: null };
  const mean = sum / ratedCount;
  let squares = 0;
  countsByScore.forEach((count, score) => {
    squares += count * (score - mean) ** 2;
  });
  return { ratedCount, divergence: Math.sqrt(squares / ratedCount) };
}

function compareVersionsNewestFirst(a: string, b: string): number {
  return b.localeCompare(a, 'en', { numeric: true });
}

/**
 * The group picture: each file is scored as one respondent would be (answers to questions this
 * version does not know are ignored, hidden questions count as not answered), then spread per
 * area, dimension, role and question. One pass over the files, so a thousand stay instant.
 */
export function aggregateGroup(questionnaire: Questionnaire, files: readonly AnswersFile[]): GroupAggregate {
  const levelCount = questionnaire.levels.length;
  const levelIndexById = new Map(questionnaire.levels.map((level, index) => [level.id, index]));
  const newAreaTallies = () => SCORED_AREA_IDS.map(() => createSpreadTally(levelCount));
  const areaTallies = newAreaTallies();
  const dimensionTallies = questionnaire.dimensions.map(() => createSpreadTally(levelCount));
  const roleTallies = new Map<GroupRole, { count: number; areas: SpreadTally[] }>();
  const versionCounts = new Map<string, number>();
  const organisationCounts = new Map<string, number>();
  const organisationQuestionId = questionnaire.bindings.organisationName;
  const questionTallies = listQuestions(questionnaire).filter(isRubricQuestion).map(createQuestionTally);
  const levelIndexOf = (level: { id: string } | null) => (level === null ? -1 : (levelIndexById.get(level.id) ?? -1));

  for (const file of files) {
    const scores = scoreAnswers(questionnaire, file.answers);
    const role: GroupRole = file.respondent.role ?? 'unspecified';
    let roleTally = roleTallies.get(role);
    if (!roleTally) {
      roleTally = { count: 0, areas: newAreaTallies() };
      roleTallies.set(role, roleTally);
    }
    roleTally.count += 1;
    versionCounts.set(file.questionnaire.version, (versionCounts.get(file.questionnaire.version) ?? 0) + 1);
    const organisation = file.answers[organisationQuestionId];
    if (typeof organisation === 'string' && organisation.trim() !== '') {
      organisationCounts.set(organisation.trim(), (organisationCounts.get(organisation.trim()) ?? 0) + 1);
    }

    // scoreAnswers lists the areas in SCORED_AREA_IDS order and the dimensions in questionnaire order.
    scores.areas.forEach((area, index) => {
      const levelIndex = levelIndexOf(area.level);
      const overall = areaTallies[index];
      const byRole = roleTally.areas[index];
      if (overall) addToSpread(overall, area.score, levelIndex);
      if (byRole) addToSpread(byRole, area.score, levelIndex);
    });
    scores.dimensions.forEach((dimension, index) => {
      const tally = dimensionTallies[index];
      if (tally) addToSpread(tally, dimension.score, levelIndexOf(dimension.level));
    });

    const visibleIds = listVisibleQuestionIds(questionnaire, file.answers);
    for (const tally of questionTallies) {
      if (!visibleIds.has(tally.question.id)) continue;
      const value = file.answers[tally.question.id];
      // Anything else (a list, an option an older version had) is not one of this question's answers.
      const index = typeof value === 'string' ? tally.indexByValue.get(value) : undefined;
      const entry = index === undefined ? undefined : tally.entries[index];
      if (entry) entry.count += 1;
    }
  }

  const dimensionSpreads = questionnaire.dimensions.map((dimension, index): DimensionSpread => ({
    id: dimension.id,
    area: dimension.area,
    label: dimension.label,
    ...toScoreSpread(dimensionTallies[index] ?? createSpreadTally(levelCount), questionnaire),
  }));
  const presentRoles = GROUP_ROLES.filter((role) => roleTallies.has(role));
  const questions = questionTallies
    .map(({ question, entries }): QuestionDivergence => ({
      questionId: question.id,
      label: question.label,
      area: question.pillar,
      dimension: question.dimension,
      ...measureDivergence(entries),
      distribution: entries,
    }))
    // Array sort is stable: equal divergences keep the questionnaire's order.
    .sort((a, b) => (b.divergence ?? -1) - (a.divergence ?? -1));

  return {
    questionnaireId: questionnaire.id,
    respondentCount: files.length,
    roles: presentRoles.map((role) => ({ role, label: GROUP_ROLE_LABELS[role], count: roleTallies.get(role)?.count ?? 0 })),
    versions: [...versionCounts]
      .map(([version, count]) => ({ version, count }))
      .sort((a, b) => b.count - a.count || compareVersionsNewestFirst(a.version, b.version)),
    organisations: [...organisationCounts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
    areas: toAreaSpreads(areaTallies, questionnaire),
    dimensions: dimensionSpreads,
    byRole: presentRoles.map((role) => {
      const tally = roleTallies.get(role);
      return { role, label: GROUP_ROLE_LABELS[role], count: tally?.count ?? 0, areas: toAreaSpreads(tally?.areas ?? [], questionnaire) };
    }),
    questions,
  };
}

/** The questions where the group disagrees most, for the « zones de moindre consensus ». */
export function selectLeastConsensus(aggregate: GroupAggregate, count = 5): QuestionDivergence[] {
  return aggregate.questions.filter((question) => question.divergence !== null && question.divergence > 0).slice(0, count);
}

/**
 * What the group would answer if nobody argued: a starting point for the facilitator, one
 * question at a time, in questionnaire order so that a question shows only when the proposal
 * so far shows it (as for one respondent). Each question takes the votes of the members who saw
 * it and gave an answer this version accepts.
 */
export function proposeConsensusAnswers(questionnaire: Questionnaire, files: readonly AnswersFile[]): Answers {
  return buildConsensus(questionnaire, files, {});
}

/** The consensus diagnosis: the proposal, with the answers the group agreed on in its place. */
export function buildConsensusAnswers(questionnaire: Questionnaire, group: Group): Answers {
  return buildConsensus(
    questionnaire,
    group.members.map((member) => member.file),
    group.agreedAnswers,
  );
}

// An agreed answer also decides which later questions show (e.g. « Avez-vous des salariés ? »),
// so it is applied during the walk, not over a finished proposal.
function buildConsensus(questionnaire: Questionnaire, files: readonly AnswersFile[], agreedAnswers: Answers): Answers {
  const members = files.map((file) => ({ answers: file.answers, visibleIds: listVisibleQuestionIds(questionnaire, file.answers) }));
  const consensus: Answers = {};
  for (const question of listQuestions(questionnaire)) {
    if (!isQuestionVisible(question, consensus)) continue;
    const agreed = agreedAnswers[question.id];
    if (agreed !== undefined) {
      consensus[question.id] = agreed;
      continue;
    }
    const isAccepted = buildAcceptanceCheck(question);
    const answered: AnswerValue[] = [];
    let ballotCount = 0;
    for (const member of members) {
      if (!member.visibleIds.has(question.id)) continue;
      const value = member.answers[question.id];
      if (!isAnswered(value)) ballotCount += 1;
      else if (value !== undefined && isAccepted(value)) {
        ballotCount += 1;
        answered.push(value);
      }
    }
    const proposed = answered.length === 0 ? undefined : proposeAnswer(question, answered, ballotCount);
    if (proposed !== undefined) consensus[question.id] = proposed;
  }
  return consensus;
}

/** The form's own check, remembered per option id or number: a large group repeats the same few answers. */
function buildAcceptanceCheck(question: Question): (value: AnswerValue) => boolean {
  const schema = buildAnswerSchema(question);
  const known = new Map<string | number, boolean>();
  return (value) => {
    if (typeof value !== 'string' && typeof value !== 'number') return schema.safeParse(value).success;
    let accepted = known.get(value);
    if (accepted === undefined) {
      accepted = schema.safeParse(value).success;
      known.set(value, accepted);
    }
    return accepted;
  };
}

/** `values` are valid, non-empty answers to the question; `ballotCount` adds those who left it empty. */
function proposeAnswer(question: Question, values: readonly AnswerValue[], ballotCount: number): AnswerValue | undefined {
  switch (question.type) {
    case 'single':
      return proposeSingleAnswer(question, values.filter((value) => typeof value === 'string'));
    case 'multiple':
      return proposeMultipleAnswer(question, values.filter(Array.isArray), ballotCount);
    case 'number':
      return proposeNumberAnswer(question, values.filter((value) => typeof value === 'number'));
    case 'shares':
      return proposeSharesAnswer(question, values.filter(isSharesValue));
    case 'text':
      return findMostFrequent(values.filter((value) => typeof value === 'string').map((value) => value.trim()));
  }
}

function isSharesValue(value: AnswerValue): value is Record<string, number> {
  return typeof value === 'object' && !Array.isArray(value);
}

/**
 * A rubric question takes the median level: levels are ordered, so the middle of the group
 * represents it better than the most frequent answer. With an even count it takes the lower of the
 * two middle levels, as respondents are told to do between two levels. « Je ne sais pas » or
 * « Non concerné » is proposed only when more people gave it than chose a level. A plain choice
 * takes the most frequent answer, the first option on a tie.
 */
function proposeSingleAnswer(question: SingleQuestion, values: readonly string[]): string | undefined {
  const optionIndex = (value: string): number => question.options.findIndex((option) => option.id === value);
  if (question.pillar !== undefined) {
    const scoreOf = (value: string): number => question.options[optionIndex(value)]?.score ?? 0;
    const rated = values.filter((value) => optionIndex(value) !== -1).sort((a, b) => scoreOf(a) - scoreOf(b));
    const reserved = values.filter((value) => optionIndex(value) === -1);
    if (rated.length > 0 && rated.length >= reserved.length) return rated[Math.floor((rated.length - 1) / 2)];
    values = reserved;
  }
  const rankOf = (value: string): number => {
    const index = optionIndex(value);
    return index === -1 ? Number.MAX_SAFE_INTEGER - (value === DONT_KNOW ? 1 : 0) : index;
  };
  const counts = countValues(values);
  return [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || rankOf(a) - rankOf(b))[0];
}

/**
 * Options chosen by at least half of those who saw the question, then trimmed or topped up by
 * popularity to the question's bounds, so the proposal is always an answer the form accepts.
 */
function proposeMultipleAnswer(question: MultipleQuestion, values: readonly string[][], ballotCount: number): string[] | undefined {
  const counts = countValues(values.flat());
  const ranked = question.options
    .map((option, index) => ({ id: option.id, index, count: counts.get(option.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.index - b.index);
  let chosen = ranked.filter((option) => option.count > 0 && option.count * 2 >= ballotCount);
  if (chosen.length === 0 && !question.required) return undefined;
  const minimum = Math.max(question.minSelected ?? 0, 1);
  if (chosen.length < minimum) chosen = ranked.slice(0, Math.max(minimum, chosen.length));
  if (question.maxSelected !== undefined) chosen = chosen.slice(0, question.maxSelected);
  return chosen.sort((a, b) => a.index - b.index).map((option) => option.id);
}

function proposeNumberAnswer(question: NumberQuestion, values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) return undefined;
  const median = sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
  return question.integer ? Math.round(median) : median;
}

/** The mean of each part, rounded to whole percents that add up to exactly 100 (largest remainders first). */
function proposeSharesAnswer(question: SharesQuestion, values: readonly Record<string, number>[]): Record<string, number> | undefined {
  if (values.length === 0) return undefined;
  const means = question.parts.map((part) => values.reduce((total, shares) => total + (shares[part.id] ?? 0), 0) / values.length);
  const rounded = means.map((mean) => Math.floor(mean));
  let remaining = SHARES_TOTAL - rounded.reduce((total, share) => total + share, 0);
  const byRemainder = means
    .map((mean, index) => ({ index, remainder: mean - Math.floor(mean) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (remaining <= 0) break;
    rounded[index] = (rounded[index] ?? 0) + 1;
    remaining -= 1;
  }
  return Object.fromEntries(question.parts.map((part, index) => [part.id, rounded[index] ?? 0]));
}

/** The most frequent value; ties go to the first one met. */
function findMostFrequent(values: readonly string[]): string | undefined {
  const counts = countValues(values.filter((value) => value !== ''));
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function countValues(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
