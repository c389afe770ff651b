import fc from 'fast-check';
import { createAnswersFile, type Answers, type AnswerValue, type PathProgress } from '../../src/domain/answers';
import { compareDiagnoses, isSameAnswer, type ComparedDiagnosis, type DiagnosisComparison } from '../../src/domain/compare-diagnoses';
import { listQuestions, PILLAR_IDS, type Question, type Questionnaire } from '../../src/domain/questionnaire-schema';
import { scoreAnswers } from '../../src/domain/scoring';
import { editDiagnosis, findQuestionnaire, findToolkit, loadPersona, type PersonaName } from './compare-fixtures';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from './fixtures';

const toolkit = findToolkit();
const PERSONAS: PersonaName[] = ['club-sportif', 'association-sociale', 'federation-regionale'];
const LATER = '2027-05-12T09:00:00.000Z';

function deltasOf(comparison: DiagnosisComparison): (number | null)[] {
  return [...comparison.areas, ...comparison.dimensions].map((row) => row.delta);
}

function scoreOf(diagnosis: ComparedDiagnosis, areaId: string): number | null {
  return scoreAnswers(diagnosis.questionnaire, diagnosis.file.answers).areas.find((area) => area.id === areaId)?.score ?? null;
}

describe('compareDiagnoses: the answers that changed', () => {
  const older = editDiagnosis(loadPersona('club-sportif', 'complet'), {
    answers: { 'rh-roles': 'grandes-missions', 'al-types-pratiques': ['mecenat', 'pratiques-responsables'], 'fi-dependance': 'forte-reduction' },
  });

  it.each<{ name: string; answers: Answers; remove: string[]; expected: { questionId: string; stepTitle: string; before: string | null; after: string | null }[] }>([
    {
      name: 'three changed answers give exactly three rows, in questionnaire order, worded like the report',
      answers: {
        'rh-roles': 'complementarite',
        'mix-ressources': { subventions: 25, 'commande-publique': 0, cotisations: 52, dons: 0, mecenat: 8, 'revenus-activite': 15, 'fonds-propres-autres': 0 },
        'fi-dependance': 'not-applicable',
      },
      remove: [],
      expected: [
        { questionId: 'rh-roles', stepTitle: 'Richesses humaines', before: 'Les grandes missions sont réparties', after: 'Une complémentarité pensée et revue' },
        {
          questionId: 'mix-ressources',
          stepTitle: 'Ressources financières',
          before: 'Subventions publiques 15 %, Cotisations des membres 62 %, Mécénat d’entreprises et de fondations 8 %, Revenus d’activité 15 %'.replaceAll(' %', '\u00a0%'),
          after: 'Subventions publiques 25 %, Cotisations des membres 52 %, Mécénat d’entreprises et de fondations 8 %, Revenus d’activité 15 %'.replaceAll(' %', '\u00a0%'),
        },
        { questionId: 'fi-dependance', stepTitle: 'Ressources financières', before: 'Nous devrions réduire fortement', after: 'Non concerné' },
      ],
    },
    {
      name: 'checked boxes in another order, and a part written as 0 instead of left out, are not changes',
      answers: {
        'al-types-pratiques': ['pratiques-responsables', 'mecenat'],
        'mix-ressources': { subventions: 15, cotisations: 62, mecenat: 8, 'revenus-activite': 15 },
      },
      remove: [],
      expected: [],
    },
    {
      name: 'an answer left on a question that the new answers hide does not count',
      answers: { 'effectif-salaries': 'de-3-a-9' },
      remove: [],
      expected: [],
    },
    {
      name: 'an answer removed reads as « no answer » after',
      answers: {},
      remove: ['al-pairs'],
      expected: [{ questionId: 'al-pairs', stepTitle: 'Alliances stratégiques', before: 'Des échanges d’information', after: null }],
    },
    {
      name: 'a box ticked more is a change, written with every label',
      answers: { 'al-types-pratiques': ['mecenat', 'pratiques-responsables', 'innovation-societale'] },
      remove: [],
      expected: [
        {
          questionId: 'al-types-pratiques',
          stepTitle: 'Alliances stratégiques',
          // Written in the order they were ticked, as in the report.
          before: 'Mécénat, Pratiques responsables',
          after: 'Mécénat, Pratiques responsables, Innovation sociétale',
        },
      ],
    },
  ])('$name', ({ answers, remove, expected }) => {
    const newer = editDiagnosis(older, { answers, remove, updatedAt: LATER });
    const comparison = compareDiagnoses(older, newer, toolkit);
    expect(comparison.changedAnswers.map(({ questionId, stepTitle, before, after }) => ({ questionId, stepTitle, before, after }))).toEqual(expected);
    for (const row of comparison.changedAnswers) {
      expect(row.label).toBe(listQuestions(newer.questionnaire).find((question) => question.id === row.questionId)?.label);
    }
  });
});

