/**
 * Step changes of the express diagnosis under a 4× CPU slowdown (a cheap phone), timed by the
 * page's own clock: from the click on « Suivant » / « Voir la synthèse » to the next paint (the
 * browser's Event Timing, what INP counts), with the new step's h1 rendered and focused in it.
 */
import type { Browser, Page } from 'playwright-core';
import { fetchServedQuestionnaire } from '../../tests/browser/browser';
import { answerStep } from '../../tests/browser/answer-steps';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';

/**
 * The budget is at 4×. `BENCH_CPU_SLOWDOWN=6 npm run bench:web` tells the margin: a 4×
 * slowdown on a quicker host is a quicker phone, and the shared machines here have differed by
 * about 1.7× (BENCHMARKS.md, 2026-11-23).
 */
export const BUDGET_CPU_SLOWDOWN = 4;
export const CPU_SLOWDOWN = readSlowdown(process.env.BENCH_CPU_SLOWDOWN);

function readSlowdown(value: string | undefined): number {
  if (value === undefined || value === '') return BUDGET_CPU_SLOWDOWN;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 1) throw new Error(`BENCH_CPU_SLOWDOWN must be a number of at least 1, not « ${value} »`);
  return rate;
}
const EXPRESS_ID = 'diagnostic-express';
const ORGANISATION = 'Association de bench';
/** Playwright's first phone profile size: small screens are the ones that run on slow CPUs. */
const VIEWPORT = { width: 412, height: 823 };
const STEP_TIMEOUT_MS = 15_000;

/** Times in milliseconds from the click; NaN when that moment never came. */
export interface StepChange {
  from: string;
  to: string;
  /** The new h1 in the document with focus on it (the wizard focuses it in an effect after the render). */
  focused: number;
  /**
   * The click's interaction from its input to the next paint, as the browser's Event Timing
   * reports it (the `duration` INP is made of; 8 ms steps). The heading is focused inside the
   * click's own task, so this paint shows the new step. 16 when the browser reported nothing: it
   * reports only interactions of 16 ms or more, so that is an upper bound.
   */
  nextPaint: number;
  /** The whole view in the document (a step shows its heading first, its questions and buttons just after; the synthesis its scores first). */
  whole: number;
  /**
   * A task queued from the next animation frame: later than the paint by whatever tasks were
   * queued before it (the autosave's storage callbacks, the favicon). Told beside, not budgeted.
   */
  painted: number;
}

export interface SynthesisChange extends StepChange {
  /** The synthesis' own content (its scores) shown, then the two charts (recharts, another chunk) drawn. */
  content: number;
  charts: number;
}

export interface StepRun {
  steps: StepChange[];
  synthesis: SynthesisChange;
  /** From « Commencer » on the welcome page to the first step's heading (the wizard and questionnaire load): told, not budgeted. */
  start: StepChange;
}

interface WatchOptions {
  /** The h1's text before the click: the new step is an h1 with another text. */
  before: string;
  /** The first step is not focused on purpose (the page just opened), so only its render is awaited. */
  needsFocus: boolean;
  contentSelector: string | null;
  /** Matches once the new view is whole (its form or synthesis no longer `aria-busy`); read only after the new heading is there. */
  wholeSelector: string | null;
  chartSelector: string | null;
  chartCount: number;
  timeoutMs: number;
}

/** TypeScript's DOM types lack `interactionId` (Event Timing level 2, in Chromium since 96). */
type InteractionTiming = PerformanceEventTiming & { interactionId: number };

interface WatchResult {
  heading: string;
  focused: number;
  nextPaint: number;
  painted: number;
  whole: number;
  content: number;
  charts: number;
}

/**
 * Installed in the page just before the click. A capture-phase listener on the document takes
 * the click's own timestamp (the input's arrival, so queueing delay counts), then a
 * MutationObserver, `focusin` and an animation-frame loop watch for the new heading; each moment
 * is read once. Runs in the browser: no closures over Node values.
 */
