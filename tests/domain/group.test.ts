import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CONTENT_DIR, REPO_ROOT, loadContentDirectory } from '../../scripts/lib/questionnaire-files';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { sumShares, validateAnswers, type Answers, type AnswersFile, type AnswerValue } from '../../src/domain/answers';
import { diagnose } from '../../src/domain/diagnose';
import {
  GroupSchema,
  addGroupMembers,
  aggregateGroup,
  buildConsensusAnswers,
  createGroup,
  proposeConsensusAnswers,
  recordAgreedAnswer,
  removeGroupMember,
  selectGroupToJoin,
  selectLeastConsensus,
  type Group,
  type GroupAggregate,
  type ScoreSpread,
} from '../../src/domain/group';
import { isRubricQuestion, listQuestions, type Question, type Questionnaire } from '../../src/domain/questionnaire-schema';
import { scoreAnswers } from '../../src/domain/scoring';
import {
  RUBRIC_QUESTION_IDS,
  buildAnswers,
  buildAnswersFile,
  buildFullToolkitTools,
  buildQuestionnaire,
  buildToolkit,
  findQuestionInput,
  type AnswersFileOptions,
} from './fixtures';

const questionnaire = buildQuestionnaire();

/** The fixture with conditions of every kind and a list with bounds, for the consensus's guarantees. */
const withMoreQuestions = buildQuestionnaire((input) => {
  input.steps[0]?.questions.push({
    id: 'volunteer-coordination',
    type: 'single',
    label: 'Les bénévoles ont-ils un coordinateur ?',
    help: 'Au-delà de dix, il en faut un.',
    showIf: [{ question: 'volunteers-count', atLeast: 10 }],
    options: [
      { id: 'oui', label: 'Oui' },
      { id: 'non', label: 'Non' },
    ],
  });
  input.steps[5]?.questions.push({
    id: 'action-detail',
    type: 'text',
    label: 'Quelle action ?',
    help: 'Pour la préparer.',
    maxLength: 60,
    showIf: [{ question: 'preferred-kinds', includes: 'agir' }],
  });
  input.steps[5]?.questions.push({
    id: 'support-needs',
    type: 'multiple',
    label: 'De quoi avez-vous besoin ?',
    help: 'Pour orienter l’accompagnement.',
    minSelected: 2,
    maxSelected: 3,
    options: ['benevoles', 'financements', 'locaux', 'outils', 'formation'].map((id) => ({ id, label: id })),
  });
});

/** Several files with distinct dates, so that two people answering alike are still two people. */
function buildFiles(entries: readonly { answers?: Answers; options?: AnswersFileOptions }[]): AnswersFile[] {
  return entries.map(({ answers = {}, options = {} }, index) =>
    buildAnswersFile(buildAnswers(answers), { updatedAt: `2026-11-20T10:${String(index % 60).padStart(2, '0')}:00.000Z`, ...options }),
  );
}

function findArea(aggregate: GroupAggregate, id: string) {
  const area = aggregate.areas.find((candidate) => candidate.id === id);
  if (!area) throw new Error(`no area ${id}`);
  return area;
}

