import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR, loadContentDirectory, REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { createAnswersFile, type AnswersFile } from '../../src/domain/answers';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { importAnswersSources, MAX_IMPORT_SOURCES, type ImportSource } from '../../src/data/import-answers-files';
import { buildShareLink } from '../../src/data/share-link';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const PAGE = 'https://asso.example.org/trajectoires/';

function buildFile(overrides: Partial<AnswersFile> = {}, name = 'Camille'): AnswersFile {
  return { ...createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-22T10:00:00Z'), { respondent: { name } }), ...overrides };
}

function sourceOf(name: string, content: unknown, size?: number): ImportSource {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return { name, size: size ?? text.length, text: async () => text };
}

function createLoader(...available: Questionnaire[]) {
  const calls: string[] = [];
  const load = async (id: string) => {
    calls.push(id);
    const found = available.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`not found: ${id}`);
    return found;
  };
  return { load, calls };
}

describe('importing several answers files and links', () => {
  it('keeps every good file and link, in the order given, with its questionnaire', async () => {
    const { load } = createLoader(questionnaire);
    const report = await importAnswersSources(
      {
        files: [sourceOf('camille.json', buildFile()), sourceOf('dominique.json', buildFile({}, 'Dominique'))],
        links: [buildShareLink(buildFile({}, 'Sacha'), PAGE)],
      },
      load,
    );
    expect(report.rejected).toEqual([]);
    expect(report.accepted.map(({ source, file }) => [source, file.respondent.name])).toEqual([
      ['camille.json', 'Camille'],
      ['dominique.json', 'Dominique'],
      ['lien 1', 'Sacha'],
    ]);
    expect(report.accepted.every((accepted) => accepted.questionnaire === questionnaire)).toBe(true);
  });

  it.each([
    ['a file that is not JSON', sourceOf('notes.json', 'pas du JSON'), /« notes\.json » n’est pas un fichier JSON lisible/],
    ['a file far too large', sourceOf('film.json', '{}', 5_000_000), /« film\.json » est trop volumineux/],
    ['another kind of JSON', sourceOf('autre.json', { hello: 'world' }), /format/],
    ['a file of a questionnaire not available here', sourceOf('q.json', buildFile({ questionnaire: { id: 'autre', version: '1.0.0' } })), /« autre », qui n’est pas disponible/],
    ['a file from a newer version of the tool', sourceOf('futur.json', { ...buildFile(), formatVersion: 2 }), /version plus récente de l’outil/],
    ['a file from a newer version of the questionnaire', sourceOf('v9.json', buildFile({ questionnaire: { id: questionnaire.id, version: '9.0.0' } })), /version 9\.0\.0 du questionnaire, plus récente/],
    ['an answer out of range', sourceOf('hors.json', buildFile({ answers: buildAnswers({ 'volunteers-count': 99999 }) })), /answers\.volunteers-count/],
  ])('lists %s with its name and reason, and keeps the good ones', async (_, bad, reason) => {
    const { load } = createLoader(questionnaire);
    const report = await importAnswersSources({ files: [sourceOf('bon.json', buildFile()), bad], links: [] }, load);
    expect(report.accepted.map((accepted) => accepted.source)).toEqual(['bon.json']);
    expect(report.rejected).toEqual([{ source: bad.name, reasons: expect.arrayContaining([expect.stringMatching(reason)]) }]);
  });

  it('lists every reason a file is refused, not only the first', async () => {
    const { load } = createLoader(questionnaire);
    const file = buildFile({ answers: buildAnswers({ 'volunteers-count': 99999, 'project-clarity': 'l9' }) });
    const report = await importAnswersSources({ files: [sourceOf('deux.json', file)], links: [] }, load);
    expect(report.rejected[0]?.reasons).toHaveLength(2);
  });

  it('keeps a file of an older questionnaire version, with a warning', async () => {
    const { load } = createLoader(questionnaire);
    const report = await importAnswersSources({ files: [sourceOf('v1.json', buildFile({ questionnaire: { id: questionnaire.id, version: '1.0.0' } }))], links: [] }, load);
    expect(report.accepted[0]?.warnings).toEqual([expect.stringMatching(/version 1\.0\.0 du questionnaire/)]);
  });

  it.each([
    ['a text that is not a link', 'bonjour', /n’est pas un lien de partage/],
    ['a link cut while copying', buildShareLink(buildFile(), PAGE).slice(0, 80), /incomplet ou abîmé/],
    ['a link to a file with an answer out of range', buildShareLink(buildFile({ answers: buildAnswers({ 'volunteers-count': -3 }) }), PAGE), /answers\.volunteers-count/],
  ])('names a bad link by its position among the links: %s', async (_, badLink, reason) => {
    const { load } = createLoader(questionnaire);
    const report = await importAnswersSources({ files: [], links: [buildShareLink(buildFile(), PAGE), '  ', badLink] }, load);
    expect(report.accepted.map((accepted) => accepted.source)).toEqual(['lien 1']);
    expect(report.rejected).toEqual([{ source: 'lien 2', reasons: [expect.stringMatching(reason)] }]);
  });

  it('reads a real persona file and its share link against the real questionnaire', async () => {
    const content = loadContentDirectory(CONTENT_DIR);
    const express = content.questionnaires.find((loaded) => loaded.questionnaire.id === 'diagnostic-express')?.questionnaire;
    if (!express) throw new Error(content.errors.join('\n'));
    const text = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/personas/club-sportif-express.json'), 'utf8');
    const { load } = createLoader(express);
    const report = await importAnswersSources({ files: [sourceOf('club-sportif-express.json', text)], links: [buildShareLink(JSON.parse(text) as AnswersFile, PAGE)] }, load);
    expect(report.rejected).toEqual([]);
    expect(report.accepted[1]?.file).toEqual(report.accepted[0]?.file);
  });

  it('imports a thousand files, loading each questionnaire once', async () => {
    const other = buildQuestionnaire((input) => {
      input.id = 'autre-mse';
    });
    const { load, calls } = createLoader(questionnaire, other);
    const files = Array.from({ length: 1_000 }, (_, index) =>
      sourceOf(`r${index}.json`, index % 10 === 0 ? { ...buildFile({}, `R${index}`), questionnaire: { id: other.id, version: other.version } } : buildFile({}, `R${index}`)),
    );
    const report = await importAnswersSources({ files, links: [] }, load);
    expect(report.accepted).toHaveLength(1_000);
    // The time it takes is a benchmark (`npm run bench`, BENCHMARKS.md), not a test.
    expect(calls.sort()).toEqual([other.id, questionnaire.id].sort());
  });

  it('asks once for a questionnaire that is not available, and refuses each of its files', async () => {
    const { load, calls } = createLoader();
    const report = await importAnswersSources({ files: [sourceOf('a.json', buildFile()), sourceOf('b.json', buildFile({}, 'B'))], links: [] }, load);
    expect(calls).toEqual([questionnaire.id]);
    expect(report.rejected.map((rejected) => rejected.source)).toEqual(['a.json', 'b.json']);
  });

  it(`refuses more than ${MAX_IMPORT_SOURCES} files and links at once, before reading any`, async () => {
    const { load, calls } = createLoader(questionnaire);
    let readCount = 0;
    const file: ImportSource = { name: 'r.json', size: 10, text: async () => (readCount++, JSON.stringify(buildFile())) };
    const report = await importAnswersSources({ files: Array.from({ length: MAX_IMPORT_SOURCES }, () => file), links: ['#/partage/abc'] }, load);
    expect(report.accepted).toEqual([]);
    expect(report.rejected).toEqual([{ source: '2\u202f001 fichiers et liens', reasons: [expect.stringMatching(/au plus 2\u202f000 fichiers et liens à la fois/)] }]);
    expect(readCount).toBe(0);
    expect(calls).toEqual([]);
  });

  it(`reads exactly ${MAX_IMPORT_SOURCES}, each on its own merits`, async () => {
    const { load } = createLoader(questionnaire);
    const files = Array.from({ length: MAX_IMPORT_SOURCES }, (_, index) => sourceOf(`r${index}.json`, 'pas du JSON'));
    const report = await importAnswersSources({ files, links: [] }, load);
    expect(report.rejected).toHaveLength(MAX_IMPORT_SOURCES);
    expect(report.rejected[0]?.reasons).toEqual([expect.stringMatching(/n’est pas un fichier JSON lisible/)]);
  });
});
