import Papa from 'papaparse';
import { selectVisibleAnswers, type AnswerValue, type Answers, type AnswersFile } from '../domain/answers';
import { buildConsensusAnswers, type Group } from '../domain/group';
import { PILLAR_LABELS } from '../domain/pillars';
import { listQuestions, DONT_KNOW, NOT_APPLICABLE, SCORED_AREA_IDS, type Question, type Questionnaire } from '../domain/questionnaire-schema';
import { RESPONDENT_ROLE_LABELS, labelRespondent } from '../domain/respondents';
import { scoreAnswers } from '../domain/scoring';
import { formatAnswer, formatIsoDay } from './report-model';
import { GROUP_REPORT_WORDING, REPORT_WORDING } from './report-wording';

const W = GROUP_REPORT_WORDING.csv;

// French spreadsheet software reads `;` as the separator and needs the BOM to read UTF-8 accents.
const CSV_BOM = '\uFEFF';
const CSV_CONFIG: Papa.UnparseConfig = {
  delimiter: ';',
  newline: '\r\n',
  // A text answer starting with = + - @ would run as a formula when the file is opened; a plain number stays a number.
  escapeFormulae: /^(?![-+]?\d+(?:,\d+)?$)[=+\-@\t\r]/,
};
const LIST_SEPARATOR = ' | ';

/** One row per respondent, in the group's order: who, then two columns per question, then the scores. */
export function buildRespondentsCsv(questionnaire: Questionnaire, group: Group, { showNames }: { showNames: boolean }): string {
  const questions = listQuestions(questionnaire);
  const rows = group.members.map(({ file }, index) =>
    buildRow(questionnaire, questions, {
      respondent: labelRespondent(file, index + 1, { showNames, withRole: false }),
      role: file.respondent.role ? RESPONDENT_ROLE_LABELS[file.respondent.role] : '',
      version: file.questionnaire.version,
      date: formatIsoDay(new Date(file.updatedAt)),
      answers: file.answers,
    }),
  );
  return toCsv(buildHeader(questions), rows);
}

/** The consensus diagnosis (agreed answers over the proposal) as one row with the respondents file's columns. */
export function buildConsensusCsv(questionnaire: Questionnaire, group: Group): string {
  const questions = listQuestions(questionnaire);
  const row = buildRow(questionnaire, questions, {
    respondent: W.consensusRow,
    role: '',
    version: questionnaire.version,
    date: findLatestDay(group.members.map((member) => member.file)),
    answers: buildConsensusAnswers(questionnaire, group),
  });
  return toCsv(buildHeader(questions), [row]);
}

function toCsv(header: string[], rows: string[][]): string {
  return CSV_BOM + Papa.unparse({ fields: header, data: rows }, CSV_CONFIG);
}

function buildHeader(questions: readonly Question[]): string[] {
  return [
    W.respondent,
    W.role,
    W.version,
    W.date,
    ...questions.flatMap((question) => [question.id, W.label(question.id)]),
    ...SCORED_AREA_IDS.map((id) => W.score(PILLAR_LABELS[id])),
  ];
}

interface RowSource {
  respondent: string;
  role: string;
  version: string;
  date: string;
  answers: Answers;
}

function buildRow(questionnaire: Questionnaire, questions: readonly Question[], source: RowSource): string[] {
  // A hidden question's leftover answer never counted: it is not exported either.
  const answers = selectVisibleAnswers(questionnaire, source.answers);
  const scores = scoreAnswers(questionnaire, source.answers);
  return [
    source.respondent,
    source.role,
    source.version,
    source.date,
    ...questions.flatMap((question) => {
      const value = answers[question.id];
      return value === undefined ? ['', ''] : [formatValue(value), formatValueLabel(question, value)];
    }),
    ...SCORED_AREA_IDS.map((id) => {
      const score = scores.areas.find((area) => area.id === id)?.score ?? null;
      return score === null ? '' : String(score);
    }),
  ];
}

/** What analysis tools match on: ids, numbers with a decimal comma (like the `;` convention), shares as `id=40 | id=60`. */
function formatValue(value: AnswerValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatDecimal(value);
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return Object.entries(value)
    .map(([id, share]) => `${id}=${formatDecimal(share)}`)
    .join(LIST_SEPARATOR);
}

/** What a person reads: option labels, « Je ne sais pas », numbers with their unit. */
function formatValueLabel(question: Question, value: AnswerValue): string {
  if (value === DONT_KNOW) return REPORT_WORDING.dontKnow;
  if (value === NOT_APPLICABLE) return REPORT_WORDING.notApplicable;
  if (question.type === 'multiple' && Array.isArray(value)) {
    return value.map((id) => question.options.find((option) => option.id === id)?.label ?? id).join(LIST_SEPARATOR);
  }
  return formatAnswer(question, value);
}

function formatDecimal(value: number): string {
  return String(value).replace('.', ',');
}

function findLatestDay(files: readonly AnswersFile[]): string {
  // Compared as instants: two files may carry different time-zone offsets.
  const latest = Math.max(...files.map((file) => Date.parse(file.updatedAt)));
  return Number.isFinite(latest) ? formatIsoDay(new Date(latest)) : '';
}
