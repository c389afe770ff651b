import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { loadContentDirectory, type ContentDirectory } from './lib/questionnaire-files';

// Runs in Node only (the config's plugin), so the YAML parser never reaches the browser bundle:
// the app fetches plain JSON, validated here at build time and again by zod at load time.

export const QUESTIONNAIRE_ASSET_DIR = 'questionnaires';

export interface QuestionnaireAsset {
  /** Relative to the output directory, e.g. `questionnaires/diagnostic-complet.json`. */
  fileName: string;
  source: string;
}

/**
 * The JSON files the app fetches: one per questionnaire, the toolkit under a fixed name whatever
 * its id, and the index of questionnaires. Both the dev server and the build serve exactly these.
 */
export function buildQuestionnaireAssets(content: Pick<ContentDirectory, 'questionnaires' | 'toolkits'>): QuestionnaireAsset[] {
  const asset = (name: string, data: unknown): QuestionnaireAsset => ({
    fileName: `${QUESTIONNAIRE_ASSET_DIR}/${name}.json`,
    source: JSON.stringify(data),
  });
  // `$schema` only points YAML editors at the schema file; it means nothing to the app.
  const withoutSchemaKey = <T extends { $schema?: string }>({ $schema: _, ...data }: T) => data;

  const assets = content.questionnaires.map(({ questionnaire }) => asset(questionnaire.id, withoutSchemaKey(questionnaire)));
  const [toolkit] = content.toolkits;
  if (toolkit) assets.push(asset('toolkit', withoutSchemaKey(toolkit.toolkit)));
  const index = content.questionnaires.map(({ questionnaire: { id, version, title, description, durationMinutes, locale } }) => ({
    id,
    version,
    title,
    description,
    durationMinutes,
    locale,
  }));
  assets.push(asset('index', index));
  return assets;
}

/** The asset file name a dev-server request asks for, or undefined when the request is not ours. */
export function matchQuestionnaireRequest(url: string, base: string): string | undefined {
  const basePath = new URL(base, 'http://localhost').pathname;
  const pathname = new URL(url, 'http://localhost').pathname;
  const prefix = `${basePath.endsWith('/') ? basePath : `${basePath}/`}${QUESTIONNAIRE_ASSET_DIR}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const name = pathname.slice(prefix.length);
  // Only `<id>.json`: the schema files (`*.schema.json`) and the YAML sources are left to Vite.
  return /^[a-z0-9]+(-[a-z0-9]+)*\.json$/.test(name) ? `${QUESTIONNAIRE_ASSET_DIR}/${name}` : undefined;
}

export function questionnairesPlugin(options: { dir?: string } = {}): Plugin {
  let config: ResolvedConfig;
  let contentDir: string;
  let assets: QuestionnaireAsset[] = [];

  const load = () => loadContentDirectory(contentDir, { rootDir: config.root });
  const isContentFile = (file: string) => path.dirname(path.resolve(file)) === contentDir && file.endsWith('.yaml');
  const formatReport = (errors: string[]) => `Invalid questionnaire files:\n${errors.join('\n')}`;

  return {
    name: 'trajectoires:questionnaires',

    configResolved(resolvedConfig) {
      config = resolvedConfig;
      contentDir = path.resolve(config.root, options.dir ?? QUESTIONNAIRE_ASSET_DIR);
    },

    buildStart() {
      // The dev server reports errors per request instead, so that fixing a file needs no restart.
      if (config.command !== 'build') return;
      const content = load();
      [...content.questionnaires, ...content.toolkits].forEach(({ file }) => this.addWatchFile(path.resolve(config.root, file)));
      if (content.errors.length > 0) this.error(formatReport(content.errors));
      assets = buildQuestionnaireAssets(content);
    },

    generateBundle() {
      for (const { fileName, source } of assets) this.emitFile({ type: 'asset', fileName, source });
    },

    configureServer(server) {
      server.watcher.add(contentDir);
      const reloadOnContentChange = (file: string) => {
        if (!isContentFile(file)) return;
        const { errors } = load();
        if (errors.length > 0) config.logger.error(formatReport(errors), { timestamp: true });
        server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', reloadOnContentChange);
      server.watcher.on('add', reloadOnContentChange);
      server.watcher.on('unlink', reloadOnContentChange);

      server.middlewares.use((request, response, next) => {
        const fileName = request.method === 'GET' || request.method === 'HEAD' ? matchQuestionnaireRequest(request.url ?? '', config.base) : undefined;
        if (!fileName) return next();
        // Re-read on every request so that an edited file shows on the next reload.
        const content = load();
        if (content.errors.length > 0) {
          config.logger.error(formatReport(content.errors), { timestamp: true });
          response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
          return response.end(formatReport(content.errors));
        }
        const asset = buildQuestionnaireAssets(content).find((candidate) => candidate.fileName === fileName);
        if (!asset) {
          response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
          return response.end(`No questionnaire file for ${fileName}`);
        }
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : asset.source);
      });
    },
  };
}