function findQuestion(aggregate: GroupAggregate, id: string) {
  const question = aggregate.questions.find((candidate) => candidate.questionId === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

function countsOf(spread: ScoreSpread): Record<string, number> {
  return Object.fromEntries(spread.distribution.map((entry) => [entry.level, entry.count]));
}

function answerCountsOf(aggregate: GroupAggregate, id: string): Record<string, number> {
  return Object.fromEntries(findQuestion(aggregate, id).distribution.map((entry) => [entry.value, entry.count]));
}

describe('aggregateGroup', () => {
  it('with one respondent, the mean, minimum and maximum are that respondent’s score and no question diverges', () => {
    const [file] = buildFiles([{}]);
    if (!file) throw new Error('no file');
    const aggregate = aggregateGroup(questionnaire, [file]);
    const scores = scoreAnswers(questionnaire, file.answers);

    expect(aggregate.respondentCount).toBe(1);
    for (const area of scores.areas) {
      const spread = findArea(aggregate, area.id);
      expect({ mean: spread.mean, min: spread.min, max: spread.max, scoredCount: spread.scoredCount }).toEqual({
        mean: area.score,
        min: area.score,
        max: area.score,
        scoredCount: area.score === null ? 0 : 1,
      });
    }
    expect(aggregate.questions.every((question) => question.divergence === null)).toBe(true);
    expect(selectLeastConsensus(aggregate)).toEqual([]);
  });

  it('with identical answers, every divergence is 0 and nothing is a zone of least consensus', () => {
    const aggregate = aggregateGroup(questionnaire, buildFiles([{}, {}, {}]));
    expect(aggregate.questions.map((question) => question.divergence)).toEqual(RUBRIC_QUESTION_IDS.map(() => 0));
    expect(selectLeastConsensus(aggregate)).toEqual([]);
  });

  it('with only « Je ne sais pas », counts them but scores nothing and measures no divergence', () => {
    const allowingDontKnow = buildQuestionnaire((input) => {
      for (const id of RUBRIC_QUESTION_IDS) Object.assign(findQuestionInput(input, id), { allowDontKnow: true });
    });
    const dontKnow = Object.fromEntries(RUBRIC_QUESTION_IDS.map((id) => [id, 'dont-know']));
    const aggregate = aggregateGroup(allowingDontKnow, buildFiles([{ answers: dontKnow }, { answers: dontKnow }]));

    for (const area of aggregate.areas) {
      expect({ mean: area.mean, min: area.min, max: area.max, scoredCount: area.scoredCount }).toEqual({ mean: null, min: null, max: null, scoredCount: 0 });
      expect(countsOf(area)).toEqual({ 'a-initier': 0, 'en-structuration': 0, structure: 0, consolide: 0, insufficient: 2 });
    }
    for (const question of aggregate.questions) {
      expect(question.divergence).toBeNull();
      expect(question.ratedCount).toBe(0);
      expect(question.distribution.find((entry) => entry.value === 'dont-know')).toMatchObject({ label: 'Je ne sais pas', score: null, count: 2 });
    }
  });

  it('lists the organisation names the members gave, most frequent first, so that a stray file shows', () => {
    const files = buildFiles([
      { answers: { 'org-name': 'Les Amis du Quartier' } },
      { answers: { 'org-name': ' Les Amis du Quartier ' } },
      { answers: { 'org-name': 'Basket Club' } },
      { answers: { 'org-name': '' } },
    ]);
    expect(aggregateGroup(questionnaire, files).organisations).toEqual([
      { name: 'Les Amis du Quartier', count: 2 },
      { name: 'Basket Club', count: 1 },
    ]);
  });

  it('counts a file from an older version of the questionnaire and ignores the questions this version dropped', () => {
    const files = buildFiles([
      { options: { version: '1.2.0' } },
      { options: { version: '1.0.0' }, answers: { 'al-partners': 'l1', 'al-evaluation': 'l1', 'dropped-question': 'l4' } },
      { options: { version: '1.1.0' } },
      { options: { version: '1.1.0' } },
    ]);
    const aggregate = aggregateGroup(questionnaire, files);

    expect(aggregate.respondentCount).toBe(4);
    expect(aggregate.versions).toEqual([
      { version: '1.1.0', count: 2 },
      { version: '1.2.0', count: 1 },
      { version: '1.0.0', count: 1 },
    ]);
    const alliances = findArea(aggregate, 'strategic-alliances');
    expect({ scoredCount: alliances.scoredCount, min: alliances.min, max: alliances.max }).toEqual({ scoredCount: 4, min: 0, max: 67 });
    expect(aggregate.questions.map((question) => question.questionId)).not.toContain('dropped-question');
  });

  it.each<{ name: string; pairs: [string, string][]; mean: number; min: number; max: number; levels: Record<string, number> }>([
    {
      name: 'spreads the alliances from 0 to 100 around a mean of 50',
      pairs: [['l1', 'l1'], ['l4', 'l4'], ['l2', 'l3']],
      mean: 50,
      min: 0,
      max: 100,
      levels: { 'a-initier': 1, 'en-structuration': 1, structure: 0, consolide: 1, insufficient: 0 },
    },
    {
      name: 'rounds the mean to a whole point, like a score (0 and 17 give 9)',
      pairs: [['l1', 'l1'], ['l1', 'l2']],
      mean: 9,
      min: 0,
      max: 17,
      levels: { 'a-initier': 2, 'en-structuration': 0, structure: 0, consolide: 0, insufficient: 0 },
    },
  ])('$name', ({ pairs, mean, min, max, levels }) => {
    const files = buildFiles(pairs.map(([partners, evaluation]) => ({ answers: { 'al-partners': partners, 'al-evaluation': evaluation } })));
    const alliances = findArea(aggregateGroup(questionnaire, files), 'strategic-alliances');
    expect({ mean: alliances.mean, min: alliances.min, max: alliances.max }).toEqual({ mean, min, max });
    expect(countsOf(alliances)).toEqual(levels);
    expect(alliances.label).toBe('Alliances stratégiques');
  });

  it('puts a respondent below the pillar minimum in « Données insuffisantes » and leaves them out of the mean', () => {
    const files = buildFiles([{ answers: { 'al-partners': 'l4', 'al-evaluation': 'l4' } }, { answers: { 'al-partners': 'dont-know' } }]);
    const alliances = findArea(aggregateGroup(questionnaire, files), 'strategic-alliances');
    expect({ mean: alliances.mean, scoredCount: alliances.scoredCount }).toEqual({ mean: 100, scoredCount: 1 });
    expect(alliances.distribution.at(-1)).toEqual({ level: 'insufficient', label: 'Données insuffisantes', count: 1 });
  });

  it('spreads every dimension, in the questionnaire’s order and with its label', () => {
    const files = buildFiles([{ answers: { 'hr-staff-skills': 'l1', 'hr-training': 'l1' } }, { answers: { 'hr-staff-skills': 'l4', 'hr-training': 'l4' } }]);
    const aggregate = aggregateGroup(questionnaire, files);
    expect(aggregate.dimensions.map((dimension) => dimension.id)).toEqual(questionnaire.dimensions.map((dimension) => dimension.id));
    expect(aggregate.dimensions.find((dimension) => dimension.id === 'hr-skills')).toMatchObject({
      area: 'human-resources',
      label: 'Compétences',
      mean: 50,
      min: 0,
      max: 100,
      scoredCount: 2,
    });
  });

  it('counts the roles in their usual order, then those who gave none, and spreads the pillars per role', () => {
    const files = buildFiles([
      { options: { respondent: { role: 'benevole' } }, answers: { 'al-partners': 'l1', 'al-evaluation': 'l1' } },
      { options: { respondent: {} }, answers: { 'al-partners': 'l3', 'al-evaluation': 'l3' } },
      { options: { respondent: { role: 'administrateur', name: 'Marie' } }, answers: { 'al-partners': 'l4', 'al-evaluation': 'l4' } },
      { options: { respondent: { role: 'benevole' } }, answers: { 'al-partners': 'l2', 'al-evaluation': 'l2' } },
    ]);
    const aggregate = aggregateGroup(questionnaire, files);

    expect(aggregate.roles).toEqual([
      { role: 'administrateur', label: 'Administrateur·rice', count: 1 },
      { role: 'benevole', label: 'Bénévole', count: 2 },
      { role: 'unspecified', label: 'Rôle non précisé', count: 1 },
    ]);
    const alliancesByRole = aggregate.byRole.map((role) => {
      const area = role.areas.find((candidate) => candidate.id === 'strategic-alliances');
      return { role: role.role, count: role.count, mean: area?.mean, min: area?.min, max: area?.max };
    });
    expect(alliancesByRole).toEqual([
      { role: 'administrateur', count: 1, mean: 100, min: 100, max: 100 },
      { role: 'benevole', count: 2, mean: 17, min: 0, max: 33 },
      { role: 'unspecified', count: 1, mean: 67, min: 67, max: 67 },
    ]);
  });

  it('counts a hidden question as not answered, even when an old answer stayed in the file', () => {
    const files = buildFiles([{ answers: { 'has-staff': 'non', 'hr-staff-skills': 'l4' } }, { answers: { 'has-staff': 'oui', 'hr-staff-skills': 'l1' } }]);
    const question = findQuestion(aggregateGroup(questionnaire, files), 'hr-staff-skills');
    expect(question.ratedCount).toBe(1);
    expect(question.distribution.map((entry) => entry.count)).toEqual([1, 0, 0, 0]);
  });

  it.each<{ name: string; id: string; values: string[]; ratedCount: number; divergence: number | null }>([
    { name: 'half lowest and half highest level diverge by 1.5', id: 'al-evaluation', values: ['l1', 'l4'], ratedCount: 2, divergence: 1.5 },
    { name: 'the same level everywhere diverges by 0', id: 'al-evaluation', values: ['l2', 'l2', 'l2'], ratedCount: 3, divergence: 0 },
    { name: 'all four levels once diverge by √1.25', id: 'al-evaluation', values: ['l1', 'l2', 'l3', 'l4'], ratedCount: 4, divergence: Math.sqrt(1.25) },
    { name: 'reserved answers are not levels: one level left is no divergence', id: 'hr-training', values: ['l2', 'dont-know', 'not-applicable'], ratedCount: 1, divergence: null },
    { name: 'reserved answers do not pull the measure', id: 'hr-training', values: ['l2', 'l3', 'dont-know'], ratedCount: 2, divergence: 0.5 },
  ])('$name', ({ id, values, ratedCount, divergence }) => {
    const files = buildFiles(values.map((value) => ({ answers: { [id]: value } })));
    const question = findQuestion(aggregateGroup(questionnaire, files), id);
    expect(question.ratedCount).toBe(ratedCount);
    if (divergence === null) expect(question.divergence).toBeNull();
    else expect(question.divergence).toBeCloseTo(divergence, 10);
  });

  it.each<{ id: string; values: string[] }>([
    { id: 'hr-training', values: ['l1', 'l2', 'l3', 'l4', 'dont-know', 'not-applicable'] },
    { id: 'fin-diversity', values: ['l1', 'l2', 'l3', 'l4', 'dont-know'] },
    { id: 'fin-stability', values: ['l1', 'l2', 'l3', 'l4', 'not-applicable'] },
    { id: 'al-evaluation', values: ['l1', 'l2', 'l3', 'l4'] },
  ])('lists the answers of $id in order, reserved answers only where the question offers them', ({ id, values }) => {
    const question = findQuestion(aggregateGroup(questionnaire, buildFiles([{}])), id);
    expect(question.distribution.map((entry) => entry.value)).toEqual(values);
    expect(question.distribution[0]).toMatchObject({ label: 'Niveau 1', score: 1 });
  });

  it('labels the reserved answers as the form does', () => {
    const question = findQuestion(aggregateGroup(questionnaire, buildFiles([{}])), 'hr-training');
    expect(question.distribution.slice(-2).map(({ label, score }) => ({ label, score }))).toEqual([
      { label: 'Je ne sais pas', score: null },
      { label: 'Non concerné', score: null },
    ]);
  });

  it('orders the questions by divergence, highest first, ties in questionnaire order and no divergence last', () => {
    const files = buildFiles([
      { answers: { 'project-clarity': 'l1', 'hr-volunteers': 'l2', 'al-partners': 'l1', 'fin-diversity': 'dont-know' } },
      { answers: { 'project-clarity': 'l4', 'hr-volunteers': 'l3', 'al-partners': 'l3', 'fin-diversity': 'dont-know' } },
    ]);
    const aggregate = aggregateGroup(questionnaire, files);
    expect(aggregate.questions.map((question) => question.questionId)).toEqual([
      'project-clarity',
      'al-partners',
      'hr-volunteers',
      'hr-staff-skills',
      'hr-training',
      'fin-stability',
      'al-evaluation',
      'fin-diversity',
    ]);
    expect(selectLeastConsensus(aggregate).map((question) => question.questionId)).toEqual(['project-clarity', 'al-partners', 'hr-volunteers']);
    expect(selectLeastConsensus(aggregate, 2).map((question) => question.questionId)).toEqual(['project-clarity', 'al-partners']);
  });

  it('gives an empty group an empty picture', () => {
    const aggregate = aggregateGroup(questionnaire, []);
    expect({ respondentCount: aggregate.respondentCount, roles: aggregate.roles, byRole: aggregate.byRole, versions: aggregate.versions }).toEqual({
      respondentCount: 0,
      roles: [],
      byRole: [],
      versions: [],
    });
    expect(findArea(aggregate, 'project').mean).toBeNull();
  });

  it('adds up every distribution to the respondents it describes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(validAnswersArbitrary(questionnaire), fc.constantFrom(undefined, 'benevole', 'salarie', 'administrateur')), { maxLength: 12 }), (members) => {
        const files = buildFiles(members.map(([answers, role]) => ({ answers, options: { respondent: role ? { role } : {} } })));
        const aggregate = aggregateGroup(questionnaire, files);
        const total = (spread: ScoreSpread) => spread.distribution.reduce((sum, entry) => sum + entry.count, 0);
        for (const spread of [...aggregate.areas, ...aggregate.dimensions]) {
          expect(total(spread)).toBe(files.length);
          expect(spread.scoredCount).toBe(files.length - (spread.distribution.at(-1)?.count ?? 0));
        }
        for (const role of aggregate.byRole) for (const area of role.areas) expect(total(area)).toBe(role.count);
        expect(aggregate.roles.reduce((sum, role) => sum + role.count, 0)).toBe(files.length);
        for (const question of aggregate.questions) {
          expect(question.distribution.reduce((sum, entry) => sum + entry.count, 0)).toBeLessThanOrEqual(files.length);
        }
      }),
    );
  });
});

