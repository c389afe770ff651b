/**
 * `npm run bench`: the figures that budgets are judged on, printed beside their budget.
 * Not a test: timings vary with the machine, so they are recorded with their date in BENCHMARKS.md.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { build, preview } from 'vite';
import { launchChromium } from '../tests/browser/browser';
import { DONT_KNOW, NOT_APPLICABLE, listQuestions, type Questionnaire } from '../src/domain/questionnaire-schema';
import { RESPONDENT_ROLES, createAnswersFile, type Answers } from '../src/domain/answers';
import { diagnose } from '../src/domain/diagnose';
import { buildReportModel } from '../src/report/report-model';
import { renderReportPdf } from '../src/report/render-pdf';
import { loadNodePdfFonts } from './lib/node-pdf-fonts';
import { REPO_ROOT, loadContentDirectory } from './lib/questionnaire-files';

const FIRST_LOAD_JS_BUDGET_KB = 130;
const PDF_SIZE_BUDGET_KB = 300;
const PDF_TIME_BUDGET_MS = 1000;
const SCORING_RUNS = 10_000;
const BROWSER_RUNS = 5;
const BROWSER_PERSONA = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas', 'association-sociale-complet.json');
const GROUP_IMPORT_FILES = 1_000;
const GROUP_IMPORT_RUNS = 3;
const GROUP_IMPORT_BUDGET_MS = 2000;
const LIBRARY_SIZE = 500;
const LIBRARY_ORGANISATIONS = 100;
const LIBRARY_RUNS = 3;
const LIBRARY_BUDGET_MS = 500;

interface Row {
  figure: string;
  value: string;
  budget: string;
  ok: boolean;
}
const rows: Row[] = [];

async function measureFirstLoad(): Promise<void> {
  const outDir = path.join(REPO_ROOT, 'dist');
  await build({ root: REPO_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  // What the browser fetches before the first paint: the entry script, its preloads and the CSS.
  const firstLoad = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const gzipKb = (file: string) => gzipSync(readFileSync(path.join(outDir, file))).length / 1024;
  const js = firstLoad.filter((file) => file.endsWith('.js'));
  const css = firstLoad.filter((file) => file.endsWith('.css'));
  const jsKb = js.reduce((total, file) => total + gzipKb(file), 0);
  const cssKb = css.reduce((total, file) => total + gzipKb(file), 0);
  rows.push({ figure: 'first-load JavaScript (gzip)', value: `${jsKb.toFixed(1)} KB`, budget: `≤ ${FIRST_LOAD_JS_BUDGET_KB} KB`, ok: jsKb <= FIRST_LOAD_JS_BUDGET_KB });
  rows.push({ figure: 'first-load CSS (gzip)', value: `${cssKb.toFixed(1)} KB`, budget: '—', ok: true });

  const firstLoadSource = js.map((file) => readFileSync(path.join(outDir, file), 'utf8')).join('\n');
  // Each library's own strings: present in the chunk that carries it, absent from the first load.
  const heavy = { jsPDF: 'addFileToVFS', recharts: 'recharts-', yaml: 'YAMLParseError' };
  for (const [name, marker] of Object.entries(heavy)) {
    const inFirstLoad = firstLoadSource.includes(marker);
    rows.push({ figure: `${name} in the first load`, value: inFirstLoad ? 'yes' : 'no', budget: 'no', ok: !inFirstLoad });
  }
  const allChunks = readdirSync(path.join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
  const totalKb = allChunks.reduce((total, file) => total + gzipKb(path.join('assets', file)), 0);
  rows.push({ figure: `all JavaScript, loaded on demand included (${allChunks.length} files, gzip)`, value: `${totalKb.toFixed(1)} KB`, budget: '—', ok: true });
  const fonts = readdirSync(path.join(outDir, 'assets')).filter((file) => file.endsWith('.ttf'));
  const fontKb = fonts.reduce((total, file) => total + statSync(path.join(outDir, 'assets', file)).size / 1024, 0);
  rows.push({ figure: 'PDF fonts, fetched when the synthesis opens', value: `${fontKb.toFixed(0)} KB`, budget: '—', ok: true });
}

/** A deterministic pseudo-random generator, so two runs score the same answer sets. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function buildRandomAnswers(questionnaire: Questionnaire, random: () => number): Answers {
  const answers: Answers = {};
  for (const question of listQuestions(questionnaire)) {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    switch (question.type) {
      case 'single': {
        const reserved = [...(question.allowDontKnow ? [DONT_KNOW] : []), ...(question.allowNotApplicable ? [NOT_APPLICABLE] : [])];
        answers[question.id] = random() < 0.1 && reserved.length > 0 ? pick(reserved) : pick(question.options).id;
        break;
      }
      case 'multiple': {
        const chosen = question.options.filter(() => random() < 0.4).map((option) => option.id).slice(0, question.maxSelected ?? undefined);
        // A valid answer, so that the group import accepts every generated file.
        answers[question.id] = chosen.length >= (question.minSelected ?? 0) ? chosen : question.options.slice(0, question.minSelected).map((option) => option.id);
        break;
      }
      case 'number':
        answers[question.id] = Math.round(question.min + random() * (question.max - question.min));
        break;
      case 'shares': {
        const first = Math.round(random() * 100);
        answers[question.id] = Object.fromEntries(question.parts.map((part, index) => [part.id, index === 0 ? first : index === 1 ? 100 - first : 0]));
        break;
      }
      case 'text':
        answers[question.id] = 'Association de bench';
        break;
    }
  }
  return answers;
}

async function measureDomainAndPdf(): Promise<void> {
  const { questionnaire, toolkit } = loadBenchContent();

  const random = createRandom(42);
  const answerSets = Array.from({ length: SCORING_RUNS }, () => buildRandomAnswers(questionnaire, random));
  const start = performance.now();
  for (const answers of answerSets) diagnose(questionnaire, toolkit, answers);
  const elapsed = performance.now() - start;
  rows.push({ figure: `score + flags + path, ${SCORING_RUNS.toLocaleString('en')} answer sets`, value: `${elapsed.toFixed(0)} ms (${((elapsed / SCORING_RUNS) * 1000).toFixed(0)} µs each)`, budget: '—', ok: true });

  const fonts = await loadNodePdfFonts();
  const answers = answerSets[0]!;
  answers[questionnaire.bindings.organisationName] = 'Association « Les Amis de l’Œuvre » — Ćirić & Ελλάδα & Ассоциация';
  const generatedAt = new Date('2026-11-22T10:00:00Z');
  const file = createAnswersFile(questionnaire, answers, generatedAt);
  const renderOnce = () => renderReportPdf(buildReportModel({ questionnaire, toolkit, file, diagnosis: diagnose(questionnaire, toolkit, answers), generatedAt }), fonts);
  renderOnce(); // warm-up: the first run compiles jsPDF's code paths
  const timings: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 5; run += 1) {
    const pdfStart = performance.now();
    bytes = renderOnce().byteLength;
    timings.push(performance.now() - pdfStart);
  }
  const median = timings.sort((a, b) => a - b)[2]!;
  rows.push({ figure: 'PDF size, complete questionnaire', value: `${(bytes / 1024).toFixed(0)} KB`, budget: `≤ ${PDF_SIZE_BUDGET_KB} KB`, ok: bytes / 1024 <= PDF_SIZE_BUDGET_KB });
  rows.push({ figure: 'PDF generation in Node (model + render, median of 5)', value: `${median.toFixed(0)} ms`, budget: `≤ ${PDF_TIME_BUDGET_MS} ms`, ok: median <= PDF_TIME_BUDGET_MS });
}

/**
 * What a person waits for: from the click on "Télécharger le rapport PDF" to the download, in
 * headless Chromium on the built app. Each run is a fresh browser context, so jsPDF and the fonts
 * are fetched every time, as on a first click.
 */
