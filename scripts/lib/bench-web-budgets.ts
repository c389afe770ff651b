/**
 * The pure parts of `npm run bench:web`: which files the first load fetched, medians, budget
 * verdicts, the failing Lighthouse audits and the printed table. No browser, no file system, so
 * tests/scripts/bench-web.test.ts can pass tiny literals.
 */

export interface BenchRow {
  figure: string;
  value: string;
  budget: string;
  ok: boolean;
}

/** A request the welcome page made while it opened, as the browser reports it. */
export interface PageRequest {
  url: string;
  /** The browser's resource type: 'script', 'stylesheet', 'document', 'fetch', 'image'… */
  resourceType: string;
}

/** The first load, as files of the build directory: what the page really fetched, whatever the loading strategy. */
export interface FirstLoad {
  scripts: string[];
  stylesheets: string[];
  /** Anything from another origin: never part of this app, and a privacy problem besides. */
  foreign: string[];
}

/**
 * Sorts the requests of the welcome page's first load (scripts and stylesheets, each once, in the
 * order asked for) into files of the build served at `baseUrl`.
 */
export function classifyFirstLoad(requests: readonly PageRequest[], baseUrl: string): FirstLoad {
  const load: FirstLoad = { scripts: [], stylesheets: [], foreign: [] };
  for (const { url, resourceType } of requests) {
    if (url.startsWith('data:') || url.startsWith('blob:')) continue;
    if (!url.startsWith(baseUrl)) {
      if (!load.foreign.includes(url)) load.foreign.push(url);
      continue;
    }
    const list = resourceType === 'script' ? load.scripts : resourceType === 'stylesheet' ? load.stylesheets : null;
    const file = url.slice(baseUrl.length).replace(/[?#].*$/, '');
    if (list && !list.includes(file)) list.push(file);
  }
  return load;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A budget: a bound a figure must stay within (`at most 130`, `under 100`, `at least 95`). */
export type Budget = { atMost: number } | { under: number } | { atLeast: number };

export function meetsBudget(value: number, budget: Budget): boolean {
  if (Number.isNaN(value)) return false;
  if ('atMost' in budget) return value <= budget.atMost;
  if ('under' in budget) return value < budget.under;
  return value >= budget.atLeast;
}

export function describeBudget(budget: Budget, unit = ''): string {
  const suffix = unit ? ` ${unit}` : '';
  // A bound is written with its own decimals (CLS < 0.02), not the figure's.
  const bound = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 3 });
  if ('atMost' in budget) return `≤ ${bound(budget.atMost)}${suffix}`;
  if ('under' in budget) return `< ${bound(budget.under)}${suffix}`;
  // A score of 100 can only be met exactly: say so rather than « ≥ 100 ».
  return budget.atLeast === 100 && unit === '' ? '100' : `≥ ${bound(budget.atLeast)}${suffix}`;
}

/** English thousands separators, as BENCHMARKS.md writes them (1,500 ms). */
export function formatNumber(value: number, fractionDigits = 0): string {
  return value.toLocaleString('en', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** A figure judged against its budget, ready for the table. */
export function judge(figure: string, value: number, budget: Budget, { unit = '', fractionDigits = 0 } = {}): BenchRow {
  const suffix = unit ? ` ${unit}` : '';
  return { figure, value: `${formatNumber(value, fractionDigits)}${suffix}`, budget: describeBudget(budget, unit), ok: meetsBudget(value, budget) };
}

/** The shape of a Lighthouse result this bench reads (a small part of `LH.Result`). */
export interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string | undefined; numericValue?: number | undefined; details?: unknown } | undefined>;
}

export interface FailingAudit {
  category: string;
  id: string;
  title: string;
  /** In how many of the runs it failed, and the display value of the last failing run. */
  runs: number;
  displayValue: string;
  /** What the audit weighs in its category's score (0: an opportunity or diagnostic that only advises). */
  weight: number;
  /** The first elements or files it names, from the last failing run (« where to look »). */
  items: string[];
}

const UNSCORED_MODES = new Set(['informative', 'manual', 'notApplicable', 'error']);

/** Every scored audit below a full score, in the categories under 100, counted across runs. */
export function listFailingAudits(reports: readonly LighthouseReport[], categories: readonly string[]): FailingAudit[] {
  const failing = new Map<string, FailingAudit>();
  for (const report of reports) {
    for (const category of categories) {
      const result = report.categories[category];
      if (!result || result.score === null || result.score >= 1) continue;
      for (const ref of result.auditRefs) {
        const audit = report.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1 || UNSCORED_MODES.has(audit.scoreDisplayMode)) continue;
        const key = `${category}/${ref.id}`;
        const known = failing.get(key);
        if (known) {
          known.runs += 1;
          known.displayValue = audit.displayValue ?? known.displayValue;
          known.items = describeAuditItems(audit.details);
        } else {
          failing.set(key, { category, id: ref.id, title: audit.title, runs: 1, displayValue: audit.displayValue ?? '', weight: ref.weight, items: describeAuditItems(audit.details) });
        }
      }
    }
  }
  // What moves the score first, then what failed most often.
  return [...failing.values()].sort((a, b) => a.category.localeCompare(b.category) || b.weight - a.weight || b.runs - a.runs || a.id.localeCompare(b.id));
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

/**
 * The first items of an audit's details in one line each: the element (label and selector) or
 * the file, and the figure that matters (unused bytes, time saved, shift score, phase timing).
 * Lighthouse nests tables inside lists (the LCP element audit), so lists are flattened.
 */
export function describeAuditItems(details: unknown, limit = 3): string[] {
  if (!isObject(details) || !Array.isArray(details.items)) return [];
  const items = (details.items as unknown[]).flatMap((item) => (isObject(item) && item.type === 'table' && Array.isArray(item.items) ? (item.items as unknown[]) : [item]));
  const lines: string[] = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    const parts: string[] = [];
    const node = isObject(item.node) ? item.node : undefined;
    // Labels are the element's text, line breaks included: one line, shortened.
    const text = node && typeof node.nodeLabel === 'string' ? node.nodeLabel.replace(/\s+/g, ' ').trim() : '';
    const label = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    if (node) parts.push([label, typeof node.selector === 'string' ? `(${node.selector})` : ''].filter(Boolean).join(' '));
    else if (typeof item.url === 'string') parts.push(item.url.replace(/^https?:\/\/[^/]+/, ''));
    else if (isObject(item.source) && typeof item.source.url === 'string') parts.push(item.source.url.replace(/^https?:\/\/[^/]+/, ''));
    else if (typeof item.phase === 'string') parts.push(item.phase);
    if (typeof item.wastedBytes === 'number') parts.push(`${formatNumber(item.wastedBytes / 1024, 1)} KiB to save`);
    if (typeof item.wastedMs === 'number') parts.push(`${formatNumber(item.wastedMs)} ms to save`);
    if (typeof item.score === 'number') parts.push(`shift ${formatNumber(item.score, 3)}`);
    if (typeof item.timing === 'number') parts.push(`${formatNumber(item.timing)} ms`);
    const line = parts.filter((part) => part !== '').join(', ');
    if (line) lines.push(line);
    if (lines.length === limit) break;
  }
  return lines;
}

