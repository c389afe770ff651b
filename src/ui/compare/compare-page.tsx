import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { DiagnosisLibrary } from '../../data/diagnosis-library';
import { questionnaireQueryOptions, toolkitQueryOptions } from '../../data/questionnaire-queries';
import { validateAnswersJson } from '../../data/import-answers-file';
import type { ComparedDiagnosis } from '../../domain/compare-diagnoses';
import { messages } from '../messages';
import { CompareView } from './compare-view';

type LoadedComparison = { ok: true; older: ComparedDiagnosis; newer: ComparedDiagnosis } | { ok: false; errors: string[] };

/** `#/comparer/<older>/<newer>`: both diagnoses read from the library, each with its questionnaire. */
export function ComparePage({ library, olderId, newerId, onBack }: { library: DiagnosisLibrary; olderId: string; newerId: string; onBack: () => void }) {
  const queryClient = useQueryClient();
  const toolkit = useQuery(toolkitQueryOptions);
  const comparison = useQuery({
    queryKey: ['library', 'comparison', olderId, newerId],
    queryFn: async (): Promise<LoadedComparison> => {
      const load = async (id: string): Promise<{ ok: true; diagnosis: ComparedDiagnosis } | { ok: false; errors: string[] }> => {
        const found = await library.get(id);
        if (found.status === 'unavailable') return { ok: false, errors: [messages.library.unavailable] };
        if (found.status !== 'found') return { ok: false, errors: [messages.library.missing] };
        // Each file is read with today's questionnaire, so that both speak the same version.
        const checked = await validateAnswersJson(found.entry.file, (id) => queryClient.fetchQuery(questionnaireQueryOptions(id)));
        return checked.ok ? { ok: true, diagnosis: { questionnaire: checked.questionnaire, file: checked.file } } : { ok: false, errors: checked.errors };
      };
      const [older, newer] = await Promise.all([load(olderId), load(newerId)]);
      if (!older.ok || !newer.ok) return { ok: false, errors: [...(older.ok ? [] : older.errors), ...(newer.ok ? [] : newer.errors)] };
      return { ok: true, older: older.diagnosis, newer: newer.diagnosis };
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
          {messages.compare.failedHeading}
        </h1>
        <div className="error-summary" role="alert">
          {(failed?.errors ?? [loadError instanceof Error ? loadError.message : String(loadError)]).map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {messages.compare.back}
        </button>
      </div>
    );
  }
  if (!comparison.data || !toolkit.data) return <p className="loading">{messages.welcome.loading}</p>;
  const { older, newer } = comparison.data as Extract<LoadedComparison, { ok: true }>;
  return <CompareView older={older} newer={newer} toolkit={toolkit.data} onBack={onBack} />;
}