describe('compareDiagnoses in another language', () => {
  const older = editDiagnosis(loadPersona('club-sportif', 'complet'), { answers: { 'rh-roles': 'dont-know' } });
  const newer = editDiagnosis(older, {
    answers: { 'rh-roles': 'complementarite', 'mix-ressources': { subventions: 25.5, cotisations: 51.5, mecenat: 8, 'revenus-activite': 15 } },
    updatedAt: LATER,
  });
  const english = {
    pillarLabels: { project: 'Project', 'human-resources': 'Human resources', 'financial-resources': 'Financial resources', 'strategic-alliances': 'Strategic alliances' },
    answers: { localeTag: 'en-GB', reservedAnswers: { 'not-applicable': 'Not applicable', 'dont-know': 'I don’t know' } },
  } as const;

  it('writes the reserved answers and the numbers in the wording’s language, and names the areas in it', () => {
    const comparison = compareDiagnoses(older, newer, toolkit, english);
    const changed = new Map(comparison.changedAnswers.map((row) => [row.questionId, row]));
    expect(changed.get('rh-roles')?.before).toBe('I don’t know');
    expect(changed.get('mix-ressources')?.after).toBe('Subventions publiques 25.5%, Cotisations des membres 51.5%, Mécénat d’entreprises et de fondations 8%, Revenus d’activité 15%');
    expect(comparison.areas.map((area) => area.label)).toEqual(['Project', 'Human resources', 'Financial resources', 'Strategic alliances']);
  });

  it('writes them in French without a wording, as before', () => {
    const comparison = compareDiagnoses(older, newer, toolkit);
    expect(comparison.changedAnswers.find((row) => row.questionId === 'rh-roles')?.before).toBe('Je ne sais pas');
    expect(comparison.areas.map((area) => area.label)).toEqual(['Projet', 'Richesses humaines', 'Ressources financières', 'Alliances stratégiques']);
  });
});

