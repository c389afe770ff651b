import type { Answers } from '../../src/domain/answers';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { buildAnswers, buildQuestionnaire, type QuestionnaireInput } from './fixtures';

/**
 * The fixture questionnaire (1.2.0) with a history:
 * 1.0.0 → 1.1.0 renamed `benevoles` to `hr-volunteers` and `al-reseau` to `al-network`, and gave
 * `has-staff` and `preferred-kinds` new option ids; 1.1.0 → 1.2.0 renamed `al-network` to
 * `al-partners` and removed `fin-mecenat`.
 */
export const FIXTURE_MIGRATIONS: NonNullable<QuestionnaireInput['migrations']> = [
  {
    from: '1.0.0',
    to: '1.1.0',
    note: 'Les questions sur les bénévoles ont été regroupées.',
    renamedQuestions: { benevoles: 'hr-volunteers', 'al-reseau': 'al-network' },
    changedOptions: {
      'has-staff': { yes: 'oui', no: 'non' },
      'preferred-kinds': { 'se-documenter': 's-informer', lire: 's-informer' },
      'hr-training': { faible: 'l1' },
    },
  },
  {
    from: '1.1.0',
    to: '1.2.0',
    note: 'La question sur le mécénat a été retirée.',
    renamedQuestions: { 'al-network': 'al-partners' },
    removedQuestions: ['fin-mecenat'],
  },
];

export function buildMigratedQuestionnaire(): Questionnaire {
  return buildQuestionnaire((input) => {
    input.migrations = structuredClone(FIXTURE_MIGRATIONS);
  });
}

/** The answers of `buildAnswers()` as a person would have saved them with version 1.0.0. */
export function buildAnswersAt100(overrides: Answers = {}): Answers {
  const { 'hr-volunteers': volunteers, 'al-partners': partners, ...rest } = buildAnswers();
  return { ...rest, benevoles: volunteers!, 'al-reseau': partners!, 'has-staff': 'yes', 'preferred-kinds': ['se-documenter', 'agir'], 'fin-mecenat': 'l2', ...overrides };
}
