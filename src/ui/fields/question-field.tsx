import { memo, type InputHTMLAttributes } from 'react';
import { useWatch, type Control, type FieldError, type FieldErrors, type UseFormRegister, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { DONT_KNOW, NOT_APPLICABLE, type Option, type Question } from '../../domain/questionnaire-schema';
import { formatDecimal, parseDecimal } from '../forms/answer-form-values';
import { FieldFrame, describedBy, fieldIds } from './field-frame';
import type { FieldTexts } from './field-texts';

export function readFieldError(errors: FieldErrors, questionId: string): string | undefined {
  const error = errors[questionId] as FieldError | undefined;
  return typeof error?.message === 'string' ? error.message : undefined;
}

interface QuestionFieldProps {
  question: Question;
  /** This question's error message, if any: the step reads the form's errors once for all its fields. */
  error: string | undefined;
  // Both stable for the life of the form: with the texts, a field renders again only when its error changes.
  register: UseFormRegister<Record<string, unknown>>;
  control: Control<Record<string, unknown>>;
  texts: FieldTexts;
}

/**
 * One question. Memoised, and given what it shows as props rather than reading the form's context:
 * typing in one field re-renders the step, and every other field stayed the same.
 */
export const QuestionField = memo(function QuestionField({ question, error, register, control, texts }: QuestionFieldProps) {
  const ids = fieldIds(question.id);
  const hasHelp = Boolean(question.help);
  const common = {
    'aria-describedby': describedBy(question.id, hasHelp, error),
    'aria-invalid': error ? true : undefined,
  } as const;
  const frame = { questionId: question.id, label: question.label, help: question.help, error, required: question.required, texts };

  switch (question.type) {
    case 'single': {
      const reserved = [
        ...(question.allowNotApplicable ? [{ id: NOT_APPLICABLE, label: texts.notApplicable }] : []),
        ...(question.allowDontKnow ? [{ id: DONT_KNOW, label: texts.dontKnow }] : []),
      ];
      return (
        <FieldFrame {...frame} isGroup>
          <OptionList
            inputType="radio"
            options={question.options}
            firstId={ids.control}
            className={question.pillar ? 'options options-rubric' : 'options'}
            inputProps={{ ...common, ...register(question.id) }}
          />
          {reserved.length > 0 ? (
            <div role="group" aria-label={texts.otherAnswers}>
              <OptionList inputType="radio" options={reserved} className="options options-reserved" inputProps={{ ...common, ...register(question.id) }} />
            </div>
          ) : null}
        </FieldFrame>
      );
    }
    case 'multiple':
      return (
        <FieldFrame {...frame} isGroup>
          <OptionList inputType="checkbox" options={question.options} firstId={ids.control} className="options" inputProps={{ ...common, ...register(question.id) }} />
        </FieldFrame>
      );
    case 'number':
      return (
        <FieldFrame {...frame} isGroup={false}>
          <span className="input-with-unit">
            <input
              id={ids.control}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className="input-number"
              aria-required={question.required || undefined}
              {...common}
              {...register(question.id)}
            />
            {question.unit ? <span className="unit">{question.unit}</span> : null}
          </span>
        </FieldFrame>
      );
    case 'text':
      return (
        <FieldFrame {...frame} isGroup={false}>
          {question.multiline ? (
            <textarea id={ids.control} rows={4} maxLength={question.maxLength} aria-required={question.required || undefined} {...common} {...register(question.id)} />
          ) : (
            <input
              id={ids.control}
              type="text"
              maxLength={question.maxLength}
              autoComplete="off"
              aria-required={question.required || undefined}
              {...common}
              {...register(question.id)}
            />
          )}
        </FieldFrame>
      );
    case 'shares':
      return (
        <FieldFrame {...frame} isGroup>
          <div className="shares">
            {question.parts.map((part, index) => {
              const partId = index === 0 ? ids.control : `${ids.control}-${part.id}`;
              return (
                <div key={part.id} className="share">
                  <label htmlFor={partId}>{part.label}</label>
                  <span className="input-with-unit">
                    <input
                      id={partId}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      className="input-number"
                      {...common}
                      {...register(`${question.id}.${part.id}`)}
                    />
                    <span className="unit">%</span>
                  </span>
                </div>
              );
            })}
          </div>
          <SharesTotal questionId={question.id} control={control} />
        </FieldFrame>
      );
  }
});

/** Radios or checkboxes, one per option, each with its label and its description. */
function OptionList({
  inputType,
  options,
  firstId,
  className,
  inputProps,
}: {
  inputType: 'radio' | 'checkbox';
  options: readonly Pick<Option, 'id' | 'label' | 'description'>[];
  /** The id that labels and error links point to; only the first option carries it. */
  firstId?: string;
  className: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & UseFormRegisterReturn;
}) {
  return (
    <div className={className}>
      {options.map((option, index) => (
        <label key={option.id} className="option">
          <input type={inputType} value={option.id} id={index === 0 ? firstId : undefined} {...inputProps} />
          <span className="option-text">
            <span className="option-label">{bindFrenchPunctuation(option.label)}</span>
            {option.description ? <span className="option-description">{bindFrenchPunctuation(option.description)}</span> : null}
          </span>
        </label>
      ))}
    </div>
  );
}

function SharesTotal({ questionId, control }: { questionId: string; control: Control<Record<string, unknown>> }) {
  const { t } = useTranslation();
  const values = useWatch({ control, name: questionId }) as Record<string, string> | undefined;
  const total = Object.values(values ?? {}).reduce((sum, text) => sum + (parseDecimal(text) ?? 0), 0);
  const rounded = Math.round(total * 10) / 10;
  // « 62,5 », as the person typed it (no grouping, the interface's decimal mark), without Intl:
  // a page's first Intl.NumberFormat loads the locale's data, which cost a cheap phone a quarter
  // of a second when the shares question appeared. The value is already rounded to a tenth.
  const format = (value: number) => formatDecimal(value);
  const status =
    Math.abs(rounded - 100) <= 0.5
      ? t('fields.sharesComplete')
      : rounded < 100
        ? t('fields.sharesRemaining', { remaining: format(Math.round((100 - rounded) * 10) / 10) })
        : t('fields.sharesExcess', { excess: format(Math.round((rounded - 100) * 10) / 10) });
  return (
    <p className="shares-total" aria-live="polite">
      <strong>{t('fields.sharesTotal', { total: format(rounded) })}</strong> · {status}
    </p>
  );
}
