import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { listVisibleQuestionIds, replaceStepAnswers, type Answers } from '../../domain/answers';
import type { Step } from '../../domain/questionnaire-schema';
import { WizardActorContext } from '../../machine/wizard-actor-context';
import { selectCurrentStep } from '../../machine/wizard-machine';
import type { FieldTexts } from '../fields/field-texts';
import { QuestionField, readFieldError } from '../fields/question-field';
import { toAnswers, toFormValues, type StepFormValues } from '../forms/answer-form-values';
import { buildStepResolver } from '../forms/step-form-schema';
import { ErrorSummary, type SummaryError } from './error-summary';
import { useAfterFirstPaint } from '../use-stages-after-paint';

export function QuestionStep({
  step,
  isLast,
  onBack,
  texts,
  showAllAtOnce = false,
}: {
  step: Step;
  isLast: boolean;
  onBack?: (() => void) | undefined;
  /** The step's and its fields' fixed words, translated once by the shell. */
  texts: FieldTexts;
  /** For a step opened on one of its questions (« Modifier » in the synthesis), which must be there to take the focus. */
  showAllAtOnce?: boolean;
}) {
  const actorRef = WizardActorContext.useActorRef();
  const questionnaire = WizardActorContext.useSelector((snapshot) => snapshot.context.questionnaire);
  // Answers of the other steps do not change while this one is open: read them once.
  const [otherAnswers] = useState<Answers>(() => actorRef.getSnapshot().context.answers);
  const resolver = useMemo(() => buildStepResolver(questionnaire, step, otherAnswers), [questionnaire, step, otherAnswers]);
  // Read by useForm on its first render only.
  const [defaultValues] = useState(() => toFormValues(step, otherAnswers));
  const form = useForm<StepFormValues, unknown, Answers>({
    defaultValues,
    resolver,
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Every answer is saved as it is given, not only on "Suivant".
  useEffect(() => {
    const subscription = form.watch((values) => {
      actorRef.send({ type: 'answers.changed', step: step.id, answers: toAnswers(step, values as StepFormValues) });
    });
    return () => subscription.unsubscribe();
  }, [form, actorRef, step]);

  const values = useWatch({ control: form.control }) as StepFormValues;
  const visibleQuestions = useMemo(() => {
    const liveAnswers = replaceStepAnswers(questionnaire, otherAnswers, step.id, toAnswers(step, values));
    const visibleIds = listVisibleQuestionIds(questionnaire, liveAnswers);
    return step.questions.filter((question) => visibleIds.has(question.id));
  }, [questionnaire, otherAnswers, step, values]);
  // The step's heading, intro and hint are painted first, its questions and buttons just after:
  // laying out new text is most of what a step change costs a slow phone (about 7 ms of style
  // and layout per described question at 4× CPU), and a heading is enough to answer the tap.
  // The buttons wait for the questions, so that they do not show above them for a frame (and
  // nothing can be sent before every question is there for the error summary to point at).
  const isWhole = useAfterFirstPaint(showAllAtOnce);
  // The fields take the plain record type: their names are the questions' ids, built at run time.
  const register = form.register as unknown as UseFormRegister<Record<string, unknown>>;
  const control = form.control as unknown as Control<Record<string, unknown>>;

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
      // Removing the focused « Suivant » with its step makes the browser lay the page out at once;
      // let go of it first, so that the new step is laid out once, as its heading takes the focus.
      const focused = document.activeElement instanceof HTMLElement && formRef.current?.contains(document.activeElement) ? document.activeElement : null;
      focused?.blur();
      const before = selectCurrentStep(actorRef.getSnapshot());
      actorRef.send({ type: 'step.submitted', step: step.id, answers: stepAnswers });
      // A step the machine did not leave keeps its focus where it was.
      if (selectCurrentStep(actorRef.getSnapshot()) === before) focused?.focus();
    },
    () => setShowSummary(true),
  );

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="step-form" aria-busy={!isWhole || undefined}>
      {step.intro ? <p className="step-intro">{step.intro}</p> : null}
      {showSummary && summaryErrors.length > 0 ? <ErrorSummary ref={summaryRef} errors={summaryErrors} /> : null}
      <p className="required-hint">{texts.requiredHint}</p>
      {(isWhole ? visibleQuestions : []).map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          error={readFieldError(form.formState.errors, question.id)}
          register={register}
          control={control}
          texts={texts}
        />
      ))}
      {isWhole ? (
        <div className="step-actions">
          {onBack ? (
            <button type="button" className="button button-secondary" onClick={onBack}>
              {texts.back}
            </button>
          ) : null}
          <button type="submit" className="button button-primary">
            {isLast ? texts.finish : texts.next}
          </button>
        </div>
      ) : null}
    </form>
  );
}
