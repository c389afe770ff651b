import fc from 'fast-check';
import { PILLAR_IDS, SCORED_AREA_IDS } from '../../src/domain/questionnaire-schema';
import type { Answers } from '../../src/domain/answers';
import { findLevel, scoreAnswers, selectPillarScores, type Scores } from '../../src/domain/scoring';
import { RUBRIC_QUESTION_IDS, buildAnswers, buildQuestionnaire, findQuestionInput } from './fixtures';

const questionnaire = buildQuestionnaire();

function findArea(scores: Scores, id: string) {
  const area = scores.areas.find((candidate) => candidate.id === id);
  if (!area) throw new Error(`no area ${id}`);
  return area;
}

function findDimension(scores: Scores, id: string) {
  const dimension = scores.dimensions.find((candidate) => candidate.id === id);
  if (!dimension) throw new Error(`no dimension ${id}`);
  return dimension;
}

describe('findLevel', () => {
  it.each([
    { score: 0, level: 'a-initier' },
    { score: 34, level: 'a-initier' },
    { score: 35, level: 'en-structuration' },
    { score: 59, level: 'en-structuration' },
    { score: 60, level: 'structure' },
    { score: 84, level: 'structure' },
    { score: 85, level: 'consolide' },
    { score: 100, level: 'consolide' },
  ])('places a score of $score at level $level', ({ score, level }) => {
    expect(findLevel(questionnaire.levels, score).id).toBe(level);
  });
});

