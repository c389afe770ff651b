import { QuestionnaireSchema } from '../../src/domain/questionnaire-schema';
import { buildQuestionnaireInput, findQuestionInput, type QuestionnaireInput } from './fixtures';
import { FIXTURE_MIGRATIONS } from './migration-fixtures';

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

/** The options of the fixture's first rubric question (hr-volunteers, steps[2].questions[0]), for edits in place. */
function editRubricOptions(input: QuestionnaireInput, edit: (options: OptionInput[]) => OptionInput[] | void): void {
  const question = findQuestionInput(input, 'hr-volunteers');
  if (question.type !== 'single') throw new Error('fixture: hr-volunteers is a single question');
  question.options = edit(question.options) ?? question.options;
}
type OptionInput = Extract<QuestionnaireInput['steps'][number]['questions'][number], { type: 'single' }>['options'][number];

const RUBRIC = ['steps', 2, 'questions', 0];

describe('every question says why it matters', () => {
  const removeHelp = (id: string) => (input: QuestionnaireInput) => void Reflect.deleteProperty(findQuestionInput(input, id), 'help');
  const setHelp = (id: string, help: string) => (input: QuestionnaireInput) => void (findQuestionInput(input, id).help = help);

  it.each<{ name: string; edit: (input: QuestionnaireInput) => void; path: (string | number)[] }>([
    { name: 'a text question without help is refused', edit: removeHelp('org-name'), path: ['steps', 0, 'questions', 0, 'help'] },
    { name: 'a number question with an empty help is refused', edit: setHelp('volunteers-count', ''), path: ['steps', 0, 'questions', 2, 'help'] },
    { name: 'a rubric question whose help is only spaces is refused', edit: setHelp('hr-volunteers', '   '), path: [...RUBRIC, 'help'] },
    { name: 'a shares question without help is refused', edit: removeHelp('fin-shares'), path: ['steps', 3, 'questions', 0, 'help'] },
    { name: 'a multiple question without help is refused', edit: removeHelp('preferred-kinds'), path: ['steps', 5, 'questions', 2, 'help'] },
  ])('$name', ({ edit, path }) => {
    const issues = parseEdited(edit).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([[path, 'expected a help text saying why this question matters']]);
  });
});

