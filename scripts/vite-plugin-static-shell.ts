import type { Plugin } from 'vite';
import common from '../src/i18n/locales/fr/common';
import { DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES } from '../src/i18n/languages';

// What the page shows before its JavaScript has run: the header and the welcome page's heading and
// introduction, in French, in the same markup React renders first (src/main.tsx, welcome-page.tsx),
// which replaces it. On a slow phone the words are there at the first paint instead of a second
// later, and nothing moves when React takes over. No script, no style: the CSP stays strict.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderStaticShell(): string {
  const switcher = LANGUAGES.map(
    (language) =>
      `<li><button type="button" class="button button-link" lang="${language}" aria-pressed="${language === DEFAULT_LANGUAGE}">${escapeHtml(LANGUAGE_NAMES[language])}</button></li>`,
  ).join('');
  return [
    `<a class="skip-link" href="#main">${escapeHtml(common.skipToContent)}</a>`,
    '<header class="site-header">',
    `<p class="brand"><span class="brand-name">${escapeHtml(common.appName)}</span><span class="brand-tagline">${escapeHtml(common.appTagline)}</span></p>`,
    `<nav class="language-switcher" aria-label="${escapeHtml(common.language.label)}"><ul>${switcher}</ul></nav>`,
    '</header>',
    '<main id="main" class="page" tabindex="-1"><div class="welcome">',
    `<h1>${escapeHtml(common.welcome.heading)}</h1>`,
    `<p class="lead">${escapeHtml(common.welcome.intro)}</p>`,
    '</div></main>',
  ].join('');
}

export const EMPTY_ROOT = '<div id="root"></div>';

export function staticShellPlugin(): Plugin {
  return {
    name: 'trajectoires:static-shell',
    transformIndexHtml(html) {
      if (!html.includes(EMPTY_ROOT)) throw new Error(`index.html has no ${EMPTY_ROOT} to fill with the static shell`);
      return html.replace(EMPTY_ROOT, `<div id="root">${renderStaticShell()}</div>`);
    },
  };
}
