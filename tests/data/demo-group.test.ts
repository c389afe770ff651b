import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { CONTENT_DIR, loadContentDirectory, REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { findFirstIncompleteStep, listVisibleQuestionIds, type AnswersFile, type RespondentRole } from '../../src/domain/answers';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { DONT_KNOW, type Questionnaire } from '../../src/domain/questionnaire-schema';
import { scoreAnswers } from '../../src/domain/scoring';
import { DEMO_GROUP_FILE, demoGroupQueryOptions, parseDemoGroup } from '../../src/data/demo-group';
import { ContentLoadError, describeLoadFailure } from '../../src/data/questionnaire-queries';
import { loadEnglishAnswerMessages } from '../domain/english-answer-messages';

const content = loadContentDirectory(CONTENT_DIR);
const express: Questionnaire = (() => {
  const found = content.questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-express');
  if (!found) throw new Error(`diagnostic-express did not load: ${content.errors.join('\n')}`);
  return found.questionnaire;
})();

const demoJson: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public', DEMO_GROUP_FILE), 'utf8'));
const demoFiles = parseDemoGroup(demoJson);

function meanScore(files: readonly AnswersFile[], roles: readonly RespondentRole[], areaId: string): number {
  const scores = files
    .filter((file) => file.respondent.role !== undefined && roles.includes(file.respondent.role))
    .map((file) => scoreAnswers(express, file.answers).areas.find((area) => area.id === areaId)?.score ?? null);
  if (scores.length === 0 || scores.some((score) => score === null)) throw new Error(`no score for ${areaId} among ${roles.join(', ')}`);
  return (scores as number[]).reduce((total, score) => total + score, 0) / scores.length;
}

describe('the demo organisation', () => {
  it('is six answers files of one organisation, to the current express questionnaire', () => {
    expect(demoFiles).toHaveLength(6);
    const names = new Set(demoFiles.map((file) => file.answers[express.bindings.organisationName]));
    expect(names.size).toBe(1);
    for (const file of demoFiles) expect(file.questionnaire).toEqual({ id: express.id, version: express.version });
  });

  it.each(demoFiles.map((file) => [file.respondent.name ?? '?', file] as const))('%s answered every visible question validly', (_, file) => {
    const result = parseAnswersFile(file, express);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(findFirstIncompleteStep(express, file.answers)).toBeNull();
    // Nothing left on a question the person never saw.
    const visible = listVisibleQuestionIds(express, file.answers);
    expect(Object.keys(file.answers).filter((id) => !visible.has(id))).toEqual([]);
  });

  it('names each respondent, with the roles of a board and a team', () => {
    expect(demoFiles.every((file) => Boolean(file.respondent.name?.trim()))).toBe(true);
    const roles = demoFiles.map((file) => file.respondent.role).sort();
    expect(roles).toEqual(['administrateur', 'administrateur', 'benevole', 'dirigeant-salarie', 'salarie', 'salarie']);
  });

  it('has a couple of « Je ne sais pas », as real respondents do', () => {
    const dontKnowCount = demoFiles.flatMap((file) => Object.values(file.answers)).filter((value) => value === DONT_KNOW).length;
    expect(dontKnowCount).toBeGreaterThanOrEqual(2);
    expect(dontKnowCount).toBeLessThanOrEqual(5);
  });

  it('shows the disagreements a workshop is for: the board rates finances and people higher than the staff', () => {
    const board = ['administrateur'] as const;
    const staff = ['salarie'] as const;
    expect(meanScore(demoFiles, board, 'financial-resources') - meanScore(demoFiles, staff, 'financial-resources')).toBeGreaterThanOrEqual(20);
    expect(meanScore(demoFiles, board, 'human-resources') - meanScore(demoFiles, staff, 'human-resources')).toBeGreaterThanOrEqual(20);
  });

  it('gives every respondent their own picture (no two share all pillar scores)', () => {
    const pictures = demoFiles.map((file) => JSON.stringify(scoreAnswers(express, file.answers).areas.map((area) => area.score)));
    expect(new Set(pictures).size).toBe(demoFiles.length);
  });

  describe('read from the site', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    function fetchDemo() {
      return new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(demoGroupQueryOptions);
    }

    it('fetches the file beside the page and gives back its answers files', async () => {
      const fetchMock = vi.fn(async () => new Response(JSON.stringify(demoJson)));
      vi.stubGlobal('fetch', fetchMock);
      expect(await fetchDemo()).toEqual(demoFiles);
      expect(fetchMock).toHaveBeenCalledWith(`${import.meta.env.BASE_URL}demo/atelier-demo.json`);
    });

    it.each([
      ['the file is missing', async () => new Response('', { status: 404 }), /introuvable \(erreur 404\)/, 'The demonstration organisation cannot be found (error 404).'],
      ['the network is down', async () => Promise.reject(new TypeError('Failed to fetch')), /vérifiez votre connexion/, 'The demonstration organisation could not be downloaded: check your connection.'],
      ['the file is not JSON', async () => new Response('<html>'), /n’est pas un fichier JSON lisible/, 'The demonstration organisation is not a readable JSON file.'],
      ['the file is not a list', async () => new Response('{}'), /contient des erreurs/, 'The demonstration organisation contains errors.'],
    ])('fails with a ContentLoadError in French when %s, which the interface can word in English', async (_, respond, message, inEnglish) => {
      vi.stubGlobal('fetch', vi.fn(respond));
      const error = await fetchDemo().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContentLoadError);
      expect((error as Error).message).toMatch(message);
      expect(describeLoadFailure(error as Error, await loadEnglishAnswerMessages())).toBe(inEnglish);
    });

    it('refuses the whole demo when one entry is broken, naming it', () => {
      const broken = structuredClone(demoJson) as Record<string, unknown>[];
      broken[2] = { ...broken[2], format: 'autre' };
      expect(() => parseDemoGroup(broken)).toThrow(ContentLoadError);
      try {
        parseDemoGroup(broken);
      } catch (error) {
        expect((error as ContentLoadError).details).toEqual([expect.stringMatching(/^\[2\] format/)]);
      }
    });
  });
});
