import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Questionnaire, Question } from '../../src/domain/questionnaire-schema';
import { expectNoAxeViolations, fetchServedQuestionnaire, launchChromium, readHeading as heading } from './browser';
import { answerStep, waitForWholeStep } from './answer-steps';

const ORGANISATION = 'Association « Les Amis de l’Œuvre » — Ćirić & Ελλάδα & Ассоциация';
const baseUrl = inject('baseUrl');

let browser: Browser;
let questionnaire: Questionnaire;

beforeAll(async () => {
  browser = await launchChromium();
  questionnaire = await fetchServedQuestionnaire(baseUrl, 'diagnostic-complet');
});

afterAll(async () => {
  await browser?.close();
});

/** The start button of the complete questionnaire, on the welcome page's choice of diagnoses. */
function startButton(page: Page) {
  return page.getByRole('article', { name: questionnaire.title }).getByRole('button', { name: /^Commencer/ });
}

function findQuestion(id: string): Question | undefined {
  return questionnaire.steps.flatMap((step) => step.questions).find((question) => question.id === id);
}

/** The option a rubric question gets in this journey: varied, with one "Je ne sais pas". */
function choiceFor(question: Question, index: number): number {
  if (question.type !== 'single' || !question.pillar) return 0;
  return index % 4;
}

interface FocusedControl {
  tag: string;
  type: string;
  name: string;
  checked: boolean;
}

async function readFocus(page: Page): Promise<FocusedControl> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      type: element?.getAttribute('type') ?? '',
      name: element?.getAttribute('name') ?? '',
      checked: Boolean(element?.checked),
    };
  });
}

/**
 * Answers the current step with the keyboard only: Tab from control to control, Space and the
 * arrow keys in radio groups, typing in text fields, Enter on "Suivant".
 */
async function answerStepWithKeyboard(page: Page, answered: Set<string>): Promise<void> {
  await page.getByRole('heading', { level: 1 }).focus();
  for (let presses = 0; presses < 600; presses += 1) {
    await page.keyboard.press('Tab');
    const focus = await readFocus(page);
    if (focus.tag === 'button' && focus.type === 'submit') {
      await page.keyboard.press('Enter');
      return;
    }
    const [questionId = '', partId] = focus.name.split('.');
    const question = findQuestion(questionId);
    if (!question || answered.has(focus.name)) continue;
    answered.add(focus.name);
    if (focus.type === 'radio') {
      if (!focus.checked) await page.keyboard.press('Space');
      const moves = choiceFor(question, answered.size);
      for (let move = 0; move < moves; move += 1) await page.keyboard.press('ArrowDown');
    } else if (focus.type === 'checkbox') {
      if (!focus.checked) await page.keyboard.press('Space');
    } else if (focus.tag === 'input' || focus.tag === 'textarea') {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(valueFor(question, partId));
    }
  }
  throw new Error('never reached the submit button');
}

function valueFor(question: Question, partId: string | undefined): string {
  if (question.type === 'shares') {
    // 60 % from the first source raises the concentration flag; the second takes the rest.
    const index = question.parts.findIndex((part) => part.id === partId);
    return index === 0 ? '60' : index === 1 ? '40' : '0';
  }
  if (question.type === 'number') return String(Math.min(question.max, Math.max(question.min, 12)));
  if (question.id === questionnaire.bindings.organisationName) return ORGANISATION;
  return 'Une réponse libre, saisie au clavier.';
}

