import {
  countQuestions,
  estimateCompletionMinutes,
  MIN_KINDS_PER_CELL,
  type CoverageCell,
} from '../../src/domain/content-checks';
import { SCORED_AREA_IDS, TOOL_KINDS, type Questionnaire, type Toolkit } from '../../src/domain/questionnaire-schema';

// The terminal report of `npm run questionnaires:check`: text only, so that tests can read it.

/** Rows pillar × level, one column per kind; a dash for none, so that the holes stand out. */
export function formatCoverageTable(table: readonly CoverageCell[]): string[] {
  const header = ['pillar', 'level', ...TOOL_KINDS, 'kinds'];
  const rows = table.map(({ pillar, levelId, kindCounts }) => {
    const kindCount = TOOL_KINDS.filter((kind) => kindCounts[kind] > 0).length;
    return {
      cells: [pillar, levelId, ...TOOL_KINDS.map((kind) => (kindCounts[kind] > 0 ? String(kindCounts[kind]) : '-')), String(kindCount)],
      isGap: kindCount < MIN_KINDS_PER_CELL,
    };
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map(({ cells }) => cells[column]?.length ?? 0)));
  // Names read left-aligned, counts right-aligned under their kind.
  const formatRow = (cells: string[]) =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [
    formatRow(header),
    ...rows.map(({ cells, isGap }) => `${formatRow(cells)}${isGap ? `  <- gap (fewer than ${MIN_KINDS_PER_CELL} kinds)` : ''}`.trimEnd()),
  ];
}

/** One line: questions in all and shown by default, rubric questions per area, estimated and declared time. */
export function formatQuestionnaireSummary(file: string, questionnaire: Questionnaire): string {
  const counts = countQuestions(questionnaire);
  const rubric = SCORED_AREA_IDS.map((area) => `${area} ${counts.rubricByArea[area]}`).join(', ');
  const estimated = estimateCompletionMinutes(questionnaire);
  return (
    `${file}: ${questionnaire.id} ${questionnaire.version}, ${counts.total} questions (${counts.shownByDefault} shown by default); ` +
    `rubric questions: ${rubric}; estimated ${estimated} min, declared ${questionnaire.durationMinutes} min`
  );
}

/** One line per translation that passed its checks: its language and what it covers, beside the source's own line. */
export function formatTranslationSummary(file: string, translated: Questionnaire | Toolkit): string {
  const [count, noun] = 'tools' in translated ? [translated.tools.length, 'tool'] : [countQuestions(translated).total, 'question'];
  const covered = `${count} ${noun}${count === 1 ? '' : 's'}`;
  return `${file}: ${translated.locale} translation of ${translated.id} ${translated.version}, ${covered}`;
}
