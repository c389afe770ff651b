import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { findFirstIncompleteStep, type AnswersFile, type Answers, type PathProgress } from '../domain/answers';
import { findWizardStepBySlug, type WizardStepState } from '../domain/wizard-steps';
import { createDraftStorage, type DraftLoadResult, type DraftStorage } from '../data/draft-storage';
import type { AddToStoredGroupOutcome } from '../data/group-membership';
import type { GroupStorage } from '../data/group-storage';
import { importAnswersFile } from '../data/import-answers-file';
import { ContentLoadError, questionnaireQueryOptions, toolkitQueryOptions } from '../data/questionnaire-queries';
import { selectCurrentStep } from '../machine/wizard-machine';
import { WizardActorContext } from '../machine/wizard-actor-context';
import { saveFile } from '../report/save-file';
import { DiagnosisFileContext, buildDiagnosisFile, type DiagnosisFileInfo } from './diagnosis-file';
import { ContentErrorPage } from './error-page';
import { messages } from './messages';
import { GROUP_HASH, HOME_HASH, PROJECTION_HASH, isShareLinkHash } from './routes';
import type { SharedDiagnosis } from './shared-link-page';
import { WelcomePage } from './welcome-page';
import { RespondentFields } from './wizard/respondent-fields';
import { WizardShell } from './wizard/wizard-shell';

// The group screens load when opened: a person answering alone never downloads them.
const GroupPage = lazy(() => import('./group/group-page').then((module) => ({ default: module.GroupPage })));
const ProjectionPage = lazy(() => import('./group/projection-page').then((module) => ({ default: module.ProjectionPage })));
const SharedLinkPage = lazy(() => import('./shared-link-page').then((module) => ({ default: module.SharedLinkPage })));

/** Adds diagnoses to the group on this device; the group's code and IndexedDB library load only then. */
async function addToGroup(storage: GroupStorage | undefined, file: AnswersFile): Promise<AddToStoredGroupOutcome> {
  const [{ addDiagnosesToStoredGroup }, { getDefaultGroupStorage }] = await Promise.all([
    import('../data/group-membership'),
    import('../data/group-storage'),
  ]);
  return addDiagnosesToStoredGroup(storage ?? getDefaultGroupStorage(), [file]);
}

interface Session {
  questionnaireId: string;
  answers: Answers;
  resumeAt: WizardStepState;
  createdAt: string;
  respondent: DiagnosisFileInfo['respondent'];
  pathProgress: PathProgress;
}

type Route = { name: 'diagnosis' } | { name: 'group' } | { name: 'projection' } | { name: 'shared-link'; link: string };


function readRoute(): Route {
  const { hash, href } = window.location;
  if (hash === GROUP_HASH) return { name: 'group' };
  if (hash === PROJECTION_HASH) return { name: 'projection' };
  if (isShareLinkHash(hash)) return { name: 'shared-link', link: href };
  return { name: 'diagnosis' };
}

// Kept for the tab only: a reload in the middle of a participant stays in workshop mode, a new tab does not.
const WORKSHOP_SESSION_KEY = 'trajectoires.atelier';

function readWorkshopMode(): boolean {
  try {
    return window.sessionStorage.getItem(WORKSHOP_SESSION_KEY) === 'on';
  } catch {
    return false;
  }
}

function writeWorkshopMode(isOn: boolean): void {
  try {
    if (isOn) window.sessionStorage.setItem(WORKSHOP_SESSION_KEY, 'on');
    else window.sessionStorage.removeItem(WORKSHOP_SESSION_KEY);
  } catch {
    // Without session storage the mode lasts until the next reload; the answers themselves are saved elsewhere.
  }
}

function describeGroupFailure(outcome: Extract<AddToStoredGroupOutcome, { ok: false }>): string {
  return outcome.reason === 'quota'
    ? messages.workshop.storageQuota
    : outcome.reason === 'corrupted'
      ? messages.workshop.storageCorrupted
      : messages.workshop.storageUnavailable;
}

