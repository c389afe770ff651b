import { dequal } from 'dequal';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisLibrary, DiagnosisStatus, EntryChanges, LibraryEntry, LibraryWriteResult } from '../../data/diagnosis-library';
import type { AnswersFile } from '../../domain/answers';
import { selectCurrentStep } from '../../machine/wizard-machine';
import { WizardActorContext } from '../../machine/wizard-actor-context';
import { buildDiagnosisFile, type DiagnosisFileInfo } from '../diagnosis-file';
import { exportAnswersFile } from './export-answers-file';
import { clearPendingSave, readPendingSave, writePendingSave } from './pending-save';

/** Where the open diagnosis lives in the library; updated in place as it is saved. */
export interface OpenEntry {
  /** Null until the first answer: a diagnosis opened and left blank is not worth keeping. */
  id: string | null;
  revision: number;
  status: DiagnosisStatus;
  completedAt: string | null;
  previousId: string | null;
  title: string | null;
  /** What the library holds, as of opening or the last write: a page unchanged since is not written again. */
  stored: EntryChanges | null;
  /** True while the library refuses the page's changes (storage full or refused, another tab's write). */
  hasUnsavedChanges: boolean;
  /** Resolves once every write queued so far has landed (set by the autosave). */
  whenSaved: () => Promise<void>;
}

type SaveProblem = 'unavailable' | 'quota' | 'conflict' | 'newer';

