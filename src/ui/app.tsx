import { useQueryClient } from '@tanstack/react-query';
import { dequal } from 'dequal';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswersFile } from '../domain/answers';
import { findWizardStepBySlug, type WizardStepState } from '../domain/wizard-steps';
import type { DraftStorage } from '../data/draft-storage';
import type { DiagnosisLibrary, LibraryEntry } from '../data/diagnosis-library';
import { createLazyDiagnosisLibrary } from '../data/lazy-diagnosis-library';
import { currentLanguage, i18n } from '../i18n/i18n';
import type { AddToStoredGroupOutcome } from '../data/group-membership';
import type { GroupStorage } from '../data/group-storage';
import type { ImportAnswersResult } from '../data/import-answers-file';
import { questionnaireQueryOptions } from '../data/questionnaire-queries';
import { readAnswerMessages } from './answer-messages';
import { LIBRARY_QUERY_KEY, LibraryContainer } from './library/library-container';
import { formatLibraryDate } from './library/library-format';
import type { ReadPendingSave } from './library/pending-save';
import { clearPendingSave, hasPendingSave } from './library/pending-save-slot';
import { UpdateBanner } from '../pwa/update-banner';
import { ACCESSIBILITY_HASH, DATA_HASH, GROUP_HASH, HOME_HASH, PROJECTION_HASH, buildCompareHash, isShareLinkHash, readCompareHash } from './routes';
import type { SharedDiagnosis } from './shared-link-page';
import { WelcomePage } from './welcome-page';
import { describeMigration, openSession, type Session } from './session';

// The wizard (XState, react-hook-form, zod) loads when a diagnosis opens: the welcome page paints without it.
const WizardLoader = lazy(() => import('./wizard-loader').then((module) => ({ default: module.WizardLoader })));
// The group screens load when opened: a person answering alone never downloads them.
const GroupPage = lazy(() => import('./group/group-page').then((module) => ({ default: module.GroupPage })));
const ProjectionPage = lazy(() => import('./group/projection-page').then((module) => ({ default: module.ProjectionPage })));
const SharedLinkPage = lazy(() => import('./shared-link-page').then((module) => ({ default: module.SharedLinkPage })));
const DataPage = lazy(() => import('./pages/data-page').then((module) => ({ default: module.DataPage })));
const AccessibilityPage = lazy(() => import('./pages/accessibility-page').then((module) => ({ default: module.AccessibilityPage })));
const ComparePage = lazy(() => import('./compare/compare-page').then((module) => ({ default: module.ComparePage })));

/** Adds diagnoses to the group on this device; the group's code and IndexedDB library load only then. */
async function addToGroup(storage: GroupStorage | undefined, file: AnswersFile): Promise<AddToStoredGroupOutcome> {
  const [{ addDiagnosesToStoredGroup }, { getDefaultGroupStorage }] = await Promise.all([
    import('../data/group-membership'),
    import('../data/group-storage'),
  ]);
  return addDiagnosesToStoredGroup(storage ?? getDefaultGroupStorage(), [file], readAnswerMessages(currentLanguage()));
}

type Route =
  | { name: 'diagnosis' }
  | { name: 'group' }
  | { name: 'projection' }
  | { name: 'data' }
  | { name: 'accessibility' }
  | { name: 'shared-link'; link: string }
  | { name: 'compare'; olderId: string; newerId: string };

function readRoute(): Route {
  // The build's prerender (src/prerender.tsx) has no address: the home page.
  if (typeof window === 'undefined') return { name: 'diagnosis' };
  const { hash, href } = window.location;
  if (hash === GROUP_HASH) return { name: 'group' };
  if (hash === PROJECTION_HASH) return { name: 'projection' };
  if (hash === DATA_HASH) return { name: 'data' };
  if (hash === ACCESSIBILITY_HASH) return { name: 'accessibility' };
  if (isShareLinkHash(hash)) return { name: 'shared-link', link: href };
  const compared = readCompareHash(hash);
  if (compared) return { name: 'compare', ...compared };
  return { name: 'diagnosis' };
}

