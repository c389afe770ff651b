import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { buildPwaOptions, resolveBase } from './scripts/pwa-options';
import { questionnairesPlugin } from './scripts/vite-plugin-questionnaires';
import { cspPlugin } from './scripts/vite-plugin-csp';
import { staticShellPlugin } from './scripts/vite-plugin-static-shell';
import { appChunksPlugin } from './scripts/vite-plugin-app-chunks';

export default defineConfig({
  // './' by default: the built site works from any static host and under any sub-path;
  // TRAJECTOIRES_BASE=/outils/trajectoires/ for an absolute base (scripts/pwa-options.ts).
  base: resolveBase(process.env.TRAJECTOIRES_BASE),
  plugins: [react(), questionnairesPlugin(), staticShellPlugin(), appChunksPlugin(), VitePWA(buildPwaOptions()), cspPlugin()],
  // Every `import … from 'zod'` of the app gets zod without eval (src/zod-jitless.ts explains why).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zod-jitless.ts', import.meta.url)) }] },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The browser fetches a chunk's imports itself; Vite's preload helper would add a <link> per
    // import from script, a millisecond of main thread each, in the middle of a step change.
    modulePreload: false,
    rolldownOptions: {
      output: {
        // The libraries every page starts with, in three chunks rather than a dozen small ones:
        // fewer requests on a slow connection, and src/main.tsx evaluates each in its own task.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'i18next', test: /[\\/]node_modules[\\/](i18next|react-i18next|i18next-resources-to-backend|use-sync-external-store)[\\/]/ },
            { name: 'tanstack-query', test: /[\\/]node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/**/*.test.tsx'],
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
