import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isRubricQuestion, type Questionnaire, type RubricQuestion } from '../../src/domain/questionnaire-schema';
import { REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { extractPdfText } from '../report/poppler';
import { answerStep, namePattern } from './answer-steps';
import {
  expectNoAxeViolations,
  fetchServedQuestionnaire,
  launchChromium,
  measureHorizontalOverflow,
  readHeading as heading,
  watchContext,
  type ContextWatch,
} from './browser';

const baseUrl = inject('baseUrl');
const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-library-'));
// Pictures for a person to look at, only when asked: SCREENSHOT_DIR=/tmp/shots npm run test:browser
const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const ORGANISATION = 'La Ressourcerie du Plateau';

let browser: Browser;
let questionnaire: Questionnaire;

beforeAll(async () => {
  browser = await launchChromium();
  questionnaire = await fetchServedQuestionnaire(baseUrl, 'diagnostic-express');
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

function flatten(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function organisationCard(page: Page) {
  return page.getByRole('article', { name: new RegExp(`^${ORGANISATION}`) });
}

async function startExpress(page: Page): Promise<void> {
  await page.getByRole('article', { name: questionnaire.title }).getByRole('button', { name: /^Commencer/ }).click();
  await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
}

/** Every step answered as the n-th participant would, up to the synthesis. */
async function answerEveryStep(page: Page, participant: number): Promise<void> {
  for (const [index, step] of questionnaire.steps.entries()) {
    await expect.poll(() => heading(page)).toContain(`Étape ${index + 1} sur 7`);
    await answerStep(page, step, { questionnaire, organisation: ORGANISATION, participant });
    await page.getByRole('button', { name: index === questionnaire.steps.length - 1 ? 'Voir la synthèse' : 'Suivant', exact: true }).click();
  }
  await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
}

/** The open diagnosis' id, as the tab keeps it for a reload. */
function openId(page: Page): Promise<string | null> {
  return page.evaluate(() => window.sessionStorage.getItem('trajectoires.ouvert'));
}

/** Every record of the library as stored, read straight from IndexedDB (in key order). */
async function storedRecords(page: Page): Promise<{ key: string; value: unknown }[]> {
  return page.evaluate(
    () =>
      new Promise<{ key: string; value: unknown }[]>((resolve, reject) => {
        const request = indexedDB.open('trajectoires-diagnostics');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const store = request.result.transaction('diagnostics', 'readonly').objectStore('diagnostics');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            request.result.close();
            resolve((keys.result as string[]).map((key, index) => ({ key, value: values.result[index] })));
          };
        };
      }),
  );
}

async function listedIds(page: Page): Promise<string[]> {
  return (await storedRecords(page)).map(({ key }) => key).filter((key) => key.startsWith('diagnostic:')).sort();
}

/** The organisation names stored in the library, read straight from IndexedDB. */
async function storedOrganisationNames(page: Page): Promise<string[]> {
  return (await storedRecords(page)).map(({ value }) => (value as { entry?: { organisationName?: string } }).entry?.organisationName ?? '').sort();
}

describe('a diagnosis over time', () => {
  let context: BrowserContext;
  let watch: ContextWatch;

  beforeAll(async () => {
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    watch = watchContext(context, baseUrl);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('complete, « Refaire », change three answers, compare, and download the PDF with its evolution, reloading at every stage', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await startExpress(page);
    await answerEveryStep(page, 1);
    const firstId = await openId(page);
    expect(firstId).not.toBeNull();

    await page.reload();
    await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
    await page.getByRole('button', { name: 'Retour à l’accueil et à vos diagnostics' }).click();
    await expect.poll(() => heading(page)).toContain('Faites le point');
    await expect.poll(async () => flatten(await organisationCard(page).textContent())).toContain('Terminé le');
    await page.reload();
    await expect.poll(async () => flatten(await organisationCard(page).textContent())).toContain('1 diagnostic');
    await expectNoAxeViolations(page, 'the welcome page with its library');
    await shoot(page, 'library-welcome');

    // « Refaire »: pre-filled from the first diagnosis, which stays as it was.
    await organisationCard(page).getByRole('button', { name: 'Refaire le diagnostic' }).click();
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    await expect.poll(async () => flatten(await page.locator('.opening-notice').textContent())).toContain('pré-rempli avec vos réponses du');
    await expect.poll(() => openId(page)).not.toBe(firstId);
    await page.reload();
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    expect(await page.getByRole('textbox', { name: namePattern(questionnaire.steps[0]!.questions.find((question) => question.id === questionnaire.bindings.organisationName)!.label) }).inputValue()).toBe(ORGANISATION);

    // One rubric answer changed on each pillar's step, with a reload in the middle.
    const changed: RubricQuestion[] = [];
    for (const [index, step] of questionnaire.steps.entries()) {
      await expect.poll(() => heading(page)).toContain(`Étape ${index + 1} sur 7`);
      const rubric = step.id.endsWith('resources') || step.id === 'strategic-alliances' ? step.questions.find(isRubricQuestion) : undefined;
      if (rubric) {
        await page.getByRole('group', { name: namePattern(rubric.label) }).getByRole('radio').nth(3).check();
        changed.push(rubric);
      }
      if (step.id === 'financial-resources') {
        await page.reload();
        await expect.poll(() => heading(page)).toContain(`Étape ${index + 1} sur 7`);
        expect(await page.getByRole('group', { name: namePattern(rubric!.label) }).getByRole('radio').nth(3).isChecked()).toBe(true);
      }
      await page.getByRole('button', { name: index === questionnaire.steps.length - 1 ? 'Voir la synthèse' : 'Suivant', exact: true }).click();
    }
    expect(changed).toHaveLength(3);
    await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');

    await page.getByRole('button', { name: /^Comparer avec le diagnostic du/ }).click();
    await expect.poll(() => heading(page)).toContain('Évolution depuis le');
    const changedItems = () => page.getByRole('region', { name: 'Réponses modifiées' }).getByRole('listitem');
    await expect.poll(() => changedItems().count()).toBe(3);
    for (const question of changed) expect(flatten(await page.getByRole('region', { name: 'Réponses modifiées' }).textContent())).toContain(flatten(question.label));
    await page.reload();
    await expect.poll(() => heading(page)).toContain('Évolution depuis le');
    await expect.poll(() => changedItems().count()).toBe(3);
    await expectNoAxeViolations(page, 'the comparison');
    await shoot(page, 'library-compare');

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le rapport avec l’évolution (PDF)' }).click();
    const download = await downloadPromise;
    const pdfPath = path.join(workDir, download.suggestedFilename());
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = flatten(extractPdfText(pdfPath));
    expect(text).toContain('Évolution depuis le');
    for (const question of changed) expect(text).toContain(flatten(question.label).slice(0, 40));

    await page.getByRole('button', { name: 'Retour' }).first().click();
    await expect.poll(() => heading(page)).toContain('Faites le point');
    await expect.poll(async () => flatten(await organisationCard(page).textContent())).toContain('2 diagnostics');
    expect(await listedIds(page)).toHaveLength(2);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await page.close();
  });

  it('fits the library and the comparison on a 360 px phone without scrolling the page sideways', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(baseUrl);
    await organisationCard(page).waitFor();
    const welcome = await measureHorizontalOverflow(page);
    expect(welcome.wideElements).toEqual([]);
    expect(welcome.overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'library-welcome-360');
    await organisationCard(page).getByRole('button', { name: 'Comparer' }).click();
    await expect.poll(() => heading(page)).toContain('Évolution depuis le');
    const { overflow, wideElements } = await measureHorizontalOverflow(page);
    expect(wideElements).toEqual([]);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'library-compare-360');
    await page.close();
  });
});

describe('a file of an older questionnaire version', () => {
  it('opens migrated, says what changed, and asks only the questions added since', async () => {
    const context = await browser.newContext();
    const watch = watchContext(context, baseUrl);
    const page = await context.newPage();
    await page.goto(baseUrl);
    // A diagnosis saved with the complete questionnaire 1.0.0, before six questions were added.
    const persona = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'personas', 'association-sociale-complet.json'), 'utf8'));
    const added = ['benevoles-actifs', 'rh-besoins-competences', 'fi-projet-financements', 'fi-relation-financeurs', 'fi-gouvernance-finances', 'al-pairs'];
    for (const id of added) delete persona.answers[id];
    persona.questionnaire.version = '1.0.0';
    const filePath = path.join(workDir, 'reponses-2025.json');
    writeFileSync(filePath, JSON.stringify(persona));
    await page.locator('input[type=file]').setInputFiles(filePath);

    await expect.poll(async () => flatten(await page.locator('.opening-notice').textContent())).toContain('Le questionnaire a changé depuis ce diagnostic');
    const notice = flatten(await page.locator('.opening-notice').textContent());
    expect(notice).toContain('version 1.0.0');
    expect(notice).toContain('Six questions ont été ajoutées');
    // The wizard opens on the first step with a question left to answer, not on the synthesis.
    expect(await heading(page)).not.toContain('Étape 7 sur 7');
    await expectNoAxeViolations(page, 'a migrated diagnosis with its notice');
    await shoot(page, 'library-migrated');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('storage faults in the real browser', () => {
  it('warns both tabs editing one diagnosis, and the second save never overwrites the first', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(baseUrl);
    await startExpress(first);
    const organisationField = (page: Page) => page.getByRole('textbox', { name: /Nom de votre structure|Nom de la structure/ });
    await organisationField(first).fill('Deux Onglets');
    await expect.poll(() => openId(first)).not.toBeNull();

    const second = await context.newPage();
    await second.goto(baseUrl);
    await second.getByRole('button', { name: /^Reprendre : Deux Onglets/ }).click();
    await expect.poll(() => heading(second)).toContain('Étape 1 sur 7');
    for (const page of [first, second]) {
      await expect.poll(async () => flatten(await page.getByRole('alert').first().textContent())).toContain('aussi ouvert dans un autre onglet');
    }

    await organisationField(second).fill('Deux Onglets (second)');
    await expect.poll(() => storedOrganisationNames(first)).toContain('Deux Onglets (second)');
    await organisationField(first).fill('Deux Onglets (premier)');
    await expect.poll(async () => flatten(await first.locator('[role=alert]').allTextContents().then((texts) => texts.join(' ')))).toContain('modifié dans un autre onglet');
    await first.getByRole('button', { name: 'Enregistrer mes réponses comme un nouveau diagnostic' }).click();
    await expect.poll(() => listedIds(first).then((ids) => ids.length)).toBe(2);

    await second.goto(baseUrl);
    await expect.poll(async () => flatten(await second.getByRole('region', { name: 'Vos diagnostics sur cet appareil' }).textContent())).toContain('Deux Onglets (second)');
    expect(flatten(await second.getByRole('region', { name: 'Vos diagnostics sur cet appareil' }).textContent())).toContain('Deux Onglets (premier)');
    await context.close();
  });

  it('sets a damaged record aside and keeps the others readable', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    await startExpress(page);
    await page.getByRole('textbox', { name: /Nom de votre structure|Nom de la structure/ }).fill('Lisible');
    await expect.poll(() => openId(page)).not.toBeNull();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('trajectoires-diagnostics');
          request.onsuccess = () => {
            const transaction = request.result.transaction('diagnostics', 'readwrite');
            transaction.objectStore('diagnostics').put({ version: 1, entry: { id: 'abime', file: 'tronqué' } }, 'diagnostic:abime');
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { name: 'Un enregistrement illisible a été mis de côté' }).count()).toBe(1);
    expect(await page.getByRole('article', { name: /^Lisible/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'the library with a damaged record');
    await page.reload();
    // Quarantined once: still offered, never listed as a diagnosis.
    await expect.poll(() => page.getByRole('heading', { name: 'Un enregistrement illisible a été mis de côté' }).count()).toBe(1);
    await context.close();
  });

  it('without IndexedDB (private mode), says so and keeps the answers in the page with an export', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await expect.poll(async () => flatten(await page.getByRole('note').first().textContent())).toContain('navigation privée');
    await startExpress(page);
    await page.getByRole('textbox', { name: /Nom de votre structure|Nom de la structure/ }).fill('En mémoire');
    await expect.poll(async () => flatten(await page.getByRole('alert').first().textContent())).toContain('ne peuvent pas être enregistrées sur cet appareil');
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('alert').getByRole('button', { name: 'Exporter mes réponses' }).click();
    const download = await downloadPromise;
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(Object.values(exported.answers)).toContain('En mémoire');
    await context.close();
  });

  it('when the storage is full, says so and keeps the answers in the page with an export', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'diagnostics') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await startExpress(page);
    await page.getByRole('textbox', { name: /Nom de votre structure|Nom de la structure/ }).fill('Disque plein');
    await expect.poll(async () => flatten(await page.getByRole('alert').first().textContent())).toContain('stockage de ce navigateur est plein');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Exporter mes réponses' }).isEnabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: /Nom de votre structure|Nom de la structure/ }).inputValue()).toBe('Disque plein');
    await context.close();
  });
});