// Kept for the tab only: a reload in the middle of a participant stays in workshop mode, a new tab does not.
const WORKSHOP_SESSION_KEY = 'trajectoires.atelier';
// The diagnosis open in this tab, so that a reload on a step reopens it (another tab opens its own).
const OPEN_DIAGNOSIS_SESSION_KEY = 'trajectoires.ouvert';

function readTabValue(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeTabValue(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Without session storage a reload shows the welcome page, where the library lists the diagnosis.
  }
}

function describeGroupFailure(outcome: Extract<AddToStoredGroupOutcome, { ok: false }>): string {
  return outcome.reason === 'quota'
    ? i18n.t('workshop.storageQuota')
    : outcome.reason === 'corrupted'
      ? i18n.t('workshop.storageCorrupted')
      : i18n.t('workshop.storageUnavailable');
}

/**
 * Whether the stored diagnosis is where this tab left it before the reload: nothing written since
 * the pending copy's revision, or only this tab's own queued writes, landed after the page went.
 * Otherwise another tab wrote, and the reopened page's first save shows the conflict.
 */
function isOwnWriteOrNone(pending: ReadPendingSave, stored: LibraryEntry): boolean {
  if (pending.id === null || stored.revision === pending.baseRevision) return true;
  return stored.revision - pending.baseRevision <= pending.queuedWrites.length && pending.queuedWrites.includes(stored.file.updatedAt);
}

/** A reload on a step of the wizard: the diagnosis this tab had open, and whether a copy of it is not yet stored. */
interface Reopening {
  id: string | null;
  step: WizardStepState;
  hasPending: boolean;
}

