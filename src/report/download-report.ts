import { buildReportModel, type BuildReportModelInput } from './report-model';
import { saveFile } from './save-file';

/**
 * Builds, renders and downloads the PDF report. jsPDF and the fonts load here, on the click,
 * so that neither lands in the first-load bundle even if this module is imported eagerly.
 */
export async function downloadReport(input: BuildReportModelInput): Promise<void> {
  const [{ renderReportPdf }, { loadPdfFonts }] = await Promise.all([import('./render-pdf'), import('./pdf-fonts')]);
  const model = buildReportModel(input);
  const bytes = renderReportPdf(model, await loadPdfFonts());
  saveFile(new Blob([bytes], { type: 'application/pdf' }), model.fileName);
}
