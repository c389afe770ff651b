import { assertEvent, assign, setup } from 'xstate';
import { findFirstIncompleteStep, isStepComplete, replaceStepAnswers, type Answers, type PathProgress } from '../domain/answers';
import { markPathStep, notePathStep, type PathStepStatus } from '../domain/path-progress';
import type { Questionnaire, QuestionStepId } from '../domain/questionnaire-schema';
import {
  WIZARD_STEPS,
  findWizardStep,
  indexOfWizardStep,
  type WizardStepState,
} from '../domain/wizard-steps';

export interface WizardInput {
  questionnaire: Questionnaire;
  answers?: Answers;
  /** The step to reopen on resume; the wizard falls back to the first step still incomplete. */
  resumeAt?: WizardStepState;
  /** What the organisation already did with its path (from the draft or an imported file). */
  pathProgress?: PathProgress;
}

export interface WizardContext {
  questionnaire: Questionnaire;
  answers: Answers;
  resumeAt: WizardStepState;
  pathProgress: PathProgress;
}

export type WizardEvent =
  | { type: 'answers.changed'; step: QuestionStepId; answers: Answers }
  | { type: 'step.submitted'; step: QuestionStepId; answers: Answers }
  | { type: 'step.back' }
  | { type: 'step.goto'; step: WizardStepState }
  | { type: 'path.step.marked'; toolId: string; status: PathStepStatus }
  | { type: 'path.note.changed'; toolId: string; note: string }
  /** The same questionnaire in another language: its words change, never its questions, answers or step. */
  | { type: 'questionnaire.translated'; questionnaire: Questionnaire };

/** The furthest step a person may open: every question step before it must be complete. */
export function findFurthestReachableStep(questionnaire: Questionnaire, answers: Answers): WizardStepState {
  const firstIncomplete = findFirstIncompleteStep(questionnaire, answers);
  if (firstIncomplete === null) return 'synthesis';
  return WIZARD_STEPS.find((step) => step.questionStep === firstIncomplete)?.state ?? 'profile';
}

export function isStepReachable(questionnaire: Questionnaire, answers: Answers, step: WizardStepState): boolean {
  return indexOfWizardStep(step) <= indexOfWizardStep(findFurthestReachableStep(questionnaire, answers));
}

