import { jsPDF } from 'jspdf';
import { bindFrenchPunctuation } from '../domain/french-typography';
import type {
  ReportAnswerRow,
  ReportArea,
  ReportEvolution,
  ReportEvolutionRow,
  ReportEvolutionScore,
  ReportHighlight,
  ReportModel,
  ReportPathGroup,
  ReportPathStep,
  ReportScore,
} from './report-model';
import { FRENCH_REPORT_WORDING, type ReportWording } from './report-wording';
import { wrapText } from './wrap-text';

/** The regular and bold DejaVu Sans TTF files, base64-encoded. */
export interface PdfFonts {
  regular: string;
  bold: string;
}

export type Rgb = readonly [number, number, number];

export const COLORS = {
  ink: [33, 37, 41],
  muted: [96, 102, 110],
  accent: [28, 74, 128],
  accentSoft: [120, 146, 178],
  rule: [200, 205, 211],
  track: [234, 237, 241],
  flag: [166, 92, 0],
  link: [28, 74, 128],
  radarFill: [214, 224, 237],
  done: [31, 111, 62],
  white: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

const FONT_FAMILY = 'DejaVuSans';
/** Content runs from `top` to `bottom`; the running header sits above it and the footer below, on every page but the cover. */
export const PAGE = { width: 210, height: 297, marginX: 20, top: 25, bottom: 274, headerY: 9, headerRuleY: 18, footerRuleY: 280, footerY: 283 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const PT_TO_MM = 25.4 / 72;
const LINE_SPACING = 1.3;

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Rgb;
}

export const STYLES = {
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
  cell: { size: 8.5 },
  cellBold: { size: 8.5, bold: true },
  cellMuted: { size: 8, color: COLORS.muted },
  cellLink: { size: 8, color: COLORS.link },
  tiny: { size: 8, color: COLORS.muted },
  tinyBold: { size: 8, bold: true, color: COLORS.muted },
} as const satisfies Record<string, TextStyle>;

export function lineHeightOf(style: TextStyle): number {
  return style.size * PT_TO_MM * LINE_SPACING;
}

/** Keeps a cursor on the page and turns every text into wrapped lines that never cross the bottom margin. */
export class PageWriter {
  y: number = PAGE.top;

  /** `wording` gives the words the layout adds itself: « (suite) », « page 2 / 9 », table headers. */
  constructor(
    readonly doc: jsPDF,
    readonly wording: ReportWording = FRENCH_REPORT_WORDING,
  ) {}

  get remaining(): number {
    return PAGE.bottom - this.y;
  }

  get page(): number {
    return this.doc.getNumberOfPages();
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

  // The same words are measured again and again (measure, then write): jsPDF's measuring is not free.
  private readonly widths = new Map<string, number>();

  split(text: string, style: TextStyle, width: number): string[] {
    this.apply(style);
    const font = `${style.bold ? 'b' : 'n'}${style.size}|`;
    return wrapText(bindFrenchPunctuationForPdf(text), width, (line) => {
      const key = font + line;
      let measured = this.widths.get(key);
      if (measured === undefined) {
        measured = this.doc.getTextWidth(line);
        this.widths.set(key, measured);
      }
      return measured;
    });
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
  writeAt(text: string, style: TextStyle, x: number, y: number, width: number, align: 'left' | 'right' | 'center' = 'left'): number {
    const lines = this.split(text, style, width);
    const lineHeight = lineHeightOf(style);
    const lineX = align === 'right' ? x + width : align === 'center' ? x + width / 2 : x;
    lines.forEach((line, index) => {
      this.doc.text(line, lineX, baselineOf(y + index * lineHeight, style), { align });
    });
    return lines.length * lineHeight;
  }

  drawLine(line: string, x: number, top: number, style: TextStyle, url: string | undefined): void {
    this.apply(style);
    this.doc.text(line, x, baselineOf(top, style));
    if (url && line !== '') {
      this.doc.link(x, top, this.doc.getTextWidth(line), lineHeightOf(style), { url: toAsciiUrl(url) });
    }
  }

  rule(color: Rgb = COLORS.rule, width = 0.2, x: number = PAGE.marginX, length: number = CONTENT_WIDTH): void {
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
      this.gap(2.6);
    }
  }
}

/** jsPDF only breaks lines at plain spaces: French punctuation is bound to its word first. */
function bindFrenchPunctuationForPdf(text: string): string {
  return bindFrenchPunctuation(text.replace(/\r\n?/g, '\n'));
}

export function baselineOf(top: number, style: TextStyle): number {
  // DejaVu's ascent is about 0.93 em: placing the baseline there keeps accents inside the line box.
  return top + style.size * PT_TO_MM * 0.98;
}

/** The PDF of a report model; `wording` must be the language the model was built in (French by default). */
export function renderReportPdf(model: ReportModel, fonts: PdfFonts, wording: ReportWording = FRENCH_REPORT_WORDING): ArrayBuffer {
  const running = { ...model, runningTitle: wording.t('single.runningTitle') };
  return renderSectionedReport(model, fonts, running, wording, (writer, sectionId) => {
    if (sectionId === 'cover') return drawCover(writer, model);
    if (sectionId === 'summary') drawSummary(writer, model);
    else if (sectionId === 'evolution') {
      if (model.evolution) drawEvolution(writer, model.evolution);
    } else if (sectionId === 'path') drawPath(writer, model);
    else if (sectionId === 'annex') drawAnnex(writer, model);
    else if (sectionId === 'method') drawMethod(writer, model.method);
    else {
      const pillar = model.pillars.find((candidate) => candidate.id === sectionId);
      if (pillar) drawPillar(writer, pillar);
    }
    return undefined;
  });
}

/** What every report model gives the shared layout: metadata, the outline and the running header. */
export interface SectionedReportModel<SectionId extends string> {
  documentTitle: string;
  organisationName: string;
  subject: string;
  generatedAt: string;
  outline: readonly { id: SectionId; title: string }[];
}

/**
 * The layout every report shares: one page per section in outline order, the cover's table of
 * contents filled once page numbers are known, running headers and footers. `drawSection` draws one
 * section and, for the cover, returns where its table of contents goes.
 */
export function renderSectionedReport<SectionId extends string>(
  model: SectionedReportModel<SectionId>,
  fonts: PdfFonts,
  running: { organisationName: string; dateLabel: string; runningTitle: string },
  wording: ReportWording,
  drawSection: (writer: PageWriter, sectionId: SectionId) => number | undefined,
): ArrayBuffer {
  const doc = createReportDocument(fonts, {
    language: wording.localeTag,
    title: `${model.documentTitle} – ${model.organisationName}`,
    subject: model.subject,
    author: model.organisationName,
    generatedAt: model.generatedAt,
    fingerprint: JSON.stringify(model),
  });
  const writer = new PageWriter(doc, wording);
  const sectionPages = new Map<SectionId, number>();
  let contentsTop: number | undefined;
  for (const [index, section] of model.outline.entries()) {
    if (index > 0) writer.newPage();
    sectionPages.set(section.id, writer.page);
    contentsTop = drawSection(writer, section.id) ?? contentsTop;
  }
  if (contentsTop !== undefined) drawContents(writer, model.outline, sectionPages, contentsTop);
  drawRunningHeadersAndFooters(writer, running);
  return doc.output('arraybuffer');
}

/** A4 in millimetres with the fonts registered, the language declared, and the metadata every report carries. */
function createReportDocument(
  fonts: PdfFonts,
  metadata: { language: string; title: string; subject: string; author: string; generatedAt: string; fingerprint: string },
): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, fonts);
  doc.setDocumentProperties({ title: metadata.title, subject: metadata.subject, author: metadata.author, creator: 'Trajectoires' });
  // jsPDF types the tag as a fixed list of languages; ours come from LANGUAGE_TAGS.
  doc.setLanguage(metadata.language as Parameters<jsPDF['setLanguage']>[0]);
  // Both are otherwise taken from the clock and the machine's time zone: fixed, the bytes are reproducible.
  doc.setCreationDate(toPdfDate(new Date(metadata.generatedAt)));
  doc.setFileId(hashToHex(metadata.fingerprint));
  return doc;
}

