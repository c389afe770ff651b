import { toNestErrors } from '@hookform/resolvers';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { replaceStepAnswers, validateAnswers, type Answers } from '../../domain/answers';
import type { Questionnaire, Step } from '../../domain/questionnaire-schema';
import { currentLanguage } from '../../i18n/i18n';
import { readAnswerMessages } from '../answer-messages';
import { toAnswers, type StepFormValues } from './answer-form-values';

/**
 * The form of one step turned into answers, with the domain's own validation, so the form and the
 * machine's guard cannot disagree. Empty when the step is valid; one issue per question otherwise.
 */
export function validateStepForm(questionnaire: Questionnaire, step: Step, otherAnswers: Answers, values: StepFormValues) {
  const stepAnswers = toAnswers(step, values);
  const answers = replaceStepAnswers(questionnaire, otherAnswers, step.id, stepAnswers);
  // The language read at each validation: a message follows a switch made since the step opened.
  return { stepAnswers, issues: validateAnswers(questionnaire, answers, [step.id], readAnswerMessages(currentLanguage())) };
}

/**
 * react-hook-form's resolver for one step. A plain function rather than a zod schema wrapped in
 * zodResolver: building that schema on every step's first render cost a cheap phone more than
 * the whole validation, which the domain already does with its own cached schemas.
 */
export function buildStepResolver(questionnaire: Questionnaire, step: Step, otherAnswers: Answers): Resolver<StepFormValues, unknown, Answers> {
  return (values, _context, options) => {
    const { stepAnswers, issues } = validateStepForm(questionnaire, step, otherAnswers, values);
    if (issues.length === 0) return { values: stepAnswers, errors: {} };
    const errors: FieldErrors = {};
    for (const issue of issues) errors[issue.questionId] ??= { type: 'custom', message: issue.message };
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
