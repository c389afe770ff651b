/** The words of the group screens (vue collective, consensus, projection), apart from the main catalogue. */

const plural = (count: number, one: string, many: string) => (count > 1 ? many : one);

export const groupMessages = {
  pageTitle: 'Vue collective',
  documentTitle: 'Vue collective – Trajectoires',
  back: 'Retour à l’accueil',
  loading: 'Chargement de la vue collective…',
  intro:
    'Plusieurs personnes d’une même structure répondent chacune de leur côté ; cette page rassemble leurs réponses, montre où elles se rejoignent et où elles divergent, et aide à construire une réponse commune. Tout reste sur cet appareil.',

  empty: {
    heading: 'Aucune réponse rassemblée pour l’instant',
    howTo:
      'Chaque personne répond sur son propre appareil, puis exporte son fichier de réponses ou envoie un lien de partage. Importez ici ces fichiers et ces liens. En atelier, les participants peuvent aussi répondre à tour de rôle sur cet appareil.',
    importButton: 'Importer des réponses',
    workshopButton: 'Lancer un atelier',
    demoButton: 'Voir la démonstration',
    demoLoading: 'Chargement de la démonstration…',
    demoFailed: 'La démonstration n’a pas pu être chargée. Vérifiez votre connexion et réessayez.',
    demoConfirm: 'Remplacer le groupe en cours sur cet appareil par la démonstration ? Les réponses du groupe actuel seront effacées.',
  },

  workshop: {
    heading: 'Lancer un atelier',
    help: 'Les participants répondent à tour de rôle sur cet appareil : « Participant suivant » enregistre les réponses dans le groupe et ouvre un questionnaire vierge.',
    chooseLegend: 'Quel questionnaire ?',
    duration: (minutes: number) => `environ ${minutes} min`,
    start: 'Commencer l’atelier',
    continue: 'Ajouter des participants (atelier)',
    loading: 'Chargement des questionnaires…',
  },

  storage: {
    unavailable:
      'Ce navigateur n’autorise pas l’enregistrement (navigation privée ?) : le groupe est gardé en mémoire et sera perdu à la fermeture de la page. Exportez les réponses avant de partir.',
    quota: 'Le groupe n’a pas pu être enregistré sur cet appareil (stockage plein). Il reste dans cette page : exportez les réponses avant de la fermer.',
    corruptedHeading: 'Le groupe enregistré sur cet appareil est illisible',
    corruptedText:
      'Les réponses du groupe enregistrées dans ce navigateur sont abîmées et ne peuvent pas être reprises. Téléchargez la sauvegarde brute pour la confier à quelqu’un, puis recommencez.',
    corruptedReason: (reason: string) => `Détail : ${reason}`,
    corruptedDownload: 'Télécharger la sauvegarde brute',
    restart: 'Recommencer un groupe vide',
  },

  import: {
    heading: 'Importer des réponses',
    help: 'Fichiers de réponses (.json) exportés depuis cet outil, ou liens de partage. Les fichiers sont lus sur cet appareil, sans être envoyés. Une réponse déjà présente n’est pas ajoutée deux fois.',
    filesLabel: 'Fichiers de réponses',
    filesHint: 'Vous pouvez en choisir plusieurs à la fois.',
    dropZone: 'Ou déposez les fichiers ici',
    dropZoneActive: 'Lâchez les fichiers pour les importer',
    linksLabel: 'Liens de partage',
    linksHint: 'Un lien par ligne.',
    submit: 'Importer les liens',
    working: 'Import en cours…',
    added: (count: number) =>
      count === 0 ? 'Aucune réponse ajoutée.' : `${count} ${plural(count, 'réponse ajoutée', 'réponses ajoutées')}.`,
    rejectedHeading: (count: number) => `${count} ${plural(count, 'source refusée', 'sources refusées')} :`,
    warningsHeading: 'À noter :',
    reportLabel: 'Résultat de l’import',
    failed: 'L’import n’a pas pu se faire. Réessayez.',
  },

  overview: {
    heading: 'Vue d’ensemble',
    respondents: (count: number) => `${count} ${plural(count, 'répondant·e', 'répondant·es')}`,
    rolesLabel: 'Répartition par rôle',
    respondentsHeading: 'Répondant·es',
    respondentsHelp: 'Les répondant·es sont anonymes par défaut ; les noms n’apparaissent que si vous les affichez.',
    showNames: 'Afficher les noms',
    remove: 'Retirer',
    removeLabel: (name: string) => `Retirer ${name} du groupe`,
    removeConfirm: (name: string) => `Retirer ${name} du groupe ? Ses réponses ne seront plus prises en compte.`,
    removed: (name: string) => `${name} a été retiré·e du groupe.`,
    answeredOn: (date: string) => `réponses du ${date}`,
    showOthers: (count: number) => `Afficher les ${formatInteger(count)} autres répondant·es`,
    organisationsNote: (list: string, mostFrequent: string) =>
      `Ces réponses portent plusieurs noms de structure (${list}). Une vue collective rassemble les personnes d’une même structure : retirez les réponses qui n’en font pas partie. Le rapport collectif porte le nom le plus fréquent, « ${mostFrequent} ».`,
    organisationItem: (name: string, count: number) => `« ${name} » : ${count}`,
    versionsNote: (list: string) =>
      `Les réponses viennent de plusieurs versions du questionnaire (${list}) : elles sont comparées question par question.`,
    versionItem: (version: string, count: number) => `version ${version} : ${count}`,
    areasHeading: 'Scores par domaine',
    areasCaption: 'Score moyen, minimum et maximum sur 100 de chaque domaine, et nombre de répondant·es à chaque niveau',
    dimensionsHeading: 'Scores par dimension',
    dimensionsCaption: 'Score moyen, minimum et maximum sur 100 de chaque dimension, et nombre de répondant·es à chaque niveau',
    area: 'Domaine',
    dimension: 'Dimension',
    mean: 'Moyenne',
    min: 'Min.',
    max: 'Max.',
    distribution: 'Répartition des niveaux',
    notScored: '—',
    notScoredHelp: 'aucun score calculable',
    noneAtLevel: 'aucun niveau',
    scrollRegion: (caption: string) => `${caption} (tableau défilant)`,
    byRoleHeading: 'Résultats par rôle',
    byRoleHelp: 'Score moyen sur 100 de chaque domaine selon le rôle des répondant·es : les conseils d’administration et les équipes voient souvent les choses différemment.',
    byRoleCaption: 'Score moyen de chaque domaine par rôle',
    role: 'Rôle',
    count: 'Nombre',
  },

  leastConsensus: {
    heading: 'Zones de moindre consensus',
    measure:
      'L’écart mesure à quel point les réponses s’éloignent : 0 quand tout le monde a choisi le même niveau, 1,5 quand la moitié a choisi le niveau le plus bas et l’autre moitié le plus haut.',
    none: 'Aucune divergence : sur chaque question notée, les répondant·es ont choisi le même niveau.',
    divergence: (value: string) => `Écart : ${value}`,
    rated: (count: number) => `${count} ${plural(count, 'réponse notée', 'réponses notées')}`,
    distributionLabel: (question: string) => `Réponses à « ${question} »`,
    answerCount: (count: number) => `${count} ${plural(count, 'personne', 'personnes')}`,
  },

  consensus: {
    heading: 'Construire le consensus',
    intro:
      'Passez les questions en revue, en commençant par celles où les avis divergent le plus. Pour chacune, le groupe convient d’une réponse ; sans réponse convenue, la réponse proposée est retenue.',
    position: (index: number, total: number) => `Question ${index} sur ${total}`,
    agreedCount: (agreed: number, total: number) =>
      `${agreed} ${plural(agreed, 'réponse convenue', 'réponses convenues')} sur ${total} ${plural(total, 'question', 'questions')}`,
    previous: 'Précédente',
    next: 'Suivante',
    navigationLabel: 'Navigation entre les questions',
    distributionHeading: 'Ce que le groupe a répondu',
    proposed: (label: string) => `Réponse proposée : ${label}`,
    proposedHelp: 'le niveau médian du groupe ; entre deux niveaux, le plus modeste',
    noProposal: 'Pas de réponse proposée : personne n’a répondu à cette question.',
    agreedLegend: 'Réponse convenue par le groupe',
    clear: 'Effacer la réponse convenue',
    recorded: (label: string) => `Réponse convenue enregistrée : ${label}.`,
    cleared: 'Réponse convenue effacée : la réponse proposée sera retenue.',
    proposedTag: 'proposée',
    resultHeading: 'Résultat du consensus',
    resultIntro:
      'Les scores et le Parcours A.D.O.C. calculés comme pour une seule personne, à partir des réponses convenues et, pour les autres questions, des réponses proposées.',
    score: 'Score',
    level: 'Niveau',
    insufficient: 'Données insuffisantes',
    notApplicable: 'Non concerné',
    resultCaption: 'Scores du consensus sur 100',
    flagsHeading: 'Points de vigilance du consensus',
    pathHeading: 'Parcours A.D.O.C. du consensus',
    pathStep: (order: number) => `Étape ${order}`,
    whyThisTool: 'Pourquoi cet outil ?',
    noPath: 'Aucun outil proposé pour l’instant.',
    toolkitLoading: 'Chargement de la boîte à outils…',
  },

  views: {
    label: 'Affichage',
    overview: 'Vue d’ensemble',
    consensus: 'Construire le consensus',
  },

  actions: {
    heading: 'Partager et conclure',
    downloadPdf: 'Télécharger le rapport collectif (PDF)',
    preparingPdf: 'Préparation du rapport…',
    pdfReady: 'Le rapport collectif a été téléchargé.',
    exportCsv: 'Exporter les réponses (CSV)',
    csvReady: 'Les fichiers CSV ont été téléchargés.',
    failed: 'Le téléchargement n’a pas pu se faire. Réessayez.',
    namesNote: 'Les noms figurent dans les exports seulement si « Afficher les noms » est coché.',
    projection: 'Ouvrir la vue projection (nouvelle fenêtre)',
    reset: 'Réinitialiser le groupe',
    resetConfirm: 'Effacer toutes les réponses du groupe et les réponses convenues sur cet appareil ? Pensez à exporter avant.',
  },

  projection: {
    title: 'Vue collective',
    documentTitle: 'Projection – Vue collective – Trajectoires',
    back: 'Retour',
    waiting: 'En attente des premières réponses…',
    loading: 'Chargement…',
    areasHeading: 'Niveaux par domaine',
    mean: (value: number) => `moyenne ${value} / 100`,
    noMean: 'pas de score',
    leastConsensusHeading: 'Où les avis divergent le plus',
    live: 'Mise à jour automatique à chaque nouvelle réponse.',
    answerCount: (count: number) => (count > 1 ? 'personnes ont répondu :' : 'personne a répondu :'),
  },
} as const;

// Built once: a formatter per call is what makes toLocaleString slow in a loop.
const DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A French decimal with at most two digits: 1,25. */
export function formatDecimal(value: number): string {
  return DECIMAL.format(value);
}

/** A French whole number, thousands apart: 1 250. */
export function formatInteger(value: number): string {
  return INTEGER.format(value);
}
