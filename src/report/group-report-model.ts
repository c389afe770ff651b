import { listVisibleQuestionIds, selectVisibleAnswers, type Answers } from '../domain/answers';
import { diagnose } from '../domain/diagnose';
import { DONT_KNOW, NOT_APPLICABLE } from '../domain/questionnaire-schema';
import {
  aggregateGroup,
  buildConsensusAnswers,
  selectLeastConsensus,
  type AreaSpread,
  type DimensionSpread,
  type Group,
  type GroupAggregate,
  type QuestionDivergence,
} from '../domain/group';
import { isRubricQuestion, listQuestions, type Questionnaire, type Toolkit } from '../domain/questionnaire-schema';
import { labelRespondent } from '../domain/respondents';
import {
  buildAnswerRow,
  buildArea,
  buildHighlights,
  buildLevelRows,
  buildPathGroups,
  buildScoringMethodParagraphs,
  formatIsoDay,
  formatReportDate,
  pinToReportDay,
  readOrganisationName,
  slugifyOrganisationName,
  sortLevels,
  type ReportArea,
  type ReportHighlight,
  type ReportLevelRow,
  type ReportPathGroup,
} from './report-model';
import { FRENCH_REPORT_WORDING, type ReportWording } from './report-wording';

export type GroupReportSectionId = 'cover' | 'participants' | 'distributions' | 'least-consensus' | 'consensus' | 'path' | 'method';

export interface GroupReportLevelCount {
  /** A level id, or 'insufficient' for the respondents who could not be scored. */
  level: string;
  label: string;
  count: number;
}

export interface GroupReportDimension {
  id: string;
  label: string;
  mean: number | null;
  min: number | null;
  max: number | null;
  valueLabel: string;
}

export interface GroupReportArea {
  id: AreaSpread['id'];
  label: string;
  mean: number | null;
  min: number | null;
  max: number | null;
  summary: string;
  /** The mean and the range, as the dimension rows print them. */
  valueLabel: string;
  countsLabel: string;
  /** Every level from the lowest, then the respondents who could not be scored. */
  distribution: GroupReportLevelCount[];
  dimensions: GroupReportDimension[];
}

export interface GroupReportAnswerCount {
  label: string;
  /** "niveau 2" for a rubric option; null for « Je ne sais pas » and « Non concerné ». */
  levelLabel: string | null;
  count: number;
  countLabel: string;
}

export interface GroupReportDivergence {
  rank: number;
  questionId: string;
  question: string;
  /** The area and the dimension the question belongs to. */
  context: string;
  divergence: number;
  divergenceLabel: string;
  ratedLabel: string;
  answers: GroupReportAnswerCount[];
  consensusAnswer: string;
}

export interface GroupReportModel {
  fileName: string;
  /** ISO date and time; the PDF's creation date, so the same input gives the same bytes. */
  generatedAt: string;
  documentTitle: string;
  subject: string;
  runningTitle: string;
  organisationName: string;
  dateLabel: string;
  respondentCount: number;
  outline: { id: GroupReportSectionId; title: string }[];
  cover: { title: string; organisationName: string; dateLabel: string; respondentsLabel: string; questionnaireLabel: string; intro: string; privacyNote: string };
  participants: {
    heading: string;
    intro: string;
    rolesHeading: string;
    roles: { label: string; count: number; countLabel: string }[];
    respondentsHeading: string;
    columns: { number: string; respondent: string; version: string; date: string };
    respondents: { number: number; label: string; version: string; dateLabel: string }[];
  };
  distributions: {
    heading: string;
    intro: string;
    levelsCaption: string;
    dimensionsHeading: string;
    rangeLegend: string;
    /** The project first, then the three pillars. */
    areas: GroupReportArea[];
    /** Mean score per role and area; null with a single role (it would repeat the areas). */
    byRole: { heading: string; intro: string; columns: { role: string; count: string; areas: string[] }; rows: { label: string; count: number; values: string[] }[] } | null;
  };
  leastConsensus: { heading: string; intro: string; explanation: string; items: GroupReportDivergence[] };
  consensus: {
    heading: string;
    intro: string;
    sourcesLabel: string;
    chartCaption: string;
    areas: ReportArea[];
    levelThresholds: { label: string; minScore: number }[];
    strengthsHeading: string;
    strengths: ReportHighlight[];
    watchPointsHeading: string;
    watchPoints: ReportHighlight[];
  };
  path: { heading: string; intro: string; groups: ReportPathGroup[]; emptyText: string };
  method: { heading: string; paragraphs: string[]; levelsHeading: string; levels: ReportLevelRow[] };
}

