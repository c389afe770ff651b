import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisLibrary } from '../../data/diagnosis-library';
import { describeLoadFailure, questionnaireQueryOptions, toolkitQueryOptions } from '../../data/questionnaire-queries';
import { validateAnswersJson } from '../../data/import-answers-file';
import { loadReportWording, type ReportWording } from '../../report/report-wording';
import type { ComparedDiagnosis } from '../../domain/compare-diagnoses';
import { useLanguage } from '../../i18n/use-language';
import { CompareView } from './compare-view';
import { readAnswerMessages } from '../answer-messages';

type LoadedComparison = { ok: true; older: ComparedDiagnosis; newer: ComparedDiagnosis; wording: ReportWording } | { ok: false; errors: string[] };

/** `#/comparer/<older>/<newer>`: both diagnoses read from the library, each with its questionnaire. */
export function ComparePage({ library, olderId, newerId, onBack }: { library: DiagnosisLibrary; olderId: string; newerId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const toolkit = useQuery(toolkitQueryOptions(language));
  const comparison = useQuery({
    // The language is in the key: both diagnoses are read again with the questionnaire in the new language.
    queryKey: ['library', 'comparison', olderId, newerId, language],
    queryFn: async (): Promise<LoadedComparison> => {
      const load = async (id: string): Promise<{ ok: true; diagnosis: ComparedDiagnosis } | { ok: false; errors: string[] }> => {
        const found = await library.get(id);
        if (found.status === 'unavailable') return { ok: false, errors: [t('library.unavailable')] };
        if (found.status !== 'found') return { ok: false, errors: [t('library.missing')] };
        // Each file is read with today's questionnaire, so that both speak the same version.
        const checked = await validateAnswersJson(
          found.entry.file,
          (id) => queryClient.fetchQuery(questionnaireQueryOptions(id, language)),
          readAnswerMessages(language),
        );
        return checked.ok ? { ok: true, diagnosis: { questionnaire: checked.questionnaire, file: checked.file } } : { ok: false, errors: checked.errors };
      };
      // The evolution's words (the report's, shared with the PDF) in the interface's language.
      const [older, newer, wording] = await Promise.all([load(olderId), load(newerId), loadReportWording(language)]);
      if (!older.ok || !newer.ok) return { ok: false, errors: [...(older.ok ? [] : older.errors), ...(newer.ok ? [] : newer.errors)] };
      return { ok: true, older: older.diagnosis, newer: newer.diagnosis, wording };
    },
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failed = comparison.data && !comparison.data.ok ? comparison.data : null;
  const loadError = comparison.error ?? toolkit.error;
  useEffect(() => {
    if (failed || loadError) headingRef.current?.focus();
  }, [failed, loadError]);

  if (failed || loadError) {
    return (
      <div className="compare-page">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('compare.failedHeading')}
        </h1>
        <div className="error-summary" role="alert">
          {(failed?.errors ?? [loadError instanceof Error ? describeLoadFailure(loadError, readAnswerMessages(language)) : String(loadError)]).map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('compare.back')}
        </button>
      </div>
    );
  }
  if (!comparison.data || !toolkit.data) return <p className="loading">{t('welcome.loading')}</p>;
  const { older, newer, wording } = comparison.data as Extract<LoadedComparison, { ok: true }>;
  return <CompareView older={older} newer={newer} toolkit={toolkit.data} wording={wording} onBack={onBack} />;
}
