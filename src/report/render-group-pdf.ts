import type { jsPDF } from 'jspdf';
import type { GroupReportArea, GroupReportDimension, GroupReportDivergence, GroupReportLevelCount, GroupReportModel } from './group-report-model';
import {
  COLORS,
  CONTENT_WIDTH,
  DIMENSION_ROW,
  PAGE,
  STYLES,
  PageWriter,
  drawDimensionAxis,
  drawHighlights,
  drawMethod,
  drawPathTable,
  drawRadar,
  drawScoreTable,
  drawTable,
  lineHeightOf,
  renderSectionedReport,
  type PdfFonts,
  type Rgb,
  type TextStyle,
} from './render-pdf';
import { FRENCH_REPORT_WORDING, type ReportWording } from './report-wording';

/** Same page, fonts, running header and footer, tables and charts as the single report: only the sections differ. */
/** The group PDF; `wording` must be the language the model was built in (French by default). */
export function renderGroupReportPdf(model: GroupReportModel, fonts: PdfFonts, wording: ReportWording = FRENCH_REPORT_WORDING): ArrayBuffer {
  return renderSectionedReport(model, fonts, model, wording, (writer, sectionId) => {
    switch (sectionId) {
      case 'cover':
        return drawCover(writer, model);
      case 'participants':
        drawParticipants(writer, model);
        break;
      case 'distributions':
        drawDistributions(writer, model);
        break;
      case 'least-consensus':
        drawLeastConsensus(writer, model);
        break;
      case 'consensus':
        drawConsensus(writer, model);
        break;
      case 'path':
        drawPath(writer, model);
        break;
      case 'method':
        drawMethod(writer, model.method);
        break;
    }
    return undefined;
  });
}

