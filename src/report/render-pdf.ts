import { jsPDF } from 'jspdf';
import { bindFrenchPunctuation } from '../domain/french-typography';
import type { ReportAnswerRow, ReportArea, ReportModel, ReportPathStep, ReportScore } from './report-model';
import { REPORT_WORDING as W } from './report-wording';

/** The regular and bold DejaVu Sans TTF files, base64-encoded. */
export interface PdfFonts {
  regular: string;
  bold: string;
}

type Rgb = readonly [number, number, number];

const COLORS = {
  ink: [33, 37, 41],
  muted: [96, 102, 110],
  accent: [28, 74, 128],
  accentSoft: [120, 146, 178],
  rule: [200, 205, 211],
  track: [234, 237, 241],
  flag: [166, 92, 0],
  link: [28, 74, 128],
} as const satisfies Record<string, Rgb>;

const FONT_FAMILY = 'DejaVuSans';
const PAGE = { width: 210, height: 297, marginX: 20, top: 20, bottom: 274, footerY: 285 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const PT_TO_MM = 25.4 / 72;
const LINE_SPACING = 1.32;

interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Rgb;
}

const STYLES = {
  coverTitle: { size: 24, bold: true, color: COLORS.accent },
  coverOrganisation: { size: 18, bold: true },
  h1: { size: 17, bold: true, color: COLORS.accent },
  h2: { size: 12.5, bold: true, color: COLORS.accent },
  h3: { size: 10.5, bold: true },
  body: { size: 10 },
  bodyBold: { size: 10, bold: true },
  small: { size: 9, color: COLORS.muted },
  smallInk: { size: 9 },
  smallBold: { size: 9, bold: true },
  tiny: { size: 8, color: COLORS.muted },
} as const satisfies Record<string, TextStyle>;

function lineHeightOf(style: TextStyle): number {
  return style.size * PT_TO_MM * LINE_SPACING;
}

/** Keeps a cursor on the page and turns every text into wrapped lines that never cross the bottom margin. */
class PageWriter {
  y: number = PAGE.top;

  constructor(readonly doc: jsPDF) {}

  get remaining(): number {
    return PAGE.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage('a4', 'portrait');
    this.y = PAGE.top;
  }

  /** Starts a new page unless `height` fits below the cursor (a block taller than a page starts at the top). */
  ensure(height: number): void {
    if (height > this.remaining && this.y > PAGE.top) this.newPage();
  }

  gap(height: number): void {
    this.y = Math.min(this.y + height, PAGE.bottom);
  }

  apply(style: TextStyle): void {
    this.doc.setFont(FONT_FAMILY, style.bold ? 'bold' : 'normal');
    this.doc.setFontSize(style.size);
    const [r, g, b] = style.color ?? COLORS.ink;
    this.doc.setTextColor(r, g, b);
  }

  split(text: string, style: TextStyle, width: number): string[] {
    this.apply(style);
    return (this.doc.splitTextToSize(bindFrenchPunctuationForPdf(text), width) as string[]).map((line) => line.trimEnd());
  }

  measure(text: string, style: TextStyle, width: number = CONTENT_WIDTH): number {
    return this.split(text, style, width).length * lineHeightOf(style);
  }

  /** Writes wrapped text from the cursor, breaking the page between lines when needed. */
  write(text: string, style: TextStyle, options: { x?: number; width?: number; after?: number; url?: string } = {}): void {
    const x = options.x ?? PAGE.marginX;
    const width = options.width ?? PAGE.marginX + CONTENT_WIDTH - x;
    const lines = this.split(text, style, width);
    const lineHeight = lineHeightOf(style);
    for (const line of lines) {
      if (lineHeight > this.remaining) {
        this.newPage();
        this.apply(style);
      }
      this.drawLine(line, x, this.y, style, options.url);
      this.y += lineHeight;
    }
    this.gap(options.after ?? 0);
  }

  /** Writes lines at a fixed place without moving the cursor; returns the height used. */
  writeAt(text: string, style: TextStyle, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): number {
    const lines = this.split(text, style, width);
    const lineHeight = lineHeightOf(style);
    lines.forEach((line, index) => {
      const lineX = align === 'right' ? x + width : x;
      this.doc.text(line, lineX, baselineOf(y + index * lineHeight, style), { align });
    });
    return lines.length * lineHeight;
  }

