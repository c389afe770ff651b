import { describeHighlight } from '../../src/domain/highlights';
import { markPathStep, notePathStep, readPathStepProgress } from '../../src/domain/path-progress';
import { findNextLevel, type DimensionScore } from '../../src/domain/scoring';
import { buildQuestionnaire } from './fixtures';

const { levels } = buildQuestionnaire();

function dimension(score: number | null, levelId: string | null, extra: Partial<DimensionScore> = {}): DimensionScore {
  return {
    id: 'hr-skills',
    area: 'human-resources',
    label: 'Compétences',
    score,
    level: levels.find((level) => level.id === levelId) ?? null,
    answeredCount: 2,
    notApplicableCount: 0,
    dontKnowCount: 0,
    questionCount: 2,
    isInsufficient: score === null,
    isNotApplicable: false,
    ...extra,
  };
}

describe('findNextLevel', () => {
  it.each([
    ['a-initier', 'en-structuration'],
    ['en-structuration', 'structure'],
    ['structure', 'consolide'],
    ['consolide', null],
    ['inconnu', null],
  ])('after %s comes %s', (current, next) => {
    expect(findNextLevel(levels, { id: current })?.id ?? null).toBe(next);
  });

  it('does not depend on the order the levels are given in', () => {
    expect(findNextLevel([...levels].reverse(), { id: 'a-initier' })?.id).toBe('en-structuration');
  });
});

describe('describeHighlight', () => {
  it.each([
    ['a strength below the top level', dimension(67, 'structure'), 'strength', 'Compétences (Richesses humaines) : 67 / 100, structuré — un appui pour la suite.'],
    ['a strength at the top level', dimension(90, 'consolide'), 'strength', 'Compétences (Richesses humaines) : 90 / 100, consolidé — un point d’appui solide pour la suite.'],
    ['a fragility at the lowest level', dimension(20, 'a-initier'), 'fragility', 'Compétences (Richesses humaines) : 20 / 100, à initier — une piste à travailler en priorité.'],
    ['a fragility above the lowest level', dimension(50, 'en-structuration'), 'fragility', 'Compétences (Richesses humaines) : 50 / 100, en structuration — une marge de progrès à travailler.'],
  ] as const)('describes %s in one sentence', (_case, highlighted, kind, sentence) => {
    expect(describeHighlight(highlighted, kind, levels)).toBe(sentence);
  });
});

describe('path progress', () => {
  it('reads a step never touched as "à faire" without a note', () => {
    expect(readPathStepProgress({}, 'guide')).toEqual({ status: 'todo' });
  });

  it('marks a step and keeps its note', () => {
    const noted = notePathStep({}, 'guide', 'Vu en bureau');
    expect(markPathStep(noted, 'guide', 'done')).toEqual({ guide: { status: 'done', note: 'Vu en bureau' } });
  });

  it('leaves out a step back to "à faire" with no note, so files stay as they were', () => {
    expect(markPathStep({ guide: { status: 'done' } }, 'guide', 'todo')).toEqual({});
  });

  it('removes an emptied note and keeps the status', () => {
    expect(notePathStep({ guide: { status: 'not-relevant', note: 'x' } }, 'guide', '  ')).toEqual({ guide: { status: 'not-relevant' } });
  });

  it('cuts a note to the 2000 characters the answers file accepts', () => {
    expect(notePathStep({}, 'guide', 'a'.repeat(2500)).guide?.note).toHaveLength(2000);
  });

  it('leaves the other steps untouched', () => {
    const progress = { kit: { status: 'done' as const } };
    expect(markPathStep(progress, 'guide', 'not-relevant')).toEqual({ kit: { status: 'done' }, guide: { status: 'not-relevant' } });
  });
});
