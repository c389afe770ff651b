import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';
import { APP_CHUNKS_META_NAME } from '../src/page-markers';

// src/main.tsx starts the app only once the static shell is painted, and evaluates it in stages,
// each in its own task, so that no single task blocks a slow phone for long. Dynamic imports made
// one after the other would also download one after the other; this plugin lists every chunk the
// app needs at start in a <meta>, and main.tsx asks for all of them at once (modulepreload links)
// before evaluating the first stage. The list is data, not a script: the CSP stays strict.

/** The module main.tsx imports last, whose chunks (and their static imports) are listed. */
export const APP_ENTRY = 'src/start-app.tsx';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const isChunk = (output: OutputBundle[string] | undefined): output is OutputChunk => output?.type === 'chunk';

/** The chunk built from `moduleId` (or the one `isStart` picks) and every chunk it imports statically, each once, dependencies first. */
export function listStaticChunks(bundle: OutputBundle, moduleId: string, isStart: (chunk: OutputChunk) => boolean = (chunk) => (chunk.facadeModuleId ?? '').replace(/\\/g, '/').endsWith(`/${moduleId}`)): string[] {
  const start = Object.values(bundle).find((output): output is OutputChunk => isChunk(output) && isStart(output));
  if (!start) throw new Error(`no chunk is built from ${moduleId}: the app's chunks cannot be listed`);
  const ordered: string[] = [];
  // Chunks can import each other in a cycle: a chunk is marked before its imports are visited.
  const visited = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (visited.has(fileName) || !isChunk(chunk)) return;
    visited.add(fileName);
    for (const imported of chunk.imports) visit(imported);
    ordered.push(fileName);
  };
  visit(start.fileName);
  return ordered;
}

export function appChunksPlugin(): Plugin {
  let base = './';
  return {
    name: 'trajectoires:app-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context): HtmlTagDescriptor[] {
        if (!context.bundle) return [];
        const bundle = context.bundle;
        // What the page's own entry loads is already there (index.html links it).
        const loadedByPage = new Set(
          Object.values(bundle)
            .filter((output): output is OutputChunk => isChunk(output) && output.isEntry)
            .flatMap((entry) => listStaticChunks(bundle, entry.fileName, (chunk) => chunk.fileName === entry.fileName)),
        );
        // Addresses relative to the page, as Vite writes them with the default base './'.
        const prefix = base === '' || base === './' ? './' : base;
        const chunks = listStaticChunks(bundle, APP_ENTRY).filter((fileName) => !loadedByPage.has(fileName));
        return [{ tag: 'meta', attrs: { name: APP_CHUNKS_META_NAME, content: chunks.map((fileName) => `${prefix}${fileName}`).join(' ') }, injectTo: 'head' }];
      },
    },
  };
}
