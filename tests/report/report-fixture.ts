import { QuestionnaireSchema, ToolkitSchema, type Questionnaire, type Toolkit } from '../../src/domain/questionnaire-schema';
import { createAnswersFile, type Answers, type AnswersFile, type PathProgress } from '../../src/domain/answers';
import { diagnose } from '../../src/domain/diagnose';
import { buildReportModel, type BuildReportModelInput, type ReportModel } from '../../src/report/report-model';

export const UNICODE_ORGANISATION_NAME = 'Association « Les Amis de l’Œuvre » — Ćirić & Ελλάδα & Ассоциация';
export const REPORT_DATE = new Date('2026-11-22T09:30:00Z');

const rubric = (id: string, pillar: string, dimension: string, label: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'single',
  label,
  help: 'Cette question situe votre pratique sur une échelle de quatre niveaux.',
  pillar,
  dimension,
  allowNotApplicable: true,
  allowDontKnow: true,
  options: [
    { id: 'a', score: 1, label: 'Pas encore', description: 'Rien n’est en place pour le moment.' },
    { id: 'b', score: 2, label: 'Ponctuellement', description: 'Quelques actions isolées, sans suivi.' },
    { id: 'c', score: 3, label: 'Régulièrement', description: 'Une pratique suivie, connue de l’équipe.' },
    { id: 'd', score: 4, label: 'Systématiquement', description: 'Une pratique pilotée, évaluée et partagée avec les partenaires.' },
  ],
  ...extra,
});

/** A small questionnaire that exercises every kind of question, parsed through the real schema. */
export const reportQuestionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'essai-rapport',
  version: '1.2.0',
  locale: 'fr-FR',
  title: 'Diagnostic d’essai',
  durationMinutes: 10,
  scoring: { minAnsweredPerPillar: 2, minAnsweredPerDimension: 1 },
  levels: [
    { id: 'emergent', label: 'Émergent', description: 'Les bases restent à poser.', minScore: 0 },
    { id: 'structure', label: 'En structuration', description: 'Des pratiques existent mais restent fragiles.', minScore: 35 },
    { id: 'consolide', label: 'Consolidé', description: 'Des pratiques solides et suivies.', minScore: 65 },
  ],
  dimensions: [
    { id: 'sens', area: 'project', label: 'Sens du projet' },
    { id: 'benevolat', area: 'human-resources', label: 'Bénévolat' },
    { id: 'competences', area: 'human-resources', label: 'Compétences' },
    { id: 'diversite', area: 'financial-resources', label: 'Diversité des ressources' },
    { id: 'partenaires', area: 'strategic-alliances', label: 'Partenariats' },
  ],
  bindings: { organisationName: 'nom', priorityPillar: 'priorite', preferredKinds: 'formats' },
  checks: [
    {
      id: 'dependance',
      type: 'largest-share-above',
      question: 'ressources',
      threshold: 50,
      message: '{part} représentent {share} % des ressources : une forte dépendance.',
    },
  ],
  steps: [
    {
      id: 'profile',
      title: 'Profil',
      questions: [
        { id: 'nom', type: 'text', label: 'Nom de l’organisation', help: 'Il figure sur la couverture du rapport.', maxLength: 200 },
        { id: 'salaries', type: 'number', label: 'Nombre de salariés', help: 'Le parcours en tient compte.', min: 0, max: 10000, unit: 'ETP', required: false },
        { id: 'budget', type: 'number', label: 'Budget annuel', help: 'Pour situer la taille de la structure.', min: 0, max: 100000000, unit: '€', required: false },
        {
          id: 'statut',
          type: 'single',
          label: 'Statut',
          help: 'Certains dispositifs dépendent du statut.',
          options: [
            { id: 'association', label: 'Association loi 1901' },
            { id: 'fondation', label: 'Fondation' },
          ],
        },
        { id: 'mission', type: 'text', label: 'Votre mission en une phrase', help: 'Elle rappelle le sens du projet.', required: false, multiline: true },
      ],
    },
    {
      id: 'project',
      title: 'Projet',
      questions: [
        rubric('projet-clair', 'project', 'sens', 'Le projet associatif est-il écrit et partagé ?'),
        rubric('projet-revu', 'project', 'sens', 'Le projet est-il revu avec les bénévoles et les partenaires ?'),
      ],
    },
    {
      id: 'human-resources',
      title: 'Richesses humaines',
      questions: [
        rubric('accueil-benevoles', 'human-resources', 'benevolat', 'Accueillez-vous les nouveaux bénévoles ?'),
        rubric('formation-benevoles', 'human-resources', 'benevolat', 'Formez-vous les bénévoles ?'),
        rubric('competences-cles', 'human-resources', 'competences', 'Les compétences clés sont-elles identifiées ?'),
      ],
    },
    {
      id: 'financial-resources',
      title: 'Ressources financières',
      questions: [
        {
          id: 'ressources',
          type: 'shares',
          label: 'Répartition de vos ressources',
          help: 'Une source trop dominante rend le modèle fragile.',
          parts: [
            { id: 'subventions', label: 'Subventions' },
            { id: 'dons', label: 'Dons' },
            { id: 'cotisations', label: 'Cotisations' },
            { id: 'ventes', label: 'Revenus d’activité' },
          ],
        },
        rubric('pluriannuel', 'financial-resources', 'diversite', 'Avez-vous des financements pluriannuels ?'),
        rubric('tresorerie', 'financial-resources', 'diversite', 'Suivez-vous votre trésorerie ?'),
      ],
    },
    {
      id: 'strategic-alliances',
      title: 'Alliances stratégiques',
      questions: [
        rubric('pairs', 'strategic-alliances', 'partenaires', 'Coopérez-vous avec vos pairs ?'),
        rubric('entreprises', 'strategic-alliances', 'partenaires', 'Travaillez-vous avec des entreprises ?'),
      ],
    },
    {
      id: 'priorities',
      title: 'Priorités',
      questions: [
        {
          id: 'priorite',
          type: 'single',
          label: 'Quel pilier voulez-vous travailler en premier ?',
          help: 'Il ordonne votre parcours.',
          options: [
            { id: 'human-resources', label: 'Richesses humaines' },
            { id: 'financial-resources', label: 'Ressources financières' },
            { id: 'strategic-alliances', label: 'Alliances stratégiques' },
          ],
        },
        {
          id: 'formats',
          type: 'multiple',
          label: 'Quels formats préférez-vous ?',
          help: 'Vos préférences passent en premier dans le parcours.',
          required: false,
          options: [
            { id: 'comprendre', label: 'Comprendre' },
            { id: 's-informer', label: 'S’informer' },
            { id: 'se-former', label: 'Se former' },
            { id: 'agir', label: 'Agir' },
            { id: 'accompagner', label: 'Être accompagné' },
          ],
        },
      ],
    },
  ],
});