/** Draws the cover and returns where its table of contents goes, filled once page numbers are known. */
function drawCover(writer: PageWriter, model: GroupReportModel): number {
  const { doc } = writer;
  const { cover } = model;
  doc.setFillColor(...COLORS.accent);
  doc.rect(0, 0, PAGE.width, 7, 'F');
  doc.rect(PAGE.marginX, 44, 24, 1.6, 'F');
  writer.y = 52;
  writer.write(cover.title, STYLES.coverTitle, { after: 9 });
  writer.write(cover.organisationName, STYLES.coverOrganisation, { after: 6 });
  writer.write(cover.dateLabel, { size: 12 }, { after: 2 });
  writer.write(cover.respondentsLabel, { size: 10.5, bold: true }, { after: 1 });
  writer.write(cover.questionnaireLabel, { size: 10.5, color: COLORS.muted });
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

const PARTICIPANT_COLUMNS = [10, 90, 38, 32] as const;
const ROLE_ROW = { labelWidth: 62, barX: PAGE.marginX + 64, barWidth: 60, countX: PAGE.marginX + 128 } as const;

function drawParticipants(writer: PageWriter, model: GroupReportModel): void {
  const { participants } = model;
  writer.heading(participants.heading, STYLES.h1, 40, { ruleBelow: true });
  writer.write(participants.intro, STYLES.smallInk, { after: 4 });

  writer.heading(participants.rolesHeading, STYLES.h2, 12);
  writer.gap(1);
  const largest = Math.max(1, ...participants.roles.map((role) => role.count));
  for (const role of participants.roles) {
    const height = Math.max(writer.measure(role.label, STYLES.smallInk, ROLE_ROW.labelWidth), lineHeightOf(STYLES.smallInk)) + 2;
    writer.ensure(height);
    const top = writer.y;
    writer.writeAt(role.label, STYLES.smallInk, PAGE.marginX, top, ROLE_ROW.labelWidth);
    drawCountBar(writer.doc, { x: ROLE_ROW.barX, y: top + 0.6, width: ROLE_ROW.barWidth, height: 3 }, role.count, largest);
    writer.writeAt(role.countLabel, STYLES.smallBold, ROLE_ROW.countX, top, PAGE.marginX + CONTENT_WIDTH - ROLE_ROW.countX);
    writer.y = top + height;
  }

  writer.heading(participants.respondentsHeading, STYLES.h2, 20, { before: 5 });
  writer.gap(1);
  const { columns } = participants;
  drawTable(writer, {
    columns: [columns.number, columns.respondent, columns.version, columns.date].map((header, index) => ({ header, width: PARTICIPANT_COLUMNS[index]! })),
    groups: [
      {
        title: null,
        rows: participants.respondents.map((respondent) => [
          { blocks: [{ text: String(respondent.number), style: { ...STYLES.cellBold, color: COLORS.accent } }] },
          { blocks: [{ text: respondent.label, style: STYLES.cellBold }] },
          { blocks: [{ text: respondent.version, style: STYLES.cell }] },
          { blocks: [{ text: respondent.dateLabel, style: STYLES.cell }] },
        ]),
      },
    ],
  });
}

/** A bar as long as the count against the largest one; the count itself is always written beside it. */
function drawCountBar(doc: jsPDF, box: { x: number; y: number; width: number; height: number }, count: number, largest: number): void {
  doc.setFillColor(...COLORS.track);
  doc.rect(box.x, box.y, box.width, box.height, 'F');
  const filled = (box.width * count) / Math.max(1, largest);
  if (filled > 0) {
    doc.setFillColor(...COLORS.accent);
    doc.rect(box.x, box.y, filled, box.height, 'F');
  }
}

const LEVEL_BAR = { height: 6, swatch: 2.8, minLabelledWidth: 4 } as const;
const INSUFFICIENT_LEVEL = 'insufficient';
const RANGE_ROW_GAP = 2.5;

function drawDistributions(writer: PageWriter, model: GroupReportModel): void {
  const { distributions } = model;
  writer.heading(distributions.heading, STYLES.h1, 60, { ruleBelow: true });
  writer.write(distributions.intro, STYLES.smallInk, { after: 1.5 });
  writer.write(distributions.rangeLegend, STYLES.tiny, { after: 2 });
  for (const area of distributions.areas) drawAreaDistribution(writer, area, distributions.levelsCaption, model.respondentCount);
  if (distributions.byRole) drawByRole(writer, distributions.byRole);
}

function drawAreaDistribution(writer: PageWriter, area: GroupReportArea, caption: string, respondentCount: number): void {
  const figuresHeight =
    lineHeightOf(STYLES.bodyBold) + lineHeightOf(STYLES.small) + lineHeightOf(STYLES.tiny) + LEVEL_BAR.height + measureLegend(writer, area.distribution) + 8;
  const firstRowsHeight = 2 * (lineHeightOf(STYLES.smallInk) + RANGE_ROW_GAP) + lineHeightOf(STYLES.tiny);
  // The heading, the figures, the level bar and the first rows stay together; later rows may follow on the next page.
  writer.heading(area.label, STYLES.h2, figuresHeight + firstRowsHeight, { before: 4 });
  writer.write(area.summary, STYLES.bodyBold, { after: 0.3 });
  writer.write(area.countsLabel, STYLES.small, { after: 1.5 });
  writer.write(caption, STYLES.tiny, { after: 0.8 });
  drawLevelBar(writer, area.distribution, respondentCount);
  drawLegend(writer, area.distribution);
  writer.gap(3);
  drawDimensionAxis(writer);
  drawRangeRow(writer, { label: area.label, mean: area.mean, min: area.min, max: area.max, valueLabel: area.valueLabel }, true);
  for (const dimension of area.dimensions) drawRangeRow(writer, dimension, false);
}

/** From light to dark as the level rises; the count is written on the bar and in the legend, never left to colour. */
function levelFill(index: number, levelCount: number): Rgb {
  const t = levelCount <= 1 ? 1 : index / (levelCount - 1);
  const [r0, g0, b0] = COLORS.radarFill;
  const [r1, g1, b1] = COLORS.accent;
  return [Math.round(r0 + (r1 - r0) * t), Math.round(g0 + (g1 - g0) * t), Math.round(b0 + (b1 - b0) * t)];
}

function isDarkFill(index: number, levelCount: number): boolean {
  return levelCount > 1 && index / (levelCount - 1) > 0.5;
}

function drawSwatch(doc: jsPDF, entry: GroupReportLevelCount, index: number, levelCount: number, box: { x: number; y: number; width: number; height: number }): void {
  if (entry.level === INSUFFICIENT_LEVEL) {
    doc.setFillColor(...COLORS.white);
    doc.rect(box.x, box.y, box.width, box.height, 'F');
    doc.setDrawColor(...COLORS.muted);
    doc.setLineWidth(0.25);
    doc.setLineDashPattern([0.8, 0.6], 0);
    doc.rect(box.x, box.y, box.width, box.height, 'S');
    doc.setLineDashPattern([], 0);
    return;
  }
  doc.setFillColor(...levelFill(index, levelCount));
  doc.rect(box.x, box.y, box.width, box.height, 'F');
}

/** One bar for everyone: a segment per level as wide as its share of the respondents. */
function drawLevelBar(writer: PageWriter, distribution: readonly GroupReportLevelCount[], respondentCount: number): void {
  const { doc } = writer;
  const total = Math.max(1, respondentCount, distribution.reduce((sum, entry) => sum + entry.count, 0));
  const levelCount = distribution.filter((entry) => entry.level !== INSUFFICIENT_LEVEL).length;
  const top = writer.y;
  let x = PAGE.marginX;
  distribution.forEach((entry, index) => {
    if (entry.count === 0) return;
    const width = (CONTENT_WIDTH * entry.count) / total;
    drawSwatch(doc, entry, index, levelCount, { x, y: top, width, height: LEVEL_BAR.height });
    if (width >= LEVEL_BAR.minLabelledWidth) {
      const style: TextStyle = { ...STYLES.smallBold, color: entry.level !== INSUFFICIENT_LEVEL && isDarkFill(index, levelCount) ? COLORS.white : COLORS.ink };
      writer.writeAt(String(entry.count), style, x, top + (LEVEL_BAR.height - lineHeightOf(style)) / 2, width, 'center');
    }
    x += width;
  });
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.2);
  doc.rect(PAGE.marginX, top, CONTENT_WIDTH, LEVEL_BAR.height, 'S');
  writer.y = top + LEVEL_BAR.height + 1.5;
}