export interface BuildGroupReportModelInput {
  questionnaire: Questionnaire;
  toolkit: Toolkit;
  group: Group;
  generatedAt: Date;
  /** Names are printed only when the facilitator turned them on; otherwise « Répondant·e 3 · Bénévole ». */
  showNames: boolean;
  /** The report's language (`loadReportWording`); French when left out. */
  wording?: ReportWording;
}

const LEAST_CONSENSUS_COUNT = 5;

export function buildGroupReportModel({
  questionnaire,
  toolkit,
  group,
  generatedAt: clock,
  showNames,
  wording = FRENCH_REPORT_WORDING,
}: BuildGroupReportModelInput): GroupReportModel {
  const { t } = wording;
  const generatedAt = pinToReportDay(clock);
  const files = group.members.map((member) => member.file);
  const aggregate = aggregateGroup(questionnaire, files);
  const consensusAnswers = selectVisibleAnswers(questionnaire, buildConsensusAnswers(questionnaire, group));
  const agreedIds = listAgreedQuestionIds(questionnaire, group, consensusAnswers);
  const diagnosis = diagnose(questionnaire, toolkit, consensusAnswers, wording.diagnosis);
  const organisationName = readOrganisationName(questionnaire, consensusAnswers, wording);
  const dateLabel = formatReportDate(generatedAt, wording);
  const respondentCount = aggregate.respondentCount;
  const highlights = buildHighlights(questionnaire, diagnosis, wording);
  const leastConsensus = selectLeastConsensus(aggregate, LEAST_CONSENSUS_COUNT);
  const roleLabels = wording.respondents.roleLabels;
  const proposedCount = Object.keys(consensusAnswers).length - agreedIds.size;

  return {
    fileName: `${buildGroupFileBaseName(organisationName, generatedAt)}.pdf`,
    generatedAt: generatedAt.toISOString(),
    documentTitle: t('group.documentTitle'),
    subject: t('group.subject'),
    runningTitle: t('group.runningTitle'),
    organisationName,
    dateLabel,
    respondentCount,
    outline: [
      { id: 'cover', title: t('group.documentTitle') },
      { id: 'participants', title: t('group.participantsHeading') },
      { id: 'distributions', title: t('group.distributionsHeading') },
      { id: 'least-consensus', title: t('group.leastConsensusHeading') },
      { id: 'consensus', title: t('group.consensusHeading') },
      { id: 'path', title: t('single.pathHeading') },
      { id: 'method', title: t('single.methodHeading') },
    ],
    cover: {
      title: t('group.documentTitle'),
      organisationName,
      dateLabel,
      respondentsLabel: t('group.respondentCount', { count: respondentCount }),
      questionnaireLabel: t('single.questionnaireLabel', { title: questionnaire.title, version: questionnaire.version }),
      intro: t('group.coverIntro'),
      privacyNote: t('group.privacyNote'),
    },
    participants: {
      heading: t('group.participantsHeading'),
      intro: showNames ? t('group.participantsIntroNamed') : t('group.participantsIntroAnonymous'),
      rolesHeading: t('group.rolesHeading'),
      roles: aggregate.roles.map((role) => ({ label: roleLabels[role.role], count: role.count, countLabel: t('group.respondentCount', { count: role.count }) })),
      respondentsHeading: t('group.respondentsHeading'),
      columns: {
        number: t('group.participantsColumns.number'),
        respondent: t('group.participantsColumns.respondent'),
        version: t('group.participantsColumns.version'),
        date: t('group.participantsColumns.date'),
      },
      respondents: files.map((file, index) => ({
        number: index + 1,
        label: labelRespondent(file, index + 1, { showNames, wording: wording.respondents }),
        version: file.questionnaire.version,
        dateLabel: formatReportDate(new Date(file.updatedAt), wording),
      })),
    },
    distributions: {
      heading: t('group.distributionsHeading'),
      intro: t('group.distributionsIntro'),
      levelsCaption: t('group.levelsCaption'),
      dimensionsHeading: t('group.dimensionsHeading'),
      rangeLegend: t('group.rangeLegend'),
      areas: aggregate.areas.map((area) => buildGroupArea(questionnaire, area, aggregate.dimensions, respondentCount, wording)),
      byRole: buildByRole(aggregate, wording),
    },
    leastConsensus: {
      heading: t('group.leastConsensusHeading'),
      intro: leastConsensus.length === 0 ? t('group.noDivergence') : t('group.leastConsensusIntro', { count: leastConsensus.length }),
      explanation: t('group.divergenceExplanation'),
      items: leastConsensus.map((item, index) => buildDivergence(questionnaire, item, index + 1, consensusAnswers, agreedIds, wording)),
    },
    consensus: {
      heading: t('group.consensusHeading'),
      intro: t('group.consensusIntro'),
      sourcesLabel: t('group.consensusSources', {
        agreed: t('group.agreedAnswers', { count: agreedIds.size }),
        proposed: t('group.proposedAnswers', { count: proposedCount }),
      }),
      chartCaption: t('single.radarCaption'),
      areas: [diagnosis.project, ...diagnosis.pillars].map((area) => buildArea(area, wording)),
      levelThresholds: sortLevels(questionnaire.levels).map((level) => ({ label: level.label, minScore: level.minScore })),
      strengthsHeading: t('single.strengthsHeading'),
      strengths: highlights.strengths,
      watchPointsHeading: t('single.flagsHeading'),
      watchPoints: highlights.watchPoints,
    },
    path: { heading: t('single.pathHeading'), intro: t('group.pathIntro'), groups: buildPathGroups(diagnosis.path, {}, wording), emptyText: t('single.noPath') },
    method: {
      heading: t('single.methodHeading'),
      paragraphs: [
        t('group.method.respondents'),
        t('group.method.divergence'),
        t('group.method.consensus', {
          agreed: agreedIds.size === 0 ? t('group.method.noneAgreed') : t('group.method.agreed', { count: agreedIds.size }),
        }),
        showNames ? t('group.method.anonymityNamed') : t('group.method.anonymityHidden'),
        ...buildScoringMethodParagraphs(questionnaire, wording),
        describeVersions(questionnaire, toolkit, aggregate, wording),
      ],
      levelsHeading: t('single.levelsHeading'),
      levels: buildLevelRows(questionnaire.levels, wording),
    },
  };
}

