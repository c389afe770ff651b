import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { listVisibleQuestionIds, replaceStepAnswers, type Answers } from '../../domain/answers';
import type { Step } from '../../domain/questionnaire-schema';
import { WizardActorContext } from '../../machine/wizard-actor-context';
import { QuestionField, readFieldError } from '../fields/question-field';
import { toAnswers, toFormValues, type StepFormValues } from '../forms/answer-form-values';
import { buildStepFormSchema } from '../forms/step-form-schema';
import { ErrorSummary, type SummaryError } from './error-summary';

export function QuestionStep({ step, isLast, onBack }: { step: Step; isLast: boolean; onBack?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const actorRef = WizardActorContext.useActorRef();
  const questionnaire = WizardActorContext.useSelector((snapshot) => snapshot.context.questionnaire);
  // Answers of the other steps do not change while this one is open: read them once.
  const [otherAnswers] = useState<Answers>(() => actorRef.getSnapshot().context.answers);
  const schema = useMemo(() => buildStepFormSchema(questionnaire, step, otherAnswers), [questionnaire, step, otherAnswers]);
  const form = useForm<StepFormValues, unknown, Answers>({
    defaultValues: toFormValues(step, otherAnswers),
    resolver: zodResolver(schema),
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Every answer is saved as it is given, not only on "Suivant".
  useEffect(() => {
    const subscription = form.watch((values) => {
      actorRef.send({ type: 'answers.changed', step: step.id, answers: toAnswers(step, values as StepFormValues) });
    });
    return () => subscription.unsubscribe();
  }, [form, actorRef, step]);

  const values = useWatch({ control: form.control }) as StepFormValues;
  const liveAnswers = replaceStepAnswers(questionnaire, otherAnswers, step.id, toAnswers(step, values));
  const visibleIds = listVisibleQuestionIds(questionnaire, liveAnswers);
  const visibleQuestions = step.questions.filter((question) => visibleIds.has(question.id));

  const summaryErrors: SummaryError[] = visibleQuestions.flatMap((question) => {
    const message = readFieldError(form.formState.errors, question.id);
    return message ? [{ questionId: question.id, label: question.label, message }] : [];
  });

  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [showSummary, form.formState.submitCount]);

  const onSubmit = form.handleSubmit(
    (stepAnswers) => {
      setShowSummary(false);
      actorRef.send({ type: 'step.submitted', step: step.id, answers: stepAnswers });
    },
    () => setShowSummary(true),
  );

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="step-form">
        {step.intro ? <p className="step-intro">{step.intro}</p> : null}
        {showSummary && summaryErrors.length > 0 ? <ErrorSummary ref={summaryRef} errors={summaryErrors} /> : null}
        <p className="required-hint">{t('wizard.requiredHint')}</p>
        {visibleQuestions.map((question) => (
          <QuestionField key={question.id} question={question} />
        ))}
        <div className="step-actions">
          {onBack ? (
            <button type="button" className="button button-secondary" onClick={onBack}>
              {t('wizard.back')}
            </button>
          ) : null}
          <button type="submit" className="button button-primary">
            {isLast ? t('wizard.finish') : t('wizard.next')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
