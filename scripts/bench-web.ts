/**
 * `npm run bench:web`: the web budgets of issue 7, printed beside their budget.
 * First-load weight of the built site, Lighthouse mobile and desktop (median of 3 runs each) on
 * the welcome page, and the step changes of an express diagnosis under a 4× CPU slowdown.
 * Not a test: figures depend on the machine; they are recorded with their date in BENCHMARKS.md.
 * Exits 1 when a budget is missed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/browser/browser';
import {
  auditNumericValue,
  categoryScore,
  classifyFirstLoad,
  formatMarkdownRows,
  formatNumber,
  formatTable,
  judge,
  listFailingAudits,
  median,
  type BenchRow,
  type FailingAudit,
  type LighthouseReport,
  type PageRequest,
} from './lib/bench-web-budgets';
import { LIGHTHOUSE_CATEGORIES, runLighthouse, type FormFactor } from './lib/bench-web-lighthouse';
import { BUDGET_CPU_SLOWDOWN, CPU_SLOWDOWN, timeStepChanges, type StepRun } from './lib/bench-web-steps';
import { REPO_ROOT } from './lib/questionnaire-files';

const FIRST_LOAD_JS_BUDGET_KB = 130;
const FIRST_LOAD_CSS_BUDGET_KB = 15;
const LIGHTHOUSE_RUNS = 3;
const STEP_RUNS = 3;
const STEP_BUDGET_MS = 100;
const MOBILE = { performance: 95, accessibility: 100, bestPractices: 100, lcpMs: 1500, tbtMs: 100, cls: 0.02 };
const DESKTOP = { performance: 100, accessibility: 100, bestPractices: 100 };
/** `BENCH_WEB_REPORTS=/tmp/lh npm run bench:web` keeps every Lighthouse report (JSON, open it in the Lighthouse viewer). */
const REPORTS_DIR = process.env.BENCH_WEB_REPORTS;

const rows: BenchRow[] = [];
const notes: string[] = [];

/**
 * What the welcome page fetches to open, read from the browser itself (no service worker, which
 * would also fetch the precache): the page's own script, the app's chunks it asks for after the
 * first paint, their stylesheets. Sizes are the build's files, gzipped.
 */
async function measureFirstLoad(outDir: string, browser: Browser, baseUrl: string): Promise<void> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const requests: PageRequest[] = [];
  context.on('request', (request) => requests.push({ url: request.url(), resourceType: request.resourceType() }));
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('button', { name: /^Commencer/ }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  const load = classifyFirstLoad(requests, baseUrl);
  const sizeOf = (file: string) => {
    const built = path.join(outDir, file);
    if (!existsSync(built)) throw new Error(`the page fetched ${file}, absent from the build`);
    return { file, gzipKb: gzipSync(readFileSync(built)).length / 1024 };
  };
  const js = load.scripts.map(sizeOf);
  const css = load.stylesheets.map(sizeOf);
  const sum = (list: typeof js) => list.reduce((total, file) => total + file.gzipKb, 0);
  rows.push(judge(`first-load JavaScript (gzip, ${js.length} files fetched by the welcome page)`, sum(js), { atMost: FIRST_LOAD_JS_BUDGET_KB }, { unit: 'KB', fractionDigits: 1 }));
  rows.push(judge(`first-load CSS (gzip, ${css.length} file${css.length === 1 ? '' : 's'})`, sum(css), { atMost: FIRST_LOAD_CSS_BUDGET_KB }, { unit: 'KB', fractionDigits: 1 }));
  if (load.foreign.length > 0) rows.push({ figure: 'first-load requests to another origin', value: load.foreign.join(', '), budget: 'none', ok: false });
  const largest = [...js, ...css].sort((a, b) => b.gzipKb - a.gzipKb).slice(0, 6);
  notes.push('Largest first-load files (gzip):', ...largest.map((file) => `  ${file.gzipKb.toFixed(1).padStart(6)} KB  ${file.file}`));
}