describe('scoreAnswers', () => {
  it('lists the project then the three pillars, and the dimensions in declaration order', () => {
    const scores = scoreAnswers(questionnaire, {});
    expect(scores.areas.map((area) => area.id)).toEqual([...SCORED_AREA_IDS]);
    expect(scores.dimensions.map((dimension) => dimension.id)).toEqual(questionnaire.dimensions.map((dimension) => dimension.id));
  });

  it.each<{ name: string; answers: Answers; area: string; score: number | null; level: string | null }>([
    { name: 'all lowest options score 0', answers: { 'al-partners': 'l1', 'al-evaluation': 'l1' }, area: 'strategic-alliances', score: 0, level: 'a-initier' },
    { name: 'all highest options score 100', answers: { 'al-partners': 'l4', 'al-evaluation': 'l4' }, area: 'strategic-alliances', score: 100, level: 'consolide' },
    { name: 'options 2 and 3 average to exactly 50', answers: { 'al-partners': 'l2', 'al-evaluation': 'l3' }, area: 'strategic-alliances', score: 50, level: 'en-structuration' },
    { name: 'options 1 and 2 round 16.67 up to 17', answers: { 'al-partners': 'l1', 'al-evaluation': 'l2' }, area: 'strategic-alliances', score: 17, level: 'a-initier' },
    {
      name: 'reserved answers are left out of the mean',
      answers: { 'has-staff': 'oui', 'hr-volunteers': 'l4', 'hr-staff-skills': 'l2', 'hr-training': 'not-applicable' },
      area: 'human-resources',
      score: 67,
      level: 'structure',
    },
    {
      name: 'a hidden question does not count',
      answers: { 'has-staff': 'non', 'hr-volunteers': 'l1', 'hr-staff-skills': 'l4', 'hr-training': 'l1' },
      area: 'human-resources',
      score: 0,
      level: 'a-initier',
    },
    {
      name: 'an unknown option id is ignored',
      answers: { 'has-staff': 'oui', 'hr-volunteers': 'l4', 'hr-staff-skills': 'l9', 'hr-training': 'l4' },
      area: 'human-resources',
      score: 100,
      level: 'consolide',
    },
    { name: 'one answer is too few for a pillar needing two', answers: { 'al-partners': 'l4' }, area: 'strategic-alliances', score: null, level: null },
    {
      name: 'reserved answers do not make up the minimum',
      answers: { 'fin-diversity': 'dont-know', 'fin-stability': 'l4' },
      area: 'financial-resources',
      score: null,
      level: null,
    },
  ])('$name', ({ answers, area, score, level }) => {
    const result = findArea(scoreAnswers(questionnaire, answers), area);
    expect(result.score).toBe(score);
    expect(result.level?.id ?? null).toBe(level);
    expect(result.isInsufficient).toBe(score === null);
  });

  it('weights each question by its weight', () => {
    const weighted = buildQuestionnaire((input) => {
      const question = findQuestionInput(input, 'al-partners');
      if (question.type === 'single') question.weight = 3;
    });
    // (3 × 3 + 1 × 0) / 4 = 2.25 on the 0–3 scale, i.e. 75; an unweighted mean would give 50.
    const area = findArea(scoreAnswers(weighted, { 'al-partners': 'l4', 'al-evaluation': 'l1' }), 'strategic-alliances');
    expect(area.score).toBe(75);
  });

  it('takes the level from the rounded score', () => {
    const weighted = buildQuestionnaire((input) => {
      const question = findQuestionInput(input, 'al-partners');
      if (question.type === 'single') question.weight = 24;
    });
    // (24 × 1 + 1 × 2) / 25 = 1.04, i.e. 34.67: rounded to 35, the first point of "En structuration".
    const area = findArea(scoreAnswers(weighted, { 'al-partners': 'l2', 'al-evaluation': 'l3' }), 'strategic-alliances');
    expect(area).toMatchObject({ score: 35, level: { id: 'en-structuration' } });
  });

  it('counts answered, not-applicable, don’t-know and visible questions', () => {
    const answers = { 'has-staff': 'non', 'hr-volunteers': 'l3', 'hr-staff-skills': 'l3', 'hr-training': 'dont-know' };
    const area = findArea(scoreAnswers(questionnaire, answers), 'human-resources');
    expect(area).toMatchObject({ answeredCount: 1, notApplicableCount: 0, dontKnowCount: 1, questionCount: 2, isInsufficient: true });
    const withNotApplicable = findArea(scoreAnswers(questionnaire, { ...answers, 'hr-training': 'not-applicable' }), 'human-resources');
    expect(withNotApplicable).toMatchObject({ notApplicableCount: 1, dontKnowCount: 0 });
  });

  it.each([
    { name: 'says a dimension answered only "Non concerné" does not apply', training: 'not-applicable', staff: 'not-applicable', isNotApplicable: true },
    { name: 'does not call a dimension with a "Je ne sais pas" not applicable', training: 'dont-know', staff: 'not-applicable', isNotApplicable: false },
    { name: 'does not call an answered dimension not applicable', training: 'l2', staff: 'not-applicable', isNotApplicable: false },
  ])('$name', ({ training, staff, isNotApplicable }) => {
    const lenient = buildQuestionnaire((input) => {
      const skills = findQuestionInput(input, 'hr-staff-skills');
      if (skills.type === 'single') skills.allowNotApplicable = true;
    });
    const scores = scoreAnswers(lenient, buildAnswers({ 'hr-training': training, 'hr-staff-skills': staff }));
    expect(findDimension(scores, 'hr-skills').isNotApplicable).toBe(isNotApplicable);
  });

  it('scores each dimension with its own minimum', () => {
    const strict = buildQuestionnaire((input) => {
      input.scoring.minAnsweredPerDimension = 2;
    });
    const answers = buildAnswers();
    const scores = scoreAnswers(strict, answers);
    expect(findDimension(scores, 'hr-people')).toMatchObject({ answeredCount: 1, score: null, isInsufficient: true });
    expect(findDimension(scores, 'hr-skills')).toMatchObject({ answeredCount: 2, score: 50, level: { id: 'en-structuration' } });
    expect(findDimension(scoreAnswers(questionnaire, answers), 'hr-people')).toMatchObject({ score: 33, area: 'human-resources', label: 'Bénévoles et salariés' });
  });

  it('scores the project with the pillar minimum', () => {
    const lenient = buildQuestionnaire((input) => {
      input.scoring.minAnsweredPerPillar = 1;
    });
    expect(findArea(scoreAnswers(questionnaire, buildAnswers()), 'project').score).toBeNull();
    expect(findArea(scoreAnswers(lenient, buildAnswers()), 'project').score).toBe(67);
  });
});

