import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listQuestions } from '../src/domain/questionnaire-schema';
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

const content = loadContentDirectory(CONTENT_DIR);
errors.push(...content.errors);

if (errors.length > 0) {
  for (const error of errors) console.error(error);
  console.error(`\n${errors.length} error${errors.length === 1 ? '' : 's'} in the questionnaire files.`);
  process.exit(1);
}

for (const { file, questionnaire } of content.questionnaires) {
  const questionCount = listQuestions(questionnaire).length;
  console.log(`${file}: questionnaire ${questionnaire.id} ${questionnaire.version}, ${questionCount} questions`);
}
for (const { file, toolkit } of content.toolkits) {
  console.log(`${file}: toolkit ${toolkit.id} ${toolkit.version}, ${toolkit.tools.length} tools`);
}

function readTextIfExists(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}
