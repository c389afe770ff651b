import type { QuestionStepId } from './questionnaire-schema';

/**
 * The wizard's seven steps: the machine's state names, the questionnaire's step ids (steps 1–6)
 * and the URL slug shown in the address bar, in one place so they cannot drift apart.
 */
export const WIZARD_STEPS = [
  { state: 'profile', questionStep: 'profile', slug: 'structure' },
  { state: 'project', questionStep: 'project', slug: 'projet' },
  { state: 'humanResources', questionStep: 'human-resources', slug: 'richesses-humaines' },
  { state: 'financialResources', questionStep: 'financial-resources', slug: 'ressources-financieres' },
  { state: 'strategicAlliances', questionStep: 'strategic-alliances', slug: 'alliances-strategiques' },
  { state: 'priorities', questionStep: 'priorities', slug: 'priorites' },
  { state: 'synthesis', questionStep: null, slug: 'synthese' },
] as const satisfies readonly { state: string; questionStep: QuestionStepId | null; slug: string }[];

export type WizardStep = (typeof WIZARD_STEPS)[number];
export type WizardStepState = WizardStep['state'];
export const WIZARD_STEP_STATES = WIZARD_STEPS.map((step) => step.state);

export function findWizardStep(state: WizardStepState): WizardStep {
  const step = WIZARD_STEPS.find((candidate) => candidate.state === state);
  if (!step) throw new Error(`Unknown wizard step ${state}`);
  return step;
}

export function findWizardStepBySlug(slug: string): WizardStep | undefined {
  return WIZARD_STEPS.find((candidate) => candidate.slug === slug);
}

export function indexOfWizardStep(state: WizardStepState): number {
  return WIZARD_STEP_STATES.indexOf(state);
}

export function isWizardStepState(value: unknown): value is WizardStepState {
  return typeof value === 'string' && (WIZARD_STEP_STATES as readonly string[]).includes(value);
}
