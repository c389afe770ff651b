import type { AnswerValue } from './answers';
import { DONT_KNOW, NOT_APPLICABLE, type Question, type ReservedAnswer } from './questionnaire-schema';

// Intl puts a narrow no-break space (U+202F) in "12 500"; a plain no-break space prints everywhere.
const NBSP = '\u00a0';

/** The reserved answers as the form and the report word them. */
export const RESERVED_ANSWER_LABELS = { [NOT_APPLICABLE]: 'Non concerné', [DONT_KNOW]: 'Je ne sais pas' } as const;

/** How answers are written in one language: the reserved answers' words and the numbers' locale. */
export interface AnswerWording {
  /** A BCP 47 tag for `Intl.NumberFormat`. */
  localeTag: string;
  reservedAnswers: Readonly<Record<ReservedAnswer, string>>;
}

export const FRENCH_ANSWER_WORDING: AnswerWording = { localeTag: 'fr-FR', reservedAnswers: RESERVED_ANSWER_LABELS };

/** Any answer in words, reserved answers included (formatAnswer alone would print their ids). */
export function describeAnswer(question: Question, value: AnswerValue, wording: AnswerWording = FRENCH_ANSWER_WORDING): string {
  if (value === NOT_APPLICABLE || value === DONT_KNOW) return wording.reservedAnswers[value];
  return formatAnswer(question, value, wording);
}

/** An answer as a board member reads it: labels rather than ids, units and percentages spelt out. */
export function formatAnswer(question: Question, value: AnswerValue, wording: Pick<AnswerWording, 'localeTag'> = FRENCH_ANSWER_WORDING): string {
  const formatNumber = (number: number) => formatLocaleNumber(number, wording.localeTag);
  // French puts a space before the percent sign, English none.
  const percent = wording.localeTag.startsWith('fr') ? `${NBSP}%` : '%';
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = Array.isArray(value) ? value : [String(value)];
      return ids.map((id) => question.options.find((option) => option.id === id)?.label ?? id).join(', ');
    }
    case 'number': {
      const number = typeof value === 'number' ? formatNumber(value) : String(value);
      return question.unit ? `${number}${NBSP}${question.unit}` : number;
    }
    case 'shares': {
      if (typeof value !== 'object' || Array.isArray(value)) return String(value);
      const known = question.parts
        .filter((part) => (value[part.id] ?? 0) > 0)
        .map((part) => `${part.label} ${formatNumber(value[part.id] ?? 0)}${percent}`);
      const unknown = Object.entries(value)
        .filter(([id, share]) => share > 0 && !question.parts.some((part) => part.id === id))
        .map(([id, share]) => `${id} ${formatNumber(share)}${percent}`);
      return [...known, ...unknown].join(', ');
    }
    case 'text':
      return typeof value === 'string' ? value : String(value);
  }
}

// Building a NumberFormat is slow next to using one: one per locale, kept.
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatLocaleNumber(value: number, localeTag: string): string {
  let format = numberFormats.get(localeTag);
  if (!format) {
    format = new Intl.NumberFormat(localeTag, { maximumFractionDigits: 2 });
    numberFormats.set(localeTag, format);
  }
  return format.format(value).replace(/\u202f/g, NBSP);
}