function registerFonts(doc: jsPDF, fonts: PdfFonts): void {
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', FONT_FAMILY, 'normal', 'Identity-H');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT_FAMILY, 'bold', 'Identity-H');
  doc.setFont(FONT_FAMILY, 'normal');
}

/** Draws the cover and returns where its table of contents goes, filled once page numbers are known. */
function drawCover(writer: PageWriter, model: ReportModel): number {
  const { doc } = writer;
  const { cover } = model;
  doc.setFillColor(...COLORS.accent);
  doc.rect(0, 0, PAGE.width, 7, 'F');
  doc.rect(PAGE.marginX, 44, 24, 1.6, 'F');
  writer.y = 52;
  writer.write(cover.title, STYLES.coverTitle, { after: 9 });
  writer.write(cover.organisationName, STYLES.coverOrganisation, { after: 6 });
  writer.write(cover.dateLabel, { size: 12 }, { after: 2 });
  writer.write(cover.questionnaireLabel, { size: 10.5, color: COLORS.muted }, { after: 1 });
  if (cover.respondentLabel) writer.write(cover.respondentLabel, { size: 10.5, color: COLORS.muted });
  writer.gap(12);
  writer.write(cover.intro, STYLES.body, { width: 150 });
  const contentsTop = writer.y + 12;

  // Placed, not flowed: the cover is one page whatever the note's length.
  const noteTop = PAGE.bottom - writer.measure(cover.privacyNote, STYLES.small);
  writer.y = noteTop - 3;
  writer.rule();
  writer.writeAt(cover.privacyNote, STYLES.small, PAGE.marginX, noteTop, CONTENT_WIDTH);
  return contentsTop;
}

const CONTENTS = { width: 120, numberWidth: 12 } as const;

/** "Sommaire" on the cover: each section with its page, as a link to that page. */
function drawContents<Id extends string>(
  writer: PageWriter,
  outline: readonly { id: Id; title: string }[],
  sectionPages: ReadonlyMap<Id, number>,
  top: number,
): void {
  const { doc } = writer;
  doc.setPage(1);
  writer.y = top;
  writer.write(writer.wording.t('single.contentsHeading'), STYLES.h3, { after: 2 });
  const lineHeight = lineHeightOf(STYLES.smallInk) + 1.6;
  for (const section of outline) {
    const page = sectionPages.get(section.id);
    if (section.id === 'cover' || page === undefined) continue;
    const y = writer.y;
    writer.apply(STYLES.smallInk);
    const titleWidth = doc.getTextWidth(section.title);
    doc.text(section.title, PAGE.marginX, baselineOf(y, STYLES.smallInk));
    doc.text(String(page), PAGE.marginX + CONTENTS.width, baselineOf(y, STYLES.smallInk), { align: 'right' });
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.3);
    doc.setLineDashPattern([0.3, 1.2], 0);
    const leaderY = baselineOf(y, STYLES.smallInk) - 0.2;
    doc.line(PAGE.marginX + titleWidth + 2, leaderY, PAGE.marginX + CONTENTS.width - CONTENTS.numberWidth + 4, leaderY);
    doc.setLineDashPattern([], 0);
    doc.link(PAGE.marginX, y, CONTENTS.width, lineHeight, { pageNumber: page });
    writer.y += lineHeight;
  }
}

function drawSummary(writer: PageWriter, model: ReportModel): void {
  const { summary } = model;
  writer.heading(summary.heading, STYLES.h1, 60, { ruleBelow: true });
  writer.write(summary.intro, STYLES.smallInk, { after: 4 });

  const top = writer.y;
  const pillars = summary.areas.filter((area) => area.id !== 'project');
  const radarHeight = drawRadar(writer, pillars, summary.levelThresholds, { x: PAGE.marginX, y: top, width: 86 });
  const tableHeight = drawScoreTable(writer, summary.areas, { x: PAGE.marginX + 92, y: top, width: CONTENT_WIDTH - 92 });
  writer.y = top + Math.max(radarHeight, tableHeight) + 1;
  writer.write(summary.chartCaption, STYLES.tiny, { after: 3 });

  drawHighlights(writer, summary.strengthsHeading, summary.strengths, writer.wording.t('single.noStrengths'), { marker: '+', color: COLORS.accent });
  drawHighlights(writer, summary.flagsHeading, summary.watchPoints, writer.wording.t('single.noWatchPoints'), { marker: '!', color: COLORS.flag });
  drawFirstSteps(writer, model);
}

