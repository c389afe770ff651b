import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { diagnose } from '../../src/domain/diagnose';
import { buildReportModel, pinToReportDay } from '../../src/report/report-model';
import { CONTENT_DIR, REPO_ROOT, loadContentDirectory } from '../../scripts/lib/questionnaire-files';
import { launchChromium } from './browser';
import { extractPdfText, readPdfInfo } from '../report/poppler';

const ORGANISATION = 'Association « Les Amis de l’Œuvre » — Ćirić & Ελλάδα & Ассоциация';
const PERSONA = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas', 'association-sociale-complet.json');
const baseUrl = inject('baseUrl');
const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-report-'));

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The persona under the test's name; its respondent travels from the imported file into the report. */
function writeAnswersFile(): { filePath: string; content: Record<string, unknown> } {
  const persona = JSON.parse(readFileSync(PERSONA, 'utf8')) as { answers: Record<string, unknown> };
  const content = { ...persona, answers: { ...persona.answers, 'nom-structure': ORGANISATION } };
  const filePath = path.join(workDir, 'reponses.json');
  writeFileSync(filePath, JSON.stringify(content, null, 2));
  return { filePath, content };
}

/** The Paris day of an instant, as the CLI's --date takes it. */
function parisDay(date: Date): string {
  return pinToReportDay(date).toISOString().slice(0, 10);
}

describe('the PDF report downloaded in Chromium', () => {
  it('prints the typed name intact, the pillars with their scores, every path step, and is the CLI’s PDF byte for byte', async () => {
    const { filePath, content } = writeAnswersFile();
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(baseUrl);
    await page.locator('input[type=file]').setInputFiles(filePath);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Étape 7 sur 7');

    const dayBefore = parisDay(new Date());
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
    const download = await downloadPromise;
    const dayAfter = parisDay(new Date());
    const browserPdf = path.join(workDir, 'navigateur.pdf');
    await download.saveAs(browserPdf);
    await context.close();
    expect(pageErrors).toEqual([]);

    // The report is dated by its Paris day, so the CLI given that day must print the very same bytes.
    expect(dayAfter, 'the download crossed midnight in Paris: run the test again').toBe(dayBefore);
    const cliPdf = path.join(workDir, 'cli.pdf');
    execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/diagnose.ts', filePath, '--pdf', cliPdf, '--date', dayBefore], {
      cwd: REPO_ROOT,
      env: { ...process.env, INIT_CWD: REPO_ROOT },
      stdio: 'pipe',
    });
    expect(readFileSync(browserPdf).equals(readFileSync(cliPdf))).toBe(true);

    const contentDir = loadContentDirectory(CONTENT_DIR);
    const questionnaire = contentDir.questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-complet')!.questionnaire;
    const toolkit = contentDir.toolkits[0]!.toolkit;
    const parsed = parseAnswersFile(content, questionnaire);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const model = buildReportModel({ questionnaire, toolkit, file: parsed.file, diagnosis: diagnose(questionnaire, toolkit, parsed.file.answers), generatedAt: new Date(`${dayBefore}T12:00:00Z`) });

    const text = extractPdfText(browserPdf);
    expect(text).toContain(ORGANISATION);
    const info = readPdfInfo(browserPdf);
    // Cover, summary, three pillars, then the path, the annex and the method, each from a new page.
    const pages = Number(info['Pages']);
    expect(pages).toBe(16);
    expect(info['Title']).toBe(`Autodiagnostic du modèle socio-économique – ${ORGANISATION}`);
    expect(info['Author']).toBe(ORGANISATION);
    expect(readFileSync(browserPdf).toString('latin1')).toContain('/Lang (fr-FR)');

    expect(model.pillars.map((pillar) => pillar.label)).toEqual(['Richesses humaines', 'Ressources financières', 'Alliances stratégiques']);
    for (const pillar of model.pillars) {
      expect(pillar.score).toEqual(expect.any(Number));
      // The heading of the pillar's section, then its score and level.
      expect(text).toContain(`${pillar.label} ${pillar.scoreLabel} · ${pillar.levelLabel}`);
    }
    const steps = model.path.groups.flatMap((group) => group.steps);
    expect(steps.length).toBeGreaterThanOrEqual(6);
    // A title wraps inside its cell: compared without line breaks, and without a cut inside a long word.
    for (const step of steps) expect(text.replace(/- /g, '-')).toContain(step.title.replace(/\s+/g, ' '));
    for (let number = 2; number <= pages; number += 1) expect(extractPdfText(browserPdf, number)).toContain(`page ${number} / ${pages}`);
  });
});