  private drawLine(line: string, x: number, top: number, style: TextStyle, url: string | undefined): void {
    this.doc.text(line, x, baselineOf(top, style));
    if (url && line !== '') {
      this.doc.link(x, top, this.doc.getTextWidth(line), lineHeightOf(style), { url: toAsciiUrl(url) });
    }
  }

  rule(color: Rgb = COLORS.rule, width = 0.2, x = PAGE.marginX, length = CONTENT_WIDTH): void {
    this.doc.setDrawColor(...color);
    this.doc.setLineWidth(width);
    this.doc.line(x, this.y, x + length, this.y);
  }

  heading(text: string, style: TextStyle, keepWithNext: number, options: { ruleBelow?: boolean; before?: number } = {}): void {
    const height = this.measure(text, style) + (options.ruleBelow ? 3 : 0);
    if (this.y > PAGE.top) this.gap(options.before ?? 0);
    this.ensure(height + keepWithNext);
    this.write(text, style);
    if (options.ruleBelow) {
      this.gap(0.8);
      this.rule(style.color ?? COLORS.ink, 0.4);
      this.gap(2.2);
    }
  }
}

/** jsPDF only breaks lines at plain spaces: French punctuation is bound to its word first. */
function bindFrenchPunctuationForPdf(text: string): string {
  return bindFrenchPunctuation(text.replace(/\r\n?/g, '\n'));
}

function baselineOf(top: number, style: TextStyle): number {
  // DejaVu's ascent is about 0.93 em: placing the baseline there keeps accents inside the line box.
  return top + style.size * PT_TO_MM * 0.98;
}

export function renderReportPdf(model: ReportModel, fonts: PdfFonts): ArrayBuffer {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, fonts);
  doc.setDocumentProperties({
    title: `${model.documentTitle} – ${model.organisationName}`,
    subject: model.subject,
    author: model.organisationName,
    creator: 'Trajectoires',
  });
  doc.setLanguage('fr-FR');
  // Both are otherwise taken from the clock and the machine's time zone: fixed, the bytes are reproducible.
  doc.setCreationDate(toPdfDate(new Date(model.generatedAt)));
  doc.setFileId(hashToHex(JSON.stringify(model)));

  const writer = new PageWriter(doc);
  drawCover(writer, model);
  writer.newPage();
  drawSummary(writer, model);
  for (const pillar of model.pillars) {
    writer.newPage();
    drawPillar(writer, pillar);
  }
  writer.newPage();
  drawPath(writer, model);
  writer.newPage();
  drawAnnex(writer, model);
  writer.newPage();
  drawMethod(writer, model);
  drawFooters(writer, model);
  return doc.output('arraybuffer');
}

function registerFonts(doc: jsPDF, fonts: PdfFonts): void {
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', FONT_FAMILY, 'normal', 'Identity-H');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT_FAMILY, 'bold', 'Identity-H');
  doc.setFont(FONT_FAMILY, 'normal');
}

function drawCover(writer: PageWriter, model: ReportModel): void {
  const { doc } = writer;
  const { cover } = model;
  doc.setFillColor(...COLORS.accent);
  doc.rect(PAGE.marginX, 52, 24, 1.6, 'F');
  writer.y = 60;
  writer.write(cover.title, STYLES.coverTitle, { after: 10 });
  writer.write(cover.organisationName, STYLES.coverOrganisation, { after: 6 });
  writer.write(cover.dateLabel, { size: 12 }, { after: 2 });
  writer.write(cover.questionnaireLabel, { size: 10.5, color: COLORS.muted }, { after: 1 });
  if (cover.respondentLabel) writer.write(cover.respondentLabel, { size: 10.5, color: COLORS.muted });
  writer.gap(14);
  writer.write(cover.intro, STYLES.body, { width: 140 });

  const noteHeight = writer.measure(cover.privacyNote, STYLES.small);
  const noteTop = Math.max(writer.y + 10, PAGE.bottom - noteHeight);
  writer.y = noteTop - 3;
  writer.rule();
  writer.y = noteTop;
  writer.write(cover.privacyNote, STYLES.small);
}

