import type { Group } from '../domain/group';
import type { Questionnaire } from '../domain/questionnaire-schema';
import { prepareReport } from './download-report';
import { buildGroupFileBaseName, buildGroupReportModel, readGroupOrganisationName, type BuildGroupReportModelInput } from './group-report-model';
import { saveFile } from './save-file';

/** Builds, renders and downloads the group PDF; jsPDF and the fonts load on the click (shared with the single report). */
export async function downloadGroupReport(input: BuildGroupReportModelInput): Promise<void> {
  const [{ fonts }, { renderGroupReportPdf }] = await Promise.all([prepareReport(), import('./render-group-pdf')]);
  const model = buildGroupReportModel(input);
  saveFile(new Blob([renderGroupReportPdf(model, fonts)], { type: 'application/pdf' }), model.fileName);
}

export interface DownloadGroupCsvOptions {
  showNames: boolean;
  /** Dates the file names; today by default. */
  generatedAt?: Date;
}

/**
 * Downloads the respondents file (`…-reponses.csv`) and the consensus file (`…-consensus.csv`);
 * papaparse loads on the click.
 */
export async function downloadGroupCsv(questionnaire: Questionnaire, group: Group, { showNames, generatedAt = new Date() }: DownloadGroupCsvOptions): Promise<void> {
  const { buildConsensusCsv, buildRespondentsCsv } = await import('./group-csv');
  const baseName = buildGroupFileBaseName(readGroupOrganisationName(questionnaire, group), generatedAt);
  const type = 'text/csv;charset=utf-8';
  saveFile(new Blob([buildRespondentsCsv(questionnaire, group, { showNames })], { type }), `${baseName}-reponses.csv`);
  saveFile(new Blob([buildConsensusCsv(questionnaire, group)], { type }), `${baseName}-consensus.csv`);
}
