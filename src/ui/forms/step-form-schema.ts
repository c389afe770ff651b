import { z } from 'zod';
import { replaceStepAnswers, validateAnswers, type Answers } from '../../domain/answers';
import type { Questionnaire, Step } from '../../domain/questionnaire-schema';
import { toAnswers, type StepFormValues } from './answer-form-values';

/**
 * The zod schema of one step's form, built from the questionnaire: it turns the form into answers
 * and reports the domain's own validation, so the form and the machine's guard cannot disagree.
 */
export function buildStepFormSchema(questionnaire: Questionnaire, step: Step, otherAnswers: Answers) {
  return z
    .record(z.string(), z.any())
    .transform((values) => toAnswers(step, values as StepFormValues))
    .superRefine((stepAnswers, ctx) => {
      const answers = replaceStepAnswers(questionnaire, otherAnswers, step.id, stepAnswers);
      for (const issue of validateAnswers(questionnaire, answers, [step.id])) {
        ctx.addIssue({ code: 'custom', path: [issue.questionId], message: issue.message });
      }
    });
}
