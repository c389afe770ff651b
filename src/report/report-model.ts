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
import { describePathReason, type PathStep } from '../domain/toolkit-path';
import { buildReportFileName, formatIsoDay } from './file-names';
import { FRENCH_REPORT_WORDING, type ReportWording } from './report-wording';

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
  /** The report's language (`loadReportWording`); French when left out. Path reasons are re-worded in it. */
  wording?: ReportWording;
}

// The report, the CSV and the comparison of two diagnoses write answers alike: the rule lives in the domain.
export { formatAnswer };

const FIRST_STEP_COUNT = 3;

export function buildReportModel({
  questionnaire,
  toolkit,
  file,
  diagnosis,
  generatedAt: clock,
  evolution: compared,
  wording = FRENCH_REPORT_WORDING,
}: BuildReportModelInput): ReportModel {
  const { t } = wording;
  const generatedAt = pinToReportDay(clock);
  const answers = selectVisibleAnswers(questionnaire, file.answers);
  const organisationName = readOrganisationName(questionnaire, answers, wording);
  const dateLabel = formatReportDate(generatedAt, wording);
  const pathGroups = buildPathGroups(diagnosis.path, file.pathProgress ?? {}, wording);
  const pathSteps = pathGroups.flatMap((group) => group.steps);
  const pillars = diagnosis.pillars
    .filter((area): area is AreaScore & { id: PillarId } => isPillarId(area.id))
    .map((area) => buildPillarSection(questionnaire, answers, area, diagnosis.scores.dimensions, wording));
  const highlights = buildHighlights(questionnaire, diagnosis, wording);
  const levels = sortLevels(questionnaire.levels);
  const areas = [diagnosis.project, ...diagnosis.pillars].map((area) => buildArea(area, wording));
  const respondent = file.respondent;
  const respondentName = respondent.name?.trim();
  const evolution = compared
    ? buildEvolution(compareDiagnoses(compared.older, { questionnaire, file }, toolkit ?? EMPTY_TOOLKIT, wording), wording)
    : undefined;

  return {
    fileName: buildReportFileName(organisationName, generatedAt),
    generatedAt: generatedAt.toISOString(),
    documentTitle: t('single.documentTitle'),
    subject: t('single.subject'),
    organisationName,
    dateLabel,
    footerLabel: t('single.footer', { organisationName, date: dateLabel }),
    outline: [
      { id: 'cover', title: t('single.documentTitle') },
      { id: 'summary', title: t('single.summaryHeading') },
      ...(evolution ? [{ id: 'evolution' as const, title: evolution.heading }] : []),
      ...pillars.map((pillar) => ({ id: pillar.id, title: pillar.label })),
      { id: 'path', title: t('single.pathHeading') },
      { id: 'annex', title: t('single.annexHeading') },
      { id: 'method', title: t('single.methodHeading') },
    ],
    cover: {
      title: t('single.documentTitle'),
      organisationName,
      dateLabel,
      questionnaireLabel: t('single.questionnaireLabel', { title: questionnaire.title, version: questionnaire.version }),
      respondentLabel: respondentName
        ? t('single.respondentLabel', {
            name: respondent.role
              ? t('single.respondentWithRole', { name: respondentName, role: wording.respondents.roleLabels[respondent.role].toLowerCase() })
              : respondentName,
          })
        : null,
      intro: t('single.coverIntro'),
      privacyNote: t('single.privacyNote'),
    },
    summary: {
      heading: t('single.summaryHeading'),
      intro: t('single.summaryIntro'),
      chartCaption: t('single.radarCaption'),
      areas,
      levelThresholds: levels.map((level) => ({ label: level.label, minScore: level.minScore })),
      flagsHeading: t('single.flagsHeading'),
      flags: diagnosis.flags.map((flag) => flag.message),
      noFlagsText: t('single.noFlags'),
      strengthsHeading: t('single.strengthsHeading'),
      strengths: highlights.strengths,
      watchPoints: highlights.watchPoints,
      firstStepsHeading: t('single.firstStepsHeading'),
      firstSteps: pathSteps.slice(0, FIRST_STEP_COUNT),
      moreStepsCount: Math.max(0, pathSteps.length - FIRST_STEP_COUNT),
    },
    // Left out, not undefined, without a comparison: the model (and so the PDF's id) stays as it was.
    ...(evolution ? { evolution } : {}),
    pillars,
    path: {
      heading: t('single.pathHeading'),
      intro: t('single.pathIntro'),
      progressLabel: describeProgress(pathSteps, wording),
      groups: pathGroups,
      emptyText: t('single.noPath'),
    },
    annex: {
      heading: t('single.annexHeading'),
      intro: t('single.annexIntro'),
      steps: questionnaire.steps.map((step) => ({
        id: step.id,
        title: step.title,
        answers: step.questions
          .filter((question) => isQuestionVisible(question, answers))
          .map((question) => buildAnswerRow(question, answers[question.id], wording)),
      })),
    },
    method: {
      heading: t('single.methodHeading'),
      paragraphs: buildMethodParagraphs(questionnaire, toolkit, wording),
      levelsHeading: t('single.levelsHeading'),
      levels: buildLevelRows(questionnaire.levels, wording),
    },
  };
}

