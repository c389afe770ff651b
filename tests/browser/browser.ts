import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { CHROMIUM_PATH } from './global-setup';

/** Headless, and off the (closed) network: shared with `npm run bench:web`'s Lighthouse runs. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** The questionnaire exactly as the built site serves it. */
export async function fetchServedQuestionnaire(baseUrl: string, id: string): Promise<Questionnaire> {
  const response = await fetch(new URL(`questionnaires/${id}.json`, baseUrl));
  return (await response.json()) as Questionnaire;
}

/** The page's h1: the step's "Étape n sur 7 · title", or the welcome and error pages' heading. */
export async function readHeading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => `${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target.join(' ')}`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

export interface ContextWatch {
  /** Requests that left the app's origin (blob: and data: addresses stay on the device). */
  foreignRequests: string[];
  /** Uncaught errors of any page of the context, prefixed with the page's address. */
  pageErrors: string[];
  /** Every alert or confirm a page showed; each is accepted, so the journey goes on. */
  dialogs: string[];
}

/** Watches every page a context opens, the ones a test opens later included. */
export function watchContext(context: BrowserContext, baseUrl: string): ContextWatch {
  const watch: ContextWatch = { foreignRequests: [], pageErrors: [], dialogs: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:')) watch.foreignRequests.push(url);
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => watch.pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('dialog', (dialog) => {
      watch.dialogs.push(dialog.message());
      void dialog.accept();
    });
  });
  return watch;
}

/** How far the page itself scrolls sideways (0 when it fits), and the first elements that stick out of it. */
export async function measureHorizontalOverflow(page: Page): Promise<{ overflow: number; wideElements: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A wide table inside its own scrolling box does not make the page scroll.
    const isInsideScroller = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    return {
      overflow: document.documentElement.scrollWidth - width,
      wideElements: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 1 && !isInsideScroller(element))
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
        .slice(0, 5),
    };
  });
}

/** The directory global-setup built the site into (the same rule as there). */
export function builtSiteDir(): string {
  return process.env.BROWSER_TEST_OUT_DIR ?? path.join(fileURLToPath(new URL('../..', import.meta.url)), 'dist');
}

/**
 * Every Content-Security-Policy violation of every page of the context, as the page itself sees
 * it (the `securitypolicyviolation` event, eval and inline styles included), plus the console's
 * « Refused to … » lines. Playwright's init script runs outside the page's policy.
 */
export async function watchContentSecurityPolicy(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => void violations.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

/**
 * Waits until the service worker has installed (its precache filled) and controls the page. A
 * first visit stays uncontrolled (the worker never claims a page by itself), so it reloads once.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Every address the page's service worker precached. */
export async function listCachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}
