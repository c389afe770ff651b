// The index of questionnaires, built into the app by scripts/vite-plugin-questionnaires.ts.
declare module 'virtual:trajectoires/questionnaire-index' {
  const index: import('./questionnaire-queries').QuestionnaireIndex;
  export default index;
}
