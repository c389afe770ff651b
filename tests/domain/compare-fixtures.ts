import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Answers, AnswersFile, PathProgress } from '../../src/domain/answers';
import { parseAnswersFile } from '../../src/domain/answers-file';
import type { ComparedDiagnosis } from '../../src/domain/compare-diagnoses';
import { QuestionnaireSchema, ToolkitSchema, type Questionnaire, type Toolkit } from '../../src/domain/questionnaire-schema';

// The personas of tests/fixtures/personas and the real content files, read through the real
// schemas and checks, to compare one organisation's diagnosis with a later, edited copy of it.
// Component tests use them too: jsdom gives modules an http: URL, so the files are found from the
// working directory (vitest runs at the repository root) rather than from import.meta.url.

export type PersonaName = 'club-sportif' | 'association-sociale' | 'federation-regionale';
export type Variant = 'complet' | 'express';

const REPO_ROOT = process.cwd();
const CONTENT_DIR = path.join(REPO_ROOT, 'questionnaires');
export const PERSONA_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'personas');
if (!existsSync(CONTENT_DIR)) throw new Error(`run the tests from the repository root: ${CONTENT_DIR} is missing`);

function readYaml(name: string): unknown {
  return parse(readFileSync(path.join(CONTENT_DIR, name), 'utf8'));
}

const questionnaires = new Map<Variant, Questionnaire>();

export function findQuestionnaire(variant: Variant): Questionnaire {
  let questionnaire = questionnaires.get(variant);
  if (!questionnaire) {
    questionnaire = QuestionnaireSchema.parse(readYaml(`diagnostic-${variant}.yaml`));
    questionnaires.set(variant, questionnaire);
  }
  return questionnaire;
}

let toolkit: Toolkit | undefined;

export function findToolkit(): Toolkit {
  toolkit ??= ToolkitSchema.parse(readYaml('toolkit.yaml'));
  return toolkit;
}

export function personaPath(persona: PersonaName, variant: Variant): string {
  return path.join(PERSONA_DIR, `${persona}-${variant}.json`);
}

export function loadPersona(persona: PersonaName, variant: Variant): ComparedDiagnosis {
  const questionnaire = findQuestionnaire(variant);
  const parsed = parseAnswersFile(JSON.parse(readFileSync(personaPath(persona, variant), 'utf8')), questionnaire);
  if (!parsed.ok) throw new Error(`${persona}-${variant}.json is not valid:\n${parsed.errors.join('\n')}`);
  return { questionnaire, file: parsed.file };
}

export interface Edit {
  answers?: Answers;
  /** Answer ids to remove. */
  remove?: string[];
  pathProgress?: PathProgress;
  updatedAt?: string;
}

/** A copy of a diagnosis with some answers replaced or removed, its path progress and date set. */
export function editDiagnosis(diagnosis: ComparedDiagnosis, { answers = {}, remove = [], pathProgress, updatedAt }: Edit): ComparedDiagnosis {
  const kept = Object.fromEntries(Object.entries(diagnosis.file.answers).filter(([id]) => !remove.includes(id)));
  const file: AnswersFile = {
    ...diagnosis.file,
    answers: { ...kept, ...answers },
    ...(pathProgress ? { pathProgress } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
  return { questionnaire: diagnosis.questionnaire, file };
}