const CHART = { labelWidth: 48, barX: PAGE.marginX + 50, barWidth: 86, valueX: PAGE.marginX + 140, rowHeight: 13, barHeight: 5 } as const;

function drawSummary(writer: PageWriter, model: ReportModel): void {
  const { summary } = model;
  writer.heading(summary.heading, STYLES.h1, 60, { ruleBelow: true });
  writer.write(summary.intro, STYLES.body, { after: 6 });
  drawScoreChart(writer, summary.areas, summary.levelThresholds);
  writer.write(summary.chartCaption, STYLES.tiny, { after: 8 });

  // One paragraph per level reached rather than per area: four areas often share a level.
  for (const group of groupAreasByLevel(summary.areas)) {
    const title = `${group.levelLabel} : ${group.areaLabels.join(', ')}`;
    writer.ensure(writer.measure(title, STYLES.h3) + writer.measure(group.description, STYLES.smallInk) + 4);
    writer.write(title, STYLES.h3, { after: 0.5 });
    writer.write(group.description, STYLES.smallInk, { after: 3.5 });
  }

  writer.heading(summary.flagsHeading, STYLES.h2, 12, { before: 4 });
  if (summary.flags.length === 0) writer.write(summary.noFlagsText, STYLES.body);
  for (const flag of summary.flags) drawFlag(writer, flag);
  drawFirstSteps(writer, model);
}

const FIRST_STEP_COUNT = 3;

/** The board's first question is "where do we start?": the head of the path, on the summary page. */
function drawFirstSteps(writer: PageWriter, model: ReportModel): void {
  const steps = model.path.groups.flatMap((group) => group.steps.map((step) => ({ step, horizon: group.heading })));
  if (steps.length === 0) return;
  writer.heading(W.firstStepsHeading, STYLES.h2, 12, { before: 6 });
  for (const { step, horizon } of steps.slice(0, FIRST_STEP_COUNT)) {
    const x = PAGE.marginX + STEP_INDENT;
    const detail = `${step.kindLabel} · ${horizon}`;
    writer.ensure(writer.measure(step.title, STYLES.bodyBold, CONTENT_WIDTH - STEP_INDENT) + lineHeightOf(STYLES.small) + 2);
    writer.writeAt(`${step.number}.`, { ...STYLES.bodyBold, color: COLORS.accent }, PAGE.marginX, writer.y, STEP_INDENT - 1);
    writer.write(step.title, STYLES.bodyBold, { x });
    writer.write(detail, STYLES.small, { x, after: 2 });
  }
  if (steps.length > FIRST_STEP_COUNT) writer.write(W.firstStepsMore(steps.length - FIRST_STEP_COUNT), STYLES.small, { x: PAGE.marginX + STEP_INDENT });
}

function groupAreasByLevel(areas: ReportArea[]): { levelLabel: string; description: string; areaLabels: string[] }[] {
  const groups = new Map<string, { levelLabel: string; description: string; areaLabels: string[] }>();
  for (const area of areas) {
    const levelLabel = area.levelLabel ?? area.scoreLabel;
    const group = groups.get(levelLabel) ?? { levelLabel, description: area.levelDescription ?? '', areaLabels: [] };
    group.areaLabels.push(area.label);
    groups.set(levelLabel, group);
  }
  return [...groups.values()];
}

function describeScore(score: ReportScore): string {
  return score.levelLabel ? `${score.scoreLabel} · ${score.levelLabel}` : score.scoreLabel;
}

