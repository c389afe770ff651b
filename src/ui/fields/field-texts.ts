import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The fixed words of a question step: those every field repeats (required mark, reserved answers) and the step's buttons. */
export interface FieldTexts {
  requiredHint: string;
  back: string;
  next: string;
  finish: string;
  required: string;
  optional: string;
  notApplicable: string;
  dontKnow: string;
  otherAnswers: string;
}

/**
 * Translated once, by the wizard's shell, for every step: a hook and a few lookups per field (each
 * i18next lookup costs a cheap phone about a millisecond) slowed each step's opening. A new
 * language gives new texts.
 */
export function useFieldTexts(): FieldTexts {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      requiredHint: t('wizard.requiredHint'),
      back: t('wizard.back'),
      next: t('wizard.next'),
      finish: t('wizard.finish'),
      required: t('wizard.required'),
      optional: t('wizard.optional'),
      notApplicable: t('fields.notApplicable'),
      dontKnow: t('fields.dontKnow'),
      otherAnswers: t('fields.otherAnswers'),
    }),
    // `t` changes with the language; the language is listed for the reader.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, language],
  );
}
