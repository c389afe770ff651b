import type { Answers } from '../../src/domain/answers';
import { evaluateChecks, type CheckWording } from '../../src/domain/coherence-checks';
import { scoreAnswers } from '../../src/domain/scoring';
import { buildAnswers, buildQuestionnaire, buildScores, findQuestionInput } from './fixtures';

const questionnaire = buildQuestionnaire();
const neutralScores = buildScores(questionnaire, {});

function listFlagsOf(checkId: string, answers: Answers, scores = neutralScores) {
  return evaluateChecks(questionnaire, answers, scores).filter((flag) => flag.checkId === checkId);
}

describe('largest-share-above', () => {
  it.each([
    { name: 'a largest share above the threshold raises the flag', shares: { subventions: 62, dons: 30, revenus: 8 }, message: 'La part « Subventions » représente 62 % des ressources.' },
    { name: 'a share exactly at the threshold does not', shares: { subventions: 50, dons: 30, revenus: 20 }, message: null },
    { name: 'a share just above the threshold does, in French notation', shares: { subventions: 20, dons: 29.5, revenus: 50.5 }, message: "La part « Revenus d'activité » représente 50,5 % des ressources." },
  ])('$name', ({ shares, message }) => {
    const flags = listFlagsOf('funding-concentration', buildAnswers({ 'fin-shares': shares }));
    expect(flags.map((flag) => flag.message)).toEqual(message === null ? [] : [message]);
  });

  it('names the part declared first when two parts tie above the threshold', () => {
    const lowThreshold = buildQuestionnaire((input) => {
      const check = input.checks?.[0];
      if (check?.type === 'largest-share-above') check.threshold = 30;
    });
    const flags = evaluateChecks(lowThreshold, buildAnswers({ 'fin-shares': { subventions: 20, dons: 40, revenus: 40 } }), neutralScores);
    expect(flags[0]?.message).toBe('La part « Dons » représente 40 % des ressources.');
  });

  it('ignores the shares of a hidden question', () => {
    const conditional = buildQuestionnaire((input) => {
      findQuestionInput(input, 'fin-shares').showIf = [{ question: 'has-staff', equals: 'oui' }];
    });
    const answers = buildAnswers({ 'has-staff': 'non', 'fin-shares': { subventions: 90, dons: 5, revenus: 5 } });
    expect(evaluateChecks(conditional, answers, neutralScores)).toEqual([]);
    expect(evaluateChecks(conditional, { ...answers, 'has-staff': 'oui' }, neutralScores).map((flag) => flag.checkId)).toEqual(['funding-concentration']);
  });

  it('stays silent without an answer', () => {
    const answers = buildAnswers();
    delete answers['fin-shares'];
    expect(listFlagsOf('funding-concentration', answers)).toEqual([]);
  });
});

describe('pillar-gap-above', () => {
  it.each([
    { name: 'a gap exactly at the threshold does not raise the flag', pillars: { 'human-resources': 40, 'financial-resources': 70, 'strategic-alliances': 55 }, message: null },
    {
      name: 'a gap above the threshold names the strongest and the weakest pillar',
      pillars: { 'human-resources': 40, 'financial-resources': 71, 'strategic-alliances': 55 },
      message: 'Écart de 31 points entre Ressources financières et Richesses humaines.',
    },
    {
      name: 'an insufficient pillar is left out of the comparison',
      pillars: { 'human-resources': null, 'financial-resources': 90, 'strategic-alliances': 20 },
      message: 'Écart de 70 points entre Ressources financières et Alliances stratégiques.',
    },
    { name: 'one scored pillar cannot make a gap', pillars: { 'human-resources': 100, 'financial-resources': null, 'strategic-alliances': null }, message: null },
    { name: 'the project is not a pillar', pillars: { project: 0, 'human-resources': 60, 'financial-resources': 60, 'strategic-alliances': 60 }, message: null },
  ])('$name', ({ pillars, message }) => {
    const flags = listFlagsOf('pillar-imbalance', buildAnswers(), buildScores(questionnaire, pillars));
    expect(flags.map((flag) => flag.message)).toEqual(message === null ? [] : [message]);
  });
});

describe('answer-matches', () => {
  it.each([
    { name: 'all conditions holding raise the flag', overrides: { 'has-staff': 'non', 'al-partners': 'l4' }, isRaised: true },
    { name: 'one condition failing keeps it down', overrides: { 'has-staff': 'non', 'al-partners': 'l3' }, isRaised: false },
    { name: 'the other condition failing keeps it down', overrides: { 'has-staff': 'oui', 'al-partners': 'l4' }, isRaised: false },
  ])('$name', ({ overrides, isRaised }) => {
    const flags = listFlagsOf('alliances-without-staff', buildAnswers(overrides));
    expect(flags).toEqual(isRaised ? [{ checkId: 'alliances-without-staff', message: 'Des alliances ambitieuses sans salarié pour les porter.' }] : []);
  });

  it('does not read the old answer of a hidden question', () => {
    const conditional = buildQuestionnaire((input) => {
      findQuestionInput(input, 'al-partners').showIf = [{ question: 'has-staff', equals: 'oui' }];
    });
    expect(evaluateChecks(conditional, buildAnswers({ 'has-staff': 'non', 'al-partners': 'l4' }), neutralScores)).toEqual([]);
  });
});

describe('evaluateChecks', () => {
  it('returns flags in declaration order, from real scores', () => {
    const answers = buildAnswers({
      'has-staff': 'non',
      'fin-shares': { subventions: 80, dons: 10, revenus: 10 },
      'fin-diversity': 'l1',
      'fin-stability': 'l1',
      'al-partners': 'l4',
      'al-evaluation': 'l4',
    });
    const flags = evaluateChecks(questionnaire, answers, scoreAnswers(questionnaire, answers));
    expect(flags.map((flag) => flag.checkId)).toEqual(['funding-concentration', 'pillar-imbalance', 'alliances-without-staff']);
    expect(flags[1]?.message).toBe('Écart de 100 points entre Alliances stratégiques et Ressources financières.');
  });
});

describe('evaluateChecks in another language', () => {
  // The messages come from the (translated) questionnaire; the wording fills the pillar names and the numbers.
  const english: CheckWording = {
    localeTag: 'en-GB',
    pillarLabels: { project: 'Project', 'human-resources': 'Human resources', 'financial-resources': 'Financial resources', 'strategic-alliances': 'Strategic alliances' },
  };

  it.each([
    {
      name: 'a pillar gap names the English pillars',
      checkId: 'pillar-imbalance',
      answers: buildAnswers(),
      scores: buildScores(questionnaire, { 'human-resources': 40, 'financial-resources': 71, 'strategic-alliances': 55 }),
      message: 'Écart de 31 points entre Financial resources et Human resources.',
    },
    {
      name: 'a share is written with a decimal point',
      checkId: 'funding-concentration',
      answers: buildAnswers({ 'fin-shares': { subventions: 20, dons: 29.5, revenus: 50.5 } }),
      scores: neutralScores,
      message: "La part « Revenus d'activité » représente 50.5 % des ressources.",
    },
  ])('$name', ({ checkId, answers, scores, message }) => {
    const flags = evaluateChecks(questionnaire, answers, scores, english).filter((flag) => flag.checkId === checkId);
    expect(flags.map((flag) => flag.message)).toEqual([message]);
  });
});
