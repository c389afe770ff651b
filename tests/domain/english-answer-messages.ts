import i18next from 'i18next';
import type { AnswerMessages } from '../../src/domain/answer-messages';
import english from '../../src/i18n/locales/en/common';
import { createAnswerMessages, type CommonT } from '../../src/ui/answer-messages';

/** The English wording as the interface builds it: the real catalogue, read by i18next with English plural rules. */
export async function loadEnglishAnswerMessages(): Promise<AnswerMessages> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    ns: ['common'],
    defaultNS: 'common',
    resources: { en: { common: english } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return createAnswerMessages(instance.getFixedT('en', 'common') as unknown as CommonT);
}
