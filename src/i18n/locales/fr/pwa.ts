/** The `pwa` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const pwa = {} as const;

export default pwa;
