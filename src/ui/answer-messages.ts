import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from '../domain/answer-messages';
import { i18n } from '../i18n/i18n';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';

/** A `t` fixed on the `common` namespace, loosely typed: the keys are checked by AnswerMessages. */
export type CommonT = (key: string, values?: object) => string;

/** The refusal sentences of the `common` catalogue's `answerMessages`, in the language `t` is fixed on. */
export function createAnswerMessages(t: CommonT): AnswerMessages {
  return (key, ...values) => t(`answerMessages.${key}`, values[0]);
}

const byLanguage = new Map<Language, AnswerMessages>([[DEFAULT_LANGUAGE, FRENCH_ANSWER_MESSAGES]]);

/**
 * Why an answer, a file, a link or an import is refused, in a language: the domain's own French
 * (the catalogue's French is the same templates), any other language through the `common`
 * catalogue's `answerMessages`. One function per language, so that the answer schemas the domain
 * caches per wording are built once.
 */
export function readAnswerMessages(language: Language): AnswerMessages {
  const known = byLanguage.get(language);
  if (known) return known;
  // i18next's key types cannot follow a key built from a union.
  const messages = createAnswerMessages(i18n.getFixedT(language, 'common') as unknown as CommonT);
  byLanguage.set(language, messages);
  return messages;
}

/** The refusal sentences in the interface language, re-rendering the caller when the person switches. */
export function useAnswerMessages(): AnswerMessages {
  return readAnswerMessages(useLanguage());
}
