/** The `pwa` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const pwa = {
  update: {
    available: 'Nouvelle version disponible.',
    afterDiagnosis: 'Elle sera installée quand vous reviendrez à l’accueil. Vos réponses sont enregistrées.',
    apply: 'Mettre à jour',
    installing: 'Installation…',
  },
} as const;

export default pwa;