describe('a rubric question has four distinct described levels', () => {
  it.each<{ name: string; edit: (options: OptionInput[]) => OptionInput[] | void; expected: [(string | number)[], RegExp][] }>([
    {
      name: 'three levels are refused, and the missing score is named',
      edit: (options) => options.slice(0, 3),
      expected: [
        [[...RUBRIC, 'options'], /^expected exactly 4 options, one per level \(scores 1, 2, 3 and 4\), got 3$/],
        [[...RUBRIC, 'options'], /^no option scores 4 /],
      ],
    },
    {
      name: 'a fifth level is refused, and so is its repeated score',
      edit: (options) => [...options, { id: 'l5', label: 'Niveau 5', description: 'Description 5', score: 4 }],
      expected: [
        [[...RUBRIC, 'options'], /^expected exactly 4 options, one per level/],
        [[...RUBRIC, 'options', 4, 'score'], /^score 4 is already option "l4"'s/],
      ],
    },
    {
      name: 'a score used twice is refused at the second option, and the score left out is named',
      edit: (options) => void (options[1]!.score = 1),
      expected: [
        [[...RUBRIC, 'options', 1, 'score'], /^score 1 is already option "l1"'s \(expected scores 1, 2, 3 and 4, each once\)$/],
        [[...RUBRIC, 'options'], /^no option scores 2 /],
      ],
    },
    {
      name: 'a level without a description is refused',
      edit: (options) => void delete options[2]!.description,
      expected: [[[...RUBRIC, 'options', 2, 'description'], /^expected a description of this level$/]],
    },
    {
      name: 'a description copied from another level is refused, even with other spaces and capitals',
      edit: (options) => void (options[3]!.description = '  description   1 '),
      expected: [[[...RUBRIC, 'options', 3, 'description'], /^same description as option "l1": describe what this level looks like in practice$/]],
    },
    {
      name: 'a label used by two levels is refused',
      edit: (options) => void (options[2]!.label = 'Niveau 2'),
      expected: [[[...RUBRIC, 'options', 2, 'label'], /^same label as option "l2"/]],
    },
  ])('$name', ({ edit, expected }) => {
    const issues = parseEdited((input) => editRubricOptions(input, edit)).error?.issues ?? [];
    expect(issues).toHaveLength(expected.length);
    expected.forEach(([path, message]) => {
      expect(issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path) && message.test(issue.message))).toBeDefined();
    });
  });

  it('accepts the four levels in any order', () => {
    const result = parseEdited((input) => editRubricOptions(input, (options) => [...options].reverse()));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('reports a weak rubric even when another part of the file is broken', () => {
    const result = parseEdited((input) => {
      editRubricOptions(input, (options) => options.slice(0, 3));
      (input as { durationMinutes: unknown }).durationMinutes = 'vingt';
    });
    const paths = result.error?.issues.map((issue) => JSON.stringify(issue.path));
    expect(paths).toEqual(expect.arrayContaining([JSON.stringify(['durationMinutes']), JSON.stringify([...RUBRIC, 'options'])]));
  });

  it('leaves choices that are not scored free: any number of options, no description', () => {
    const result = parseEdited((input) => {
      const question = findQuestionInput(input, 'has-staff');
      if (question.type === 'single') question.options.push({ id: 'benevoles-seulement', label: 'Seulement des bénévoles' });
    });
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('still refuses a score on a question without a pillar', () => {
    const result = parseEdited((input) => {
      const question = findQuestionInput(input, 'has-staff');
      if (question.type === 'single') question.options[0]!.score = 2;
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['steps', 0, 'questions', 1, 'options', 0, 'score'], 'a score needs a pillar on the question'],
    ]);
  });
});

describe('declared migrations lead to this version and never reuse an id', () => {
  type MigrationInput = NonNullable<QuestionnaireInput['migrations']>[number];
  const withMigrations = (...migrations: MigrationInput[]) => (input: QuestionnaireInput) => void (input.migrations = migrations);

  it.each<{ name: string; migrations: MigrationInput[] }>([
    { name: 'the fixture’s history (renames, changed options, a removal)', migrations: FIXTURE_MIGRATIONS },
    { name: 'a migration with only a note, up to the current version', migrations: [{ from: '1.1.0', to: '1.2.0', note: 'Deux questions ont été ajoutées.' }] },
    { name: 'a renamed question that a later migration removes', migrations: [{ from: '1.0.0', to: '1.1.0', renamedQuestions: { a: 'b' } }, { from: '1.1.0', to: '1.2.0', removedQuestions: ['b'] }] },
    {
      name: 'changed options named by the id of their version, the question being renamed later',
      migrations: [{ from: '1.0.0', to: '1.1.0', changedOptions: { 'al-network': { fort: 'l4' } } }, { from: '1.1.0', to: '1.2.0', renamedQuestions: { 'al-network': 'al-partners' } }],
    },
    { name: 'versions compared as numbers, not as text', migrations: [{ from: '1.1.0', to: '1.1.10' }, { from: '1.1.10', to: '1.2.0' }] },
  ])('accepts $name', ({ migrations }) => {
    expect(parseEdited(withMigrations(...migrations)).error?.issues ?? []).toEqual([]);
  });

  it.each<{ name: string; migrations: MigrationInput[]; expected: [(string | number)[], RegExp][] }>([
    { name: 'a migration that does not go up', migrations: [{ from: '1.1.0', to: '1.1.0' }], expected: [[['migrations', 0, 'to'], /^expected a version above "from" \(1\.1\.0\)$/]] },
    { name: 'a migration that goes down', migrations: [{ from: '1.1.0', to: '1.0.0' }], expected: [[['migrations', 0, 'to'], /^expected a version above "from"/]] },
    { name: 'a migration beyond the questionnaire’s version', migrations: [{ from: '1.2.0', to: '1.3.0' }], expected: [[['migrations', 0, 'to'], /^expected at most the questionnaire's version \(1\.2\.0\)$/]] },
    {
      name: 'migrations out of order',
      migrations: [{ from: '1.1.0', to: '1.2.0' }, { from: '1.0.0', to: '1.1.0' }],
      expected: [[['migrations', 1, 'from'], /^expected at least the previous migration's "to" \(1\.2\.0\): migrations go from the oldest to the newest$/]],
    },
    { name: 'a version that is not x.y.z', migrations: [{ from: '1.0', to: '1.1.0' }], expected: [[['migrations', 0, 'from'], /^expected a version like 1\.0\.0$/]] },
    {
      name: 'a removed id that is still a question',
      migrations: [{ from: '1.1.0', to: '1.2.0', removedQuestions: ['hr-training'] }],
      expected: [[['migrations', 0, 'removedQuestions', 0], /^"hr-training" is still a question of this questionnaire: an id is never reused$/]],
    },
    {
      name: 'a renamed-away id that is still a question',
      migrations: [{ from: '1.1.0', to: '1.2.0', renamedQuestions: { 'has-staff': 'hr-volunteers' } }],
      expected: [[['migrations', 0, 'renamedQuestions', 'has-staff'], /^"has-staff" is still a question of this questionnaire: an id is never reused$/]],
    },
    {
      name: 'an id removed earlier that comes back',
      migrations: [{ from: '1.0.0', to: '1.1.0', removedQuestions: ['ancienne'] }, { from: '1.1.0', to: '1.2.0', renamedQuestions: { ancienne: 'hr-training' } }],
      expected: [[['migrations', 1, 'renamedQuestions', 'ancienne'], /^"ancienne" was already renamed or removed by an earlier migration: an id is never reused$/]],
    },
    {
      name: 'an unknown rename target',
      migrations: [{ from: '1.1.0', to: '1.2.0', renamedQuestions: { vieux: 'nouveau' } }],
      expected: [[['migrations', 0, 'renamedQuestions', 'vieux'], /^unknown question "nouveau" \(not in this questionnaire, and no later migration renames or removes it\)$/]],
    },
    {
      name: 'a question both renamed and removed',
      migrations: [{ from: '1.1.0', to: '1.2.0', renamedQuestions: { vieux: 'hr-training' }, removedQuestions: ['vieux'] }],
      expected: [[['migrations', 0, 'removedQuestions', 0], /^"vieux" cannot be both renamed and removed$/]],
    },
    {
      name: 'an option mapped to an option the question does not offer',
      migrations: [{ from: '1.1.0', to: '1.2.0', changedOptions: { 'has-staff': { yes: 'peut-etre' } } }],
      expected: [[['migrations', 0, 'changedOptions', 'has-staff', 'yes'], /^unknown option "peut-etre" of "has-staff"$/]],
    },
    {
      name: 'an option mapped to one the question lost later',
      migrations: [{ from: '1.0.0', to: '1.1.0', changedOptions: { 'al-network': { fort: 'l9' } } }, { from: '1.1.0', to: '1.2.0', renamedQuestions: { 'al-network': 'al-partners' } }],
      expected: [[['migrations', 0, 'changedOptions', 'al-network', 'fort'], /^unknown option "l9" of "al-partners"$/]],
    },
    {
      name: 'changed options on a question without options',
      migrations: [{ from: '1.1.0', to: '1.2.0', changedOptions: { 'volunteers-count': { dix: 'vingt' } } }],
      expected: [[['migrations', 0, 'changedOptions', 'volunteers-count'], /^expected a single or multiple question, "volunteers-count" is number$/]],
    },
    {
      name: 'changed options on an unknown question',
      migrations: [{ from: '1.1.0', to: '1.2.0', changedOptions: { disparue: { a: 'b' } } }],
      expected: [[['migrations', 0, 'changedOptions', 'disparue'], /^unknown question "disparue"/]],
    },
    {
      name: 'a reserved answer in changed options',
      migrations: [{ from: '1.1.0', to: '1.2.0', changedOptions: { 'hr-training': { 'dont-know': 'l1' } } }],
      expected: [[['migrations', 0, 'changedOptions', 'hr-training', 'dont-know'], /^"dont-know" is a reserved answer: it is never mapped$/]],
    },
  ])('refuses $name', ({ migrations, expected }) => {
    const issues = parseEdited(withMigrations(...migrations)).error?.issues ?? [];
    expect(issues.map((issue) => issue.path)).toEqual(expected.map(([path]) => path));
    expected.forEach(([, message], index) => expect(issues[index]?.message).toMatch(message));
  });
});