describe('selectPillarScores', () => {
  it('returns the three pillars in PILLAR_IDS order, without the project', () => {
    expect(selectPillarScores(scoreAnswers(questionnaire, buildAnswers())).map((area) => area.id)).toEqual([...PILLAR_IDS]);
  });
});

const RUBRIC_VALUES = ['l1', 'l2', 'l3', 'l4', 'not-applicable', 'dont-know', 'zz-unknown'] as const;

const answersArbitrary = fc.record(
  Object.fromEntries(RUBRIC_QUESTION_IDS.map((id) => [id, fc.constantFrom(...RUBRIC_VALUES)])) as Record<
    (typeof RUBRIC_QUESTION_IDS)[number],
    fc.Arbitrary<(typeof RUBRIC_VALUES)[number]>
  >,
  { requiredKeys: [] },
);
const weightsArbitrary = fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), {
  minLength: RUBRIC_QUESTION_IDS.length,
  maxLength: RUBRIC_QUESTION_IDS.length,
});
const hasStaffArbitrary = fc.constantFrom('oui', 'non');

function buildWeightedQuestionnaire(weights: number[]) {
  return buildQuestionnaire((input) => {
    input.scoring.minAnsweredPerPillar = 1;
    RUBRIC_QUESTION_IDS.forEach((id, index) => {
      const question = findQuestionInput(input, id);
      if (question.type === 'single') question.weight = weights[index];
    });
  });
}

describe('scoring properties', () => {
  it('keeps every score an integer from 0 to 100, or null exactly when data is insufficient', () => {
    fc.assert(
      fc.property(weightsArbitrary, answersArbitrary, hasStaffArbitrary, (weights, answers, hasStaff) => {
        const scores = scoreAnswers(buildWeightedQuestionnaire(weights), { ...answers, 'has-staff': hasStaff });
        for (const result of [...scores.areas, ...scores.dimensions]) {
          expect(result.score === null).toBe(result.isInsufficient);
          expect(result.level === null).toBe(result.isInsufficient);
          if (result.score !== null) {
            expect(Number.isInteger(result.score)).toBe(true);
            expect(result.score).toBeGreaterThanOrEqual(0);
            expect(result.score).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('never lowers a pillar score when one rubric answer is raised', () => {
    const raiseArbitrary = fc
      .record({
        questionId: fc.constantFrom(...RUBRIC_QUESTION_IDS),
        from: fc.integer({ min: 1, max: 3 }),
        step: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ questionId, from, step }) => ({ questionId, from, to: Math.min(4, from + step) }));
    fc.assert(
      fc.property(weightsArbitrary, answersArbitrary, hasStaffArbitrary, raiseArbitrary, (weights, answers, hasStaff, raise) => {
        const weighted = buildWeightedQuestionnaire(weights);
        const question = weighted.steps.flatMap((step) => step.questions).find((candidate) => candidate.id === raise.questionId);
        const area = question?.type === 'single' ? question.pillar : undefined;
        const before = scoreAnswers(weighted, { ...answers, 'has-staff': hasStaff, [raise.questionId]: `l${raise.from}` });
        const after = scoreAnswers(weighted, { ...answers, 'has-staff': hasStaff, [raise.questionId]: `l${raise.to}` });
        const scoreBefore = before.areas.find((candidate) => candidate.id === area)?.score;
        const scoreAfter = after.areas.find((candidate) => candidate.id === area)?.score;
        if (scoreBefore === null || scoreBefore === undefined) expect(scoreAfter).toBe(scoreBefore);
        else expect(scoreAfter).toBeGreaterThanOrEqual(scoreBefore);
      }),
    );
  });
});
