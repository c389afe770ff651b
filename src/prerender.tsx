/**
 * The French welcome page as HTML, written into index.html by the build
 * (scripts/vite-plugin-static-shell.ts): a slow phone shows the real page before any JavaScript
 * has run, and React then takes it over as it is (src/start-app.tsx). Run in Node, at build time.
 */
import { renderToString } from 'react-dom/server';
import { i18n, i18nReady } from './i18n/i18n';
import { DEFAULT_LANGUAGE } from './i18n/languages';
import { AppRoot, createQueryClient } from './start-app';

export async function renderWelcomePage(): Promise<string> {
  await i18nReady;
  if (i18n.resolvedLanguage !== DEFAULT_LANGUAGE) throw new Error(`the welcome page is prerendered in ${DEFAULT_LANGUAGE}, not ${i18n.resolvedLanguage}`);
  return renderToString(<AppRoot queryClient={createQueryClient()} />);
}
