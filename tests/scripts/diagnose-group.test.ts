import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { addGroupMembers, createGroup } from '../../src/domain/group';
import { listQuestions } from '../../src/domain/questionnaire-schema';
import { buildGroupReportModel } from '../../src/report/group-report-model';
import { renderGroupReportPdf } from '../../src/report/render-group-pdf';
import { loadNodePdfFonts } from '../../scripts/lib/node-pdf-fonts';
import { CONTENT_DIR, REPO_ROOT, loadContentDirectory } from '../../scripts/lib/questionnaire-files';
import { diagnoseCli, writeInputFile } from './run-cli';
import { extractPdfText } from '../report/poppler';

const PERSONA_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas');
const ORGANISATION = 'Les Jardins partagés de Belleville';
const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-cli-group-'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function writeFile(name: string, content: unknown): string {
  return writeInputFile(workDir, name, content);
}

type AnswersJson = { answers: Record<string, unknown>; respondent: Record<string, unknown> } & Record<string, unknown>;

function readPersona(name: string): AnswersJson {
  return JSON.parse(readFileSync(path.join(PERSONA_DIR, name), 'utf8')) as AnswersJson;
}

// Three people of one organisation: the three complete personas, renamed, answer differently enough to disagree.
const respondents = [
  { file: 'club-sportif-complet.json', name: 'Marc Leroy', role: 'administrateur' },
  { file: 'association-sociale-complet.json', name: 'Inès Morel', role: 'salarie' },
  { file: 'federation-regionale-complet.json', name: 'Paul Girard', role: 'benevole' },
].map(({ file, name, role }, index) => {
  const persona = readPersona(file);
  return writeFile(`repondant-${index + 1}.json`, { ...persona, respondent: { name, role }, answers: { ...persona.answers, 'nom-structure': ORGANISATION } });
});

interface GroupJson {
  respondents: number;
  roles: { role: string; label: string; count: number }[];
  participants: { file: string; label: string }[];
  project: { id: string; mean: number | null; min: number | null; max: number | null; distribution: { level: string; count: number }[] };
  pillars: { id: string; label: string; mean: number | null; min: number | null; max: number | null; distribution: { level: string; label: string; count: number }[] }[];
  dimensions: { id: string; area: string; mean: number | null }[];
  leastConsensus: { questionId: string; label: string; divergence: number; distribution: { value: string; label: string; count: number }[] }[];
  consensus: { pillars: { id: string; score: number | null }[]; path: unknown[] };
}