interface LegendItem {
  entry: GroupReportLevelCount;
  index: number;
  text: string;
  width: number;
}

const LEGEND_STYLE: TextStyle = STYLES.smallInk;
const LEGEND_GAP = 5;

function layoutLegend(writer: PageWriter, distribution: readonly GroupReportLevelCount[]): LegendItem[][] {
  writer.apply(LEGEND_STYLE);
  const lines: LegendItem[][] = [[]];
  let used = 0;
  distribution.forEach((entry, index) => {
    const text = writer.wording.t('group.legendCount', { label: entry.label, count: entry.count });
    const width = LEVEL_BAR.swatch + 1.5 + writer.doc.getTextWidth(text);
    const line = lines[lines.length - 1]!;
    if (line.length > 0 && used + LEGEND_GAP + width > CONTENT_WIDTH) {
      lines.push([{ entry, index, text, width }]);
      used = width;
    } else {
      used += (line.length > 0 ? LEGEND_GAP : 0) + width;
      line.push({ entry, index, text, width });
    }
  });
  return lines;
}

function measureLegend(writer: PageWriter, distribution: readonly GroupReportLevelCount[]): number {
  return layoutLegend(writer, distribution).length * (lineHeightOf(LEGEND_STYLE) + 0.6);
}

function drawLegend(writer: PageWriter, distribution: readonly GroupReportLevelCount[]): void {
  const levelCount = distribution.filter((entry) => entry.level !== INSUFFICIENT_LEVEL).length;
  const lineHeight = lineHeightOf(LEGEND_STYLE);
  for (const line of layoutLegend(writer, distribution)) {
    let x = PAGE.marginX;
    for (const item of line) {
      const swatchTop = writer.y + (lineHeight - LEVEL_BAR.swatch) / 2;
      drawSwatch(writer.doc, item.entry, item.index, levelCount, { x, y: swatchTop, width: LEVEL_BAR.swatch, height: LEVEL_BAR.swatch });
      writer.doc.setDrawColor(...COLORS.rule);
      writer.doc.setLineWidth(0.15);
      writer.doc.rect(x, swatchTop, LEVEL_BAR.swatch, LEVEL_BAR.swatch, 'S');
      writer.writeAt(item.text, LEGEND_STYLE, x + LEVEL_BAR.swatch + 1.5, writer.y, item.width);
      x += item.width + LEGEND_GAP;
    }
    writer.y += lineHeight + 0.6;
  }
}

