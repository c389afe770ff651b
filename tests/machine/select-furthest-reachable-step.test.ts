import { createActor } from 'xstate';
import type { Answers } from '../../src/domain/answers';
import { findFurthestReachableStep, selectFurthestReachableStep, wizardMachine } from '../../src/machine/wizard-machine';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const complete = buildAnswers();

function snapshotWith(answers: Answers) {
  return createActor(wizardMachine, { input: { questionnaire, answers } }).start().getSnapshot();
}

describe('selectFurthestReachableStep', () => {
  const { 'hr-volunteers': _removed, ...withoutHumanResources } = complete;
  it.each([
    ['no answer', {}],
    ['every answer', complete],
    ['an answer of the human resources step missing', withoutHumanResources],
  ])('agrees with findFurthestReachableStep with %s', (_name, answers: Answers) => {
    expect(selectFurthestReachableStep(snapshotWith(answers))).toBe(findFurthestReachableStep(questionnaire, answers));
  });

  it('follows the answers as they change, not the first ones it saw', () => {
    const actor = createActor(wizardMachine, { input: { questionnaire, answers: complete, resumeAt: 'synthesis' } }).start();
    expect(selectFurthestReachableStep(actor.getSnapshot())).toBe('synthesis');
    actor.send({ type: 'step.goto', step: 'profile' });
    actor.send({ type: 'answers.changed', step: 'profile', answers: {} });
    expect(selectFurthestReachableStep(actor.getSnapshot())).toBe('profile');
  });
});