describe('compareDiagnoses: scores', () => {
  const questionnaire = buildQuestionnaire();
  const fixtureToolkit = buildToolkit(buildFullToolkitTools());
  const at = (answers: Answers, date: string): ComparedDiagnosis => ({ questionnaire, file: createAnswersFile(questionnaire, answers, new Date(date)) });

  it.each<{ name: string; change: Answers; area: string; before: number | null; after: number | null; delta: number | null }>([
    // hr-volunteers l2 (33), hr-staff-skills l3 (67), hr-training l2 (33): 44; hr-training l4 (100): 67.
    { name: 'a pillar going up shows the score difference, positive', change: { 'hr-training': 'l4' }, area: 'human-resources', before: 44, after: 67, delta: 23 },
    { name: 'a pillar going down shows a negative difference', change: { 'hr-volunteers': 'l1', 'hr-training': 'l1' }, area: 'human-resources', before: 44, after: 22, delta: -22 },
    // al-partners « Je ne sais pas »: one scored answer, two needed.
    { name: 'a side without a score gives no difference', change: { 'al-partners': 'dont-know' }, area: 'strategic-alliances', before: 67, after: null, delta: null },
    { name: 'an unchanged pillar is stable', change: { 'hr-training': 'l4' }, area: 'financial-resources', before: 17, after: 17, delta: 0 },
  ])('$name', ({ change, area, before, after, delta }) => {
    const comparison = compareDiagnoses(at(buildAnswers(), '2026-01-10T10:00:00Z'), at(buildAnswers(change), LATER), fixtureToolkit);
    const row = comparison.areas.find((candidate) => candidate.id === area);
    expect(row).toMatchObject({ before: { score: before }, after: { score: after }, delta });
  });

  it('names the areas, the project first, with their level labels and flags', () => {
    const comparison = compareDiagnoses(at(buildAnswers(), '2026-01-10T10:00:00Z'), at(buildAnswers({ 'al-partners': 'dont-know' }), LATER), fixtureToolkit);
    expect(comparison.areas.map((area) => area.label)).toEqual(['Projet', 'Richesses humaines', 'Ressources financières', 'Alliances stratégiques']);
    const alliances = comparison.areas[3]!;
    expect(alliances.before).toEqual({ score: 67, levelId: 'structure', levelLabel: 'Structuré', isInsufficient: false, isNotApplicable: false });
    expect(alliances.after).toEqual({ score: null, levelId: null, levelLabel: null, isInsufficient: true, isNotApplicable: false });
    expect(comparison.older.updatedAt).toBe('2026-01-10T10:00:00.000Z');
    expect(comparison.newer).toEqual({ updatedAt: LATER, questionnaire: { id: 'test-mse', version: '1.2.0', title: 'Questionnaire de test' } });
  });

  it.each(PERSONAS)('a pillar of %s going up shows the score difference', (persona) => {
    const older = editDiagnosis(loadPersona(persona, 'complet'), { answers: { 'rh-roles': 'chacun-fait', 'rh-recrutement': 'bouche-a-oreille' } });
    const newer = editDiagnosis(older, { answers: { 'rh-roles': 'complementarite', 'rh-recrutement': 'strategie-renouvellement' }, updatedAt: LATER });
    const row = compareDiagnoses(older, newer, toolkit).areas.find((area) => area.id === 'human-resources')!;
    const expected = scoreOf(newer, 'human-resources')! - scoreOf(older, 'human-resources')!;
    expect(expected).toBeGreaterThan(0);
    expect(row.delta).toBe(expected);
    expect(row.after.score! - row.before.score!).toBe(expected);
  });

  it.each(PERSONAS.flatMap((persona) => (['complet', 'express'] as const).map((variant) => [persona, variant] as const)))(
    'the same file twice (%s, %s): no changed answer, every scored delta 0, no step done since',
    (persona, variant) => {
      const diagnosis = loadPersona(persona, variant);
      const comparison = compareDiagnoses(diagnosis, diagnosis, toolkit);
      expect(comparison.sameQuestionnaire).toBe(true);
      expect(comparison.changedAnswers).toEqual([]);
      expect(comparison.stepsDoneSince).toEqual([]);
      for (const row of [...comparison.areas, ...comparison.dimensions]) {
        expect(row.delta).toBe(row.before?.score === null || row.after?.score === null ? null : 0);
      }
      expect(comparison.areas.every((area) => area.delta === 0)).toBe(true);
    },
  );
});

describe('compareDiagnoses: path steps done since', () => {
  const [first, second, third, fourth, fifth] = toolkit.tools;
  const base = loadPersona('association-sociale', 'complet');

  it.each<{ name: string; older: PathProgress | undefined; newer: PathProgress | undefined; expected: typeof toolkit.tools }>([
    {
      name: 'steps done in the newer file and not in the older one, in catalogue order, unknown tools skipped',
      older: { [first!.id]: { status: 'done' }, [second!.id]: { status: 'todo', note: 'plus tard' }, [fourth!.id]: { status: 'not-relevant' } },
      newer: {
        [fourth!.id]: { status: 'done' },
        [first!.id]: { status: 'done' },
        [second!.id]: { status: 'done' },
        'outil-disparu': { status: 'done' },
        [third!.id]: { status: 'not-relevant' },
        [fifth!.id]: { status: 'todo' },
      },
      expected: [second!, fourth!],
    },
    { name: 'no progress on either side', older: undefined, newer: undefined, expected: [] },
    { name: 'a step done before and undone since is not « done since »', older: { [first!.id]: { status: 'done' } }, newer: {}, expected: [] },
  ])(
    '$name',
    ({ older, newer, expected }) => {
      const comparison = compareDiagnoses(
        editDiagnosis(base, older ? { pathProgress: older } : {}),
        editDiagnosis(base, { ...(newer ? { pathProgress: newer } : {}), updatedAt: LATER }),
        toolkit,
      );
      expect(comparison.stepsDoneSince).toEqual(expected.map((tool) => ({ toolId: tool.id, title: tool.title })));
    },
  );
});

