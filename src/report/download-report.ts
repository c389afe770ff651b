import { buildReportModel, type BuildReportModelInput } from './report-model';

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

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
