import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from './answer-messages';
import { isAnswered, isReservedAnswer, type AnswersFile, type AnswerValue } from './answers';
import { compareVersions, listQuestions, parseVersion, readOwn, type Migration, type Questionnaire } from './questionnaire-schema';

/** What happened to a file's answers when it was read with a newer version of its questionnaire. */
export interface MigrationReport {
  fromVersion: string;
  toVersion: string;
  /** Questions of the current version whose answer passed unchanged, in questionnaire order. */
  kept: string[];
  mapped: MappedAnswer[];
  /** Old ids whose answers stay in `file.answers` but are no longer scored. */
  dropped: string[];
  /** The applied migrations' notes, oldest first. */
  notes: string[];
}

export type MappedAnswer = { kind: 'question'; from: string; to: string } | { kind: 'option'; questionId: string; from: string; to: string };

export type MigrateAnswersFileResult = { ok: true; file: AnswersFile; report: MigrationReport | null } | { ok: false; errors: string[] };

/**
 * Brings a file up to its questionnaire's current version with the migrations the questionnaire
 * declares. A file from another questionnaire or from a newer version is refused whole: reading
 * it half would silently score answers to questions that mean something else here. `updatedAt`
 * stays as it was: it dates the last change a person made, not this one.
 */
export function migrateAnswersFile(file: AnswersFile, questionnaire: Questionnaire, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): MigrateAnswersFileResult {
  if (file.questionnaire.id !== questionnaire.id) {
    return { ok: false, errors: [messages('answersFile.otherQuestionnaire', { fileQuestionnaire: file.questionnaire.id, questionnaire: questionnaire.id })] };
  }
  const fileVersion = parseVersion(file.questionnaire.version);
  if (!fileVersion) {
    return { ok: false, errors: [messages('answersFile.unreadableVersion', { version: file.questionnaire.version })] };
  }
  // The schema guarantees a readable version; a questionnaire built by hand without one is taken as is.
  const currentVersion = parseVersion(questionnaire.version);
  const comparison = currentVersion ? compareVersions(fileVersion, currentVersion) : 0;
  if (comparison > 0) {
    return {
      ok: false,
      errors: [messages('answersFile.newerVersion', { fileVersion: file.questionnaire.version, version: questionnaire.version })],
    };
  }
  if (comparison === 0 || !currentVersion) return { ok: true, file, report: null };

  // Every migration that leads past the file's version, oldest first (the schema keeps them in that
  // order). A file saved inside a migration's range (1.0.1 for 1.0.0 → 1.2.0, the 1.0.1 having no
  // migration of its own) still needs it: an id it already has in its new form is simply not moved.
  const applicable = questionnaire.migrations.filter((migration) => {
    const to = parseVersion(migration.to);
    return parseVersion(migration.from) !== null && to !== null && compareVersions(to, fileVersion) > 0 && compareVersions(to, currentVersion) <= 0;
  });
  const state: MigrationState = { answers: new Map(Object.entries(file.answers)), mapped: [], dropped: [], touched: new Set() };
  applicable.forEach((migration) => applyMigration(migration, state));

  const answers = Object.fromEntries(state.answers);
  const kept = listQuestions(questionnaire)
    .map((question) => question.id)
    .filter((id) => !state.touched.has(id) && isAnswered(answers[id]));
  return {
    ok: true,
    file: { ...file, questionnaire: { ...file.questionnaire, version: questionnaire.version }, answers },
    report: {
      fromVersion: file.questionnaire.version,
      toVersion: questionnaire.version,
      kept,
      mapped: state.mapped,
      dropped: state.dropped,
      notes: applicable.flatMap((migration) => (migration.note ? [migration.note] : [])),
    },
  };
}

interface MigrationState {
  /** A Map keeps the file's order of answers, a renamed answer staying in its place. */
  answers: Map<string, AnswerValue>;
  mapped: MappedAnswer[];
  dropped: string[];
  /** Current ids whose answer was moved or mapped, so not "kept unchanged". */
  touched: Set<string>;
}

/** Removed and renamed ids are ids of `from`; changed options are keyed by ids of `to`, so they come last. */
function applyMigration(migration: Migration, state: MigrationState): void {
  const drop = (id: string) => {
    if (!state.dropped.includes(id)) state.dropped.push(id);
  };
  for (const id of migration.removedQuestions ?? []) {
    if (state.answers.has(id)) drop(id);
  }
  for (const [oldId, newId] of Object.entries(migration.renamedQuestions ?? {})) {
    if (!state.answers.has(oldId) || state.dropped.includes(oldId)) continue;
    // Two questions merged into one: the answer already there wins, the other stays in the file unscored.
    if (state.answers.has(newId)) {
      drop(oldId);
      continue;
    }
    state.answers = new Map([...state.answers].map(([id, value]) => [id === oldId ? newId : id, value]));
    // Over several migrations a person is told where the answer went, not each step on the way.
    const earlier = state.mapped.find((entry) => entry.kind === 'question' && entry.to === oldId);
    if (earlier) earlier.to = newId;
    else state.mapped.push({ kind: 'question', from: oldId, to: newId });
    state.mapped.forEach((entry) => {
      if (entry.kind === 'option' && entry.questionId === oldId) entry.questionId = newId;
    });
    state.touched.add(newId);
  }
  for (const [questionId, optionMap] of Object.entries(migration.changedOptions ?? {})) {
    const value = state.answers.get(questionId);
    const mapOption = (optionId: string) => {
      const mappedId = readOwn(optionMap, optionId);
      if (mappedId === undefined || mappedId === optionId) return optionId;
      const earlier = state.mapped.find((entry) => entry.kind === 'option' && entry.questionId === questionId && entry.to === optionId);
      if (earlier) earlier.to = mappedId;
      else state.mapped.push({ kind: 'option', questionId, from: optionId, to: mappedId });
      state.touched.add(questionId);
      return mappedId;
    };
    if (typeof value === 'string' && !isReservedAnswer(value)) state.answers.set(questionId, mapOption(value));
    // Two old options can become one: it is ticked once.
    if (Array.isArray(value)) state.answers.set(questionId, [...new Set(value.map(mapOption))]);
  }
}

/** The sentences that tell a person what became of their answers, in the wording's language (French by default). */
export function describeMigrationReport(report: MigrationReport, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): string[] {
  const versions = { from: report.fromVersion, to: report.toVersion };
  if (report.mapped.length === 0 && report.dropped.length === 0) {
    return [messages('migration.takenUnchanged', versions), ...report.notes];
  }
  const sentences = [messages('migration.takenOver', versions), ...report.notes];
  const keptCount = report.kept.length;
  if (keptCount > 0) sentences.push(messages('migration.kept', { count: keptCount }));
  for (const mapped of report.mapped) {
    sentences.push(
      mapped.kind === 'question'
        ? messages('migration.questionRenamed', { from: mapped.from, to: mapped.to })
        : messages('migration.optionChanged', { question: mapped.questionId, from: mapped.from, to: mapped.to }),
    );
  }
  if (report.dropped.length > 0) {
    const list = report.dropped.map((id) => messages('answersFile.quoted', { value: id })).join(', ');
    sentences.push(messages('migration.dropped', { count: report.dropped.length, list }));
  }
  return sentences;
}