/** Horizontal bars with the value written beside each one, so the chart reads without colour. */
function drawScoreChart(writer: PageWriter, areas: ReportArea[], thresholds: { label: string; minScore: number }[]): void {
  const { doc } = writer;
  const axisHeight = 6;
  const height = axisHeight + areas.length * CHART.rowHeight;
  writer.ensure(height + 8);
  const top = writer.y;
  const xOf = (score: number) => CHART.barX + (CHART.barWidth * Math.max(0, Math.min(100, score))) / 100;

  const ticks = [0, ...thresholds.map((threshold) => threshold.minScore).filter((score) => score > 0 && score < 100), 100];
  for (const tick of [...new Set(ticks)]) {
    writer.apply(STYLES.tiny);
    doc.text(String(tick), xOf(tick), baselineOf(top, STYLES.tiny), { align: 'center' });
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(tick === 0 || tick === 100 ? 0.3 : 0.15);
    if (tick !== 0 && tick !== 100) doc.setLineDashPattern([0.8, 0.8], 0);
    doc.line(xOf(tick), top + axisHeight - 1.5, xOf(tick), top + height);
    doc.setLineDashPattern([], 0);
  }

  areas.forEach((area, index) => {
    const rowTop = top + axisHeight + index * CHART.rowHeight;
    const barTop = rowTop + (CHART.rowHeight - CHART.barHeight) / 2 - 1.2;
    writer.writeAt(area.label, area.id === 'project' ? STYLES.smallInk : STYLES.smallBold, PAGE.marginX, barTop - 0.4, CHART.labelWidth);
    const barColor: Rgb = area.id === 'project' ? COLORS.accentSoft : COLORS.accent;
    drawBar(doc, { x: CHART.barX, y: barTop, width: CHART.barWidth, height: CHART.barHeight }, area.score, barColor);
    writer.writeAt(area.scoreLabel, area.score === null ? STYLES.small : STYLES.smallBold, CHART.valueX, barTop - 0.4, 30);
    if (area.levelLabel) writer.writeAt(area.levelLabel, STYLES.tiny, CHART.valueX, barTop + 4, 30);
  });
  writer.y = top + height + 2;
}

/** A score bar on a light track; a missing score gets a dashed outline, since no score is not a zero. */
function drawBar(doc: jsPDF, box: { x: number; y: number; width: number; height: number }, score: number | null, color: Rgb): void {
  if (score === null) {
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.25);
    doc.setLineDashPattern([1, 1], 0);
    doc.rect(box.x, box.y, box.width, box.height, 'S');
    doc.setLineDashPattern([], 0);
    return;
  }
  doc.setFillColor(...COLORS.track);
  doc.rect(box.x, box.y, box.width, box.height, 'F');
  const filled = (box.width * Math.max(0, Math.min(100, score))) / 100;
  if (filled > 0) {
    doc.setFillColor(...color);
    doc.rect(box.x, box.y, filled, box.height, 'F');
  }
}

function drawFlag(writer: PageWriter, message: string): void {
  const { doc } = writer;
  const indent = 6;
  const height = writer.measure(message, STYLES.body, CONTENT_WIDTH - indent);
  writer.ensure(Math.min(height, 40));
  const top = writer.y;
  doc.setFillColor(...COLORS.flag);
  doc.rect(PAGE.marginX, top + 0.6, 1.4, Math.min(height, writer.remaining) - 1.2, 'F');
  writer.write(message, STYLES.body, { x: PAGE.marginX + indent, after: 2.5 });
}

function drawPillar(writer: PageWriter, pillar: ReportModel['pillars'][number]): void {
  writer.heading(pillar.label, STYLES.h1, 40, { ruleBelow: true });
  writer.write(describeScore(pillar), { size: 12.5, bold: true }, { after: 1.5 });
  if (pillar.levelDescription) writer.write(pillar.levelDescription, STYLES.body, { after: 1.5 });
  writer.write(pillar.countsLabel, STYLES.small, { after: 6 });

  if (pillar.dimensions.length > 0) {
    writer.heading(W.dimensionsHeading, STYLES.h2, 10);
    writer.gap(1);
    for (const dimension of pillar.dimensions) drawDimensionRow(writer, dimension);
    writer.gap(6);
  }

  writer.heading(W.answersHeading, STYLES.h2, 20);
  const groups = [
    ...pillar.dimensions.map((dimension) => ({ title: dimension.label, answers: dimension.answers })),
    { title: W.otherAnswersHeading, answers: pillar.otherAnswers },
  ].filter((group) => group.answers.length > 0);
  if (groups.length === 0) writer.write(W.noAnswers, STYLES.body);
  for (const group of groups) {
    writer.heading(group.title, STYLES.h3, 14, { before: 2.5 });
    writer.gap(1);
    for (const answer of group.answers) drawAnswer(writer, answer);
  }
}

const DIMENSION_ROW = { labelWidth: 72, barX: PAGE.marginX + 75, barWidth: 40, valueX: PAGE.marginX + 119 } as const;