/** A reload on a step of the wizard goes straight back to the diagnosis open in this tab. */
function readReopening(): Reopening | null {
  if (typeof window === 'undefined') return null;
  const stepInAddress = findWizardStepBySlug(window.location.hash.replace(/^#\//, ''));
  const id = readTabValue(OPEN_DIAGNOSIS_SESSION_KEY);
  const hasPending = hasPendingSave();
  return stepInAddress && (id || hasPending) ? { id, step: stepInAddress.state, hasPending } : null;
}

/**
 * Whether the app opens on the welcome page, as the build prerendered it (src/prerender.tsx):
 * then the browser can take over that page as it is (hydrate) instead of building it again.
 */
export function opensOnWelcomePage(): boolean {
  return readRoute().name === 'diagnosis' && readReopening() === null;
}

/** The tab's copy not yet stored, read with its schema (and zod) only when a reload needs it. */
async function readTabPendingSave(): Promise<ReadPendingSave | null> {
  const { readPendingSave } = await import('./library/pending-save');
  return readPendingSave();
}

export function App({
  library: libraryProp,
  drafts,
  groupStorage,
}: {
  library?: DiagnosisLibrary;
  /** Where earlier versions kept their one draft; read once to move it into the library (the browser's localStorage when absent). */
  drafts?: DraftStorage;
  groupStorage?: GroupStorage;
}) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [library] = useState(() => libraryProp ?? createLazyDiagnosisLibrary());
  const [route, setRoute] = useState<Route>(readRoute);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  // What went wrong opening a diagnosis of the library, shown above it.
  const [libraryErrors, setLibraryErrors] = useState<string[]>([]);
  const [isWorkshop, setIsWorkshop] = useState(() => readTabValue(WORKSHOP_SESSION_KEY) === 'on');
  const [workshopNotice, setWorkshopNotice] = useState<string | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [reopening, setReopening] = useState<Reopening | null>(readReopening);

  const refreshLibrary = useCallback(() => void queryClient.invalidateQueries({ queryKey: LIBRARY_QUERY_KEY }), [queryClient]);
  useEffect(() => library.subscribe(refreshLibrary), [library, refreshLibrary]);

  const startSession = useCallback((next: Session | null) => {
    writeTabValue(OPEN_DIAGNOSIS_SESSION_KEY, next?.entry.id ?? null);
    // The pending copy belongs to the diagnosis being left; the next one writes its own.
    clearPendingSave();
    setSession(next);
  }, []);

  const leaveDiagnosis = useCallback(() => {
    // The diagnosis is saved as it is typed: leaving it loses nothing, the library lists it.
    startSession(null);
  }, [startSession]);

  /** Leaving is free, unless the library refused the last changes: then the person decides. */
  const mayLeaveDiagnosis = () => !session?.entry.hasUnsavedChanges || window.confirm(t('library.leaveUnsaved'));

  const followRoute = useCallback(() => {
    const next = readRoute();
    // Another view replaces the wizard: its session would come back with the answers it started with.
    if (next.name !== 'diagnosis') leaveDiagnosis();
    setRoute(next);
  }, [leaveDiagnosis]);

  useEffect(() => {
    window.addEventListener('hashchange', followRoute);
    return () => window.removeEventListener('hashchange', followRoute);
  }, [followRoute]);

  const goTo = useCallback(
    (hash: string) => {
      window.history.pushState(null, '', hash);
      followRoute();
    },
    [followRoute],
  );

  // In the interface's language: a comparison or a report mixes no languages.
  const loadQuestionnaire = useCallback((id: string) => queryClient.fetchQuery(questionnaireQueryOptions(id, currentLanguage())), [queryClient]);

  /** A stored file read again with today's questionnaire (migrated if it changed); the checks load with the first file opened. */
  const readWithTodaysQuestionnaire = useCallback(
    async (file: AnswersFile): Promise<ImportAnswersResult> => {
      const { validateAnswersJson } = await import('../data/import-answers-file');
      return validateAnswersJson(file, loadQuestionnaire, readAnswerMessages(currentLanguage()));
    },
    [loadQuestionnaire],
  );

  /**
   * Opens a diagnosis of the library, read again with today's questionnaire. `stored` is what the
   * library holds when the page opens something newer (the tab's pending copy after a reload).
   */
  const openEntry = useCallback(
    async (entry: LibraryEntry, resumeAt: WizardStepState = entry.step, stored: LibraryEntry = entry) => {
      const checked = await readWithTodaysQuestionnaire(entry.file);
      // Never half-loaded: a diagnosis this version cannot read stays in the library as it is.
      if (!checked.ok) return setLibraryErrors([t('library.openFailed'), ...checked.errors]);
      setLibraryErrors([]);
      const previousEntry = entry.previousId ? await library.get(entry.previousId) : null;
      startSession(
        openSession({
          questionnaireId: checked.questionnaire.id,
          file: checked.file,
          resumeAt,
          entry: {
            id: entry.id,
            revision: entry.revision,
            status: entry.status,
            completedAt: entry.completedAt,
            previousId: entry.previousId,
            title: entry.title,
            stored: { file: stored.file, step: stored.step, status: stored.status, completedAt: stored.completedAt, organisationName: stored.organisationName },
          },
          previous: previousEntry?.status === 'found' ? { id: previousEntry.entry.id, updatedAt: previousEntry.entry.file.updatedAt } : null,
          notices: describeMigration(checked),
        }),
      );
    },
    [library, readWithTodaysQuestionnaire, startSession],
  );

  /** « Reprendre / Ouvrir » from the list: read again, the list on screen may be older than the store. */
  const openListedEntry = useCallback(
    async (listed: LibraryEntry) => {
      const found = await library.get(listed.id);
      if (found.status === 'found') return openEntry(found.entry);
      setLibraryErrors([t('library.openFailed'), found.status === 'missing' ? t('library.missing') : found.status === 'unavailable' ? t('library.unavailable') : found.status === 'newer' ? t('library.newer') : t('library.unreadable')]);
    },
    [library, openEntry],
  );

  /** « Refaire le diagnostic »: a new diagnosis of the same organisation, pre-filled from this one. */
  const redo = useCallback(
    async (source: LibraryEntry) => {
      const checked = await readWithTodaysQuestionnaire(source.file);
      if (!checked.ok) return setLibraryErrors([t('library.openFailed'), ...checked.errors]);
      setLibraryErrors([]);
      const now = new Date().toISOString();
      // Answers, respondent and the path's marks carry over: « Fait » last year stays done, and the comparison shows what was done since.
      const file = { ...checked.file, createdAt: now, updatedAt: now };
      startSession(
        openSession({
          questionnaireId: checked.questionnaire.id,
          file,
          resumeAt: 'profile',
          entry: { previousId: source.id },
          previous: { id: source.id, updatedAt: source.file.updatedAt },
          notices: [t('library.redoNotice', { date: formatLibraryDate(source.file.updatedAt) }), ...describeMigration(checked)],
        }),
      );
      window.history.replaceState(null, '', HOME_HASH);
    },
    [readWithTodaysQuestionnaire, startSession],
  );

  useEffect(() => {
    if (!reopening) return;
    let isCurrent = true;
    const reopen = async () => {
      const { id, step, hasPending } = reopening;
      const pending = hasPending ? await readTabPendingSave() : null;
      const found = id ? await library.get(id) : null;
      if (!isCurrent) return;
      // The tab's pending copy is newer than the store when the last write did not finish before the reload.
      const ownPending = pending && (pending.id === id || pending.id === null) ? pending : null;
      if (found?.status === 'found') {
        const unsaved = ownPending && !dequal(ownPending.file, found.entry.file) ? ownPending : null;
        await openEntry(
          unsaved
            ? {
                ...found.entry,
                file: unsaved.file,
                step: unsaved.step,
                status: unsaved.status,
                completedAt: unsaved.completedAt,
                // Written on the revision it started from: if another tab wrote since, the next save says so.
                revision: isOwnWriteOrNone(unsaved, found.entry) ? found.entry.revision : unsaved.baseRevision,
              }
            : found.entry,
          step,
          found.entry,
        );
      } else if (ownPending) {
        // Never stored (storage refused, or the first write cut short): the tab's copy is all there is.
        const checked = await readWithTodaysQuestionnaire(ownPending.file);
        if (!checked.ok && isCurrent) setLibraryErrors([t('library.openFailed'), ...checked.errors]);
        if (checked.ok && isCurrent) {
          startSession(
            openSession({
              questionnaireId: checked.questionnaire.id,
              file: checked.file,
              resumeAt: step,
              entry: { status: ownPending.status, completedAt: ownPending.completedAt, previousId: ownPending.previousId, title: ownPending.title },
            }),
          );
        }
      }
      if (isCurrent) setReopening(null);
    };
    // Whatever fails (a chunk or the library out of reach), the page leaves « Chargement… » and says so.
    void reopen().catch((error: unknown) => {
      if (!isCurrent) return;
      setLibraryErrors([t('library.openFailed'), error instanceof Error ? error.message : String(error)]);
      setReopening(null);
    });
    return () => {
      isCurrent = false;
    };
  }, [library, openEntry, readWithTodaysQuestionnaire, reopening, startSession, t]);

  const switchWorkshopMode = (isOn: boolean) => {
    writeTabValue(WORKSHOP_SESSION_KEY, isOn ? 'on' : null);
    setIsWorkshop(isOn);
    setWorkshopNotice(null);
  };

  const startWorkshop = (questionnaireId: string) => {
    switchWorkshopMode(true);
    startSession(openSession({ questionnaireId }));
    goTo(HOME_HASH);
  };

  const stopWorkshop = () => {
    switchWorkshopMode(false);
    // Going to the group view leaves the diagnosis (followRoute), dropping the blank next participant.
    goTo(GROUP_HASH);
  };

  const saveParticipant = async (file: AnswersFile, current: Session) => {
    const outcome = await addToGroup(groupStorage, file);
    if (!outcome.ok) return setWorkshopNotice(t('workshop.saveFailed', { reason: describeGroupFailure(outcome) }));
    const [rejected] = outcome.rejected;
    if (rejected) return setWorkshopNotice(t('workshop.saveFailed', { reason: rejected.reason }));
    // On a shared device the next participant must not find the previous one's answers in the library
    // (once the writes already queued have landed, so that none of them brings the entry back).
    await current.entry.whenSaved();
    if (current.entry.id) await library.remove(current.entry.id);
    setWorkshopNotice(t('workshop.saved', { count: outcome.group.members.length }));
    startSession(openSession({ questionnaireId: current.questionnaireId }));
  };

  const openFile = async (opened: Extract<ImportAnswersResult, { ok: true }> | SharedDiagnosis) => {
    // Loaded with the file's checks already: opening a file has fetched zod and the answers' rules.
    const { statusOfFile } = await import('../domain/diagnosis-status');
    startSession(
      openSession({
        questionnaireId: opened.questionnaire.id,
        file: opened.file,
        resumeAt: 'synthesis',
        entry: statusOfFile(opened.questionnaire, opened.file),
        notices: 'migration' in opened ? describeMigration(opened) : [],
      }),
    );
  };

  // A new version waits while a diagnosis is open: installed on the way back home, never mid-answer.
  const isDiagnosisOpen = session !== null || reopening !== null;
  return (
    <>
      <UpdateBanner inDiagnosis={isDiagnosisOpen} />
      {renderView()}
    </>
  );

  function renderView() {
    if (reopening) return <p className="loading">{t('welcome.loading')}</p>;

    if (route.name === 'group' || route.name === 'projection') {
      return (
        <Suspense fallback={<p className="loading">{t('welcome.loading')}</p>}>
          {route.name === 'group' ? (
            <GroupPage onBack={() => goTo(HOME_HASH)} onStartWorkshop={startWorkshop} storage={groupStorage} />
          ) : (
            <ProjectionPage storage={groupStorage} />
          )}
        </Suspense>
      );
    }

    if (route.name === 'data' || route.name === 'accessibility') {
      return (
        <Suspense fallback={<p className="loading">{t('welcome.loading')}</p>}>
          {route.name === 'data' ? (
            <DataPage
              describe={() => import('../data/local-data').then(({ describeLocalData }) => describeLocalData({ library, groupStorage }))}
              erase={() => import('../data/local-data').then(({ eraseAllLocalData }) => eraseAllLocalData({ library, groupStorage }))}
              onErased={() => {
                // Nothing of the erased data may come back: no open diagnosis, no workshop, the lists read again.
                switchWorkshopMode(false);
                startSession(null);
                void queryClient.invalidateQueries();
              }}
            />
          ) : (
            <AccessibilityPage />
          )}
        </Suspense>
      );
    }

    if (route.name === 'compare') {
      return (
        <Suspense fallback={<p className="loading">{t('welcome.loading')}</p>}>
          <ComparePage library={library} olderId={route.olderId} newerId={route.newerId} onBack={() => goTo(HOME_HASH)} />
        </Suspense>
      );
    }

    if (route.name === 'shared-link') {
      const forgetLink = (hash: string) => {
        // The answers travel in the address: replace it so they do not linger in the history.
        window.history.replaceState(null, '', hash);
        setRoute(readRoute());
      };
      return (
        <Suspense fallback={<p className="loading">{t('welcome.loading')}</p>}>
          <SharedLinkPage
            link={route.link}
            onCancel={() => forgetLink(HOME_HASH)}
            onOpen={(shared: SharedDiagnosis) => {
              // A new entry of the library: the diagnosis in progress, if any, stays there.
              void openFile(shared).then(() => forgetLink(HOME_HASH));
            }}
            onAddToGroup={async ({ file }: SharedDiagnosis) => {
              const outcome = await addToGroup(groupStorage, file);
              if (!outcome.ok) return describeGroupFailure(outcome);
              const [rejected] = outcome.rejected;
              if (rejected) return rejected.reason;
              forgetLink(GROUP_HASH);
              return null;
            }}
          />
        </Suspense>
      );
    }

    if (!session) {
      return (
        <WelcomePage
          onStart={(questionnaireId) => {
            switchWorkshopMode(false);
            startSession(openSession({ questionnaireId }));
          }}
          onOpenGroup={() => goTo(GROUP_HASH)}
          importErrors={importErrors}
          onImport={async (file) => {
            const { importAnswersFile } = await import('../data/import-answers-file');
            const result = await importAnswersFile(file, loadQuestionnaire, readAnswerMessages(currentLanguage()));
            if (!result.ok) return setImportErrors(result.errors);
            setImportErrors([]);
            await openFile(result);
          }}
          library={
            <LibraryContainer
              library={library}
              drafts={drafts}
              onOpen={(entry) => void openListedEntry(entry)}
              onRedo={(entry) => void redo(entry)}
              onCompare={(olderId, newerId) => goTo(buildCompareHash(olderId, newerId))}
              errors={libraryErrors}
              onFailure={(text) => setLibraryErrors([text])}
            />
          }
        />
      );
    }
    return (
      <Suspense fallback={<p className="loading">{t('welcome.loading')}</p>}>
        <WizardLoader
          key={session.key}
          session={session}
          library={library}
          onRespondentChange={(respondent) => setSession({ ...session, respondent })}
          onSaved={(entry, isStillOpen) => {
            if (isStillOpen) writeTabValue(OPEN_DIAGNOSIS_SESSION_KEY, entry.id);
            // A write that lands after leaving still shows in the library on the welcome page.
            refreshLibrary();
          }}
          onReload={async (id) => {
            const result = await library.get(id);
            if (result.status === 'found') await openEntry(result.entry);
          }}
          // In a workshop the device passes from hand to hand: no « Refaire » or comparison of someone else's answers.
          controls={
            isWorkshop
              ? null
              : {
                  previous: session.previous,
                  loadPrevious: async () => {
                    if (!session.previous) return null;
                    const found = await library.get(session.previous.id);
                    if (found.status !== 'found') return null;
                    const checked = await readWithTodaysQuestionnaire(found.entry.file);
                    return checked.ok ? { questionnaire: checked.questionnaire, file: checked.file } : null;
                  },
                  onRedo: () => {
                    // Redone from what is saved, which the autosave keeps up to date with the page.
                    if (!session.entry.id || !mayLeaveDiagnosis()) return;
                    void library.get(session.entry.id).then((result) => {
                      if (result.status === 'found') void redo(result.entry);
                    });
                  },
                  onCompareWithPrevious: () => {
                    if (session.previous && session.entry.id && mayLeaveDiagnosis()) goTo(buildCompareHash(session.previous.id, session.entry.id));
                  },
                }
          }
          workshop={
            isWorkshop
              ? {
                  notice: workshopNotice,
                  groupStorage,
                  onNextParticipant: (file) => saveParticipant(file, session),
                  onStop: stopWorkshop,
                }
              : null
          }
          onLeave={() => {
            // The browser's Back button from the first step: refused, the address goes back to the step.
            if (!mayLeaveDiagnosis()) return window.history.forward();
            leaveDiagnosis();
          }}
          onNewDiagnosis={() => {
            // Nothing to erase: the diagnosis stays in the library, the welcome page offers a new one.
            if (!mayLeaveDiagnosis()) return;
            window.history.replaceState(null, '', HOME_HASH);
            leaveDiagnosis();
          }}
        />
      </Suspense>
    );
  }
}