/** A 0–100 track with the span from the lowest to the highest score, and a diamond at the mean. */
function drawRangeRow(writer: PageWriter, row: Omit<GroupReportDimension, 'id'>, isArea: boolean): void {
  const { doc } = writer;
  const labelStyle = isArea ? STYLES.smallBold : STYLES.smallInk;
  const valueStyle = row.mean === null ? STYLES.small : isArea ? STYLES.smallBold : STYLES.smallInk;
  const valueWidth = PAGE.marginX + CONTENT_WIDTH - DIMENSION_ROW.valueX;
  const height =
    Math.max(writer.measure(row.label, labelStyle, DIMENSION_ROW.labelWidth), writer.measure(row.valueLabel, valueStyle, valueWidth), lineHeightOf(labelStyle)) + RANGE_ROW_GAP;
  const page = writer.page;
  writer.ensure(height);
  // Rows carried over to the next page get their scale again.
  if (writer.page !== page) drawDimensionAxis(writer);
  const top = writer.y;
  writer.writeAt(row.label, labelStyle, PAGE.marginX, top, DIMENSION_ROW.labelWidth);
  const track = { x: DIMENSION_ROW.barX, y: top + 0.6, width: DIMENSION_ROW.barWidth, height: 3 };
  const xOf = (score: number) => track.x + (track.width * Math.max(0, Math.min(100, score))) / 100;
  if (row.mean === null || row.min === null || row.max === null) {
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.25);
    doc.setLineDashPattern([1, 1], 0);
    doc.rect(track.x, track.y, track.width, track.height, 'S');
    doc.setLineDashPattern([], 0);
  } else {
    doc.setFillColor(...COLORS.track);
    doc.rect(track.x, track.y, track.width, track.height, 'F');
    doc.setFillColor(...COLORS.accentSoft);
    // A single score still shows as a thin mark rather than nothing.
    const spanWidth = Math.max(0.8, xOf(row.max) - xOf(row.min));
    doc.rect(Math.min(xOf(row.min), track.x + track.width - spanWidth), track.y, spanWidth, track.height, 'F');
    drawDiamond(doc, xOf(row.mean), track.y + track.height / 2, 1.9);
  }
  writer.writeAt(row.valueLabel, valueStyle, DIMENSION_ROW.valueX, top, valueWidth);
  writer.y = top + height;
}

function drawDiamond(doc: jsPDF, x: number, y: number, radius: number): void {
  doc.setFillColor(...COLORS.accent);
  doc.setDrawColor(...COLORS.white);
  doc.setLineWidth(0.3);
  doc.lines(
    [
      [radius, radius],
      [-radius, radius],
      [-radius, -radius],
    ],
    x,
    y - radius,
    [1, 1],
    'FD',
    true,
  );
}

const BY_ROLE_COLUMNS = { role: 50, count: 16 } as const;

function drawByRole(writer: PageWriter, byRole: NonNullable<GroupReportModel['distributions']['byRole']>): void {
  writer.heading(byRole.heading, STYLES.h2, 30, { before: 6 });
  writer.write(byRole.intro, STYLES.smallInk, { after: 2 });
  const areaWidth = (CONTENT_WIDTH - BY_ROLE_COLUMNS.role - BY_ROLE_COLUMNS.count) / Math.max(1, byRole.columns.areas.length);
  drawTable(writer, {
    columns: [
      { header: byRole.columns.role, width: BY_ROLE_COLUMNS.role },
      { header: byRole.columns.count, width: BY_ROLE_COLUMNS.count },
      ...byRole.columns.areas.map((header) => ({ header, width: areaWidth })),
    ],
    groups: [
      {
        title: null,
        rows: byRole.rows.map((row) => [
          { blocks: [{ text: row.label, style: STYLES.cellBold }] },
          { blocks: [{ text: String(row.count), style: STYLES.cell }] },
          ...row.values.map((value) => ({ blocks: [{ text: value, style: STYLES.cell }] })),
        ]),
      },
    ],
  });
}

const DIVERGENCE = { indent: 8, levelWidth: 15, labelWidth: 80, barWidth: 40, gap: 2 } as const;

function drawLeastConsensus(writer: PageWriter, model: GroupReportModel): void {
  const { leastConsensus } = model;
  writer.heading(leastConsensus.heading, STYLES.h1, 40, { ruleBelow: true });
  writer.write(leastConsensus.intro, STYLES.smallInk, { after: 3 });
  drawNote(writer, leastConsensus.explanation);
  writer.gap(4);
  for (const item of leastConsensus.items) drawDivergence(writer, item);
}

/** A short text on a light background, set apart from the flow. */
function drawNote(writer: PageWriter, text: string): void {
  const pad = 2.5;
  const height = writer.measure(text, STYLES.smallInk, CONTENT_WIDTH - 2 * pad) + 2 * pad;
  writer.ensure(height);
  writer.doc.setFillColor(...COLORS.track);
  writer.doc.rect(PAGE.marginX, writer.y, CONTENT_WIDTH, height, 'F');
  writer.writeAt(text, STYLES.smallInk, PAGE.marginX + pad, writer.y + pad, CONTENT_WIDTH - 2 * pad);
  writer.y += height;
}

