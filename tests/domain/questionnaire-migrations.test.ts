import fc from 'fast-check';
import type { Answers, AnswerValue } from '../../src/domain/answers';
import { describeMigrationReport, migrateAnswersFile, type MigrationReport } from '../../src/domain/questionnaire-migrations';
import { scoreAnswers } from '../../src/domain/scoring';
import { buildAnswers, buildAnswersFile, buildQuestionnaire } from './fixtures';
import { buildAnswersAt100, buildMigratedQuestionnaire } from './migration-fixtures';

const questionnaire = buildMigratedQuestionnaire();
const NOTE_1_1 = 'Les questions sur les bénévoles ont été regroupées.';
const NOTE_1_2 = 'La question sur le mécénat a été retirée.';

/** The fixture's answers at 1.1.0: `al-partners` was still called `al-network`, `fin-mecenat` was still asked. */
function buildAnswersAt110(): Answers {
  const { 'al-partners': partners, ...rest } = buildAnswers();
  return { ...rest, 'al-network': partners!, 'fin-mecenat': 'l4' };
}

const KEPT_AT_100 = [
  'org-name', 'volunteers-count', 'project-clarity', 'hr-staff-skills', 'hr-training', 'fin-shares',
  'fin-diversity', 'fin-stability', 'al-evaluation', 'priority-pillar', 'priority-horizon',
];
const KEPT_AT_110 = [
  'org-name', 'has-staff', 'volunteers-count', 'project-clarity', 'hr-volunteers', 'hr-staff-skills', 'hr-training',
  'fin-shares', 'fin-diversity', 'fin-stability', 'al-evaluation', 'priority-pillar', 'priority-horizon',
];
const MAPPED_FROM_100: MigrationReport['mapped'] = [
  { kind: 'question', from: 'benevoles', to: 'hr-volunteers' },
  { kind: 'question', from: 'al-reseau', to: 'al-partners' },
  { kind: 'option', questionId: 'has-staff', from: 'yes', to: 'oui' },
  { kind: 'option', questionId: 'preferred-kinds', from: 'se-documenter', to: 's-informer' },
];

