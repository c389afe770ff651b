/** The `common` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const common = {} as const;

export default common;
