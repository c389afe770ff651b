import type { ReactNode } from 'react';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import type { FieldTexts } from './field-texts';

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
  /** The words every field shares, translated once per step rather than once per field. */
  texts: FieldTexts;
  children: ReactNode;
}

/** The one place that wires label, help, error, required mark and ids for every question. */
export function FieldFrame({ questionId, label, help, error, required, isGroup, texts, children }: FieldFrameProps) {
  const ids = fieldIds(questionId);
  const caption = (
    <>
      {bindFrenchPunctuation(label)}
      {required ? (
        <>
          <span aria-hidden="true" className="required-mark"> *</span>
          <span className="visually-hidden"> {texts.required}</span>
        </>
      ) : (
        <span className="optional"> {texts.optional}</span>
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
