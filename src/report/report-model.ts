import {
  HORIZONS,
  NOT_APPLICABLE,
  DONT_KNOW,
  PILLAR_IDS,
  SCORED_AREA_IDS,
  isRubricQuestion,
  listQuestions,
  type Level,
  type PillarId,
  type Question,
  type Questionnaire,
  type ScoredAreaId,
  type Toolkit,
} from '../domain/questionnaire-schema';
import {
  isAnswered,
  isQuestionVisible,
  selectVisibleAnswers,
  type AnswersFile,
  type AnswerValue,
  type Answers,
  type PathProgress,
  type PathStepProgress,
} from '../domain/answers';
import { formatAnswer } from '../domain/format-answer';
import { describeHighlight, selectHighlights, type HighlightKind } from '../domain/highlights';
import type { AreaScore, DimensionScore } from '../domain/scoring';
import { compareDiagnoses, type ComparedDiagnosis, type ComparedScore, type DiagnosisComparison } from '../domain/compare-diagnoses';
import type { Diagnosis } from '../domain/diagnose';
import type { PathStep } from '../domain/toolkit-path';
import { PILLAR_LABELS } from '../domain/pillars';
import { REPORT_TIME_ZONE, buildReportFileName, formatIsoDay } from './file-names';
import { RESPONDENT_ROLE_LABELS } from '../domain/respondents';
import { FORMAT_LABELS, HORIZON_HEADINGS, KIND_LABELS, REPORT_WORDING as W } from './report-wording';

export interface ReportScore {
  /** 0–100, rounded; null when there is not enough data. */
  score: number | null;
  scoreLabel: string;
  levelLabel: string | null;
  levelDescription: string | null;
}

export interface ReportArea extends ReportScore {
  id: ScoredAreaId;
  label: string;
  countsLabel: string;
}

export interface ReportAnswerRow {
  questionId: string;
  question: string;
  answer: string;
  /** The description of the chosen rubric level, when there is one. */
  detail: string | null;
  /** The chosen rubric level as a rank ("niveau 2 sur 4"), for rubric answers only. */
  level: { rank: number; count: number; label: string } | null;
  status: 'answered' | 'not-applicable' | 'dont-know' | 'unanswered';
}

export interface ReportDimension extends ReportScore {
  id: string;
  label: string;
  answers: ReportAnswerRow[];
}

export interface ReportPillarSection extends ReportArea {
  id: PillarId;
  dimensions: ReportDimension[];
  otherAnswers: ReportAnswerRow[];
}

export interface ReportPathStep {
  number: number;
  toolId: string;
  title: string;
  description: string;
  kindLabel: string;
  pillarLabel: string | null;
  formatLabel: string;
  duration: string;
  publisher: string;
  url: string | null;
  reason: string;
  horizonLabel: string;
  status: PathStepProgress['status'];
  statusLabel: string;
  /** The organisation's own note on this step, from the synthesis. */
  note: string | null;
}

export interface ReportPathGroup {
  horizon: (typeof HORIZONS)[number];
  heading: string;
  steps: ReportPathStep[];
}

export interface ReportAnnexStep {
  id: string;
  title: string;
  answers: ReportAnswerRow[];
}

export interface ReportLevelRow {
  label: string;
  range: string;
  description: string;
  minScore: number;
}

/** One line of the summary's forces or points de vigilance, written as a sentence. */
export interface ReportHighlight {
  source: 'dimension' | 'flag';
  text: string;
}

export type ReportSectionId = 'cover' | 'summary' | 'evolution' | PillarId | 'path' | 'annex' | 'method';

/** One side of a comparison, written: « 45 / 100 » and its level, or why there is no score. */
export interface ReportEvolutionScore {
  score: number | null;
  scoreLabel: string;
  levelLabel: string | null;
}

export interface ReportEvolutionRow {
  id: string;
  label: string;
  before: ReportEvolutionScore;
  after: ReportEvolutionScore;
  /** Points; null when either side has no score. */
  delta: number | null;
  /** « +12 points », « stable » or « non comparable »: the sign is written, never only coloured. */
  deltaLabel: string;
}

export interface ReportEvolutionChangedAnswer {
  questionId: string;
  question: string;
  before: string;
  after: string;
  /** False when the question had no answer on that side (printed muted). */
  hasBefore: boolean;
  hasAfter: boolean;
}