function drawDivergence(writer: PageWriter, item: GroupReportDivergence): void {
  const x = PAGE.marginX + DIVERGENCE.indent;
  const width = CONTENT_WIDTH - DIVERGENCE.indent;
  const labelX = x + DIVERGENCE.levelWidth;
  const barX = labelX + DIVERGENCE.labelWidth + DIVERGENCE.gap;
  const countX = barX + DIVERGENCE.barWidth + DIVERGENCE.gap;
  const countWidth = PAGE.marginX + CONTENT_WIDTH - countX;
  const figures = `${item.divergenceLabel} · ${item.ratedLabel}`;
  const figuresStyle: TextStyle = { ...STYLES.smallBold, color: COLORS.accent };
  const rowHeights = item.answers.map((answer) => Math.max(writer.measure(answer.label, STYLES.cell, DIVERGENCE.labelWidth), lineHeightOf(STYLES.cell)) + 1.4);
  const height =
    writer.measure(item.question, STYLES.smallBold, width) +
    writer.measure(item.context, STYLES.tiny, width) +
    lineHeightOf(figuresStyle) +
    2 +
    rowHeights.reduce((sum, rowHeight) => sum + rowHeight, 0) +
    writer.measure(item.consensusAnswer, STYLES.small, width) +
    6;
  writer.ensure(Math.min(height, PAGE.bottom - PAGE.top));
  writer.writeAt(`${item.rank}.`, { ...STYLES.smallBold, color: COLORS.accent }, PAGE.marginX, writer.y, DIVERGENCE.indent - 1);
  writer.write(item.question, STYLES.smallBold, { x, width });
  writer.write(item.context, STYLES.tiny, { x, width, after: 0.6 });
  writer.write(figures, figuresStyle, { x, width, after: 1.5 });
  const largest = Math.max(1, ...item.answers.map((answer) => answer.count));
  item.answers.forEach((answer, index) => {
    const rowHeight = rowHeights[index]!;
    writer.ensure(rowHeight);
    const top = writer.y;
    if (answer.levelLabel) writer.writeAt(answer.levelLabel, STYLES.cellMuted, x, top, DIVERGENCE.levelWidth);
    writer.writeAt(answer.label, answer.count > 0 ? STYLES.cell : { ...STYLES.cell, color: COLORS.muted }, labelX, top, DIVERGENCE.labelWidth);
    drawCountBar(writer.doc, { x: barX, y: top + 0.5, width: DIVERGENCE.barWidth, height: 2.6 }, answer.count, largest);
    writer.writeAt(answer.countLabel, answer.count > 0 ? STYLES.cellBold : STYLES.cellMuted, countX, top, countWidth);
    writer.y = top + rowHeight;
  });
  writer.gap(1);
  writer.write(item.consensusAnswer, STYLES.small, { x, width, after: 1.5 });
  writer.rule(COLORS.rule, 0.15);
  writer.gap(4);
}

function drawConsensus(writer: PageWriter, model: GroupReportModel): void {
  const { consensus } = model;
  writer.heading(consensus.heading, STYLES.h1, 60, { ruleBelow: true });
  writer.write(consensus.intro, STYLES.smallInk, { after: 1.5 });
  writer.write(consensus.sourcesLabel, STYLES.smallBold, { after: 4 });
  const top = writer.y;
  const pillars = consensus.areas.filter((area) => area.id !== 'project');
  const radarHeight = drawRadar(writer, pillars, consensus.levelThresholds, { x: PAGE.marginX, y: top, width: 86 });
  const tableHeight = drawScoreTable(writer, consensus.areas, { x: PAGE.marginX + 92, y: top, width: CONTENT_WIDTH - 92 });
  writer.y = top + Math.max(radarHeight, tableHeight) + 1;
  writer.write(consensus.chartCaption, STYLES.tiny, { after: 3 });
  drawHighlights(writer, consensus.strengthsHeading, consensus.strengths, writer.wording.t('single.noStrengths'), { marker: '+', color: COLORS.accent });
  drawHighlights(writer, consensus.watchPointsHeading, consensus.watchPoints, writer.wording.t('single.noWatchPoints'), { marker: '!', color: COLORS.flag });
}

function drawPath(writer: PageWriter, model: GroupReportModel): void {
  const { path } = model;
  writer.heading(path.heading, STYLES.h1, 40, { ruleBelow: true });
  writer.write(path.intro, STYLES.smallInk, { after: 4 });
  if (path.groups.length === 0) {
    writer.write(path.emptyText, STYLES.body);
    return;
  }
  drawPathTable(writer, path.groups);
}
