import { createActor } from 'xstate';
import type { Answers } from '../../src/domain/answers';
import type { QuestionStepId } from '../../src/domain/questionnaire-schema';
import { findFurthestReachableStep, selectCurrentStep, wizardMachine, type WizardInput } from '../../src/machine/wizard-machine';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const complete = buildAnswers();

function answersOfStep(stepId: QuestionStepId, answers: Answers = complete): Answers {
  const step = questionnaire.steps.find((candidate) => candidate.id === stepId);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => step?.questions.some((question) => question.id === id)));
}

function startWizard(input: Omit<WizardInput, 'questionnaire'> = {}) {
  return createActor(wizardMachine, { input: { questionnaire, ...input } }).start();
}

describe('wizard machine', () => {
  it('starts on the profile step', () => {
    expect(selectCurrentStep(startWizard().getSnapshot())).toBe('profile');
  });

  it('moves on when the submitted step is complete', () => {
    const actor = startWizard();
    actor.send({ type: 'step.submitted', step: 'profile', answers: answersOfStep('profile') });
    expect(actor.getSnapshot().value).toBe('project');
  });

  it('refuses to move on while a required answer is missing, and keeps what was given', () => {
    const actor = startWizard();
    actor.send({ type: 'step.submitted', step: 'profile', answers: { 'org-name': 'Les Amis' } });
    expect(actor.getSnapshot().value).toBe('profile');
    expect(actor.getSnapshot().context.answers['org-name']).toBe('Les Amis');
  });

  it('refuses an out-of-range number', () => {
    const actor = startWizard();
    actor.send({ type: 'step.submitted', step: 'profile', answers: { ...answersOfStep('profile'), 'volunteers-count': 5000 } });
    expect(actor.getSnapshot().value).toBe('profile');
  });

  it('walks the seven steps to the synthesis and back', () => {
    const actor = startWizard();
    const order: QuestionStepId[] = ['profile', 'project', 'human-resources', 'financial-resources', 'strategic-alliances', 'priorities'];
    for (const step of order) actor.send({ type: 'step.submitted', step, answers: answersOfStep(step) });
    expect(actor.getSnapshot().value).toBe('synthesis');
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('priorities');
  });

  it('ignores "step.back" on the first step', () => {
    const actor = startWizard();
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('profile');
  });

  it('opens a completed step from the stepper but not a step beyond the first incomplete one', () => {
    const actor = startWizard({ answers: { ...answersOfStep('profile'), ...answersOfStep('project') } });
    actor.send({ type: 'step.goto', step: 'strategicAlliances' });
    expect(selectCurrentStep(actor.getSnapshot())).toBe('profile');
    actor.send({ type: 'step.goto', step: 'humanResources' });
    expect(actor.getSnapshot().value).toBe('humanResources');
    actor.send({ type: 'step.goto', step: 'project' });
    expect(actor.getSnapshot().value).toBe('project');
  });

  it('saves answers as they are given, replacing only the answers of that step', () => {
    const actor = startWizard({ answers: complete });
    actor.send({ type: 'answers.changed', step: 'profile', answers: { 'org-name': 'Autre nom', 'has-staff': 'non' } });
    const { answers } = actor.getSnapshot().context;
    expect(answers['org-name']).toBe('Autre nom');
    expect(answers['volunteers-count']).toBeUndefined();
    expect(answers['hr-volunteers']).toBe(complete['hr-volunteers']);
  });

  it('resumes on the saved step when it is reachable', () => {
    const actor = startWizard({ answers: complete, resumeAt: 'financialResources' });
    expect(actor.getSnapshot().value).toBe('financialResources');
  });

  it('resumes on the first incomplete step when the saved step is out of reach', () => {
    const answers = { ...answersOfStep('profile'), ...answersOfStep('project') };
    const actor = startWizard({ answers, resumeAt: 'synthesis' });
    expect(actor.getSnapshot().value).toBe('humanResources');
    expect(findFurthestReachableStep(questionnaire, answers)).toBe('humanResources');
  });

  it('cannot reach the synthesis after an answer of an earlier step is removed', () => {
    const actor = startWizard({ answers: complete, resumeAt: 'synthesis' });
    actor.send({ type: 'step.goto', step: 'profile' });
    actor.send({ type: 'answers.changed', step: 'profile', answers: { 'has-staff': 'oui' } });
    actor.send({ type: 'step.goto', step: 'synthesis' });
    expect(actor.getSnapshot().value).toBe('profile');
  });
});

describe('wizard machine: path progress', () => {
  it('marks a step of the path and notes it on the synthesis', () => {
    const actor = startWizard({ answers: complete, resumeAt: 'synthesis' });
    expect(actor.getSnapshot().value).toBe('synthesis');
    actor.send({ type: 'path.step.marked', toolId: 'guide', status: 'done' });
    actor.send({ type: 'path.note.changed', toolId: 'guide', note: 'Lu en bureau le 3 mars' });
    actor.send({ type: 'path.step.marked', toolId: 'kit', status: 'not-relevant' });
    expect(actor.getSnapshot().context.pathProgress).toEqual({
      guide: { status: 'done', note: 'Lu en bureau le 3 mars' },
      kit: { status: 'not-relevant' },
    });
  });

  it('starts from the progress it is given (draft or imported file)', () => {
    const actor = startWizard({ answers: complete, resumeAt: 'synthesis', pathProgress: { guide: { status: 'done' } } });
    actor.send({ type: 'path.step.marked', toolId: 'guide', status: 'todo' });
    expect(actor.getSnapshot().context.pathProgress).toEqual({});
  });

  it('refuses to mark the path before the synthesis, where there is no path yet', () => {
    const actor = startWizard();
    actor.send({ type: 'path.step.marked', toolId: 'guide', status: 'done' });
    actor.send({ type: 'path.note.changed', toolId: 'guide', note: 'trop tôt' });
    expect(actor.getSnapshot().context.pathProgress).toEqual({});
  });

  it('keeps the progress while the person goes back to change an answer', () => {
    const actor = startWizard({ answers: complete, resumeAt: 'synthesis' });
    actor.send({ type: 'path.step.marked', toolId: 'guide', status: 'done' });
    actor.send({ type: 'step.goto', step: 'humanResources' });
    expect(actor.getSnapshot().value).toBe('humanResources');
    expect(actor.getSnapshot().context.pathProgress).toEqual({ guide: { status: 'done' } });
  });
});

describe('wizard machine: the questionnaire in another language', () => {
  const translated = { ...questionnaire, title: 'The same questionnaire, in English', locale: 'en-GB' };

  it('takes the translated words and keeps the step, the answers and the path', () => {
    const actor = startWizard({ answers: complete, resumeAt: 'synthesis', pathProgress: { guide: { status: 'done' } } });
    actor.send({ type: 'questionnaire.translated', questionnaire: translated });
    const { value, context } = actor.getSnapshot();
    expect(value).toBe('synthesis');
    expect(context.questionnaire.title).toBe('The same questionnaire, in English');
    expect(context.answers).toEqual(complete);
    expect(context.pathProgress).toEqual({ guide: { status: 'done' } });
  });

  it.each([
    ['another questionnaire', { ...translated, id: 'un-autre' }],
    ['another version', { ...translated, version: '9.9.9' }],
  ])('refuses %s, which is not a translation', (_, other) => {
    const actor = startWizard({ answers: complete, resumeAt: 'synthesis' });
    actor.send({ type: 'questionnaire.translated', questionnaire: other });
    expect(actor.getSnapshot().context.questionnaire).toBe(questionnaire);
  });
});