function newSession(questionnaireId: string): Session {
  return { questionnaireId, answers: {}, resumeAt: 'profile', createdAt: new Date().toISOString(), respondent: {}, pathProgress: {} };
}

function sessionFromFile(file: AnswersFile, questionnaireId: string): Session {
  // The wizard opens the synthesis if every step is complete, otherwise the first step left to answer.
  return {
    questionnaireId,
    answers: file.answers,
    resumeAt: 'synthesis',
    createdAt: file.createdAt,
    respondent: file.respondent,
    pathProgress: file.pathProgress ?? {},
  };
}

export function App({ storage = defaultStorage, groupStorage }: { storage?: DraftStorage; groupStorage?: GroupStorage }) {
  const queryClient = useQueryClient();
  const [route, setRoute] = useState<Route>(readRoute);
  const [draft, setDraft] = useState<DraftLoadResult>(() => storage.load());
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [isWorkshop, setIsWorkshop] = useState(readWorkshopMode);
  const [workshopNotice, setWorkshopNotice] = useState<string | null>(null);
  const [session, setSession] = useState<Session | null>(() => {
    // A reload on a step of the wizard goes straight back to it: the person was just there.
    const stepInAddress = findWizardStepBySlug(window.location.hash.replace(/^#\//, ''));
    return draft.status === 'found' && stepInAddress ? sessionFromDraft(draft, stepInAddress.state) : null;
  });

  const leaveDiagnosis = useCallback(() => {
    // The diagnosis is saved as it is typed: leaving it loses nothing, the welcome page offers to resume.
    const saved = storage.load();
    // A diagnosis with no answer yet (the blank one a workshop opens for the next participant) is not worth resuming.
    if (saved.status === 'found' && Object.keys(saved.draft.file.answers).length === 0) {
      storage.clear();
      setDraft({ status: 'none' });
    } else {
      setDraft(saved);
    }
    setSession(null);
  }, [storage]);

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

  const switchWorkshopMode = (isOn: boolean) => {
    writeWorkshopMode(isOn);
    setIsWorkshop(isOn);
    setWorkshopNotice(null);
  };

  const startWorkshop = (questionnaireId: string) => {
    const hasDraft = storage.load().status === 'found';
    if (hasDraft && !window.confirm(messages.welcome.restartConfirm)) return;
    storage.clear();
    switchWorkshopMode(true);
    setSession(newSession(questionnaireId));
    goTo(HOME_HASH);
  };

  const stopWorkshop = () => {
    switchWorkshopMode(false);
    // Going to the group view leaves the diagnosis (followRoute), dropping the blank next participant.
    goTo(GROUP_HASH);
  };

  const saveParticipant = async (file: AnswersFile, questionnaireId: string) => {
    const outcome = await addToGroup(groupStorage, file);
    if (!outcome.ok) return setWorkshopNotice(messages.workshop.saveFailed(describeGroupFailure(outcome)));
    const [rejected] = outcome.rejected;
    if (rejected) return setWorkshopNotice(messages.workshop.saveFailed(rejected.reason));
    storage.clear();
    setWorkshopNotice(messages.workshop.saved(outcome.group.members.length));
    setSession(newSession(questionnaireId));
  };

  if (route.name === 'group' || route.name === 'projection') {
    return (
      <Suspense fallback={<p className="loading">{messages.welcome.loading}</p>}>
        {route.name === 'group' ? (
          <GroupPage
            onBack={() => goTo(HOME_HASH)}
            onStartWorkshop={startWorkshop}
            storage={groupStorage}
          />
        ) : (
          <ProjectionPage storage={groupStorage} />
        )}
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
      <Suspense fallback={<p className="loading">{messages.welcome.loading}</p>}>
        <SharedLinkPage
          link={route.link}
          onCancel={() => forgetLink(HOME_HASH)}
          onOpen={({ file, questionnaire }: SharedDiagnosis) => {
            if (storage.load().status === 'found' && !window.confirm(messages.share.replaceDraftConfirm)) return;
            storage.clear();
            setSession(sessionFromFile(file, questionnaire.id));
            forgetLink(HOME_HASH);
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
        draft={draft}
        onStart={(questionnaireId) => {
          storage.clear();
          switchWorkshopMode(false);
          setSession(newSession(questionnaireId));
        }}
        onResume={() => draft.status === 'found' && setSession(sessionFromDraft(draft, draft.draft.step))}
        onDiscardDraft={() => {
          storage.clear();
          setDraft({ status: 'none' });
        }}
        onOpenGroup={() => goTo(GROUP_HASH)}
        importErrors={importErrors}
        onImport={async (file) => {
          const result = await importAnswersFile(file, (id) => queryClient.fetchQuery(questionnaireQueryOptions(id)));
          if (!result.ok) return setImportErrors(result.errors);
          setImportErrors([]);
          storage.clear();
          setSession(sessionFromFile(result.file, result.questionnaire.id));
        }}
      />
    );
  }
  return (
    <WizardLoader
      key={session.createdAt}
      session={session}
      storage={storage}
      onRespondentChange={(respondent) => setSession({ ...session, respondent })}
      workshop={
        isWorkshop
          ? {
              notice: workshopNotice,
              groupStorage,
              onNextParticipant: (file) => saveParticipant(file, session.questionnaireId),
              onStop: stopWorkshop,
            }
          : null
      }
      onLeave={leaveDiagnosis}
      onNewDiagnosis={() => {
        if (!window.confirm(messages.welcome.restartConfirm)) return;
        storage.clear();
        setDraft({ status: 'none' });
        window.history.replaceState(null, '', HOME_HASH);
        setSession(null);
      }}
    />
  );
}

const defaultStorage = createDraftStorage();

function sessionFromDraft(draft: Extract<DraftLoadResult, { status: 'found' }>, resumeAt: WizardStepState): Session {
  return {
    questionnaireId: draft.draft.file.questionnaire.id,
    answers: draft.draft.file.answers,
    resumeAt,
    createdAt: draft.draft.file.createdAt,
    respondent: draft.draft.file.respondent,
    pathProgress: draft.draft.file.pathProgress ?? {},
  };
}

interface WorkshopControls {
  notice: string | null;
  /** Tests pass their own; the app uses the page's default group storage, loaded on demand. */
  groupStorage: GroupStorage | undefined;
  onNextParticipant: (file: AnswersFile) => Promise<void>;
  onStop: () => void;
}

function WizardLoader({
  session,
  storage,
  workshop,
  onRespondentChange,
  onNewDiagnosis,
  onLeave,
}: {
  session: Session;
  storage: DraftStorage;
  workshop: WorkshopControls | null;
  onRespondentChange: (respondent: DiagnosisFileInfo['respondent']) => void;
  onNewDiagnosis: () => void;
  onLeave: () => void;
}) {
  const questionnaire = useQuery(questionnaireQueryOptions(session.questionnaireId));
  // Loaded now, with the questionnaire, so that the synthesis works even if the network drops later.
  const toolkit = useQuery(toolkitQueryOptions);
  const fileInfo = useMemo<DiagnosisFileInfo>(() => ({ createdAt: session.createdAt, respondent: session.respondent }), [session]);
  const failed = questionnaire.error ?? toolkit.error;
  if (failed) {
    return (
      <ContentErrorPage
        message={failed.message}
        details={failed instanceof ContentLoadError ? failed.details : []}
        onRetry={() => {
          void questionnaire.refetch();
          void toolkit.refetch();
        }}
      />
    );
  }
  if (!questionnaire.data) return <p className="loading">{messages.welcome.loading}</p>;
  return (
    <DiagnosisFileContext.Provider value={fileInfo}>
      <WizardActorContext.Provider options={{ input: { questionnaire: questionnaire.data, answers: session.answers, resumeAt: session.resumeAt, pathProgress: session.pathProgress } }}>
        <DraftAutosave storage={storage} fileInfo={fileInfo} />
        {workshop ? <WorkshopBanner workshop={workshop} fileInfo={fileInfo} /> : null}
        <WizardShell
          onNewDiagnosis={onNewDiagnosis}
          onLeave={onLeave}
          profileIntro={<RespondentFields respondent={session.respondent} onChange={onRespondentChange} />}
        />
      </WizardActorContext.Provider>
    </DiagnosisFileContext.Provider>
  );
}

/** Workshop mode: participants answer in turn on this device; each one's answers join the group. */
function WorkshopBanner({ workshop, fileInfo }: { workshop: WorkshopControls; fileInfo: DiagnosisFileInfo }) {
  const actorRef = WizardActorContext.useActorRef();
  const [memberCount, setMemberCount] = useState<number | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    const storage = workshop.groupStorage
      ? Promise.resolve(workshop.groupStorage)
      : import('../data/group-storage').then((module) => module.getDefaultGroupStorage());
    void storage.then((groups) => groups.load()).then((loaded) => {
      if (isCurrent) setMemberCount(loaded.status === 'found' ? loaded.group.members.length : 0);
    });
    return () => {
      isCurrent = false;
    };
  }, [workshop.groupStorage]);

  const saveAndContinue = async () => {
    const { context } = actorRef.getSnapshot();
    if (Object.keys(context.answers).length === 0) return window.alert(messages.workshop.nothingToSave);
    const isComplete = findFirstIncompleteStep(context.questionnaire, context.answers) === null;
    if (!isComplete && !window.confirm(messages.workshop.incompleteConfirm)) return;
    setIsSaving(true);
    await workshop.onNextParticipant(buildDiagnosisFile(context, fileInfo, new Date()));
    setIsSaving(false);
  };

  return (
    <section className="card workshop-banner" aria-label={messages.workshop.modeName}>
      <p>
        <strong>{memberCount === null ? messages.workshop.modeName : messages.workshop.banner(memberCount + 1)}</strong>
        <br />
        {messages.workshop.bannerHelp}
      </p>
      <button type="button" className="button button-primary" onClick={saveAndContinue} disabled={isSaving}>
        {messages.workshop.next}
      </button>
      <a className="button button-secondary" href={PROJECTION_HASH} target="_blank" rel="noopener">
        {messages.workshop.projection}
      </a>
      <button type="button" className="button button-link" onClick={workshop.onStop}>
        {messages.workshop.stop}
      </button>
      <p role="status" className="workshop-notice">
        {workshop.notice ?? ''}
      </p>
    </section>
  );
}

/** Saves the diagnosis on the device after every change, and says so when it cannot. */
function DraftAutosave({ storage, fileInfo }: { storage: DraftStorage; fileInfo: DiagnosisFileInfo }) {
  const actorRef = WizardActorContext.useActorRef();
  const [saveFailed, setSaveFailed] = useState(false);
  useEffect(() => {
    const save = () => {
      const snapshot = actorRef.getSnapshot();
      const { questionnaire, answers } = snapshot.context;
      const organisationName = answers[questionnaire.bindings.organisationName];
      const result = storage.save({
        step: selectCurrentStep(snapshot),
        file: buildDiagnosisFile(snapshot.context, fileInfo, new Date()),
        organisationName: typeof organisationName === 'string' ? organisationName : '',
      });
      setSaveFailed(!result.ok);
    };
    save();
    const subscription = actorRef.subscribe(save);
    return () => subscription.unsubscribe();
  }, [actorRef, storage, fileInfo]);
  return saveFailed ? (
    <div className="notice warning-card" role="alert">
      <p>{messages.wizard.saveFailed}</p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const file = buildDiagnosisFile(actorRef.getSnapshot().context, fileInfo, new Date());
          saveFile(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), `reponses-${file.updatedAt.slice(0, 10)}.json`);
        }}
      >
        {messages.wizard.exportAnswers}
      </button>
    </div>
  ) : null;
}