function watchNextStep(options: WatchOptions): void {
  const state = window as unknown as { __benchStep?: Promise<WatchResult> };
  state.__benchStep = new Promise<WatchResult>((resolve) => {
    const result: WatchResult = { heading: '', focused: Number.NaN, nextPaint: Number.NaN, painted: Number.NaN, whole: Number.NaN, content: Number.NaN, charts: Number.NaN };
    // Event Timing reports no interaction under 16 ms: past this wait after the paint, the click was quicker than that.
    const NO_ENTRY_WAIT_MS = 1_000;
    let start = Number.NaN;
    let finished = false;
    const observer = new MutationObserver(() => check());
    // Entries come after the paint they end on; 16 ms is the smallest threshold the browser takes.
    const interactions: InteractionTiming[] = [];
    const eventObserver = new PerformanceObserver((list) => {
      interactions.push(...(list.getEntries() as InteractionTiming[]).filter((entry) => entry.interactionId > 0));
      check();
    });
    eventObserver.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    const finish = () => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      eventObserver.disconnect();
      document.removeEventListener('focusin', check, true);
      resolve(result);
    };
    const now = () => performance.now() - start;
    const newHeading = (): HTMLHeadingElement | null => {
      const heading = document.querySelector('h1');
      return heading && heading.textContent !== options.before ? heading : null;
    };
    // The end of the frame that shows the change: a task queued from the frame's own callback runs after its paint.
    const afterNextPaint = (mark: (time: number) => void) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => mark(now());
        channel.port2.postMessage(null);
      });
    const check = () => {
      if (Number.isNaN(start) || finished) return;
      const heading = newHeading();
      if (heading && Number.isNaN(result.focused) && (!options.needsFocus || document.activeElement === heading)) {
        result.focused = now();
        result.heading = heading.textContent ?? '';
        afterNextPaint((time) => {
          result.painted = time;
          setTimeout(() => {
            if (Number.isNaN(result.nextPaint)) result.nextPaint = 16;
            check();
          }, NO_ENTRY_WAIT_MS);
          check();
        });
      }
      const click = interactions.find((entry) => entry.name === 'click' && Math.abs(entry.startTime - start) < 1);
      // The interaction's slowest event (pointerdown, pointerup, click), as INP takes it.
      if (click && Number.isNaN(result.nextPaint)) result.nextPaint = Math.max(...interactions.filter((entry) => entry.interactionId === click.interactionId).map((entry) => entry.duration));
      const isNewViewThere = !Number.isNaN(result.focused);
      if (options.wholeSelector && isNewViewThere && Number.isNaN(result.whole) && document.querySelector(options.wholeSelector)) result.whole = now();
      if (options.contentSelector && Number.isNaN(result.content) && document.querySelector(options.contentSelector)) result.content = now();
      if (options.chartSelector && Number.isNaN(result.charts) && document.querySelectorAll(options.chartSelector).length >= options.chartCount) result.charts = now();
      const waitsForContent = (options.contentSelector !== null && Number.isNaN(result.content)) || (options.wholeSelector !== null && Number.isNaN(result.whole));
      const waitsForCharts = options.chartSelector !== null && Number.isNaN(result.charts);
      if (!Number.isNaN(result.painted) && !Number.isNaN(result.nextPaint) && !waitsForContent && !waitsForCharts) finish();
    };
    const poll = () => {
      check();
      if (!finished) requestAnimationFrame(poll);
    };
    document.addEventListener(
      'click',
      (event) => {
        // `timeStamp` shares performance.now()'s origin; the fallback covers a browser that zeroes it.
        start = event.timeStamp > 0 && event.timeStamp <= performance.now() ? event.timeStamp : performance.now();
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        document.addEventListener('focusin', check, true);
        requestAnimationFrame(poll);
        setTimeout(finish, options.timeoutMs);
      },
      { capture: true, once: true },
    );
  });
}

async function readHeadingText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('h1')?.textContent ?? '');
}

async function clickAndTime(page: Page, click: () => Promise<void>, options: Omit<WatchOptions, 'before' | 'timeoutMs'>): Promise<WatchResult> {
  const before = await readHeadingText(page);
  await page.evaluate(watchNextStep, { ...options, before, timeoutMs: STEP_TIMEOUT_MS });
  await click();
  return page.evaluate(() => (window as unknown as { __benchStep: Promise<WatchResult> }).__benchStep);
}

const NO_EXTRA = { contentSelector: null, wholeSelector: null, chartSelector: null, chartCount: 0 };
const WHOLE_STEP = 'form.step-form:not([aria-busy="true"])';

/** One express diagnosis, welcome page to synthesis, in a fresh context (empty library) with the CPU slowed down. */
export async function timeStepChanges(browser: Browser, baseUrl: string, questionnaire?: Questionnaire): Promise<StepRun> {
  const express = questionnaire ?? (await fetchServedQuestionnaire(baseUrl, EXPRESS_ID));
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    // tsx (esbuild, keepNames) wraps named functions in `__name(...)`, which the page lacks.
    await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(baseUrl);
    const startButton = page.getByRole('article', { name: express.title }).getByRole('button', { name: /^Commencer/ });
    await startButton.waitFor({ timeout: 60_000 });
    const welcome = await readHeadingText(page);
    const started = await clickAndTime(page, () => startButton.click(), { ...NO_EXTRA, wholeSelector: WHOLE_STEP, needsFocus: false });
    const start = { from: welcome, to: started.heading, focused: started.focused, nextPaint: started.nextPaint, painted: started.painted, whole: started.whole };
    const firstTitle = express.steps[0]?.title ?? '';
    if (!started.heading.includes(firstTitle)) throw new Error(`« Commencer » led to « ${started.heading} », not to « ${firstTitle} »`);

    const steps: StepChange[] = [];
    let synthesis: SynthesisChange | undefined;
    for (const [index, step] of express.steps.entries()) {
      await answerStep(page, step, { questionnaire: express, organisation: ORGANISATION, participant: 1 });
      const isLast = index === express.steps.length - 1;
      const button = page.getByRole('button', { name: isLast ? 'Voir la synthèse' : 'Suivant', exact: true });
      const from = await readHeadingText(page);
      const timed = await clickAndTime(
        page,
        () => button.click(),
        isLast
          ? { needsFocus: true, contentSelector: '.synthesis', wholeSelector: '.synthesis:not([aria-busy="true"])', chartSelector: 'svg.recharts-surface', chartCount: 2 }
          : { ...NO_EXTRA, wholeSelector: WHOLE_STEP, needsFocus: true },
      );
      if (Number.isNaN(timed.focused)) throw new Error(`no new focused heading after « ${from} » within ${STEP_TIMEOUT_MS} ms (a required answer missing?)`);
      const change = { from, to: timed.heading, focused: timed.focused, nextPaint: timed.nextPaint, painted: timed.painted, whole: timed.whole };
      if (isLast) synthesis = { ...change, content: timed.content, charts: timed.charts };
      else {
        const nextTitle = express.steps[index + 1]?.title ?? '';
        if (!timed.heading.includes(nextTitle)) throw new Error(`« Suivant » on « ${from} » led to « ${timed.heading} », not to « ${nextTitle} »`);
        steps.push(change);
      }
    }
    if (!synthesis) throw new Error('the express questionnaire has no steps');
    return { steps, synthesis, start };
  } finally {
    await context.close();
  }
}
