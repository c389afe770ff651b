import { Suspense, lazy, memo, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { runAfterNextPaint, runWhenIdle } from '../../scheduling';
import { selectCurrentStep, selectFurthestReachableStep } from '../../machine/wizard-machine';
import { WIZARD_STEPS, findWizardStep, findWizardStepBySlug, indexOfWizardStep, type WizardStepState } from '../../domain/wizard-steps';
import { WizardActorContext } from '../../machine/wizard-actor-context';
import { fieldIds } from '../fields/field-frame';
import { useFieldTexts } from '../fields/field-texts';
import { QuestionStep } from './question-step';

export function useStepTitle(): (state: WizardStepState) => string {
  const { t } = useTranslation();
  const questionnaire = WizardActorContext.useSelector((snapshot) => snapshot.context.questionnaire);
  return (state) => {
    const questionStep = findWizardStep(state).questionStep;
    const step = questionnaire.steps.find((candidate) => candidate.id === questionStep);
    return step?.title ?? t('wizard.synthesisTitle');
  };
}

const STEP_HASH_PREFIX = '#/';

// The synthesis (scores, path, charts, report) is not in the wizard's chunk: it is fetched on the
// last questions (below) or when it opens, keeping the first load light.
type SynthesisModule = typeof import('../synthesis/synthesis-step');
let loadedSynthesis: SynthesisModule | undefined;
const loadSynthesisStep = () =>
  import('../synthesis/synthesis-step').then((module) => {
    loadedSynthesis = module;
    return module;
  });
/**
 * Once the chunk is there (fetched on the last questions), `lazy` gets a thenable that answers at
 * once, and renders without suspending: a promise, even a settled one, would show the fallback
 * first, and React reveals the content no sooner than 300 ms after a fallback.
 */
const SynthesisStep = lazy(() => {
  const loaded = loadedSynthesis;
  return loaded ? settledNow({ default: loaded.SynthesisStep }) : loadSynthesisStep().then((module) => ({ default: module.SynthesisStep }));
});

/** A promise-like that calls back at once, within `then` (all React's `lazy` asks of it). */
function settledNow<T>(value: T): Promise<T> {
  const thenable = {
    then(onFulfilled?: (value: T) => unknown) {
      onFulfilled?.(value);
      return thenable;
    },
  };
  return thenable as unknown as Promise<T>;
}

/** The step before the synthesis: while it is answered, the synthesis' code and data are fetched. */
const LAST_QUESTION_STEP: WizardStepState = 'priorities';

export function WizardShell({
  onNewDiagnosis,
  onLeave,
  profileIntro,
}: {
  onNewDiagnosis: () => void;
  onLeave?: () => void;
  /** Shown above the questions of the first step (who is answering). */
  profileIntro?: ReactNode;
}) {
  const { t } = useTranslation();
  const actorRef = WizardActorContext.useActorRef();
  const current = WizardActorContext.useSelector(selectCurrentStep);
  const questionnaire = WizardActorContext.useSelector((snapshot) => snapshot.context.questionnaire);
  // Not the answers themselves: the shell renders again when the furthest step changes, not on every keystroke.
  const furthest = WizardActorContext.useSelector(selectFurthestReachableStep);
  const titleOf = useStepTitle();
  // Translated once for all the steps (the shell outlives them), not on each step's first render.
  const fieldTexts = useFieldTexts();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  const hasWrittenAddress = useRef(false);
  // Set by a "Modifier" link of the synthesis: the step opens with focus on that question, not on its heading.
  const questionToFocus = useRef<string | null>(null);
  const index = indexOfWizardStep(current);
  const title = titleOf(current);
  const progress = t('wizard.progress', { index: index + 1, total: WIZARD_STEPS.length, title });

  // The address bar follows the steps, so the browser's back button walks back through them.
  // After the paint: a history entry costs a slow phone about 10 ms (a profile at 4× CPU), and the
  // new step need not wait for it. A step left before then writes no entry of its own.
  useEffect(() => {
    const hash = `${STEP_HASH_PREFIX}${findWizardStep(current).slug}`;
    // Read now: whether this is a reload on a step is known before any entry is written.
    const isOnAStep = findWizardStepBySlug(window.location.hash.slice(STEP_HASH_PREFIX.length)) !== undefined;
    const isOpening = !hasWrittenAddress.current;
    const addressBefore = window.location.href;
    let isWritten = false;
    const write = () => {
      if (isWritten) return;
      isWritten = true;
      hasWrittenAddress.current = true;
      // The address moved meanwhile (a share link pasted, Back pressed): that navigation wins.
      if (window.location.href !== addressBefore || window.location.hash === hash) return;
      // Coming from the welcome page, a new entry lets the Back button return to it; a reload on a step replaces its own entry.
      if (isOpening && isOnAStep) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    };
    const cancel = runAfterNextPaint(write);
    // A tab hidden, then discarded, within that frame reopens on this step, not the one before.
    window.addEventListener('pagehide', write);
    return () => {
      cancel();
      window.removeEventListener('pagehide', write);
    };
  }, [current]);

  // The new step's heading takes the focus, or the question a « Modifier » link named.
  useEffect(() => {
    if (!isFirstRender.current) {
      const field = questionToFocus.current ? document.getElementById(fieldIds(questionToFocus.current).control) : null;
      (field ?? headingRef.current)?.focus();
    }
    questionToFocus.current = null;
    isFirstRender.current = false;
  }, [current]);

  // Once the last questions are painted, so that « Voir la synthèse » shows the scores at once
  // rather than after a download on a slow connection. A failure here is met again, and told, on opening.
  useEffect(() => {
    if (current !== LAST_QUESTION_STEP) return;
    // When the browser is idle: not in the way of the rest of the step, rendered just after its paint.
    return runWhenIdle(() => {
      loadSynthesisStep()
        .then((module) => module.prepareSynthesis(queryClient, language))
        .catch(() => undefined);
    });
  }, [current, queryClient, language]);

  // Apart from the step's effect: a change of language renames the page without moving the focus.
  // After the paint, like the address: the focused heading already tells the new step, and a new
  // title costs a slow phone about 2 ms in the tap (a profile at 4× CPU).
  useEffect(() => {
    const title = `${progress} – ${t('appName')}`;
    return runAfterNextPaint(() => {
      document.title = title;
    });
  }, [progress, t]);

  useEffect(() => {
    const followAddressBar = () => {
      const slug = window.location.hash.replace(/^#\/?/, '');
      // Back past the first step returns to the welcome page; the diagnosis is already saved.
      if (slug === '' && onLeave) return onLeave();
      const target = findWizardStepBySlug(window.location.hash.slice(STEP_HASH_PREFIX.length));
      // Another view's address (the group view, a share link): the app switches views, not the wizard.
      if (!target) return;
      actorRef.send({ type: 'step.goto', step: target.state });
      const now = selectCurrentStep(actorRef.getSnapshot());
      // A step that cannot be opened yet leaves the address bar on the current step.
      if (target?.state !== now) window.history.replaceState(null, '', `${STEP_HASH_PREFIX}${findWizardStep(now).slug}`);
    };
    window.addEventListener('popstate', followAddressBar);
    return () => window.removeEventListener('popstate', followAddressBar);
  }, [actorRef, onLeave]);

  const goto = useCallback((step: WizardStepState) => actorRef.send({ type: 'step.goto', step }), [actorRef]);
  const questionStep = findWizardStep(current).questionStep;
  const step = questionnaire.steps.find((candidate) => candidate.id === questionStep);

  return (
    <div className="wizard">
      <Stepper current={current} furthest={furthest} titles={WIZARD_STEPS.map((wizardStep) => titleOf(wizardStep.state))} onGoto={goto} />
      <section className="step" aria-labelledby="step-heading">
        <p className="progress-text" aria-hidden="true">
          {progress}
        </p>
        <div className="progress-bar" aria-hidden="true">
          <span style={{ width: `${((index + 1) / WIZARD_STEPS.length) * 100}%` }} />
        </div>
        <h1 id="step-heading" tabIndex={-1} ref={headingRef}>
          <span className="visually-hidden">{t('wizard.progress', { index: index + 1, total: WIZARD_STEPS.length, title: '' })}</span>
          {title}
        </h1>
        {current === 'profile' ? profileIntro : null}
        {step ? (
          <QuestionStep
            key={step.id}
            step={step}
            isLast={current === 'priorities'}
            texts={fieldTexts}
            showAllAtOnce={questionToFocus.current !== null}
            onBack={index > 0 ? () => actorRef.send({ type: 'step.back' }) : undefined}
          />
        ) : (
          <Suspense fallback={<p className="loading">{t('welcome.loading')}</p>}>
            <SynthesisStep
              onNewDiagnosis={onNewDiagnosis}
              onEditAnswer={(target, questionId) => {
                questionToFocus.current = questionId;
                actorRef.send({ type: 'step.goto', step: target });
              }}
            />
          </Suspense>
        )}
      </section>
    </div>
  );
}

/** The seven steps, each a button once reachable. Memoised: its props change with the step and the furthest step only. */
const Stepper = memo(
  function Stepper({
    current,
    furthest,
    titles,
    onGoto,
  }: {
    current: WizardStepState;
    furthest: WizardStepState;
    titles: readonly string[];
    onGoto: (step: WizardStepState) => void;
  }) {
    const { t } = useTranslation();
    const furthestIndex = indexOfWizardStep(furthest);
    const statuses = useMemo(() => ({ current: t('wizard.stepCurrent'), done: t('wizard.stepDone'), locked: t('wizard.stepLocked') }), [t]);
    return (
      <nav aria-label={t('wizard.stepperLabel')} className="stepper">
        <ol>
          {WIZARD_STEPS.map((wizardStep, stepIndex) => {
            const isCurrent = wizardStep.state === current;
            const reachable = stepIndex <= furthestIndex;
            const status = isCurrent ? statuses.current : reachable ? statuses.done : statuses.locked;
            const label = (
              <>
                <span className="stepper-number" aria-hidden="true">
                  {stepIndex + 1}
                </span>
                <span className="stepper-title">{titles[stepIndex]}</span>
                <span className="visually-hidden"> ({status})</span>
              </>
            );
            return (
              <li key={wizardStep.state} className={`stepper-item${isCurrent ? ' is-current' : ''}${reachable ? ' is-reachable' : ''}`}>
                {reachable && !isCurrent ? (
                  <button type="button" className="stepper-link" onClick={() => onGoto(wizardStep.state)}>
                    {label}
                  </button>
                ) : (
                  <span className="stepper-link" aria-current={isCurrent ? 'step' : undefined}>
                    {label}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
    );
  },
  // The titles are a new array on each render of the shell; equal words need no new stepper.
  (before, after) =>
    before.current === after.current &&
    before.furthest === after.furthest &&
    before.onGoto === after.onGoto &&
    before.titles.length === after.titles.length &&
    before.titles.every((title, index) => title === after.titles[index]),
);
