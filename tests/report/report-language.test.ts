import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { RESPONDENT_ROLES, createAnswersFile } from '../../src/domain/answers';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { diagnose } from '../../src/domain/diagnose';
import { FRENCH_ANSWER_WORDING, RESERVED_ANSWER_LABELS, formatAnswer } from '../../src/domain/format-answer';
import { addGroupMembers, createGroup } from '../../src/domain/group';
import { FRENCH_HIGHLIGHT_WORDING, type HighlightEnding } from '../../src/domain/highlights';
import { PILLAR_LABELS } from '../../src/domain/pillars';
import { listQuestions } from '../../src/domain/questionnaire-schema';
import { FRENCH_RESPONDENT_WORDING, GROUP_ROLE_LABELS, labelRespondent } from '../../src/domain/respondents';
import { buildConsensusCsv, buildRespondentsCsv } from '../../src/report/group-csv';
import { buildGroupReportModel } from '../../src/report/group-report-model';
import { renderGroupReportPdf } from '../../src/report/render-group-pdf';
import { renderReportPdf, type PdfFonts } from '../../src/report/render-pdf';
import { buildReportModel, describeDelta, formatEvolutionDate, formatReportDate } from '../../src/report/report-model';
import { FRENCH_REPORT_WORDING, loadReportWording, type ReportWording } from '../../src/report/report-wording';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { CONTENT_DIR, REPO_ROOT, loadContentDirectory } from '../../scripts/lib/questionnaire-files';
import { extractPdfText, readPdfInfo } from './poppler';
import { REPORT_DATE, reportAnswers, reportQuestionnaire, reportToolkit } from './report-fixture';

const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-report-language-'));
let english: ReportWording;
let fonts: PdfFonts;

beforeAll(async () => {
  [english, fonts] = await Promise.all([loadReportWording('en'), loadNodePdfFonts()]);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// Headings and words of the French report that must not survive in the English one.
const FRENCH_WORDS = [
  'Synthèse',
  'Points de vigilance',
  'Forces',
  'Parcours A.D.O.C.',
  'Dans les 18 mois',
  'Annexe',
  'Méthode',
  'Sommaire',
  'Vos réponses',
  'Richesses humaines',
  'Ressources financières',
  'Alliances stratégiques',
  'Parce que',
  'Répondant',
  'Données insuffisantes',
];

describe('the French wording from the catalogue', () => {
  it('writes the domain’s French labels, word for word', () => {
    expect(FRENCH_REPORT_WORDING.pillarLabels).toEqual(PILLAR_LABELS);
    expect(FRENCH_REPORT_WORDING.respondents.roleLabels).toEqual(GROUP_ROLE_LABELS);
    expect(FRENCH_REPORT_WORDING.answers).toEqual(FRENCH_ANSWER_WORDING);
    expect(FRENCH_REPORT_WORDING.answers.reservedAnswers).toEqual(RESERVED_ANSWER_LABELS);
  });

  it.each<{ dimension: string; pillar: string | null; score: number | null; level: string | null; ending: HighlightEnding }>([
    { dimension: 'Compétences', pillar: 'Richesses humaines', score: 67, level: 'consolidé', ending: 'support' },
    { dimension: 'Gouvernance du projet', pillar: null, score: 100, level: 'affirmé', ending: 'solid-support' },
    { dimension: 'Trésorerie', pillar: 'Ressources financières', score: 0, level: null, ending: 'priority' },
    { dimension: 'Partenaires', pillar: 'Alliances stratégiques', score: null, level: null, ending: 'margin' },
  ])('words a highlight on $dimension as the domain does', (parts) => {
    expect(FRENCH_REPORT_WORDING.highlight.describe(parts)).toBe(FRENCH_HIGHLIGHT_WORDING.describe(parts));
  });

  it.each([1, 12])('names respondent %i as the domain does', (position) => {
    expect(FRENCH_REPORT_WORDING.respondents.anonymous(position)).toBe(FRENCH_RESPONDENT_WORDING.anonymous(position));
    expect(FRENCH_REPORT_WORDING.respondents.withRole('Marie', 'Bénévole')).toBe(FRENCH_RESPONDENT_WORDING.withRole('Marie', 'Bénévole'));
  });
});

describe('the English wording', () => {
  it.each([
    ['the first of the month, French', () => formatReportDate(new Date('2027-03-01T12:00:00Z')), '1 mars 2027'],
    ['the first of the month in an evolution, French', () => formatEvolutionDate(new Date('2027-03-01T12:00:00Z')), '1er mars 2027'],
    ['a date, English', () => formatReportDate(new Date('2026-11-22T12:00:00Z'), english), '22 November 2026'],
    ['the first of the month in an evolution, English', () => formatEvolutionDate(new Date('2027-03-01T12:00:00Z'), english), '1 March 2027'],
    ['a rise of one point', () => describeDelta(1, english), '+1\u00a0point'],
    ['a fall of twelve points', () => describeDelta(-12, english), '\u221212\u00a0points'],
    ['no change', () => describeDelta(0, english), 'unchanged'],
    ['no comparison', () => describeDelta(null, english), 'not comparable'],
    ['two French points', () => describeDelta(2), '+2\u00a0points'],
    ['one French step more', () => FRENCH_REPORT_WORDING.t('single.firstStepsMore', { count: 1 }), '… et 1 autre étape, détaillée plus loin.'],
    ['no English step more', () => english.t('single.firstStepsMore', { count: 2 }), '… and 2 more steps, described further on.'],
    ['a standard deviation, English', () => english.formatDivergence(1.5), '1.50'],
    ['a standard deviation, French', () => FRENCH_REPORT_WORDING.formatDivergence(1.5), '1,50'],
    ['a large number, English', () => formatAnswer({ ...listQuestions(reportQuestionnaire).find((question) => question.type === 'number')!, unit: undefined }, 12500, english.answers), '12,500'],
  ])('writes %s', (_name, write, expected) => {
    expect(write()).toBe(expected);
  });

  it('names an anonymous respondent with their role in English', () => {
    const file = createAnswersFile(reportQuestionnaire, reportAnswers, REPORT_DATE, { respondent: { role: 'benevole' } });
    expect(labelRespondent(file, 3, { showNames: false, wording: english.respondents })).toBe('Respondent 3 · Volunteer');
    expect(labelRespondent(file, 3, { showNames: false })).toBe('Répondant·e 3 · Bénévole');
  });
});

describe('the English CSV files', () => {
  const files = [
    createAnswersFile(reportQuestionnaire, reportAnswers, REPORT_DATE, { respondent: { role: 'administrateur' } }),
    createAnswersFile(reportQuestionnaire, { ...reportAnswers, 'projet-clair': 'dont-know' }, REPORT_DATE, { respondent: {} }),
  ];
  let next = 0;
  const group = addGroupMembers(createGroup(reportQuestionnaire.id), files, () => `m${(next += 1)}`).group;

  it('has English headers, a comma between fields and a decimal point', () => {
    const csv = buildRespondentsCsv(reportQuestionnaire, group, { showNames: false, wording: english });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    const [header = [], ...rows] = parsed.data;
    expect(header.slice(0, 6)).toEqual(['Respondent', 'Role', 'Questionnaire version', 'Date', 'nom', 'nom (label)']);
    expect(header.slice(-4)).toEqual(['Score Project', 'Score Human resources', 'Score Financial resources', 'Score Strategic alliances']);
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['Respondent 1', 'Board member'],
      ['Respondent 2', ''],
    ]);
    const projectColumn = header.indexOf('projet-clair (label)');
    expect(rows[1]?.[projectColumn]).toBe('I don’t know');
  });

  it('names the consensus row in English', () => {
    const csv = buildConsensusCsv(reportQuestionnaire, group, english);
    expect(csv.split('\r\n')[1]?.startsWith('Consensus,')).toBe(true);
    expect(csv.split('\r\n')[0]).toContain('Respondent,Role,');
  });
});

