import type { AnswerValue, Answers } from '../../domain/answers';
import type { Question, Step } from '../../domain/questionnaire-schema';
import { currentLanguage } from '../../i18n/i18n';
import type { Language } from '../../i18n/languages';

/** What react-hook-form holds: inputs give strings, checkboxes arrays, shares one string per part. */
export type FormValue = string | string[] | Record<string, string>;
export type StepFormValues = Record<string, FormValue>;

export function toFormValues(step: Step, answers: Answers): StepFormValues {
  return Object.fromEntries(step.questions.map((question) => [question.id, toFormValue(question, answers[question.id])]));
}

function toFormValue(question: Question, answer: AnswerValue | undefined): FormValue {
  switch (question.type) {
    case 'multiple':
      return Array.isArray(answer) ? answer : [];
    case 'shares':
      return Object.fromEntries(
        question.parts.map((part) => {
          const share = typeof answer === 'object' && !Array.isArray(answer) ? answer[part.id] : undefined;
          return [part.id, share === undefined ? '' : formatDecimal(share)];
        }),
      );
    case 'number':
      return typeof answer === 'number' ? formatDecimal(answer) : typeof answer === 'string' ? answer : '';
    default:
      return typeof answer === 'string' ? answer : '';
  }
}

/**
 * Converts the form to answers. An empty field gives no answer; a number that cannot be read is
 * kept as typed so that validation can say "Saisissez un nombre" instead of losing it.
 */
export function toAnswers(step: Step, values: StepFormValues): Answers {
  const answers: Answers = {};
  for (const question of step.questions) {
    const value = values[question.id];
    const answer = toAnswer(question, value);
    if (answer !== undefined) answers[question.id] = answer;
  }
  return answers;
}

function toAnswer(question: Question, value: FormValue | undefined): AnswerValue | undefined {
  if (value === undefined) return undefined;
  switch (question.type) {
    case 'multiple': {
      const selected = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
      return selected.length > 0 ? selected : undefined;
    }
    case 'shares': {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const filled = Object.entries(value).filter(([, share]) => share.trim() !== '');
      if (filled.length === 0) return undefined;
      return Object.fromEntries(question.parts.map((part) => [part.id, parseDecimal(value[part.id] ?? '') ?? 0]));
    }
    case 'number': {
      if (typeof value !== 'string' || value.trim() === '') return undefined;
      return parseDecimal(value) ?? value.trim();
    }
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    case 'single':
      return typeof value === 'string' && value !== '' ? value : undefined;
  }
}

/**
 * Reads "12,5" as French people type it, as well as "12.5"; in English, "12,500" groups thousands.
 * Anything else is not a number.
 */
export function parseDecimal(text: string, language: Language = currentLanguage()): number | undefined {
  let normalised = text.trim().replace(/\s/g, '');
  if (language === 'en' && ENGLISH_THOUSANDS.test(normalised)) normalised = normalised.replace(/,/g, '');
  normalised = normalised.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

// "1,250" or "12,500.5": commas between groups of three digits, as English writes thousands.
const ENGLISH_THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number as the form shows it: « 12,5 » in French, "12.5" in English (no grouping, as typed). */
export function formatDecimal(value: number, language: Language = currentLanguage()): string {
  return language === 'fr' ? String(value).replace('.', ',') : String(value);
}