describe('compareDiagnoses: an express diagnosis and a complete one', () => {
  it.each(PERSONAS)('%s: express then complet compares the shared areas, dimensions and questions', (persona) => {
    const express = loadPersona(persona, 'express');
    const complet = editDiagnosis(loadPersona(persona, 'complet'), { updatedAt: LATER });
    const comparison = compareDiagnoses(express, complet, toolkit);
    expect(comparison.sameQuestionnaire).toBe(false);
    expect(comparison.older.questionnaire.id).toBe('diagnostic-express');
    expect(comparison.newer.questionnaire.id).toBe('diagnostic-complet');

    // Every dimension of the complete questionnaire, in its order; those the express lacks have no « before ».
    const completDimensions = complet.questionnaire.dimensions.map((dimension) => dimension.id);
    const expressDimensions = new Set(express.questionnaire.dimensions.map((dimension) => dimension.id));
    expect(comparison.dimensions.map((dimension) => dimension.id)).toEqual(completDimensions);
    for (const dimension of comparison.dimensions) {
      if (!expressDimensions.has(dimension.id)) expect(dimension).toMatchObject({ before: null, delta: null });
      else expect(dimension.before).not.toBeNull();
    }

    // A question only the complete one asks is new; a shared question answered alike is no change.
    const expressQuestions = new Set(listQuestions(express.questionnaire).map((question) => question.id));
    for (const row of comparison.changedAnswers) {
      if (!expressQuestions.has(row.questionId)) expect(row).toMatchObject({ before: null, isInOlder: false, isInNewer: true });
      else expect(row.before).not.toBe(row.after);
    }
    const shared = listQuestions(express.questionnaire).filter((question) => isSameAnswer(express.file.answers[question.id], complet.file.answers[question.id]));
    const changedIds = new Set(comparison.changedAnswers.map((row) => row.questionId));
    expect(shared.length).toBeGreaterThan(10);
    for (const question of shared) expect(changedIds.has(question.id)).toBe(false);
  });

  it('complet then express: the dimensions only the older one has come last, with no « after »', () => {
    const comparison = compareDiagnoses(loadPersona('club-sportif', 'complet'), loadPersona('club-sportif', 'express'), toolkit);
    const expressDimensions = findQuestionnaire('express').dimensions.map((dimension) => dimension.id);
    const olderOnly = findQuestionnaire('complet')
      .dimensions.map((dimension) => dimension.id)
      .filter((id) => !expressDimensions.includes(id));
    expect(olderOnly.length).toBeGreaterThan(0);
    expect(comparison.dimensions.map((dimension) => dimension.id)).toEqual([...expressDimensions, ...olderOnly]);
    for (const id of olderOnly) expect(comparison.dimensions.find((dimension) => dimension.id === id)).toMatchObject({ after: null, delta: null });
    // projet-partage is asked by the complete questionnaire only: its answer is « gone » in the express.
    expect(comparison.changedAnswers.find((row) => row.questionId === 'projet-partage')).toMatchObject({ stepTitle: expect.any(String), after: null });
    expect(comparison.changedAnswers.find((row) => row.questionId === 'projet-partage')?.before).toEqual(expect.any(String));
  });
});

describe('isSameAnswer', () => {
  it.each([
    ['the same option', 'a', 'a', true],
    ['another option', 'a', 'b', false],
    ['ticks in another order', ['a', 'b'], ['b', 'a'], true],
    ['one tick more', ['a'], ['a', 'b'], false],
    ['the same number', 12, 12, true],
    ['a number and its text', 12, '12', false],
    ['shares to the unit', { a: 50, b: 50 }, { b: 50, a: 50 }, true],
    ['shares off by a half', { a: 50, b: 50 }, { a: 50.5, b: 49.5 }, false],
    ['a part at 0 and a part left out', { a: 100, b: 0 }, { a: 100 }, true],
    ['no answer on both sides', undefined, undefined, true],
    ['an answer and none', 'a', undefined, false],
  ] satisfies [string, AnswerValue | undefined, AnswerValue | undefined, boolean][])('%s', (_name, a, b, expected) => {
    expect(isSameAnswer(a, b)).toBe(expected);
    expect(isSameAnswer(b, a)).toBe(expected);
  });
});