describe('group membership', () => {
  const createCounter = () => {
    let next = 0;
    return () => `member-${++next}`;
  };

  it.each<{ name: string; current: () => Group | null; joined: (current: Group | null) => Group }>([
    { name: 'starts a group of the answers’ questionnaire when there is none', current: () => null, joined: () => createGroup('test-mse') },
    {
      name: 'keeps a group with members, whatever the questionnaire of the answers',
      current: () => addGroupMembers(createGroup('autre-mse'), [buildAnswersFile(buildAnswers(), { questionnaireId: 'autre-mse' })], () => 'm1').group,
      joined: (current) => current!,
    },
    { name: 'lets an emptied group of another questionnaire take the answers’ one', current: () => createGroup('autre-mse'), joined: () => createGroup('test-mse') },
  ])('$name', ({ current, joined }) => {
    const group = current();
    expect(selectGroupToJoin(group, 'test-mse')).toEqual(joined(group));
  });

  it('adds the files of its questionnaire, older versions included, with fresh ids', () => {
    const files = buildFiles([{}, { options: { version: '1.0.0' } }]);
    const { group, added, rejected } = addGroupMembers(createGroup('test-mse'), files, createCounter());
    expect(added.map((member) => member.id)).toEqual(['member-1', 'member-2']);
    expect(group.members).toEqual(added);
    expect(rejected).toEqual([]);
  });

  const [file] = buildFiles([{}]);
  if (!file) throw new Error('no file');
  const reordered: AnswersFile = { ...file, answers: Object.fromEntries(Object.entries(file.answers).reverse()) };

  it.each<{ name: string; existing: AnswersFile[]; incoming: AnswersFile[]; reason: RegExp; memberCount: number }>([
    {
      name: 'refuses a file of another questionnaire',
      existing: [],
      incoming: [buildAnswersFile(buildAnswers(), { questionnaireId: 'diagnostic-express' })],
      reason: /^Ce fichier répond au questionnaire « diagnostic-express », pas à « test-mse »\.$/,
      memberCount: 0,
    },
    { name: 'refuses a diagnosis already in the group', existing: [file], incoming: [file], reason: /déjà dans le groupe/, memberCount: 1 },
    { name: 'refuses a diagnosis already in the group whatever its key order', existing: [file], incoming: [reordered], reason: /déjà dans le groupe/, memberCount: 1 },
    { name: 'refuses the same diagnosis twice in one import', existing: [], incoming: [file, reordered], reason: /déjà dans le groupe/, memberCount: 1 },
  ])('$name', ({ existing, incoming, reason, memberCount }) => {
    const start = addGroupMembers(createGroup('test-mse'), existing, createCounter()).group;
    const { group, rejected } = addGroupMembers(start, incoming, createCounter());
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatch(reason);
    expect(group.members).toHaveLength(memberCount);
  });

  it('accepts two people who answered alike (their files differ by date)', () => {
    const { added, rejected } = addGroupMembers(createGroup('test-mse'), buildFiles([{}, {}]), createCounter());
    expect({ added: added.length, rejected: rejected.length }).toEqual({ added: 2, rejected: 0 });
  });

  it('removes one member and keeps the others and the agreed answers', () => {
    const { group } = addGroupMembers(createGroup('test-mse'), buildFiles([{}, {}, {}]), createCounter());
    const agreed = recordAgreedAnswer(group, 'al-partners', 'l2');
    const removed = removeGroupMember(agreed, 'member-2');
    expect(removed.members.map((member) => member.id)).toEqual(['member-1', 'member-3']);
    expect(removed.agreedAnswers).toEqual({ 'al-partners': 'l2' });
    expect(agreed.members).toHaveLength(3);
  });

  it('records, replaces and clears an agreed answer without touching the original group', () => {
    const empty = createGroup('test-mse');
    const recorded = recordAgreedAnswer(empty, 'al-partners', 'l2');
    const replaced = recordAgreedAnswer(recorded, 'al-partners', 'l3');
    const cleared = recordAgreedAnswer(replaced, 'al-partners', null);
    expect([empty, recorded, replaced, cleared].map((group) => group.agreedAnswers)).toEqual([{}, { 'al-partners': 'l2' }, { 'al-partners': 'l3' }, {}]);
  });
});

