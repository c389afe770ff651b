import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';
import { PRERENDERED_WELCOME } from '../src/page-markers';
import { questionnairesPlugin } from './vite-plugin-questionnaires';

// What the built page shows before its JavaScript has run: the French welcome page itself,
// rendered by React at build time from the app's own components (src/prerender.tsx). On a slow
// phone the page is there at the first paint; the app then takes it over as it is (hydrates,
// src/start-app.tsx) instead of building it again. No script, no style: the CSP stays strict
// (scripts/vite-plugin-csp.ts refuses the build otherwise).

export const EMPTY_ROOT = '<div id="root"></div>';

/** The app's modules through Vite's server-side loader: the same TSX, catalogues and questionnaire index as the browser's build. */
export async function prerenderWelcomePage(root: string): Promise<string> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    plugins: [react(), questionnairesPlugin()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { renderWelcomePage } = (await server.ssrLoadModule('/src/prerender.tsx')) as typeof import('../src/prerender');
    return await renderWelcomePage();
  } finally {
    await server.close();
  }
}

export function fillRoot(html: string, page: string): string {
  if (!html.includes(EMPTY_ROOT)) throw new Error(`index.html has no ${EMPTY_ROOT} to fill with the prerendered page`);
  return html.replace(EMPTY_ROOT, `<div id="root" data-prerendered="${PRERENDERED_WELCOME}">${page}</div>`);
}

export function staticShellPlugin(): Plugin {
  let projectRoot = process.cwd();
  return {
    name: 'trajectoires:static-shell',
    // The development server renders in the browser, as before any prerender.
    apply: 'build',
    configResolved(config) {
      projectRoot = config.root;
    },
    async transformIndexHtml(html) {
      return fillRoot(html, await prerenderWelcomePage(projectRoot));
    },
  };
}