/** A category's score as Lighthouse shows it (0–100); a category that errored counts as 0. */
export function categoryScore(report: LighthouseReport, category: string): number {
  const score = report.categories[category]?.score;
  return score === null || score === undefined ? 0 : Math.round(score * 100);
}

export function auditNumericValue(report: LighthouseReport, auditId: string): number {
  return report.audits[auditId]?.numericValue ?? Number.NaN;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const widths = {
    figure: Math.max('figure'.length, ...rows.map((row) => row.figure.length)),
    value: Math.max('value'.length, ...rows.map((row) => row.value.length)),
    budget: Math.max('budget'.length, ...rows.map((row) => row.budget.length)),
  };
  const line = (figure: string, value: string, budget: string, ok: string) =>
    `${figure.padEnd(widths.figure)} | ${value.padStart(widths.value)} | ${budget.padEnd(widths.budget)} | ${ok}`;
  return [
    line('figure', 'value', 'budget', 'ok'),
    line('-'.repeat(widths.figure), '-'.repeat(widths.value), '-'.repeat(widths.budget), '----'),
    ...rows.map((row) => line(row.figure, row.value, row.budget, row.ok ? 'ok' : 'MISS')),
  ].join('\n');
}

/** Rows in BENCHMARKS.md's format: a missed budget says so in bold. */
export function formatMarkdownRows(rows: readonly BenchRow[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| figure | value | budget |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${cell(row.figure)} | ${cell(row.value)} | ${cell(row.budget)}${row.budget === '—' || row.ok ? '' : ' — **missed**'} |`),
  ].join('\n');
}
