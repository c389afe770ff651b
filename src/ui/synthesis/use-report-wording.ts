import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/languages';
import { useLanguage } from '../../i18n/use-language';
import { FRENCH_REPORT_WORDING, loadReportWording, type ReportWording } from '../../report/report-wording';

/**
 * The report's words (path reasons, highlights, answers) in the interface's language, so that the
 * screen and the PDF say the same thing. French is there on the first render (no loading step);
 * while another language's catalogue loads, the previous language's words stay on screen.
 * Undefined only when the page opens in a language whose catalogue has not arrived yet.
 */
export function useReportWording(): ReportWording | undefined {
  const language = useLanguage();
  return useQuery({ ...reportWordingQueryOptions(language), placeholderData: keepPreviousData }).data;
}

/** The report's words in one language, as a query (the synthesis prefetches it on the last step). */
export function reportWordingQueryOptions(language: Language) {
  return queryOptions({
    queryKey: ['report-wording', language],
    queryFn: () => loadReportWording(language),
    initialData: () => (language === DEFAULT_LANGUAGE ? FRENCH_REPORT_WORDING : undefined),
    // Built from bundled catalogues: never stale, and holding functions, not data to compare deeply.
    staleTime: Infinity,
    structuralSharing: false,
  });
}