// Without a catalogue no step title can be read: no step is listed as done since.
const EMPTY_TOOLKIT: Toolkit = { id: 'aucun', version: '0.0.0', locale: 'fr-FR', tools: [] };

/** The comparison in the report's words: rows with written scores and signs, answers grouped by step. */
export function buildEvolution(comparison: DiagnosisComparison, wording: ReportWording = FRENCH_REPORT_WORDING): ReportEvolution {
  const { t } = wording;
  const olderDate = formatEvolutionDate(new Date(comparison.older.updatedAt), wording);
  const toRow = (row: EvolutionSource) => buildEvolutionRow(row, wording);
  const dimensionGroups = SCORED_AREA_IDS.map((areaId) => ({
    areaId,
    title: wording.pillarLabels[areaId],
    rows: comparison.dimensions.filter((dimension) => dimension.area === areaId).map(toRow),
  })).filter((group) => group.rows.length > 0);
  const changedAnswerGroups: ReportEvolution['changedAnswerGroups'] = [];
  for (const change of comparison.changedAnswers) {
    const row: ReportEvolutionChangedAnswer = {
      questionId: change.questionId,
      question: change.label,
      before: change.before ?? (change.isInOlder ? t('single.unanswered') : t('evolution.notAsked')),
      after: change.after ?? (change.isInNewer ? t('single.unanswered') : t('evolution.notAsked')),
      hasBefore: change.before !== null,
      hasAfter: change.after !== null,
    };
    const group = changedAnswerGroups.find((candidate) => candidate.title === change.stepTitle);
    if (group) group.rows.push(row);
    else changedAnswerGroups.push({ title: change.stepTitle, rows: [row] });
  }
  const changedCount = comparison.changedAnswers.length;
  return {
    heading: t('evolution.heading', { date: olderDate }),
    intro: t('evolution.intro', { date: olderDate }),
    questionnaireNote: comparison.sameQuestionnaire
      ? null
      : t('evolution.otherQuestionnaire', { olderTitle: comparison.older.questionnaire.title, newerTitle: comparison.newer.questionnaire.title }),
    columns: {
      area: t('evolution.columns.area'),
      dimension: t('evolution.columns.dimension'),
      bars: t('evolution.columns.bars'),
      before: t('evolution.columns.before'),
      after: t('evolution.columns.after'),
      change: t('evolution.columns.change'),
    },
    legend: t('evolution.legend'),
    areas: comparison.areas.map(toRow),
    dimensionsHeading: t('evolution.dimensionsHeading'),
    dimensionGroups,
    changedAnswersHeading: t('evolution.changedAnswersHeading'),
    changedAnswersIntro: changedCount === 0 ? t('evolution.noChangedAnswers') : t('evolution.changedAnswers', { count: changedCount }),
    changedAnswersColumns: {
      question: t('evolution.changedAnswersColumns.question'),
      before: t('evolution.changedAnswersColumns.before'),
      after: t('evolution.changedAnswersColumns.after'),
    },
    changedAnswerGroups,
    stepsDoneHeading: t('evolution.stepsDoneHeading'),
    stepsDone: comparison.stepsDoneSince.map((step) => ({ toolId: step.toolId, title: step.title })),
    noStepsDone: t('evolution.noStepsDone'),
  };
}

