import { isAnswered, listVisibleQuestionIds, type AnswersFile, type AnswerValue } from './answers';
import { FRENCH_ANSWER_WORDING, describeAnswer, type AnswerWording } from './format-answer';
import { PILLAR_LABELS, type PillarLabels } from './pillars';
import { listQuestions, type Question, type Questionnaire, type ScoredAreaId, type Toolkit } from './questionnaire-schema';
import { scoreAnswers, type AreaScore, type DimensionScore } from './scoring';

/** One saved diagnosis, its file already migrated to the questionnaire it answers. */
export interface ComparedDiagnosis {
  questionnaire: Questionnaire;
  file: AnswersFile;
}

export interface ComparisonSide {
  /** The date of the file's last change (ISO), which dates the diagnosis. */
  updatedAt: string;
  questionnaire: { id: string; version: string; title: string };
}

export interface ComparedScore {
  /** 0–100; null when the area or dimension could not be scored. */
  score: number | null;
  levelId: string | null;
  levelLabel: string | null;
  isInsufficient: boolean;
  isNotApplicable: boolean;
}

export interface ComparedArea {
  id: ScoredAreaId;
  label: string;
  before: ComparedScore;
  after: ComparedScore;
  /** after − before in points; null when either side has no score. */
  delta: number | null;
}

export interface ComparedDimension {
  id: string;
  label: string;
  area: ScoredAreaId;
  /** null when that side's questionnaire has no such dimension. */
  before: ComparedScore | null;
  after: ComparedScore | null;
  delta: number | null;
}

export interface ChangedAnswer {
  questionId: string;
  label: string;
  stepTitle: string;
  /** The answer in words; null when unanswered, hidden, or the question is not in that questionnaire. */
  before: string | null;
  after: string | null;
  /** Whether each side's questionnaire asks the question at all (express and complet differ). */
  isInOlder: boolean;
  isInNewer: boolean;
}

export interface StepDoneSince {
  toolId: string;
  title: string;
}

export interface DiagnosisComparison {
  older: ComparisonSide;
  newer: ComparisonSide;
  /** False when the two answer different questionnaires (express and complet share their ids). */
  sameQuestionnaire: boolean;
  /** The project, then the three pillars. */
  areas: ComparedArea[];
  /** The newer questionnaire's dimensions in its order, then those only the older one has. */
  dimensions: ComparedDimension[];
  changedAnswers: ChangedAnswer[];
  /** Path steps marked « Fait » in the newer diagnosis and not in the older one, in catalogue order. */
  stepsDoneSince: StepDoneSince[];
}

/** The words a comparison writes itself: the areas' names and the answers (reserved answers, numbers). A report's wording fits. */
export interface ComparisonWording {
  pillarLabels: PillarLabels;
  answers: AnswerWording;
}

export const FRENCH_COMPARISON_WORDING: ComparisonWording = { pillarLabels: PILLAR_LABELS, answers: FRENCH_ANSWER_WORDING };

/** What changed from one diagnosis of an organisation to a later one: scores, answers and path steps done. */
export function compareDiagnoses(
  older: ComparedDiagnosis,
  newer: ComparedDiagnosis,
  toolkit: Toolkit,
  wording: ComparisonWording = FRENCH_COMPARISON_WORDING,
): DiagnosisComparison {
  const olderScores = scoreAnswers(older.questionnaire, older.file.answers);
  const newerScores = scoreAnswers(newer.questionnaire, newer.file.answers);
  return {
    older: describeSide(older),
    newer: describeSide(newer),
    sameQuestionnaire: older.questionnaire.id === newer.questionnaire.id,
    areas: newerScores.areas.map((after) => {
      const before = olderScores.areas.find((area) => area.id === after.id);
      return compareArea(after.id, before ? toComparedScore(before) : null, toComparedScore(after), wording.pillarLabels);
    }),
    dimensions: compareDimensions(olderScores.dimensions, newerScores.dimensions),
    changedAnswers: listChangedAnswers(older, newer, wording.answers),
    stepsDoneSince: listStepsDoneSince(older.file, newer.file, toolkit),
  };
}

function describeSide({ questionnaire, file }: ComparedDiagnosis): ComparisonSide {
  return { updatedAt: file.updatedAt, questionnaire: { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title } };
}

const UNSCORED: ComparedScore = { score: null, levelId: null, levelLabel: null, isInsufficient: true, isNotApplicable: false };

function compareArea(id: ScoredAreaId, before: ComparedScore | null, after: ComparedScore, pillarLabels: PillarLabels): ComparedArea {
  // scoreAnswers always scores the four areas; an area missing on one side would only come from a broken questionnaire.
  const beforeScore = before ?? UNSCORED;
  return { id, label: pillarLabels[id], before: beforeScore, after, delta: computeDelta(beforeScore, after) };
}