describe('GroupSchema', () => {
  const { group: validGroup } = addGroupMembers(createGroup('test-mse'), buildFiles([{}, {}]), (() => {
    let next = 0;
    return () => `member-${++next}`;
  })());

  it('reads back a stored group', () => {
    const stored: unknown = JSON.parse(JSON.stringify(recordAgreedAnswer(validGroup, 'fin-shares', { subventions: 50, dons: 50 })));
    expect(GroupSchema.parse(stored)).toEqual(recordAgreedAnswer(validGroup, 'fin-shares', { subventions: 50, dons: 50 }));
  });

  it.each<{ name: string; broken: (group: Group) => unknown }>([
    { name: 'a record without agreed answers', broken: ({ agreedAnswers: _dropped, ...rest }) => rest },
    { name: 'a member whose file is not a diagnosis', broken: (group) => ({ ...group, members: [{ id: 'member-1', file: { format: 'autre-chose' } }] }) },
    { name: 'a member without an id', broken: (group) => ({ ...group, members: group.members.map(({ file }) => ({ file })) }) },
    { name: 'two members with the same id', broken: (group) => ({ ...group, members: group.members.map((member) => ({ ...member, id: 'same' })) }) },
    {
      name: 'a member of another questionnaire',
      broken: (group) => ({ ...group, members: [{ id: 'member-9', file: buildAnswersFile(buildAnswers(), { questionnaireId: 'diagnostic-express' }) }] }),
    },
    { name: 'an agreed answer that is no answer', broken: (group) => ({ ...group, agreedAnswers: { 'al-partners': true } }) },
    { name: 'an unknown field', broken: (group) => ({ ...group, extra: 1 }) },
  ])('refuses $name', ({ broken }) => {
    expect(GroupSchema.safeParse(broken(validGroup)).success).toBe(false);
  });
});

