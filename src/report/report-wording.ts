import type { Horizon, Tool, ToolKind } from '../domain/questionnaire-schema';

/** Every word the report prints that does not come from the content files. */
export const REPORT_WORDING = {
  documentTitle: 'Autodiagnostic du modèle socio-économique',
  subject: 'Rapport d’autodiagnostic : richesses humaines, ressources financières, alliances stratégiques',
  fallbackOrganisationName: 'Organisation sans nom',
  coverIntro:
    'Ce rapport présente où se situe l’organisation sur les trois piliers de son modèle socio-économique, les points de vigilance relevés et son Parcours A.D.O.C., un parcours d’outils sur mesure.',
  privacyNote:
    'Document établi sur l’appareil de la personne qui a répondu : les réponses n’ont été envoyées à aucun serveur.',
  questionnaireLabel: (title: string, version: string) => `Questionnaire « ${title} », version ${version}`,
  respondentLabel: (name: string) => `Répondant : ${name}`,
  summaryHeading: 'Synthèse',
  summaryIntro:
    'Scores de 0 à 100 calculés à partir des réponses. Un score bas n’est pas un échec : il indique où porter l’effort en priorité.',
  flagsHeading: 'Points de vigilance',
  strengthsHeading: 'Forces',
  noStrengths: 'Pas encore assez de réponses notées pour dégager des forces.',
  noWatchPoints: 'Aucun point de vigilance relevé.',
  radarCaption: 'Les trois piliers sur 100 : plus le triangle est étendu, plus le pilier est solide. Les triangles pointillés marquent le début de chaque niveau (seuils indiqués sur l’axe vertical).',
  scoresHeading: 'Scores et niveaux',
  projectNote: 'Le projet associatif est noté à part : il éclaire les trois piliers sans en faire partie.',
  firstStepsHeading: 'Premiers pas du Parcours A.D.O.C.',
  firstStepsMore: (count: number) => `… et ${count} autre${count > 1 ? 's' : ''} étape${count > 1 ? 's' : ''}, détaillée${count > 1 ? 's' : ''} plus loin.`,
  noFlags: 'Aucun point de vigilance relevé par les contrôles de cohérence.',
  insufficientData: 'Données insuffisantes',
  insufficientDataDetail: 'Trop peu de réponses notées pour calculer un score fiable.',
  notApplicableDetail: 'Toutes les questions ont reçu la réponse « Non concerné » : ce point ne s’applique pas à votre structure.',
  scoreLabel: (score: number) => `${score} / 100`,
  answeredCount: (answered: number, total: number) =>
    `${answered} réponse${answered > 1 ? 's' : ''} notée${answered > 1 ? 's' : ''} sur ${total} question${total > 1 ? 's' : ''}`,
  notApplicableCount: (count: number) => `${count} « Non concerné »`,
  dontKnowCount: (count: number) => `${count} « Je ne sais pas »`,
  dimensionsHeading: 'Dimensions',
  answersHeading: 'Vos réponses',
  otherAnswersHeading: 'Autres éléments',
  noAnswers: 'Aucune réponse à ce pilier.',
  notApplicable: 'Non concerné',
  dontKnow: 'Je ne sais pas',
  unanswered: 'Sans réponse',
  pathHeading: 'Parcours A.D.O.C.',
  pathColumns: { number: 'n°', tool: 'Étape / outil', kind: 'Type · format · durée', reason: 'Pourquoi', progress: 'Suivi' },
  pathProgress: (done: number, notRelevant: number, todo: number) =>
    [
      `${done} étape${done > 1 ? 's' : ''} faite${done > 1 ? 's' : ''}`,
      `${notRelevant} jugée${notRelevant > 1 ? 's' : ''} pas pertinente${notRelevant > 1 ? 's' : ''}`,
      `${todo} à faire`,
    ].join(', ') + '.',
  stepStatus: { todo: 'À faire', done: 'Fait', 'not-relevant': 'Pas pertinent' },
  continued: '(suite)',
  stepNote: (note: string) => `Note de suivi : ${note}`,
  pathIntro:
    'Un parcours d’outils sur mesure, construit à partir de vos niveaux, des points de vigilance et des questions restées sans réponse certaine. Il est classé par horizon de temps.',
  noPath: 'Aucun outil proposé pour l’instant : complétez le diagnostic pour obtenir un parcours.',
  annexHeading: 'Annexe : questions et réponses',
  annexIntro: 'Toutes les questions posées, dans l’ordre du questionnaire, avec la réponse enregistrée.',
  annexColumns: { question: 'Question', answer: 'Réponse' },
  answerLevel: (rank: number, count: number) => `niveau ${rank} sur ${count}`,
  methodHeading: 'Méthode',
  levelsHeading: 'Niveaux',
  levelRange: (min: number, max: number | null) => (max === null ? `à partir de ${min}` : `de ${min} à moins de ${max}`),
  footer: (organisationName: string, dateLabel: string) => `${organisationName} · ${dateLabel}`,
  runningTitle: 'Autodiagnostic du modèle socio-économique',
  contentsHeading: 'Sommaire',
  pageOf: (page: number, total: number) => `page ${page} / ${total}`,
} as const;

export const KIND_LABELS: Record<ToolKind, string> = {
  comprendre: 'Comprendre',
  's-informer': 'S’informer',
  'se-former': 'Se former',
  agir: 'Agir',
  accompagner: 'Être accompagné',
};

export const HORIZON_HEADINGS: Record<Horizon, string> = {
  '18-mois': 'Dans les 18 mois',
  '2030': 'D’ici 2030',
  '2050': 'Vision 2050',
};

export const FORMAT_LABELS: Record<Tool['format'], string> = {
  guide: 'Guide',
  fiche: 'Fiche',
  webinaire: 'Webinaire',
  mooc: 'MOOC',
  formation: 'Formation',
  methode: 'Méthode',
  kit: 'Kit',
  reseau: 'Réseau',
  accompagnement: 'Accompagnement',
  plateforme: 'Plateforme',
  etude: 'Étude',
};
