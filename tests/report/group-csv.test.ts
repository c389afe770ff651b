import Papa from 'papaparse';
import { createAnswersFile, type Answers, type AnswersFile } from '../../src/domain/answers';
import { addGroupMembers, createGroup, recordAgreedAnswer, type Group } from '../../src/domain/group';
import { listQuestions } from '../../src/domain/questionnaire-schema';
import { scoreAnswers } from '../../src/domain/scoring';
import { buildConsensusCsv, buildRespondentsCsv } from '../../src/report/group-csv';
import { REPORT_DATE, reportAnswers, reportQuestionnaire } from './report-fixture';

const MISSION_WITH_SEPARATORS = 'Culture ; « pour tous » et "partout"\nsur deux lignes';

const members: { answers: Answers; respondent: AnswersFile['respondent'] }[] = [
  { answers: { ...reportAnswers, mission: MISSION_WITH_SEPARATORS, formats: ['agir', 'comprendre'] }, respondent: { name: 'Camille Durand', role: 'administrateur' } },
  { answers: { ...reportAnswers, 'projet-clair': 'a', salaries: 12, mission: '=HYPERLINK("https://exemple.org")' }, respondent: { role: 'benevole' } },
  { answers: { ...reportAnswers, 'projet-clair': 'd', mission: '' }, respondent: {} },
];

function buildGroup(): Group {
  const files = members.map(({ answers, respondent }, index) =>
    createAnswersFile(reportQuestionnaire, answers, new Date(REPORT_DATE.getTime() + index * 60_000), { respondent }),
  );
  let next = 0;
  return addGroupMembers(createGroup(reportQuestionnaire.id), files, () => `m${(next += 1)}`).group;
}

/** Reads the file back the way a spreadsheet would: BOM off, `;` between fields. */
function parseCsv(csv: string): { header: string[]; rows: Record<string, string>[] } {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rows] = parsed.data;
  for (const row of rows) expect(row).toHaveLength(header.length);
  return { header, rows: rows.map((row) => Object.fromEntries(header.map((column, index) => [column, row[index] ?? '']))) };
}

const questionCount = listQuestions(reportQuestionnaire).length;

describe('buildRespondentsCsv', () => {
  const csv = buildRespondentsCsv(reportQuestionnaire, buildGroup(), { showNames: false });
  const { header, rows } = parseCsv(csv);

  it('is UTF-8 with a BOM, `;` between fields and CRLF between lines, one row per respondent', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toContain('Répondant·e;Rôle;Version du questionnaire;Date;nom;nom (libellé)');
    expect(rows).toHaveLength(3);
  });

  it('has who, two columns per question in questionnaire order, then a score per area', () => {
    expect(header).toHaveLength(4 + 2 * questionCount + 4);
    expect(header.slice(4, 8)).toEqual(['nom', 'nom (libellé)', 'salaries', 'salaries (libellé)']);
    expect(header.slice(-4)).toEqual(['Score Projet', 'Score Richesses humaines', 'Score Ressources financières', 'Score Alliances stratégiques']);
  });

  it('keeps respondents anonymous unless names are shown, the role in its own column', () => {
    expect(rows.map((row) => row['Répondant·e'])).toEqual(['Répondant·e 1', 'Répondant·e 2', 'Répondant·e 3']);
    expect(csv).not.toContain('Camille');
    const named = parseCsv(buildRespondentsCsv(reportQuestionnaire, buildGroup(), { showNames: true }));
    expect(named.rows[0]?.['Répondant·e']).toBe('Camille Durand');
  });

  it('gives the role, the questionnaire version and the day of the answers', () => {
    expect(rows.map((row) => row['Rôle'])).toEqual(['Administrateur·rice', 'Bénévole', '']);
    expect(rows[0]?.['Version du questionnaire']).toBe('1.2.0');
    expect(rows[0]?.['Date']).toBe('2026-11-22');
  });

  it.each([
    ['a text with ; quotes and a line break, intact', 0, 'mission', MISSION_WITH_SEPARATORS, MISSION_WITH_SEPARATORS],
    ['a text that would run as a formula, defused', 1, 'mission', '\'=HYPERLINK("https://exemple.org")', '\'=HYPERLINK("https://exemple.org")'],
    ['an empty answer, as two empty cells', 2, 'mission', '', ''],
    ['a rubric option: its id and its label', 1, 'projet-clair', 'a', 'Pas encore'],
    ['a reserved answer: its id and « Je ne sais pas »', 0, 'competences-cles', 'dont-know', 'Je ne sais pas'],
    ['a multiple choice: ids and labels separated by |', 0, 'formats', 'agir | comprendre', 'Agir | Comprendre'],
    ['a decimal number: with a comma, and its unit', 0, 'salaries', '3,5', '3,5\u00a0ETP'],
    ['shares: id=percent for each part', 0, 'ressources', 'subventions=62 | dons=8 | cotisations=10 | ventes=20', 'Subventions 62\u00a0%, Dons 8\u00a0%, Cotisations 10\u00a0%, Revenus d’activité 20\u00a0%'],
  ])('writes %s', (_name, rowIndex, questionId, value, label) => {
    expect(rows[rowIndex]?.[questionId]).toBe(value);
    expect(rows[rowIndex]?.[`${questionId} (libellé)`]).toBe(label);
  });

  it('writes each area’s score as the respondent’s own diagnosis computes it', () => {
    members.forEach(({ answers }, index) => {
      const scores = scoreAnswers(reportQuestionnaire, answers);
      expect(rows[index]?.['Score Projet']).toBe(String(scores.areas[0]?.score));
    });
    expect(rows.map((row) => row['Score Projet'])).not.toEqual([rows[0]?.['Score Projet'], rows[0]?.['Score Projet'], rows[0]?.['Score Projet']]);
  });
});

describe('buildConsensusCsv', () => {
  it('writes one « Consensus » row with the respondents file’s columns', () => {
    const group = buildGroup();
    const consensus = parseCsv(buildConsensusCsv(reportQuestionnaire, group));
    expect(consensus.header).toEqual(parseCsv(buildRespondentsCsv(reportQuestionnaire, group, { showNames: false })).header);
    expect(consensus.rows).toHaveLength(1);
    expect(consensus.rows[0]?.['Répondant·e']).toBe('Consensus');
    expect(consensus.rows[0]?.['Date']).toBe('2026-11-22');
  });

  it.each([
    ['the proposal where nothing was agreed (the median level of a, c, d)', null, 'c', 'Régulièrement'],
    ['the answer the facilitator recorded', 'd', 'd', 'Systématiquement'],
  ])('takes %s', (_name, agreed, value, label) => {
    const group = agreed === null ? buildGroup() : recordAgreedAnswer(buildGroup(), 'projet-clair', agreed);
    const row = parseCsv(buildConsensusCsv(reportQuestionnaire, group)).rows[0];
    expect(row?.['projet-clair']).toBe(value);
    expect(row?.['projet-clair (libellé)']).toBe(label);
  });
});