describe('migrateAnswersFile', () => {
  it.each<{ name: string; version: string; answers: Answers; expectedAnswers: Answers; report: Omit<MigrationReport, 'toVersion'> }>([
    {
      name: 'a file at 1.0.0 gets both migrations; a renamed question renamed again is told once, from first to last id',
      version: '1.0.0',
      answers: buildAnswersAt100(),
      expectedAnswers: buildAnswers({ 'preferred-kinds': ['s-informer', 'agir'], 'fin-mecenat': 'l2' }),
      report: { fromVersion: '1.0.0', kept: KEPT_AT_100, mapped: MAPPED_FROM_100, dropped: ['fin-mecenat'], notes: [NOTE_1_1, NOTE_1_2] },
    },
    {
      name: 'a file older than every migration gets them all',
      version: '0.9.0',
      answers: buildAnswersAt100(),
      expectedAnswers: buildAnswers({ 'preferred-kinds': ['s-informer', 'agir'], 'fin-mecenat': 'l2' }),
      report: { fromVersion: '0.9.0', kept: KEPT_AT_100, mapped: MAPPED_FROM_100, dropped: ['fin-mecenat'], notes: [NOTE_1_1, NOTE_1_2] },
    },
    {
      name: 'a file at 1.1.0 gets only the second migration',
      version: '1.1.0',
      answers: buildAnswersAt110(),
      expectedAnswers: buildAnswers({ 'fin-mecenat': 'l4' }),
      report: { fromVersion: '1.1.0', kept: KEPT_AT_110, mapped: [{ kind: 'question', from: 'al-network', to: 'al-partners' }], dropped: ['fin-mecenat'], notes: [NOTE_1_2] },
    },
    {
      name: 'a file inside a migration’s range (1.0.5 in 1.0.0 → 1.1.0) still holding the old ids gets that migration and the next',
      version: '1.0.5',
      answers: buildAnswersAt100(),
      expectedAnswers: buildAnswers({ 'preferred-kinds': ['s-informer', 'agir'], 'fin-mecenat': 'l2' }),
      report: { fromVersion: '1.0.5', kept: KEPT_AT_100, mapped: MAPPED_FROM_100, dropped: ['fin-mecenat'], notes: [NOTE_1_1, NOTE_1_2] },
    },
    {
      name: 'a file inside a migration’s range already holding its new ids gets it too, harmlessly, and is told its note',
      version: '1.0.5',
      answers: buildAnswersAt110(),
      expectedAnswers: buildAnswers({ 'fin-mecenat': 'l4' }),
      report: { fromVersion: '1.0.5', kept: KEPT_AT_110, mapped: [{ kind: 'question', from: 'al-network', to: 'al-partners' }], dropped: ['fin-mecenat'], notes: [NOTE_1_1, NOTE_1_2] },
    },
    {
      name: 'a file inside the last migration’s range (1.1.7 in 1.1.0 → 1.2.0) with nothing left to move keeps everything, and is told the version changed and why',
      version: '1.1.7',
      answers: buildAnswers(),
      expectedAnswers: buildAnswers(),
      report: { fromVersion: '1.1.7', kept: [...KEPT_AT_110.slice(0, 10), 'al-partners', ...KEPT_AT_110.slice(10)], mapped: [], dropped: [], notes: [NOTE_1_2] },
    },
    {
      name: 'a renamed question whose new id is already answered keeps the answer there; the old one stays in the file, dropped',
      version: '1.0.0',
      answers: buildAnswersAt100({ 'hr-volunteers': 'l4' }),
      expectedAnswers: buildAnswers({ 'hr-volunteers': 'l4', benevoles: 'l2', 'preferred-kinds': ['s-informer', 'agir'], 'fin-mecenat': 'l2' }),
      report: {
        fromVersion: '1.0.0',
        kept: [...KEPT_AT_100.slice(0, 3), 'hr-volunteers', ...KEPT_AT_100.slice(3)],
        mapped: MAPPED_FROM_100.filter((entry) => entry.from !== 'benevoles'),
        dropped: ['benevoles', 'fin-mecenat'],
        notes: [NOTE_1_1, NOTE_1_2],
      },
    },
  ])('$name', ({ version, answers, expectedAnswers, report }) => {
    const file = buildAnswersFile(answers, { version });
    const result = migrateAnswersFile(file, questionnaire);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.answers).toEqual(expectedAnswers);
    expect(result.file.questionnaire).toEqual({ id: 'test-mse', version: '1.2.0' });
    expect(result.report).toEqual({ ...report, toVersion: '1.2.0' });
  });

  it.each<{ name: string; value: AnswerValue; expected: AnswerValue; mapped: MigrationReport['mapped'] }>([
    {
      name: 'every changed option of a multiple answer is mapped, two old options becoming one are ticked once',
      value: ['lire', 'agir', 'se-documenter'],
      expected: ['s-informer', 'agir'],
      mapped: [
        { kind: 'option', questionId: 'preferred-kinds', from: 'lire', to: 's-informer' },
        { kind: 'option', questionId: 'preferred-kinds', from: 'se-documenter', to: 's-informer' },
      ],
    },
    { name: 'a multiple answer with no changed option passes unchanged', value: ['agir', 'comprendre'], expected: ['agir', 'comprendre'], mapped: [] },
    { name: 'an empty multiple answer stays empty', value: [], expected: [], mapped: [] },
  ])('$name', ({ value, expected, mapped }) => {
    const result = migrateAnswersFile(buildAnswersFile(buildAnswersAt100({ 'preferred-kinds': value }), { version: '1.1.0' }), questionnaire);
    // At 1.1.0 the option map of 1.0.0 → 1.1.0 no longer applies: use a 1.0.0 file for the mapping itself.
    expect(result.ok && result.file.answers['preferred-kinds']).toEqual(value);
    const fromOld = migrateAnswersFile(buildAnswersFile(buildAnswersAt100({ 'preferred-kinds': value }), { version: '1.0.0' }), questionnaire);
    expect(fromOld.ok && fromOld.file.answers['preferred-kinds']).toEqual(expected);
    expect(fromOld.ok && fromOld.report?.mapped.filter((entry) => entry.kind === 'option' && entry.questionId === 'preferred-kinds')).toEqual(mapped);
  });

  it.each<{ name: string; value: AnswerValue; expected: AnswerValue; isMapped: boolean }>([
    { name: '« Non concerné » is left alone', value: 'not-applicable', expected: 'not-applicable', isMapped: false },
    { name: '« Je ne sais pas » is left alone', value: 'dont-know', expected: 'dont-know', isMapped: false },
    { name: 'an old rubric option is mapped', value: 'faible', expected: 'l1', isMapped: true },
    { name: 'an option the migration does not name passes unchanged', value: 'l3', expected: 'l3', isMapped: false },
  ])('on a question with reserved answers, $name', ({ value, expected, isMapped }) => {
    const result = migrateAnswersFile(buildAnswersFile(buildAnswersAt100({ 'hr-training': value }), { version: '1.0.0' }), questionnaire);
    if (!result.ok || !result.report) throw new Error('expected a migrated file');
    expect(result.file.answers['hr-training']).toBe(expected);
    expect(result.report.kept.includes('hr-training')).toBe(!isMapped);
    expect(result.report.mapped.some((entry) => entry.kind === 'option' && entry.questionId === 'hr-training')).toBe(isMapped);
  });

  it.each<{ name: string; version: string; questionnaireId?: string; error: string }>([
    {
      name: 'a file from a newer version',
      version: '1.3.0',
      error: 'questionnaire.version : ce fichier a été rempli avec la version 1.3.0 du questionnaire, plus récente que la version 1.2.0 disponible ici',
    },
    {
      name: 'a file from a newer patch',
      version: '1.2.1',
      error: 'questionnaire.version : ce fichier a été rempli avec la version 1.2.1 du questionnaire, plus récente que la version 1.2.0 disponible ici',
    },
    { name: 'an unreadable version', version: 'version 2', error: 'questionnaire.version : version « version 2 » illisible (attendu : une version comme 1.0.0)' },
    { name: 'a file for another questionnaire', version: '1.0.0', questionnaireId: 'autre', error: 'Ce fichier répond au questionnaire « autre », pas à « test-mse ».' },
  ])('refuses $name whole, with a French message', ({ version, questionnaireId, error }) => {
    expect(migrateAnswersFile(buildAnswersFile(buildAnswersAt100(), { version, questionnaireId }), questionnaire)).toEqual({ ok: false, errors: [error] });
  });

  it('applies a migration to a file saved at a version inside its range, never telling that its answers were taken as they were', () => {
    // History: 1.0.0, then 1.0.1 (wording only, no migration of its own), then 1.2.0, which renamed
    // `benevoles` and declared its migration from 1.0.0: a 1.0.1 file still has the old id.
    const skipping = buildQuestionnaire((input) => {
      input.migrations = [{ from: '1.0.0', to: '1.2.0', renamedQuestions: { benevoles: 'hr-volunteers' } }];
    });
    const { 'hr-volunteers': volunteers, ...rest } = buildAnswers();
    const result = migrateAnswersFile(buildAnswersFile({ ...rest, benevoles: volunteers! }, { version: '1.0.1' }), skipping);
    if (!result.ok || !result.report) throw new Error('expected a migrated file');
    expect(result.file.answers).toEqual(buildAnswers());
    expect(Object.keys(result.file.answers)).not.toContain('benevoles');
    expect(result.report.mapped).toEqual([{ kind: 'question', from: 'benevoles', to: 'hr-volunteers' }]);
    expect(describeMigrationReport(result.report)).toContain('La réponse à la question « benevoles » est reprise sous son nouvel identifiant « hr-volunteers ».');
    expect(describeMigrationReport(result.report).join(' ')).not.toContain('telles quelles dans la version');
  });

  it('never applies a migration that goes past the questionnaire’s version, nor one that ends at or below the file’s', () => {
    // A hand-built questionnaire (the schema refuses the first): only 1.1.0 → 1.2.0 concerns a 1.1.0 file.
    const handBuilt: typeof questionnaire = {
      ...questionnaire,
      migrations: [
        { from: '1.0.0', to: '1.1.0', renamedQuestions: { 'org-name': 'never-1' } },
        { from: '1.1.0', to: '1.2.0', renamedQuestions: { 'al-network': 'al-partners' } },
        { from: '1.2.0', to: '1.3.0', renamedQuestions: { 'project-clarity': 'never-2' } },
      ],
    };
    const result = migrateAnswersFile(buildAnswersFile(buildAnswersAt110(), { version: '1.1.0' }), handBuilt);
    if (!result.ok || !result.report) throw new Error('expected a migrated file');
    expect(result.report.mapped).toEqual([{ kind: 'question', from: 'al-network', to: 'al-partners' }]);
    expect(Object.keys(result.file.answers)).toEqual(expect.arrayContaining(['org-name', 'project-clarity', 'al-partners']));
  });

  it('keeps the date of the last change by a person, and the rest of the file', () => {
    const file = { ...buildAnswersFile(buildAnswersAt100(), { version: '1.0.0', updatedAt: '2025-03-04T08:00:00.000Z', respondent: { role: 'benevole' } }), pathProgress: { 'outil-a': { status: 'done' as const } } };
    const result = migrateAnswersFile(file, questionnaire);
    if (!result.ok) throw new Error('expected a migrated file');
    const { answers: _answers, questionnaire: _questionnaire, ...rest } = result.file;
    const { answers: _oldAnswers, questionnaire: _oldQuestionnaire, ...oldRest } = file;
    expect(rest).toEqual(oldRest);
    expect(result.file.updatedAt).toBe('2025-03-04T08:00:00.000Z');
  });

  it('does not change the file it is given', () => {
    const file = buildAnswersFile(buildAnswersAt100(), { version: '1.0.0' });
    const copy = structuredClone(file);
    migrateAnswersFile(file, questionnaire);
    expect(file).toEqual(copy);
  });

  it('keeps a removed question’s answer in the file without scoring it', () => {
    const result = migrateAnswersFile(buildAnswersFile(buildAnswersAt100({ 'fin-mecenat': 'l4' }), { version: '1.0.0' }), questionnaire);
    if (!result.ok) throw new Error('expected a migrated file');
    expect(result.file.answers['fin-mecenat']).toBe('l4');
    const { 'fin-mecenat': _dropped, ...withoutDropped } = result.file.answers;
    expect(scoreAnswers(questionnaire, result.file.answers)).toEqual(scoreAnswers(questionnaire, withoutDropped));
    // The moved answers are scored where they landed.
    expect(scoreAnswers(questionnaire, result.file.answers)).toEqual(scoreAnswers(questionnaire, buildAnswers({ 'preferred-kinds': ['s-informer', 'agir'] })));
  });

  const ANSWER_VALUES: AnswerValue[] = ['yes', 'no', 'oui', 'l1', 'l4', 'faible', 'dont-know', 'not-applicable', ['lire', 'se-documenter', 'agir'], [], 12, { dons: 100 }];
  const OLD_AND_NEW_IDS = ['benevoles', 'hr-volunteers', 'al-reseau', 'al-network', 'al-partners', 'has-staff', 'preferred-kinds', 'hr-training', 'fin-mecenat', 'org-name'];
  const answersArbitrary = fc.dictionary(fc.constantFrom(...OLD_AND_NEW_IDS), fc.constantFrom(...ANSWER_VALUES));
  const versionArbitrary = fc.constantFrom('0.1.0', '1.0.0', '1.0.5', '1.1.0', '1.1.9', '1.2.0');

  it('returns a file already at the current version as it is, with no report', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-z-]{0,12}$/), fc.constantFrom(...ANSWER_VALUES)), (answers) => {
        const file = buildAnswersFile(answers, { version: '1.2.0' });
        expect(migrateAnswersFile(file, questionnaire)).toEqual({ ok: true, file, report: null });
      }),
    );
  });

  it('migrating twice gives what migrating once gave, and never loses an answer', () => {
    fc.assert(
      fc.property(answersArbitrary, versionArbitrary, (answers, version) => {
        const once = migrateAnswersFile(buildAnswersFile(answers, { version }), questionnaire);
        if (!once.ok) throw new Error(once.errors.join('\n'));
        expect(once.file.questionnaire.version).toBe('1.2.0');
        expect(Object.keys(once.file.answers)).toHaveLength(Object.keys(answers).length);
        expect(migrateAnswersFile(once.file, questionnaire)).toEqual({ ok: true, file: once.file, report: null });
      }),
    );
  });
});