/** « Évolution depuis le … »: this diagnosis beside an earlier one of the same organisation. */
export interface ReportEvolution {
  heading: string;
  intro: string;
  /** Said when the two diagnoses answer different questionnaires (express and complet). */
  questionnaireNote: string | null;
  columns: { area: string; dimension: string; bars: string; before: string; after: string; change: string };
  legend: string;
  /** The project, then the three pillars. */
  areas: ReportEvolutionRow[];
  dimensionsHeading: string;
  /** The dimensions by area, in the newer questionnaire's order. */
  dimensionGroups: { areaId: ScoredAreaId; title: string; rows: ReportEvolutionRow[] }[];
  changedAnswersHeading: string;
  changedAnswersIntro: string;
  changedAnswersColumns: { question: string; before: string; after: string };
  /** By step, in questionnaire order. */
  changedAnswerGroups: { title: string; rows: ReportEvolutionChangedAnswer[] }[];
  stepsDoneHeading: string;
  stepsDone: { toolId: string; title: string }[];
  noStepsDone: string;
}

export interface ReportModel {
  fileName: string;
  /** ISO date and time; the PDF's creation date, so the same input gives the same bytes. */
  generatedAt: string;
  documentTitle: string;
  subject: string;
  organisationName: string;
  dateLabel: string;
  footerLabel: string;
  /** The sections in the order they are printed, each starting on a new page. */
  outline: { id: ReportSectionId; title: string }[];
  cover: {
    title: string;
    organisationName: string;
    dateLabel: string;
    questionnaireLabel: string;
    respondentLabel: string | null;
    intro: string;
    privacyNote: string;
  };
  summary: {
    heading: string;
    intro: string;
    chartCaption: string;
    areas: ReportArea[];
    levelThresholds: { label: string; minScore: number }[];
    flagsHeading: string;
    flags: string[];
    noFlagsText: string;
    strengthsHeading: string;
    /** The three strongest dimensions. */
    strengths: ReportHighlight[];
    /** The three weakest dimensions, then every coherence flag. */
    watchPoints: ReportHighlight[];
    firstStepsHeading: string;
    /** The head of the path: where the board starts. */
    firstSteps: ReportPathStep[];
    moreStepsCount: number;
  };
  /** Only when the report compares this diagnosis with an earlier one. */
  evolution?: ReportEvolution;
  pillars: ReportPillarSection[];
  path: { heading: string; intro: string; progressLabel: string | null; groups: ReportPathGroup[]; emptyText: string };
  annex: { heading: string; intro: string; steps: ReportAnnexStep[] };
  method: { heading: string; paragraphs: string[]; levelsHeading: string; levels: ReportLevelRow[] };
}

export interface BuildReportModelInput {
  questionnaire: Questionnaire;
  toolkit?: Toolkit;
  file: AnswersFile;
  diagnosis: Diagnosis;
  generatedAt: Date;
  /** An earlier diagnosis of the same organisation: the report then gains « Évolution depuis le … ». */
  evolution?: { older: ComparedDiagnosis };
}

// The report, the CSV and the comparison of two diagnoses write answers alike: the rule lives in the domain.
export { formatAnswer };

const longDateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: REPORT_TIME_ZONE });
const FIRST_STEP_COUNT = 3;