describe('proposeConsensusAnswers', () => {
  it.each<{ name: string; id: string; values: (AnswerValue | undefined)[]; proposal: AnswerValue | undefined }>([
    { name: 'takes the median level', id: 'al-partners', values: ['l2', 'l4', 'l4'], proposal: 'l4' },
    { name: 'takes the median level rather than the most frequent one', id: 'al-partners', values: ['l4', 'l1', 'l4', 'l3', 'l1', 'l4'], proposal: 'l3' },
    { name: 'takes the lower of the two middle levels', id: 'al-partners', values: ['l3', 'l2', 'l3', 'l2'], proposal: 'l2' },
    { name: 'prefers a level to « Je ne sais pas » on a tie', id: 'al-partners', values: ['dont-know', 'l4'], proposal: 'l4' },
    { name: 'keeps « Je ne sais pas » when most said so', id: 'al-partners', values: ['dont-know', 'dont-know', 'l4'], proposal: 'dont-know' },
    { name: 'breaks a tie on a plain choice with the first option', id: 'priority-pillar', values: ['strategic-alliances', 'human-resources'], proposal: 'human-resources' },
    { name: 'takes the median of numbers', id: 'volunteers-count', values: [3, 100, 12], proposal: 12 },
    { name: 'rounds the median of an even count for a whole-number question', id: 'volunteers-count', values: [10, 13, 2, 40], proposal: 12 },
    { name: 'keeps the options chosen by at least half', id: 'preferred-kinds', values: [['agir'], ['agir', 'comprendre'], ['se-former'], ['agir']], proposal: ['agir'] },
    { name: 'counts those who chose nothing in the half', id: 'preferred-kinds', values: [['agir'], [], undefined], proposal: undefined },
    { name: 'trims the options to the maximum, most chosen first', id: 'preferred-kinds', values: [['agir', 'comprendre'], ['agir', 'se-former'], ['comprendre', 'agir'], ['se-former', 'comprendre']], proposal: ['comprendre', 'agir'] },
    {
      name: 'averages the shares, rounded to whole percents adding up to 100',
      id: 'fin-shares',
      values: [{ subventions: 100 }, { dons: 100 }, { revenus: 100 }],
      proposal: { subventions: 34, dons: 33, revenus: 33 },
    },
    {
      name: 'averages shares given with decimals',
      id: 'fin-shares',
      values: [{ subventions: 50.5, dons: 49.5, revenus: 0 }, { subventions: 20, dons: 30, revenus: 50 }],
      proposal: { subventions: 35, dons: 40, revenus: 25 },
    },
    { name: 'takes the most frequent text, trimmed', id: 'org-name', values: ['ASBL', ' Les Amis ', 'Les Amis', ''], proposal: 'Les Amis' },
  ])('$name', ({ id, values, proposal }) => {
    const files = values.map((value, index) => {
      // buildAnswers fills every answer: `undefined` stands for a member who left the question out.
      const { [id]: _left, ...others } = buildAnswers();
      return buildAnswersFile(value === undefined ? others : { ...others, [id]: value }, { updatedAt: `2026-11-20T10:0${index}:00.000Z` });
    });
    expect(proposeConsensusAnswers(questionnaire, files)[id]).toEqual(proposal);
  });

  it('leaves out a question the proposal hides, whatever its members answered there', () => {
    const files = buildFiles([{ answers: { 'has-staff': 'non' } }, { answers: { 'has-staff': 'non' } }, { answers: { 'has-staff': 'oui', 'hr-staff-skills': 'l4' } }]);
    const proposal = proposeConsensusAnswers(questionnaire, files);
    expect(proposal['has-staff']).toBe('non');
    expect(proposal).not.toHaveProperty('hr-staff-skills');
  });

  it('takes the votes on a question only from the members who saw it', () => {
    const files = buildFiles([
      { answers: { 'has-staff': 'oui', 'hr-staff-skills': 'l4' } },
      { answers: { 'has-staff': 'oui', 'hr-staff-skills': 'l4' } },
      { answers: { 'has-staff': 'non', 'hr-staff-skills': 'l1' } },
      { answers: { 'has-staff': 'non', 'hr-staff-skills': 'l1' } },
      { answers: { 'has-staff': 'non', 'hr-staff-skills': 'l1' } },
    ]);
    const consensus = buildConsensusAnswers(questionnaire, { ...createGroup('test-mse'), members: files.map((file, index) => ({ id: `m${index}`, file })), agreedAnswers: { 'has-staff': 'oui' } });
    expect(consensus['hr-staff-skills']).toBe('l4');
  });

  it('ignores an answer this version no longer accepts', () => {
    const files = buildFiles([{ answers: { 'al-partners': 'l9' } }, { answers: { 'al-partners': 'l9' } }, { answers: { 'al-partners': 'l1' } }]);
    expect(proposeConsensusAnswers(questionnaire, files)['al-partners']).toBe('l1');
  });

  it('tops a list up to its minimum with the most chosen options, when too few reach half', () => {
    const files = [['benevoles', 'locaux'], ['benevoles', 'financements'], ['outils', 'formation'], ['locaux', 'outils']].map((needs, index) =>
      buildAnswersFile({ ...buildAnswers(), 'support-needs': needs }, { updatedAt: `2026-11-20T10:0${index}:00.000Z` }),
    );
    // benevoles, locaux and outils were each chosen by half: three of them fit the maximum of three.
    expect(proposeConsensusAnswers(withMoreQuestions, files)['support-needs']).toEqual(['benevoles', 'locaux', 'outils']);
    const scattered = [['benevoles', 'locaux'], ['financements', 'outils'], ['formation', 'benevoles']].map((needs, index) =>
      buildAnswersFile({ ...buildAnswers(), 'support-needs': needs }, { updatedAt: `2026-11-20T10:0${index}:00.000Z` }),
    );
    // Only benevoles reaches half; the next most chosen are tied, so the option listed first completes the two.
    expect(proposeConsensusAnswers(withMoreQuestions, scattered)['support-needs']).toEqual(['benevoles', 'financements']);
  });

  it('proposes an answer every member could have given, for any valid answers', () => {
    fc.assert(
      fc.property(fc.array(validAnswersArbitrary(withMoreQuestions), { minLength: 1, maxLength: 8 }), (memberAnswers) => {
        for (const answers of memberAnswers) expect(validateAnswers(withMoreQuestions, answers)).toEqual([]);
        const files = memberAnswers.map((answers, index) => buildAnswersFile(answers, { updatedAt: `2026-11-20T10:0${index}:00.000Z` }));
        const proposal = proposeConsensusAnswers(withMoreQuestions, files);
        expect(validateAnswers(withMoreQuestions, proposal)).toEqual([]);
        const shares = proposal['fin-shares'];
        if (typeof shares === 'object' && !Array.isArray(shares)) expect(sumShares(shares)).toBe(100);
      }),
    );
  });
});

