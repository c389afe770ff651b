import { PILLAR_IDS } from '../../src/domain/questionnaire-schema';
import { diagnose, summarizeDiagnosis } from '../../src/domain/diagnose';
import { buildAnswers, buildFullToolkitTools, buildQuestionnaire, buildToolkit } from './fixtures';

const questionnaire = buildQuestionnaire();
const toolkit = buildToolkit(
  buildFullToolkitTools().map((candidate) =>
    candidate.id === 'financial-resources-comprendre' ? { ...candidate, url: 'https://trajectoires-socio-economiques.odd17.org/' } : candidate,
  ),
);

describe('diagnose', () => {
  it('derives scores, flags and path from the answers alone', () => {
    const diagnosis = diagnose(questionnaire, toolkit, buildAnswers());
    expect(diagnosis.project).toMatchObject({ id: 'project', score: null, isInsufficient: true });
    expect(diagnosis.pillars.map((area) => [area.id, area.score])).toEqual([
      ['human-resources', 44],
      ['financial-resources', 17],
      ['strategic-alliances', 67],
    ]);
    expect(diagnosis.flags.map((flag) => flag.checkId)).toEqual(['pillar-imbalance']);
    expect(diagnosis.path[0]?.toolId).toBe('financial-resources-comprendre');
  });
});

describe('summarizeDiagnosis', () => {
  const summary = summarizeDiagnosis(questionnaire, diagnose(questionnaire, toolkit, buildAnswers()));

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('names pillars in French and levels by id and label', () => {
    expect(summary.questionnaire).toEqual({ id: 'test-mse', version: '1.2.0' });
    expect(summary.project).toEqual({ id: 'project', score: null, level: null });
    expect(summary.pillars).toEqual([
      { id: PILLAR_IDS[0], label: 'Richesses humaines', score: 44, level: 'en-structuration', levelLabel: 'En structuration' },
      { id: PILLAR_IDS[1], label: 'Ressources financières', score: 17, level: 'a-initier', levelLabel: 'À initier' },
      { id: PILLAR_IDS[2], label: 'Alliances stratégiques', score: 67, level: 'structure', levelLabel: 'Structuré' },
    ]);
    expect(summary.dimensions[1]).toEqual({ id: 'hr-people', area: 'human-resources', score: 33, level: 'a-initier' });
  });

  it('lists path steps with their tool title, and a url only when the tool has one', () => {
    expect(summary.path[0]).toEqual({
      order: 1,
      toolId: 'financial-resources-comprendre',
      title: 'Outil financial-resources-comprendre',
      pillar: 'financial-resources',
      kind: 'comprendre',
      horizon: '18-mois',
      reason: expect.stringMatching(/^Parce que les ressources financières sont votre priorité/),
      url: 'https://trajectoires-socio-economiques.odd17.org/',
    });
    expect(summary.path[1]).not.toHaveProperty('url');
  });
});
