import type { Group } from '../domain/group';
import type { Questionnaire } from '../domain/questionnaire-schema';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages';
import { prepareReport } from './download-report';
import { buildGroupFileBaseName, buildGroupReportModel, readGroupOrganisationName, type BuildGroupReportModelInput } from './group-report-model';
import { loadReportWording } from './report-wording';
import { saveFile } from './save-file';

/** Builds, renders and downloads the group PDF in `language`; jsPDF and the fonts load on the click (shared with the single report). */
export async function downloadGroupReport(input: Omit<BuildGroupReportModelInput, 'wording'>, language: Language = DEFAULT_LANGUAGE): Promise<void> {
  const [{ fonts }, { renderGroupReportPdf }, wording] = await Promise.all([prepareReport(), import('./render-group-pdf'), loadReportWording(language)]);
  const model = buildGroupReportModel({ ...input, wording });
  saveFile(new Blob([renderGroupReportPdf(model, fonts, wording)], { type: 'application/pdf' }), model.fileName);
}

export interface DownloadGroupCsvOptions {
  showNames: boolean;
  /** Dates the file names; today by default. */
  generatedAt?: Date;
  /** The language of the headers and labels, and the separators; French by default. */
  language?: Language;
}

/**
 * Downloads the respondents file (`…-reponses.csv`) and the consensus file (`…-consensus.csv`);
 * papaparse loads on the click.
 */
export async function downloadGroupCsv(
  questionnaire: Questionnaire,
  group: Group,
  { showNames, generatedAt = new Date(), language = DEFAULT_LANGUAGE }: DownloadGroupCsvOptions,
): Promise<void> {
  const [{ buildConsensusCsv, buildRespondentsCsv }, wording] = await Promise.all([import('./group-csv'), loadReportWording(language)]);
  const baseName = buildGroupFileBaseName(readGroupOrganisationName(questionnaire, group, wording), generatedAt);
  const type = 'text/csv;charset=utf-8';
  saveFile(new Blob([buildRespondentsCsv(questionnaire, group, { showNames, wording })], { type }), `${baseName}-reponses.csv`);
  saveFile(new Blob([buildConsensusCsv(questionnaire, group, wording)], { type }), `${baseName}-consensus.csv`);
}
