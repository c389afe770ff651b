import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { bindFrenchPunctuation } from '../../domain/french-typography';

export function fieldIds(questionId: string) {
  const base = `q-${questionId}`;
  return { control: base, help: `${base}-help`, error: `${base}-error` };
}

/** The ids a control must name in aria-describedby: its help, then its error when there is one. */
export function describedBy(questionId: string, hasHelp: boolean, error: string | undefined): string | undefined {
  const ids = fieldIds(questionId);
  return [hasHelp ? ids.help : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined;
}

interface FieldFrameProps {
  questionId: string;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  required: boolean;
  /** Groups of radios or checkboxes are a fieldset with a legend; single inputs get a label. */
  isGroup: boolean;
  children: ReactNode;
}

/** The one place that wires label, help, error, required mark and ids for every question. */
export function FieldFrame({ questionId, label, help, error, required, isGroup, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const ids = fieldIds(questionId);
  const caption = (
    <>
      {bindFrenchPunctuation(label)}
      {required ? (
        <>
          <span aria-hidden="true" className="required-mark"> *</span>
          <span className="visually-hidden"> {t('wizard.required')}</span>
        </>
      ) : (
        <span className="optional"> {t('wizard.optional')}</span>
      )}
    </>
  );
  const details = (
    <>
      {help ? (
        <p id={ids.help} className="field-help">
          {bindFrenchPunctuation(help)}
        </p>
      ) : null}
      {error ? (
        <p id={ids.error} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </>
  );
  if (isGroup) {
    return (
      <fieldset className={`field field-group${error ? ' has-error' : ''}`}>
        <legend className="field-label">{caption}</legend>
        {details}
        {children}
      </fieldset>
    );
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={ids.control}>
        {caption}
      </label>
      {details}
      {children}
    </div>
  );
}