function readOrganisationName(file: AnswersFile, bindingId: string): string {
  const value = file.answers[bindingId];
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function hasContent(file: AnswersFile): boolean {
  return Object.keys(file.answers).length > 0 || Boolean(file.respondent.name) || Boolean(file.respondent.role);
}

/**
 * Saves the diagnosis in the library after every change, one write at a time, and says so when
 * it cannot: storage refused (answers kept in the page, offered as an export), or another tab
 * saved the same diagnosis meanwhile (nothing overwritten; save as a copy, export or reload).
 */
export function LibraryAutosave({
  library,
  entry,
  fileInfo,
  onSaved,
  onReload,
}: {
  library: DiagnosisLibrary;
  entry: OpenEntry;
  fileInfo: DiagnosisFileInfo;
  /** After every write; `isStillOpen` is false for a write that lands after the page left the diagnosis. */
  onSaved: (entry: LibraryEntry, isStillOpen: boolean) => void;
  onReload: (id: string) => void;
}) {
  const { t } = useTranslation();
  const actorRef = WizardActorContext.useActorRef();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [entryId, setEntryId] = useState(entry.id);
  const [isOpenElsewhere, setIsOpenElsewhere] = useState(false);
  // One queue for the whole session: two writes in flight would refuse each other as a conflict.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const isUnmounted = useRef(false);
  const isHeldByConflict = useRef(false);
  // Counts changes, so that the tab's pending copy is cleared only once the latest one is stored.
  const changeCount = useRef(0);
  // This tab's writes not yet confirmed, by change number, with the last-change date each one stores.
  const queuedWrites = useRef<{ change: number; updatedAt: string }[]>([]);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const currentChanges = (): EntryChanges => {
    const snapshot = actorRef.getSnapshot();
    const step = selectCurrentStep(snapshot);
    const file = buildDiagnosisFile(snapshot.context, fileInfo, new Date());
    const reachedSynthesis = step === 'synthesis';
    return {
      file,
      step,
      status: entry.status === 'completed' || reachedSynthesis ? 'completed' : 'in-progress',
      completedAt: entry.completedAt ?? (reachedSynthesis ? new Date().toISOString() : null),
      organisationName: readOrganisationName(file, snapshot.context.questionnaire.bindings.organisationName),
    };
  };

  /** Keeps the entry's id and revision for the next write, even after the page left the diagnosis. */
  const record = (result: LibraryWriteResult, changes: EntryChanges, change: number) => {
    const isLatestChange = change === changeCount.current;
    queuedWrites.current = queuedWrites.current.filter((queued) => queued.change > change);
    const isStillOpen = !isUnmounted.current;
    entry.hasUnsavedChanges = !result.ok;
    if (!result.ok) {
      if (result.reason === 'conflict') isHeldByConflict.current = true;
      if (isStillOpen) setProblem(result.reason === 'conflict' || result.reason === 'quota' || result.reason === 'newer' ? result.reason : 'unavailable');
      return;
    }
    Object.assign(entry, {
      id: result.entry.id,
      revision: result.entry.revision,
      status: result.entry.status,
      completedAt: result.entry.completedAt,
      stored: changes,
    });
    if (isStillOpen) {
      setEntryId(result.entry.id);
      setProblem(null);
      // The pending copy now sits on this revision: a reload must not take our own write for another tab's.
      const pending = isLatestChange ? null : readPendingSave();
      if (isLatestChange) clearPendingSave();
      else if (pending) writePendingSave({ ...pending, id: result.entry.id, baseRevision: result.entry.revision, queuedWrites: queuedWrites.current.map((queued) => queued.updatedAt) });
    }
    onSavedRef.current(result.entry, isStillOpen);
  };

  const createEntry = (changes: EntryChanges) => library.create({ ...changes, title: entry.title, previousId: entry.previousId });

  useEffect(() => {
    isUnmounted.current = false;
    const save = () => {
      if (isHeldByConflict.current) return;
      const changes = currentChanges();
      // Opening a diagnosis or walking back and forth without a change writes nothing (and bumps no revision).
      if (entry.stored && dequal(changes, entry.stored)) return;
      changeCount.current += 1;
      const thisChange = changeCount.current;
      if (entry.id !== null || hasContent(changes.file)) {
        const { file, step, status, completedAt } = changes;
        queuedWrites.current.push({ change: thisChange, updatedAt: file.updatedAt });
        writePendingSave({
          id: entry.id,
          baseRevision: entry.revision,
          queuedWrites: queuedWrites.current.map((queued) => queued.updatedAt),
          file,
          step,
          status,
          completedAt,
          previousId: entry.previousId,
          title: entry.title,
        });
      }
      // Queued writes still run once the page has left the diagnosis: the last change is never dropped.
      queue.current = queue.current.then(async () => {
        if (isHeldByConflict.current) return;
        let result: LibraryWriteResult | null = null;
        if (entry.id === null) {
          if (hasContent(changes.file)) result = await createEntry(changes);
        } else {
          result = await library.save(entry.id, changes, entry.revision);
          // Deleted in another tab while open here: nothing is lost, it comes back as a new entry.
          // Deleted after leaving (the workshop's next participant, « Supprimer »): it stays deleted.
          if (!isUnmounted.current && !result.ok && result.reason === 'missing') result = await createEntry(changes);
        }
        if (result) record(result, changes, thisChange);
      });
    };
    entry.whenSaved = () => queue.current;
    save();
    const subscription = actorRef.subscribe(save);
    return () => {
      subscription.unsubscribe();
      isUnmounted.current = true;
    };
    // currentChanges and record read refs and the props listed here only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actorRef, library, fileInfo, entry]);

  useEffect(() => {
    // A new entry (saved as a copy) is open nowhere else yet.
    setIsOpenElsewhere(false);
    if (entryId === null) return;
    const release = library.watchEditing(entryId, setIsOpenElsewhere);
    // Closing the tab unmounts nothing: the other tabs hear it leave on pagehide.
    window.addEventListener('pagehide', release);
    return () => {
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [library, entryId]);

  const exportNow = () => {
    const { file, organisationName } = currentChanges();
    exportAnswersFile(file, organisationName);
  };

  const saveAsCopy = async () => {
    const changes = currentChanges();
    const name = changes.organisationName || t('library.unnamedOrganisation');
    Object.assign(entry, { id: null, revision: 0, title: t('library.copyTitle', { name }), previousId: entry.previousId });
    isHeldByConflict.current = false;
    changeCount.current += 1;
    record(await createEntry(changes), changes, changeCount.current);
  };

  return (
    <>
      {isOpenElsewhere ? (
        <div className="notice warning-card" role="alert">
          <p>{t('library.openElsewhere')}</p>
        </div>
      ) : null}
      {problem === 'conflict' ? (
        <div className="notice warning-card" role="alert">
          <p>{t('library.conflict')}</p>
          <div className="step-actions">
            <button type="button" className="button button-primary" onClick={() => void saveAsCopy()}>
              {t('library.saveAsCopy')}
            </button>
            <button type="button" className="button button-secondary" onClick={exportNow}>
              {t('wizard.exportAnswers')}
            </button>
            {entry.id ? (
              <button type="button" className="button button-link" onClick={() => entry.id && onReload(entry.id)}>
                {t('library.reloadSaved')}
              </button>
            ) : null}
          </div>
        </div>
      ) : problem ? (
        <div className="notice warning-card" role="alert">
          <p>{problem === 'quota' ? t('library.quota') : problem === 'newer' ? t('library.newer') : t('wizard.saveFailed')}</p>
          <button type="button" className="button button-secondary" onClick={exportNow}>
            {t('wizard.exportAnswers')}
          </button>
        </div>
      ) : null}
    </>
  );
}
