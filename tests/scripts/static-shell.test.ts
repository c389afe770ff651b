import common from '../../src/i18n/locales/fr/common';
import { EMPTY_ROOT, renderStaticShell, staticShellPlugin } from '../../scripts/vite-plugin-static-shell';

describe('the static shell of index.html', () => {
  const shell = renderStaticShell();

  it('carries the welcome heading and introduction of the French catalogue, escaped', () => {
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    expect(shell).toContain(`<h1>${escaped(common.welcome.heading)}</h1>`);
    expect(shell).toContain(`<p class="lead">${escaped(common.welcome.intro)}</p>`);
    expect(shell).toContain('<main id="main" class="page" tabindex="-1">');
  });

  it('has no script, style or event handler (the policy refuses them)', () => {
    expect(shell).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('fills the empty root of index.html, and refuses a page without one', () => {
    const plugin = staticShellPlugin();
    const transform = plugin.transformIndexHtml as (html: string) => string;
    expect(transform(`<body>${EMPTY_ROOT}</body>`)).toBe(`<body><div id="root">${shell}</div></body>`);
    expect(() => transform('<body><div id="app"></div></body>')).toThrow(/no <div id="root"><\/div>/);
  });
});
