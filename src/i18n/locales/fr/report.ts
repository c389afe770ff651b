/** The `report` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const report = {} as const;

export default report;
