import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages';
import { buildReportModel, type BuildReportModelInput } from './report-model';
import type { PdfFonts, renderReportPdf } from './render-pdf';
import { loadReportWording } from './report-wording';
import { saveFile } from './save-file';

interface ReportRenderer {
  renderReportPdf: typeof renderReportPdf;
  fonts: PdfFonts;
}

let preparing: Promise<ReportRenderer> | null = null;

/**
 * Loads jsPDF and the fonts (about 1.5 MB) once, in the background, as soon as the synthesis is on
 * screen, so that the click only renders. Never part of the first load. A failure (offline) is
 * forgotten, so that the click tries again.
 */
export function prepareReport(): Promise<ReportRenderer> {
  preparing ??= Promise.all([import('./render-pdf'), import('./pdf-fonts')])
    .then(async ([{ renderReportPdf }, { loadPdfFonts }]) => ({ renderReportPdf, fonts: await loadPdfFonts() }))
    .catch((error: unknown) => {
      preparing = null;
      throw error;
    });
  return preparing;
}

/**
 * Builds, renders and downloads the PDF report in `language` (its words, dates and path reasons;
 * questions and tools come from the questionnaire and toolkit given, so pass those of the same language).
 */
export async function downloadReport(input: Omit<BuildReportModelInput, 'wording'>, language: Language = DEFAULT_LANGUAGE): Promise<void> {
  const [{ renderReportPdf, fonts }, wording] = await Promise.all([prepareReport(), loadReportWording(language)]);
  const model = buildReportModel({ ...input, wording });
  saveFile(new Blob([renderReportPdf(model, fonts, wording)], { type: 'application/pdf' }), model.fileName);
}
