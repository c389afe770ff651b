import {
  DONT_KNOW,
  NOT_APPLICABLE,
  PILLAR_IDS,
  SCORED_AREA_IDS,
  isRubricQuestion,
  listQuestions,
  type Level,
  type Questionnaire,
  type RubricQuestion,
  type ScoredAreaId,
} from './questionnaire-schema';
import { isQuestionVisible, selectVisibleAnswers, type Answers } from './answers';

interface ScoreTally {
  /** 0–100, or null when too few questions were answered to say anything. */
  score: number | null;
  level: Level | null;
  answeredCount: number;
  notApplicableCount: number;
  dontKnowCount: number;
  /** Visible rubric questions (hidden ones were never asked). */
  questionCount: number;
  isInsufficient: boolean;
  /** Every answered question said "Non concerné": the area or dimension does not apply, nothing is missing. */
  isNotApplicable: boolean;
}

export interface AreaScore extends ScoreTally {
  id: ScoredAreaId;
}

export interface DimensionScore extends ScoreTally {
  id: string;
  area: ScoredAreaId;
  label: string;
}

export interface Scores {
  /** Always the four areas: 'project' first, then the pillars in PILLAR_IDS order. */
  areas: AreaScore[];
  /** In the order of questionnaire.dimensions. */
  dimensions: DimensionScore[];
}

const HIGHEST_OPTION_SCORE = 4;

/** The highest level whose minScore the score reaches; levels are sorted by the schema. */
export function findLevel(levels: Level[], score: number): Level {
  const [first] = levels;
  if (!first) throw new Error('findLevel: a questionnaire declares at least two levels');
  return levels.reduce((found, level) => (score >= level.minScore ? level : found), first);
}

interface Tally {
  answeredCount: number;
  notApplicableCount: number;
  dontKnowCount: number;
  questionCount: number;
  weightedSum: number;
  totalWeight: number;
}

function tallyQuestions(questions: RubricQuestion[], visibleAnswers: Answers): Tally {
  const tally: Tally = { answeredCount: 0, notApplicableCount: 0, dontKnowCount: 0, questionCount: questions.length, weightedSum: 0, totalWeight: 0 };
  for (const question of questions) {
    const value = visibleAnswers[question.id];
    if (value === NOT_APPLICABLE) tally.notApplicableCount += 1;
    else if (value === DONT_KNOW) tally.dontKnowCount += 1;
    else {
      const optionScore = question.options.find((option) => option.id === value)?.score;
      if (optionScore === undefined) continue;
      tally.answeredCount += 1;
      // Kept on the 0–3 scale until the end so that round numbers stay exact (1.5 / 3 × 100 = 50).
      tally.weightedSum += question.weight * (optionScore - 1);
      tally.totalWeight += question.weight;
    }
  }
  return tally;
}

function scoreTally(tally: Tally, minAnswered: number, levels: Level[]) {
  // minAnswered is at least 1 and weights are positive, so a sufficient tally never divides by zero.
  const isInsufficient = tally.answeredCount < minAnswered;
  const score = isInsufficient
    ? null
    : Math.round(((tally.weightedSum / tally.totalWeight) * 100) / (HIGHEST_OPTION_SCORE - 1));
  return {
    score,
    level: score === null ? null : findLevel(levels, score),
    answeredCount: tally.answeredCount,
    notApplicableCount: tally.notApplicableCount,
    dontKnowCount: tally.dontKnowCount,
    questionCount: tally.questionCount,
    isInsufficient,
    isNotApplicable: tally.answeredCount === 0 && tally.dontKnowCount === 0 && tally.notApplicableCount > 0,
  };
}

/** Rubric questions the respondent can see, judged like validateAnswers and selectVisibleAnswers. */
function listVisibleRubricQuestions(questionnaire: Questionnaire, answers: Answers): RubricQuestion[] {
  return listQuestions(questionnaire)
    .filter(isRubricQuestion)
    .filter((question) => isQuestionVisible(question, answers));
}

export function scoreAnswers(questionnaire: Questionnaire, answers: Answers): Scores {
  const visibleAnswers = selectVisibleAnswers(questionnaire, answers);
  const questions = listVisibleRubricQuestions(questionnaire, answers);
  const { minAnsweredPerPillar, minAnsweredPerDimension } = questionnaire.scoring;

  const areas = SCORED_AREA_IDS.map((id): AreaScore => {
    const tally = tallyQuestions(questions.filter((question) => question.pillar === id), visibleAnswers);
    return { id, ...scoreTally(tally, minAnsweredPerPillar, questionnaire.levels) };
  });
  const dimensions = questionnaire.dimensions.map((dimension): DimensionScore => {
    const tally = tallyQuestions(questions.filter((question) => question.dimension === dimension.id), visibleAnswers);
    return {
      id: dimension.id,
      area: dimension.area,
      label: dimension.label,
      ...scoreTally(tally, minAnsweredPerDimension, questionnaire.levels),
    };
  });
  return { areas, dimensions };
}

/** The three pillars in PILLAR_IDS order (the project is scored but is not a pillar). */
export function selectPillarScores(scores: Scores): AreaScore[] {
  return PILLAR_IDS.flatMap((id) => scores.areas.filter((area) => area.id === id));
}

/** The level just above the given one, or null at the top: what the organisation can aim for next. */
export function findNextLevel(levels: readonly Level[], level: Pick<Level, 'id'>): Level | null {
  const sorted = [...levels].sort((a, b) => a.minScore - b.minScore);
  const index = sorted.findIndex((candidate) => candidate.id === level.id);
  return index === -1 ? null : (sorted[index + 1] ?? null);
}
