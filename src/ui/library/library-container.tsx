import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useMemo } from 'react';
import type { Draft, DraftStorage } from '../../data/draft-storage';
import type { DiagnosisLibrary, DuplicateTitleWording, LibraryEntry, NewLibraryEntry } from '../../data/diagnosis-library';
import { hasLegacyDraft } from '../../data/library-database';
import { questionnaireIndexQueryOptions } from '../../data/questionnaire-queries';
import { saveFile } from '../../report/save-file';
import { i18n } from '../../i18n/i18n';
import { exportAnswersFile } from './export-answers-file';
import { isLibraryEmpty, nameOfEntry } from './library-format';

// The library's list loads once the library has something to show: a first visit has nothing to list.
const LibrarySection = lazy(() => import('./library-section').then((module) => ({ default: module.LibrarySection })));

export const LIBRARY_QUERY_KEY = ['library'] as const;

/** The single draft older versions kept in localStorage, moved into the library once. */
function describeLegacyDraft({ step, file, organisationName }: Draft): NewLibraryEntry {
  const isCompleted = step === 'synthesis';
  return { title: null, organisationName, status: isCompleted ? 'completed' : 'in-progress', completedAt: isCompleted ? file.updatedAt : null, step, previousId: null, file };
}

/** A copy's title in the interface language of the moment: it is stored, and stays in that language. */
function readDuplicateTitleWording(): DuplicateTitleWording {
  return { named: (name) => i18n.t('library.copyTitle', { name }), unnamed: i18n.t('library.unnamedCopyTitle') };
}

/** The library on the welcome page: read when shown, refreshed when this or another tab writes. */
export function LibraryContainer({
  library,
  drafts,
  onOpen,
  onRedo,
  onCompare,
  errors,
  onFailure,
}: {
  library: DiagnosisLibrary;
  /** The legacy draft's storage; the browser's localStorage when absent, its code loaded only if a draft is there. */
  drafts?: DraftStorage;
  onOpen: (entry: LibraryEntry) => void;
  onRedo: (entry: LibraryEntry) => void;
  onCompare: (olderId: string, newerId: string) => void;
  errors: readonly string[];
  onFailure: (text: string) => void;
}) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: LIBRARY_QUERY_KEY,
    queryFn: async () => {
      // The draft's code (and zod) only when an older version did leave a draft.
      const legacyDrafts = drafts ?? (hasLegacyDraft() ? (await import('../../data/draft-storage')).createDraftStorage() : null);
      if (legacyDrafts) await library.adoptLegacyDraft(legacyDrafts, describeLegacyDraft);
      return library.list();
    },
  });
  const index = useQuery(questionnaireIndexQueryOptions);
  const titles = useMemo(() => Object.fromEntries((index.data ?? []).map((questionnaire) => [questionnaire.id, questionnaire.title])), [index.data]);
  const afterWrite = (result: { ok: boolean }) => {
    if (!result.ok) onFailure(i18n.t('library.actionFailed'));
    void queryClient.invalidateQueries({ queryKey: LIBRARY_QUERY_KEY });
  };
  // Nothing at all until then, on the server's prerender as in the browser's first render, so
  // that the page React hydrates is the one the build wrote (src/prerender.tsx).
  const hasSomethingToShow = errors.length > 0 || (list.data !== undefined && !isLibraryEmpty(list.data));
  if (!hasSomethingToShow) return null;
  return (
    <Suspense fallback={null}>
      <LibrarySection
        result={list.data}
        errors={errors}
        questionnaireTitles={titles}
        actions={{
          onOpen,
          onRedo,
          onCompare,
          onRename: (entry, title) => void library.rename(entry.id, title).then(afterWrite),
          onDuplicate: (entry) => void library.duplicate(entry.id, readDuplicateTitleWording()).then(afterWrite),
          onDelete: (entry) => void library.remove(entry.id).then(afterWrite),
          onExport: (entry) => exportAnswersFile(entry.file, entry.organisationName || nameOfEntry(entry)),
          onDownloadQuarantined: (record) => saveFile(new Blob([record.raw], { type: 'text/plain' }), 'diagnostic-illisible.txt'),
          onDeleteQuarantined: (record) => void library.removeQuarantined(record.key).then(afterWrite),
        }}
      />
    </Suspense>
  );
}
