import fc from 'fast-check';
import { HORIZONS, PILLAR_IDS, TOOL_KINDS, type Questionnaire, type ToolKind, type Toolkit } from '../../src/domain/questionnaire-schema';
import type { Answers } from '../../src/domain/answers';
import { evaluateChecks, type Flag } from '../../src/domain/coherence-checks';
import { scoreAnswers } from '../../src/domain/scoring';
import {
  FRENCH_PATH_WORDING,
  PATH_MAX_STEPS,
  PATH_MIN_STEPS,
  buildToolkitPath,
  describePathReason,
  type PathReasonCause,
  type PathStep,
} from '../../src/domain/toolkit-path';
import { FRENCH_REPORT_WORDING, loadReportWording, type ReportWording } from '../../src/report/report-wording';
import {
  LEVEL_IDS,
  RUBRIC_QUESTION_IDS,
  buildAnswers,
  buildFullToolkitTools,
  buildQuestionnaire,
  buildToolkit,
  tool,
  type ToolInput,
} from './fixtures';

const questionnaire = buildQuestionnaire();

/** The path as the app computes it: real scores and real flags (unless flags are given). */
function buildPath(tools: ToolInput[], overrides: Answers = {}, options: { flags?: Flag[]; questionnaire?: Questionnaire } = {}): PathStep[] {
  const usedQuestionnaire = options.questionnaire ?? questionnaire;
  const answers = buildAnswers(overrides);
  const scores = scoreAnswers(usedQuestionnaire, answers);
  const flags = options.flags ?? evaluateChecks(usedQuestionnaire, answers, scores);
  return buildToolkitPath({ questionnaire: usedQuestionnaire, toolkit: buildToolkit(tools), answers, scores, flags });
}

const listIds = (path: PathStep[]) => path.map((step) => step.toolId);
const listPillarsInOrder = (path: PathStep[]) => [...new Set(path.filter((step) => step.trigger === 'level').map((step) => step.pillar))];

