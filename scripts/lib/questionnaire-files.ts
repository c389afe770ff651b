import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { checkToolkitAgainstQuestionnaires } from '../../src/domain/answers-file';
import { buildCoverageTable, listCoverageGaps, listDisallowedLinks, listMissingTriggers, listUnscorableAreas } from '../../src/domain/content-checks';
import {
  QuestionnaireSchema,
  ToolkitSchema,
  type Questionnaire,
  type Toolkit,
} from '../../src/domain/questionnaire-schema';
import {
  applyQuestionnaireTranslation,
  applyToolkitTranslation,
  checkTranslation,
  findTranslationPath,
  isToolkit,
  languageOfLocale,
  TranslationSchema,
  type Translation,
} from '../../src/domain/questionnaire-translation';

// Node only: this file reads the disk and parses YAML, so nothing under src/ may import it.

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CONTENT_DIR = path.join(REPO_ROOT, 'questionnaires');

/**
 * A file is a toolkit when its top level has a `tools` key, otherwise a questionnaire. The content
 * decides rather than the file name, so an author can rename a file freely; a toolkit whose
 * `tools` key is misspelt then reads as a questionnaire, whose errors still name the stray key.
 */
export type ContentKind = 'questionnaire' | 'toolkit';

/**
 * `diagnostic-express.en.yaml` translates `diagnostic-express.yaml` into `en`: the file name, not
 * the content, says which file a translation belongs to, so that it sits beside its source.
 */
const TRANSLATION_FILE_NAME = /^(?<stem>.+)\.(?<language>[a-z]{2})\.yaml$/;

export function parseTranslationFileName(name: string): { sourceName: string; language: string } | undefined {
  const groups = TRANSLATION_FILE_NAME.exec(name)?.groups;
  return groups?.stem && groups.language ? { sourceName: `${groups.stem}.yaml`, language: groups.language } : undefined;
}

/** `file:line path: message`, for errors found after loading (cross-file checks). */
export type FormatError = (issuePath: readonly PropertyKey[], message: string) => string;

interface ContentFileBase {
  /** The path relative to the repository root, with forward slashes. */
  file: string;
  /** Formatted `file:line path: message` lines; empty when the file is valid. */
  errors: string[];
  formatError: FormatError;
}
/** The parsed content is present only when `errors` is empty. */
export type ContentFileResult =
  | (ContentFileBase & { kind: 'questionnaire'; questionnaire?: Questionnaire })
  | (ContentFileBase & { kind: 'toolkit'; toolkit?: Toolkit })
  | TranslationFileResult;

export type TranslationFileResult = ContentFileBase & {
  kind: 'translation';
  /** The two-letter language of the file name (`en` for `toolkit.en.yaml`). */
  language: string;
  /** The display path of the file it translates, in the same directory. */
  sourceFile: string;
  translation?: Translation;
};

export interface LoadedQuestionnaire {
  file: string;
  questionnaire: Questionnaire;
}
export interface LoadedToolkit {
  file: string;
  toolkit: Toolkit;
}
/** A questionnaire in another language than its source's: the source with the translation's words. */
export interface TranslatedQuestionnaire extends LoadedQuestionnaire {
  language: string;
}
export interface TranslatedToolkit extends LoadedToolkit {
  language: string;
}
export interface ContentDirectory {
  questionnaires: LoadedQuestionnaire[];
  toolkits: LoadedToolkit[];
  /** Only translations that passed checkTranslation, already applied; `file` is the translation's. */
  translatedQuestionnaires: TranslatedQuestionnaire[];
  translatedToolkits: TranslatedToolkit[];
  errors: string[];
}

export interface LoadOptions {
  /** Paths in messages are relative to this directory (the repository root by default). */
  rootDir?: string;
}

// The mistake authors make most: a plain text containing ": " reads as a nested key.
const YAML_HINTS: Record<string, string> = {
  'Nested mappings are not allowed in compact mappings': ' (put a text that contains ": " between quotes)',
};

/** Ids a questionnaire cannot take, because their JSON file names are already used. */
const RESERVED_QUESTIONNAIRE_IDS = ['index', 'toolkit'];

