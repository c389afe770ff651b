import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnswersFile } from '../../src/domain/answers';
import { compareDiagnoses, type ComparedDiagnosis } from '../../src/domain/compare-diagnoses';
import { diagnose } from '../../src/domain/diagnose';
import { renderReportPdf } from '../../src/report/render-pdf';
import { buildReportModel } from '../../src/report/report-model';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { editDiagnosis, findToolkit, loadPersona, personaPath } from '../domain/compare-fixtures';
import { extractPdfText } from '../report/poppler';
import { diagnoseCli, writeInputFile } from './run-cli';

const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-compare-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const toolkit = findToolkit();
const [firstTool, secondTool] = toolkit.tools;

// The association's complete diagnosis in June, then in March with two answers improved and a path step done.
const older = editDiagnosis(loadPersona('association-sociale', 'complet'), {
  answers: { 'rh-roles': 'chacun-fait', 'fi-diversite': 'une-source', 'al-pairs': 'chacun-de-son-cote' },
  pathProgress: { [firstTool!.id]: { status: 'done' } },
  updatedAt: '2026-06-01T10:00:00.000Z',
});
const newer = editDiagnosis(loadPersona('association-sociale', 'complet'), {
  pathProgress: { [firstTool!.id]: { status: 'done' }, [secondTool!.id]: { status: 'done' } },
  updatedAt: '2027-03-01T10:00:00.000Z',
});

function writeDiagnosis(name: string, diagnosis: ComparedDiagnosis | AnswersFile): string {
  return writeInputFile(workDir, name, 'file' in diagnosis ? diagnosis.file : diagnosis);
}

const olderPath = writeDiagnosis('juin.json', older);
const newerPath = writeDiagnosis('mars.json', newer);

interface ComparisonJson {
  older: { file: string; date: string; questionnaire: { id: string; version: string; title: string } };
  newer: { file: string; date: string; questionnaire: { id: string; version: string; title: string } };
  sameQuestionnaire: boolean;
  areas: { id: string; label: string; before: { score: number | null; level: string | null } | null; after: { score: number | null } | null; delta: number | null }[];
  dimensions: { id: string; area: string; before: { score: number | null } | null; after: { score: number | null } | null; delta: number | null }[];
  changedAnswers: { questionId: string; label: string; step: string; before: string | null; after: string | null }[];
  stepsDoneSince: { toolId: string; title: string }[];
}