function toComparedScore(score: AreaScore | DimensionScore): ComparedScore {
  return {
    score: score.score,
    levelId: score.level?.id ?? null,
    levelLabel: score.level?.label ?? null,
    isInsufficient: score.isInsufficient,
    isNotApplicable: score.isNotApplicable,
  };
}

function isScored(score: ComparedScore | null): score is ComparedScore & { score: number } {
  return score !== null && score.score !== null && !score.isInsufficient && !score.isNotApplicable;
}

function computeDelta(before: ComparedScore | null, after: ComparedScore | null): number | null {
  return isScored(before) && isScored(after) ? after.score - before.score : null;
}

function compareDimensions(olderDimensions: readonly DimensionScore[], newerDimensions: readonly DimensionScore[]): ComparedDimension[] {
  const newerIds = new Set(newerDimensions.map((dimension) => dimension.id));
  const compare = (reference: DimensionScore, before: DimensionScore | undefined, after: DimensionScore | undefined): ComparedDimension => {
    const beforeScore = before ? toComparedScore(before) : null;
    const afterScore = after ? toComparedScore(after) : null;
    return { id: reference.id, label: reference.label, area: reference.area, before: beforeScore, after: afterScore, delta: computeDelta(beforeScore, afterScore) };
  };
  return [
    ...newerDimensions.map((after) => compare(after, olderDimensions.find((dimension) => dimension.id === after.id), after)),
    ...olderDimensions.filter((before) => !newerIds.has(before.id)).map((before) => compare(before, before, undefined)),
  ];
}

interface LocatedQuestion {
  question: Question;
  stepTitle: string;
}

function locateQuestions(questionnaire: Questionnaire): Map<string, LocatedQuestion> {
  return new Map(questionnaire.steps.flatMap((step) => step.questions.map((question) => [question.id, { question, stepTitle: step.title }] as const)));
}

/** The answer a person saw and gave: a hidden question's leftover answer, or one to an unknown question, does not count. */
function readVisibleAnswer(diagnosis: ComparedDiagnosis, visibleIds: ReadonlySet<string>, questionId: string): AnswerValue | undefined {
  const value = diagnosis.file.answers[questionId];
  return visibleIds.has(questionId) && isAnswered(value) ? value : undefined;
}

function listChangedAnswers(older: ComparedDiagnosis, newer: ComparedDiagnosis, wording: AnswerWording): ChangedAnswer[] {
  const olderQuestions = locateQuestions(older.questionnaire);
  const newerQuestions = locateQuestions(newer.questionnaire);
  const olderVisible = listVisibleQuestionIds(older.questionnaire, older.file.answers);
  const newerVisible = listVisibleQuestionIds(newer.questionnaire, newer.file.answers);
  const questionIds = [
    ...listQuestions(newer.questionnaire).map((question) => question.id),
    ...listQuestions(older.questionnaire)
      .map((question) => question.id)
      .filter((id) => !newerQuestions.has(id)),
  ];
  return questionIds.flatMap((questionId): ChangedAnswer[] => {
    const beforeQuestion = olderQuestions.get(questionId);
    const afterQuestion = newerQuestions.get(questionId);
    const located = afterQuestion ?? beforeQuestion;
    if (!located) return [];
    const before = readVisibleAnswer(older, olderVisible, questionId);
    const after = readVisibleAnswer(newer, newerVisible, questionId);
    if (isSameAnswer(before, after)) return [];
    return [
      {
        questionId,
        label: located.question.label,
        stepTitle: located.stepTitle,
        before: before === undefined || !beforeQuestion ? null : describeAnswer(beforeQuestion.question, before, wording),
        after: after === undefined || !afterQuestion ? null : describeAnswer(afterQuestion.question, after, wording),
        isInOlder: beforeQuestion !== undefined,
        isInNewer: afterQuestion !== undefined,
      },
    ];
  });
}

/** Equal answers: the same choices in any order, the same number, the same shares to the unit. */
export function isSameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'string' || typeof a === 'number' || typeof b === 'string' || typeof b === 'number') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const chosen = new Set(a);
    return chosen.size === new Set(b).size && b.every((id) => chosen.has(id));
  }
  // A part left out and a part at 0 % read the same on the form and in the report.
  const parts = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...parts].every((part) => (a[part] ?? 0) === (b[part] ?? 0));
}

function listStepsDoneSince(older: AnswersFile, newer: AnswersFile, toolkit: Toolkit): StepDoneSince[] {
  const isDone = (file: AnswersFile, toolId: string) => file.pathProgress?.[toolId]?.status === 'done';
  return toolkit.tools.filter((tool) => isDone(newer, tool.id) && !isDone(older, tool.id)).map((tool) => ({ toolId: tool.id, title: tool.title }));
}
