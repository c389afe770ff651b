import { listVisibleQuestionIds, selectVisibleAnswers, type Answers } from '../domain/answers';
import { diagnose } from '../domain/diagnose';
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
import { PILLAR_LABELS } from '../domain/pillars';
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
import { GROUP_REPORT_WORDING as G, REPORT_WORDING as W } from './report-wording';

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
}

const LEAST_CONSENSUS_COUNT = 5;
const divergenceFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function buildGroupReportModel({ questionnaire, toolkit, group, generatedAt: clock, showNames }: BuildGroupReportModelInput): GroupReportModel {
  const generatedAt = pinToReportDay(clock);
  const files = group.members.map((member) => member.file);
  const aggregate = aggregateGroup(questionnaire, files);
  const consensusAnswers = selectVisibleAnswers(questionnaire, buildConsensusAnswers(questionnaire, group));
  const agreedIds = listAgreedQuestionIds(questionnaire, group, consensusAnswers);
  const diagnosis = diagnose(questionnaire, toolkit, consensusAnswers);
  const organisationName = readOrganisationName(questionnaire, consensusAnswers);
  const dateLabel = formatReportDate(generatedAt);
  const respondentCount = aggregate.respondentCount;
  const highlights = buildHighlights(questionnaire, diagnosis);
  const leastConsensus = selectLeastConsensus(aggregate, LEAST_CONSENSUS_COUNT);

  return {
    fileName: `${buildGroupFileBaseName(organisationName, generatedAt)}.pdf`,
    generatedAt: generatedAt.toISOString(),
    documentTitle: G.documentTitle,
    subject: G.subject,
    runningTitle: G.runningTitle,
    organisationName,
    dateLabel,
    respondentCount,
    outline: [
      { id: 'cover', title: G.documentTitle },
      { id: 'participants', title: G.participantsHeading },
      { id: 'distributions', title: G.distributionsHeading },
      { id: 'least-consensus', title: G.leastConsensusHeading },
      { id: 'consensus', title: G.consensusHeading },
      { id: 'path', title: W.pathHeading },
      { id: 'method', title: W.methodHeading },
    ],
    cover: {
      title: G.documentTitle,
      organisationName,
      dateLabel,
      respondentsLabel: G.respondentCount(respondentCount),
      questionnaireLabel: W.questionnaireLabel(questionnaire.title, questionnaire.version),
      intro: G.coverIntro,
      privacyNote: G.privacyNote,
    },
    participants: {
      heading: G.participantsHeading,
      intro: showNames ? G.participantsIntroNamed : G.participantsIntroAnonymous,
      rolesHeading: G.rolesHeading,
      roles: aggregate.roles.map((role) => ({ label: role.label, count: role.count, countLabel: G.respondentCount(role.count) })),
      respondentsHeading: G.respondentsHeading,
      columns: G.participantsColumns,
      respondents: files.map((file, index) => ({
        number: index + 1,
        label: labelRespondent(file, index + 1, { showNames }),
        version: file.questionnaire.version,
        dateLabel: formatReportDate(new Date(file.updatedAt)),
      })),
    },
    distributions: {
      heading: G.distributionsHeading,
      intro: G.distributionsIntro,
      levelsCaption: G.levelsCaption,
      dimensionsHeading: G.dimensionsHeading,
      rangeLegend: G.rangeLegend,
      areas: aggregate.areas.map((area) => buildGroupArea(questionnaire, area, aggregate.dimensions, respondentCount)),
      byRole: buildByRole(aggregate),
    },
    leastConsensus: {
      heading: G.leastConsensusHeading,
      intro: G.leastConsensusIntro(leastConsensus.length),
      explanation: G.divergenceExplanation,
      items: leastConsensus.map((item, index) => buildDivergence(questionnaire, item, index + 1, consensusAnswers, agreedIds)),
    },
    consensus: {
      heading: G.consensusHeading,
      intro: G.consensusIntro,
      sourcesLabel: G.consensusSources(agreedIds.size, Object.keys(consensusAnswers).length - agreedIds.size),
      chartCaption: W.radarCaption,
      areas: [diagnosis.project, ...diagnosis.pillars].map(buildArea),
      levelThresholds: sortLevels(questionnaire.levels).map((level) => ({ label: level.label, minScore: level.minScore })),
      strengthsHeading: W.strengthsHeading,
      strengths: highlights.strengths,
      watchPointsHeading: W.flagsHeading,
      watchPoints: highlights.watchPoints,
    },
    path: { heading: W.pathHeading, intro: G.pathIntro, groups: buildPathGroups(diagnosis.path, {}), emptyText: W.noPath },
    method: {
      heading: W.methodHeading,
      paragraphs: [
        G.methodParagraphs.respondents,
        G.methodParagraphs.divergence,
        G.methodParagraphs.consensus(agreedIds.size),
        G.methodParagraphs.anonymity(showNames),
        ...buildScoringMethodParagraphs(questionnaire),
        describeVersions(questionnaire, toolkit, aggregate),
      ],
      levelsHeading: W.levelsHeading,
      levels: buildLevelRows(questionnaire.levels),
    },
  };
}

