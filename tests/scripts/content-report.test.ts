import { buildCoverageTable } from '../../src/domain/content-checks';
import { formatCoverageTable, formatQuestionnaireSummary, formatTranslationSummary } from '../../scripts/lib/content-report';
import { buildQuestionnaire, buildToolkit, tool } from '../domain/fixtures';

describe('formatCoverageTable', () => {
  const toolkit = buildToolkit([
    tool('a', 'comprendre', ['human-resources', 'financial-resources', 'strategic-alliances'], ['bas', 'haut']),
    tool('b', 'agir', ['human-resources', 'financial-resources', 'strategic-alliances'], ['bas', 'haut']),
    tool('c', 'agir', ['human-resources'], ['bas']),
    tool('d', 'accompagner', ['human-resources', 'financial-resources', 'strategic-alliances'], ['bas']),
  ]);
  const lines = formatCoverageTable(buildCoverageTable(toolkit, [{ id: 'bas' }, { id: 'haut' }]));

  it('prints one row per pillar and level, one column per kind, and marks the gaps', () => {
    expect(lines).toEqual([
      'pillar               level  comprendre  s-informer  se-former  agir  accompagner  kinds',
      'human-resources      bas             1           -          -     2            1      3',
      'human-resources      haut            1           -          -     1            -      2  <- gap (fewer than 3 kinds)',
      'financial-resources  bas             1           -          -     1            1      3',
      'financial-resources  haut            1           -          -     1            -      2  <- gap (fewer than 3 kinds)',
      'strategic-alliances  bas             1           -          -     1            1      3',
      'strategic-alliances  haut            1           -          -     1            -      2  <- gap (fewer than 3 kinds)',
    ]);
  });
});

describe('formatQuestionnaireSummary', () => {
  it('gives the questions in all, shown by default and per area, and the estimated time beside the declared one', () => {
    expect(formatQuestionnaireSummary('questionnaires/test.yaml', buildQuestionnaire())).toBe(
      'questionnaires/test.yaml: test-mse 1.2.0, 15 questions (14 shown by default); ' +
        'rubric questions: project 1, human-resources 3, financial-resources 2, strategic-alliances 2; estimated 7 min, declared 20 min',
    );
  });
});

describe('formatTranslationSummary', () => {
  it('names the translation’s locale, its source and what it covers', () => {
    const questionnaire = { ...buildQuestionnaire(), locale: 'en-GB' };
    const toolkit = { ...buildToolkit([tool('a', 'agir', ['human-resources'])]), locale: 'en-GB' };

    expect(formatTranslationSummary('questionnaires/test.en.yaml', questionnaire)).toBe('questionnaires/test.en.yaml: en-GB translation of test-mse 1.2.0, 15 questions');
    expect(formatTranslationSummary('questionnaires/toolkit.en.yaml', toolkit)).toBe(`questionnaires/toolkit.en.yaml: en-GB translation of ${toolkit.id} ${toolkit.version}, 1 tool`);
  });
});
