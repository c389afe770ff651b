import type { InputHTMLAttributes } from 'react';
import { useFormContext, useWatch, type FieldError, type FieldErrors, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { DONT_KNOW, NOT_APPLICABLE, type Option, type Question } from '../../domain/questionnaire-schema';
import { parseDecimal } from '../forms/answer-form-values';
import { currentLocaleTag } from '../../i18n/i18n';
import { FieldFrame, describedBy, fieldIds } from './field-frame';

export function readFieldError(errors: FieldErrors, questionId: string): string | undefined {
  const error = errors[questionId] as FieldError | undefined;
  return typeof error?.message === 'string' ? error.message : undefined;
}

export function QuestionField({ question }: { question: Question }) {
  const { t } = useTranslation();
  const {
    register,
    formState: { errors },
  } = useFormContext();
  const error = readFieldError(errors, question.id);
  const ids = fieldIds(question.id);
  const hasHelp = Boolean(question.help);
  const common = {
    'aria-describedby': describedBy(question.id, hasHelp, error),
    'aria-invalid': error ? true : undefined,
  } as const;
  const frame = { questionId: question.id, label: question.label, help: question.help, error, required: question.required };

  switch (question.type) {
    case 'single': {
      const reserved = [
        ...(question.allowNotApplicable ? [{ id: NOT_APPLICABLE, label: t('fields.notApplicable') }] : []),
        ...(question.allowDontKnow ? [{ id: DONT_KNOW, label: t('fields.dontKnow') }] : []),
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
            <div role="group" aria-label={t('fields.otherAnswers')}>
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
          <SharesTotal questionId={question.id} />
        </FieldFrame>
      );
  }
}

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

function SharesTotal({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  const values = useWatch({ name: questionId }) as Record<string, string> | undefined;
  const total = Object.values(values ?? {}).reduce((sum, text) => sum + (parseDecimal(text) ?? 0), 0);
  const rounded = Math.round(total * 10) / 10;
  // No grouping: « 100 », as the person typed it, in the interface's decimal mark.
  const format = (value: number) => new Intl.NumberFormat(currentLocaleTag(), { maximumFractionDigits: 1, useGrouping: false }).format(value);
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
