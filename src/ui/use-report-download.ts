import { useEffect, useState } from 'react';
import { useLanguage } from '../i18n/use-language';
import type { BuildReportModelInput } from '../report/report-model';

export type ReportDownloadStatus = 'idle' | 'working' | 'done' | 'failed';

/**
 * The single report's download, as the synthesis and the comparison offer it: jsPDF and the fonts
 * start loading as soon as the screen shows, so that the click only renders; the status says
 * what happened, in a live region the caller words.
 */
export function useReportDownload(): { status: ReportDownloadStatus; download: (buildInput: () => Promise<BuildReportModelInput>) => Promise<void> } {
  // The PDF is written in the language the person reads the screen in.
  const language = useLanguage();
  const [status, setStatus] = useState<ReportDownloadStatus>('idle');
  useEffect(() => {
    import('../report/download-report')
      .then(({ prepareReport }) => prepareReport())
      .catch(() => undefined);
  }, []);
  const download = async (buildInput: () => Promise<BuildReportModelInput>) => {
    setStatus('working');
    try {
      const { downloadReport } = await import('../report/download-report');
      await downloadReport(await buildInput(), language);
      setStatus('done');
    } catch (error) {
      console.error(error);
      setStatus('failed');
    }
  };
  return { status, download };
}