// The fixture answers score financial resources 17 ("À initier", the priority), human resources
// 44 ("En structuration") and alliances 67 ("Structuré"), and raise the pillar-imbalance flag.
describe('buildToolkitPath with one tool per pillar and kind', () => {
  it('gives the priority pillar five steps, the second four and the third three, ordered by horizon', () => {
    expect(listIds(buildPath(buildFullToolkitTools()))).toEqual([
      'financial-resources-comprendre',
      'financial-resources-s-informer',
      'financial-resources-se-former',
      'financial-resources-agir',
      'financial-resources-accompagner',
      'human-resources-comprendre',
      'human-resources-s-informer',
      'human-resources-se-former',
      'human-resources-agir',
      'strategic-alliances-comprendre',
      'strategic-alliances-s-informer',
      'strategic-alliances-se-former',
    ]);
  });

  it('numbers the steps from 1', () => {
    expect(buildPath(buildFullToolkitTools()).map((step) => step.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it.each([
    { rank: 'the priority pillar', pillar: 'financial-resources', horizons: { comprendre: '18-mois', 's-informer': '18-mois', 'se-former': '18-mois', agir: '18-mois', accompagner: '18-mois' } },
    { rank: 'the second pillar', pillar: 'human-resources', horizons: { comprendre: '18-mois', 's-informer': '18-mois', 'se-former': '2030', agir: '2030' } },
    { rank: 'the third pillar', pillar: 'strategic-alliances', horizons: { comprendre: '2030', 's-informer': '2030', 'se-former': '2030' } },
  ])('places the steps of $rank at their horizons', ({ pillar, horizons }) => {
    const steps = buildPath(buildFullToolkitTools()).filter((step) => step.pillar === pillar);
    expect(Object.fromEntries(steps.map((step) => [step.kind, step.horizon]))).toEqual(horizons);
  });

  it('explains each step in one French sentence', () => {
    const path = buildPath(buildFullToolkitTools());
    expect(path[0]?.reason).toBe(
      'Parce que les ressources financières sont votre priorité et que votre niveau y est « À initier » : commencer par comprendre les fondamentaux.',
    );
    expect(path.find((step) => step.toolId === 'human-resources-agir')?.reason).toBe(
      "Parce que votre niveau sur les richesses humaines est « En structuration » : passer à l’action, pas à pas.",
    );
  });

  it.each([
    { priority: 'strategic-alliances', order: ['strategic-alliances', 'financial-resources', 'human-resources'] },
    { priority: 'human-resources', order: ['human-resources', 'financial-resources', 'strategic-alliances'] },
    { priority: undefined, order: ['financial-resources', 'human-resources', 'strategic-alliances'] },
  ])('puts $priority first, then the others from the weakest score', ({ priority, order }) => {
    const path = buildPath(buildFullToolkitTools(), { 'priority-pillar': priority ?? 'not-an-answer' });
    expect(listPillarsInOrder(path)).toEqual(order);
    expect(path[0]?.pillar).toBe(order[0]);
  });

  it('treats a pillar with insufficient data as the weakest and at the lowest level', () => {
    const tools = [
      ...buildFullToolkitTools().filter((candidate) => !candidate.id.startsWith('human-resources')),
      tool('hr-first-steps', 'comprendre', ['human-resources'], ['a-initier']),
      tool('hr-advanced', 's-informer', ['human-resources'], ['en-structuration', 'structure', 'consolide']),
    ];
    const path = buildPath(tools, { 'priority-pillar': 'strategic-alliances', 'hr-volunteers': 'dont-know', 'hr-training': 'dont-know' });
    expect(listPillarsInOrder(path)).toEqual(['strategic-alliances', 'human-resources', 'financial-resources']);
    expect(path.filter((step) => step.pillar === 'human-resources').map((step) => step.toolId)).toEqual(['hr-first-steps']);
    expect(path.find((step) => step.toolId === 'hr-first-steps')?.reason).toBe(
      'Parce que vos réponses sur les richesses humaines ne suffisent pas encore à situer votre niveau : commencer par comprendre les fondamentaux.',
    );
  });

  it('keeps the preferred kinds within a small quota', () => {
    const path = buildPath(buildFullToolkitTools(), { 'preferred-kinds': ['accompagner'] });
    expect(path.filter((step) => step.pillar === 'strategic-alliances').map((step) => step.kind)).toEqual(['comprendre', 's-informer', 'accompagner']);
    expect(path.filter((step) => step.pillar === 'human-resources').map((step) => step.kind)).toEqual(['comprendre', 's-informer', 'se-former', 'accompagner']);
  });

  it('does not let the priority horizon delay the first steps', () => {
    const nearPath = buildPath(buildFullToolkitTools(), { 'priority-horizon': '18-mois' });
    expect(buildPath(buildFullToolkitTools(), { 'priority-horizon': '2050' })).toEqual(nearPath);
  });

  it('moves a tool to its own later horizon', () => {
    const tools = buildFullToolkitTools().map((candidate) =>
      candidate.id === 'financial-resources-agir' ? { ...candidate, horizon: '2050' as const } : candidate,
    );
    const path = buildPath(tools);
    expect(path.find((step) => step.toolId === 'financial-resources-agir')?.horizon).toBe('2050');
    expect(path.at(-1)?.toolId).toBe('financial-resources-agir');
  });
});

describe('buildToolkitPath chooses tools', () => {
  const otherPillarsTools = () => buildFullToolkitTools().filter((candidate) => !candidate.id.startsWith('financial-resources'));

  it('only picks tools for the pillar’s level', () => {
    const tools = [
      ...otherPillarsTools(),
      tool('fin-basics', 'agir', ['financial-resources'], ['a-initier']),
      tool('fin-expert', 'comprendre', ['financial-resources'], ['consolide']),
      tool('fin-investment', 's-informer', ['financial-resources'], ['structure', 'consolide']),
    ];
    expect(buildPath(tools).filter((step) => step.pillar === 'financial-resources').map((step) => step.toolId)).toEqual(['fin-basics']);
  });

  it('keeps one tool per kind per pillar, the first in the catalogue', () => {
    const tools = [
      ...otherPillarsTools(),
      tool('fin-guide-a', 'comprendre', ['financial-resources']),
      tool('fin-guide-b', 'comprendre', ['financial-resources']),
    ];
    expect(buildPath(tools).filter((step) => step.pillar === 'financial-resources').map((step) => step.toolId)).toEqual(['fin-guide-a']);
  });

  it('never repeats a tool that serves two pillars', () => {
    const tools = [...buildFullToolkitTools(), tool('shared-guide', 'comprendre', ['human-resources', 'financial-resources'])].filter(
      (candidate) => candidate.id !== 'financial-resources-comprendre' && candidate.id !== 'human-resources-comprendre',
    );
    const path = buildPath(tools);
    expect(path.filter((step) => step.toolId === 'shared-guide')).toHaveLength(1);
    expect(new Set(listIds(path)).size).toBe(path.length);
  });
});

describe('buildToolkitPath triggers', () => {
  const balanceTool = tool('balance-guide', 'accompagner', ['strategic-alliances'], ['consolide'], {
    triggers: [{ type: 'flag', check: 'pillar-imbalance' }],
  });
  const mixTool = tool('funding-mix-webinar', 's-informer', ['financial-resources'], ['consolide'], {
    triggers: [{ type: 'dont-know', dimension: 'fin-mix' }],
  });
  const skillsTool = tool('skills-webinar', 's-informer', ['human-resources'], ['consolide'], {
    triggers: [{ type: 'dont-know', dimension: 'hr-skills' }],
  });

  it('adds a tool triggered by a raised flag, soon, citing the flag', () => {
    const step = buildPath([...buildFullToolkitTools(), balanceTool]).find((candidate) => candidate.toolId === 'balance-guide');
    expect(step).toMatchObject({ trigger: 'flag', horizon: '18-mois', pillar: 'strategic-alliances' });
    expect(step?.reason).toBe(
      'Parce que « Écart de 50 points entre Alliances stratégiques et Ressources financières » : être accompagné pour avancer dans la durée.',
    );
  });

  it('leaves a flag-triggered tool out when the flag is down', () => {
    expect(listIds(buildPath([...buildFullToolkitTools(), balanceTool], {}, { flags: [] }))).not.toContain('balance-guide');
  });

  it('adds a tool triggered by "Je ne sais pas" on its dimension', () => {
    const step = buildPath([...buildFullToolkitTools(), mixTool], { 'fin-diversity': 'dont-know' }).find((candidate) => candidate.toolId === 'funding-mix-webinar');
    expect(step).toMatchObject({ trigger: 'dont-know', horizon: '18-mois' });
    expect(step?.reason).toBe('Parce que vous avez répondu « Je ne sais pas » sur « Diversité des financements » : s’informer d’abord.');
  });

  it.each<{ name: string; overrides: Answers }>([
    { name: 'an answer on another dimension', overrides: { 'hr-training': 'dont-know' } },
    { name: 'an ordinary answer', overrides: {} },
  ])('does not add a "Je ne sais pas" tool for $name', ({ overrides }) => {
    expect(listIds(buildPath([...buildFullToolkitTools(), mixTool], overrides))).not.toContain('funding-mix-webinar');
  });

  it('ignores "Je ne sais pas" on a hidden question', () => {
    const hidden = { 'has-staff': 'non', 'hr-staff-skills': 'dont-know' };
    expect(listIds(buildPath([...buildFullToolkitTools(), skillsTool], hidden))).not.toContain('skills-webinar');
    expect(listIds(buildPath([...buildFullToolkitTools(), skillsTool], { ...hidden, 'has-staff': 'oui' }))).toContain('skills-webinar');
  });

  it('adds at most three triggered tools, in catalogue order, and stops at fifteen steps', () => {
    const triggered = ['t-one', 't-two', 't-three', 't-four', 't-five'].map((id) =>
      tool(id, 'agir', ['strategic-alliances'], ['consolide'], { triggers: [{ type: 'flag', check: 'pillar-imbalance' }] }),
    );
    const path = buildPath([...buildFullToolkitTools(), ...triggered]);
    expect(path.filter((step) => step.trigger !== 'level').map((step) => step.toolId)).toEqual(['t-one', 't-two', 't-three']);
    expect(path).toHaveLength(PATH_MAX_STEPS);
  });

  it('keeps a triggered tool’s own later horizon', () => {
    const farTool = { ...balanceTool, horizon: '2050' as const };
    expect(buildPath([...buildFullToolkitTools(), farTool]).find((step) => step.toolId === 'balance-guide')?.horizon).toBe('2050');
  });
});

describe('buildToolkitPath length', () => {
  it('fills a short path up to six steps, first with neighbouring levels', () => {
    // Every pillar sits at "À initier" or "En structuration"; only the financial tools below fit.
    const tools = [
      tool('fin-now', 'comprendre', ['financial-resources'], ['a-initier']),
      tool('fin-next-a', 'agir', ['financial-resources'], ['en-structuration']),
      tool('fin-next-b', 'se-former', ['financial-resources'], ['en-structuration']),
      tool('hr-far', 'comprendre', ['human-resources'], ['consolide']),
      tool('al-far', 'comprendre', ['strategic-alliances'], ['a-initier']),
      tool('fin-far-a', 'comprendre', ['financial-resources'], ['consolide']),
      tool('fin-far-b', 'comprendre', ['financial-resources'], ['consolide']),
      tool('fin-far-c', 'comprendre', ['financial-resources'], ['consolide']),
    ];
    const path = buildPath(tools, { 'al-partners': 'l1', 'al-evaluation': 'l1' });
    expect(path).toHaveLength(PATH_MIN_STEPS);
    expect(listIds(path).sort()).toEqual(['al-far', 'fin-far-a', 'fin-next-a', 'fin-next-b', 'fin-now', 'hr-far'].sort());
    expect(path.find((step) => step.toolId === 'fin-next-a')?.reason).toBe(
      "Parce que cet outil complète votre parcours sur les ressources financières : passer à l’action, pas à pas.",
    );
  });

  it('returns every tool when the toolkit has fewer than six', () => {
    const tools = [tool('only-a', 'comprendre', ['human-resources'], ['consolide']), tool('only-b', 'agir', ['financial-resources'], ['consolide'])];
    expect(listIds(buildPath(tools)).sort()).toEqual(['only-a', 'only-b']);
  });
});

const TRIGGER_ARBITRARY = fc.oneof(
  fc.constantFrom('funding-concentration', 'pillar-imbalance', 'alliances-without-staff').map((check) => ({ type: 'flag' as const, check })),
  fc.constantFrom(...questionnaire.dimensions.map((dimension) => dimension.id)).map((dimension) => ({ type: 'dont-know' as const, dimension })),
);

const toolkitArbitrary: fc.Arbitrary<Toolkit> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...TOOL_KINDS),
      pillars: fc.subarray([...PILLAR_IDS], { minLength: 1 }),
      levels: fc.subarray([...LEVEL_IDS], { minLength: 1 }),
      horizon: fc.option(fc.constantFrom(...HORIZONS), { nil: undefined }),
      triggers: fc.option(fc.array(TRIGGER_ARBITRARY, { maxLength: 2 }), { nil: undefined }),
    }),
    { minLength: PATH_MIN_STEPS, maxLength: 30 },
  )
  .map((tools) => buildToolkit(tools.map(({ kind, pillars, levels, ...extra }, index) => tool(`tool-${index}`, kind, pillars, levels, extra))));

