/** The `group` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const group = {} as const;

export default group;
