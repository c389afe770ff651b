import Papa from 'papaparse';
import { selectVisibleAnswers, type AnswerValue, type Answers, type AnswersFile } from '../domain/answers';
import { buildConsensusAnswers, type Group } from '../domain/group';
import { listQuestions, DONT_KNOW, NOT_APPLICABLE, SCORED_AREA_IDS, type Question, type Questionnaire } from '../domain/questionnaire-schema';
import { labelRespondent } from '../domain/respondents';
import { scoreAnswers } from '../domain/scoring';
import { formatAnswer, formatIsoDay } from './report-model';
import { FRENCH_REPORT_WORDING, type ReportWording } from './report-wording';

// Spreadsheet software needs the BOM to read UTF-8 accents; the separators follow the language (`;` and a decimal comma in French).
const CSV_BOM = '\uFEFF';
const LIST_SEPARATOR = ' | ';

function buildCsvConfig({ csv }: ReportWording): Papa.UnparseConfig {
  const decimal = csv.decimalSeparator === ',' ? ',' : '\\.';
  return {
    delimiter: csv.delimiter,
    newline: '\r\n',
    // A text answer starting with = + - @ would run as a formula when the file is opened; a plain number stays a number.
    escapeFormulae: new RegExp(`^(?![-+]?\\d+(?:${decimal}\\d+)?$)[=+\\-@\\t\\r]`),
  };
}

/** One row per respondent, in the group's order: who, then two columns per question, then the scores. */
export function buildRespondentsCsv(
  questionnaire: Questionnaire,
  group: Group,
  { showNames, wording = FRENCH_REPORT_WORDING }: { showNames: boolean; wording?: ReportWording },
): string {
  const questions = listQuestions(questionnaire);
  const rows = group.members.map(({ file }, index) =>
    buildRow(questionnaire, questions, wording, {
      respondent: labelRespondent(file, index + 1, { showNames, withRole: false, wording: wording.respondents }),
      role: file.respondent.role ? wording.respondents.roleLabels[file.respondent.role] : '',
      version: file.questionnaire.version,
      date: formatIsoDay(new Date(file.updatedAt)),
      answers: file.answers,
    }),
  );
  return toCsv(buildHeader(questions, wording), rows, wording);
}

/** The consensus diagnosis (agreed answers over the proposal) as one row with the respondents file's columns. */
export function buildConsensusCsv(questionnaire: Questionnaire, group: Group, wording: ReportWording = FRENCH_REPORT_WORDING): string {
  const questions = listQuestions(questionnaire);
  const row = buildRow(questionnaire, questions, wording, {
    respondent: wording.t('csv.consensusRow'),
    role: '',
    version: questionnaire.version,
    date: findLatestDay(group.members.map((member) => member.file)),
    answers: buildConsensusAnswers(questionnaire, group),
  });
  return toCsv(buildHeader(questions, wording), [row], wording);
}

function toCsv(header: string[], rows: string[][], wording: ReportWording): string {
  return CSV_BOM + Papa.unparse({ fields: header, data: rows }, buildCsvConfig(wording));
}

function buildHeader(questions: readonly Question[], { t, pillarLabels }: ReportWording): string[] {
  return [
    t('csv.respondent'),
    t('csv.role'),
    t('csv.version'),
    t('csv.date'),
    ...questions.flatMap((question) => [question.id, t('csv.label', { id: question.id })]),
    ...SCORED_AREA_IDS.map((id) => t('csv.score', { area: pillarLabels[id] })),
  ];
}

interface RowSource {
  respondent: string;
  role: string;
  version: string;
  date: string;
  answers: Answers;
}

function buildRow(questionnaire: Questionnaire, questions: readonly Question[], wording: ReportWording, source: RowSource): string[] {
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
      return value === undefined ? ['', ''] : [formatValue(value, wording), formatValueLabel(question, value, wording)];
    }),
    ...SCORED_AREA_IDS.map((id) => {
      const score = scores.areas.find((area) => area.id === id)?.score ?? null;
      return score === null ? '' : String(score);
    }),
  ];
}

/** What analysis tools match on: ids, numbers with the language's decimal mark (a comma with `;`), shares as `id=40 | id=60`. */
function formatValue(value: AnswerValue, wording: ReportWording): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatDecimal(value, wording);
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return Object.entries(value)
    .map(([id, share]) => `${id}=${formatDecimal(share, wording)}`)
    .join(LIST_SEPARATOR);
}

/** What a person reads: option labels, « Je ne sais pas », numbers with their unit. */
function formatValueLabel(question: Question, value: AnswerValue, wording: ReportWording): string {
  if (value === DONT_KNOW || value === NOT_APPLICABLE) return wording.answers.reservedAnswers[value];
  if (question.type === 'multiple' && Array.isArray(value)) {
    return value.map((id) => question.options.find((option) => option.id === id)?.label ?? id).join(LIST_SEPARATOR);
  }
  return formatAnswer(question, value, wording.answers);
}

function formatDecimal(value: number, { csv }: ReportWording): string {
  return String(value).replace('.', csv.decimalSeparator);
}

function findLatestDay(files: readonly AnswersFile[]): string {
  // Compared as instants: two files may carry different time-zone offsets.
  const latest = Math.max(...files.map((file) => Date.parse(file.updatedAt)));
  return Number.isFinite(latest) ? formatIsoDay(new Date(latest)) : '';
}
