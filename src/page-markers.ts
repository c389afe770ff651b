/**
 * What the build writes into index.html for the page's scripts to read (scripts/vite-plugin-*.ts
 * write them, src/main.tsx and src/start-app.tsx read them). A module of its own, without
 * imports: the build's configuration loads it.
 */

/** The <meta> listing the chunks the app needs at start: addresses relative to the page, space-separated. */
export const APP_CHUNKS_META_NAME = 'trajectoires-app-chunks';

/** The value of #root's data-prerendered when it holds the build's French welcome page. */
export const PRERENDERED_WELCOME = 'accueil-fr';