type EvolutionSource = { id: string; label: string; before: ComparedScore | null; after: ComparedScore | null; delta: number | null };

function buildEvolutionRow(row: EvolutionSource, wording: ReportWording): ReportEvolutionRow {
  return {
    id: row.id,
    // The comparison names areas in French: the report names them in its own language.
    label: isScoredAreaId(row.id) && !('area' in row) ? wording.pillarLabels[row.id] : row.label,
    before: buildEvolutionScore(row.before, wording),
    after: buildEvolutionScore(row.after, wording),
    delta: row.delta,
    deltaLabel: describeDelta(row.delta, wording),
  };
}

function isScoredAreaId(id: string): id is ScoredAreaId {
  return (SCORED_AREA_IDS as readonly string[]).includes(id);
}

function buildEvolutionScore(score: ComparedScore | null, wording: ReportWording): ReportEvolutionScore {
  if (score === null) return { score: null, scoreLabel: wording.t('evolution.notInQuestionnaire'), levelLabel: null };
  const written = buildScore({ ...score, level: null }, wording);
  return { score: written.score, scoreLabel: written.scoreLabel, levelLabel: written.score === null ? null : score.levelLabel };
}

/** « +12 points », « −3 points », « stable », or « non comparable » when a side has no score. */
export function describeDelta(delta: number | null, wording: ReportWording = FRENCH_REPORT_WORDING): string {
  const { t } = wording;
  if (delta === null) return t('evolution.notComparable');
  if (delta === 0) return t('evolution.stable');
  return t(delta > 0 ? 'evolution.up' : 'evolution.down', { count: Math.abs(delta) });
}

/** « 1er mars 2027 », « 20 novembre 2026 »: French writes the first of the month as an ordinal. */
export function formatEvolutionDate(date: Date, wording: ReportWording = FRENCH_REPORT_WORDING): string {
  return wording.formatEvolutionDate(date);
}

/** The levels from the lowest, each with the range of scores it covers. */
export function buildLevelRows(levels: readonly Level[], wording: ReportWording = FRENCH_REPORT_WORDING): ReportLevelRow[] {
  const sorted = sortLevels(levels);
  return sorted.map((level, index) => {
    const max = sorted[index + 1]?.minScore ?? null;
    return {
      label: level.label,
      minScore: level.minScore,
      range: max === null ? wording.t('single.levelRangeFrom', { min: level.minScore }) : wording.t('single.levelRange', { min: level.minScore, max }),
      description: level.description,
    };
  });
}