const answersArbitrary: fc.Arbitrary<Answers> = fc
  .record({
    rubric: fc.array(fc.constantFrom('l1', 'l2', 'l3', 'l4', 'dont-know', 'not-applicable'), {
      minLength: RUBRIC_QUESTION_IDS.length,
      maxLength: RUBRIC_QUESTION_IDS.length,
    }),
    hasStaff: fc.constantFrom('oui', 'non'),
    priority: fc.constantFrom(...PILLAR_IDS, 'dont-know'),
    preferredKinds: fc.subarray([...TOOL_KINDS], { maxLength: 2 }),
    shares: fc.constantFrom({ subventions: 90, dons: 5, revenus: 5 }, { subventions: 34, dons: 33, revenus: 33 }),
  })
  .map(({ rubric, hasStaff, priority, preferredKinds, shares }) =>
    buildAnswers({
      ...Object.fromEntries(RUBRIC_QUESTION_IDS.map((id, index) => [id, rubric[index] ?? 'l1'])),
      'has-staff': hasStaff,
      'priority-pillar': priority,
      'preferred-kinds': preferredKinds,
      'fin-shares': shares,
    }),
  );

describe('buildToolkitPath properties', () => {
  it('is deterministic and has 6 to 15 well-formed steps when the toolkit has at least 6 tools', () => {
    fc.assert(
      fc.property(toolkitArbitrary, answersArbitrary, (toolkit, answers) => {
        const scores = scoreAnswers(questionnaire, answers);
        const flags = evaluateChecks(questionnaire, answers, scores);
        const path = buildToolkitPath({ questionnaire, toolkit, answers, scores, flags });
        const again = buildToolkitPath(structuredClone({ questionnaire, toolkit, answers, scores, flags }));

        expect(again).toEqual(path);
        expect(path.length).toBeGreaterThanOrEqual(PATH_MIN_STEPS);
        expect(path.length).toBeLessThanOrEqual(PATH_MAX_STEPS);
        expect(path.map((step) => step.order)).toEqual(path.map((_, index) => index + 1));
        expect(new Set(listIds(path)).size).toBe(path.length);
        expect(path.filter((step) => step.trigger !== 'level').length).toBeLessThanOrEqual(3);
        const horizonIndexes = path.map((step) => HORIZONS.indexOf(step.horizon));
        expect(horizonIndexes).toEqual([...horizonIndexes].sort((a, b) => a - b));
        for (const step of path) {
          expect(step.reason).toMatch(/^Parce que .+\.$/);
          if (step.horizon === '2050') expect(step.tool.horizon).toBe('2050');
          if (step.pillar !== null) expect(step.tool.pillars).toContain(step.pillar);
        }
      }),
    );
  });
});

