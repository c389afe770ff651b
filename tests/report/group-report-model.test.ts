import { createAnswersFile, type Answers, type AnswersFile } from '../../src/domain/answers';
import { diagnose } from '../../src/domain/diagnose';
import { addGroupMembers, buildConsensusAnswers, createGroup, recordAgreedAnswer, type Group } from '../../src/domain/group';
import { buildGroupReportModel, type GroupReportModel } from '../../src/report/group-report-model';
import { REPORT_DATE, UNICODE_ORGANISATION_NAME, reportAnswers, reportQuestionnaire, reportToolkit } from './report-fixture';

interface MemberInput {
  answers?: Answers;
  respondent?: AnswersFile['respondent'];
  version?: string;
}

function buildGroup(inputs: readonly MemberInput[]): Group {
  const files = inputs.map(({ answers = {}, respondent = {}, version = reportQuestionnaire.version }, index) =>
    createAnswersFile({ id: reportQuestionnaire.id, version }, { ...reportAnswers, ...answers }, new Date(REPORT_DATE.getTime() + index * 60_000), { respondent }),
  );
  let next = 0;
  return addGroupMembers(createGroup(reportQuestionnaire.id), files, () => `m${(next += 1)}`).group;
}

const board: MemberInput[] = [
  { respondent: { name: 'Camille Durand', role: 'administrateur' }, answers: { 'projet-clair': 'a', pairs: 'a' } },
  { respondent: { name: 'Lou Martin', role: 'benevole' }, answers: { 'projet-clair': 'd', pairs: 'b' } },
  { respondent: { role: 'benevole' }, answers: { 'projet-clair': 'd', pairs: 'a', 'accueil-benevoles': 'c' } },
  { respondent: {}, version: '1.1.0', answers: { 'projet-clair': 'b' } },
];

function build(group: Group, showNames = false): GroupReportModel {
  return buildGroupReportModel({ questionnaire: reportQuestionnaire, toolkit: reportToolkit, group, generatedAt: REPORT_DATE, showNames });
}

