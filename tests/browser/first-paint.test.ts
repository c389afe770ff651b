import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PRERENDERED_WELCOME } from '../../src/page-markers';
import { launchChromium, watchContext } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Installed before the page's scripts: counts the elements taken out of #root from then on, and
 * keeps the prerendered heading, to check later that the app kept the very same element.
 */
function watchRootBeforeScripts(): void {
  const state = window as unknown as { __removedFromRoot: number; __prerenderedHeading: Element | null; __headingTopAtFirstPaint: number | null };
  state.__removedFromRoot = 0;
  state.__prerenderedHeading = null;
  state.__headingTopAtFirstPaint = null;
  // Where the heading sits in the first frame, before any of the app's stylesheets arrive.
  requestAnimationFrame(() => {
    const heading = document.querySelector('#root h1');
    if (heading) state.__headingTopAtFirstPaint = heading.getBoundingClientRect().top;
  });
  new MutationObserver((records) => {
    for (const record of records) state.__removedFromRoot += [...record.removedNodes].filter((node) => node.nodeType === Node.ELEMENT_NODE).length;
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    state.__prerenderedHeading = document.querySelector('#root h1');
  });
}

async function openWelcomePage(page: Page, address: string): Promise<void> {
  await page.addInitScript(watchRootBeforeScripts);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(address);
  // The app is running once a start button answers: it opens the wizard.
  await page.getByRole('button', { name: 'Commencer : Diagnostic express' }).waitFor();
  // The button is in the HTML before any script: wait until React owns it (its props on the element).
  await page.waitForFunction(() => {
    const button = document.querySelector('#root .questionnaire-choice button');
    return button !== null && Object.keys(button).some((key) => key.startsWith('__reactProps'));
  }, undefined, { timeout: 30_000 });
  // Its effects, the library's read and the lazy parts done: a hydration mismatch would be logged by now.
  await page.waitForLoadState('networkidle');
  expect(consoleErrors).toEqual([]);
}

describe('the first paint', () => {
  it('is the French welcome page of the built index.html, taken over by the app without rebuilding it', async () => {
    const html = await (await fetch(baseUrl)).text();
    expect(html).toContain(`<div id="root" data-prerendered="${PRERENDERED_WELCOME}">`);
    expect(html).toContain('Commencer : Diagnostic express');

    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    const watch = watchContext(context, baseUrl);
    const page = await context.newPage();
    await openWelcomePage(page, baseUrl);
    const kept = await page.evaluate(() => {
      const state = window as unknown as { __removedFromRoot: number; __prerenderedHeading: Element | null; __headingTopAtFirstPaint: number | null };
      const heading = document.querySelector('#root h1');
      return {
        removed: state.__removedFromRoot,
        sameHeading: state.__prerenderedHeading !== null && state.__prerenderedHeading === heading,
        // Nothing moved the page between the first frame and the running app (its stylesheets arrived meanwhile).
        headingMoved: state.__headingTopAtFirstPaint === null ? null : Math.abs((heading?.getBoundingClientRect().top ?? 0) - state.__headingTopAtFirstPaint),
      };
    });
    expect(kept).toEqual({ removed: 0, sameHeading: true, headingMoved: 0 });

    // Taken over, so it works: the button opens the wizard.
    await page.getByRole('button', { name: 'Commencer : Diagnostic express' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toMatch(/^Étape 1 sur 7/);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('keeps a button pressed before the app runs, and presses it again once it does', async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    const watch = watchContext(context, baseUrl);
    const page = await context.newPage();
    // The app's own chunk is held back: the page is painted, its buttons shown, nothing answers yet.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/start-app-[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Commencer : Diagnostic express' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Faites le point/);
    release();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toMatch(/^Étape 1 sur 7/);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  it('is replaced, not hydrated, when the app opens elsewhere: in English, or on another address', async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    const watch = watchContext(context, baseUrl);
    await context.addInitScript(() => {
      // Every document of the context, about:blank included, which has no storage.
      if (window.location.protocol.startsWith('http')) window.localStorage.setItem('trajectoires.langue', 'en');
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Start: Express self-assessment' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    const other = await context.newPage();
    await other.goto(`${baseUrl}#/accessibilite`);
    await expect.poll(() => other.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).not.toMatch(/socio-économique|socio-economic/);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});