// Each case starts a Node process through tsx: about a second, more on a busy machine.
describe('npm run diagnose -- --compare', { timeout: 30_000 }, () => {
  it('prints with --json what compareDiagnoses finds: areas, dimensions, changed answers, steps done since', async () => {
    const { code, stdout, stderr } = await diagnoseCli('--compare', olderPath, newerPath, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as ComparisonJson;
    const expected = compareDiagnoses(older, newer, toolkit);

    expect(json.older).toEqual({ file: 'juin.json', date: '2026-06-01T10:00:00.000Z', questionnaire: expected.older.questionnaire });
    expect(json.newer).toEqual({ file: 'mars.json', date: '2027-03-01T10:00:00.000Z', questionnaire: expected.newer.questionnaire });
    expect(json.sameQuestionnaire).toBe(true);
    expect(json.areas.map((area) => [area.id, area.label, area.before?.score, area.after?.score, area.delta])).toEqual(
      expected.areas.map((area) => [area.id, area.label, area.before.score, area.after.score, area.delta]),
    );
    expect(json.areas.find((area) => area.id === 'human-resources')?.before?.level).toBe(expected.areas[1]?.before.levelId);
    expect(json.dimensions.map((dimension) => [dimension.id, dimension.area, dimension.before?.score, dimension.after?.score, dimension.delta])).toEqual(
      expected.dimensions.map((dimension) => [dimension.id, dimension.area, dimension.before?.score, dimension.after?.score, dimension.delta]),
    );
    expect(json.changedAnswers).toEqual(
      expected.changedAnswers.map((change) => ({ questionId: change.questionId, label: change.label, step: change.stepTitle, before: change.before, after: change.after })),
    );
    expect(json.changedAnswers.map((change) => change.questionId)).toEqual(['rh-roles', 'fi-diversite', 'al-pairs']);
    expect(json.changedAnswers[0]).toMatchObject({ before: 'Chacun fait ce qu’il peut', after: 'Des rôles définis et connus' });
    expect(json.stepsDoneSince).toEqual([{ toolId: secondTool!.id, title: secondTool!.title }]);
    // Three answers better in March: human resources, finances and alliances go up.
    for (const id of ['human-resources', 'financial-resources', 'strategic-alliances']) expect(json.areas.find((area) => area.id === id)?.delta).toBeGreaterThan(0);
  });

  it('prints a readable French summary by default', async () => {
    const { code, stdout, stderr } = await diagnoseCli('--compare', olderPath, newerPath);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const delta = compareDiagnoses(older, newer, toolkit).areas.find((area) => area.id === 'human-resources')!.delta!;
    expect(stdout).toMatch(/^Évolution depuis le 1er juin 2026 – Le Relais des Familles$/m);
    expect(stdout).toMatch(new RegExp(`^Richesses humaines : \\d+ / 100 · .+ → \\d+ / 100 · .+ \\(\\+${delta}\u00a0points\\)$`, 'm'));
    expect(stdout).toMatch(/^Projet : .+ \(stable\)$/m);
    expect(stdout).toContain('Réponses modifiées : 3 réponses ont changé depuis le diagnostic précédent.');
    expect(stdout).toContain('avant : Chacun fait ce qu’il peut');
    expect(stdout).toContain(`  - ${secondTool!.title}`);
  });

  it('writes with --pdf the newer report with its evolution section, the same bytes as the browser', async () => {
    const pdfPath = path.join(workDir, 'evolution.pdf');
    const { code, stdout, stderr } = await diagnoseCli('--compare', olderPath, newerPath, '--json', '--pdf', pdfPath, '--date', '2027-03-02');
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stderr).toContain('Rapport PDF écrit');
    const text = extractPdfText(pdfPath);
    expect(text).toContain('Évolution depuis le 1er juin 2026');
    expect(text).toContain('Chacun fait ce qu’il peut');

    const model = buildReportModel({
      ...newer,
      toolkit,
      diagnosis: diagnose(newer.questionnaire, toolkit, newer.file.answers),
      generatedAt: new Date('2027-03-02T12:00:00Z'),
      evolution: { older },
    });
    expect(readFileSync(pdfPath).equals(Buffer.from(renderReportPdf(model, await loadNodePdfFonts())))).toBe(true);
  });

  it('compares an express diagnosis with a complete one', async () => {
    const { code, stdout } = await diagnoseCli('--compare', personaPath('club-sportif', 'express'), personaPath('club-sportif', 'complet'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as ComparisonJson;
    expect(json.sameQuestionnaire).toBe(false);
    expect([json.older.questionnaire.id, json.newer.questionnaire.id]).toEqual(['diagnostic-express', 'diagnostic-complet']);
    const expected = compareDiagnoses(loadPersona('club-sportif', 'express'), loadPersona('club-sportif', 'complet'), toolkit);
    expect(json.dimensions.map((dimension) => dimension.delta)).toEqual(expected.dimensions.map((dimension) => dimension.delta));
    expect(json.dimensions.some((dimension) => dimension.before === null)).toBe(true);
  });

  it('warns, and still compares, when the two files name different organisations or come in the wrong order', async () => {
    const other = writeDiagnosis('autre.json', editDiagnosis(newer, { answers: { 'nom-structure': 'La Maison des Jeunes' } }));
    const { code, stderr } = await diagnoseCli('--compare', olderPath, other, '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('Attention : les deux fichiers ne décrivent pas la même organisation (« Le Relais des Familles », puis « La Maison des Jeunes »)');
    const reversed = await diagnoseCli('--compare', newerPath, olderPath, '--json');
    expect(reversed.code).toBe(0);
    expect(reversed.stderr).toContain('mars.json a été modifié après juin.json');
  });

  it.each([
    ['one file', () => ['--compare', olderPath], 2, '--compare attend exactement deux fichiers de réponses'],
    ['three files', () => ['--compare', olderPath, newerPath, newerPath], 2, '(3 donnés)'],
    ['a file that does not exist', () => ['--compare', olderPath, path.join(workDir, 'absent.json')], 2, 'absent.json : fichier introuvable ou illisible'],
    ['a file that is not JSON', () => ['--compare', writeInputFile(workDir, 'casse.json', '{ "format": '), newerPath], 1, 'JSON invalide'],
    [
      'an answer out of range',
      () => ['--compare', olderPath, writeDiagnosis('faux.json', editDiagnosis(newer, { answers: { 'rh-roles': 'beaucoup' } }))],
      1,
      'faux.json n’est pas un fichier de réponses valide',
    ],
    ['--csv, which only groups write', () => ['--compare', olderPath, newerPath, '--csv', path.join(workDir, 'x.csv')], 2, '--csv ne s’utilise pas avec --compare'],
  ] as const)('refuses %s with exit code %s and says why', async (_name, args, exitCode, message) => {
    const { code, stdout, stderr } = await diagnoseCli(...args());
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('documents --compare in its help', async () => {
    const { code, stdout } = await diagnoseCli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--compare <ancien.json> <récent.json>');
  });
});
