import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { CHROMIUM_PATH } from './global-setup';

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
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