export function buildReportModel({ questionnaire, toolkit, file, diagnosis, generatedAt: clock, evolution: compared }: BuildReportModelInput): ReportModel {
  const generatedAt = pinToReportDay(clock);
  const answers = selectVisibleAnswers(questionnaire, file.answers);
  const organisationName = readOrganisationName(questionnaire, answers);
  const dateLabel = formatReportDate(generatedAt);
  const pathGroups = buildPathGroups(diagnosis.path, file.pathProgress ?? {});
  const pathSteps = pathGroups.flatMap((group) => group.steps);
  const pillars = diagnosis.pillars
    .filter((area): area is AreaScore & { id: PillarId } => isPillarId(area.id))
    .map((area) => buildPillarSection(questionnaire, answers, area, diagnosis.scores.dimensions));
  const highlights = buildHighlights(questionnaire, diagnosis);
  const levels = sortLevels(questionnaire.levels);
  const areas = [diagnosis.project, ...diagnosis.pillars].map((area) => buildArea(area));
  const respondent = file.respondent;
  const respondentName = respondent.name?.trim();
  const evolution = compared
    ? buildEvolution(compareDiagnoses(compared.older, { questionnaire, file }, toolkit ?? EMPTY_TOOLKIT))
    : undefined;

  return {
    fileName: buildReportFileName(organisationName, generatedAt),
    generatedAt: generatedAt.toISOString(),
    documentTitle: W.documentTitle,
    subject: W.subject,
    organisationName,
    dateLabel,
    footerLabel: W.footer(organisationName, dateLabel),
    outline: [
      { id: 'cover', title: W.documentTitle },
      { id: 'summary', title: W.summaryHeading },
      ...(evolution ? [{ id: 'evolution' as const, title: evolution.heading }] : []),
      ...pillars.map((pillar) => ({ id: pillar.id, title: pillar.label })),
      { id: 'path', title: W.pathHeading },
      { id: 'annex', title: W.annexHeading },
      { id: 'method', title: W.methodHeading },
    ],
    cover: {
      title: W.documentTitle,
      organisationName,
      dateLabel,
      questionnaireLabel: W.questionnaireLabel(questionnaire.title, questionnaire.version),
      respondentLabel: respondentName
        ? W.respondentLabel(respondent.role ? `${respondentName} (${RESPONDENT_ROLE_LABELS[respondent.role].toLowerCase()})` : respondentName)
        : null,
      intro: W.coverIntro,
      privacyNote: W.privacyNote,
    },
    summary: {
      heading: W.summaryHeading,
      intro: W.summaryIntro,
      chartCaption: W.radarCaption,
      areas,
      levelThresholds: levels.map((level) => ({ label: level.label, minScore: level.minScore })),
      flagsHeading: W.flagsHeading,
      flags: diagnosis.flags.map((flag) => flag.message),
      noFlagsText: W.noFlags,
      strengthsHeading: W.strengthsHeading,
      strengths: highlights.strengths,
      watchPoints: highlights.watchPoints,
      firstStepsHeading: W.firstStepsHeading,
      firstSteps: pathSteps.slice(0, FIRST_STEP_COUNT),
      moreStepsCount: Math.max(0, pathSteps.length - FIRST_STEP_COUNT),
    },
    // Left out, not undefined, without a comparison: the model (and so the PDF's id) stays as it was.
    ...(evolution ? { evolution } : {}),
    pillars,
    path: {
      heading: W.pathHeading,
      intro: W.pathIntro,
      progressLabel: describeProgress(pathSteps),
      groups: pathGroups,
      emptyText: W.noPath,
    },
    annex: {
      heading: W.annexHeading,
      intro: W.annexIntro,
      steps: questionnaire.steps.map((step) => ({
        id: step.id,
        title: step.title,
        answers: step.questions
          .filter((question) => isQuestionVisible(question, answers))
          .map((question) => buildAnswerRow(question, answers[question.id])),
      })),
    },
    method: {
      heading: W.methodHeading,
      paragraphs: buildMethodParagraphs(questionnaire, toolkit),
      levelsHeading: W.levelsHeading,
      levels: buildLevelRows(questionnaire.levels),
    },
  };
}

// Without a catalogue no step title can be read: no step is listed as done since.
const EMPTY_TOOLKIT: Toolkit = { id: 'aucun', version: '0.0.0', locale: 'fr-FR', tools: [] };