async function measureBrowserPdf(baseUrl: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const timings: number[] = [];
    for (let run = 0; run < BROWSER_RUNS; run += 1) {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.locator('input[type=file]').setInputFiles(BROWSER_PERSONA);
      const button = page.getByRole('button', { name: 'Télécharger le rapport PDF' });
      await button.waitFor();
      const downloadPromise = page.waitForEvent('download');
      const start = performance.now();
      await button.click();
      await downloadPromise;
      timings.push(performance.now() - start);
      await context.close();
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    rows.push({
      figure: `PDF in headless Chromium, click to file (median of ${BROWSER_RUNS}; ${sorted.map((time) => time.toFixed(0)).join(', ')} ms)`,
      value: `${median.toFixed(0)} ms`,
      budget: `≤ ${PDF_TIME_BUDGET_MS} ms`,
      ok: median <= PDF_TIME_BUDGET_MS,
    });
  } finally {
    await browser.close();
  }
}

function loadBenchContent() {
  const content = loadContentDirectory();
  if (content.errors.length > 0) throw new Error(content.errors.join('\n'));
  const questionnaire = content.questionnaires.find((candidate) => candidate.questionnaire.id === 'diagnostic-complet')?.questionnaire;
  const toolkit = content.toolkits[0]?.toolkit;
  if (!questionnaire || !toolkit) throw new Error('bench needs questionnaires/diagnostic-complet.yaml and a toolkit');
  return { questionnaire, toolkit };
}