/** `trajectoires-collectif-<slug>-<yyyy-mm-dd>`: the PDF and the two CSV files add their own ending. */
export function buildGroupFileBaseName(organisationName: string, date: Date): string {
  return `trajectoires-collectif-${slugifyOrganisationName(organisationName)}-${formatIsoDay(date)}`;
}

/** The organisation's name as the consensus answers give it: members may have typed it differently. */
export function readGroupOrganisationName(questionnaire: Questionnaire, group: Group, wording: ReportWording = FRENCH_REPORT_WORDING): string {
  return readOrganisationName(questionnaire, selectVisibleAnswers(questionnaire, buildConsensusAnswers(questionnaire, group)), wording);
}

/** Agreed answers that made it into the consensus (an agreement on a question the consensus hides does not count). */
function listAgreedQuestionIds(questionnaire: Questionnaire, group: Group, consensusAnswers: Answers): Set<string> {
  const visibleIds = listVisibleQuestionIds(questionnaire, consensusAnswers);
  return new Set(Object.keys(group.agreedAnswers).filter((id) => visibleIds.has(id) && consensusAnswers[id] !== undefined));
}

function buildGroupArea(
  questionnaire: Questionnaire,
  area: AreaSpread,
  dimensions: readonly DimensionSpread[],
  respondentCount: number,
  wording: ReportWording,
): GroupReportArea {
  const { t } = wording;
  return {
    id: area.id,
    // The aggregate names areas and the unscored in French: the report names them in its own language.
    label: wording.pillarLabels[area.id],
    mean: area.mean,
    min: area.min,
    max: area.max,
    summary: area.mean === null ? t('group.noScore') : t('group.spreadSummary', { mean: area.mean, min: area.min ?? area.mean, max: area.max ?? area.mean }),
    valueLabel: describeSpreadValue(area, wording),
    countsLabel: t('group.scoredCount', { count: area.scoredCount, total: respondentCount }),
    distribution: sortDistribution(questionnaire, area.distribution, wording),
    dimensions: dimensions
      .filter((dimension) => dimension.area === area.id)
      .map((dimension) => ({
        id: dimension.id,
        label: dimension.label,
        mean: dimension.mean,
        min: dimension.min,
        max: dimension.max,
        valueLabel: describeSpreadValue(dimension, wording),
      })),
  };
}

