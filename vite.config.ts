import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { buildPwaOptions, resolveBase } from './scripts/pwa-options';
import { questionnairesPlugin } from './scripts/vite-plugin-questionnaires';
import { cspPlugin } from './scripts/vite-plugin-csp';
import { staticShellPlugin } from './scripts/vite-plugin-static-shell';

export default defineConfig({
  // './' by default: the built site works from any static host and under any sub-path;
  // TRAJECTOIRES_BASE=/outils/trajectoires/ for an absolute base (scripts/pwa-options.ts).
  base: resolveBase(process.env.TRAJECTOIRES_BASE),
  plugins: [react(), questionnairesPlugin(), staticShellPlugin(), VitePWA(buildPwaOptions()), cspPlugin()],
  // Every `import … from 'zod'` of the app gets zod without eval (src/zod-jitless.ts explains why).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zod-jitless.ts', import.meta.url)) }] },
  build: { target: 'es2022', sourcemap: false },
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
