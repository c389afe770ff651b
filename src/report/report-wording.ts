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
  evolutionHeading: (date: string) => `Évolution depuis le ${date}`,
  evolutionIntro: (date: string) =>
    `Ce diagnostic est comparé au précédent, daté du ${date}. Pour chaque pilier et chaque dimension : le score d’avant, celui d’aujourd’hui (sur 100) et l’écart en points entre les deux.`,
  evolutionOtherQuestionnaire: (olderTitle: string, newerTitle: string) =>
    `Le diagnostic précédent a été fait avec le questionnaire « ${olderTitle} », celui-ci avec « ${newerTitle} » : les questions communes sont comparées une à une, et une dimension que l’un des deux ne couvre pas n’a pas d’évolution.`,
  evolutionColumns: { area: 'Domaine', dimension: 'Dimension', bars: 'Scores', before: 'Avant', after: 'Après', change: 'Évolution' },
  evolutionLegend: 'Barre claire : avant ; barre foncée : après. Un cadre pointillé signale un score non calculé.',
  evolutionDelta: (delta: number) =>
    delta === 0 ? 'stable' : `${delta > 0 ? '+' : '\u2212'}${Math.abs(delta)}\u00a0point${Math.abs(delta) > 1 ? 's' : ''}`,
  notComparable: 'non comparable',
  notInQuestionnaire: 'Hors questionnaire',
  notAsked: 'Question non posée',
  evolutionDimensionsHeading: 'Dimensions',
  changedAnswersHeading: 'Réponses modifiées',
  changedAnswersIntro: (count: number) =>
    count === 0
      ? 'Aucune réponse n’a changé depuis le diagnostic précédent.'
      : `${count} réponse${count > 1 ? 's ont' : ' a'} changé depuis le diagnostic précédent.`,
  changedAnswersColumns: { question: 'Question', before: 'Avant', after: 'Après' },
  stepsDoneHeading: 'Étapes du parcours faites depuis',
  noStepsDone: 'Aucune étape du parcours n’a été marquée « Fait » depuis le diagnostic précédent.',
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

const plural = (count: number, singular: string, pluralForm: string) => (count > 1 ? pluralForm : singular);