/**
 * An adviser's batch: 1,000 answers files of the complete questionnaire chosen at once in the
 * group view's file input, timed from the choice to the group view showing the 1,000 respondents
 * (reading, validation, aggregation, saving and the render). Fresh context each run: an empty group.
 */
async function measureGroupImport(baseUrl: string): Promise<void> {
  const { questionnaire } = loadBenchContent();
  const dir = mkdtempSync(path.join(tmpdir(), 'trajectoires-bench-group-'));
  const random = createRandom(7);
  const files = Array.from({ length: GROUP_IMPORT_FILES }, (_, index) => {
    const answers = buildRandomAnswers(questionnaire, random);
    // Answered over a few weeks: every file differs, as real respondents' files do.
    const updatedAt = new Date(Date.UTC(2026, 10, 1) + index * 37 * 60_000);
    const file = createAnswersFile(questionnaire, answers, updatedAt, { respondent: { role: RESPONDENT_ROLES[index % RESPONDENT_ROLES.length]! } });
    const filePath = path.join(dir, `reponses-${String(index + 1).padStart(4, '0')}.json`);
    writeFileSync(filePath, JSON.stringify(file, null, 2));
    return filePath;
  });
  const browser = await launchChromium();
  try {
    const timings: number[] = [];
    const inPage: number[] = [];
    for (let run = 0; run < GROUP_IMPORT_RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}#/groupe`);
      await page.getByRole('button', { name: 'Importer des réponses' }).click();
      const input = page.getByLabel('Fichiers de réponses');
      await input.waitFor({ state: 'attached' });
      // The page's own clock from the input's change event: the time Playwright takes to hand over the files is left out.
      await page.evaluate("document.addEventListener('change', () => { window.benchChangeAt = performance.now(); }, true)");
      const start = performance.now();
      await input.setInputFiles(files);
      const shownAt = await page.waitForFunction(
        (count) =>
          (document.querySelector('.group-count')?.textContent ?? '').replace(/\s/g, '') === `${count}répondant·es` && performance.now(),
        GROUP_IMPORT_FILES,
        { polling: 'raf', timeout: 120_000 },
      );
      timings.push(performance.now() - start);
      inPage.push(((await shownAt.jsonValue()) as number) - ((await page.evaluate('window.benchChangeAt')) as number));
      await context.close();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const list = (values: number[]) => [...values].sort((a, b) => a - b).map((time) => time.toFixed(0)).join(', ');
    rows.push({
      figure: `group import, ${GROUP_IMPORT_FILES.toLocaleString('en')} files chosen to the group view shown (median of ${GROUP_IMPORT_RUNS}; ${list(timings)} ms)`,
      value: `${median(timings).toFixed(0)} ms`,
      budget: `≤ ${GROUP_IMPORT_BUDGET_MS} ms`,
      ok: median(timings) <= GROUP_IMPORT_BUDGET_MS,
    });
    rows.push({
      figure: `  of which in the page, from the input's change event (${list(inPage)} ms)`,
      value: `${median(inPage).toFixed(0)} ms`,
      budget: '—',
      ok: true,
    });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An adviser's device after years of follow-up: 500 diagnoses of the complete questionnaire,
 * 5 for each of 100 organisations, written straight into IndexedDB as the app stores them. Timed
 * by the page's own clock from the start of navigation to the library listed on the welcome page
 * (loading the app, reading and checking every record, grouping, rendering).
 */
async function measureLibraryList(baseUrl: string): Promise<void> {
  const { questionnaire } = loadBenchContent();
  const random = createRandom(11);
  const records = Array.from({ length: LIBRARY_SIZE }, (_, index) => {
    const organisation = `Association n° ${(index % LIBRARY_ORGANISATIONS) + 1}`;
    const answers = { ...buildRandomAnswers(questionnaire, random), [questionnaire.bindings.organisationName]: organisation };
    const updatedAt = new Date(Date.UTC(2022, 0, 1) + index * 3 * 86_400_000);
    const file = createAnswersFile(questionnaire, answers, updatedAt, { respondent: { role: RESPONDENT_ROLES[index % RESPONDENT_ROLES.length]! } });
    const id = `bench-${String(index).padStart(4, '0')}`;
    const isCompleted = index % 4 !== 0;
    const entry = {
      id,
      revision: 1,
      title: null,
      organisationName: organisation,
      status: isCompleted ? 'completed' : 'in-progress',
      completedAt: isCompleted ? updatedAt.toISOString() : null,
      step: isCompleted ? 'synthesis' : 'financialResources',
      previousId: null,
      file,
    };
    return [`diagnostic:${id}`, { version: 1, entry }] as const;
  });
  const browser = await launchChromium();
  try {
    const timings: number[] = [];
    for (let run = 0; run < LIBRARY_RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.evaluate(
        ([database, store, entries]) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.open(database);
            request.onerror = () => reject(request.error);
            // The store exists once the app has listed the library; the bench may write first.
            request.onupgradeneeded = () => request.result.createObjectStore(store);
            request.onsuccess = () => {
              const transaction = request.result.transaction(store, 'readwrite');
              for (const [key, value] of entries) transaction.objectStore(store).put(value, key);
              transaction.oncomplete = () => {
                request.result.close();
                resolve();
              };
              transaction.onerror = () => reject(transaction.error);
            };
          }),
        ['trajectoires-diagnostics', 'diagnostics', records] as const,
      );
      await page.reload();
      const listedAt = await page.waitForFunction(
        (organisations) =>
          document.querySelectorAll('.library-organisation').length === Math.min(organisations, 10) &&
          (document.querySelector('.library-organisation h3')?.textContent ?? '').includes('5 diagnostics') &&
          performance.now(),
        LIBRARY_ORGANISATIONS,
        { polling: 'raf', timeout: 60_000 },
      );
      timings.push((await listedAt.jsonValue()) as number);
      await context.close();
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    rows.push({
      figure: `library of ${LIBRARY_SIZE} diagnoses: navigation to the list shown (median of ${LIBRARY_RUNS}; ${sorted.map((time) => time.toFixed(0)).join(', ')} ms)`,
      value: `${median.toFixed(0)} ms`,
      budget: `≤ ${LIBRARY_BUDGET_MS} ms`,
      ok: median <= LIBRARY_BUDGET_MS,
    });
  } finally {
    await browser.close();
  }
}

/** Runs the browser measurements against the built app, served as a static host would. */
async function measureInBrowser(): Promise<void> {
  const server = await preview({ root: REPO_ROOT, logLevel: 'error', build: { outDir: path.join(REPO_ROOT, 'dist') }, preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  try {
    await measureBrowserPdf(baseUrl);
    await measureGroupImport(baseUrl);
    await measureLibraryList(baseUrl);
  } finally {
    await server.close();
  }
}

await measureFirstLoad();
await measureInBrowser();
await measureDomainAndPdf();

const width = Math.max(...rows.map((row) => row.figure.length));
console.log(`Benchmarks, ${new Date().toISOString().slice(0, 10)}, node ${process.version}`);
for (const row of rows) console.log(`${row.ok ? 'ok  ' : 'MISS'} ${row.figure.padEnd(width)}  ${row.value.padStart(22)}   budget ${row.budget}`);
process.exitCode = rows.every((row) => row.ok) ? 0 : 1;
