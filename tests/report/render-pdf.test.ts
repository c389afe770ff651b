import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderReportPdf, type PdfFonts } from '../../src/report/render-pdf';
import type { ReportModel } from '../../src/report/report-model';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { buildReportModel } from '../../src/report/report-model';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { diagnose } from '../../src/domain/diagnose';
import { CONTENT_DIR, REPO_ROOT, loadContentDirectory } from '../../scripts/lib/questionnaire-files';
import { UNICODE_ORGANISATION_NAME, buildSampleReportModel, reportAnswers } from './report-fixture';
import { extractPdfText, extractPdfWords, readPdfInfo } from './poppler';

// Poppler's command-line tools read the PDF the way a viewer would; they ship with Debian's poppler-utils.
const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-pdf-'));
let fonts: PdfFonts;

beforeAll(async () => {
  fonts = await loadNodePdfFonts();
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function writePdf(model: ReportModel, name: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, Buffer.from(renderReportPdf(model, fonts)));
  return file;
}

describe('renderReportPdf', () => {
  it('prints the organisation name, in Latin, Greek and Cyrillic letters, intact', () => {
    const text = extractPdfText(writePdf(buildSampleReportModel(), 'sample.pdf'));
    expect(text).toContain(UNICODE_ORGANISATION_NAME);
  });

  it('prints the pillars, the path titles, the headings and a numbered footer', () => {
    const model = buildSampleReportModel();
    const text = extractPdfText(writePdf(model, 'sample.pdf'));
    for (const label of ['Richesses humaines', 'Ressources financières', 'Alliances stratégiques']) expect(text).toContain(label);
    for (const step of model.path.groups.flatMap((group) => group.steps)) expect(text).toContain(step.title);
    for (const heading of ['Synthèse', 'Points de vigilance', 'Parcours A.D.O.C.', 'Dans les 18 mois', 'Annexe', 'Méthode']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Subventions 62 %, Dons 8 %');
    expect(text).toContain('page 2 /');
    expect(text).not.toContain('page 1 /');
  });

  it('writes the metadata and one footer per page', () => {
    const file = writePdf(buildSampleReportModel(), 'sample.pdf');
    const info = readPdfInfo(file);
    expect(info['Title']).toBe(`Autodiagnostic du modèle socio-économique – ${UNICODE_ORGANISATION_NAME}`);
    expect(info['Author']).toBe(UNICODE_ORGANISATION_NAME);
    expect(info['Creator']).toBe('Trajectoires');
    expect(info['Page size']).toContain('A4');
    const pages = Number(info['Pages']);
    expect(pages).toBeGreaterThanOrEqual(8);
    // The cover stands alone; every other page carries the organisation and the date above, its number below.
    for (let page = 2; page <= pages; page += 1) {
      const pageText = extractPdfText(file, page);
      expect(pageText).toContain(`page ${page} / ${pages}`);
      expect(pageText.startsWith(`${UNICODE_ORGANISATION_NAME} 22 novembre 2026`)).toBe(true);
    }
    expect(extractPdfText(file, 1)).not.toContain('page 1');
  });

  it('declares French and makes links of the tools’ addresses', () => {
    const bytes = Buffer.from(renderReportPdf(buildSampleReportModel(), fonts)).toString('latin1');
    expect(bytes).toContain('/Lang (fr-FR)');
    expect(bytes).toContain('/URI (https://odd17.org/guide-cooperer-efficacement)');
  });

  it('gives the same bytes for the same answers and date', () => {
    const first = Buffer.from(renderReportPdf(buildSampleReportModel(), fonts));
    const second = Buffer.from(renderReportPdf(buildSampleReportModel(), fonts));
    expect(first.equals(second)).toBe(true);
  });

  it('keeps every word inside the margins, even with long texts that run over several pages', () => {
    const model = buildSampleReportModel();
    const longText = Array.from({ length: 400 }, (_, index) => `mot${index}`).join(' ');
    const stressed: ReportModel = {
      ...model,
      summary: { ...model.summary, flags: Array.from({ length: 12 }, (_, index) => `Point ${index + 1} : ${longText.slice(0, 300)}`) },
      annex: {
        ...model.annex,
        steps: model.annex.steps.map((step, index) =>
          index === 0 ? { ...step, answers: [...step.answers, { ...step.answers[0]!, questionId: 'long', answer: longText }] } : step,
        ),
      },
    };
    const file = writePdf(stressed, 'stressed.pdf');
    const words = extractPdfWords(file);
    expect(words.length).toBeGreaterThan(500);
    const outside = words.filter((word) => word.xMin < 19.5 || word.xMax > 190.5 || word.yMin < 8 || word.yMax > 290);
    expect(outside).toEqual([]);
    // The content runs from 25 to 274 mm; only the running header (above 18 mm) and the footer (below 280 mm) sit outside.
    const acrossMargins = words.filter((word) => (word.yMin < 280 && word.yMax > 275) || (word.yMin < 24 && word.yMax > 18));
    expect(acrossMargins).toEqual([]);
    expect(extractPdfText(file)).toContain('mot399');
  });
});

describe('the path table', () => {
  it('shows each step’s progress and note, and repeats its header row on every page it runs onto', () => {
    const steps = buildSampleReportModel().path.groups.flatMap((group) => group.steps);
    const longNote = `Début de la note. ${'Nous en avons parlé en bureau puis en conseil. '.repeat(40)}Fin de la note.`;
    const model = buildSampleReportModel(reportAnswers, {
      [steps[0]!.toolId]: { status: 'done', note: 'Présenté au conseil de mars.' },
      [steps[1]!.toolId]: { status: 'not-relevant', note: longNote },
    });
    const file = writePdf(model, 'progress.pdf');
    const pages = Number(readPdfInfo(file)['Pages']);
    const pathPages = Array.from({ length: pages }, (_, index) => index + 1).filter((page) => extractPdfText(file, page).includes('Étape / outil'));
    expect(pathPages.length).toBeGreaterThanOrEqual(2);
    // pdftotext reads table cells in its own order: each label is looked for on its own.
    for (const page of pathPages) for (const label of ['n°', 'Type · format', 'Pourquoi', 'Suivi']) expect(extractPdfText(file, page)).toContain(label);
    expect(extractPdfText(file, pathPages[1]!)).toContain('(suite)');
    const text = extractPdfText(file);
    expect(text).toContain('Fait');
    expect(text).toContain('Note de suivi : Présenté au conseil de mars.');
    expect(text).toContain('Pas pertinent');
    expect(text).toContain('Note de suivi : Début de la note.');
    expect(text).toContain('Fin de la note.');
    expect(text).toContain('À faire');
    expect(text).toContain('1 étape faite, 1 jugée pas pertinente');
  });
});

describe('the report of each persona', () => {
  const content = loadContentDirectory(CONTENT_DIR);
  const toolkit = content.toolkits[0]!.toolkit;
  const personaDir = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas');

  it.each(readdirSync(personaDir).filter((name) => name.endsWith('.json')))('%s: a one-page summary, then each section on its own page', (name) => {
    const input = JSON.parse(readFileSync(path.join(personaDir, name), 'utf8')) as unknown;
    const questionnaireId = (input as { questionnaire: { id: string } }).questionnaire.id;
    const questionnaire = content.questionnaires.find((loaded) => loaded.questionnaire.id === questionnaireId)!.questionnaire;
    const parsed = parseAnswersFile(input, questionnaire);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const diagnosis = diagnose(questionnaire, toolkit, parsed.file.answers);
    const model = buildReportModel({ questionnaire, toolkit, file: parsed.file, diagnosis, generatedAt: new Date('2026-11-22T12:00:00Z') });
    const file = writePdf(model, name.replace('.json', '.pdf'));

    const summary = extractPdfText(file, 2);
    expect(summary).toContain('Synthèse');
    expect(summary).toContain(model.summary.firstStepsHeading);
    for (const step of model.summary.firstSteps) expect(summary).toContain(step.title);
    const header = `${model.organisationName} ${model.dateLabel}`;
    expect(extractPdfText(file, 3).startsWith(`${header} Richesses humaines`)).toBe(true);
    const lastPage = Number(readPdfInfo(file)['Pages']);
    expect(extractPdfText(file, lastPage).startsWith(`${header} Méthode`)).toBe(true);
    expect(Buffer.from(readFileSync(file)).byteLength).toBeLessThan(300 * 1024);
  });
});
