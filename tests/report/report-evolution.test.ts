import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAnswersFile, type Answers, type PathProgress } from '../../src/domain/answers';
import type { ComparedDiagnosis } from '../../src/domain/compare-diagnoses';
import { diagnose } from '../../src/domain/diagnose';
import { renderReportPdf, type PdfFonts } from '../../src/report/render-pdf';
import { buildReportModel, describeDelta, formatEvolutionDate, type ReportModel } from '../../src/report/report-model';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { editDiagnosis, findToolkit, loadPersona } from '../domain/compare-fixtures';
import { buildSampleReportModel, reportAnswers, reportQuestionnaire } from './report-fixture';
import { extractPdfText, extractPdfWords, type PdfWord } from './poppler';

/** The words printed on the same line as the first `anchor` of a page, left to right: a table row as a reader sees it. */
function readRow(words: readonly PdfWord[], page: number, anchor: string): string {
  const found = words.find((word) => word.page === page && word.text === anchor);
  if (!found) throw new Error(`no « ${anchor} » on page ${page}`);
  return words
    .filter((word) => word.page === page && word.yMin < found.yMax && word.yMax > found.yMin)
    .sort((a, b) => a.xMin - b.xMin)
    .map((word) => word.text)
    .join(' ');
}

const OLDER_DATE = new Date('2026-10-22T08:00:00Z');

function buildOlder(answers: Answers, pathProgress?: PathProgress): ComparedDiagnosis {
  return {
    questionnaire: reportQuestionnaire,
    file: createAnswersFile(reportQuestionnaire, answers, OLDER_DATE, pathProgress ? { pathProgress } : {}),
  };
}

/** The fixture's report, compared with an older diagnosis where the pairs were only met « Ponctuellement ». */
function buildEvolutionModel(olderAnswers: Answers = { ...reportAnswers, pairs: 'b' }, newerProgress?: PathProgress): ReportModel {
  return buildSampleReportModel(reportAnswers, newerProgress, { older: buildOlder(olderAnswers) });
}

describe('report model with an evolution', () => {
  it('places « Évolution depuis le … » right after the summary, dated by the older file’s last change', () => {
    const model = buildEvolutionModel();
    expect(model.evolution?.heading).toBe('Évolution depuis le 22 octobre 2026');
    expect(model.outline.map((section) => section.id)).toEqual([
      'cover',
      'summary',
      'evolution',
      'human-resources',
      'financial-resources',
      'strategic-alliances',
      'path',
      'annex',
      'method',
    ]);
    expect(model.outline[2]?.title).toBe('Évolution depuis le 22 octobre 2026');
  });

  it('has no evolution section, key or outline entry without an older diagnosis', () => {
    const model = buildSampleReportModel();
    expect('evolution' in model).toBe(false);
    expect(model.outline.map((section) => section.id)).not.toContain('evolution');
  });

  it('writes each area before and after, with the change spelt out', () => {
    // Pairs « Ponctuellement » (33) then « Systématiquement » (100), beside entreprises at 67: 50 then 83.
    const rows = buildEvolutionModel().evolution!.areas;
    expect(rows.map((row) => [row.label, row.before.scoreLabel, row.after.scoreLabel, row.deltaLabel])).toEqual([
      ['Projet', '50 / 100', '50 / 100', 'stable'],
      ['Richesses humaines', 'Données insuffisantes', 'Données insuffisantes', 'non comparable'],
      ['Ressources financières', '33 / 100', '33 / 100', 'stable'],
      ['Alliances stratégiques', '50 / 100', '83 / 100', '+33\u00a0points'],
    ]);
    expect(rows[3]).toMatchObject({ delta: 33, before: { score: 50, levelLabel: 'En structuration' }, after: { score: 83, levelLabel: 'Consolidé' } });
  });

  it('groups the dimensions by area and lists the changed answers by step', () => {
    const evolution = buildEvolutionModel({ ...reportAnswers, pairs: 'b', statut: 'fondation', budget: 150000 }).evolution!;
    expect(evolution.dimensionGroups.map((group) => [group.title, group.rows.map((row) => row.id)])).toEqual([
      ['Projet', ['sens']],
      ['Richesses humaines', ['benevolat', 'competences']],
      ['Ressources financières', ['diversite']],
      ['Alliances stratégiques', ['partenaires']],
    ]);
    expect(evolution.changedAnswersIntro).toBe('3 réponses ont changé depuis le diagnostic précédent.');
    expect(evolution.changedAnswerGroups).toEqual([
      {
        title: 'Profil',
        rows: [
          { questionId: 'budget', question: 'Budget annuel', before: '150\u00a0000\u00a0€', after: '185\u00a0000\u00a0€', hasBefore: true, hasAfter: true },
          { questionId: 'statut', question: 'Statut', before: 'Fondation', after: 'Association loi 1901', hasBefore: true, hasAfter: true },
        ],
      },
      {
        title: 'Alliances stratégiques',
        rows: [{ questionId: 'pairs', question: 'Coopérez-vous avec vos pairs ?', before: 'Ponctuellement', after: 'Systématiquement', hasBefore: true, hasAfter: true }],
      },
    ]);
    expect(evolution.questionnaireNote).toBeNull();
  });

  it('lists the path steps marked done since, by their title', () => {
    const evolution = buildEvolutionModel(undefined, { cooperer: { status: 'done' }, mooc: { status: 'not-relevant' } }).evolution!;
    expect(evolution.stepsDone).toEqual([{ toolId: 'cooperer', title: 'Guide « Coopérer efficacement »' }]);
    expect(buildEvolutionModel().evolution!.stepsDone).toEqual([]);
  });

  it('says when the two diagnoses answer different questionnaires, and which questions one of them did not ask', () => {
    const toolkit = findToolkit();
    const older = loadPersona('association-sociale', 'express');
    const newer = editDiagnosis(loadPersona('association-sociale', 'complet'), { updatedAt: '2027-03-01T10:00:00Z' });
    const model = buildReportModel({
      questionnaire: newer.questionnaire,
      toolkit,
      file: newer.file,
      diagnosis: diagnose(newer.questionnaire, toolkit, newer.file.answers),
      generatedAt: new Date('2027-03-01T10:00:00Z'),
      evolution: { older },
    });
    const evolution = model.evolution!;
    expect(evolution.questionnaireNote).toContain('« Diagnostic express »');
    const rows = evolution.changedAnswerGroups.flatMap((group) => group.rows);
    expect(rows.find((row) => row.questionId === 'projet-partage')).toMatchObject({ before: 'Question non posée', hasBefore: false });
    const missing = evolution.dimensionGroups.flatMap((group) => group.rows).find((row) => row.id === 'fi-pilotage');
    expect(missing).toMatchObject({ before: { scoreLabel: 'Hors questionnaire' }, deltaLabel: 'non comparable' });
  });

  it.each([
    [12, '+12\u00a0points'],
    [1, '+1\u00a0point'],
    [-3, '\u22123\u00a0points'],
    [-1, '\u22121\u00a0point'],
    [0, 'stable'],
    [null, 'non comparable'],
  ] as const)('writes a change of %s as « %s »', (delta, label) => {
    expect(describeDelta(delta)).toBe(label);
  });

  it.each([
    ['2027-03-01T10:00:00Z', '1er mars 2027'],
    ['2026-11-20T10:30:00Z', '20 novembre 2026'],
    // 23:30 UTC on 31 December is already 1 January in Paris.
    ['2026-12-31T23:30:00Z', '1er janvier 2027'],
  ])('dates %s as « %s »', (iso, label) => {
    expect(formatEvolutionDate(new Date(iso))).toBe(label);
  });
});

