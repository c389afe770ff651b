import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RESPONDENT_ROLES, createAnswersFile, type Answers } from '../../src/domain/answers';
import { addGroupMembers, createGroup, type Group } from '../../src/domain/group';
import { buildGroupReportModel, type GroupReportModel } from '../../src/report/group-report-model';
import { renderGroupReportPdf } from '../../src/report/render-group-pdf';
import type { PdfFonts } from '../../src/report/render-pdf';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { extractPdfText, extractPdfWords, readPdfInfo } from './poppler';
import { REPORT_DATE, UNICODE_ORGANISATION_NAME, reportAnswers, reportQuestionnaire, reportToolkit } from './report-fixture';

const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-group-pdf-'));
let fonts: PdfFonts;

beforeAll(async () => {
  fonts = await loadNodePdfFonts();
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const LEVEL_OPTIONS = ['a', 'b', 'c', 'd'] as const;

/** `count` respondents who disagree on purpose: each one picks a level shifted from the previous one. */
function buildGroup(count: number, name: (index: number) => string | undefined = () => undefined): Group {
  const files = Array.from({ length: count }, (_, index) => {
    const level = LEVEL_OPTIONS[index % LEVEL_OPTIONS.length]!;
    const answers: Answers = { ...reportAnswers, 'projet-clair': level, pairs: LEVEL_OPTIONS[(index + 2) % 4]!, tresorerie: level };
    const respondentName = name(index);
    return createAnswersFile(reportQuestionnaire, answers, new Date(REPORT_DATE.getTime() + index * 60_000), {
      respondent: { role: RESPONDENT_ROLES[index % RESPONDENT_ROLES.length]!, ...(respondentName ? { name: respondentName } : {}) },
    });
  });
  let next = 0;
  return addGroupMembers(createGroup(reportQuestionnaire.id), files, () => `m${(next += 1)}`).group;
}

function buildModel(group: Group, showNames = false): GroupReportModel {
  return buildGroupReportModel({ questionnaire: reportQuestionnaire, toolkit: reportToolkit, group, generatedAt: REPORT_DATE, showNames });
}

function writePdf(model: GroupReportModel, name: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, Buffer.from(renderGroupReportPdf(model, fonts)));
  return file;
}

describe('renderGroupReportPdf', () => {
  it('prints the sections, the participants, the pillars and the divergence explained', () => {
    const model = buildModel(buildGroup(4));
    const text = extractPdfText(writePdf(model, 'group.pdf'));
    for (const heading of ['Diagnostic collectif', 'Participant·es', 'Répartition par pilier', 'Zones de moindre consensus', 'Diagnostic de consensus', 'Parcours A.D.O.C.', 'Méthode']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(UNICODE_ORGANISATION_NAME);
    expect(text).toContain('4 répondant·es');
    for (const label of ['Répondant·e 1 · Administrateur·rice', 'Répondant·e 4 · Bénévole']) expect(text).toContain(label);
    for (const pillar of ['Richesses humaines', 'Ressources financières', 'Alliances stratégiques']) expect(text).toContain(pillar);
    expect(text).toContain('0 = tout le monde d’accord, 1,5 = moitié au plus bas, moitié au plus haut');
    expect(text).toContain(model.leastConsensus.items[0]!.question);
    expect(text).toContain(model.leastConsensus.items[0]!.divergenceLabel);
    for (const step of model.path.groups.flatMap((group) => group.steps)) expect(text).toContain(step.title);
  });

  it('writes every count in words beside the bars, so that colour never carries it alone', () => {
    const model = buildModel(buildGroup(4));
    const text = extractPdfText(writePdf(model, 'group.pdf'));
    for (const area of model.distributions.areas) {
      for (const entry of area.distribution) expect(text).toContain(`${entry.label} : ${entry.count}`);
    }
    for (const answer of model.leastConsensus.items[0]!.answers) expect(text).toContain(`${answer.label} ${answer.countLabel}`);
  });

  it('writes the metadata, declares French and numbers every page but the cover', () => {
    const file = writePdf(buildModel(buildGroup(3)), 'group.pdf');
    const info = readPdfInfo(file);
    expect(info['Title']).toBe(`Diagnostic collectif – ${UNICODE_ORGANISATION_NAME}`);
    expect(info['Subject']).toContain('zones de moindre consensus');
    expect(info['Page size']).toContain('A4');
    const pages = Number(info['Pages']);
    for (let page = 2; page <= pages; page += 1) {
      const pageText = extractPdfText(file, page);
      expect(pageText.startsWith(`${UNICODE_ORGANISATION_NAME} 22 novembre 2026`)).toBe(true);
      expect(pageText).toContain(`Diagnostic collectif du modèle socio-économique page ${page} / ${pages}`);
    }
    expect(extractPdfText(file, 1)).not.toContain('page 1');
    const bytes = Buffer.from(renderGroupReportPdf(buildModel(buildGroup(3)), fonts));
    expect(bytes.toString('latin1')).toContain('/Lang (fr-FR)');
    expect(bytes.equals(Buffer.from(renderGroupReportPdf(buildModel(buildGroup(3)), fonts)))).toBe(true);
  });

  it('prints names only when the facilitator shows them', () => {
    const group = buildGroup(2, (index) => ['Marie Dupont', 'Karim Benali'][index]);
    expect(extractPdfText(writePdf(buildModel(group), 'anonymous.pdf'))).not.toContain('Marie Dupont');
    expect(extractPdfText(writePdf(buildModel(group, true), 'named.pdf'))).toContain('Marie Dupont · Administrateur·rice');
  });

  it('keeps every word inside the margins with a large group and long names', () => {
    const longName = (index: number) => `Personne ${index + 1} ${'au nom très long '.repeat(8)}fin`;
    const file = writePdf(buildModel(buildGroup(40, longName), true), 'large.pdf');
    const words = extractPdfWords(file);
    expect(words.length).toBeGreaterThan(1000);
    const outside = words.filter((word) => word.xMin < 19.5 || word.xMax > 190.5 || word.yMin < 8 || word.yMax > 290);
    expect(outside).toEqual([]);
    // The content runs from 25 to 274 mm; only the running header (above 18 mm) and the footer (below 280 mm) sit outside.
    const acrossMargins = words.filter((word) => (word.yMin < 280 && word.yMax > 275) || (word.yMin < 24 && word.yMax > 18));
    expect(acrossMargins).toEqual([]);
    expect(extractPdfText(file)).toContain('Personne 40');
  });
});