/** A radar of the pillars in vector lines: level thresholds as dashed polygons, the values written at each corner. */
export function drawRadar(writer: PageWriter, pillars: ReportArea[], thresholds: { label: string; minScore: number }[], box: { x: number; y: number; width: number }): number {
  const { doc } = writer;
  const radius = 29;
  const labelWidth = 38;
  const centerX = box.x + box.width / 2;
  const centerY = box.y + 13 + radius;
  const count = Math.max(pillars.length, 3);
  const angleOf = (index: number) => -Math.PI / 2 + (index * 2 * Math.PI) / count;
  const pointAt = (index: number, score: number): [number, number] => {
    const distance = (radius * Math.max(0, Math.min(100, score))) / 100;
    return [centerX + distance * Math.cos(angleOf(index)), centerY + distance * Math.sin(angleOf(index))];
  };
  const ring = (score: number) => Array.from({ length: count }, (_, index) => pointAt(index, score));

  const values = pillars.map((pillar) => pillar.score ?? 0);
  drawPolygon(doc, values.map((value, index) => pointAt(index, value)), { fill: COLORS.radarFill });

  const levelStarts = thresholds.map((threshold) => threshold.minScore).filter((score) => score > 0 && score < 100);
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.2);
  doc.setLineDashPattern([0.8, 0.8], 0);
  for (const score of levelStarts) drawPolygon(doc, ring(score), { stroke: COLORS.rule });
  doc.setLineDashPattern([], 0);
  drawPolygon(doc, ring(100), { stroke: COLORS.rule, width: 0.3 });
  for (let index = 0; index < count; index += 1) {
    const [x, y] = pointAt(index, 100);
    doc.line(centerX, centerY, x, y);
  }
  writer.apply(STYLES.tiny);
  // The outer polygon is 100; its number would sit on the top label.
  for (const score of levelStarts) {
    const [, y] = pointAt(0, score);
    doc.text(String(score), centerX + 1, y - 0.6);
  }

  drawPolygon(doc, values.map((value, index) => pointAt(index, value)), { stroke: COLORS.accent, width: 0.7 });
  doc.setFillColor(...COLORS.accent);
  values.forEach((value, index) => {
    const [x, y] = pointAt(index, value);
    doc.circle(x, y, 0.9, 'F');
  });

  let bottom = centerY;
  pillars.forEach((pillar, index) => {
    const [cornerX, cornerY] = pointAt(index, 100);
    const left = Math.max(box.x, Math.min(box.x + box.width - labelWidth, cornerX - labelWidth / 2));
    const value = pillar.scoreLabel;
    const labelHeight = writer.measure(pillar.label, STYLES.smallBold, labelWidth) + writer.measure(value, STYLES.smallInk, labelWidth);
    const labelTop = index === 0 ? cornerY - 2 - labelHeight : cornerY + 2;
    const used = writer.writeAt(pillar.label, STYLES.smallBold, left, labelTop, labelWidth, 'center');
    writer.writeAt(value, pillar.score === null ? STYLES.small : STYLES.smallInk, left, labelTop + used, labelWidth, 'center');
    bottom = Math.max(bottom, labelTop + labelHeight);
  });
  return bottom - box.y;
}

function drawPolygon(doc: jsPDF, points: [number, number][], paint: { fill?: Rgb; stroke?: Rgb; width?: number }): void {
  const [first, ...rest] = points;
  if (!first || rest.length < 2) return;
  const deltas: [number, number][] = [];
  let previous = first;
  for (const point of rest) {
    deltas.push([point[0] - previous[0], point[1] - previous[1]]);
    previous = point;
  }
  if (paint.fill) doc.setFillColor(...paint.fill);
  if (paint.stroke) doc.setDrawColor(...paint.stroke);
  if (paint.width !== undefined) doc.setLineWidth(paint.width);
  doc.lines(deltas, first[0], first[1], [1, 1], paint.fill && paint.stroke ? 'FD' : paint.fill ? 'F' : 'S', true);
}

/** The four scores as a small table beside the radar: label and level on the left, the score on the right. */
export function drawScoreTable(writer: PageWriter, areas: ReportArea[], box: { x: number; y: number; width: number }): number {
  writer.apply(STYLES.h3);
  writer.writeAt(writer.wording.t('single.scoresHeading'), STYLES.h3, box.x, box.y, box.width);
  let y = box.y + lineHeightOf(STYLES.h3) + 1.5;
  const scoreWidth = 24;
  const pillarsFirst = [...areas.filter((area) => area.id !== 'project'), ...areas.filter((area) => area.id === 'project')];
  for (const area of pillarsFirst) {
    const isProject = area.id === 'project';
    if (isProject) y += 2;
    writer.y = y;
    writer.rule(COLORS.rule, 0.2, box.x, box.width);
    const top = y + 1.5;
    const labelHeight = writer.writeAt(area.label, isProject ? STYLES.smallInk : STYLES.smallBold, box.x, top, box.width - scoreWidth);
    const levelHeight = writer.writeAt(area.levelLabel ?? area.levelDescription ?? '', STYLES.tiny, box.x, top + labelHeight, box.width - scoreWidth);
    const scoreStyle: TextStyle = area.score === null ? STYLES.tiny : { size: isProject ? 10.5 : 12, bold: true, color: isProject ? COLORS.muted : COLORS.accent };
    const scoreHeight = writer.writeAt(area.scoreLabel, scoreStyle, box.x + box.width - scoreWidth, top, scoreWidth, 'right');
    y = top + Math.max(labelHeight + levelHeight, scoreHeight) + 1.5;
  }
  writer.y = y;
  writer.rule(COLORS.rule, 0.2, box.x, box.width);
  y += 1.5;
  y += writer.writeAt(writer.wording.t('single.projectNote'), STYLES.tiny, box.x, y, box.width);
  return y - box.y;
}

export function drawHighlights(writer: PageWriter, heading: string, items: ReportHighlight[], emptyText: string, mark: { marker: string; color: Rgb }): void {
  writer.heading(heading, STYLES.h2, 12, { before: 3 });
  writer.gap(0.5);
  if (items.length === 0) writer.write(emptyText, STYLES.small, { after: 1 });
  const indent = 5;
  for (const item of items) {
    writer.ensure(writer.measure(item.text, STYLES.smallInk, CONTENT_WIDTH - indent));
    writer.writeAt(mark.marker, { ...STYLES.smallBold, color: mark.color }, PAGE.marginX + 0.8, writer.y, indent);
    writer.write(item.text, STYLES.smallInk, { x: PAGE.marginX + indent, after: 1.2 });
  }
}