function parseCsv(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

// Each case starts a Node process through tsx: a few seconds on a busy machine.
describe('npm run diagnose with several files', { timeout: 60_000 }, () => {
  it('prints the group as JSON: respondents, roles, spreads per pillar, least consensus and the consensus diagnosis', async () => {
    const { code, stdout, stderr } = await diagnoseCli(...respondents, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const group = JSON.parse(stdout) as GroupJson;
    expect(group.respondents).toBe(3);
    expect(group.roles.map((role) => [role.role, role.count])).toEqual([
      ['administrateur', 1],
      ['salarie', 1],
      ['benevole', 1],
    ]);
    expect(group.participants.map((participant) => [participant.file, participant.label])).toEqual([
      ['repondant-1.json', 'Répondant·e 1 · Administrateur·rice'],
      ['repondant-2.json', 'Répondant·e 2 · Salarié·e'],
      ['repondant-3.json', 'Répondant·e 3 · Bénévole'],
    ]);
    expect(stdout).not.toContain('Marc Leroy');
    expect(group.pillars.map((pillar) => pillar.id)).toEqual(['human-resources', 'financial-resources', 'strategic-alliances']);
    for (const spread of [group.project, ...group.pillars]) {
      expect(spread.mean).toEqual(expect.any(Number));
      expect(spread.min!).toBeLessThanOrEqual(spread.mean!);
      expect(spread.max!).toBeGreaterThanOrEqual(spread.mean!);
      expect(spread.distribution.reduce((sum, entry) => sum + entry.count, 0)).toBe(3);
    }
    expect(group.dimensions.length).toBeGreaterThan(10);

    const questionIds = new Set(listQuestions(loadComplet()).map((question) => question.id));
    expect(group.leastConsensus.length).toBe(5);
    for (const question of group.leastConsensus) {
      expect(questionIds.has(question.questionId)).toBe(true);
      expect(question.divergence).toBeGreaterThan(0);
      expect(question.distribution.reduce((sum, entry) => sum + entry.count, 0)).toBeLessThanOrEqual(3);
    }
    const divergences = group.leastConsensus.map((question) => question.divergence);
    expect(divergences).toEqual([...divergences].sort((a, b) => b - a));
    expect(group.consensus.pillars.map((pillar) => pillar.id)).toEqual(['human-resources', 'financial-resources', 'strategic-alliances']);
    expect(group.consensus.path.length).toBeGreaterThan(0);
  });

  it('prints a French summary of the group by default', async () => {
    const { code, stdout } = await diagnoseCli(...respondents);
    expect(code).toBe(0);
    expect(stdout).toContain(`Diagnostic collectif – ${ORGANISATION}`);
    expect(stdout).toContain('3 répondant·es : Administrateur·rice 1, Salarié·e 1, Bénévole 1');
    expect(stdout).toMatch(/^ {2}Richesses humaines : Moyenne \d+ \/ 100 · de \d+ à \d+$/m);
    expect(stdout).toContain('Zones de moindre consensus :');
    expect(stdout).toMatch(/^ {2}1\. .+ \[[a-z-]+\] · Écart-type : \d,\d\d$/m);
  });

  it('writes the respondents CSV with --csv and the consensus beside it', async () => {
    const csvPath = path.join(workDir, 'groupe.csv');
    const { code, stdout, stderr } = await diagnoseCli(...respondents, '--json', '--csv', csvPath);
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stderr).toContain('Fichiers CSV écrits');
    const questionCount = listQuestions(loadComplet()).length;

    const [header = [], ...rows] = parseCsv(csvPath);
    expect(header.slice(0, 4)).toEqual(['Répondant·e', 'Rôle', 'Version du questionnaire', 'Date']);
    expect(header).toHaveLength(4 + 2 * questionCount + 4);
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['Répondant·e 1', 'Administrateur·rice'],
      ['Répondant·e 2', 'Salarié·e'],
      ['Répondant·e 3', 'Bénévole'],
    ]);
    for (const row of rows) {
      expect(row).toHaveLength(header.length);
      expect(row[header.indexOf('nom-structure')]).toBe(ORGANISATION);
    }

    const consensusPath = path.join(workDir, 'groupe-consensus.csv');
    expect(existsSync(consensusPath)).toBe(true);
    const [consensusHeader, ...consensusRows] = parseCsv(consensusPath);
    expect(consensusHeader).toEqual(header);
    expect(consensusRows.map((row) => row[0])).toEqual(['Consensus']);
  });

  it('writes with --pdf the group report the browser would make for the same files and date, names shown with --noms', async () => {
    const pdfPath = path.join(workDir, 'groupe.pdf');
    const { code, stderr } = await diagnoseCli(...respondents, '--pdf', pdfPath, '--noms', '--date', '2026-11-22');
    expect(code).toBe(0);
    expect(stderr).toContain('Rapport PDF collectif écrit');
    const text = extractPdfText(pdfPath);
    for (const expected of ['Diagnostic collectif', ORGANISATION, 'Zones de moindre consensus', 'Marc Leroy · Administrateur·rice', 'Inès Morel · Salarié·e', 'Richesses humaines', 'Ressources financières', 'Alliances stratégiques', 'Parcours A.D.O.C.']) {
      expect(text).toContain(expected);
    }

    const questionnaire = loadComplet();
    const content = loadContentDirectory(CONTENT_DIR);
    const files = respondents.map((file) => {
      const parsed = parseAnswersFile(JSON.parse(readFileSync(file, 'utf8')) as unknown, questionnaire);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      return parsed.file;
    });
    let next = 0;
    const group = addGroupMembers(createGroup(questionnaire.id), files, () => `membre-${(next += 1)}`).group;
    const model = buildGroupReportModel({ questionnaire, toolkit: content.toolkits[0]!.toolkit, group, generatedAt: new Date('2026-11-22T12:00:00Z'), showNames: true });
    expect(readFileSync(pdfPath).equals(Buffer.from(renderGroupReportPdf(model, await loadNodePdfFonts())))).toBe(true);
  });

  it('refuses the group when files are bad, naming each one with its reasons', async () => {
    const persona = readPersona('club-sportif-complet.json');
    const outOfRange = writeFile('hors-bornes.json', { ...persona, answers: { ...persona.answers, 'fi-diversite': 'beaucoup' } });
    const notJson = writeFile('pas-du-json.json', '{ "format": ');
    const { code, stdout, stderr } = await diagnoseCli(respondents[0]!, outOfRange, notJson, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('hors-bornes.json n’est pas un fichier de réponses valide');
    expect(stderr).toContain('answers.fi-diversite');
    expect(stderr).toContain('pas-du-json.json : JSON invalide');
    expect(stderr).not.toContain('repondant-1.json');
  });

  it.each([
    ['a file of another questionnaire', () => path.join(PERSONA_DIR, 'club-sportif-express.json'), 'club-sportif-express.json ne peut pas rejoindre le groupe'],
    ['the same file twice', () => respondents[0]!, 'repondant-1.json ne peut pas rejoindre le groupe'],
  ])('refuses %s with exit code 1 and says why', async (_name, extraFile, expectedMessage) => {
    const { code, stdout, stderr } = await diagnoseCli(respondents[0]!, respondents[1]!, extraFile(), '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(expectedMessage);
  });
});

function loadComplet() {
  const content = loadContentDirectory(CONTENT_DIR);
  return content.questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-complet')!.questionnaire;
}