describe('describeMigrationReport', () => {
  const base: MigrationReport = { fromVersion: '1.0.0', toVersion: '1.2.0', kept: [], mapped: [], dropped: [], notes: [] };

  it('tells in French what was kept, mapped and dropped', () => {
    const result = migrateAnswersFile(buildAnswersFile(buildAnswersAt100(), { version: '1.0.0' }), questionnaire);
    if (!result.ok || !result.report) throw new Error('expected a migrated file');
    expect(describeMigrationReport(result.report)).toEqual([
      'Ce fichier a été rempli avec la version 1.0.0 du questionnaire ; ses réponses ont été reprises dans la version 1.2.0.',
      NOTE_1_1,
      NOTE_1_2,
      '11 réponses sont reprises telles quelles.',
      'La réponse à la question « benevoles » est reprise sous son nouvel identifiant « hr-volunteers ».',
      'La réponse à la question « al-reseau » est reprise sous son nouvel identifiant « al-partners ».',
      'Question « has-staff » : la réponse « yes » est reprise comme « oui ».',
      'Question « preferred-kinds » : la réponse « se-documenter » est reprise comme « s-informer ».',
      'La réponse à la question « fin-mecenat », retirée ou remplacée, reste dans le fichier mais n’est plus comptée.',
    ]);
  });

  it.each<{ name: string; report: Partial<MigrationReport>; expected: string[] }>([
    {
      name: 'one sentence when every answer was kept, then the notes',
      report: { kept: ['org-name', 'has-staff'], notes: ['Deux questions ont été ajoutées.'] },
      expected: ['Ce fichier a été rempli avec la version 1.0.0 du questionnaire ; ses réponses ont été reprises telles quelles dans la version 1.2.0.', 'Deux questions ont été ajoutées.'],
    },
    {
      name: 'one kept answer in the singular',
      report: { kept: ['org-name'], mapped: [{ kind: 'question', from: 'a', to: 'b' }] },
      expected: [
        'Ce fichier a été rempli avec la version 1.0.0 du questionnaire ; ses réponses ont été reprises dans la version 1.2.0.',
        '1 réponse est reprise telle quelle.',
        'La réponse à la question « a » est reprise sous son nouvel identifiant « b ».',
      ],
    },
    {
      name: 'several dropped answers in one sentence',
      report: { dropped: ['a', 'b'] },
      expected: [
        'Ce fichier a été rempli avec la version 1.0.0 du questionnaire ; ses réponses ont été reprises dans la version 1.2.0.',
        'Les réponses aux questions « a », « b », retirées ou remplacées, restent dans le fichier mais ne sont plus comptées.',
      ],
    },
  ])('says $name', ({ report, expected }) => {
    expect(describeMigrationReport({ ...base, ...report })).toEqual(expected);
  });
});
