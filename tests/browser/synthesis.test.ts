import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { expectNoAxeViolations, fetchServedQuestionnaire, launchChromium, readHeading as heading } from './browser';

const baseUrl = inject('baseUrl');
const PERSONA = fileURLToPath(new URL('../fixtures/personas/association-sociale-complet.json', import.meta.url));
// Pictures for a person to look at, only when asked: SCREENSHOT_DIR=/tmp/shots npm run test:browser
const SCREENSHOTS = process.env.SCREENSHOT_DIR;

let browser: Browser;
let questionnaire: Questionnaire;

beforeAll(async () => {
  browser = await launchChromium();
  questionnaire = await fetchServedQuestionnaire(baseUrl, 'diagnostic-complet');
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Imports the persona from the welcome page and waits for the synthesis and its charts. */
async function openPersonaSynthesis(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(baseUrl);
  await page.locator('input[type=file]').setInputFiles(PERSONA);
  await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
  await page.getByRole('img', { name: /Vue d’ensemble des trois piliers/ }).waitFor();
  await page.getByRole('img', { name: /Score de chaque dimension/ }).waitFor();
  return page;
}

/** One picture per part of the synthesis, each at most a screen or two tall, so that a person can look at them. */
async function shootSections(page: Page, width: string): Promise<void> {
  if (!SCREENSHOTS) return;
  const sections = page.locator('.synthesis > section, .synthesis > .two-columns');
  for (let index = 0; index < (await sections.count()); index += 1) {
    const box = await sections.nth(index).boundingBox();
    if (!box) continue;
    await page.screenshot({
      path: path.join(SCREENSHOTS, `synthesis-${width}-${index}.png`),
      fullPage: true,
      clip: { x: 0, y: box.y, width: page.viewportSize()?.width ?? 1280, height: Math.min(box.height, 1600) },
    });
  }
}

describe('the synthesis in a real browser', () => {
  it('shows the diagnosis, keeps the path progress through a reload, prints cleanly and links back to each answer', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPersonaSynthesis(context);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    for (const name of ['Vos scores', 'Vos dimensions', 'Vos forces', 'Points de vigilance', 'Votre Parcours A.D.O.C.', 'Vos réponses']) {
      expect(await page.getByRole('region', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.getByText(/^Pour passer au niveau suivant|niveau le plus avancé/).count()).toBeGreaterThanOrEqual(3);
    const strengths = await page.getByRole('region', { name: 'Vos forces' }).getByRole('listitem').allTextContents();
    expect(strengths).toHaveLength(3);
    for (const strength of strengths) expect(strength).toMatch(/\s:\s\d+\s\/\s100, .+\s—\s.+\.$/);
    expect(await page.getByRole('heading', { name: 'Dans les 18 mois' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'the synthesis');
    await shootSections(page, '1280');

    // Mark the first step done, annotate it, and find both again after a reload.
    const firstStep = page.locator('.path-step').first();
    const title = (await firstStep.locator('.path-title').textContent()) ?? '';
    await firstStep.getByRole('button', { name: 'Fait', exact: true }).click();
    await firstStep.getByRole('textbox', { name: 'Votre note' }).fill('Présenté au bureau de mars ; Claire s’en charge.');
    await page.reload();
    await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
    const reloadedStep = page.locator('.path-step').first();
    expect(await reloadedStep.locator('.path-title').textContent()).toBe(title);
    expect(await reloadedStep.getByRole('button', { name: 'Fait', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await reloadedStep.getByRole('textbox', { name: 'Votre note' }).inputValue()).toBe('Présenté au bureau de mars ; Claire s’en charge.');

    // On paper: no navigation, no buttons, no form controls; the mark and the note as text.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
    expect(await page.getByRole('navigation').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('textarea').filter({ visible: true }).count()).toBe(0);
    expect(await reloadedStep.getByText('Statut : Fait').isVisible()).toBe(true);
    expect(await reloadedStep.getByText(/^Note : Présenté au bureau/).isVisible()).toBe(true);
    if (SCREENSHOTS) await page.pdf({ path: path.join(SCREENSHOTS, 'synthesis-print.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    // "Modifier" opens the question's step with focus on its field.
    const financial = questionnaire.steps.find((step) => step.id === 'financial-resources')!;
    const question = financial.questions[1]!;
    await page.getByRole('link', { name: `Modifier la réponse à « ${question.label} »` }).click();
    await expect.poll(() => heading(page)).toContain(financial.title);
    await expect.poll(() => page.url()).toContain('#/ressources-financieres');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`q-${question.id}`);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fits a 360 px phone without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await openPersonaSynthesis(context);
    await shootSections(page, '360');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((element) => `${element.tagName}.${element.className}`)
        .slice(0, 5),
    );
    expect(wide).toEqual([]);
    await context.close();
  });
});