/** Every word of the group report and of the group CSV files that does not come from the content files. */
export const GROUP_REPORT_WORDING = {
  documentTitle: 'Diagnostic collectif',
  runningTitle: 'Diagnostic collectif du modèle socio-économique',
  subject: 'Diagnostic collectif : répartition des réponses, zones de moindre consensus, scores du consensus et Parcours A.D.O.C.',
  respondentCount: (count: number) => `${count} ${plural(count, 'répondant·e', 'répondant·es')}`,
  coverIntro:
    'Plusieurs personnes de l’organisation ont répondu chacune de leur côté. Ce rapport montre où leurs réponses se rejoignent et où elles divergent, puis le diagnostic de consensus, avec ses scores et son Parcours A.D.O.C.',
  privacyNote:
    'Document établi sur l’appareil de l’animateur·rice : les réponses n’ont été envoyées à aucun serveur. Les personnes sont anonymes, sauf si l’animateur·rice a choisi d’afficher les noms.',
  participantsHeading: 'Participant·es',
  participantsIntroAnonymous: 'Chaque personne est désignée par un numéro et son rôle : les noms ne figurent pas dans ce document.',
  participantsIntroNamed: 'Les noms figurent dans ce document à la demande de l’animateur·rice.',
  rolesHeading: 'Rôles',
  respondentsHeading: 'Répondant·es',
  participantsColumns: { number: 'n°', respondent: 'Répondant·e', version: 'Version du questionnaire', date: 'Réponses du' },
  distributionsHeading: 'Répartition par pilier',
  distributionsIntro:
    'Pour chaque pilier, la moyenne des scores des répondant·es (sur 100), le plus bas et le plus haut, puis le nombre de personnes à chaque niveau. Une personne dont les réponses sont trop peu nombreuses est comptée à part.',
  spreadSummary: (mean: number | null, min: number | null, max: number | null) =>
    mean === null ? 'Aucun score calculable' : `Moyenne ${mean} / 100 · de ${min ?? mean} à ${max ?? mean}`,
  scoredCount: (scored: number, total: number) => `${scored} ${plural(scored, 'personne notée', 'personnes notées')} sur ${total}`,
  levelsCaption: 'Nombre de personnes par niveau',
  dimensionsHeading: 'Dimensions : moyenne et écart entre le plus bas et le plus haut',
  dimensionValue: (mean: number | null, min: number | null, max: number | null) =>
    mean === null ? 'Données insuffisantes' : min === max ? `${mean}` : `${mean} (de ${min ?? mean} à ${max ?? mean})`,
  rangeLegend: 'Le trait va du score le plus bas au plus haut ; le losange marque la moyenne.',
  byRoleHeading: 'Moyennes par rôle',
  byRoleIntro: 'La moyenne des scores de chaque rôle : les instances et les équipes voient souvent la structure différemment.',
  byRoleColumns: { role: 'Rôle', count: 'Pers.' },
  byRoleValue: (mean: number | null) => (mean === null ? '–' : String(mean)),
  leastConsensusHeading: 'Zones de moindre consensus',
  leastConsensusIntro: (count: number) =>
    count === 0
      ? 'Toutes les personnes qui ont choisi un niveau ont choisi le même, question par question : aucune divergence à discuter.'
      : `Les ${count > 1 ? `${count} questions` : 'questions'} où les réponses divergent le plus, à discuter en priorité.`,
  divergenceExplanation:
    'L’écart-type mesure à quel point les niveaux choisis (de 1 à 4) s’éloignent les uns des autres : 0 = tout le monde d’accord, 1,5 = moitié au plus bas, moitié au plus haut. Les « Je ne sais pas » et « Non concerné » n’y entrent pas.',
  divergenceLabel: (divergence: string) => `Écart-type : ${divergence}`,
  ratedCount: (count: number) => `${count} ${plural(count, 'niveau choisi', 'niveaux choisis')}`,
  optionLevel: (score: number) => `niveau ${score}`,
  answerCount: (count: number) => `${count} ${plural(count, 'personne', 'personnes')}`,
  consensusAnswer: (answer: string) => `Réponse retenue pour le consensus : ${answer}`,
  consensusSource: { agreed: 'convenue en atelier', proposed: 'proposée par l’outil' },
  noConsensusAnswer: 'Aucune réponse retenue pour le consensus.',
  consensusHeading: 'Diagnostic de consensus',
  consensusIntro:
    'Les scores calculés sur les réponses du consensus, comme pour un seul répondant : les réponses convenues en atelier, et pour les autres questions la réponse proposée.',
  consensusSources: (agreed: number, proposed: number) =>
    `${agreed} ${plural(agreed, 'réponse convenue', 'réponses convenues')} en atelier, ${proposed} ${plural(proposed, 'réponse proposée', 'réponses proposées')} par l’outil (voir la méthode).`,
  pathIntro:
    'Le parcours d’outils du diagnostic de consensus, construit à partir de ses niveaux, de ses points de vigilance et des « Je ne sais pas ». Il est classé par horizon de temps.',
  methodParagraphs: {
    respondents:
      'Chaque personne a répondu seule au questionnaire. Ses scores sont calculés comme pour un diagnostic individuel ; la moyenne, le plus bas et le plus haut portent sur les personnes dont le score a pu être calculé.',
    divergence:
      'La divergence d’une question est l’écart-type des niveaux choisis (de 1 à 4) par les personnes qui ont choisi un niveau : 0 quand tout le monde a choisi le même, 1,5 quand la moitié a choisi le plus bas et l’autre moitié le plus haut. Il faut au moins deux niveaux choisis pour la calculer.',
    consensus: (agreed: number) =>
      `${agreed === 0 ? 'Aucune réponse n’a été convenue en atelier' : `${agreed} ${plural(agreed, 'réponse a été convenue', 'réponses ont été convenues')} en atelier et ${plural(agreed, 'enregistrée', 'enregistrées')} par l’animateur·rice`}. Pour les autres questions, la réponse proposée est le niveau médian du groupe (entre deux niveaux, le plus modeste), la réponse la plus fréquente pour un choix simple, la médiane pour un nombre, les cases cochées par au moins la moitié des personnes pour un choix multiple, la moyenne de chaque part pour une répartition.`,
    anonymity: (showNames: boolean) =>
      showNames
        ? 'Les noms des personnes figurent dans ce document à la demande de l’animateur·rice.'
        : 'Les personnes sont désignées par un numéro et leur rôle ; leurs noms ne figurent pas dans ce document.',
    versions: (title: string, id: string, version: string, answered: string) =>
      `Questionnaire « ${title} » (${id}), version ${version} ; réponses recueillies avec ${answered}`,
    answeredVersion: (version: string, count: number) => `la version ${version} (${count} ${plural(count, 'personne', 'personnes')})`,
    toolkit: (id: string, version: string) => `catalogue d’outils ${id}, version ${version}`,
  },
  csv: {
    respondent: 'Répondant·e',
    role: 'Rôle',
    version: 'Version du questionnaire',
    date: 'Date',
    label: (questionId: string) => `${questionId} (libellé)`,
    score: (areaLabel: string) => `Score ${areaLabel}`,
    consensusRow: 'Consensus',
  },
} as const;