/** The three strongest dimensions; the three weakest, then every coherence flag. */
export function buildHighlights(
  questionnaire: Questionnaire,
  diagnosis: Diagnosis,
  wording: ReportWording = FRENCH_REPORT_WORDING,
): { strengths: ReportHighlight[]; watchPoints: ReportHighlight[] } {
  const highlights = selectHighlights(diagnosis.scores);
  const describe = (dimension: DimensionScore, kind: HighlightKind): ReportHighlight => ({
    source: 'dimension',
    text: describeHighlight(dimension, kind, questionnaire.levels, wording.highlight),
  });
  return {
    strengths: highlights.strengths.map((dimension) => describe(dimension, 'strength')),
    watchPoints: [
      ...highlights.fragilities.map((dimension) => describe(dimension, 'fragility')),
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

export function formatReportDate(date: Date, wording: ReportWording = FRENCH_REPORT_WORDING): string {
  return wording.formatDate(date);
}

export function readOrganisationName(questionnaire: Questionnaire, answers: Answers, wording: ReportWording = FRENCH_REPORT_WORDING): string {
  const value = answers[questionnaire.bindings.organisationName];
  const name = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  return name === '' ? wording.t('single.fallbackOrganisationName') : name;
}

function isPillarId(id: ScoredAreaId): id is PillarId {
  return (PILLAR_IDS as readonly string[]).includes(id);
}

export function sortLevels(levels: readonly Level[]): Level[] {
  return [...levels].sort((a, b) => a.minScore - b.minScore);
}

export function buildScore(
  score: Pick<AreaScore, 'score' | 'level' | 'isInsufficient' | 'isNotApplicable'>,
  wording: ReportWording = FRENCH_REPORT_WORDING,
): ReportScore {
  const { t } = wording;
  if (score.isNotApplicable) {
    return { score: null, scoreLabel: t('single.notApplicable'), levelLabel: null, levelDescription: t('single.notApplicableDetail') };
  }
  if (score.score === null || score.isInsufficient) {
    return { score: null, scoreLabel: t('single.insufficientData'), levelLabel: null, levelDescription: t('single.insufficientDataDetail') };
  }
  const rounded = Math.round(score.score);
  return {
    score: rounded,
    scoreLabel: t('single.scoreLabel', { score: rounded }),
    levelLabel: score.level?.label ?? null,
    levelDescription: score.level?.description ?? null,
  };
}

function describeProgress(steps: readonly ReportPathStep[], { t }: ReportWording): string | null {
  if (!steps.some((step) => step.status !== 'todo' || step.note !== null)) return null;
  const count = (status: ReportPathStep['status']) => steps.filter((step) => step.status === status).length;
  return t('single.pathProgress', {
    done: t('single.stepsDone', { count: count('done') }),
    notRelevant: t('single.stepsNotRelevant', { count: count('not-relevant') }),
    todo: t('single.stepsTodo', { count: count('todo') }),
  });
}

export function buildArea(area: AreaScore, wording: ReportWording = FRENCH_REPORT_WORDING): ReportArea {
  return { id: area.id, label: wording.pillarLabels[area.id], countsLabel: formatCounts(area, wording), ...buildScore(area, wording) };
}

function formatCounts(area: Pick<AreaScore, 'answeredCount' | 'questionCount' | 'notApplicableCount' | 'dontKnowCount'>, { t }: ReportWording): string {
  return [
    t('single.answeredCount', { count: area.answeredCount, questions: t('single.questionCount', { count: area.questionCount }) }),
    ...(area.notApplicableCount > 0 ? [t('single.notApplicableCount', { count: area.notApplicableCount })] : []),
    ...(area.dontKnowCount > 0 ? [t('single.dontKnowCount', { count: area.dontKnowCount })] : []),
  ].join(' · ');
}

function buildPillarSection(
  questionnaire: Questionnaire,
  answers: Answers,
  area: AreaScore & { id: PillarId },
  dimensionScores: readonly DimensionScore[],
  wording: ReportWording,
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
      ...buildScore(dimension, wording),
      answers: rubricQuestions
        .filter((question) => question.dimension === dimension.id)
        .map((question) => buildAnswerRow(question, answers[question.id], wording)),
    }));
  return {
    ...buildArea(area, wording),
    id: area.id,
    dimensions,
    otherAnswers: otherQuestions.map((question) => buildAnswerRow(question, answers[question.id], wording)),
  };
}