/** The comparison in the report's words: rows with written scores and signs, answers grouped by step. */
export function buildEvolution(comparison: DiagnosisComparison): ReportEvolution {
  const olderDate = formatEvolutionDate(new Date(comparison.older.updatedAt));
  const dimensionGroups = SCORED_AREA_IDS.map((areaId) => ({
    areaId,
    title: PILLAR_LABELS[areaId],
    rows: comparison.dimensions.filter((dimension) => dimension.area === areaId).map(buildEvolutionRow),
  })).filter((group) => group.rows.length > 0);
  const changedAnswerGroups: ReportEvolution['changedAnswerGroups'] = [];
  for (const change of comparison.changedAnswers) {
    const row: ReportEvolutionChangedAnswer = {
      questionId: change.questionId,
      question: change.label,
      before: change.before ?? (change.isInOlder ? W.unanswered : W.notAsked),
      after: change.after ?? (change.isInNewer ? W.unanswered : W.notAsked),
      hasBefore: change.before !== null,
      hasAfter: change.after !== null,
    };
    const group = changedAnswerGroups.find((candidate) => candidate.title === change.stepTitle);
    if (group) group.rows.push(row);
    else changedAnswerGroups.push({ title: change.stepTitle, rows: [row] });
  }
  return {
    heading: W.evolutionHeading(olderDate),
    intro: W.evolutionIntro(olderDate),
    questionnaireNote: comparison.sameQuestionnaire
      ? null
      : W.evolutionOtherQuestionnaire(comparison.older.questionnaire.title, comparison.newer.questionnaire.title),
    columns: W.evolutionColumns,
    legend: W.evolutionLegend,
    areas: comparison.areas.map(buildEvolutionRow),
    dimensionsHeading: W.evolutionDimensionsHeading,
    dimensionGroups,
    changedAnswersHeading: W.changedAnswersHeading,
    changedAnswersIntro: W.changedAnswersIntro(comparison.changedAnswers.length),
    changedAnswersColumns: W.changedAnswersColumns,
    changedAnswerGroups,
    stepsDoneHeading: W.stepsDoneHeading,
    stepsDone: comparison.stepsDoneSince.map((step) => ({ toolId: step.toolId, title: step.title })),
    noStepsDone: W.noStepsDone,
  };
}

function buildEvolutionRow(row: { id: string; label: string; before: ComparedScore | null; after: ComparedScore | null; delta: number | null }): ReportEvolutionRow {
  return {
    id: row.id,
    label: row.label,
    before: buildEvolutionScore(row.before),
    after: buildEvolutionScore(row.after),
    delta: row.delta,
    deltaLabel: describeDelta(row.delta),
  };
}

function buildEvolutionScore(score: ComparedScore | null): ReportEvolutionScore {
  if (score === null) return { score: null, scoreLabel: W.notInQuestionnaire, levelLabel: null };
  const written = buildScore({ ...score, level: null });
  return { score: written.score, scoreLabel: written.scoreLabel, levelLabel: written.score === null ? null : score.levelLabel };
}

/** « +12 points », « −3 points », « stable », or « non comparable » when a side has no score. */
export function describeDelta(delta: number | null): string {
  return delta === null ? W.notComparable : W.evolutionDelta(delta);
}

/** « 1er mars 2027 », « 20 novembre 2026 »: French writes the first of the month as an ordinal. */
export function formatEvolutionDate(date: Date): string {
  return formatReportDate(date).replace(/^1 /, '1er ');
}

/** The levels from the lowest, each with the range of scores it covers. */
export function buildLevelRows(levels: readonly Level[]): ReportLevelRow[] {
  const sorted = sortLevels(levels);
  return sorted.map((level, index) => ({
    label: level.label,
    minScore: level.minScore,
    range: W.levelRange(level.minScore, sorted[index + 1]?.minScore ?? null),
    description: level.description,
  }));
}

/** The three strongest dimensions; the three weakest, then every coherence flag. */
export function buildHighlights(questionnaire: Questionnaire, diagnosis: Diagnosis): { strengths: ReportHighlight[]; watchPoints: ReportHighlight[] } {
  const highlights = selectHighlights(diagnosis.scores);
  return {
    strengths: highlights.strengths.map((dimension) => describeDimension(dimension, 'strength', questionnaire.levels)),
    watchPoints: [
      ...highlights.fragilities.map((dimension) => describeDimension(dimension, 'fragility', questionnaire.levels)),
      ...diagnosis.flags.map((flag): ReportHighlight => ({ source: 'flag', text: flag.message })),
    ],
  };
}

/**
 * A report is dated by its day in Paris, not by the second: two downloads on the same day, or the
 * command line given that day, print the very same bytes. Noon UTC is that day in Paris all year.
 */
export function pinToReportDay(date: Date): Date {
  return new Date(`${formatIsoDay(date)}T12:00:00Z`);
}

export function formatReportDate(date: Date): string {
  return longDateFormat.format(date);
}

export function readOrganisationName(questionnaire: Questionnaire, answers: Answers): string {
  const value = answers[questionnaire.bindings.organisationName];
  const name = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  return name === '' ? W.fallbackOrganisationName : name;
}