describe('buildConsensusAnswers', () => {
  const files = buildFiles([{ answers: { 'al-partners': 'l1' } }, { answers: { 'al-partners': 'l1' } }, { answers: { 'al-partners': 'l4' } }]);
  const group: Group = { questionnaireId: 'test-mse', members: files.map((file, index) => ({ id: `m${index}`, file })), agreedAnswers: {} };

  it('is the proposal until the group agrees otherwise', () => {
    expect(buildConsensusAnswers(questionnaire, group)).toEqual(proposeConsensusAnswers(questionnaire, files));
  });

  it('takes the agreed answer over the proposal', () => {
    const agreed = recordAgreedAnswer(group, 'al-partners', 'l3');
    expect(buildConsensusAnswers(questionnaire, agreed)['al-partners']).toBe('l3');
    expect(buildConsensusAnswers(questionnaire, recordAgreedAnswer(agreed, 'al-partners', null))['al-partners']).toBe('l1');
  });

  it('keeps visible answers only: an agreed answer to a hidden or unknown question is left out', () => {
    const agreed = [
      (current: Group) => recordAgreedAnswer(current, 'has-staff', 'non'),
      (current: Group) => recordAgreedAnswer(current, 'hr-staff-skills', 'l4'),
      (current: Group) => recordAgreedAnswer(current, 'dropped-question', 'l4'),
    ].reduce((current, record) => record(current), group);
    const consensus = buildConsensusAnswers(questionnaire, agreed);
    expect(consensus).not.toHaveProperty('hr-staff-skills');
    expect(consensus).not.toHaveProperty('dropped-question');
    expect(validateAnswers(questionnaire, consensus)).toEqual([]);
  });

  it('gives a group of identical respondents the diagnosis of any one of them', () => {
    const toolkit = buildToolkit(buildFullToolkitTools());
    const same = buildFiles([{}, {}, {}]);
    const consensus = buildConsensusAnswers(questionnaire, { questionnaireId: 'test-mse', members: same.map((file, index) => ({ id: `m${index}`, file })), agreedAnswers: {} });
    expect(diagnose(questionnaire, toolkit, consensus)).toEqual(diagnose(questionnaire, toolkit, buildAnswers()));
  });
});