const tool = (id: string, kind: string, pillars: string[], extra: Record<string, unknown> = {}) => ({
  id,
  title: `Outil ${id}`,
  description: `Description de l’outil ${id}.`,
  kind,
  pillars,
  levels: ['emergent', 'structure', 'consolide'],
  format: 'guide',
  duration: '2 h',
  publisher: 'Le RAMEAU',
  ...extra,
});

export const reportToolkit: Toolkit = ToolkitSchema.parse({
  id: 'catalogue-essai',
  version: '1.0.0',
  locale: 'fr-FR',
  tools: [
    tool('comprendre-mse', 'comprendre', ['human-resources', 'financial-resources', 'strategic-alliances'], {
      title: 'Plateforme « Trajectoires socio-économiques »',
      format: 'plateforme',
      url: 'https://trajectoires-socio-economiques.odd17.org/',
      publisher: 'DJEPVA, UNCPIE & Le RAMEAU',
    }),
    tool('benevoles-guide', 'agir', ['human-resources'], { title: 'Guide de l’accueil bénévole' }),
    tool('mooc', 'se-former', ['human-resources', 'financial-resources'], { title: 'MOOC des modèles associatifs', format: 'mooc', duration: '6 semaines' }),
    tool('diversifier', 'agir', ['financial-resources'], {
      title: 'Diversifier ses ressources',
      triggers: [{ type: 'flag', check: 'dependance' }],
      format: 'methode',
    }),
    tool('webinaires', 's-informer', ['financial-resources', 'strategic-alliances'], {
      title: 'Cycle de webinaires « CAP 2030 »',
      format: 'webinaire',
      url: 'https://www.lerameau.fr/modeles-socio-economiques-le-cycle-de-webinaires-mensuels/',
    }),
    tool('cooperer', 'agir', ['strategic-alliances'], {
      title: 'Guide « Coopérer efficacement »',
      url: 'https://odd17.org/guide-cooperer-efficacement',
      publisher: 'ORSE & Le RAMEAU',
    }),
    tool('dla', 'accompagner', ['human-resources', 'financial-resources', 'strategic-alliances'], {
      title: 'Dispositif local d’accompagnement (DLA)',
      format: 'accompagnement',
      publisher: 'DLA',
      duration: 'plusieurs mois',
    }),
    tool('territoire', 'agir', ['strategic-alliances'], { title: 'Stratégie partenariale territoriale', horizon: '2050' }),
  ],
});

export const reportAnswers: Answers = {
  nom: UNICODE_ORGANISATION_NAME,
  salaries: 3.5,
  budget: 185000,
  statut: 'association',
  mission: 'Rendre la culture accessible à tous les habitants du quartier.',
  'projet-clair': 'c',
  'projet-revu': 'b',
  'accueil-benevoles': 'b',
  'formation-benevoles': 'not-applicable',
  'competences-cles': 'dont-know',
  ressources: { subventions: 62, dons: 8, cotisations: 10, ventes: 20 },
  pluriannuel: 'a',
  tresorerie: 'c',
  pairs: 'd',
  entreprises: 'c',
  priorite: 'financial-resources',
};

export function buildReportFile(answers: Answers = reportAnswers, pathProgress?: PathProgress): AnswersFile {
  return createAnswersFile(reportQuestionnaire, answers, REPORT_DATE, {
    respondent: { name: 'Camille Durand', role: 'administrateur' },
    ...(pathProgress ? { pathProgress } : {}),
  });
}

/** The fixture's report; with `evolution`, compared with an older diagnosis. */
export function buildSampleReportModel(answers: Answers = reportAnswers, pathProgress?: PathProgress, evolution?: BuildReportModelInput['evolution']): ReportModel {
  const file = buildReportFile(answers, pathProgress);
  return buildReportModel({
    questionnaire: reportQuestionnaire,
    toolkit: reportToolkit,
    file,
    diagnosis: diagnose(reportQuestionnaire, reportToolkit, file.answers),
    generatedAt: REPORT_DATE,
    ...(evolution ? { evolution } : {}),
  });
}