describe('path reasons in another language', () => {
  let english: ReportWording;
  beforeAll(async () => {
    english = await loadReportWording('en');
  });

  it.each<{ name: string; cause: PathReasonCause; kind: ToolKind; french: string; english: string }>([
    {
      name: 'the priority pillar at a level',
      cause: { type: 'level', pillar: 'financial-resources', isPriority: true, levelLabel: 'Emerging' },
      kind: 'comprendre',
      french: 'Parce que les ressources financières sont votre priorité et que votre niveau y est « Emerging » : commencer par comprendre les fondamentaux.',
      english: 'Because financial resources are your priority and your level there is “Emerging”: start by understanding the fundamentals.',
    },
    {
      name: 'the priority pillar not yet placed',
      cause: { type: 'level', pillar: 'human-resources', isPriority: true, levelLabel: null },
      kind: 's-informer',
      french: 'Parce que les richesses humaines sont votre priorité et que vos réponses ne suffisent pas encore à y situer votre niveau : s’informer pour y voir plus clair.',
      english: 'Because human resources are your priority and your answers are not yet enough to place your level there: get informed to see more clearly.',
    },
    {
      name: 'another pillar at a level',
      cause: { type: 'level', pillar: 'strategic-alliances', isPriority: false, levelLabel: 'Taking shape' },
      kind: 'agir',
      french: 'Parce que votre niveau sur les alliances stratégiques est « Taking shape » : passer à l’action, pas à pas.',
      english: 'Because your level in strategic alliances is “Taking shape”: take action, step by step.',
    },
    {
      name: 'another pillar not yet placed',
      cause: { type: 'level', pillar: 'human-resources', isPriority: false, levelLabel: null },
      kind: 'se-former',
      french: 'Parce que vos réponses sur les richesses humaines ne suffisent pas encore à situer votre niveau : se former pour monter en compétences.',
      english: 'Because your answers on human resources are not yet enough to place your level: get trained to build up skills.',
    },
    {
      name: 'a tool that tops the path up',
      cause: { type: 'fill', pillar: 'financial-resources' },
      kind: 'accompagner',
      french: 'Parce que cet outil complète votre parcours sur les ressources financières : être accompagné pour avancer dans la durée.',
      english: 'Because this tool completes your path on financial resources: get support to make lasting progress.',
    },
    {
      name: 'a raised flag',
      cause: { type: 'flag', message: 'A 50-point gap between two pillars' },
      kind: 'accompagner',
      french: 'Parce que « A 50-point gap between two pillars » : être accompagné pour avancer dans la durée.',
      english: 'Because “A 50-point gap between two pillars”: get support to make lasting progress.',
    },
    {
      name: 'an « I don’t know » answer',
      cause: { type: 'dont-know', dimensionLabel: 'Funding mix' },
      kind: 's-informer',
      french: 'Parce que vous avez répondu « Je ne sais pas » sur « Funding mix » : s’informer d’abord.',
      english: 'Because you answered “I don’t know” on “Funding mix”: get informed first.',
    },
  ])('words $name in English, and in French the same from the catalogue as from the domain', ({ cause, kind, french, english: expected }) => {
    expect(describePathReason({ cause, kind }, english.diagnosis.path)).toBe(expected);
    expect(describePathReason({ cause, kind })).toBe(french);
    expect(FRENCH_REPORT_WORDING.diagnosis.path.describeReason(cause, kind)).toBe(FRENCH_PATH_WORDING.describeReason(cause, kind));
  });

  it('builds the same path in English, each step keeping why it is there', () => {
    const answers = buildAnswers();
    const scores = scoreAnswers(questionnaire, answers);
    const flags = evaluateChecks(questionnaire, answers, scores);
    const input = { questionnaire, toolkit: buildToolkit(buildFullToolkitTools()), answers, scores, flags };
    const french = buildToolkitPath(input);
    const inEnglish = buildToolkitPath({ ...input, wording: english.diagnosis.path });
    expect(inEnglish.map((step) => [step.toolId, step.order, step.cause])).toEqual(french.map((step) => [step.toolId, step.order, step.cause]));
    expect(inEnglish[0]?.cause).toEqual({ type: 'level', pillar: 'financial-resources', isPriority: true, levelLabel: 'À initier' });
    expect(inEnglish[0]?.reason).toBe('Because financial resources are your priority and your level there is “À initier”: start by understanding the fundamentals.');
    for (const step of inEnglish) expect(step.reason).toMatch(/^Because .+\.$/);
    // Re-worded afterwards, a French path reads exactly like one computed in English.
    expect(french.map((step) => describePathReason(step, english.diagnosis.path))).toEqual(inEnglish.map((step) => step.reason));
  });
});
