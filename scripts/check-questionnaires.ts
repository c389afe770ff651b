import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCoverageTable } from '../src/domain/content-checks';
import type { Questionnaire } from '../src/domain/questionnaire-schema';
import { formatCoverageTable, formatQuestionnaireSummary, formatTranslationSummary } from './lib/content-report';
import { buildJsonSchemas, CONTENT_DIR, loadContentDirectory, REPO_ROOT } from './lib/questionnaire-files';

// Usage: tsx scripts/check-questionnaires.ts [--check-schemas]
// Without the flag the JSON Schemas are rewritten when stale; with it (CI), a stale one is an error.
const isCheckOnly = process.argv.includes('--check-schemas');

const errors: string[] = [];
for (const { fileName, source } of buildJsonSchemas()) {
  const schemaPath = path.join(CONTENT_DIR, fileName);
  if (readTextIfExists(schemaPath) === source) continue;
  const displayPath = path.relative(REPO_ROOT, schemaPath).split(path.sep).join('/');
  if (isCheckOnly) {
    errors.push(`${displayPath}: missing or out of date with src/domain/questionnaire-schema.ts, run npm run questionnaires:check to regenerate it`);
  } else {
    writeFileSync(schemaPath, source);
    console.log(`${displayPath}: regenerated`);
  }
}

// The content checks (coverage, triggers, links) run inside the loader, so the Vite build refuses the same files.
const content = loadContentDirectory(CONTENT_DIR);
errors.push(...content.errors);

// The report comes first, even when some files fail: the table shows where a gap is.
for (const { file, questionnaire } of content.questionnaires) console.log(formatQuestionnaireSummary(file, questionnaire));
for (const { file, questionnaire } of content.translatedQuestionnaires) console.log(formatTranslationSummary(file, questionnaire));
const [toolkit] = content.toolkits;
if (toolkit) {
  console.log(`${toolkit.file}: toolkit ${toolkit.toolkit.id} ${toolkit.toolkit.version}, ${toolkit.toolkit.tools.length} tools`);
  for (const { file, toolkit: translated } of content.translatedToolkits) console.log(formatTranslationSummary(file, translated));
  // Questionnaires normally share their levels; a table per distinct set of levels otherwise.
  const questionnairesByLevels = new Map<string, Questionnaire[]>();
  for (const { questionnaire } of content.questionnaires) {
    const key = questionnaire.levels.map((level) => level.id).join(' ');
    questionnairesByLevels.set(key, [...(questionnairesByLevels.get(key) ?? []), questionnaire]);
  }
  for (const [first, ...others] of questionnairesByLevels.values()) {
    if (!first) continue;
    const ids = [first, ...others].map((questionnaire) => questionnaire.id).join(', ');
    console.log(`\nCoverage: tools per pillar, level and kind (levels of ${ids})`);
    for (const line of formatCoverageTable(buildCoverageTable(toolkit.toolkit, first.levels))) console.log(`  ${line}`);
  }
}

if (errors.length > 0) {
  console.error('');
  for (const error of errors) console.error(error);
  console.error(`\n${errors.length} error${errors.length === 1 ? '' : 's'} in the questionnaire files.`);
  process.exit(1);
}
console.log('\nAll questionnaire files are valid.');

function readTextIfExists(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}