export function loadContentFile(filePath: string, options: LoadOptions = {}): ContentFileResult {
  const absolutePath = path.resolve(filePath);
  const file = toDisplayPath(absolutePath, options.rootDir ?? REPO_ROOT);
  const { document, formatError, syntaxErrors } = parseYamlFile(absolutePath, file);

  const translationName = parseTranslationFileName(path.basename(absolutePath));
  if (translationName) {
    const sourceFile = toDisplayPath(path.join(path.dirname(absolutePath), translationName.sourceName), options.rootDir ?? REPO_ROOT);
    const base = { kind: 'translation' as const, file, formatError, language: translationName.language, sourceFile };
    if (syntaxErrors.length > 0) return { ...base, errors: syntaxErrors };
    const parsed = parseWithMessages(TranslationSchema, document.toJS(), formatError);
    return parsed.success ? { ...base, errors: [], translation: parsed.data } : { ...base, errors: parsed.errors };
  }

  const kind: ContentKind = isMap(document.contents) && document.contents.has('tools') ? 'toolkit' : 'questionnaire';
  if (syntaxErrors.length > 0) return { kind, file, errors: syntaxErrors, formatError };

  const data: unknown = document.toJS();
  if (kind === 'toolkit') {
    const result = parseWithMessages(ToolkitSchema, data, formatError);
    return result.success
      ? { kind, file, errors: [], formatError, toolkit: result.data }
      : { kind, file, errors: result.errors, formatError };
  }
  const result = parseWithMessages(QuestionnaireSchema, data, formatError);
  return result.success
    ? { kind, file, errors: [], formatError, questionnaire: result.data }
    : { kind, file, errors: result.errors, formatError };
}

