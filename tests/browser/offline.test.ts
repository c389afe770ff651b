import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { findInlineCode, META_CONTENT_SECURITY_POLICY } from '../../scripts/vite-plugin-csp';
import { extractPdfText, readPdfInfo } from '../report/poppler';
import { answerStep } from './answer-steps';
import { fetchServedQuestionnaire, launchChromium, listCachedUrls, readHeading as heading, waitForServiceWorkerControl, watchContentSecurityPolicy, watchContext } from './browser';

const baseUrl = inject('baseUrl');
const ORGANISATION = 'La Ressourcerie des Hauts « Hors ligne »';

let browser: Browser;
let questionnaire: Questionnaire;

beforeAll(async () => {
  browser = await launchChromium();
  questionnaire = await fetchServedQuestionnaire(baseUrl, 'diagnostic-express');
});

afterAll(async () => {
  await browser?.close();
});

describe('the built page and its policy', () => {
  it('carries the Content-Security-Policy and no inline code, scripts included', async () => {
    const html = await (await fetch(baseUrl)).text();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
    expect(findInlineCode(html)).toEqual([]);
    // The service worker's registration is a file of its own, loaded after the page.
    expect(html).toMatch(/<script id="vite-plugin-pwa:register-sw" src="\.\/registerSW\.js" defer><\/script>/);
    expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest">');
  });
});

/** Fetches an address no cache holds: `reached` means the network answered. */
function probeNetwork(page: Page): Promise<'reached' | 'failed'> {
  return page.evaluate(() => fetch(`./network-probe-${Date.now()}`, { cache: 'no-store' }).then(() => 'reached' as const, () => 'failed' as const));
}

describe('offline', () => {
  it('installs, then with no network reloads, runs an express diagnosis and downloads its PDF', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const watch = watchContext(context, baseUrl);
    const cspViolations = await watchContentSecurityPolicy(context);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForServiceWorkerControl(page);

    const cached = new Set((await listCachedUrls(page)).map((url) => url.replace(/\?.*$/, '').slice(baseUrl.length)));
    for (const file of [
      'index.html',
      'manifest.webmanifest',
      'questionnaires/index.json',
      'questionnaires/toolkit.json',
      'questionnaires/diagnostic-express.json',
      'questionnaires/diagnostic-complet.json',
      'demo/atelier-demo.json',
      'pwa-192x192.png',
      'pwa-512x512.png',
      'maskable-icon-512x512.png',
      'apple-touch-icon-180x180.png',
      'favicon.ico',
    ]) {
      expect(cached, file).toContain(file);
    }
    expect([...cached].filter((file) => /^assets\/DejaVuSans.*\.ttf$/.test(file))).toHaveLength(2);

    await context.setOffline(true);
    await page.reload();
    expect(await probeNetwork(page)).toBe('failed');
    await page.getByRole('article', { name: questionnaire.title }).getByRole('button', { name: /^Commencer/ }).click();
    for (const [index, step] of questionnaire.steps.entries()) {
      await expect.poll(() => heading(page)).toContain(`Étape ${index + 1} sur 7`);
      await answerStep(page, step, { questionnaire, organisation: ORGANISATION, participant: 1 });
      await page.getByRole('button', { name: index === questionnaire.steps.length - 1 ? 'Voir la synthèse' : 'Suivant', exact: true }).click();
    }
    await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
    await expect.poll(() => page.getByRole('heading', { name: 'Votre Parcours A.D.O.C.' }).count()).toBe(1);
    // The charts come with the synthesis: a lazy chunk, served by the worker too.
    await page.getByRole('img', { name: /Vue d’ensemble des trois piliers/ }).waitFor();

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
    const pdfPath = path.join(mkdtempSync(path.join(tmpdir(), 'offline-')), 'rapport.pdf');
    await (await downloadPromise).saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(readPdfInfo(pdfPath).Pages)).toBeGreaterThanOrEqual(2);
    const text = extractPdfText(pdfPath);
    expect(text).toContain(ORGANISATION);
    for (const pillar of ['Richesses humaines', 'Ressources financières', 'Alliances stratégiques']) expect(text).toContain(pillar);

    // The network was cut all along: an address the worker does not hold fails. (Not
    // `navigator.onLine`: since Chromium 150 it says true again after a reload, network cut or not.)
    expect(await probeNetwork(page)).toBe('failed');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