const STEP_INDENT = 8;

/** The board's first question is "where do we start?": the head of the path, on the summary page. */
function drawFirstSteps(writer: PageWriter, model: ReportModel): void {
  const { summary } = model;
  if (summary.firstSteps.length === 0) return;
  writer.heading(summary.firstStepsHeading, STYLES.h2, 12, { before: 3 });
  writer.gap(0.5);
  for (const step of summary.firstSteps) {
    const x = PAGE.marginX + STEP_INDENT;
    const detail = [step.kindLabel, step.formatLabel, step.duration, step.horizonLabel, ...(step.status === 'todo' ? [] : [step.statusLabel])].join(' · ');
    writer.ensure(writer.measure(step.title, STYLES.smallBold, CONTENT_WIDTH - STEP_INDENT) + lineHeightOf(STYLES.tiny) + 1.5);
    writer.writeAt(`${step.number}.`, { ...STYLES.smallBold, color: COLORS.accent }, PAGE.marginX, writer.y, STEP_INDENT - 1);
    writer.write(step.title, STYLES.smallBold, { x });
    writer.write(detail, STYLES.tiny, { x, after: 1.5 });
  }
  if (summary.moreStepsCount > 0) writer.write(writer.wording.t('single.firstStepsMore', { count: summary.moreStepsCount }), STYLES.tiny, { x: PAGE.marginX + STEP_INDENT });
}

function describeScore(score: ReportScore): string {
  return score.levelLabel ? `${score.scoreLabel} · ${score.levelLabel}` : score.scoreLabel;
}

