import type { Rolldown } from 'vite';
import { APP_ENTRY, appChunksPlugin, listStaticChunks } from '../../scripts/vite-plugin-app-chunks';
import { APP_CHUNKS_META_NAME } from '../../src/page-markers';

/** A bundle of chunks named after what they hold; `imports` are the static imports. */
function bundleOf(chunks: Array<{ fileName: string; facade?: string; imports?: string[]; isEntry?: boolean }>): Rolldown.OutputBundle {
  const bundle: Record<string, unknown> = {};
  for (const chunk of chunks) {
    bundle[chunk.fileName] = { type: 'chunk', fileName: chunk.fileName, facadeModuleId: chunk.facade ?? null, imports: chunk.imports ?? [], isEntry: chunk.isEntry ?? false };
  }
  bundle['assets/style.css'] = { type: 'asset', fileName: 'assets/style.css' };
  return bundle as unknown as Rolldown.OutputBundle;
}

const BUNDLE = bundleOf([
  { fileName: 'assets/index.js', facade: '/repo/src/main.tsx', isEntry: true, imports: ['assets/runtime.js'] },
  { fileName: 'assets/runtime.js' },
  { fileName: 'assets/react.js', imports: ['assets/runtime.js'] },
  // react-dom and the app import each other's shared helpers: a cycle between chunks.
  { fileName: 'assets/client.js', imports: ['assets/react.js', 'assets/app-helpers.js'] },
  { fileName: 'assets/app-helpers.js', imports: ['assets/client.js'] },
  { fileName: 'assets/start-app.js', facade: `/repo/${APP_ENTRY}`, imports: ['assets/client.js', 'assets/react.js', 'assets/style.css'] },
  { fileName: 'assets/pdf.js', imports: ['assets/react.js'] },
]);

describe('the list of chunks the app needs at start', () => {
  it('holds the app chunk and everything it imports, each once, dependencies first, cycles included', () => {
    expect(listStaticChunks(BUNDLE, APP_ENTRY)).toEqual(['assets/runtime.js', 'assets/react.js', 'assets/app-helpers.js', 'assets/client.js', 'assets/start-app.js']);
  });

  it('refuses a bundle without the app chunk, rather than starting the app without its list', () => {
    expect(() => listStaticChunks(bundleOf([{ fileName: 'assets/index.js', facade: '/repo/src/main.tsx' }]), APP_ENTRY)).toThrow(/no chunk is built from src\/start-app.tsx/);
  });

  it('is written in a <meta> of index.html, without the page’s own entry, relative to the page by default', () => {
    const plugin = appChunksPlugin();
    (plugin.configResolved as (config: { base: string }) => void)({ base: './' });
    const handler = (plugin.transformIndexHtml as { handler: (html: string, context: { bundle?: Rolldown.OutputBundle }) => unknown }).handler;
    expect(handler('<html></html>', { bundle: BUNDLE })).toEqual([
      {
        tag: 'meta',
        attrs: { name: APP_CHUNKS_META_NAME, content: './assets/react.js ./assets/app-helpers.js ./assets/client.js ./assets/start-app.js' },
        injectTo: 'head',
      },
    ]);
    (plugin.configResolved as (config: { base: string }) => void)({ base: '/sous-chemin/' });
    const [tag] = handler('<html></html>', { bundle: BUNDLE }) as Array<{ attrs: { content: string } }>;
    expect(tag?.attrs.content.split(' ')[0]).toBe('/sous-chemin/assets/react.js');
  });
});