/** `trajectoires-collectif-<slug>-<yyyy-mm-dd>`: the PDF and the two CSV files add their own ending. */
export function buildGroupFileBaseName(organisationName: string, date: Date): string {
  return `trajectoires-collectif-${slugifyOrganisationName(organisationName)}-${formatIsoDay(date)}`;
}

/** The organisation's name as the consensus answers give it: members may have typed it differently. */
export function readGroupOrganisationName(questionnaire: Questionnaire, group: Group): string {
  return readOrganisationName(questionnaire, selectVisibleAnswers(questionnaire, buildConsensusAnswers(questionnaire, group)));
}

/** Agreed answers that made it into the consensus (an agreement on a question the consensus hides does not count). */
function listAgreedQuestionIds(questionnaire: Questionnaire, group: Group, consensusAnswers: Answers): Set<string> {
  const visibleIds = listVisibleQuestionIds(questionnaire, consensusAnswers);
  return new Set(Object.keys(group.agreedAnswers).filter((id) => visibleIds.has(id) && consensusAnswers[id] !== undefined));
}

function buildGroupArea(questionnaire: Questionnaire, area: AreaSpread, dimensions: readonly DimensionSpread[], respondentCount: number): GroupReportArea {
  return {
    id: area.id,
    label: area.label,
    mean: area.mean,
    min: area.min,
    max: area.max,
    summary: G.spreadSummary(area.mean, area.min, area.max),
    valueLabel: G.dimensionValue(area.mean, area.min, area.max),
    countsLabel: G.scoredCount(area.scoredCount, respondentCount),
    distribution: sortDistribution(questionnaire, area.distribution),
    dimensions: dimensions
      .filter((dimension) => dimension.area === area.id)
      .map((dimension) => ({
        id: dimension.id,
        label: dimension.label,
        mean: dimension.mean,
        min: dimension.min,
        max: dimension.max,
        valueLabel: G.dimensionValue(dimension.mean, dimension.min, dimension.max),
      })),
  };
}

/** From the lowest level to the highest whatever the file's order, then the respondents without a score (only if any). */
function sortDistribution(questionnaire: Questionnaire, distribution: AreaSpread['distribution']): GroupReportLevelCount[] {
  const order = sortLevels(questionnaire.levels).map((level) => level.id);
  const levels = order.flatMap((id) => distribution.filter((entry) => entry.level === id));
  const others = distribution.filter((entry) => !order.includes(entry.level) && entry.count > 0);
  return [...levels, ...others].map((entry) => ({ level: entry.level, label: entry.label, count: entry.count }));
}

function buildByRole(aggregate: GroupAggregate): GroupReportModel['distributions']['byRole'] {
  if (aggregate.byRole.length < 2) return null;
  return {
    heading: G.byRoleHeading,
    intro: G.byRoleIntro,
    columns: { role: G.byRoleColumns.role, count: G.byRoleColumns.count, areas: aggregate.areas.map((area) => PILLAR_LABELS[area.id]) },
    rows: aggregate.byRole.map((role) => ({
      label: role.label,
      count: role.count,
      values: aggregate.areas.map((area) => G.byRoleValue(role.areas.find((candidate) => candidate.id === area.id)?.mean ?? null)),
    })),
  };
}

function buildDivergence(
  questionnaire: Questionnaire,
  item: QuestionDivergence,
  rank: number,
  consensusAnswers: Answers,
  agreedIds: ReadonlySet<string>,
): GroupReportDivergence {
  const question = listQuestions(questionnaire).find((candidate) => candidate.id === item.questionId);
  const dimension = questionnaire.dimensions.find((candidate) => candidate.id === item.dimension);
  const value = consensusAnswers[item.questionId];
  let consensusAnswer: string = G.noConsensusAnswer;
  if (question && isRubricQuestion(question) && value !== undefined) {
    const row = buildAnswerRow(question, value);
    const source = agreedIds.has(item.questionId) ? G.consensusSource.agreed : G.consensusSource.proposed;
    consensusAnswer = G.consensusAnswer(`${row.answer}${row.level ? ` (${row.level.label})` : ''} · ${source}`);
  }
  return {
    rank,
    questionId: item.questionId,
    question: item.label,
    context: [PILLAR_LABELS[item.area], ...(dimension ? [dimension.label] : [])].join(' · '),
    divergence: item.divergence ?? 0,
    divergenceLabel: G.divergenceLabel(divergenceFormat.format(item.divergence ?? 0)),
    ratedLabel: G.ratedCount(item.ratedCount),
    answers: item.distribution.map((entry) => ({
      label: entry.label,
      levelLabel: entry.score === null ? null : G.optionLevel(entry.score),
      count: entry.count,
      countLabel: G.answerCount(entry.count),
    })),
    consensusAnswer,
  };
}

function describeVersions(questionnaire: Questionnaire, toolkit: Toolkit, aggregate: GroupAggregate): string {
  const answered = aggregate.versions.map((entry) => G.methodParagraphs.answeredVersion(entry.version, entry.count));
  const answeredText = answered.length === 0 ? '–' : answered.join(', ');
  return [
    G.methodParagraphs.versions(questionnaire.title, questionnaire.id, questionnaire.version, answeredText),
    G.methodParagraphs.toolkit(toolkit.id, toolkit.version),
  ].join(' ; ') + '.';
}
