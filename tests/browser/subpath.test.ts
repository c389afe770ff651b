import { appendFileSync, cpSync, createReadStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { HEADER_CONTENT_SECURITY_POLICY } from '../../scripts/vite-plugin-csp';
import { answerStep } from './answer-steps';
import { builtSiteDir, fetchServedQuestionnaire, launchChromium, readHeading as heading, waitForServiceWorkerControl, watchContentSecurityPolicy, watchContext } from './browser';

const SUB_PATH = '/sous-chemin/';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
};

/**
 * The same built site as the other journeys, served under a sub-path by the plainest static host:
 * files only, nothing at the root, and the policy also sent as a header (the one public/_headers gives).
 */
function serveUnderSubPath(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = pathname.startsWith(SUB_PATH) ? pathname.slice(SUB_PATH.length) || 'index.html' : undefined;
    const file = relative === undefined ? undefined : path.join(root, relative);
    if (!file || !file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': HEADER_CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('the sub-path server has no port');
      resolve({ server, url: `http://127.0.0.1:${address.port}${SUB_PATH}` });
    });
  });
}

let browser: Browser;
let server: Server;
let siteUrl: string;
let questionnaire: Questionnaire;
/** A copy of the built site, so that a test can publish a "new version" of it. */
const siteDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-sous-chemin-'));

beforeAll(async () => {
  cpSync(builtSiteDir(), siteDir, { recursive: true });
  ({ server, url: siteUrl } = await serveUnderSubPath(siteDir));
  browser = await launchChromium();
  questionnaire = await fetchServedQuestionnaire(siteUrl, 'diagnostic-express');
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('under a sub-path', () => {
  it('welcomes, installs within the sub-path, and runs the first step, with a clean policy', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The whole origin is the site's, so anything fetched outside the sub-path counts as foreign.
    const watch = watchContext(context, siteUrl);
    const cspViolations = await watchContentSecurityPolicy(context);
    const failures: string[] = [];
    context.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await expect.poll(() => heading(page)).toContain('Faites le point');
    await waitForServiceWorkerControl(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(siteUrl);

    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${siteUrl}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    // Relative addresses in the manifest resolve against its own address: the sub-path.
    expect(manifest.manifest).toMatchObject({ startUrl: siteUrl, scope: siteUrl, id: siteUrl });
    // Playwright's contexts are incognito windows, where nothing installs; anything else would be ours.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    await page.getByRole('article', { name: questionnaire.title }).getByRole('button', { name: /^Commencer/ }).click();
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    await answerStep(page, questionnaire.steps[0]!, { questionnaire, organisation: 'Le Club du sous-chemin', participant: 0 });
    await page.getByRole('button', { name: 'Suivant', exact: true }).click();
    await expect.poll(() => heading(page)).toContain('Étape 2 sur 7');
    await expect.poll(() => page.url()).toMatch(new RegExp(`^${siteUrl}(index\\.html)?#/`));

    // A new version is published in the middle of the diagnosis: it installs and waits, the page
    // stays on its step with the old version, until the page asks it to take over.
    appendFileSync(path.join(siteDir, 'sw.js'), '\n// a new version\n');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.ready).update();
    });
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).waiting?.state ?? 'none')).toBe('installed');
    expect(await heading(page)).toContain('Étape 2 sur 7');
    const takenOver = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true));
          void navigator.serviceWorker.ready.then((registration) => registration.waiting?.postMessage({ type: 'SKIP_WAITING' }));
        }),
    );
    expect(takenOver).toBe(true);

    expect(watch.foreignRequests).toEqual([]);
    expect(failures).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  // Back home, the page still loads the home page through the old worker; told to skip waiting in
  // the middle of that, Chromium restarts the old worker and the new one stays « installed » for
  // good here (DevTools attached), so the app waits for a quiet network first (src/pwa/when-network-quiet.ts).
  it('announces a new version, keeps it waiting during a diagnosis, installs it back home, and on request from home', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const watch = watchContext(context, siteUrl);
    const cspViolations = await watchContentSecurityPolicy(context);
    const page = await context.newPage();
    await page.goto(siteUrl);
    await waitForServiceWorkerControl(page);
    const status = page.getByRole('status').filter({ hasText: 'Nouvelle version disponible' });
    const markPage = () => page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
    const wasReloaded = () => page.evaluate(() => !(window as unknown as { beforeUpdate?: boolean }).beforeUpdate);
    const publishNewVersion = async (mark: string) => {
      appendFileSync(path.join(siteDir, 'sw.js'), `\n// ${mark}\n`);
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.ready).update();
      });
    };

    await page.getByRole('article', { name: questionnaire.title }).getByRole('button', { name: /^Commencer/ }).click();
    await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
    await answerStep(page, questionnaire.steps[0]!, { questionnaire, organisation: 'La Chorale du sous-chemin', participant: 0 });
    await markPage();
    await publishNewVersion('version 2');
    await expect.poll(() => status.textContent()).toBe('Nouvelle version disponible. Elle sera installée quand vous reviendrez à l’accueil. Vos réponses sont enregistrées.');
    expect(await page.getByRole('button', { name: 'Mettre à jour' }).count()).toBe(0);
    expect(await wasReloaded()).toBe(false);

    // The browser's Back button on the first step returns home, where the new version installs.
    // A confirmation (answers the library refused) would keep the diagnosis open: said if it happens.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => dialogs.push(dialog.message()));
    await page.goBack();
    const workers = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return JSON.stringify({ active: registration?.active?.state, waiting: registration?.waiting?.state, installing: registration?.installing?.state, controlled: navigator.serviceWorker.controller !== null });
      });
    const reloadedHome = async () => ((await wasReloaded()) ? 'reloaded' : `not reloaded: ${await heading(page)}; dialogs: ${JSON.stringify(dialogs)}; workers: ${await workers()}`);
    await expect.poll(reloadedHome, { timeout: 15_000 }).toBe('reloaded');
    await expect.poll(() => heading(page)).toContain('Faites le point');
    expect(await status.count()).toBe(0);
    // As the banner said: the answers were saved, and the new version offers to resume them.
    await expect.poll(() => page.getByRole('button', { name: /^Reprendre : La Chorale du sous-chemin/ }).count()).toBe(1);

    await markPage();
    await publishNewVersion('version 3');
    await expect.poll(() => status.textContent()).toBe('Nouvelle version disponible.');
    expect(await wasReloaded()).toBe(false);
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await expect.poll(wasReloaded, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => heading(page)).toContain('Faites le point');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting)).toBeNull();

    expect(watch.pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
