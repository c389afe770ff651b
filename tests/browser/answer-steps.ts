import type { Page } from 'playwright-core';
import { isRubricQuestion, type Question, type Questionnaire, type Step } from '../../src/domain/questionnaire-schema';

/** A question's label as the page names its control: French punctuation binds with no-break spaces. */
export function namePattern(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}`);
}

export interface Answerer {
  questionnaire: Questionnaire;
  organisation: string;
  /** The n-th respondent takes the n-th level of each rubric question, so that answers differ. */
  participant: number;
}

/** Answers one question by clicking and typing; a question hidden by an earlier answer is skipped. */
export async function answerQuestion(page: Page, question: Question, { questionnaire, organisation, participant }: Answerer): Promise<void> {
  const name = namePattern(question.label);
  switch (question.type) {
    case 'single': {
      const group = page.getByRole('group', { name });
      if ((await group.count()) === 0) return;
      await group.getByRole('radio').nth(isRubricQuestion(question) ? participant : 0).check();
      return;
    }
    case 'multiple': {
      const boxes = page.getByRole('group', { name }).getByRole('checkbox');
      await boxes.nth(0).check();
      if (participant > 0) await boxes.nth(participant).check();
      return;
    }
    case 'text':
      await page.getByRole('textbox', { name }).fill(question.id === questionnaire.bindings.organisationName ? organisation : 'Réponse libre');
      return;
    case 'number':
      await page.getByRole('textbox', { name }).fill(String(question.min + participant));
      return;
    case 'shares':
      // Optional in the express questionnaire: left empty, like a volunteer who does not know the accounts.
      return;
  }
}

/** The wizard shows a step's heading first and its questions and buttons a frame later, the form marked busy meanwhile. */
export async function waitForWholeStep(page: Page): Promise<void> {
  await page.locator('form.step-form:not([aria-busy="true"])').waitFor();
}

export async function answerStep(page: Page, step: Step, answerer: Answerer): Promise<void> {
  // A question not there is taken for one hidden by an earlier answer: the step must be whole first.
  await waitForWholeStep(page);
  for (const question of step.questions) await answerQuestion(page, question, answerer);
}