function parseYamlFile(absolutePath: string, file: string): { document: Document; formatError: FormatError; syntaxErrors: string[] } {
  const lineCounter = new LineCounter();
  // prettyErrors would append a multi-line excerpt to each message; we want one line per error.
  const document = parseDocument(readFileSync(absolutePath, 'utf8'), { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const formatError: FormatError = (issuePath, message) =>
    `${file}:${findLine(document, issuePath, lineOf)} ${formatIssuePath(issuePath)}: ${message}`;
  const syntaxErrors = document.errors.map((error) => `${file}:${lineOf(error.pos[0])} YAML syntax: ${error.message}${YAML_HINTS[error.message] ?? ''}`);
  return { document, formatError, syntaxErrors };
}

/** The schema's result, its issues as `file:line path: message` lines in line order. */
function parseWithMessages<T>(schema: z.ZodType<T>, data: unknown, formatError: FormatError): { success: true; data: T } | { success: false; errors: string[] } {
  const knownKeysAt = new Map<string, string[]>();
  const result = schema.safeParse(data, { error: createErrorMap(knownKeysAt) });
  if (result.success) return { success: true, data: result.data };
  return { success: false, errors: sortByLine(result.error.issues.flatMap((issue) => formatIssue(issue, formatError, knownKeysAt))) };
}

/** Loads every `*.yaml` of a directory (not its subdirectories) and checks the files against each other. */
export function loadContentDirectory(dir: string = CONTENT_DIR, options: LoadOptions = {}): ContentDirectory {
  const absoluteDir = path.resolve(dir);
  const displayDir = toDisplayPath(absoluteDir, options.rootDir ?? REPO_ROOT);
  if (!isDirectory(absoluteDir)) {
    return { questionnaires: [], toolkits: [], translatedQuestionnaires: [], translatedToolkits: [], errors: [`${displayDir}: directory not found`] };
  }
  const files = readdirSync(absoluteDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => loadContentFile(path.join(absoluteDir, name), options));
  return checkContentFiles(files, displayDir);
}

/**
 * The checks that need every file at once: one toolkit, at least one questionnaire, unique
 * questionnaire ids, each questionnaire's references from the toolkit, the content checks
 * (coverage gaps, signals no tool answers, links outside the allow-list) and each translation
 * against its source, so that the build refuses what `npm run questionnaires:check` refuses.
 */
export function checkContentFiles(files: readonly ContentFileResult[], displayDir: string): ContentDirectory {
  const errors = files.flatMap((file) => file.errors);
  const questionnaires: (LoadedQuestionnaire & { formatError: FormatError })[] = [];
  const toolkits: (LoadedToolkit & { formatError: FormatError })[] = [];
  for (const file of files) {
    if (file.kind === 'questionnaire' && file.questionnaire) {
      questionnaires.push({ file: file.file, questionnaire: file.questionnaire, formatError: file.formatError });
    }
    if (file.kind === 'toolkit' && file.toolkit) {
      toolkits.push({ file: file.file, toolkit: file.toolkit, formatError: file.formatError });
    }
  }

  const countOf = (kind: ContentKind) => files.filter((file) => file.kind === kind).length;
  if (countOf('questionnaire') === 0) errors.push(`${displayDir}: no questionnaire file (a .yaml file without a top-level "tools" key)`);
  if (countOf('toolkit') === 0) errors.push(`${displayDir}: no toolkit file (a .yaml file with a top-level "tools" key)`);
  const [firstToolkit, ...extraToolkits] = toolkits;
  // The app fetches one fixed toolkit.json, so a second catalogue would silently shadow the first.
  for (const extra of extraToolkits) {
    errors.push(extra.formatError(['tools'], `only one toolkit file is allowed, ${firstToolkit?.file} is one already`));
  }

  const fileById = new Map<string, string>();
  for (const { file, questionnaire, formatError } of questionnaires) {
    const { id } = questionnaire;
    const firstFile = fileById.get(id);
    if (firstFile) errors.push(formatError(['id'], `duplicate questionnaire id "${id}", already used by ${firstFile}`));
    else fileById.set(id, file);
    if (RESERVED_QUESTIONNAIRE_IDS.includes(id)) {
      errors.push(formatError(['id'], `"${id}" is reserved (questionnaires/${id}.json is already served), choose another id`));
    }
    errors.push(...listUnscorableAreas(questionnaire).map(({ path: issuePath, message }) => formatError(issuePath, message)));
    if (firstToolkit) {
      const missingTriggers = listMissingTriggers(questionnaire, firstToolkit.toolkit);
      errors.push(...sortByLine(missingTriggers.map(({ path: issuePath, message }) => formatError(issuePath, message))));
    }
  }
  if (firstToolkit) {
    const allQuestionnaires = questionnaires.map(({ questionnaire }) => questionnaire);
    errors.push(...locateToolkitReferenceErrors(firstToolkit, allQuestionnaires));
    errors.push(...locateContentGaps(firstToolkit, allQuestionnaires));
  }

  const translations = checkTranslationFiles(files);
  errors.push(...translations.errors);

  return {
    questionnaires: questionnaires.map(({ file, questionnaire }) => ({ file, questionnaire })),
    toolkits: toolkits.map(({ file, toolkit }) => ({ file, toolkit })),
    translatedQuestionnaires: translations.questionnaires,
    translatedToolkits: translations.toolkits,
    errors,
  };
}

/**
 * Each translation against the file beside it that it translates: same ids everywhere, same
 * placeholders, the source's version, a locale of the file name's language; then the translated
 * result must pass the source's own schema (two rubric levels given one label, for instance).
 * A source that failed to load has its own errors already: its translations wait for it.
 */
function checkTranslationFiles(files: readonly ContentFileResult[]): { questionnaires: TranslatedQuestionnaire[]; toolkits: TranslatedToolkit[]; errors: string[] } {
  const errors: string[] = [];
  const questionnaires: TranslatedQuestionnaire[] = [];
  const toolkits: TranslatedToolkit[] = [];
  for (const file of files) {
    if (file.kind !== 'translation' || !file.translation) continue;
    const { translation, formatError, language } = file;
    const source = files.find((candidate) => candidate.file === file.sourceFile);
    if (!source || source.kind === 'translation') {
      errors.push(formatError([], `no source file ${file.sourceFile} beside this translation (a translation is named <source file name>.<language>.yaml)`));
      continue;
    }
    const sourceContent = source.kind === 'toolkit' ? source.toolkit : source.questionnaire;
    if (!sourceContent) continue;

    const issues = checkTranslation(sourceContent, translation);
    if (languageOfLocale(translation.locale) !== language) {
      issues.push({ path: ['locale'], message: `expected a locale of language "${language}" (the file name's), got "${translation.locale}"` });
    }
    if (issues.length > 0) {
      errors.push(...sortByLine(issues.map(({ path: issuePath, message }) => formatError(issuePath, message))));
      continue;
    }

    const translated = isToolkit(sourceContent)
      ? ToolkitSchema.safeParse(applyToolkitTranslation(sourceContent, translation))
      : QuestionnaireSchema.safeParse(applyQuestionnaireTranslation(sourceContent, translation));
    if (!translated.success) {
      errors.push(...sortByLine(translated.error.issues.map((issue) => formatError(findTranslationPath(sourceContent, issue.path), issue.message))));
      continue;
    }
    if ('tools' in translated.data) toolkits.push({ file: file.file, language, toolkit: translated.data });
    else questionnaires.push({ file: file.file, language, questionnaire: translated.data });
  }
  return { questionnaires, toolkits, errors };
}

/**
 * The catalogue's own problems: a pillar × level with too few kinds (for the levels of every
 * questionnaire, each gap once) and links outside the allow-list. A gap has no single line to
 * blame, so it points at the toolkit's `tools` key.
 */
function locateContentGaps(toolkit: LoadedToolkit & { formatError: FormatError }, questionnaires: readonly Questionnaire[]): string[] {
  const gaps = questionnaires.flatMap((questionnaire) => listCoverageGaps(buildCoverageTable(toolkit.toolkit, questionnaire.levels)));
  const gapErrors = [...new Set(gaps.map(({ message }) => toolkit.formatError(['tools'], `coverage gap: ${message}`)))];
  const linkErrors = listDisallowedLinks(toolkit.toolkit).map(({ path: issuePath, message }) => toolkit.formatError(issuePath, message));
  return [...gapErrors, ...linkErrors];
}

/**
 * The domain's cross-check returns `path: message` lines; the path is read back so that the error
 * can name the toolkit file's line like every other error.
 */
function locateToolkitReferenceErrors(toolkit: LoadedToolkit & { formatError: FormatError }, questionnaires: readonly Questionnaire[]): string[] {
  if (questionnaires.length === 0) return [];
  return checkToolkitAgainstQuestionnaires(toolkit.toolkit, questionnaires).map((text) => {
    const located = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*): (.*)$/s.exec(text);
    if (!located?.[1] || located[2] === undefined) return `${toolkit.file}: ${text}`;
    const issuePath = [...located[1].matchAll(/[A-Za-z_$][\w$]*|\[(\d+)\]/g)].map((segment) =>
      segment[1] === undefined ? segment[0] : Number(segment[1]),
    );
    return toolkit.formatError(issuePath, located[2]);
  });
}

/** `steps[3].questions[5].options[2].score`; `(top level)` for the file itself. */
export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  const text = issuePath.reduce<string>((result, key) => {
    if (typeof key === 'number') return `${result}[${key}]`;
    const name = String(key);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `${result}[${JSON.stringify(name)}]`;
    return result ? `${result}.${name}` : name;
  }, '');
  return text || '(top level)';
}

