import { buildReportFileName, buildReportModel, slugifyOrganisationName } from '../../src/report/report-model';
import { diagnose } from '../../src/domain/diagnose';
import {
  REPORT_DATE,
  UNICODE_ORGANISATION_NAME,
  buildReportFile,
  buildSampleReportModel,
  reportAnswers,
  reportQuestionnaire,
  reportToolkit,
} from './report-fixture';

describe('buildReportModel', () => {
  const model = buildSampleReportModel();

  it('reads the organisation name from the bound question and dates the report in French', () => {
    expect(model.organisationName).toBe(UNICODE_ORGANISATION_NAME);
    expect(model.dateLabel).toBe('22 novembre 2026');
    expect(model.footerLabel).toBe(`${UNICODE_ORGANISATION_NAME} · 22 novembre 2026`);
    expect(model.cover.questionnaireLabel).toBe('Questionnaire « Diagnostic d’essai », version 1.2.0');
    expect(model.cover.respondentLabel).toBe('Répondant : Camille Durand (administrateur·rice)');
    // Pinned to the day (noon UTC is that day in Paris): the same answers on the same day give the same bytes.
    expect(model.generatedAt).toBe('2026-11-22T12:00:00.000Z');
  });

  it('gives the same model whatever the time of day, so the browser and the command line agree', () => {
    const file = buildReportFile();
    const at = (iso: string) =>
      buildReportModel({ questionnaire: reportQuestionnaire, toolkit: reportToolkit, file, diagnosis: diagnose(reportQuestionnaire, reportToolkit, file.answers), generatedAt: new Date(iso) });
    expect(at('2026-11-21T23:05:00Z')).toEqual(at('2026-11-22T17:45:12.345Z'));
  });

  it('prints its sections in order: cover, summary, each pillar, path, annex, method', () => {
    expect(model.outline.map((section) => section.id)).toEqual([
      'cover',
      'summary',
      'human-resources',
      'financial-resources',
      'strategic-alliances',
      'path',
      'annex',
      'method',
    ]);
    expect(model.outline.map((section) => section.title)).toEqual([
      'Autodiagnostic du modèle socio-économique',
      'Synthèse',
      'Richesses humaines',
      'Ressources financières',
      'Alliances stratégiques',
      'Parcours A.D.O.C.',
      'Annexe : questions et réponses',
      'Méthode',
    ]);
  });

  it('names the forces and the points de vigilance in one sentence each (the same words as the synthesis), the flags after the weakest dimensions', () => {
    expect(model.summary.strengths.map((item) => item.text)).toEqual([
      'Partenariats (Alliances stratégiques) : 83 / 100, consolidé — un point d’appui solide pour la suite.',
      'Sens du projet : 50 / 100, en structuration — un appui pour la suite.',
    ]);
    expect(model.summary.watchPoints).toEqual([
      { source: 'dimension', text: 'Bénévolat (Richesses humaines) : 33 / 100, émergent — une piste à travailler en priorité.' },
      { source: 'dimension', text: 'Diversité des ressources (Ressources financières) : 33 / 100, émergent — une piste à travailler en priorité.' },
      { source: 'flag', text: 'Subventions représentent 62 % des ressources : une forte dépendance.' },
    ]);
  });

  it('puts the first three steps of the path on the summary and counts the others', () => {
    const steps = model.path.groups.flatMap((group) => group.steps);
    expect(model.summary.firstSteps.map((step) => step.toolId)).toEqual(steps.slice(0, 3).map((step) => step.toolId));
    expect(model.summary.moreStepsCount).toBe(steps.length - 3);
  });

  it('falls back to a neutral name when the organisation name is blank', () => {
    const blank = buildSampleReportModel({ ...reportAnswers, nom: '   ' });
    expect(blank.organisationName).toBe('Organisation sans nom');
    expect(blank.fileName).toBe('autodiagnostic-organisation-sans-nom-2026-11-22.pdf');
  });

  it('dates the report in Paris time, even late in the UTC evening', () => {
    const file = buildReportFile();
    const lateEvening = new Date('2026-12-31T23:30:00Z');
    const late = buildReportModel({
      questionnaire: reportQuestionnaire,
      file,
      diagnosis: diagnose(reportQuestionnaire, reportToolkit, file.answers),
      generatedAt: lateEvening,
    });
    expect(late.dateLabel).toBe('1 janvier 2027');
    expect(late.fileName.endsWith('-2027-01-01.pdf')).toBe(true);
  });

  it('summarises the project then the three pillars, in order', () => {
    expect(model.summary.areas.map((area) => area.label)).toEqual([
      'Projet',
      'Richesses humaines',
      'Ressources financières',
      'Alliances stratégiques',
    ]);
    expect(model.pillars.map((pillar) => pillar.id)).toEqual(['human-resources', 'financial-resources', 'strategic-alliances']);
  });

  it('writes a score out of 100 with its level, or says the data is insufficient', () => {
    const [project, human, financial, alliances] = model.summary.areas;
    expect(project).toMatchObject({ score: 50, scoreLabel: '50 / 100', levelLabel: 'En structuration' });
    expect(human).toMatchObject({ score: null, scoreLabel: 'Données insuffisantes', levelLabel: null });
    expect(financial).toMatchObject({ score: 33, scoreLabel: '33 / 100', levelLabel: 'Émergent', levelDescription: 'Les bases restent à poser.' });
    expect(alliances?.countsLabel).toBe('2 réponses notées sur 2 questions');
    expect(human?.countsLabel).toBe('1 réponse notée sur 3 questions · 1 « Non concerné » · 1 « Je ne sais pas »');
  });

  it('lists the raised flags', () => {
    expect(model.summary.flags).toEqual(['Subventions représentent 62 % des ressources : une forte dépendance.']);
  });

  it('shows each answered rubric question with its option label and level description, under its dimension', () => {
    const financial = model.pillars.find((pillar) => pillar.id === 'financial-resources');
    expect(financial?.dimensions.map((dimension) => [dimension.label, dimension.scoreLabel])).toEqual([
      ['Diversité des ressources', '33 / 100'],
    ]);
    expect(financial?.dimensions[0]?.answers[0]).toMatchObject({
      question: 'Avez-vous des financements pluriannuels ?',
      answer: 'Pas encore',
      detail: 'Rien n’est en place pour le moment.',
      status: 'answered',
    });
    expect(financial?.otherAnswers).toEqual([
      expect.objectContaining({ question: 'Répartition de vos ressources', answer: 'Subventions 62\u00a0%, Dons 8\u00a0%, Cotisations 10\u00a0%, Revenus d’activité 20\u00a0%' }),
    ]);
  });

  it('shows reserved answers as words, never as scores', () => {
    const human = model.pillars.find((pillar) => pillar.id === 'human-resources');
    const rows = human?.dimensions.flatMap((dimension) => dimension.answers) ?? [];
    expect(rows.map((row) => [row.answer, row.status, row.detail])).toEqual([
      ['Ponctuellement', 'answered', 'Quelques actions isolées, sans suivi.'],
      ['Non concerné', 'not-applicable', null],
      ['Je ne sais pas', 'dont-know', null],
    ]);
  });

  it('groups the path by horizon with French headings, kind labels and reasons', () => {
    expect(model.path.groups.map((group) => group.heading)).toEqual(['Dans les 18 mois', 'D’ici 2030']);
    const steps = model.path.groups.flatMap((group) => group.steps);
    expect(steps.map((step) => step.number)).toEqual(steps.map((_, index) => index + 1));
    const platform = steps.find((step) => step.toolId === 'comprendre-mse');
    expect(platform).toMatchObject({
      title: 'Plateforme « Trajectoires socio-économiques »',
      kindLabel: 'Comprendre',
      formatLabel: 'Plateforme',
      duration: '2 h',
      publisher: 'DJEPVA, UNCPIE & Le RAMEAU',
      url: 'https://trajectoires-socio-economiques.odd17.org/',
    });
    expect(platform?.reason).toMatch(/^Parce que/);
    expect(steps.find((step) => step.toolId === 'dla')?.kindLabel).toBe('Être accompagné');
  });

  it('shows each path step as to do until the organisation marks it, with its own note', () => {
    const steps = model.path.groups.flatMap((group) => group.steps);
    expect(steps.every((step) => step.status === 'todo' && step.statusLabel === 'À faire' && step.note === null)).toBe(true);
    expect(model.path.progressLabel).toBeNull();

    const [first, second] = steps;
    const marked = buildSampleReportModel(reportAnswers, {
      [first!.toolId]: { status: 'done', note: '  Présenté au CA de mars.  ' },
      [second!.toolId]: { status: 'not-relevant' },
      'outil-disparu': { status: 'done' },
    });
    const markedSteps = marked.path.groups.flatMap((group) => group.steps);
    expect(markedSteps.slice(0, 3).map((step) => [step.statusLabel, step.note])).toEqual([
      ['Fait', 'Présenté au CA de mars.'],
      ['Pas pertinent', null],
      ['À faire', null],
    ]);
    expect(marked.path.progressLabel).toBe(`1 étape faite, 1 jugée pas pertinente, ${steps.length - 2} à faire.`);
    expect(marked.summary.firstSteps[0]?.statusLabel).toBe('Fait');
  });

  it('groups the path by horizon in order, numbering the steps straight through', () => {
    const horizons = model.path.groups.map((group) => group.horizon);
    expect(horizons).toEqual([...horizons].sort((a, b) => ['18-mois', '2030', '2050'].indexOf(a) - ['18-mois', '2030', '2050'].indexOf(b)));
    for (const group of model.path.groups) for (const step of group.steps) expect(step.horizonLabel).toBe(group.heading);
  });

  it('gives each rubric answer its level as a rank out of four', () => {
    const financial = model.pillars.find((pillar) => pillar.id === 'financial-resources');
    expect(financial?.dimensions[0]?.answers[0]?.level).toEqual({ rank: 1, count: 4, label: 'niveau 1 sur 4' });
    const reserved = model.pillars.flatMap((pillar) => pillar.dimensions.flatMap((dimension) => dimension.answers)).filter((row) => row.status !== 'answered');
    expect(reserved.every((row) => row.level === null)).toBe(true);
  });

  it('lists every visible question of every step in the annex, answered or not', () => {
    expect(model.annex.steps.map((step) => step.title)).toEqual(reportQuestionnaire.steps.map((step) => step.title));
    const rows = Object.fromEntries(model.annex.steps.flatMap((step) => step.answers).map((row) => [row.questionId, row]));
    expect(rows['nom']?.answer).toBe(UNICODE_ORGANISATION_NAME);
    expect(rows['salaries']?.answer).toBe('3,5\u00a0ETP');
    expect(rows['budget']?.answer).toBe('185\u00a0000\u00a0€');
    expect(rows['mission']?.answer).toBe('Rendre la culture accessible à tous les habitants du quartier.');
    expect(rows['formation-benevoles']?.answer).toBe('Non concerné');
    expect(rows['competences-cles']?.answer).toBe('Je ne sais pas');
    expect(rows['formats']).toMatchObject({ answer: 'Sans réponse', status: 'unanswered' });
  });

  it('joins the labels of a multiple answer', () => {
    const annotated = buildSampleReportModel({ ...reportAnswers, formats: ['agir', 'accompagner'] });
    const row = annotated.annex.steps.flatMap((step) => step.answers).find((candidate) => candidate.questionId === 'formats');
    expect(row?.answer).toBe('Agir, Être accompagné');
  });

  it('explains the method with the thresholds and the version of the questionnaire', () => {
    const text = model.method.paragraphs.join('\n');
    expect(text).toContain('(n − 1) / 3');
    expect(text).toContain('exclues du calcul');
    expect(text).toContain('à partir de 2 réponses notées');
    expect(text).toContain('essai-rapport');
    expect(text).toContain('version 1.2.0');
    expect(model.method.levels.map((level) => [level.label, level.range])).toEqual([
      ['Émergent', 'de 0 à moins de 35'],
      ['En structuration', 'de 35 à moins de 65'],
      ['Consolidé', 'à partir de 65'],
    ]);
  });

  it('never spells out what A.D.O.C. stands for', () => {
    const everything = JSON.stringify(model);
    expect(everything).toContain('Parcours A.D.O.C.');
    expect(everything).toContain('un parcours d');
    expect(everything).not.toMatch(/A\.D\.O\.C\.\s*[(:—–-]\s*\p{Lu}/u);
  });
});

describe('buildReportFileName', () => {
  it.each([
    [UNICODE_ORGANISATION_NAME, 'autodiagnostic-association-les-amis-de-l-oeuvre-ciric-2026-11-22.pdf'],
    ['  Café des Écoles  ', 'autodiagnostic-cafe-des-ecoles-2026-11-22.pdf'],
    ['Ελλάδα & Ассоциация', 'autodiagnostic-organisation-2026-11-22.pdf'],
    ['', 'autodiagnostic-organisation-2026-11-22.pdf'],
  ])('names the file of %j %s', (name, expected) => {
    expect(buildReportFileName(name, REPORT_DATE)).toBe(expected);
  });

  it('keeps the slug to 60 characters, cut between two words', () => {
    const slug = slugifyOrganisationName('Association pour la promotion des cultures urbaines et des arts de la rue en Île-de-France');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('association-pour-la-promotion-des-cultures-urbaines-et-des');
  });
});