function isPillarId(id: ScoredAreaId): id is PillarId {
  return (PILLAR_IDS as readonly string[]).includes(id);
}

export function sortLevels(levels: readonly Level[]): Level[] {
  return [...levels].sort((a, b) => a.minScore - b.minScore);
}

export function buildScore(score: Pick<AreaScore, 'score' | 'level' | 'isInsufficient' | 'isNotApplicable'>): ReportScore {
  if (score.isNotApplicable) return { score: null, scoreLabel: W.notApplicable, levelLabel: null, levelDescription: W.notApplicableDetail };
  if (score.score === null || score.isInsufficient) {
    return { score: null, scoreLabel: W.insufficientData, levelLabel: null, levelDescription: W.insufficientDataDetail };
  }
  const rounded = Math.round(score.score);
  return {
    score: rounded,
    scoreLabel: W.scoreLabel(rounded),
    levelLabel: score.level?.label ?? null,
    levelDescription: score.level?.description ?? null,
  };
}

function describeDimension(dimension: DimensionScore, kind: HighlightKind, levels: readonly Level[]): ReportHighlight {
  return { source: 'dimension', text: describeHighlight(dimension, kind, levels) };
}

function describeProgress(steps: readonly ReportPathStep[]): string | null {
  if (!steps.some((step) => step.status !== 'todo' || step.note !== null)) return null;
  const count = (status: ReportPathStep['status']) => steps.filter((step) => step.status === status).length;
  return W.pathProgress(count('done'), count('not-relevant'), count('todo'));
}

export function buildArea(area: AreaScore): ReportArea {
  return { id: area.id, label: PILLAR_LABELS[area.id], countsLabel: formatCounts(area), ...buildScore(area) };
}

function formatCounts(area: Pick<AreaScore, 'answeredCount' | 'questionCount' | 'notApplicableCount' | 'dontKnowCount'>): string {
  return [
    W.answeredCount(area.answeredCount, area.questionCount),
    ...(area.notApplicableCount > 0 ? [W.notApplicableCount(area.notApplicableCount)] : []),
    ...(area.dontKnowCount > 0 ? [W.dontKnowCount(area.dontKnowCount)] : []),
  ].join(' · ');
}

function buildPillarSection(
  questionnaire: Questionnaire,
  answers: Answers,
  area: AreaScore & { id: PillarId },
  dimensionScores: readonly DimensionScore[],
): ReportPillarSection {
  const questions = listQuestions(questionnaire).filter((question) => isQuestionVisible(question, answers) && isAnswered(answers[question.id]));
  const rubricQuestions = questions.filter(isRubricQuestion).filter((question) => question.pillar === area.id);
  const pillarStep = questionnaire.steps.find((step) => step.id === area.id);
  const otherQuestions = (pillarStep?.questions ?? []).filter(
    (question) => !isRubricQuestion(question) && isQuestionVisible(question, answers) && isAnswered(answers[question.id]),
  );
  const dimensions = dimensionScores
    .filter((dimension) => dimension.area === area.id)
    .map((dimension) => ({
      id: dimension.id,
      label: dimension.label,
      ...buildScore(dimension),
      answers: rubricQuestions
        .filter((question) => question.dimension === dimension.id)
        .map((question) => buildAnswerRow(question, answers[question.id])),
    }));
  return {
    ...buildArea(area),
    id: area.id,
    dimensions,
    otherAnswers: otherQuestions.map((question) => buildAnswerRow(question, answers[question.id])),
  };
}

export function buildAnswerRow(question: Question, value: AnswerValue | undefined): ReportAnswerRow {
  const row = (
    answer: string,
    status: ReportAnswerRow['status'],
    detail: string | null = null,
    level: ReportAnswerRow['level'] = null,
  ): ReportAnswerRow => ({
    questionId: question.id,
    question: question.label,
    answer,
    detail,
    level,
    status,
  });
  if (!isAnswered(value)) return row(W.unanswered, 'unanswered');
  if (value === NOT_APPLICABLE) return row(W.notApplicable, 'not-applicable');
  if (value === DONT_KNOW) return row(W.dontKnow, 'dont-know');
  if (question.type === 'single' && typeof value === 'string') {
    const option = question.options.find((candidate) => candidate.id === value);
    if (!option) return row(value, 'answered');
    if (!isRubricQuestion(question) || option.score === undefined) return row(option.label, 'answered');
    const count = question.options.length;
    return row(option.label, 'answered', option.description ?? null, { rank: option.score, count, label: W.answerLevel(option.score, count) });
  }
  return row(formatAnswer(question, value as AnswerValue), 'answered');
}

