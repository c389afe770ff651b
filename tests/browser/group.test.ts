import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { isRubricQuestion, listQuestions, type Questionnaire, type Step } from '../../src/domain/questionnaire-schema';
import { buildShareLink } from '../../src/data/share-link';
import { REPO_ROOT, loadContentDirectory } from '../../scripts/lib/questionnaire-files';
import { extractPdfText } from '../report/poppler';
import { answerStep as answerSteps } from './answer-steps';
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
const PERSONAS = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas');
const workDir = mkdtempSync(path.join(tmpdir(), 'trajectoires-group-'));
// Pictures for a person to look at, only when asked: SCREENSHOT_DIR=/tmp/shots npm run test:browser
const SCREENSHOTS = process.env.SCREENSHOT_DIR;

const ORGANISATION = 'Les Jardins partagés du Faubourg';
/** The workshop's participants, in turn: each picks the n-th level of every rubric question. */
const PARTICIPANTS = [
  { name: 'Claire Dubois', role: 'Administrateur·rice' },
  { name: 'Karim Benali', role: 'Salarié·e' },
  { name: 'Lucie Moreau', role: 'Bénévole' },
] as const;

let browser: Browser;
let context: BrowserContext;
let watch: ContextWatch;
let questionnaire: Questionnaire;
/** The facilitator's page, kept open from the workshop to the downloads. */
let facilitator: Page;
let projection: Page;
/** The answers the group agreed on in consensus mode, by question id. */
const agreed = new Map<string, string>();

