/** The `compare` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const compare = {} as const;

export default compare;