describe('the PDF with an evolution', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-evolution-'));
  let fonts: PdfFonts;
  let file: string;
  let model: ReportModel;

  beforeAll(async () => {
    fonts = await loadNodePdfFonts();
    model = buildEvolutionModel({ ...reportAnswers, pairs: 'b' }, { cooperer: { status: 'done' } });
    file = path.join(workDir, 'evolution.pdf');
    writeFileSync(file, Buffer.from(renderReportPdf(model, fonts)));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('prints the section on the page after the summary, with its heading, a written change, a changed answer and a step done', () => {
    const text = extractPdfText(file, 3);
    expect(text).toContain('Évolution depuis le 22 octobre 2026');
    const words = extractPdfWords(file);
    // The first « stratégiques » of the page is the area table's row; « Coopérez-vous » the changed answer's.
    expect(readRow(words, 3, 'stratégiques')).toBe('Alliances stratégiques 50 / 100 83 / 100 +33 points');
    expect(readRow(words, 3, 'Coopérez-vous')).toBe('Coopérez-vous avec vos pairs ? Ponctuellement Systématiquement');
    expect(text).toContain('Étapes du parcours faites depuis Guide « Coopérer efficacement »');
    expect(extractPdfText(file, 2)).not.toContain('Évolution depuis');
  });

  it('lists the section in the table of contents, with its page', () => {
    expect(extractPdfText(file, 1)).toMatch(/Synthèse 2 Évolution depuis le 22 octobre 2026 3 Richesses humaines 4/);
  });

  it('keeps a long comparison inside the margins and repeats the table header and the area on every page it runs onto', () => {
    const evolution = model.evolution!;
    const longLabel = Array.from({ length: 30 }, (_, index) => `mot${index}`).join(' ');
    const stressed: ReportModel = {
      ...model,
      evolution: {
        ...evolution,
        dimensionGroups: evolution.dimensionGroups.map((group) => ({
          ...group,
          rows: Array.from({ length: 14 }, (_, index) => ({ ...group.rows[0]!, id: `${group.rows[0]!.id}-${index}`, label: index === 3 ? longLabel : group.rows[0]!.label })),
        })),
        changedAnswerGroups: evolution.changedAnswerGroups.map((group) => ({
          ...group,
          rows: Array.from({ length: 30 }, () => ({ ...group.rows[0]!, after: `${group.rows[0]!.after} ${longLabel}` })),
        })),
      },
    };
    const stressedFile = path.join(workDir, 'stressed.pdf');
    writeFileSync(stressedFile, Buffer.from(renderReportPdf(stressed, fonts)));
    const words = extractPdfWords(stressedFile);
    expect(words.filter((word) => word.xMin < 19.5 || word.xMax > 190.5 || word.yMin < 8 || word.yMax > 290)).toEqual([]);
    expect(words.filter((word) => (word.yMin < 280 && word.yMax > 275) || (word.yMin < 24 && word.yMax > 18))).toEqual([]);
    const evolutionPages = [...new Set(words.filter((word) => word.text === 'Dimension').map((word) => word.page))];
    expect(evolutionPages.length).toBeGreaterThanOrEqual(2);
    for (const page of evolutionPages) expect(readRow(words, page, 'Dimension')).toBe('Dimension Scores Avant Après Évolution');
    expect(extractPdfText(stressedFile, evolutionPages[1]!)).toMatch(/\(suite\)/);
  });

  it('prints nothing of an evolution without an older diagnosis', () => {
    const plain = path.join(workDir, 'plain.pdf');
    writeFileSync(plain, Buffer.from(renderReportPdf(buildSampleReportModel(), fonts)));
    expect(extractPdfText(plain)).not.toContain('Évolution');
  });
});
