import type { VitePWAOptions } from 'vite-plugin-pwa';

export const THEME_COLOUR = '#0b5e55';

/**
 * The site's base from `TRAJECTOIRES_BASE`: './' by default, so that one build works from any
 * static host and under any sub-path; an absolute path ('/outils/trajectoires/') when a host wants
 * it. Another origin is refused: the Content-Security-Policy only allows the site's own.
 */
export function resolveBase(value: string | undefined): string {
  const base = value?.trim() || './';
  if (base === './') return base;
  if (!base.startsWith('/') || base.startsWith('//') || /[?#\s]/.test(base)) {
    throw new Error(`TRAJECTOIRES_BASE must be './' or a path starting with '/', e.g. '/outils/trajectoires/' (got '${value}')`);
  }
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The service worker and the manifest. Relative addresses everywhere: the manifest resolves them
 * against its own address and the worker against its script, both under the base.
 */
export function buildPwaOptions(): Partial<VitePWAOptions> {
  return {
    strategies: 'generateSW',
    // A new version waits until the person agrees (src/pwa): it must not take over a page in the
    // middle of a diagnosis, whose lazy chunks the old worker keeps serving from its precache.
    registerType: 'prompt',
    // An external, deferred registerSW.js: the Content-Security-Policy refuses inline scripts, and
    // registration must not depend on the app mounting any component.
    injectRegister: 'script-defer',
    // `npm run dev` and the tests that use Vite's dev server stay without a service worker.
    devOptions: { enabled: false },
    manifestFilename: 'manifest.webmanifest',
    // The glob below already takes the icons; listing them twice would only duplicate entries.
    includeManifestIcons: false,
    manifest: {
      name: 'Trajectoires – Autodiagnostic du modèle socio-économique',
      short_name: 'Trajectoires',
      description:
        'Autodiagnostic du modèle socio-économique des associations et structures d’intérêt général : richesses humaines, ressources financières, alliances stratégiques.',
      lang: 'fr',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOUR,
      background_color: THEME_COLOUR,
      icons: [
        { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
        { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
        { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // The app, the questionnaires (questionnaires/*.json, translations included), the demo
      // workshop, the PDF fonts, the icons: everything a diagnosis and its PDF need offline.
      globPatterns: ['**/*.{js,css,html,json,ttf,svg,png,ico,webmanifest}'],
      // jsPDF's optional html() and SVG helpers (html2canvas, DOMPurify, canvg): the report never
      // calls them, so the 380 KB they weigh are left out of every install.
      globIgnores: ['**/html2canvas-*.js', '**/purify.es-*.js', '**/index.es-*.js'],
      // The two DejaVu fonts are about 0.7 MB each; 5 MB leaves room without letting a stray file in unnoticed.
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      // Hash routes: every navigation is the single page.
      navigateFallback: 'index.html',
      skipWaiting: false,
      clientsClaim: false,
      cleanupOutdatedCaches: true,
    },
  };
}
