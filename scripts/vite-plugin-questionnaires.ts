import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { languageOfLocale } from '../src/domain/questionnaire-translation';
import { loadContentDirectory, type ContentDirectory } from './lib/questionnaire-files';
import type { QuestionnaireIndexEntry } from '../src/data/questionnaire-queries';

// Runs in Node only (the config's plugin), so the YAML parser never reaches the browser bundle:
// the app fetches plain JSON, validated here at build time and again by zod at load time.

export const QUESTIONNAIRE_ASSET_DIR = 'questionnaires';

export interface QuestionnaireAsset {
  /** Relative to the output directory, e.g. `questionnaires/diagnostic-complet.json`. */
  fileName: string;
  source: string;
}

/** An entry of the index as the build writes it: always with its languages and their titles. */
type BuiltIndexEntry = QuestionnaireIndexEntry & Required<Pick<QuestionnaireIndexEntry, 'languages' | 'translations'>>;

/**
 * The JSON files the app fetches: one per questionnaire and one per translation of it
 * (`<id>.<language>.json`), the toolkit under a fixed name whatever its id (`toolkit.json`,
 * `toolkit.<language>.json`), and the index of questionnaires. Both the dev server and the build
 * serve exactly these.
 */
export function buildQuestionnaireAssets(
  content: Pick<ContentDirectory, 'questionnaires' | 'toolkits'> & Partial<Pick<ContentDirectory, 'translatedQuestionnaires' | 'translatedToolkits'>>,
): QuestionnaireAsset[] {
  const asset = (name: string, data: unknown): QuestionnaireAsset => ({
    fileName: `${QUESTIONNAIRE_ASSET_DIR}/${name}.json`,
    source: JSON.stringify(data),
  });
  // `$schema` only points YAML editors at the schema file; it means nothing to the app.
  const withoutSchemaKey = <T extends { $schema?: string }>({ $schema: _, ...data }: T) => data;

  const translatedQuestionnaires = content.translatedQuestionnaires ?? [];
  const translatedToolkits = content.translatedToolkits ?? [];

  const assets = content.questionnaires.map(({ questionnaire }) => asset(questionnaire.id, withoutSchemaKey(questionnaire)));
  assets.push(...translatedQuestionnaires.map(({ language, questionnaire }) => asset(`${questionnaire.id}.${language}`, withoutSchemaKey(questionnaire))));
  const [toolkit] = content.toolkits;
  if (toolkit) {
    assets.push(asset('toolkit', withoutSchemaKey(toolkit.toolkit)));
    assets.push(...translatedToolkits.map(({ language, toolkit: translated }) => asset(`toolkit.${language}`, withoutSchemaKey(translated))));
  }
  const index = content.questionnaires.map(({ questionnaire: { id, version, title, description, durationMinutes, locale } }): BuiltIndexEntry => {
    const translations = translatedQuestionnaires.filter(({ questionnaire }) => questionnaire.id === id);
    return {
      id,
      version,
      title,
      description,
      durationMinutes,
      locale,
      languages: [languageOfLocale(locale), ...translations.map(({ language }) => language)],
      translations: Object.fromEntries(
        translations.map(({ language, questionnaire }) => [language, { locale: questionnaire.locale, title: questionnaire.title, description: questionnaire.description }]),
      ),
    };
  });
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
  // Only `<id>.json` and `<id>.<language>.json`: the schema files (`*.schema.json`) and the YAML sources are left to Vite.
  return /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]{2})?\.json$/.test(name) ? `${QUESTIONNAIRE_ASSET_DIR}/${name}` : undefined;
}

/**
 * The index of questionnaires as a module of the app, so that the welcome page lists them in its
 * first paint (no request, no schema to load, nothing moving under the reader once it arrives).
 * The build checked it; `questionnaires/index.json` stays for anyone who reads the files.
 */
export const QUESTIONNAIRE_INDEX_MODULE = 'virtual:trajectoires/questionnaire-index';
const RESOLVED_INDEX_MODULE = `\0${QUESTIONNAIRE_INDEX_MODULE}`;

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
      [...content.questionnaires, ...content.toolkits, ...content.translatedQuestionnaires, ...content.translatedToolkits].forEach(({ file }) =>
        this.addWatchFile(path.resolve(config.root, file)),
      );
      if (content.errors.length > 0) this.error(formatReport(content.errors));
      assets = buildQuestionnaireAssets(content);
    },

    resolveId(id) {
      return id === QUESTIONNAIRE_INDEX_MODULE ? RESOLVED_INDEX_MODULE : undefined;
    },

    load(id) {
      if (id !== RESOLVED_INDEX_MODULE) return undefined;
      const content = load();
      if (content.errors.length > 0) this.error(formatReport(content.errors));
      const index = buildQuestionnaireAssets(content).find((asset) => asset.fileName === `${QUESTIONNAIRE_ASSET_DIR}/index.json`);
      return `export default ${index?.source ?? '[]'};`;
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
        const indexModule = server.moduleGraph.getModuleById(RESOLVED_INDEX_MODULE);
        if (indexModule) server.moduleGraph.invalidateModule(indexModule);
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