/**
 * The line of the node at `issuePath`. A key's own line is used for map values, so that a list or
 * an empty value points at `key:` rather than at the line after it. When the path goes further
 * than the file (a missing key), the deepest node that exists gives the line.
 */
function findLine(document: Document, issuePath: readonly PropertyKey[], lineOf: (offset: number) => number): number {
  let node: unknown = document.contents;
  let line = startLine(node, lineOf) ?? 1;
  for (const key of issuePath) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      line = startLine(pair.key, lineOf) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) break;
      line = startLine(node, lineOf) ?? line;
    } else {
      break;
    }
  }
  return line;
}

function startLine(node: unknown, lineOf: (offset: number) => number): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineOf(range[0]) : undefined;
}

function formatIssue(issue: z.core.$ZodIssue, formatError: FormatError, knownKeysAt: Map<string, string[]>): string[] {
  if (issue.code !== 'unrecognized_keys') return [formatError(issue.path, issue.message)];
  // One line per stray key, at the key itself: the object it sits in can be many lines long.
  const knownKeys = knownKeysAt.get(pathKey(issue.path)) ?? [];
  return issue.keys.map((key) => formatError([...issue.path, key], describeUnknownKey(key, knownKeys)));
}

function describeUnknownKey(key: string, knownKeys: string[]): string {
  const suggestion = knownKeys.find((known) => known.toLowerCase() === key.toLowerCase() || editDistance(known, key) <= 2);
  if (suggestion) return `unknown key (did you mean "${suggestion}"?)`;
  return knownKeys.length > 0 ? `unknown key (expected one of ${knownKeys.join(', ')})` : 'unknown key';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map of keys',
  array: 'a list',
};

