/** The `compare` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const compare = {
  documentTitle: 'Évolution – {{organisationName}} – Trajectoires',
  back: 'Retour',
  intro:
    'Le diagnostic du {{olderDate}} (« {{olderTitle}} ») comparé à celui du {{newerDate}} (« {{newerTitle}} »). Scores sur 100 ; l’évolution est l’écart en points.',
  areasHeading: 'Piliers et projet',
  areasCaption: 'Score de chaque domaine avant et après, et son évolution',
  chartLabel: 'Scores avant et après, par domaine',
  // One row per area, the rows joined by the separator.
  chartDescriptionRow: '{{label}} : {{before}} puis {{after}}',
  chartDescriptionSeparator: ' ; ',
  seriesBefore: 'Avant ({{date}})',
  seriesAfter: 'Après ({{date}})',
  dimensionsHeading: 'Dimensions',
  dimensionsCaption: 'Score de chaque dimension avant et après, et son évolution, par domaine',
  scrollRegion: '{{table}} (le tableau défile horizontalement)',
  columns: { area: 'Domaine', dimension: 'Dimension', before: 'Avant', after: 'Après', change: 'Évolution' },
  changedAnswersHeading: 'Réponses modifiées',
  before: 'Avant :',
  after: 'Après :',
  stepsDoneHeading: 'Étapes du parcours faites depuis',
  download: 'Télécharger le rapport avec l’évolution (PDF)',
  downloading: 'Préparation du rapport…',
  downloaded: 'Le rapport PDF a été téléchargé.',
  downloadFailed: 'Le rapport n’a pas pu être préparé. Vérifiez votre connexion puis réessayez.',
} as const;

export default compare;
