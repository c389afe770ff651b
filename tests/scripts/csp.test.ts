import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPwaOptions, resolveBase } from '../../scripts/pwa-options';
import {
  findInlineCode,
  HEADER_CONTENT_SECURITY_POLICY,
  injectPolicyMeta,
  META_CONTENT_SECURITY_POLICY,
  renderHeadersFile,
} from '../../scripts/vite-plugin-csp';

const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));

describe('the Content-Security-Policy', () => {
  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ])('the built page says %s %s', (name, value) => {
    expect(directives(META_CONTENT_SECURITY_POLICY).get(name)).toBe(value);
  });

  it('allows no inline code, no eval and no other origin', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
    expect(directives(META_CONTENT_SECURITY_POLICY).size).toBe(11);
  });

  it('leaves frame-ancestors to the header, since a <meta> policy cannot carry it', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(HEADER_CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('is exactly what public/_headers sends', () => {
    const headers = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    expect(headers).toBe(renderHeadersFile());
    expect(headers).toContain(`  Content-Security-Policy: ${HEADER_CONTENT_SECURITY_POLICY}\n`);
  });

  it('goes in <head> right after the charset, before any script or stylesheet', () => {
    const html = injectPolicyMeta('<html><head>\n<meta charset="UTF-8" />\n<script type="module" src="./a.js"></script></head></html>');
    const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`;
    expect(html.indexOf(meta)).toBeGreaterThan(html.indexOf('charset'));
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<script'));
  });
});

describe('findInlineCode', () => {
  it.each([
    ['an inline script', '<script>alert(1)</script>', 1],
    ['an inline module', '<script type="module">import "./a.js"</script>', 1],
    ['a script with both a file and a body', '<script src="./a.js">alert(1)</script>', 1],
    ['a style element', '<style>body{}</style>', 1],
    ['a style attribute', '<div style="color: red"></div>', 1],
    ['an event handler attribute', '<img src="a.png" onerror="alert(1)">', 1],
    ['external scripts and stylesheets', '<script type="module" crossorigin src="./assets/index.js"></script><script id="x" src="./registerSW.js" defer></script><link rel="stylesheet" href="./a.css">', 0],
    ['the policy itself', `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`, 0],
  ])('finds %s', (_, html, count) => {
    expect(findInlineCode(html)).toHaveLength(count);
  });
});

describe('resolveBase (TRAJECTOIRES_BASE)', () => {
  it.each([
    [undefined, './'],
    ['', './'],
    ['./', './'],
    ['/', '/'],
    ['/outils/trajectoires', '/outils/trajectoires/'],
    ['/sous-chemin/', '/sous-chemin/'],
  ])('%j gives %j', (value, base) => {
    expect(resolveBase(value)).toBe(base);
  });

  it.each(['https://cdn.example.org/', '//cdn.example.org/', 'outils/', '/a b/', '/a?b'])('refuses %j', (value) => {
    expect(() => resolveBase(value)).toThrow(/TRAJECTOIRES_BASE/);
  });
});

describe('the service worker and manifest options', () => {
  const options = buildPwaOptions();

  it('waits for the person before a new version takes over', () => {
    expect(options).toMatchObject({ registerType: 'prompt', injectRegister: 'script-defer', devOptions: { enabled: false } });
    expect(options.workbox).toMatchObject({ skipWaiting: false, clientsClaim: false, navigateFallback: 'index.html' });
  });

  it('precaches the questionnaires, the demo, the fonts, the icons and the manifest, fonts included by size', () => {
    const patterns = options.workbox?.globPatterns ?? [];
    expect(patterns).toEqual(['**/*.{js,css,html,json,ttf,svg,png,ico,webmanifest}']);
    expect(options.workbox?.maximumFileSizeToCacheInBytes).toBeGreaterThan(1.5 * 1024 * 1024);
  });

  it('names the app in French, with relative addresses that follow any base', () => {
    expect(options.manifest).toMatchObject({
      name: 'Trajectoires – Autodiagnostic du modèle socio-économique',
      short_name: 'Trajectoires',
      lang: 'fr',
      display: 'standalone',
      start_url: './',
      scope: './',
      theme_color: '#0b5e55',
    });
    const icons = options.manifest ? (options.manifest.icons ?? []) : [];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) expect(() => readFileSync(new URL(`../../public/${icon.src}`, import.meta.url))).not.toThrow();
  });
});