/** A score bar on a light track; a missing score gets a dashed outline, since no score is not a zero. */
export function drawBar(doc: jsPDF, box: { x: number; y: number; width: number; height: number }, score: number | null, color: Rgb): void {
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

function drawPillar(writer: PageWriter, pillar: ReportModel['pillars'][number]): void {
  writer.heading(pillar.label, STYLES.h1, 40, { ruleBelow: true });
  writer.write(describeScore(pillar), { size: 12.5, bold: true }, { after: 1.5 });
  if (pillar.levelDescription) writer.write(pillar.levelDescription, STYLES.body, { after: 1.5 });
  writer.write(pillar.countsLabel, STYLES.small, { after: 6 });

  if (pillar.dimensions.length > 0) {
    writer.heading(writer.wording.t('single.dimensionsHeading'), STYLES.h2, 10);
    writer.gap(1);
    drawDimensionAxis(writer);
    for (const dimension of pillar.dimensions) drawDimensionRow(writer, dimension);
    writer.gap(6);
  }

  writer.heading(writer.wording.t('single.answersHeading'), STYLES.h2, 20);
  const groups = [
    ...pillar.dimensions.map((dimension) => ({ title: dimension.label, answers: dimension.answers })),
    { title: writer.wording.t('single.otherAnswersHeading'), answers: pillar.otherAnswers },
  ].filter((group) => group.answers.length > 0);
  if (groups.length === 0) writer.write(writer.wording.t('single.noAnswers'), STYLES.body);
  for (const group of groups) {
    writer.heading(group.title, STYLES.h3, 14, { before: 2.5 });
    writer.gap(1);
    for (const answer of group.answers) drawAnswer(writer, answer);
  }
}

export const DIMENSION_ROW = { labelWidth: 66, barX: PAGE.marginX + 69, barWidth: 42, valueX: PAGE.marginX + 115 } as const;

/** 0, 50 and 100 above the bars, so the bars read without counting. */
export function drawDimensionAxis(writer: PageWriter): void {
  writer.apply(STYLES.tiny);
  for (const tick of [0, 50, 100]) {
    writer.doc.text(String(tick), DIMENSION_ROW.barX + (DIMENSION_ROW.barWidth * tick) / 100, baselineOf(writer.y, STYLES.tiny), { align: 'center' });
  }
  writer.gap(lineHeightOf(STYLES.tiny) + 0.5);
}

function drawDimensionRow(writer: PageWriter, dimension: ReportModel['pillars'][number]['dimensions'][number]): void {
  const { doc } = writer;
  const valueWidth = PAGE.marginX + CONTENT_WIDTH - DIMENSION_ROW.valueX;
  const valueStyle = dimension.score === null ? STYLES.small : STYLES.smallBold;
  const labelHeight = writer.measure(dimension.label, STYLES.smallInk, DIMENSION_ROW.labelWidth);
  const valueHeight = writer.measure(describeScore(dimension), valueStyle, valueWidth);
  const rowHeight = Math.max(labelHeight, valueHeight, lineHeightOf(STYLES.smallInk)) + 2.5;
  writer.ensure(rowHeight);
  const top = writer.y;
  writer.writeAt(dimension.label, STYLES.smallInk, PAGE.marginX, top, DIMENSION_ROW.labelWidth);
  drawBar(doc, { x: DIMENSION_ROW.barX, y: top + 0.6, width: DIMENSION_ROW.barWidth, height: 3 }, dimension.score, COLORS.accent);
  writer.writeAt(describeScore(dimension), valueStyle, DIMENSION_ROW.valueX, top, valueWidth);
  writer.y = top + rowHeight;
}

/** Label, paired bars, then before, after and the written change: every figure is printed, the bars only help the eye. */
const EVOLUTION_ROW = {
  labelWidth: 46,
  barX: PAGE.marginX + 48,
  barWidth: 34,
  barHeight: 2.4,
  beforeX: PAGE.marginX + 85,
  afterX: PAGE.marginX + 113,
  valueWidth: 26,
  changeX: PAGE.marginX + 141,
  changeWidth: CONTENT_WIDTH - 141,
} as const;

function drawEvolution(writer: PageWriter, evolution: ReportEvolution): void {
  writer.heading(evolution.heading, STYLES.h1, 50, { ruleBelow: true });
  writer.write(evolution.intro, STYLES.smallInk, { after: evolution.questionnaireNote ? 1.5 : 4 });
  if (evolution.questionnaireNote) writer.write(evolution.questionnaireNote, STYLES.small, { after: 4 });

  drawEvolutionTable(writer, evolution, evolution.columns.area, [{ title: null, rows: evolution.areas }], true);
  writer.gap(1.2);
  writer.write(evolution.legend, STYLES.tiny, { after: 5 });

  if (evolution.dimensionGroups.length > 0) {
    writer.heading(evolution.dimensionsHeading, STYLES.h2, 24, { before: 2 });
    writer.gap(1);
    drawEvolutionTable(writer, evolution, evolution.columns.dimension, evolution.dimensionGroups, false);
    writer.gap(5);
  }

  writer.heading(evolution.changedAnswersHeading, STYLES.h2, 20, { before: 2 });
  writer.write(evolution.changedAnswersIntro, STYLES.smallInk, { after: 2.5 });
  if (evolution.changedAnswerGroups.length > 0) {
    const muted: TextStyle = { ...STYLES.cell, color: COLORS.muted };
    drawTable(writer, {
      columns: [
        { header: evolution.changedAnswersColumns.question, width: CHANGED_ANSWER_COLUMNS[0] },
        { header: evolution.changedAnswersColumns.before, width: CHANGED_ANSWER_COLUMNS[1] },
        { header: evolution.changedAnswersColumns.after, width: CHANGED_ANSWER_COLUMNS[2] },
      ],
      groups: evolution.changedAnswerGroups.map((group) => ({
        title: group.title,
        rows: group.rows.map((row) => [
          { blocks: [{ text: row.question, style: STYLES.cell }] },
          { blocks: [{ text: row.before, style: row.hasBefore ? STYLES.cell : muted }] },
          { blocks: [{ text: row.after, style: row.hasAfter ? STYLES.cellBold : muted }] },
        ]),
      })),
    });
    writer.gap(5);
  }

  writer.heading(evolution.stepsDoneHeading, STYLES.h2, 12, { before: 2 });
  writer.gap(0.5);
  if (evolution.stepsDone.length === 0) writer.write(evolution.noStepsDone, STYLES.small);
  for (const step of evolution.stepsDone) {
    writer.ensure(writer.measure(step.title, STYLES.smallInk, CONTENT_WIDTH - STEP_INDENT) + 1.2);
    drawStatusBox(writer.doc, 'done', PAGE.marginX + 0.5, writer.y + 0.5);
    writer.write(step.title, STYLES.smallInk, { x: PAGE.marginX + STEP_INDENT - 2, after: 1.2 });
  }
}

const CHANGED_ANSWER_COLUMNS = [74, 48, 48] as const;

/** The comparison table: its header again on every page it runs onto, a group's title too. */
function drawEvolutionTable(
  writer: PageWriter,
  evolution: ReportEvolution,
  firstHeader: string,
  groups: readonly { title: string | null; rows: readonly ReportEvolutionRow[] }[],
  isAreaTable: boolean,
): void {
  const { columns } = evolution;
  const headerStyle = STYLES.tinyBold;
  const headerHeight = lineHeightOf(headerStyle) + 2;
  const groupStyle: TextStyle = { ...STYLES.smallBold, color: COLORS.accent };
  const drawHeader = () => {
    const top = writer.y;
    writer.writeAt(firstHeader, headerStyle, PAGE.marginX, top, EVOLUTION_ROW.labelWidth);
    writer.writeAt(columns.bars, headerStyle, EVOLUTION_ROW.barX, top, EVOLUTION_ROW.barWidth);
    writer.writeAt(columns.before, headerStyle, EVOLUTION_ROW.beforeX, top, EVOLUTION_ROW.valueWidth);
    writer.writeAt(columns.after, headerStyle, EVOLUTION_ROW.afterX, top, EVOLUTION_ROW.valueWidth);
    writer.writeAt(columns.change, headerStyle, EVOLUTION_ROW.changeX, top, EVOLUTION_ROW.changeWidth, 'right');
    writer.y = top + headerHeight - 0.6;
    writer.rule(COLORS.ink, 0.3);
    writer.gap(0.6);
  };
  const drawGroupTitle = (title: string) => {
    writer.gap(1.2);
    writer.write(title, groupStyle, { after: 0.3 });
  };

  const firstRow = groups[0]?.rows[0];
  writer.ensure(headerHeight + (groups[0]?.title ? lineHeightOf(groupStyle) + 1.5 : 0) + (firstRow ? measureEvolutionRow(writer, firstRow, isAreaTable) : 0));
  drawHeader();
  for (const group of groups) {
    if (group.title) {
      const first = group.rows[0];
      const needed = lineHeightOf(groupStyle) + 1.5 + (first ? measureEvolutionRow(writer, first, isAreaTable) : 0);
      if (needed > writer.remaining) {
        writer.newPage();
        drawHeader();
      }
      drawGroupTitle(group.title);
    }
    for (const row of group.rows) {
      const height = measureEvolutionRow(writer, row, isAreaTable);
      if (height > writer.remaining) {
        writer.newPage();
        drawHeader();
        if (group.title) drawGroupTitle(`${group.title} ${writer.wording.t('single.continued')}`);
      }
      drawEvolutionRow(writer, row, isAreaTable, height);
    }
  }
}

const EVOLUTION_PAD = 1.4;

function evolutionLabelStyle(isAreaTable: boolean): TextStyle {
  return isAreaTable ? STYLES.smallBold : STYLES.smallInk;
}

function measureEvolutionScore(writer: PageWriter, score: ReportEvolutionScore, style: TextStyle): number {
  return writer.measure(score.scoreLabel, style, EVOLUTION_ROW.valueWidth) + (score.levelLabel ? writer.measure(score.levelLabel, STYLES.tiny, EVOLUTION_ROW.valueWidth) : 0);
}

function measureEvolutionRow(writer: PageWriter, row: ReportEvolutionRow, isAreaTable: boolean): number {
  return (
    Math.max(
      writer.measure(row.label, evolutionLabelStyle(isAreaTable), EVOLUTION_ROW.labelWidth),
      2 * EVOLUTION_ROW.barHeight + 1.2,
      measureEvolutionScore(writer, row.before, scoreStyleOf(row.before, false)),
      measureEvolutionScore(writer, row.after, scoreStyleOf(row.after, true)),
      writer.measure(row.deltaLabel, STYLES.smallBold, EVOLUTION_ROW.changeWidth),
    ) +
    2 * EVOLUTION_PAD
  );
}

function scoreStyleOf(score: ReportEvolutionScore, isAfter: boolean): TextStyle {
  if (score.score === null) return STYLES.small;
  return isAfter ? STYLES.smallBold : STYLES.smallInk;
}

/** The colour only repeats the written sign: up in the accent, down in the vigilance colour. */
function deltaStyleOf(delta: number | null): TextStyle {
  if (delta === null) return { ...STYLES.smallBold, color: COLORS.muted };
  if (delta > 0) return { ...STYLES.smallBold, color: COLORS.done };
  if (delta < 0) return { ...STYLES.smallBold, color: COLORS.flag };
  return STYLES.smallBold;
}

function drawEvolutionRow(writer: PageWriter, row: ReportEvolutionRow, isAreaTable: boolean, height: number): void {
  const { doc } = writer;
  const top = writer.y + EVOLUTION_PAD;
  writer.writeAt(row.label, evolutionLabelStyle(isAreaTable), PAGE.marginX, top, EVOLUTION_ROW.labelWidth);
  drawBar(doc, { x: EVOLUTION_ROW.barX, y: top + 0.3, width: EVOLUTION_ROW.barWidth, height: EVOLUTION_ROW.barHeight }, row.before.score, COLORS.accentSoft);
  drawBar(doc, { x: EVOLUTION_ROW.barX, y: top + 0.9 + EVOLUTION_ROW.barHeight, width: EVOLUTION_ROW.barWidth, height: EVOLUTION_ROW.barHeight }, row.after.score, COLORS.accent);
  for (const [score, x, isAfter] of [
    [row.before, EVOLUTION_ROW.beforeX, false],
    [row.after, EVOLUTION_ROW.afterX, true],
  ] as const) {
    const used = writer.writeAt(score.scoreLabel, scoreStyleOf(score, isAfter), x, top, EVOLUTION_ROW.valueWidth);
    if (score.levelLabel) writer.writeAt(score.levelLabel, STYLES.tiny, x, top + used, EVOLUTION_ROW.valueWidth);
  }
  writer.writeAt(row.deltaLabel, deltaStyleOf(row.delta), EVOLUTION_ROW.changeX, top, EVOLUTION_ROW.changeWidth, 'right');
  writer.y += height;
  writer.rule(COLORS.rule, 0.15);
}

const LEVEL_SCALE = { square: 2.2, gap: 0.7 } as const;

/** Four small squares, as many filled as the chosen level: the level reads at a glance and, with its words, without colour. */
function drawLevelScale(doc: jsPDF, level: NonNullable<ReportAnswerRow['level']>, x: number, top: number): void {
  doc.setLineWidth(0.2);
  doc.setDrawColor(...COLORS.accent);
  doc.setFillColor(...COLORS.accent);
  for (let index = 0; index < level.count; index += 1) {
    doc.rect(x + index * (LEVEL_SCALE.square + LEVEL_SCALE.gap), top, LEVEL_SCALE.square, LEVEL_SCALE.square, index < level.rank ? 'FD' : 'S');
  }
}

function drawAnswer(writer: PageWriter, row: ReportAnswerRow): void {
  const indent = 5;
  const scaleWidth = row.level ? row.level.count * (LEVEL_SCALE.square + LEVEL_SCALE.gap) + 1.5 : 0;
  const answerX = PAGE.marginX + indent + scaleWidth;
  const answerWidth = CONTENT_WIDTH - indent - scaleWidth;
  const answerStyle = row.status === 'answered' ? STYLES.smallBold : { ...STYLES.smallBold, color: COLORS.muted };
  const answerText = row.level ? `${row.answer} (${row.level.label})` : row.answer;
  const height =
    writer.measure(row.question, STYLES.smallInk) +
    writer.measure(answerText, answerStyle, answerWidth) +
    (row.detail ? writer.measure(row.detail, STYLES.small, answerWidth) : 0);
  writer.ensure(Math.min(height, 60));
  writer.write(row.question, STYLES.smallInk, { after: 0.4 });
  if (row.level) drawLevelScale(writer.doc, row.level, PAGE.marginX + indent, writer.y + 0.55);
  writer.write(answerText, answerStyle, { x: answerX, width: answerWidth });
  if (row.detail) writer.write(row.detail, STYLES.small, { x: answerX, width: answerWidth });
  writer.gap(2.6);
}

export interface TableBlock {
  text: string;
  style: TextStyle;
  url?: string;
}

export interface TableCell {
  blocks: TableBlock[];
  /** A vector checkbox before the first line: the step's progress. */
  status?: ReportPathStep['status'];
}

/** One cell per column, or a single cell that spans every column but the first (a step's note). */
export type TableRow = TableCell[];

export interface TableSpec {
  columns: { header: string; width: number }[];
  groups: { title: string | null; rows: TableRow[] }[];
}

interface PreparedLine {
  text: string;
  style: TextStyle;
  url: string | undefined;
  height: number;
}

const CELL = { padX: 1.6, padY: 1.3, blockGap: 0.7, statusWidth: 4.2 } as const;

/**
 * A table drawn line by line: the header row is repeated on every page the table runs onto, a
 * group heading too (with "(suite)"), a row moves whole to the next page when it fits on one, and
 * a row taller than a page (a very long note) is split between its lines.
 */
export function drawTable(writer: PageWriter, spec: TableSpec): void {
  const { doc } = writer;
  const lefts = spec.columns.map((_, index) => PAGE.marginX + spec.columns.slice(0, index).reduce((sum, column) => sum + column.width, 0));
  const headerCells: TableCell[] = spec.columns.map((column) => ({ blocks: [{ text: column.header, style: { ...STYLES.tinyBold, color: COLORS.white } }] }));
  const headerLines = headerCells.map((cell, index) => prepareCell(writer, cell, spec.columns[index]!.width));
  const headerHeight = heightOf(headerLines);
  const groupStyle: TextStyle = { ...STYLES.smallBold, color: COLORS.accent };
  const groupHeight = lineHeightOf(groupStyle) + 2 * CELL.padY + 0.6;

  const drawHeader = () => {
    doc.setFillColor(...COLORS.accent);
    doc.rect(PAGE.marginX, writer.y, CONTENT_WIDTH, headerHeight, 'F');
    headerLines.forEach((lines, index) => drawCellLines(writer, lines, lefts[index]!, writer.y + CELL.padY));
    writer.y += headerHeight;
  };
  const drawGroup = (title: string) => {
    doc.setFillColor(...COLORS.track);
    doc.rect(PAGE.marginX, writer.y, CONTENT_WIDTH, groupHeight, 'F');
    writer.writeAt(title, groupStyle, PAGE.marginX + CELL.padX, writer.y + CELL.padY + 0.3, CONTENT_WIDTH - 2 * CELL.padX);
    writer.y += groupHeight;
  };
  const breakPage = (groupTitle: string | null) => {
    writer.newPage();
    drawHeader();
    if (groupTitle) drawGroup(`${groupTitle} ${writer.wording.t('single.continued')}`);
  };

  writer.ensure(headerHeight + groupHeight + 20);
  drawHeader();
  for (const group of spec.groups) {
    const spanWidth = CONTENT_WIDTH - spec.columns[0]!.width;
    const isSpanning = (row: TableRow) => row.length === 1 && spec.columns.length > 1;
    const rows = group.rows.map((row) =>
      isSpanning(row) ? [prepareCell(writer, row[0]!, spanWidth)] : row.map((cell, index) => prepareCell(writer, cell, spec.columns[index]!.width)),
    );
    const roomOnFreshPage = PAGE.bottom - PAGE.top - headerHeight - (group.title ? groupHeight : 0);
    if (group.title) {
      const firstRowHeight = rows[0] ? heightOf(rows[0]) : 0;
      // A first row that will move whole to the next page takes its group heading along; only a row taller than a page is split.
      const keptWithHeading = firstRowHeight <= roomOnFreshPage ? firstRowHeight : 30;
      if (groupHeight + keptWithHeading > writer.remaining) breakPage(null);
      drawGroup(group.title);
    }
    for (const [rowIndex, row] of rows.entries()) {
      const height = heightOf(row);
      if (height > writer.remaining && height <= roomOnFreshPage) breakPage(group.title);
      let pending = row;
      const source = group.rows[rowIndex]!;
      const cellLefts = isSpanning(source) ? [lefts[1]!] : lefts;
      const statuses = source.map((cell) => cell.status);
      // A note row reads as part of the step above it: no rule between them.
      const isFollowedByNote = group.rows[rowIndex + 1] !== undefined && isSpanning(group.rows[rowIndex + 1]!);
      let isFirstChunk = true;
      for (;;) {
        const room = writer.remaining - 2 * CELL.padY;
        const taken = pending.map((lines) => takeFitting(lines, room));
        const takenCount = taken.reduce((sum, lines) => sum + lines.length, 0);
        const pendingCount = pending.reduce((sum, lines) => sum + lines.length, 0);
        if (takenCount < Math.min(3, pendingCount)) {
          breakPage(group.title);
          continue;
        }
        const top = writer.y;
        taken.forEach((lines, index) => {
          const status = statuses[index];
          if (status && isFirstChunk) drawStatusBox(doc, status, cellLefts[index]! + CELL.padX, top + CELL.padY + 0.5);
          drawCellLines(writer, lines, cellLefts[index]! + (status ? CELL.statusWidth : 0), top + CELL.padY);
        });
        writer.y = top + heightOf(taken);
        const isRowEnd = pending.every((lines, index) => lines.length === taken[index]!.length);
        if (!(isRowEnd && isFollowedByNote)) writer.rule(COLORS.rule, 0.15);
        pending = pending.map((lines, index) => lines.slice(taken[index]!.length));
        isFirstChunk = false;
        if (pending.every((lines) => lines.length === 0)) break;
        breakPage(group.title);
      }
    }
  }
}

function prepareCell(writer: PageWriter, cell: TableCell, width: number): PreparedLine[] {
  const innerWidth = width - 2 * CELL.padX - (cell.status ? CELL.statusWidth : 0);
  return cell.blocks.flatMap((block, blockIndex) => {
    const lines = writer.split(block.text, block.style, innerWidth);
    const isLastBlock = blockIndex === cell.blocks.length - 1;
    return lines.map((text, lineIndex) => ({
      text,
      style: block.style,
      url: block.url,
      height: lineHeightOf(block.style) + (lineIndex === lines.length - 1 && !isLastBlock ? CELL.blockGap : 0),
    }));
  });
}

function heightOf(cells: PreparedLine[][]): number {
  return Math.max(...cells.map((lines) => lines.reduce((sum, line) => sum + line.height, 0))) + 2 * CELL.padY;
}

function takeFitting(lines: PreparedLine[], room: number): PreparedLine[] {
  let used = 0;
  let count = 0;
  for (const line of lines) {
    if (used + line.height > room) break;
    used += line.height;
    count += 1;
  }
  return lines.slice(0, count);
}

function drawCellLines(writer: PageWriter, lines: PreparedLine[], left: number, top: number): void {
  let y = top;
  for (const line of lines) {
    writer.drawLine(line.text, left + CELL.padX, y, line.style, line.url);
    y += line.height;
  }
}

/** Empty for a step to do, ticked when done, struck through when not relevant: the words say it too. */
function drawStatusBox(doc: jsPDF, status: ReportPathStep['status'], x: number, top: number): void {
  const size = 2.6;
  const color: Rgb = status === 'done' ? COLORS.done : status === 'not-relevant' ? COLORS.muted : COLORS.ink;
  doc.setDrawColor(...color);
  doc.setLineWidth(0.3);
  doc.rect(x, top, size, size, 'S');
  if (status === 'done') {
    doc.setLineWidth(0.45);
    doc.lines([[0.7, 0.8], [1.3, -1.9]], x + 0.5, top + 1.3, [1, 1], 'S', false);
  } else if (status === 'not-relevant') {
    doc.line(x + 0.5, top + size / 2, x + size - 0.5, top + size / 2);
  }
}

const PATH_COLUMNS = [8, 64, 27, 44, 27] as const;

function drawPath(writer: PageWriter, model: ReportModel): void {
  const { path } = model;
  writer.heading(path.heading, STYLES.h1, 40, { ruleBelow: true });
  writer.write(path.intro, STYLES.smallInk, { after: path.progressLabel ? 1.5 : 4 });
  if (path.progressLabel) writer.write(path.progressLabel, STYLES.smallBold, { after: 4 });
  if (path.groups.length === 0) {
    writer.write(path.emptyText, STYLES.body);
    return;
  }
  drawPathTable(writer, path.groups);
}

/** The path by horizon, one row per step (and its note): the same table in the single and the group report. */
export function drawPathTable(writer: PageWriter, groups: readonly ReportPathGroup[]): void {
  const { t } = writer.wording;
  const headers = [t('single.pathColumns.number'), t('single.pathColumns.tool'), t('single.pathColumns.kind'), t('single.pathColumns.reason'), t('single.pathColumns.progress')];
  drawTable(writer, {
    columns: headers.map((header, index) => ({ header, width: PATH_COLUMNS[index]! })),
    groups: groups.map((group) => ({ title: group.heading, rows: group.steps.flatMap((step) => buildPathRows(step, writer.wording)) })),
  });
}

/** A step's row, then its note across the table: a note can be long, the "Suivi" column is narrow. */
function buildPathRows(step: ReportPathStep, wording: ReportWording): TableRow[] {
  const statusStyle: TextStyle = { ...STYLES.cellBold, color: step.status === 'done' ? COLORS.done : step.status === 'not-relevant' ? COLORS.muted : COLORS.ink };
  const row: TableRow = [
    { blocks: [{ text: `${step.number}`, style: { ...STYLES.cellBold, color: COLORS.accent } }] },
    {
      blocks: [
        { text: step.title, style: STYLES.cellBold, ...(step.url ? { url: step.url } : {}) },
        { text: step.description, style: STYLES.cellMuted },
        { text: step.publisher, style: STYLES.cellMuted },
        ...(step.url ? [{ text: step.url, style: STYLES.cellLink, url: step.url }] : []),
      ],
    },
    {
      blocks: [
        { text: step.kindLabel, style: STYLES.cellBold },
        { text: step.formatLabel, style: STYLES.cellMuted },
        { text: step.duration, style: STYLES.cellMuted },
        ...(step.pillarLabel ? [{ text: step.pillarLabel, style: STYLES.cellMuted }] : []),
      ],
    },
    { blocks: [{ text: step.reason, style: STYLES.cell }] },
    { status: step.status, blocks: [{ text: step.statusLabel, style: statusStyle }] },
  ];
  return step.note ? [row, [{ blocks: [{ text: wording.t('single.stepNote', { note: step.note }), style: STYLES.cell }] }]] : [row];
}

const ANNEX_COLUMNS = [98, 72] as const;

function drawAnnex(writer: PageWriter, model: ReportModel): void {
  const { annex } = model;
  writer.heading(annex.heading, STYLES.h1, 40, { ruleBelow: true });
  writer.write(annex.intro, STYLES.smallInk, { after: 4 });
  drawTable(writer, {
    columns: [
      { header: writer.wording.t('single.annexColumns.question'), width: ANNEX_COLUMNS[0] },
      { header: writer.wording.t('single.annexColumns.answer'), width: ANNEX_COLUMNS[1] },
    ],
    groups: annex.steps.map((step) => ({
      title: step.title,
      rows: step.answers.map((row) => [
        { blocks: [{ text: row.question, style: STYLES.cell }] },
        {
          blocks: [
            { text: row.answer, style: row.status === 'answered' ? STYLES.cellBold : { ...STYLES.cell, color: COLORS.muted } },
            ...(row.level ? [{ text: row.level.label, style: STYLES.cellMuted }] : []),
          ],
        },
      ]),
    })),
  });
}

export function drawMethod(writer: PageWriter, method: ReportModel['method']): void {
  writer.heading(method.heading, STYLES.h1, 40, { ruleBelow: true });
  for (const paragraph of method.paragraphs) writer.write(paragraph, STYLES.smallInk, { after: 2.2 });
  writer.heading(method.levelsHeading, STYLES.h2, 20, { before: 4 });
  writer.gap(1);
  const descriptionX = PAGE.marginX + 45;
  const descriptionWidth = PAGE.marginX + CONTENT_WIDTH - descriptionX;
  for (const level of method.levels) {
    const height = Math.max(
      writer.measure(level.label, STYLES.smallBold, 42) + writer.measure(level.range, STYLES.small, 42),
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

const HEADER_NAME_LINES = 2;

/** Every page but the cover: the organisation and the date above, the report's title and "page X / N" below. */
function drawRunningHeadersAndFooters(
  writer: PageWriter,
  model: { organisationName: string; dateLabel: string; runningTitle: string },
): void {
  const { doc } = writer;
  const total = doc.getNumberOfPages();
  writer.apply(STYLES.tiny);
  const dateWidth = doc.getTextWidth(model.dateLabel);
  const nameWidth = CONTENT_WIDTH - dateWidth - 8;
  const nameLines = fitLines(writer.split(model.organisationName, STYLES.tinyBold, nameWidth), HEADER_NAME_LINES, (line) => {
    writer.apply(STYLES.tinyBold);
    return doc.getTextWidth(line) <= nameWidth;
  });
  for (let page = 2; page <= total; page += 1) {
    doc.setPage(page);
    nameLines.forEach((line, index) => {
      writer.apply(STYLES.tinyBold);
      doc.text(line, PAGE.marginX, baselineOf(PAGE.headerY + index * lineHeightOf(STYLES.tinyBold), STYLES.tinyBold));
    });
    writer.apply(STYLES.tiny);
    doc.text(model.dateLabel, PAGE.marginX + CONTENT_WIDTH, baselineOf(PAGE.headerY, STYLES.tiny), { align: 'right' });
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.2);
    doc.line(PAGE.marginX, PAGE.headerRuleY, PAGE.marginX + CONTENT_WIDTH, PAGE.headerRuleY);
    doc.line(PAGE.marginX, PAGE.footerRuleY, PAGE.marginX + CONTENT_WIDTH, PAGE.footerRuleY);
    doc.text(model.runningTitle, PAGE.marginX, baselineOf(PAGE.footerY, STYLES.tiny));
    doc.text(writer.wording.t('single.pageOf', { page, total }), PAGE.marginX + CONTENT_WIDTH, baselineOf(PAGE.footerY, STYLES.tiny), { align: 'right' });
  }
}

/** Keeps at most `count` lines; the last one kept ends with "…" when some text was left out. */
function fitLines(lines: string[], count: number, fits: (line: string) => boolean): string[] {
  if (lines.length <= count) return lines;
  const kept = lines.slice(0, count);
  const last = Array.from(kept[count - 1] ?? '');
  while (last.length > 1 && !fits(`${last.join('').trimEnd()}…`)) last.pop();
  kept[count - 1] = `${last.join('').trimEnd()}…`;
  return kept;
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
