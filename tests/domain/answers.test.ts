import {
  isQuestionVisible,
  selectVisibleAnswers,
  validateAnswers,
  type AnswerValue,
  type Answers,
} from '../../src/domain/answers';
import { buildAnswers, buildQuestionnaire, findQuestionInput } from './fixtures';

const questionnaire = buildQuestionnaire();
const staffQuestion = questionnaire.steps[2]!.questions[1]!;

describe('question visibility', () => {
  it.each([
    { hasStaff: 'oui', isVisible: true },
    { hasStaff: 'non', isVisible: false },
    { hasStaff: undefined, isVisible: false },
  ])('a question shown only with staff is visible=$isVisible when has-staff is $hasStaff', ({ hasStaff, isVisible }) => {
    const answers: Answers = hasStaff === undefined ? {} : { 'has-staff': hasStaff };
    expect(isQuestionVisible(staffQuestion, answers)).toBe(isVisible);
  });

  it('drops the old answer of a question that became hidden', () => {
    const visible = selectVisibleAnswers(questionnaire, buildAnswers({ 'has-staff': 'non', 'hr-staff-skills': 'l4' }));
    expect(visible).not.toHaveProperty('hr-staff-skills');
    expect(visible['hr-volunteers']).toBe('l2');
  });
});

describe('validateAnswers', () => {
  it('finds nothing wrong with the complete fixture answers', () => {
    expect(validateAnswers(questionnaire, buildAnswers())).toEqual([]);
  });

  it.each<{ name: string; questionId: string; value: AnswerValue | undefined; message: RegExp | null }>([
    { name: 'a single answer must be one of the options', questionId: 'has-staff', value: 'peut-etre', message: /Choisissez une des réponses/ },
    { name: '"Non concerné" is refused where not declared', questionId: 'hr-volunteers', value: 'not-applicable', message: /Choisissez/ },
    { name: '"Je ne sais pas" is refused where not declared', questionId: 'fin-stability', value: 'dont-know', message: /Choisissez/ },
    { name: '"Non concerné" is accepted where declared', questionId: 'fin-stability', value: 'not-applicable', message: null },
    { name: '"Je ne sais pas" is accepted where declared', questionId: 'hr-training', value: 'dont-know', message: null },
    { name: 'a multiple answer may not name an unknown option', questionId: 'preferred-kinds', value: ['agir', 'danser'], message: /Choisissez parmi/ },
    { name: 'a multiple answer may not tick an option twice', questionId: 'preferred-kinds', value: ['agir', 'agir'], message: /deux fois/ },
    { name: 'a multiple answer respects maxSelected', questionId: 'preferred-kinds', value: ['agir', 'comprendre', 's-informer'], message: /au plus 2/ },
    { name: 'a number below the minimum is refused', questionId: 'volunteers-count', value: -1, message: /entre 0 et 1000 personnes/ },
    { name: 'a number above the maximum is refused', questionId: 'volunteers-count', value: 1001, message: /entre 0 et 1000/ },
    { name: 'an integer question refuses decimals', questionId: 'volunteers-count', value: 2.5, message: /entier/ },
    { name: 'shares must add up to 100', questionId: 'fin-shares', value: { subventions: 50, dons: 30, revenus: 10 }, message: /100 %/ },
    { name: 'shares within half a point of 100 are accepted', questionId: 'fin-shares', value: { subventions: 33.3, dons: 33.3, revenus: 33.3 }, message: null },
    { name: 'shares may not name an unknown part', questionId: 'fin-shares', value: { subventions: 50, legs: 50 }, message: /part inconnue/ },
    { name: 'a negative share is refused', questionId: 'fin-shares', value: { subventions: 60, dons: 50, revenus: -10 }, message: /négatif/ },
    { name: 'a text longer than maxLength is refused', questionId: 'org-name', value: 'x'.repeat(41), message: /40 caractères/ },
    { name: 'a required question left empty is reported', questionId: 'org-name', value: '  ', message: /attend une réponse/ },
    { name: 'an optional question may stay empty', questionId: 'preferred-kinds', value: undefined, message: null },
  ])('$name', ({ questionId, value, message }) => {
    const answers = buildAnswers();
    if (value === undefined) delete answers[questionId];
    else answers[questionId] = value;
    const issue = validateAnswers(questionnaire, answers).find((candidate) => candidate.questionId === questionId);
    if (message === null) expect(issue).toBeUndefined();
    else expect(issue?.message).toMatch(message);
  });

  it('does not require a hidden question', () => {
    const answers = buildAnswers({ 'has-staff': 'non' });
    delete answers['hr-staff-skills'];
    expect(validateAnswers(questionnaire, answers)).toEqual([]);
  });

  it('requires a visible rubric question', () => {
    const answers = buildAnswers();
    delete answers['hr-staff-skills'];
    expect(validateAnswers(questionnaire, answers).map((issue) => issue.questionId)).toEqual(['hr-staff-skills']);
  });

  it('validates only the steps asked for', () => {
    const answers = buildAnswers({ 'org-name': '', 'al-partners': 'l9' });
    expect(validateAnswers(questionnaire, answers, ['strategic-alliances']).map((issue) => issue.questionId)).toEqual(['al-partners']);
  });

  it('reads a minSelected from the questionnaire', () => {
    const withMinimum = buildQuestionnaire((input) => {
      const question = findQuestionInput(input, 'preferred-kinds');
      if (question.type === 'multiple') question.minSelected = 2;
    });
    const issues = validateAnswers(withMinimum, buildAnswers({ 'preferred-kinds': ['agir'] }));
    expect(issues).toEqual([{ questionId: 'preferred-kinds', message: 'Cochez au moins 2 réponses.' }]);
  });
});
