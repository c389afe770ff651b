/** Every word of the comparison screen that the report's evolution section does not already write. */
export const compareMessages = {
  documentTitle: (organisationName: string) => `Évolution – ${organisationName} – Trajectoires`,
  back: 'Retour',
  intro: (olderDate: string, olderTitle: string, newerDate: string, newerTitle: string) =>
    `Le diagnostic du ${olderDate} (« ${olderTitle} ») comparé à celui du ${newerDate} (« ${newerTitle} »). Scores sur 100 ; l’évolution est l’écart en points.`,
  areasHeading: 'Piliers et projet',
  areasCaption: 'Score de chaque domaine avant et après, et son évolution',
  chartLabel: 'Scores avant et après, par domaine',
  chartDescription: (rows: { label: string; before: string; after: string }[]) =>
    rows.map((row) => `${row.label} : ${row.before} puis ${row.after}`).join(' ; '),
  seriesBefore: (date: string) => `Avant (${date})`,
  seriesAfter: (date: string) => `Après (${date})`,
  dimensionsHeading: 'Dimensions',
  dimensionsCaption: 'Score de chaque dimension avant et après, et son évolution, par domaine',
  scrollRegion: (table: string) => `${table} (le tableau défile horizontalement)`,
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