describe('the English PDF', () => {
  const content = loadContentDirectory(CONTENT_DIR);
  const file = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas', 'club-sportif-express.json');

  it('of a persona has English headings and an English path, and none of the French headings', () => {
    const input = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const source = content.questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-express')!.questionnaire;
    // The report uses whatever questionnaire it is given: the English one when it exists.
    const questionnaire = content.translatedQuestionnaires.find((loaded) => loaded.language === 'en' && loaded.questionnaire.id === source.id)?.questionnaire ?? source;
    const toolkit = content.translatedToolkits.find((loaded) => loaded.language === 'en')?.toolkit ?? content.toolkits[0]!.toolkit;
    const parsed = parseAnswersFile(input, source);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    // Computed in French, as a synthesis on a French screen would: the report re-words the path in its own language.
    const diagnosis = diagnose(questionnaire, toolkit, parsed.file.answers);
    const model = buildReportModel({ questionnaire, toolkit, file: parsed.file, diagnosis, generatedAt: new Date('2027-03-01T12:00:00Z'), wording: english });
    const pdf = path.join(workDir, 'club-en.pdf');
    writeFileSync(pdf, Buffer.from(renderReportPdf(model, fonts, english)));

    const text = extractPdfText(pdf);
    for (const heading of ['Summary', 'Points to watch', 'Strengths', 'A.D.O.C. Path', 'Within 18 months', 'Appendix: questions and answers', 'Method', 'Contents', 'Human resources', 'Scores and levels', '1 March 2027', 'page 2 / ']) {
      expect(text).toContain(heading);
    }
    const steps = model.path.groups.flatMap((group) => group.steps);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step.reason).toMatch(/^Because .+\.$/);
    expect(text).toContain(steps[0]!.reason.slice(0, 40));
    for (const word of FRENCH_WORDS) expect(text).not.toContain(word);
    expect(Buffer.from(readFileSync(pdf)).toString('latin1')).toContain('/Lang (en-GB)');
    expect(readPdfInfo(pdf)['Title']).toBe(`Self-assessment of the socio-economic model – ${model.organisationName}`);
  });

  it('of a group has English sections and role labels', () => {
    const files = Array.from({ length: 3 }, (_, index) =>
      createAnswersFile(reportQuestionnaire, { ...reportAnswers, 'projet-clair': ['a', 'c', 'd'][index]! }, REPORT_DATE, { respondent: { role: RESPONDENT_ROLES[index]! } }),
    );
    let next = 0;
    const group = addGroupMembers(createGroup(reportQuestionnaire.id), files, () => `m${(next += 1)}`).group;
    const model = buildGroupReportModel({ questionnaire: reportQuestionnaire, toolkit: reportToolkit, group, generatedAt: REPORT_DATE, showNames: false, wording: english });
    const pdf = path.join(workDir, 'group-en.pdf');
    writeFileSync(pdf, Buffer.from(renderGroupReportPdf(model, fonts, english)));
    const text = extractPdfText(pdf);
    for (const heading of ['Group self-assessment', 'Participants', 'Spread by pillar', 'Areas of least consensus', 'Consensus self-assessment', 'A.D.O.C. Path', 'Method', 'Respondent 1 · Board member', '3 respondents']) {
      expect(text).toContain(heading);
    }
    for (const word of ['Répartition par pilier', 'Zones de moindre consensus', 'Diagnostic de consensus', 'Participant·es', 'Administrateur·rice', 'Méthode', 'Écart-type']) {
      expect(text).not.toContain(word);
    }
  });
});