function drawDimensionRow(writer: PageWriter, dimension: ReportModel['pillars'][number]['dimensions'][number]): void {
  const { doc } = writer;
  const labelHeight = writer.measure(dimension.label, STYLES.smallInk, DIMENSION_ROW.labelWidth);
  const rowHeight = Math.max(labelHeight, lineHeightOf(STYLES.smallInk)) + 2.5;
  writer.ensure(rowHeight);
  const top = writer.y;
  writer.writeAt(dimension.label, STYLES.smallInk, PAGE.marginX, top, DIMENSION_ROW.labelWidth);
  drawBar(doc, { x: DIMENSION_ROW.barX, y: top + 0.6, width: DIMENSION_ROW.barWidth, height: 3 }, dimension.score, COLORS.accent);
  const valueWidth = PAGE.marginX + CONTENT_WIDTH - DIMENSION_ROW.valueX;
  writer.writeAt(describeScore(dimension), dimension.score === null ? STYLES.small : STYLES.smallBold, DIMENSION_ROW.valueX, top, valueWidth);
  writer.y = top + rowHeight;
}

function drawAnswer(writer: PageWriter, row: ReportAnswerRow): void {
  const indent = 5;
  const answerStyle = row.status === 'answered' ? STYLES.smallBold : { ...STYLES.smallBold, color: COLORS.muted };
  const height =
    writer.measure(row.question, STYLES.smallInk) +
    writer.measure(row.answer, answerStyle, CONTENT_WIDTH - indent) +
    (row.detail ? writer.measure(row.detail, STYLES.small, CONTENT_WIDTH - indent) : 0);
  writer.ensure(Math.min(height, 60));
  writer.write(row.question, STYLES.smallInk, { after: 0.4 });
  writer.write(row.answer, answerStyle, { x: PAGE.marginX + indent });
  if (row.detail) writer.write(row.detail, STYLES.small, { x: PAGE.marginX + indent });
  writer.gap(2.6);
}

function drawPath(writer: PageWriter, model: ReportModel): void {
  const { path } = model;
  writer.heading(path.heading, STYLES.h1, 40, { ruleBelow: true });
  writer.write(path.intro, STYLES.body, { after: 4 });
  if (path.groups.length === 0) writer.write(path.emptyText, STYLES.body);
  for (const group of path.groups) {
    writer.heading(group.heading, STYLES.h2, 35, { before: 4 });
    writer.gap(1.5);
    for (const step of group.steps) drawPathStep(writer, step);
  }
}

const STEP_INDENT = 9;

function drawPathStep(writer: PageWriter, step: ReportPathStep): void {
  const x = PAGE.marginX + STEP_INDENT;
  const width = CONTENT_WIDTH - STEP_INDENT;
  const meta = [step.kindLabel, step.formatLabel, step.duration, step.publisher, step.pillarLabel].filter(Boolean).join(' · ');
  const height =
    writer.measure(step.title, STYLES.h3, width) +
    writer.measure(meta, STYLES.small, width) +
    writer.measure(step.description, STYLES.smallInk, width) +
    writer.measure(step.reason, STYLES.smallInk, width) +
    (step.url ? writer.measure(step.url, STYLES.small, width) : 0) +
    4;
  writer.ensure(height);
  const top = writer.y;
  writer.writeAt(`${step.number}.`, { ...STYLES.h3, color: COLORS.accent }, PAGE.marginX, top, STEP_INDENT - 1);
  writer.write(step.title, STYLES.h3, { x, width, after: 0.3 });
  writer.write(meta, STYLES.small, { x, width, after: 1 });
  writer.write(step.description, STYLES.smallInk, { x, width, after: 1 });
  writer.write(step.reason, STYLES.smallInk, { x, width, after: 0.6 });
  if (step.url) writer.write(step.url, { size: 9, color: COLORS.link }, { x, width, url: step.url });
  writer.gap(4.5);
}

const ANNEX = { questionWidth: 98, answerX: PAGE.marginX + 104 } as const;