export function buildPathGroups(path: readonly PathStep[], progress: PathProgress): ReportPathGroup[] {
  const ordered = [...path].sort((a, b) => HORIZONS.indexOf(a.horizon) - HORIZONS.indexOf(b.horizon) || a.order - b.order);
  return HORIZONS.map((horizon) => ({
    horizon,
    heading: HORIZON_HEADINGS[horizon],
    steps: ordered
      .map((step, index) => ({ step, number: index + 1 }))
      .filter(({ step }) => step.horizon === horizon)
      .map(({ step, number }) => ({
        number,
        toolId: step.toolId,
        title: step.tool.title,
        description: step.tool.description,
        kindLabel: KIND_LABELS[step.kind],
        pillarLabel: step.pillar ? PILLAR_LABELS[step.pillar] : null,
        formatLabel: FORMAT_LABELS[step.tool.format],
        duration: step.tool.duration,
        publisher: step.tool.publisher,
        url: step.tool.url ?? null,
        reason: step.reason,
        horizonLabel: HORIZON_HEADINGS[horizon],
        status: progress[step.toolId]?.status ?? 'todo',
        statusLabel: W.stepStatus[progress[step.toolId]?.status ?? 'todo'],
        note: progress[step.toolId]?.note?.trim() || null,
      })),
  })).filter((group) => group.steps.length > 0);
}

function buildMethodParagraphs(questionnaire: Questionnaire, toolkit: Toolkit | undefined): string[] {
  return [
    ...buildScoringMethodParagraphs(questionnaire),
    [
      `Questionnaire « ${questionnaire.title} » (${questionnaire.id}), version ${questionnaire.version}`,
      ...(toolkit ? [`catalogue d’outils ${toolkit.id}, version ${toolkit.version}`] : []),
    ].join(' ; ') + '.',
  ];
}

/** How scores, flags and the path are made: the same for one respondent and for a group's consensus. */
export function buildScoringMethodParagraphs(questionnaire: Questionnaire): string[] {
  const { minAnsweredPerPillar, minAnsweredPerDimension } = questionnaire.scoring;
  return [
    'Chaque question notée propose quatre réponses décrites, de la situation la plus fragile (1) à la plus solide (4). Une réponse de rang n vaut (n − 1) / 3 : 0 pour la première, 1 pour la quatrième.',
    'Le score d’une dimension, d’un pilier ou du projet est la moyenne de ces valeurs, pondérée par le poids de chaque question, puis ramenée sur 100 et arrondie à l’unité.',
    'Les réponses « Non concerné » et « Je ne sais pas » sont conservées dans le rapport mais exclues du calcul. Les « Je ne sais pas » orientent vers des outils pour faire le point sur la question.',
    `Un pilier n’est noté qu’à partir de ${minAnsweredPerPillar} réponse${minAnsweredPerPillar > 1 ? 's' : ''} notée${minAnsweredPerPillar > 1 ? 's' : ''}, une dimension à partir de ${minAnsweredPerDimension} ; en dessous, le rapport indique « ${W.insufficientData} ».`,
    'Les points de vigilance viennent de contrôles de cohérence déclarés dans le questionnaire, par exemple un écart important entre piliers ou un financeur qui porte l’essentiel du budget.',
    'Le Parcours A.D.O.C. retient dans le catalogue les outils qui correspondent au niveau de chaque pilier, aux points de vigilance et aux « Je ne sais pas », en tenant compte des priorités indiquées, puis les classe par horizon.',
    'La grille de questions, ses pondérations et les seuils des niveaux sont propres à cet outil : ils s’inspirent du modèle socio-économique en trois piliers sans constituer une mesure officielle.',
  ];
}

// The file names live in their own module so that the first load can name an export without this model.
export { buildAnswersFileName, buildReportFileName, formatIsoDay, slugifyOrganisationName } from './file-names';