/** Lighthouse on the welcome page, a fresh Chromium each run; one failed run is retried once, a second failure stops the bench. */
async function measureLighthouse(url: string, formFactor: FormFactor): Promise<void> {
  const reports: LighthouseReport[] = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
    process.stderr.write(`Lighthouse ${formFactor} run ${run + 1} of ${LIGHTHOUSE_RUNS}…\n`);
    let report: LighthouseReport;
    try {
      report = await runLighthouse(url, formFactor);
    } catch (error) {
      process.stderr.write(`  failed (${(error as Error).message}); once more\n`);
      report = await runLighthouse(url, formFactor);
    }
    reports.push(report);
    if (REPORTS_DIR) {
      mkdirSync(REPORTS_DIR, { recursive: true });
      writeFileSync(path.join(REPORTS_DIR, `lighthouse-${formFactor}-${run + 1}.json`), JSON.stringify(report));
    }
  }
  const scores = (category: string) => reports.map((report) => categoryScore(report, category));
  const numeric = (auditId: string) => reports.map((report) => auditNumericValue(report, auditId));
  const runsOf = (values: number[], digits = 0) => values.map((value) => formatNumber(value, digits)).join(', ');
  const budgets = formFactor === 'mobile' ? MOBILE : DESKTOP;
  const label = `Lighthouse ${formFactor}`;
  const scoreRow = (title: string, category: string, atLeast: number) => {
    const values = scores(category);
    rows.push(judge(`${label} ${title} (median of ${reports.length}: ${runsOf(values)})`, median(values), { atLeast }));
  };
  scoreRow('performance', 'performance', budgets.performance);
  scoreRow('accessibility', 'accessibility', budgets.accessibility);
  scoreRow('best practices', 'best-practices', budgets.bestPractices);
  const metricRows: { title: string; id: string; digits: number; unit: string; budget?: number }[] = [
    { title: 'LCP', id: 'largest-contentful-paint', digits: 0, unit: 'ms', ...(formFactor === 'mobile' ? { budget: MOBILE.lcpMs } : {}) },
    { title: 'TBT', id: 'total-blocking-time', digits: 0, unit: 'ms', ...(formFactor === 'mobile' ? { budget: MOBILE.tbtMs } : {}) },
    { title: 'CLS', id: 'cumulative-layout-shift', digits: 3, unit: '', ...(formFactor === 'mobile' ? { budget: MOBILE.cls } : {}) },
    { title: 'FCP', id: 'first-contentful-paint', digits: 0, unit: 'ms' },
  ];
  for (const metric of metricRows) {
    const values = numeric(metric.id);
    const figure = `${label} ${metric.title} (median of ${reports.length}: ${runsOf(values, metric.digits)})`;
    if (metric.budget === undefined) {
      rows.push({ figure, value: `${formatNumber(median(values), metric.digits)}${metric.unit ? ` ${metric.unit}` : ''}`, budget: '—', ok: true });
    } else {
      rows.push(judge(figure, median(values), { under: metric.budget }, { unit: metric.unit, fractionDigits: metric.digits }));
    }
  }
  const failing = listFailingAudits(reports, LIGHTHOUSE_CATEGORIES);
  if (failing.length > 0) notes.push(`${label}: audits under a full score in the categories under 100 (runs failing of ${reports.length}):`, ...failing.map((audit) => describeAudit(audit)));
}

function describeAudit(audit: FailingAudit): string {
  const weight = audit.weight > 0 ? `, weight ${audit.weight}` : '';
  const value = audit.displayValue ? ` — ${audit.displayValue}` : '';
  return [`  [${audit.category}] ${audit.id} (${audit.runs}×${weight}): ${audit.title}${value}`, ...audit.items.map((item) => `      ${item}`)].join('\n');
}

/** At the budget's slowdown a step figure is judged; at another (`BENCH_CPU_SLOWDOWN`) it is told, as a margin. */
function judgeStep(figure: string, value: number): BenchRow {
  if (CPU_SLOWDOWN === BUDGET_CPU_SLOWDOWN) return judge(figure, value, { under: STEP_BUDGET_MS }, { unit: 'ms' });
  return { figure: `${figure} (margin, not judged)`, value: `${formatNumber(value)} ms`, budget: `< ${STEP_BUDGET_MS} ms at ${BUDGET_CPU_SLOWDOWN}×`, ok: true };
}