export const wizardMachine = setup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
    input: {} as WizardInput,
  },
  guards: {
    // A translation carries the same ids (checked when the content is built); another questionnaire or version is not a translation.
    isSameQuestionnaire: ({ context, event }) => {
      assertEvent(event, 'questionnaire.translated');
      return event.questionnaire.id === context.questionnaire.id && event.questionnaire.version === context.questionnaire.version;
    },
    isSubmittedStepComplete: ({ context, event }, params: { state: WizardStepState }) => {
      assertEvent(event, 'step.submitted');
      const questionStep = findWizardStep(params.state).questionStep;
      if (questionStep === null || questionStep !== event.step) return false;
      const answers = replaceStepAnswers(context.questionnaire, context.answers, questionStep, event.answers);
      return isStepComplete(context.questionnaire, answers, questionStep);
    },
    isGotoTargetReachable: ({ context, event }, params: { state: WizardStepState }) => {
      assertEvent(event, 'step.goto');
      return event.step === params.state && isStepReachable(context.questionnaire, context.answers, params.state);
    },
    isResumeTarget: ({ context }, params: { state: WizardStepState }) => {
      const target =
        indexOfWizardStep(context.resumeAt) <= indexOfWizardStep(findFurthestReachableStep(context.questionnaire, context.answers))
          ? context.resumeAt
          : findFurthestReachableStep(context.questionnaire, context.answers);
      return target === params.state;
    },
  },
  actions: {
    mergeAnswers: assign({
      answers: ({ context, event }) => {
        assertEvent(event, ['answers.changed', 'step.submitted']);
        return replaceStepAnswers(context.questionnaire, context.answers, event.step, event.answers);
      },
    }),
    markPathStep: assign({
      pathProgress: ({ context, event }) => {
        assertEvent(event, 'path.step.marked');
        return markPathStep(context.pathProgress, event.toolId, event.status);
      },
    }),
    replaceQuestionnaire: assign({
      questionnaire: ({ event }) => {
        assertEvent(event, 'questionnaire.translated');
        return event.questionnaire;
      },
    }),
    notePathStep: assign({
      pathProgress: ({ context, event }) => {
        assertEvent(event, 'path.note.changed');
        return notePathStep(context.pathProgress, event.toolId, event.note);
      },
    }),
  },
}).createMachine({
  id: 'wizard',
  context: ({ input }) => ({
    questionnaire: input.questionnaire,
    answers: input.answers ?? {},
    resumeAt: input.resumeAt ?? 'profile',
    pathProgress: input.pathProgress ?? {},
  }),
  initial: 'resuming',
  on: {
    'answers.changed': { actions: 'mergeAnswers' },
    'questionnaire.translated': { guard: 'isSameQuestionnaire', actions: 'replaceQuestionnaire' },
    'step.goto': WIZARD_STEPS.map((step) => ({
      guard: { type: 'isGotoTargetReachable' as const, params: { state: step.state } },
      target: `.${step.state}` as const,
    })),
  },
  states: {
    // A transient state: reopening a saved diagnosis lands on the saved step if it is still reachable.
    resuming: {
      always: [
        ...WIZARD_STEPS.map((step) => ({
          guard: { type: 'isResumeTarget' as const, params: { state: step.state } },
          target: step.state,
        })),
        { target: 'profile' },
      ],
    },
    profile: {
      on: {
        'step.submitted': [
          { guard: { type: 'isSubmittedStepComplete' as const, params: { state: 'profile' as const } }, target: 'project', actions: 'mergeAnswers' },
          { actions: 'mergeAnswers' },
        ],
      },
    },
    project: {
      on: {
        'step.back': 'profile',
        'step.submitted': [
          { guard: { type: 'isSubmittedStepComplete' as const, params: { state: 'project' as const } }, target: 'humanResources', actions: 'mergeAnswers' },
          { actions: 'mergeAnswers' },
        ],
      },
    },
    humanResources: {
      on: {
        'step.back': 'project',
        'step.submitted': [
          { guard: { type: 'isSubmittedStepComplete' as const, params: { state: 'humanResources' as const } }, target: 'financialResources', actions: 'mergeAnswers' },
          { actions: 'mergeAnswers' },
        ],
      },
    },
    financialResources: {
      on: {
        'step.back': 'humanResources',
        'step.submitted': [
          { guard: { type: 'isSubmittedStepComplete' as const, params: { state: 'financialResources' as const } }, target: 'strategicAlliances', actions: 'mergeAnswers' },
          { actions: 'mergeAnswers' },
        ],
      },
    },
    strategicAlliances: {
      on: {
        'step.back': 'financialResources',
        'step.submitted': [
          { guard: { type: 'isSubmittedStepComplete' as const, params: { state: 'strategicAlliances' as const } }, target: 'priorities', actions: 'mergeAnswers' },
          { actions: 'mergeAnswers' },
        ],
      },
    },
    priorities: {
      on: {
        'step.back': 'strategicAlliances',
        'step.submitted': [
          { guard: { type: 'isSubmittedStepComplete' as const, params: { state: 'priorities' as const } }, target: 'synthesis', actions: 'mergeAnswers' },
          { actions: 'mergeAnswers' },
        ],
      },
    },
    // The path exists only once every answer is in, so it is marked and annotated from the synthesis alone.
    synthesis: {
      on: {
        'step.back': 'priorities',
        'path.step.marked': { actions: 'markPathStep' },
        'path.note.changed': { actions: 'notePathStep' },
      },
    },
  },
});

export type WizardSnapshot = ReturnType<typeof wizardMachine.getInitialSnapshot>;

// Keyed by the answers object (a new one on every change), then by questionnaire (a new language).
const furthestReachableCache = new WeakMap<Answers, WeakMap<Questionnaire, WizardStepState>>();

/**
 * The furthest step the person may open, computed once per set of answers: the stepper reads it
 * for each of its steps, and selectors run on every snapshot (each keystroke sends one).
 */
export function selectFurthestReachableStep(snapshot: WizardSnapshot): WizardStepState {
  const { questionnaire, answers } = snapshot.context;
  let byQuestionnaire = furthestReachableCache.get(answers);
  if (!byQuestionnaire) {
    byQuestionnaire = new WeakMap();
    furthestReachableCache.set(answers, byQuestionnaire);
  }
  let furthest = byQuestionnaire.get(questionnaire);
  if (furthest === undefined) {
    furthest = findFurthestReachableStep(questionnaire, answers);
    byQuestionnaire.set(questionnaire, furthest);
  }
  return furthest;
}

export function selectCurrentStep(snapshot: WizardSnapshot): WizardStepState {
  const value = snapshot.value;
  return value === 'resuming' ? 'profile' : value;
}