/** « 45 (de 30 à 60) », « 45 » when everyone agrees, or « Données insuffisantes ». */
function describeSpreadValue({ mean, min, max }: Pick<AreaSpread, 'mean' | 'min' | 'max'>, { t }: ReportWording): string {
  if (mean === null) return t('single.insufficientData');
  return min === max ? `${mean}` : t('group.dimensionRange', { mean, min: min ?? mean, max: max ?? mean });
}

/** From the lowest level to the highest whatever the file's order, then the respondents without a score (only if any). */
function sortDistribution(questionnaire: Questionnaire, distribution: AreaSpread['distribution'], wording: ReportWording): GroupReportLevelCount[] {
  const order = sortLevels(questionnaire.levels).map((level) => level.id);
  const levels = order.flatMap((id) => distribution.filter((entry) => entry.level === id));
  const others = distribution.filter((entry) => !order.includes(entry.level) && entry.count > 0);
  return [...levels, ...others].map((entry) => ({
    level: entry.level,
    label: order.includes(entry.level) ? entry.label : wording.t('single.insufficientData'),
    count: entry.count,
  }));
}

function buildByRole(aggregate: GroupAggregate, wording: ReportWording): GroupReportModel['distributions']['byRole'] {
  const { t } = wording;
  if (aggregate.byRole.length < 2) return null;
  return {
    heading: t('group.byRoleHeading'),
    intro: t('group.byRoleIntro'),
    columns: { role: t('group.byRoleColumns.role'), count: t('group.byRoleColumns.count'), areas: aggregate.areas.map((area) => wording.pillarLabels[area.id]) },
    rows: aggregate.byRole.map((role) => ({
      label: wording.respondents.roleLabels[role.role],
      count: role.count,
      values: aggregate.areas.map((area) => {
        const mean = role.areas.find((candidate) => candidate.id === area.id)?.mean ?? null;
        return mean === null ? '–' : String(mean);
      }),
    })),
  };
}

function buildDivergence(
  questionnaire: Questionnaire,
  item: QuestionDivergence,
  rank: number,
  consensusAnswers: Answers,
  agreedIds: ReadonlySet<string>,
  wording: ReportWording,
): GroupReportDivergence {
  const { t } = wording;
  const question = listQuestions(questionnaire).find((candidate) => candidate.id === item.questionId);
  const dimension = questionnaire.dimensions.find((candidate) => candidate.id === item.dimension);
  const value = consensusAnswers[item.questionId];
  let consensusAnswer: string = t('group.noConsensusAnswer');
  if (question && isRubricQuestion(question) && value !== undefined) {
    const row = buildAnswerRow(question, value, wording);
    const source = agreedIds.has(item.questionId) ? t('group.consensusSource.agreed') : t('group.consensusSource.proposed');
    consensusAnswer = t('group.consensusAnswer', { answer: `${row.answer}${row.level ? ` (${row.level.label})` : ''} · ${source}` });
  }
  return {
    rank,
    questionId: item.questionId,
    question: item.label,
    context: [wording.pillarLabels[item.area], ...(dimension ? [dimension.label] : [])].join(' · '),
    divergence: item.divergence ?? 0,
    divergenceLabel: t('group.divergenceLabel', { divergence: wording.formatDivergence(item.divergence ?? 0) }),
    ratedLabel: t('group.ratedCount', { count: item.ratedCount }),
    answers: item.distribution.map((entry) => ({
      label: entry.value === DONT_KNOW || entry.value === NOT_APPLICABLE ? wording.answers.reservedAnswers[entry.value] : entry.label,
      levelLabel: entry.score === null ? null : t('group.optionLevel', { score: entry.score }),
      count: entry.count,
      countLabel: t('group.answerCount', { count: entry.count }),
    })),
    consensusAnswer,
  };
}

function describeVersions(questionnaire: Questionnaire, toolkit: Toolkit, aggregate: GroupAggregate, { t }: ReportWording): string {
  const answered = aggregate.versions.map((entry) => t('group.method.answeredVersion', { version: entry.version, count: entry.count }));
  const answeredText = answered.length === 0 ? '–' : answered.join(', ');
  return [
    t('group.method.versions', { title: questionnaire.title, id: questionnaire.id, version: questionnaire.version, answered: answeredText }),
    t('single.toolkitVersion', { id: toolkit.id, version: toolkit.version }),
  ].join(t('single.versionsSeparator')) + '.';
}