describe('groups on the real questionnaires', () => {
  const content = loadContentDirectory(CONTENT_DIR);
  const PERSONAS = ['club-sportif', 'association-sociale', 'federation-regionale'] as const;

  it.each(['complet', 'express'] as const)('the three personas of the %s diagnosis get a valid consensus and a full picture', (variant) => {
    const real = content.questionnaires.find(({ questionnaire: candidate }) => candidate.id === `diagnostic-${variant}`)?.questionnaire;
    if (!real) throw new Error(`diagnostic-${variant} did not load: ${content.errors.join('\n')}`);
    const files = PERSONAS.map((persona) => readPersona(real, `${persona}-${variant}`));
    expect(validateAnswers(real, proposeConsensusAnswers(real, files))).toEqual([]);
    const aggregate = aggregateGroup(real, files);
    expect(aggregate.questions).toHaveLength(listQuestions(real).filter(isRubricQuestion).length);
    expect(aggregate.areas.every((area) => area.scoredCount === 3)).toBe(true);
  });
});

function readPersona(questionnaire: Questionnaire, name: string): AnswersFile {
  const file = path.join(REPO_ROOT, 'tests/fixtures/personas', `${name}.json`);
  if (!existsSync(file)) throw new Error(`${name}.json is missing`);
  const result = parseAnswersFile(JSON.parse(readFileSync(file, 'utf8')), questionnaire);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.file;
}