function drawAnnex(writer: PageWriter, model: ReportModel): void {
  const { annex } = model;
  writer.heading(annex.heading, STYLES.h1, 40, { ruleBelow: true });
  writer.write(annex.intro, STYLES.body, { after: 3 });
  const answerWidth = PAGE.marginX + CONTENT_WIDTH - ANNEX.answerX;
  for (const step of annex.steps) {
    writer.heading(step.title, STYLES.h2, 16, { before: 5 });
    writer.gap(1);
    for (const row of step.answers) {
      const answerStyle = row.status === 'answered' ? STYLES.smallInk : STYLES.small;
      const questionLines = writer.split(row.question, STYLES.smallInk, ANNEX.questionWidth);
      const answerLines = writer.split(row.answer, answerStyle, answerWidth);
      const rowHeight = Math.max(questionLines.length, answerLines.length) * lineHeightOf(STYLES.smallInk) + 2.4;
      if (rowHeight > PAGE.bottom - PAGE.top - 20) {
        // A very long free text: stacked at full width, so it can flow over several pages.
        writer.gap(1.2);
        writer.write(row.question, STYLES.smallInk, { after: 0.8 });
        writer.write(row.answer, answerStyle, { x: PAGE.marginX + 5, after: 1.2 });
      } else {
        writer.ensure(rowHeight);
        const top = writer.y;
        writer.writeAt(row.question, STYLES.smallInk, PAGE.marginX, top + 1.2, ANNEX.questionWidth);
        writer.writeAt(row.answer, answerStyle, ANNEX.answerX, top + 1.2, answerWidth);
        writer.y = top + rowHeight;
      }
      writer.rule(COLORS.track);
    }
  }
}

function drawMethod(writer: PageWriter, model: ReportModel): void {
  const { method } = model;
  writer.heading(method.heading, STYLES.h1, 40, { ruleBelow: true });
  for (const paragraph of method.paragraphs) writer.write(paragraph, STYLES.body, { after: 2.5 });
  writer.heading(method.levelsHeading, STYLES.h2, 20, { before: 4 });
  writer.gap(1);
  const descriptionX = PAGE.marginX + 45;
  const descriptionWidth = PAGE.marginX + CONTENT_WIDTH - descriptionX;
  for (const level of method.levels) {
    const height = Math.max(
      writer.measure(level.label, STYLES.smallBold, 42) + lineHeightOf(STYLES.small),
      writer.measure(level.description, STYLES.smallInk, descriptionWidth),
    );
    writer.ensure(height + 3);
    const top = writer.y;
    const labelHeight = writer.writeAt(level.label, STYLES.smallBold, PAGE.marginX, top, 42);
    writer.writeAt(level.range, STYLES.small, PAGE.marginX, top + labelHeight, 42);
    writer.writeAt(level.description, STYLES.smallInk, descriptionX, top, descriptionWidth);
    writer.y = top + height + 3;
  }
}

function drawFooters(writer: PageWriter, model: ReportModel): void {
  const { doc } = writer;
  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page += 1) {
    doc.setPage(page);
    writer.apply(STYLES.tiny);
    const pageLabel = W.pageOf(page, total);
    const text = fitFooter(doc, model, pageLabel);
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.2);
    doc.line(PAGE.marginX, PAGE.footerY - 4, PAGE.marginX + CONTENT_WIDTH, PAGE.footerY - 4);
    doc.text(text, PAGE.width / 2, PAGE.footerY, { align: 'center' });
  }
}

/** Shortens a long organisation name so the footer stays on one line. */
function fitFooter(doc: jsPDF, model: ReportModel, pageLabel: string): string {
  const compose = (name: string) => `${W.footer(name, model.dateLabel)} · ${pageLabel}`;
  const fits = (name: string) => doc.getTextWidth(compose(name)) <= CONTENT_WIDTH;
  if (fits(model.organisationName)) return compose(model.organisationName);
  const characters = Array.from(model.organisationName);
  let length = characters.length - 1;
  const shorten = (count: number) => `${characters.slice(0, count).join('').trimEnd()}…`;
  while (length > 1 && !fits(shorten(length))) length -= 1;
  return compose(shorten(length));
}

/** A PDF link holds 7-bit ASCII only: an accent in a path must be percent-encoded. */
function toAsciiUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

function toPdfDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

/** Four 32-bit FNV-1a hashes with different offsets: the file id only has to be stable and differ between reports. */
function hashToHex(text: string): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return seeds
    .map((seed) => {
      let hash = seed >>> 0;
      for (let index = 0; index < text.length; index += 1) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
      return hash.toString(16).padStart(8, '0');
    })
    .join('');
}
