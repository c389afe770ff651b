import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { extractPdfText } from '../report/poppler';
import { diagnoseCli, writeInputFile } from './run-cli';

const PERSONA_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas');
const EXPRESS = path.join(PERSONA_DIR, 'club-sportif-express.json');
const COMPLET = path.join(PERSONA_DIR, 'club-sportif-complet.json');
const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-cli-language-'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// Each case starts a Node process through tsx: a few seconds on a busy machine.
describe('npm run diagnose in English', { timeout: 60_000 }, () => {
  it.each(['--langue', '--lang'])('prints the summary and writes the PDF in English with %s en', async (option) => {
    const pdfPath = path.join(workDir, `express${option}.pdf`);
    const { code, stdout, stderr } = await diagnoseCli(EXPRESS, option, 'en', '--pdf', pdfPath, '--date', '2027-03-01');
    expect(code).toBe(0);
    expect(stdout).toContain('Self-assessment of the socio-economic model – Basket Club de Saint-Rémy');
    expect(stdout).toMatch(/^Financial resources: \d+ \/ 100 · .+$/m);
    expect(stdout).toContain('A.D.O.C. Path, a tailored path of tools:');
    expect(stdout).toMatch(/^ {2} ?1\. \[Within 18 months\] .+$/m);
    expect(stdout).toMatch(/^ {5,6}Because .+$/m);
    expect(stdout).not.toMatch(/Parce que|Points de vigilance|Dans les 18 mois/);
    // The messages of the command itself stay in French, like its errors.
    expect(stderr).toContain('Rapport PDF écrit');
    const text = extractPdfText(pdfPath);
    for (const heading of ['Summary', 'Points to watch', 'A.D.O.C. Path', 'Appendix: questions and answers', 'Method', '1 March 2027']) expect(text).toContain(heading);
    for (const heading of ['Synthèse', 'Points de vigilance', 'Parcours A.D.O.C.', 'Annexe', 'Méthode', 'mars 2027']) expect(text).not.toContain(heading);
  });

  it('gives JSON with English pillar names and reasons, the ids unchanged', async () => {
    const { code, stdout } = await diagnoseCli(EXPRESS, '--json', '--langue', 'en');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { pillars: { id: string; label: string }[]; path: { reason: string; horizon: string }[] };
    expect(summary.pillars.map((pillar) => [pillar.id, pillar.label])).toEqual([
      ['human-resources', 'Human resources'],
      ['financial-resources', 'Financial resources'],
      ['strategic-alliances', 'Strategic alliances'],
    ]);
    for (const step of summary.path) expect(step.reason).toMatch(/^Because .+\.$/);
    expect(summary.path[0]?.horizon).toBe('18-mois');
  });

  it('writes the group report, its summary and the CSV files in English', async () => {
    const files = [EXPRESS, path.join(PERSONA_DIR, 'association-sociale-express.json')].map((file, index) => {
      const persona = JSON.parse(readFileSync(file, 'utf8')) as { answers: Record<string, unknown> } & Record<string, unknown>;
      return writeInputFile(workDir, `membre-${index + 1}.json`, { ...persona, answers: { ...persona.answers, 'nom-structure': 'Les Jardins' } });
    });
    const pdfPath = path.join(workDir, 'groupe.pdf');
    const csvPath = path.join(workDir, 'groupe.csv');
    const { code, stdout } = await diagnoseCli(...files, '--lang', 'en', '--pdf', pdfPath, '--csv', csvPath);
    expect(code).toBe(0);
    expect(stdout).toContain('Group self-assessment – Les Jardins');
    expect(stdout).toContain('Areas of least consensus:');
    const csv = readFileSync(csvPath, 'utf8');
    const [header = []] = Papa.parse<string[]>(csv.slice(1), { delimiter: ',' }).data;
    expect(header.slice(0, 4)).toEqual(['Respondent', 'Role', 'Questionnaire version', 'Date']);
    expect(header.at(-1)).toBe('Score Strategic alliances');
    expect(readFileSync(path.join(workDir, 'groupe-consensus.csv'), 'utf8')).toContain('\r\nConsensus,');
    const text = extractPdfText(pdfPath);
    for (const heading of ['Participants', 'Spread by pillar', 'Areas of least consensus', 'Consensus self-assessment']) expect(text).toContain(heading);
    expect(text).not.toContain('Zones de moindre consensus');
  });

  it('compares two diagnoses in English, warning that the complete questionnaire keeps its French words', async () => {
    const pdfPath = path.join(workDir, 'evolution.pdf');
    const { code, stdout, stderr } = await diagnoseCli('--compare', EXPRESS, COMPLET, '--langue', 'en', '--pdf', pdfPath);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Changes since \d+ \w+ \d{4} – Basket Club de Saint-Rémy$/m);
    expect(stdout).toMatch(/^Human resources: .+ → .+ \((unchanged|[+−]\d+\u00a0points?|not comparable)\)$/m);
    expect(stderr).toContain('Attention : le questionnaire « diagnostic-complet » n’a pas de traduction « en »');
    expect(extractPdfText(pdfPath)).toContain('Changes since');
  });

  it.each([
    ['an unknown language', ['--langue', 'de'], '--langue : langue « de » inconnue (disponibles : fr, en).'],
    ['two languages that disagree', ['--langue', 'fr', '--lang', 'en'], 'se contredisent'],
    ['a language without its value', ['--langue'], 'argument missing'],
  ])('refuses %s with exit code 2 and says why in French', async (_name, args, expected) => {
    const { code, stdout, stderr } = await diagnoseCli(EXPRESS, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(expected);
  });
});
