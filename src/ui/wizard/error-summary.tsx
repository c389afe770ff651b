import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIds } from '../fields/field-frame';

export interface SummaryError {
  questionId: string;
  label: string;
  message: string;
}

/** Lists every error at the top of the form; each entry moves focus to its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: SummaryError[] }>(function ErrorSummary({ errors }, ref) {
  const { t } = useTranslation();
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">{t('wizard.errorSummaryHeading', { count: errors.length })}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.questionId}>
            <a
              href={`#${fieldIds(error.questionId).control}`}
              onClick={(event) => {
                // The address bar carries the wizard's step, so the link focuses the field without touching it.
                event.preventDefault();
                document.getElementById(fieldIds(error.questionId).control)?.focus();
              }}
            >
              {error.label} — {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
