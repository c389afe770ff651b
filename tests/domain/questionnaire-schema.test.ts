import { QuestionnaireSchema } from '../../src/domain/questionnaire-schema';
import { buildQuestionnaireInput, findQuestionInput, type QuestionnaireInput } from './fixtures';

function parseEdited(edit: (input: QuestionnaireInput) => void) {
  const input = buildQuestionnaireInput();
  edit(input);
  return QuestionnaireSchema.safeParse(input);
}

describe('QuestionnaireSchema', () => {
  it('accepts the minimal fixture questionnaire', () => {
    const result = QuestionnaireSchema.safeParse(buildQuestionnaireInput());
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each<{ name: string; edit: (input: QuestionnaireInput) => void; path: (string | number)[]; message: RegExp }>([
    {
      name: 'a rubric option without a score is refused at its own path',
      edit: (input) => {
        const question = findQuestionInput(input, 'hr-volunteers');
        if (question.type === 'single') delete question.options[1]!.score;
      },
      path: ['steps', 2, 'questions', 0, 'options', 1, 'score'],
      message: /expected a number from 1 to 4/,
    },
    {
      name: 'a rubric question naming an unknown dimension is refused',
      edit: (input) => {
        const question = findQuestionInput(input, 'fin-diversity');
        if (question.type === 'single') question.dimension = 'nowhere';
      },
      path: ['steps', 3, 'questions', 1, 'dimension'],
      message: /unknown dimension "nowhere"/,
    },
    {
      name: 'a showIf pointing at a later question is refused',
      edit: (input) => {
        findQuestionInput(input, 'hr-volunteers').showIf = [{ question: 'priority-pillar', equals: 'human-resources' }];
      },
      path: ['steps', 2, 'questions', 0, 'showIf', 0, 'question'],
      message: /earlier question/,
    },
    {
      name: 'a priority-pillar binding on a text question is refused',
      edit: (input) => {
        input.bindings.priorityPillar = 'org-name';
      },
      path: ['bindings', 'priorityPillar'],
      message: /expected a single question, "org-name" is text/,
    },
    {
      name: 'a preferred-kinds binding whose options are not tool kinds is refused',
      edit: (input) => {
        input.bindings.preferredKinds = 'has-staff';
      },
      path: ['bindings', 'preferredKinds'],
      message: /expected a multiple question/,
    },
  ])('$name', ({ edit, path, message }) => {
    const result = parseEdited(edit);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path));
    expect(issue?.message).toMatch(message);
  });
});
