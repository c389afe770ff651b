import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: PreviewServer | undefined;

/** Builds the real app once and serves it, so browser journeys test what people download. */
export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH} (Debian: apt-get install chromium).`);
  }
  // Its own output directory when asked, so that two runs (or a build beside them) do not collide.
  const outDir = process.env.BROWSER_TEST_OUT_DIR ?? path.join(root, 'dist');
  // Vitest sets NODE_ENV to `test`, which a Vite build keeps: React would be its development
  // build (twice the size, other code paths), not what people download.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  assertProductionBuild(outDir);
  server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
}

/** A warning only React's development build carries: its presence means the journeys would test another bundle. */
const REACT_DEVELOPMENT_MARKER = 'Each child in a list should have a unique';

function assertProductionBuild(outDir: string): void {
  const assets = path.join(outDir, 'assets');
  const developmentFiles = readdirSync(assets).filter((file) => file.endsWith('.js') && readFileSync(path.join(assets, file), 'utf8').includes(REACT_DEVELOPMENT_MARKER));
  if (developmentFiles.length > 0) throw new Error(`The browser tests' build holds React's development build (${developmentFiles.join(', ')}).`);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