describe('compareDiagnoses properties', () => {
  const questionnaires = { express: findQuestionnaire('express'), complet: findQuestionnaire('complet') };

  function answerArbitrary(question: Question): fc.Arbitrary<AnswerValue> {
    switch (question.type) {
      case 'single': {
        const reserved = [...(question.allowNotApplicable ? ['not-applicable'] : []), ...(question.allowDontKnow ? ['dont-know'] : [])];
        return fc.constantFrom(...question.options.map((option) => option.id), ...reserved);
      }
      case 'multiple':
        return fc.subarray(question.options.map((option) => option.id));
      case 'number':
        return fc.integer({ min: question.min, max: question.max });
      case 'shares':
        return fc.constantFrom(...question.parts.map((part) => part.id)).map((id) => ({ [id]: 100 }));
      case 'text':
        return fc.constantFrom('Le Club', 'La Fédération', '');
    }
  }

  function diagnosisArbitrary(questionnaire: Questionnaire): fc.Arbitrary<ComparedDiagnosis> {
    const questions = listQuestions(questionnaire);
    const toolIds = toolkit.tools.slice(0, 8).map((tool) => tool.id);
    return fc
      .tuple(
        fc.tuple(...questions.map((question) => fc.option(answerArbitrary(question), { nil: undefined }))),
        fc.dictionary(fc.constantFrom(...toolIds), fc.constantFrom('todo', 'done', 'not-relevant').map((status) => ({ status }))),
        fc.integer({ min: 0, max: 1000 }),
      )
      .map(([values, pathProgress, day]) => {
        const answers = Object.fromEntries(questions.flatMap((question, index) => (values[index] === undefined ? [] : [[question.id, values[index]]])));
        return {
          questionnaire,
          file: createAnswersFile(questionnaire, answers, new Date(Date.UTC(2026, 0, 1 + day)), { pathProgress: pathProgress as PathProgress }),
        };
      });
  }

  const anyDiagnosis = fc.constantFrom(questionnaires.express, questionnaires.complet).chain(diagnosisArbitrary);

  it('a diagnosis compared with itself has no changed answer and no difference', () => {
    fc.assert(
      fc.property(anyDiagnosis, (diagnosis) => {
        const comparison = compareDiagnoses(diagnosis, diagnosis, toolkit);
        expect(comparison.changedAnswers).toEqual([]);
        expect(comparison.stepsDoneSince).toEqual([]);
        for (const delta of deltasOf(comparison)) expect(delta === null || delta === 0).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('swapping the older and the newer negates every difference and swaps every changed answer', () => {
    fc.assert(
      fc.property(anyDiagnosis, anyDiagnosis, (a, b) => {
        const forward = compareDiagnoses(a, b, toolkit);
        const backward = compareDiagnoses(b, a, toolkit);
        const byId = (rows: { id: string; delta: number | null }[]) => new Map(rows.map((row) => [row.id, row.delta]));
        for (const [rows, swapped] of [
          [forward.areas, byId(backward.areas)],
          [forward.dimensions, byId(backward.dimensions)],
        ] as const) {
          expect(rows.length).toBe(swapped.size);
          for (const row of rows) {
            const other = swapped.get(row.id);
            if (row.delta === null) expect(other).toBeNull();
            else expect(row.delta + (other ?? Number.NaN)).toBe(0);
          }
        }
        const backwardAnswers = new Map(backward.changedAnswers.map((row) => [row.questionId, row]));
        expect(backwardAnswers.size).toBe(forward.changedAnswers.length);
        for (const row of forward.changedAnswers) {
          expect(backwardAnswers.get(row.questionId)).toMatchObject({ before: row.after, after: row.before });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists the project, then the three pillars', () => {
    const comparison = compareDiagnoses(loadPersona('club-sportif', 'express'), loadPersona('club-sportif', 'express'), toolkit);
    expect(comparison.areas.map((area) => area.id)).toEqual(['project', ...PILLAR_IDS]);
  });
});
