import path from 'node:path';
import { fileURLToPath } from 'node:url';
import common from '../../src/i18n/locales/fr/common';
import { PRERENDERED_WELCOME } from '../../src/page-markers';
import { EMPTY_ROOT, fillRoot, prerenderWelcomePage, staticShellPlugin } from '../../scripts/vite-plugin-static-shell';
import { findInlineCode } from '../../scripts/vite-plugin-csp';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('the welcome page prerendered into index.html', () => {
  let page = '';
  beforeAll(async () => {
    page = await prerenderWelcomePage(REPO_ROOT);
  }, 60_000);

  it('is the app’s own French welcome page: header, heading, introduction, a start button per questionnaire, import and group', () => {
    expect(page).toContain(`<h1>${escaped(common.welcome.heading)}</h1>`);
    expect(page).toContain(`<p class="lead">${escaped(common.welcome.intro)}</p>`);
    expect(page).toContain('<main id="main" class="page" tabindex="-1">');
    expect(page).toContain(escaped(common.appTagline));
    expect(page).toContain('Commencer : Diagnostic express');
    expect(page).toContain('Commencer : Diagnostic complet');
    expect(page).toContain(escaped(common.welcome.importButton));
    expect(page).toContain(escaped(common.welcome.groupButton));
    expect(page).toContain(escaped(common.footer.accessibility));
  });

  it('lists no saved diagnosis and shows no loading line: the browser’s first render is the same page', () => {
    expect(page).not.toContain(escaped(common.welcome.loading));
    expect(page).not.toContain('library-heading');
  });

  it('has no script, style or event handler (the policy refuses them)', () => {
    expect(findInlineCode(page)).toEqual([]);
    expect(page).not.toMatch(/<script|<style/i);
  });
});

describe('the page written into index.html', () => {
  it('fills the empty root and marks it as the prerendered welcome page', () => {
    expect(fillRoot(`<body>${EMPTY_ROOT}</body>`, '<h1>Accueil</h1>')).toBe(`<body><div id="root" data-prerendered="${PRERENDERED_WELCOME}"><h1>Accueil</h1></div></body>`);
  });

  it('refuses a page without an empty root', () => {
    expect(() => fillRoot('<body><div id="app"></div></body>', '<h1>Accueil</h1>')).toThrow(/no <div id="root"><\/div>/);
  });

  it('is done by the build only: the development server renders in the browser', () => {
    expect(staticShellPlugin().apply).toBe('build');
  });
});