describe('the self-diagnosis in a real browser', () => {
  it('runs all seven steps with the keyboard, survives a reload, and downloads the PDF', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const foreignRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) foreignRequests.push(request.url());
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(baseUrl);
    await expect.poll(() => startButton(page).count()).toBe(1);
    await expectNoAxeViolations(page, 'the welcome page');
    await startButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    await expect.poll(() => page.url()).toContain('#/structure');

    // "Suivant" on an empty step: an error summary, focused, and no move.
    await page.getByRole('button', { name: 'Suivant' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await heading(page)).toContain('Étape 1 sur 7');
    await expectNoAxeViolations(page, 'the profile step with errors');

    const answered = new Set<string>();
    const titles = questionnaire.steps.map((step) => step.title);
    for (const [index, title] of titles.entries()) {
      await expect.poll(() => heading(page)).toContain(`Étape ${index + 1} sur 7`);
      expect(await heading(page)).toContain(title);
      // Focus moves to the new step's heading.
      if (index > 0) expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
      await waitForWholeStep(page);
      await expectNoAxeViolations(page, `step ${index + 1} (${title})`);
      await answerStepWithKeyboard(page, answered);

      if (index === 2) {
        // Reload in the middle: the app comes back on the same step with the answers intact.
        await expect.poll(() => heading(page)).toContain('Étape 4 sur 7');
        // The address follows the step after its paint: a reload within that frame reopens the
        // step before (its answers kept). A person's reload comes later than that.
        await expect.poll(() => page.url()).toContain('#/ressources-financieres');
        await page.reload();
        await expect.poll(() => heading(page)).toContain('Étape 4 sur 7');
        await page.goBack();
        await expect.poll(() => heading(page)).toContain('Étape 3 sur 7');
        await waitForWholeStep(page);
        const checkedAfterReload = await page.locator('input[type=radio]:checked').count();
        expect(checkedAfterReload).toBeGreaterThanOrEqual(questionnaire.steps[2]!.questions.length - 1);
        // Change an answer, then go on again.
        await page.locator('fieldset').first().locator('input[type=radio]').nth(3).focus();
        await page.keyboard.press('Space');
        await page.getByRole('button', { name: 'Suivant' }).focus();
        await page.keyboard.press('Enter');
      }
    }

    await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
    await expect.poll(() => page.url()).toContain('#/synthese');
    await expect.poll(() => page.getByRole('heading', { name: 'Votre Parcours A.D.O.C.' }).count()).toBe(1);
    await page.getByRole('img', { name: /Vue d’ensemble des trois piliers/ }).waitFor();
    await expectNoAxeViolations(page, 'the synthesis');
    // The synthesis shows its scores first, the path just after.
    await page.locator('.synthesis:not([aria-busy="true"])').waitFor();
    const pathTitles = await page.locator('.path-title').allTextContents();
    expect(pathTitles.length).toBeGreaterThanOrEqual(6);
    expect(pathTitles.length).toBeLessThanOrEqual(15);

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).focus();
    await page.keyboard.press('Enter');
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^autodiagnostic-association-les-amis-de-l-oeuvre.*-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfPath = path.join(mkdtempSync(path.join(tmpdir(), 'journey-')), 'report.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8');
    expect(text.replace(/\s+/g, ' ')).toContain(ORGANISATION);
    for (const pillar of ['Richesses humaines', 'Ressources financières', 'Alliances stratégiques']) expect(text).toContain(pillar);
    const flatText = text.replace(/\s+/g, ' ');
    for (const title of pathTitles) expect(flatText).toContain(title.replace(/\s+/g, ' ').slice(0, 40));
    const info = execFileSync('pdfinfo', [pdfPath]).toString('utf8');
    expect(info).toMatch(/Title:\s+\S/);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    // Export the answers, start afresh, and bring them back from the file.
    const exportPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter mes réponses' }).click();
    const exported = await exportPromise;
    const exportPath = path.join(path.dirname(pdfPath), exported.suggestedFilename());
    await exported.saveAs(exportPath);
    const answersFile = JSON.parse(readFileSync(exportPath, 'utf8'));
    expect(answersFile).toMatchObject({ format: 'trajectoires.diagnostic', formatVersion: 1, questionnaire: { id: 'diagnostic-complet' } });
    expect(answersFile.answers[questionnaire.bindings.organisationName]).toBe(ORGANISATION);

    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Retour à l’accueil et à vos diagnostics' }).click();
    await expect.poll(() => heading(page)).toContain('Faites le point');
    await page.locator('input[type=file]').setInputFiles({ name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "autre"') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('n’est pas un fichier JSON lisible');
    await expectNoAxeViolations(page, 'the welcome page with an import error');
    await page.locator('input[type=file]').setInputFiles(exportPath);
    await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
    await expect.poll(() => page.locator('.path-title').allTextContents()).toEqual(pathTitles);

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a clear page, not a blank screen, when the questionnaire file is broken', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/questionnaires/diagnostic-complet.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": 3}' }));
    await page.goto(baseUrl);
    await startButton(page).click();
    await expect.poll(() => heading(page)).toContain('Le questionnaire ne peut pas être affiché');
    expect(await page.getByRole('listitem').filter({ hasText: 'id' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'the content error page');
    await context.close();
  });

  it('takes a Tab pressed as a step opens, before its questions came, to the first question rather than the footer', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await startButton(page).click();
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    const [first, second] = questionnaire.steps;
    await answerStep(page, first!, { questionnaire, organisation: ORGANISATION, participant: 1 });
    // Frames held from here: the next step stays at its heading (for a second, its fallback) until a key is pressed.
    await page.evaluate(() => {
      window.requestAnimationFrame = () => 0;
    });
    await page.getByRole('button', { name: 'Suivant' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading', undefined, { polling: 20 });
    expect(await page.locator('form.step-form').getAttribute('aria-busy')).toBe('true');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ inForm: Boolean(document.activeElement?.closest('form.step-form')), name: (document.activeElement as HTMLInputElement | null)?.name ?? '' }));
    expect(focused).toEqual({ inForm: true, name: second!.questions[0]!.id });
    await context.close();
  });

  it('fits a 360 px phone without horizontal scrolling, and Back on the first step returns to the welcome page', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await startButton(page).click();
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The browser's Back button on the first step returns to the welcome page, whose library offers to resume.
    await page.getByRole('textbox', { name: /Nom de votre structure/ }).fill('Le Club');
    await page.goBack();
    await expect.poll(() => heading(page)).toContain('Faites le point');
    await page.getByRole('button', { name: /^Reprendre : Le Club/ }).click();
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    expect(await page.getByRole('textbox', { name: /Nom de votre structure/ }).inputValue()).toBe('Le Club');
    await context.close();
  });
});
