import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderReportPdf, type PdfFonts } from '../../src/report/render-pdf';
import type { ReportModel } from '../../src/report/report-model';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { UNICODE_ORGANISATION_NAME, buildSampleReportModel } from './report-fixture';

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

/** The text as a reader copies it, with every run of white space (no-break spaces included) made one space. */
function extractText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function readInfo(file: string): Record<string, string> {
  const output = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(output.split('\n').flatMap((line) => {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    return match ? [[match[1]?.trim(), match[2]?.trim()]] : [];
  }));
}

interface Word {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word with its box, in millimetres from the top-left corner of its page. */
function extractWords(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const mm = (points: string) => (Number(points) * 25.4) / 72;
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (match) {
      words.push({ page, xMin: mm(match[1] ?? ''), yMin: mm(match[2] ?? ''), xMax: mm(match[3] ?? ''), yMax: mm(match[4] ?? ''), text: match[5] ?? '' });
    }
  }
  return words;
}

describe('renderReportPdf', () => {
  it('prints the organisation name, in Latin, Greek and Cyrillic letters, intact', () => {
    const text = extractText(writePdf(buildSampleReportModel(), 'sample.pdf'));
    expect(text).toContain(UNICODE_ORGANISATION_NAME);
  });

  it('prints the pillars, the path titles, the headings and a numbered footer', () => {
    const model = buildSampleReportModel();
    const text = extractText(writePdf(model, 'sample.pdf'));
    for (const label of ['Richesses humaines', 'Ressources financières', 'Alliances stratégiques']) expect(text).toContain(label);
    for (const step of model.path.groups.flatMap((group) => group.steps)) expect(text).toContain(step.title);
    for (const heading of ['Synthèse', 'Points de vigilance', 'Parcours A.D.O.C.', 'Dans les 18 mois', 'Annexe', 'Méthode']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Subventions 62 %, Dons 8 %');
    expect(text).toContain('page 1 /');
    expect(text).toContain(`22 novembre 2026 · page 2 /`);
  });

  it('writes the metadata and one footer per page', () => {
    const file = writePdf(buildSampleReportModel(), 'sample.pdf');
    const info = readInfo(file);
    expect(info['Title']).toBe(`Autodiagnostic du modèle socio-économique – ${UNICODE_ORGANISATION_NAME}`);
    expect(info['Author']).toBe(UNICODE_ORGANISATION_NAME);
    expect(info['Creator']).toBe('Trajectoires');
    expect(info['Page size']).toContain('A4');
    const pages = Number(info['Pages']);
    expect(pages).toBeGreaterThanOrEqual(7);
    const text = extractText(file);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`page ${page} / ${pages}`);
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
    const words = extractWords(file);
    expect(words.length).toBeGreaterThan(500);
    const outside = words.filter((word) => word.xMin < 19.5 || word.xMax > 190.5 || word.yMin < 15 || word.yMax > 290);
    expect(outside).toEqual([]);
    // The content stops at 274 mm; only the footer, from 281 mm, sits lower.
    const acrossBottomMargin = words.filter((word) => word.yMin < 280 && word.yMax > 276);
    expect(acrossBottomMargin).toEqual([]);
    expect(extractText(file)).toContain('mot399');
  });
});