export function buildAnswerRow(question: Question, value: AnswerValue | undefined, wording: ReportWording = FRENCH_REPORT_WORDING): ReportAnswerRow {
  const { t } = wording;
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
  if (!isAnswered(value)) return row(t('single.unanswered'), 'unanswered');
  if (value === NOT_APPLICABLE) return row(t('single.notApplicable'), 'not-applicable');
  if (value === DONT_KNOW) return row(t('single.dontKnow'), 'dont-know');
  if (question.type === 'single' && typeof value === 'string') {
    const option = question.options.find((candidate) => candidate.id === value);
    if (!option) return row(value, 'answered');
    if (!isRubricQuestion(question) || option.score === undefined) return row(option.label, 'answered');
    const count = question.options.length;
    return row(option.label, 'answered', option.description ?? null, { rank: option.score, count, label: t('single.answerLevel', { rank: option.score, count }) });
  }
  return row(formatAnswer(question, value as AnswerValue, wording.answers), 'answered');
}

/** The path by horizon, each step's reason written in the report's language whatever the language it was computed in. */
export function buildPathGroups(path: readonly PathStep[], progress: PathProgress, wording: ReportWording = FRENCH_REPORT_WORDING): ReportPathGroup[] {
  const { t } = wording;
  const ordered = [...path].sort((a, b) => HORIZONS.indexOf(a.horizon) - HORIZONS.indexOf(b.horizon) || a.order - b.order);
  return HORIZONS.map((horizon) => ({
    horizon,
    heading: wording.horizonHeadings[horizon],
    steps: ordered
      .map((step, index) => ({ step, number: index + 1 }))
      .filter(({ step }) => step.horizon === horizon)
      .map(({ step, number }) => ({
        number,
        toolId: step.toolId,
        title: step.tool.title,
        description: step.tool.description,
        kindLabel: wording.kindLabels[step.kind],
        pillarLabel: step.pillar ? wording.pillarLabels[step.pillar] : null,
        formatLabel: wording.formatLabels[step.tool.format],
        duration: step.tool.duration,
        publisher: step.tool.publisher,
        url: step.tool.url ?? null,
        reason: describePathReason(step, wording.diagnosis.path),
        horizonLabel: wording.horizonHeadings[horizon],
        status: progress[step.toolId]?.status ?? 'todo',
        statusLabel: t(`single.stepStatus.${progress[step.toolId]?.status ?? 'todo'}`),
        note: progress[step.toolId]?.note?.trim() || null,
      })),
  })).filter((group) => group.steps.length > 0);
}

function buildMethodParagraphs(questionnaire: Questionnaire, toolkit: Toolkit | undefined, wording: ReportWording): string[] {
  const { t } = wording;
  return [
    ...buildScoringMethodParagraphs(questionnaire, wording),
    [
      t('single.questionnaireVersion', { title: questionnaire.title, id: questionnaire.id, version: questionnaire.version }),
      ...(toolkit ? [t('single.toolkitVersion', { id: toolkit.id, version: toolkit.version })] : []),
    ].join(t('single.versionsSeparator')) + '.',
  ];
}

/** How scores, flags and the path are made: the same for one respondent and for a group's consensus. */
export function buildScoringMethodParagraphs(questionnaire: Questionnaire, wording: ReportWording = FRENCH_REPORT_WORDING): string[] {
  const { t } = wording;
  const { minAnsweredPerPillar, minAnsweredPerDimension } = questionnaire.scoring;
  return [
    t('method.scale'),
    t('method.average'),
    t('method.reserved'),
    t('method.minimum', { count: minAnsweredPerPillar, perDimension: minAnsweredPerDimension, insufficient: t('single.insufficientData') }),
    t('method.flags'),
    t('method.path'),
    t('method.grid'),
  ];
}

// The file names live in their own module so that the first load can name an export without this model.
export { buildAnswersFileName, buildReportFileName, formatIsoDay, slugifyOrganisationName } from './file-names';