const NAMES = ['Les Amis du Quartier', 'Basket Club', 'Fédération'];

/** Any answers the form would accept, hidden questions included (a stale answer may stay on them). */
function validAnswersArbitrary(target: Questionnaire): fc.Arbitrary<Answers> {
  // Only an optional question may go unanswered.
  const entries = listQuestions(target).map((question) => {
    const answer = answerArbitrary(question);
    return [question.id, question.required ? answer : fc.option(answer, { nil: undefined })] as const;
  });
  return fc
    .record(Object.fromEntries(entries))
    .map((answers) => Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, AnswerValue] => entry[1] !== undefined)));
}

function answerArbitrary(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case 'single':
      return fc.constantFrom(
        ...question.options.map((option) => option.id),
        ...(question.allowDontKnow ? ['dont-know'] : []),
        ...(question.allowNotApplicable ? ['not-applicable'] : []),
      );
    case 'multiple':
      return fc.subarray(
        question.options.map((option) => option.id),
        { minLength: question.minSelected ?? (question.required ? 1 : 0), maxLength: question.maxSelected ?? question.options.length },
      );
    case 'number':
      // Small numbers, so that a condition like « at least 10 » goes both ways.
      return question.integer ? fc.integer({ min: question.min, max: Math.max(question.min, Math.min(question.max, 40)) }) : fc.double({ min: question.min, max: question.max, noNaN: true });
    case 'shares':
      // Tenths of a percent, so that means fall between whole percents and rounding has work to do.
      return fc
        .array(fc.integer({ min: 0, max: 1000 }), { minLength: question.parts.length - 1, maxLength: question.parts.length - 1 })
        .map((cuts) => {
          const bounds = [0, ...cuts.sort((a, b) => a - b), 1000];
          return Object.fromEntries(question.parts.map((part, index) => [part.id, ((bounds[index + 1] ?? 0) - (bounds[index] ?? 0)) / 10]));
        });
    case 'text':
      return fc.constantFrom(...NAMES.map((name) => name.slice(0, question.maxLength)));
  }
}