/**
 * Messages for authors, in the style of the schema's own ("expected ..."). The schema's custom
 * messages win over these: zod asks a schema's own `error` first, then this map.
 */
function createErrorMap(knownKeysAt: Map<string, string[]>): z.core.$ZodErrorMap {
  return (issue) => {
    switch (issue.code) {
      case 'invalid_type': {
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        return issue.input === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describeValue(issue.input)}`;
      }
      case 'invalid_value':
        return issue.values.length === 1
          ? `expected ${JSON.stringify(issue.values[0])}, got ${describeValue(issue.input)}`
          : `expected one of ${issue.values.map(String).join(', ')}, got ${describeValue(issue.input)}`;
      case 'invalid_union': {
        const options = (issue as { options?: unknown[] }).options;
        if (!options) return undefined;
        return `expected one of ${options.map(String).join(', ')}, got ${describeValue(issue.input)}`;
      }
      case 'too_small':
      case 'too_big':
        return describeBound(issue.code, issue.origin, Number(issue.code === 'too_small' ? issue.minimum : issue.maximum), issue.inclusive ?? true, issue.exact ?? false);
      case 'unrecognized_keys':
        if (issue.inst instanceof z.ZodObject) knownKeysAt.set(pathKey(issue.path ?? []), Object.keys(issue.inst.shape));
        return undefined;
      default:
        return undefined;
    }
  };
}

function describeBound(code: 'too_small' | 'too_big', origin: string, bound: number, inclusive: boolean, exact: boolean): string | undefined {
  const comparison = exact ? 'exactly' : code === 'too_small' ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  if (origin === 'array') return `expected ${comparison} ${bound} item${bound === 1 ? '' : 's'}`;
  if (origin === 'string') return bound === 1 && code === 'too_small' ? 'expected a non-empty text' : `expected ${comparison} ${bound} characters`;
  if (origin === 'number') return `expected a number ${comparison} ${bound}`;
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

function pathKey(issuePath: readonly PropertyKey[]): string {
  return issuePath.map(String).join('\u0000');
}

function sortByLine(errors: string[]): string[] {
  const lineOf = (error: string) => Number(/^[^ ]*:(\d+) /.exec(error)?.[1] ?? 0);
  return [...errors].sort((a, b) => lineOf(a) - lineOf(b));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function toDisplayPath(absolutePath: string, rootDir: string): string {
  return path.relative(rootDir, absolutePath).split(path.sep).join('/');
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The JSON Schemas that YAML editors read through the `# yaml-language-server: $schema=...` header. */
export const JSON_SCHEMA_FILES = [
  { fileName: 'questionnaire.schema.json', title: 'Trajectoires questionnaire', schema: QuestionnaireSchema },
  { fileName: 'toolkit.schema.json', title: 'Trajectoires toolkit', schema: ToolkitSchema },
  { fileName: 'translation.schema.json', title: 'Trajectoires translation of a questionnaire or of the toolkit', schema: TranslationSchema },
] as const;

/** Each schema file's name (inside the questionnaires directory) and its exact expected text. */
export function buildJsonSchemas(): { fileName: string; source: string }[] {
  return JSON_SCHEMA_FILES.map(({ fileName, title, schema }) => {
    // 'input' so that keys with defaults stay optional; draft-07 because the YAML language server (VS Code) fully supports no later draft.
    const { $schema, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', target: 'draft-07' });
    return { fileName, source: `${JSON.stringify({ $schema, title, ...jsonSchema }, null, 2)}\n` };
  });
}
