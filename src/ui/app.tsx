import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Answers, PathProgress } from '../domain/answers';
import { findWizardStepBySlug, type WizardStepState } from '../domain/wizard-steps';
import { createDraftStorage, type DraftLoadResult, type DraftStorage } from '../data/draft-storage';
import { importAnswersFile } from '../data/import-answers-file';
import { ContentLoadError, questionnaireQueryOptions, toolkitQueryOptions } from '../data/questionnaire-queries';
import { selectCurrentStep } from '../machine/wizard-machine';
import { WizardActorContext } from '../machine/wizard-actor-context';
import { saveFile } from '../report/save-file';
import { DiagnosisFileContext, buildDiagnosisFile, type DiagnosisFileInfo } from './diagnosis-file';
import { ContentErrorPage } from './error-page';
import { messages } from './messages';
import { WelcomePage } from './welcome-page';
import { WizardShell } from './wizard/wizard-shell';

interface Session {
  questionnaireId: string;
  answers: Answers;
  resumeAt: WizardStepState;
  createdAt: string;
  respondent: DiagnosisFileInfo['respondent'];
  pathProgress: PathProgress;
}

export function App({ storage = defaultStorage }: { storage?: DraftStorage }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DraftLoadResult>(() => storage.load());
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [session, setSession] = useState<Session | null>(() => {
    // A reload on a step of the wizard goes straight back to it: the person was just there.
    const stepInAddress = findWizardStepBySlug(window.location.hash.replace(/^#\//, ''));
    return draft.status === 'found' && stepInAddress ? sessionFromDraft(draft, stepInAddress.state) : null;
  });

  if (!session) {
    return (
      <WelcomePage
        draft={draft}
        onStart={(questionnaireId) => {
          storage.clear();
          setSession({ questionnaireId, answers: {}, resumeAt: 'profile', createdAt: new Date().toISOString(), respondent: {}, pathProgress: {} });
        }}
        onResume={() => draft.status === 'found' && setSession(sessionFromDraft(draft, draft.draft.step))}
        onDiscardDraft={() => {
          storage.clear();
          setDraft({ status: 'none' });
        }}
        importErrors={importErrors}
        onImport={async (file) => {
          const result = await importAnswersFile(file, (id) => queryClient.fetchQuery(questionnaireQueryOptions(id)));
          if (!result.ok) return setImportErrors(result.errors);
          setImportErrors([]);
          storage.clear();
          // The wizard opens the synthesis if every step is complete, otherwise the first step left to answer.
          setSession({
            questionnaireId: result.questionnaire.id,
            answers: result.file.answers,
            resumeAt: 'synthesis',
            createdAt: result.file.createdAt,
            respondent: result.file.respondent,
            pathProgress: result.file.pathProgress ?? {},
          });
        }}
      />
    );
  }
  return (
    <WizardLoader
      key={session.createdAt}
      session={session}
      storage={storage}
      onLeave={() => {
        setDraft(storage.load());
        setSession(null);
      }}
      onNewDiagnosis={() => {
        if (!window.confirm(messages.welcome.restartConfirm)) return;
        storage.clear();
        setDraft({ status: 'none' });
        window.history.replaceState(null, '', '#/');
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

function WizardLoader({
  session,
  storage,
  onNewDiagnosis,
  onLeave,
}: {
  session: Session;
  storage: DraftStorage;
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
        <WizardShell onNewDiagnosis={onNewDiagnosis} onLeave={onLeave} />
      </WizardActorContext.Provider>
    </DiagnosisFileContext.Provider>
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