describe('buildGroupReportModel', () => {
  const group = buildGroup(board);
  const model = build(group);

  it('names the file and the cover after the organisation in the consensus answers, and orders the sections', () => {
    expect(model.organisationName).toBe(UNICODE_ORGANISATION_NAME);
    expect(model.fileName).toBe('trajectoires-collectif-association-les-amis-de-l-oeuvre-ciric-2026-11-22.pdf');
    expect(model.cover).toEqual(expect.objectContaining({ title: 'Diagnostic collectif', respondentsLabel: '4 répondant·es', dateLabel: '22 novembre 2026' }));
    expect(model.outline.map((section) => section.id)).toEqual(['cover', 'participants', 'distributions', 'least-consensus', 'consensus', 'path', 'method']);
  });

  it('lists the participants by number and role, names only when the facilitator shows them', () => {
    expect(model.participants.respondents.map((respondent) => respondent.label)).toEqual([
      'Répondant·e 1 · Administrateur·rice',
      'Répondant·e 2 · Bénévole',
      'Répondant·e 3 · Bénévole',
      'Répondant·e 4',
    ]);
    expect(JSON.stringify(model)).not.toMatch(/Camille|Lou Martin/);
    expect(build(group, true).participants.respondents.map((respondent) => respondent.label).slice(0, 2)).toEqual([
      'Camille Durand · Administrateur·rice',
      'Lou Martin · Bénévole',
    ]);
    expect(model.participants.roles.map((role) => [role.label, role.count])).toEqual([
      ['Administrateur·rice', 1],
      ['Bénévole', 2],
      ['Rôle non précisé', 1],
    ]);
  });

  it('spreads every area from the lowest level up, with counts that add up to the respondents', () => {
    expect(model.distributions.areas.map((area) => area.id)).toEqual(['project', 'human-resources', 'financial-resources', 'strategic-alliances']);
    for (const area of model.distributions.areas) {
      expect(area.distribution.reduce((sum, entry) => sum + entry.count, 0)).toBe(4);
      expect(area.distribution.slice(0, 3).map((entry) => entry.label)).toEqual(['Émergent', 'En structuration', 'Consolidé']);
    }
    const project = model.distributions.areas[0]!;
    expect(project.min).toBeLessThan(project.max!);
    expect(project.summary).toBe(`Moyenne ${project.mean} / 100 · de ${project.min} à ${project.max}`);
    expect(project.dimensions.map((dimension) => dimension.label)).toEqual(['Sens du projet']);
  });

  it.each([
    ['several roles: one row per role', board, ['Administrateur·rice', 'Bénévole', 'Rôle non précisé']],
    ['a single role: no table (it would repeat the areas)', [{ respondent: { role: 'benevole' as const } }, { respondent: { role: 'benevole' as const }, answers: { pairs: 'a' } }], null],
  ])('gives means by role with %s', (_name, inputs, expected) => {
    const byRole = build(buildGroup(inputs)).distributions.byRole;
    expect(byRole?.rows.map((row) => row.label) ?? null).toEqual(expected);
  });

  it('puts the questions that divide the group first, with the divergence explained and every answer counted', () => {
    const { leastConsensus } = model;
    expect(leastConsensus.explanation).toContain('0 = tout le monde d’accord, 1,5 = moitié au plus bas, moitié au plus haut');
    expect(leastConsensus.items.length).toBeGreaterThan(0);
    expect(leastConsensus.items.length).toBeLessThanOrEqual(5);
    const divergences = leastConsensus.items.map((item) => item.divergence);
    expect(divergences).toEqual([...divergences].sort((a, b) => b - a));
    const first = leastConsensus.items[0]!;
    expect(first.questionId).toBe('projet-clair');
    expect(first.context).toBe('Projet · Sens du projet');
    expect(first.divergenceLabel).toMatch(/^Écart-type : 1,\d\d$/);
    expect(first.answers.map((answer) => [answer.levelLabel, answer.label, answer.count])).toEqual([
      ['niveau 1', 'Pas encore', 1],
      ['niveau 2', 'Ponctuellement', 1],
      ['niveau 3', 'Régulièrement', 0],
      ['niveau 4', 'Systématiquement', 2],
      [null, 'Je ne sais pas', 0],
      [null, 'Non concerné', 0],
    ]);
  });

  it.each([
    ['proposed by the tool (the median level)', null, 'Réponse retenue pour le consensus : Ponctuellement (niveau 2 sur 4) · proposée par l’outil'],
    ['agreed in the workshop', 'c', 'Réponse retenue pour le consensus : Régulièrement (niveau 3 sur 4) · convenue en atelier'],
  ])('says which answer the consensus took and whether it was %s', (_name, agreed, expected) => {
    const withAgreement = agreed === null ? group : recordAgreedAnswer(group, 'projet-clair', agreed);
    const item = build(withAgreement).leastConsensus.items.find((candidate) => candidate.questionId === 'projet-clair');
    expect(item?.consensusAnswer).toBe(expected);
  });

  it('scores the consensus answers as one respondent’s, and counts the agreed and proposed answers', () => {
    const agreed = recordAgreedAnswer(recordAgreedAnswer(group, 'projet-clair', 'c'), 'pairs', 'd');
    const withAgreement = build(agreed);
    const diagnosis = diagnose(reportQuestionnaire, reportToolkit, buildConsensusAnswers(reportQuestionnaire, agreed));
    expect(withAgreement.consensus.areas.map((area) => [area.id, area.score])).toEqual(
      [diagnosis.project, ...diagnosis.pillars].map((area) => [area.id, area.score === null ? null : Math.round(area.score)]),
    );
    expect(withAgreement.consensus.sourcesLabel).toMatch(/^2 réponses convenues en atelier, \d+ réponses proposées par l’outil/);
    expect(withAgreement.path.groups.flatMap((pathGroup) => pathGroup.steps).map((step) => step.toolId)).toEqual(diagnosis.path.map((step) => step.toolId));
    expect(withAgreement.method.paragraphs.join(' ')).toContain('2 réponses ont été convenues en atelier');
  });

  it('states the questionnaire versions the members answered and the catalogue in the method', () => {
    const versions = model.method.paragraphs.at(-1);
    expect(versions).toBe(
      'Questionnaire « Diagnostic d’essai » (essai-rapport), version 1.2.0 ; réponses recueillies avec la version 1.2.0 (3 personnes), la version 1.1.0 (1 personne) ; catalogue d’outils catalogue-essai, version 1.0.0.',
    );
    expect(model.method.paragraphs.join(' ')).toContain('Aucune réponse n’a été convenue en atelier');
  });

  it('finds no zone of least consensus when everyone gave the same answers', () => {
    const same = build(buildGroup([{ respondent: { role: 'salarie' } }, { respondent: { role: 'benevole' } }]));
    expect(same.leastConsensus.items).toEqual([]);
    expect(same.leastConsensus.intro).toContain('aucune divergence');
  });
});