async function measureStepChanges(browser: Browser, baseUrl: string): Promise<void> {
  const runs: StepRun[] = [];
  for (let run = 0; run < STEP_RUNS; run += 1) {
    process.stderr.write(`Step changes at ${CPU_SLOWDOWN}× CPU slowdown, diagnosis ${run + 1} of ${STEP_RUNS}…\n`);
    runs.push(await timeStepChanges(browser, baseUrl));
  }
  const steps = runs.flatMap((run) => run.steps);
  const nextPaints = steps.map((step) => step.nextPaint);
  const slowest = steps.reduce((worst, step) => (step.nextPaint > worst.nextPaint || Number.isNaN(step.nextPaint) ? step : worst));
  const prefix = `step change at ${CPU_SLOWDOWN}× CPU, click to the next paint (Event Timing, as INP counts it)`;
  rows.push(judgeStep(`${prefix}, slowest of ${steps.length} (« ${slowest.from.trim()} » → next)`, Math.max(...nextPaints)));
  rows.push(judgeStep(`${prefix}, median of ${steps.length}`, median(nextPaints)));
  rows.push({ figure: `step change at ${CPU_SLOWDOWN}×: click to the new h1 focused, median`, value: `${formatNumber(median(steps.map((step) => step.focused)))} ms`, budget: '—', ok: true });
  // The heading comes with the step, its questions and buttons just after its paint: when they are all there.
  rows.push({ figure: `step change at ${CPU_SLOWDOWN}×: click to the whole step in the page (its questions and buttons, after the paint), median / slowest`, value: `${formatNumber(median(steps.map((step) => step.whole)))} / ${formatNumber(Math.max(...steps.map((step) => step.whole)))} ms`, budget: '—', ok: true });
  rows.push({ figure: `step change at ${CPU_SLOWDOWN}×: click to a task queued from the next frame (after the paint and the tasks queued before), median`, value: `${formatNumber(median(steps.map((step) => step.painted)))} ms`, budget: '—', ok: true });
  const synthesis = runs.map((run) => run.synthesis);
  const synthesisPaints = synthesis.map((change) => change.nextPaint);
  rows.push(judgeStep(`« Voir la synthèse » at ${CPU_SLOWDOWN}×, click to the next paint (its heading focused), slowest of ${synthesis.length} (${synthesisPaints.map((time) => formatNumber(time)).join(', ')} ms)`, Math.max(...synthesisPaints)));
  // The synthesis loads its chunk, then recharts': told part by part, so a miss says which part.
  const contents = synthesis.map((change) => change.content);
  const charts = synthesis.map((change) => change.charts);
  // Told, not budgeted: the budget is the step's response (its focused heading painted, above);
  // the scores come in the synthesis' next stage, after that paint.
  rows.push({ figure: `« Voir la synthèse » at ${CPU_SLOWDOWN}×, click to the scores shown (the stage after the heading's paint; its chunk fetched on the last step), median (${contents.map((time) => formatNumber(time)).join(', ')} ms)`, value: `${formatNumber(median(contents))} ms`, budget: '—', ok: true });
  rows.push({ figure: `« Voir la synthèse » at ${CPU_SLOWDOWN}×, click to the whole synthesis in the page (path, answers, exports), median`, value: `${formatNumber(median(synthesis.map((change) => change.whole)))} ms`, budget: '—', ok: true });
  rows.push({ figure: `« Voir la synthèse » at ${CPU_SLOWDOWN}×, click to both charts drawn (recharts chunk), median (${charts.map((time) => formatNumber(time)).join(', ')} ms)`, value: `${formatNumber(median(charts))} ms`, budget: '—', ok: true });
  // Told, not budgeted: opening the wizard from the welcome page, clicked as soon as the button
  // shows (the app may still be starting: a person in a hurry does the same).
  const startPaints = runs.map((run) => run.start.nextPaint);
  rows.push({ figure: `« Commencer » at ${CPU_SLOWDOWN}×, clicked as soon as it shows, click to the next paint (« Chargement… »), slowest of ${runs.length} (${startPaints.map((time) => formatNumber(time)).join(', ')} ms)`, value: `${formatNumber(Math.max(...startPaints))} ms`, budget: '—', ok: true });
  const starts = runs.map((run) => run.start.painted);
  rows.push({ figure: `« Commencer » at ${CPU_SLOWDOWN}× (wizard and questionnaire load), click to step 1 painted, median (${starts.map((time) => formatNumber(time)).join(', ')} ms)`, value: `${formatNumber(median(starts))} ms`, budget: '—', ok: true });
  notes.push(`Step changes at ${CPU_SLOWDOWN}× (ms, focused / next paint / task after the frame / whole), per diagnosis:`, ...runs.map((run, index) => `  ${index + 1}: ${[...run.steps, run.synthesis].map((step) => `${step.focused.toFixed(0)}/${step.nextPaint.toFixed(0)}/${step.painted.toFixed(0)}/${step.whole.toFixed(0)}`).join('  ')}`));
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-bench-web-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    process.stderr.write(`Building into ${outDir}…\n`);
    await build({ root: REPO_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    // Vite's preview compresses with gzip, as a static host would.
    server = await preview({ root: REPO_ROOT, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('preview server has no port');
    const baseUrl = `http://127.0.0.1:${address.port}/`;
    browser = await launchChromium();
    await measureFirstLoad(outDir, browser, baseUrl);
    // Before Lighthouse: its six browsers, closing, kept a 2-core machine busy into the first step changes.
    await measureStepChanges(browser, baseUrl);
    await measureLighthouse(baseUrl, 'mobile');
    await measureLighthouse(baseUrl, 'desktop');
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }

  console.log(`\nWeb benchmarks, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
  if (CPU_SLOWDOWN !== BUDGET_CPU_SLOWDOWN) notes.unshift(`The step changes ran at ${CPU_SLOWDOWN}× (BENCH_CPU_SLOWDOWN), not at the budget's ${BUDGET_CPU_SLOWDOWN}×: they tell the margin and are not judged; run without the variable to judge them.`);
  console.log(formatTable(rows));
  console.log(`\n${notes.join('\n')}`);
  console.log(`\nFor BENCHMARKS.md:\n\n${formatMarkdownRows(rows)}\n`);
  const missed = rows.filter((row) => !row.ok);
  console.log(missed.length === 0 ? 'Every web budget met.' : `${missed.length} web budget${missed.length === 1 ? '' : 's'} missed.`);
  process.exitCode = missed.length === 0 ? 0 : 1;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