beforeAll(async () => {
  browser = await launchChromium();
  questionnaire = await fetchServedQuestionnaire(baseUrl, 'diagnostic-express');
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  watch = watchContext(context, baseUrl);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Whitespace of every kind made one space, as a reader sees it. */
function flatten(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

async function answerStep(page: Page, step: Step, participant: number): Promise<void> {
  await answerSteps(page, step, { questionnaire, organisation: ORGANISATION, participant });
}

/** One participant of the workshop: who they are, every step, then « Participant suivant ». */
async function runParticipant(page: Page, participant: number): Promise<void> {
  const { name, role } = PARTICIPANTS[participant]!;
  await expect.poll(() => heading(page)).toContain('Étape 1 sur 7');
  // The banner counts the group's members once it has read them from the device.
  await expect.poll(async () => flatten(await page.getByRole('region', { name: 'Mode atelier' }).textContent())).toContain(`participant n° ${participant + 1}`);
  await page.getByRole('textbox', { name: 'Votre nom ou vos initiales' }).fill(name);
  await page.getByRole('combobox', { name: 'Votre rôle dans la structure' }).selectOption({ label: role });
  for (const [index, step] of questionnaire.steps.entries()) {
    await expect.poll(() => heading(page)).toContain(`Étape ${index + 1} sur 7`);
    await answerStep(page, step, participant);
    const isLast = index === questionnaire.steps.length - 1;
    await page.getByRole('button', { name: isLast ? 'Voir la synthèse' : 'Suivant', exact: true }).click();
  }
  await expect.poll(() => heading(page)).toContain('Étape 7 sur 7');
  await page.getByRole('button', { name: 'Participant suivant' }).click();
  const count = participant + 1;
  await expect
    .poll(async () => flatten(await page.getByRole('region', { name: 'Mode atelier' }).getByRole('status').textContent()))
    .toContain(`le groupe compte ${count} participant${count > 1 ? 's' : ''}`);
}

function respondentItems(page: Page): Locator {
  return page.getByRole('list', { name: 'Répondant·es' }).getByRole('listitem');
}

function importReport(page: Page): Locator {
  return page.getByRole('status', { name: 'Résultat de l’import' });
}

/** The respondent count of the projection, as the room reads it. */
function projectedCount(page: Page): Promise<string> {
  return page.locator('.projection-count').textContent().then(flatten);
}

/** The persona, under another respondent: organisations differ, which a group of advisers' files may well do. */
function writePersona(fileName: string, personaFile: string, respondent: { name: string; role: string }): string {
  const persona = JSON.parse(readFileSync(path.join(PERSONAS, personaFile), 'utf8')) as Record<string, unknown>;
  const filePath = path.join(workDir, fileName);
  writeFileSync(filePath, JSON.stringify({ ...persona, respondent }, null, 2));
  return filePath;
}

/** The whole page in slices a screen or two tall, so that a person can look at them. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  const width = page.viewportSize()?.width ?? 1280;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const slice = 1400;
  for (let top = 0, index = 0; top < height; top += slice, index += 1) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${index}.png`), fullPage: true, clip: { x: 0, y: top, width, height: Math.min(slice, height - top) } });
  }
}

describe('the group view in a real browser', () => {
  it('runs a workshop: three participants answer in turn, then the group view shows them anonymously', async () => {
    facilitator = await context.newPage();
    await facilitator.goto(baseUrl);
    await facilitator.getByRole('button', { name: 'Ouvrir la vue collective' }).click();
    await expect.poll(() => heading(facilitator)).toBe('Vue collective');
    expect(facilitator.url()).toContain('#/groupe');
    await expectNoAxeViolations(facilitator, 'the empty group view');

    await facilitator.getByRole('button', { name: 'Lancer un atelier' }).click();
    await facilitator.getByRole('radio', { name: /^Diagnostic express/ }).check();
    await facilitator.getByRole('button', { name: 'Commencer l’atelier' }).click();
    for (let participant = 0; participant < PARTICIPANTS.length; participant += 1) await runParticipant(facilitator, participant);
    // Each saved participant opens a blank questionnaire for the next one.
    await expect.poll(() => heading(facilitator)).toContain('Étape 1 sur 7');
    await expect.poll(async () => flatten(await facilitator.getByRole('region', { name: 'Mode atelier' }).textContent())).toContain('participant n° 4');

    await facilitator.getByRole('button', { name: 'Terminer l’atelier et voir la vue collective' }).click();
    await expect.poll(() => heading(facilitator)).toBe('Vue collective');
    const overview = facilitator.getByRole('region', { name: 'Vue d’ensemble' });
    await expect.poll(() => overview.locator('.group-count').textContent()).toBe('3 répondant·es');
    const roles = (await overview.getByRole('list', { name: 'Répartition par rôle' }).getByRole('listitem').allTextContents()).map(flatten);
    expect(roles.sort()).toEqual(['Administrateur·rice : 1', 'Bénévole : 1', 'Salarié·e : 1']);

    // Anonymous by default: a number and a role, no name anywhere on the page.
    const anonymous = (await respondentItems(facilitator).locator('.respondent-name').allTextContents()).map(flatten);
    expect(anonymous).toEqual(PARTICIPANTS.map(({ role }, index) => `Répondant·e ${index + 1} · ${role}`));
    const pageText = await facilitator.locator('body').textContent();
    for (const { name } of PARTICIPANTS) expect(pageText).not.toContain(name);
    await facilitator.getByRole('checkbox', { name: 'Afficher les noms' }).check();
    const named = (await respondentItems(facilitator).locator('.respondent-name').allTextContents()).map(flatten);
    expect(named).toEqual(PARTICIPANTS.map(({ name, role }) => `${name} · ${role}`));

    // Three participants who chose levels 1, 2 and 3 disagree on every rubric question.
    const leastConsensus = facilitator.getByRole('region', { name: 'Zones de moindre consensus' });
    expect(await leastConsensus.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(watch.dialogs).toEqual([]);
    await expectNoAxeViolations(facilitator, 'the group view');
  });

  it('keeps a projection window in step with the facilitator’s imports, good files added and bad ones explained', async () => {
    projection = await context.newPage();
    await projection.goto(`${baseUrl}#/groupe/projection`);
    await expect.poll(() => projectedCount(projection)).toBe('3 répondant·es');
    await expectNoAxeViolations(projection, 'the projection view');
    await shoot(projection, 'projection-1280');
    // Marks this very document: a reload would lose it.
    await projection.evaluate(() => Object.assign(window, { notReloaded: true }));

    const files = [
      writePersona('club.json', 'club-sportif-express.json', { name: 'Marc Leroy', role: 'partenaire' }),
      writePersona('federation.json', 'federation-regionale-express.json', { name: 'Karim Haddad', role: 'dirigeant-salarie' }),
      writePersona('complet.json', 'association-sociale-complet.json', { name: 'Sophie Martin', role: 'administrateur' }),
      path.join(workDir, 'casse.json'),
    ];
    writeFileSync(files[3]!, '{"format": "trajectoires.diagnostic", ');
    await facilitator.getByLabel('Fichiers de réponses').setInputFiles(files);
    const report = importReport(facilitator);
    await expect.poll(async () => flatten(await report.textContent())).toContain('2 réponses ajoutées.');
    const reportText = flatten(await report.textContent());
    expect(reportText).toContain('2 sources refusées :');
    const refused = await report.locator('.import-rejected > ul > li').evaluateAll((items) =>
      items.map((item) => ({
        source: item.querySelector('.import-source')?.textContent ?? '',
        reasons: [...item.querySelectorAll('li')].map((reason) => (reason.textContent ?? '').replace(/\s+/g, ' ')),
      })),
    );
    expect(refused).toHaveLength(2);
    expect(refused).toContainEqual({ source: 'casse.json', reasons: ['« casse.json » n’est pas un fichier JSON lisible.'] });
    expect(refused).toContainEqual({ source: 'complet.json', reasons: ['Ce fichier répond au questionnaire « diagnostic-complet », pas à « diagnostic-express ».'] });
    await expect.poll(() => facilitator.getByRole('region', { name: 'Vue d’ensemble' }).locator('.group-count').textContent()).toBe('5 répondant·es');
    await expectNoAxeViolations(facilitator, 'the group view with an import report');

    await expect.poll(() => projectedCount(projection)).toBe('5 répondant·es');
    expect(await projection.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const projectedRoles = flatten(await projection.getByRole('list', { name: 'Répartition par rôle' }).textContent());
    for (const role of ['Partenaire : 1', 'Dirigeant·e salarié·e : 1']) expect(projectedRoles).toContain(role);
  });

  it('adds a share link made by the app, pasted or opened, once only', async () => {
    // A respondent on their own device: imports their answers, opens the synthesis, copies the link.
    const respondent = await context.newPage();
    await respondent.goto(baseUrl);
    await respondent.locator('input[type=file]').setInputFiles(path.join(PERSONAS, 'association-sociale-express.json'));
    await expect.poll(() => heading(respondent)).toContain('Étape 7 sur 7');
    await respondent.getByRole('button', { name: 'Copier le lien de partage' }).click();
    const link = await respondent.getByRole('textbox', { name: 'Lien de partage (à copier)' }).inputValue();
    expect(link.startsWith(`${baseUrl}#/partage/`)).toBe(true);
    await respondent.close();

    await facilitator.getByRole('textbox', { name: 'Liens de partage' }).fill(`Voici mes réponses :\n${link}\n`);
    await facilitator.getByRole('button', { name: 'Importer les liens' }).click();
    await expect.poll(async () => flatten(await importReport(facilitator).textContent())).toContain('1 réponse ajoutée.');
    // The sentence around the link is prose, left out rather than refused.
    expect(flatten(await importReport(facilitator).textContent())).not.toContain('refusée');
    await expect.poll(() => projectedCount(projection)).toBe('6 répondant·es');

    // The same link opened in the browser: a confirmation first, then a refusal, since it is already there.
    const opened = await context.newPage();
    await opened.goto(link);
    await expect.poll(() => heading(opened)).toBe('Ouvrir un diagnostic partagé');
    expect(flatten(await opened.getByRole('region', { name: 'Diagnostic express' }).textContent())).toContain(
      'Le Relais des Familles · Sophie Martin · Administrateur·rice',
    );
    await expectNoAxeViolations(opened, 'the share-link page');
    await opened.getByRole('button', { name: 'Ajouter à la vue collective' }).click();
    await expect.poll(() => opened.getByRole('alert').textContent()).toBe('Ce diagnostic est déjà dans le groupe (mêmes réponses, mêmes dates).');
    expect(await heading(opened)).toBe('Ouvrir un diagnostic partagé');

    // Another respondent's link is added and leads to the group view.
    const { questionnaires } = loadContentDirectory();
    const express = questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-express')!.questionnaire;
    const persona = JSON.parse(readFileSync(path.join(PERSONAS, 'association-sociale-express.json'), 'utf8')) as Record<string, unknown>;
    const parsed = parseAnswersFile({ ...persona, respondent: { name: 'Inès Garcia', role: 'benevole' } }, express);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const other = await context.newPage();
    await other.goto(buildShareLink(parsed.file, baseUrl));
    await other.getByRole('button', { name: 'Ajouter à la vue collective' }).click();
    await expect.poll(() => heading(other)).toBe('Vue collective');
    expect(other.url()).toMatch(/#\/groupe$/);
    await expect.poll(() => other.locator('.group-count').textContent()).toBe('7 répondant·es');
    await expect.poll(() => projectedCount(projection)).toBe('7 répondant·es');
    await expect.poll(() => facilitator.locator('.group-count').textContent()).toBe('7 répondant·es');
    await opened.close();
    await other.close();
  });

  it('builds the consensus: two agreed answers, then the consensus scores and path', async () => {
    await facilitator.getByRole('button', { name: 'Construire le consensus' }).click();
    const consensus = facilitator.getByRole('region', { name: 'Construire le consensus' });
    await consensus.waitFor();
    for (const [position, choice] of [1, 2].entries()) {
      const label = flatten(await consensus.locator('.consensus-question-label').textContent());
      const radio = consensus.getByRole('group', { name: 'Réponse convenue par le groupe' }).getByRole('radio').nth(choice);
      await radio.check();
      const question = listQuestions(questionnaire).find((candidate) => flatten(candidate.label) === label);
      expect(question, label).toBeDefined();
      agreed.set(question!.id, await radio.inputValue());
      await expect.poll(async () => flatten(await consensus.locator('.consensus-status').textContent())).toMatch(/^Réponse convenue enregistrée :/);
      await expect.poll(async () => flatten(await consensus.locator('.consensus-progress').textContent())).toMatch(
        new RegExp(`^${position + 1} réponses? convenues? sur \\d+ questions$`),
      );
      if (position === 0) await consensus.getByRole('button', { name: 'Suivante', exact: true }).click();
    }

    const result = facilitator.getByRole('region', { name: 'Résultat du consensus' });
    const scores = (await result.getByRole('table').getByRole('row').allTextContents()).map(flatten);
    expect(scores.slice(1).length).toBe(4);
    expect(scores.filter((row) => /\d+ \/ 100/.test(row)).length).toBeGreaterThanOrEqual(3);
    expect(await result.getByRole('heading', { name: /Parcours\sA\.D\.O\.C\. du consensus/ }).count()).toBe(1);
    expect(await result.locator('.path-step').count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(facilitator, 'the consensus view');
    await shoot(facilitator, 'consensus-1280');

  });

  it('exports the CSV files: a row per respondent with their names shown, and the consensus row with the agreed answers', async () => {
    const downloads: string[] = [];
    const onDownload = async (download: Download) => {
      const filePath = path.join(workDir, download.suggestedFilename());
      await download.saveAs(filePath);
      downloads.push(filePath);
    };
    facilitator.on('download', onDownload);
    await facilitator.getByRole('button', { name: 'Exporter les réponses (CSV)' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    facilitator.off('download', onDownload);
    const consensusCsv = downloads.find((file) => file.endsWith('-consensus.csv'));
    const respondentsCsv = downloads.find((file) => file.endsWith('-reponses.csv'));
    expect(consensusCsv && respondentsCsv, downloads.join(', ')).toBeTruthy();

    const readCsv = (file: string) => {
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('\uFEFF'), `${file} starts with a BOM`).toBe(true);
      const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      return parsed.data;
    };
    const [header, ...rows] = readCsv(respondentsCsv!);
    expect(header!.slice(0, 4)).toEqual(['Répondant·e', 'Rôle', 'Version du questionnaire', 'Date']);
    for (const question of listQuestions(questionnaire)) expect(header).toContain(question.id);
    expect(rows).toHaveLength(7);
    // « Afficher les noms » is still ticked: the export names the participants.
    expect(rows.slice(0, 3).map((row) => [row[0], row[1]])).toEqual(PARTICIPANTS.map(({ name, role }) => [name, role]));
    const firstRubric = listQuestions(questionnaire).find(isRubricQuestion)!;
    const column = header!.indexOf(firstRubric.id);
    expect(rows.slice(0, 3).map((row) => row[column])).toEqual([0, 1, 2].map((index) => firstRubric.options[index]!.id));

    const [consensusHeader, ...consensusRows] = readCsv(consensusCsv!);
    expect(consensusHeader).toEqual(header);
    expect(consensusRows).toHaveLength(1);
    expect(consensusRows[0]![0]).toBe('Consensus');
    for (const [questionId, value] of agreed) expect(consensusRows[0]![header!.indexOf(questionId)], questionId).toBe(value);
  });

  it('downloads the group PDF, anonymous unless the names are shown', async () => {
    // The names' checkbox lives in the overview.
    await facilitator.getByRole('button', { name: 'Vue d’ensemble', exact: true }).click();
    await facilitator.getByRole('checkbox', { name: 'Afficher les noms' }).uncheck();
    const downloadPromise = facilitator.waitForEvent('download');
    await facilitator.getByRole('button', { name: 'Télécharger le rapport collectif (PDF)' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfPath = path.join(workDir, download.suggestedFilename());
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdfPath);
    for (const expected of [
      'Diagnostic collectif',
      '7 répondant·es',
      'Participant·es',
      'Zones de moindre consensus',
      'Diagnostic de consensus',
      '2 réponses convenues en atelier',
      'Richesses humaines',
      'Ressources financières',
      'Alliances stratégiques',
      'Administrateur·rice',
      'Salarié·e',
      'Bénévole',
      'Partenaire',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const name of [...PARTICIPANTS.map((participant) => participant.name), 'Inès Garcia', 'Sophie Martin']) expect(text).not.toContain(name);
  });

  it('fits a 360 px phone without the page scrolling sideways, and no request leaves the device', async () => {
    await shoot(facilitator, 'group-1280');
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(`${baseUrl}#/groupe`);
    await expect.poll(() => phone.locator('.group-count').textContent()).toBe('7 répondant·es');
    expect(await measureHorizontalOverflow(phone)).toEqual({ overflow: 0, wideElements: [] });
    await shoot(phone, 'group-360');
    await phone.getByRole('button', { name: 'Construire le consensus' }).click();
    await phone.getByRole('region', { name: 'Résultat du consensus' }).getByRole('table').waitFor();
    expect(await measureHorizontalOverflow(phone)).toEqual({ overflow: 0, wideElements: [] });
    await phone.goto(`${baseUrl}#/groupe/projection`);
    await expect.poll(() => projectedCount(phone)).toBe('7 répondant·es');
    expect(await measureHorizontalOverflow(phone)).toEqual({ overflow: 0, wideElements: [] });
    await shoot(phone, 'projection-360');

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    // The one question asked: the respondent's import replacing the draft the workshop left behind (its blank next participant).
    expect(watch.dialogs.filter((message) => !message.startsWith('Un diagnostic est déjà en cours'))).toEqual([]);
  });
});
