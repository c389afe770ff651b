import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { diagnose } from '../../src/domain/diagnose';
import { buildReportModel } from '../../src/report/report-model';
import { renderReportPdf } from '../../src/report/render-pdf';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { CONTENT_DIR, REPO_ROOT, loadContentDirectory } from '../../scripts/lib/questionnaire-files';
import { diagnoseCli, writeInputFile } from './run-cli';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'answers-complet.json');
const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-cli-'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function writeAnswers(name: string, content: unknown): string {
  return writeInputFile(workDir, name, content);
}

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { answers: Record<string, unknown> } & Record<string, unknown>;

// Each case starts a Node process through tsx: about a second, more on a busy machine.
describe('npm run diagnose', { timeout: 30_000 }, () => {
  it('prints the scores, the flags and the numbered path in French by default', async () => {
    const { code, stdout, stderr } = await diagnoseCli(FIXTURE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Les Jardins partagés de Belleville');
    expect(stdout).toMatch(/^Ressources financières : \d+ \/ 100 · .+$/m);
    expect(stdout).toContain('Points de vigilance :');
    expect(stdout).toContain('Parcours A.D.O.C., un parcours d’outils sur mesure :');
    expect(stdout).toMatch(/^ {2} ?1\. \[Dans les 18 mois\] .+$/m);
    expect(stdout).toMatch(/^ {5,6}Parce que .+$/m);
  });

  it('prints the diagnosis summary as JSON with --json', async () => {
    const { code, stdout } = await diagnoseCli(FIXTURE, '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as {
      pillars: { id: string; score: number | null; level: string | null }[];
      flags: { checkId: string; message: string }[];
      path: { toolId: string; pillar: string | null; kind: string; horizon: string; reason: string }[];
    };
    expect(summary.pillars.map((pillar) => pillar.id)).toEqual(['human-resources', 'financial-resources', 'strategic-alliances']);
    for (const pillar of summary.pillars) {
      expect(pillar.score).toEqual(expect.any(Number));
      expect(pillar.level).toEqual(expect.any(String));
    }
    // 55 % of subsidies: the dominant-resource check is raised.
    expect(summary.flags.map((flag) => flag.checkId)).toContain('ressource-dominante');
    expect(summary.path.length).toBeGreaterThan(0);
    for (const step of summary.path) {
      expect(step).toEqual(
        expect.objectContaining({ toolId: expect.any(String), kind: expect.any(String), horizon: expect.any(String), reason: expect.stringMatching(/^Parce que/) }),
      );
    }
  });

  it('writes with --pdf the very bytes the browser would make for the same answers and date', async () => {
    const pdfPath = path.join(workDir, 'rapport.pdf');
    const { code, stdout, stderr } = await diagnoseCli(FIXTURE, '--json', '--pdf', pdfPath, '--date', '2026-11-22');
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stderr).toContain('Rapport PDF écrit');

    const content = loadContentDirectory(CONTENT_DIR);
    const questionnaire = content.questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-complet')!.questionnaire;
    const toolkit = content.toolkits[0]!.toolkit;
    const parsed = parseAnswersFile(fixture, questionnaire);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const model = buildReportModel({
      questionnaire,
      toolkit,
      file: parsed.file,
      diagnosis: diagnose(questionnaire, toolkit, parsed.file.answers),
      generatedAt: new Date('2026-11-22T12:00:00Z'),
    });
    const expected = Buffer.from(renderReportPdf(model, await loadNodePdfFonts()));
    expect(readFileSync(pdfPath).equals(expected)).toBe(true);
  });

  it('dates the PDF from the file when --date is absent, so two runs give the same bytes', async () => {
    const first = path.join(workDir, 'first.pdf');
    const second = path.join(workDir, 'second.pdf');
    expect((await diagnoseCli(FIXTURE, '--pdf', first)).code).toBe(0);
    expect((await diagnoseCli(FIXTURE, '--pdf', second)).code).toBe(0);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
  });

  it.each([
    ['an answer that is not one of the options', { ...fixture, answers: { ...fixture.answers, 'fi-diversite': 'beaucoup' } }, 'answers.fi-diversite'],
    ['a file of another tool', { ...fixture, format: 'autre-chose' }, 'format'],
    ['a questionnaire that does not exist', { ...fixture, questionnaire: { id: 'inconnu', version: '1.0.0' } }, '« inconnu » inconnu'],
    ['a file that is not JSON', '{ "format": ', 'JSON invalide'],
  ])('refuses %s with exit code 1 and says why', async (name, content, expectedMessage) => {
    const { code, stdout, stderr } = await diagnoseCli(writeAnswers(`${name.replace(/\W+/g, '-')}.json`, content));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(expectedMessage);
  });

  it.each([
    ['no file', []],
    ['an unknown option', [FIXTURE, '--pfd', 'out.pdf']],
    ['an unreadable date', [FIXTURE, '--date', '22/11/2026']],
    ['a file that does not exist', [path.join(workDir, 'absent.json')]],
  ])('answers %s with exit code 2', async (_name, args) => {
    const { code, stderr } = await diagnoseCli(...args);
    expect(code).toBe(2);
    expect(stderr).not.toBe('');
  });
});
