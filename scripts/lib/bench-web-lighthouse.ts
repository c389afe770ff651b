/**
 * Lighthouse runs for `npm run bench:web`: a fresh Chromium per run (chrome-launcher), so no
 * cache, service worker or storage carries over from one run to the next.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import type { LighthouseReport } from './bench-web-budgets';
import { CHROMIUM_FLAGS } from '../../tests/browser/browser';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

/** The same flags as the browser tests' Chromium: headless and off the (closed) network. */
const CHROME_FLAGS = CHROMIUM_FLAGS;

export type FormFactor = 'mobile' | 'desktop';

/**
 * One Lighthouse run. Mobile is Lighthouse's default configuration (a mid-range phone, simulated
 * slow 4G and 4× CPU); desktop is its own desktop configuration.
 */
export async function runLighthouse(url: string, formFactor: FormFactor): Promise<LighthouseReport> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] };
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned no result for ${url} (${formFactor})`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url} (${formFactor}): ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr as unknown as LighthouseReport;
  } finally {
    chrome.kill();
  }
}
