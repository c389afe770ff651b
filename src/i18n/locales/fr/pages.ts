/** The `pages` catalogue in French, the source language (i18next syntax: {{name}}, plurals with _one/_other). */
const pages = {} as const;

export default pages;
