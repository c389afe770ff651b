import type { AnswerValue } from './answers';
import { DONT_KNOW, NOT_APPLICABLE, type Question } from './questionnaire-schema';

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

// Intl puts a narrow no-break space (U+202F) in "12 500"; a plain no-break space prints everywhere.
const NBSP = '\u00a0';

/** The reserved answers as the form and the report word them. */
export const RESERVED_ANSWER_LABELS = { [NOT_APPLICABLE]: 'Non concerné', [DONT_KNOW]: 'Je ne sais pas' } as const;

/** Any answer in words, reserved answers included (formatAnswer alone would print their ids). */
export function describeAnswer(question: Question, value: AnswerValue): string {
  if (value === NOT_APPLICABLE || value === DONT_KNOW) return RESERVED_ANSWER_LABELS[value];
  return formatAnswer(question, value);
}

/** An answer as a board member reads it: labels rather than ids, units and percentages spelt out. */
export function formatAnswer(question: Question, value: AnswerValue): string {
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
        .map((part) => `${part.label} ${formatNumber(value[part.id] ?? 0)}${NBSP}%`);
      const unknown = Object.entries(value)
        .filter(([id, share]) => share > 0 && !question.parts.some((part) => part.id === id))
        .map(([id, share]) => `${id} ${formatNumber(share)}${NBSP}%`);
      return [...known, ...unknown].join(', ');
    }
    case 'text':
      return typeof value === 'string' ? value : String(value);
  }
}

function formatNumber(value: number): string {
  return numberFormat.format(value).replace(/\u202f/g, NBSP);
}
